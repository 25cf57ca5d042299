# SPDX-License-Identifier: AGPL-3.0-or-later
"""The one state machine every case moves through, whatever its channel.

Each action names the states it may start from and the state it leads to. `move()` is the only
code that changes `AgendaEntry.status`; it refuses an edge that is not in the table and records
the move as a hash-chained event.
"""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pipeline.core.errors import IllegalTransition
from pipeline.core.events import append_event
from pipeline.core.models import AgendaEntry, Event


class Status(StrEnum):
    NEW = "new"                  # not yet in the book: only as the start of the first move
    REGISTERED = "registered"
    INCOMPLETE = "incomplete"
    DUPLICATE = "duplicate"
    QUARANTINED = "quarantined"
    FAILED = "failed"
    REJECTED = "rejected"
    DISPOSED = "disposed"
    DRAFTED = "drafted"
    INITIALLED = "initialled"
    SIGNED = "signed"
    SENT = "sent"
    CLOSED = "closed"


S = Status
OPEN = (S.REGISTERED, S.INCOMPLETE, S.DISPOSED, S.DRAFTED, S.INITIALLED, S.SIGNED)

# action: (states it may start from, state it leads to)
TRANSITIONS: dict[str, tuple[tuple[Status, ...], Status]] = {
    "register":    ((S.NEW, S.INCOMPLETE, S.QUARANTINED, S.FAILED), S.REGISTERED),
    "incomplete":  ((S.NEW, S.QUARANTINED, S.FAILED, S.REGISTERED), S.INCOMPLETE),
    "duplicate":   ((S.NEW, S.QUARANTINED, S.FAILED, S.INCOMPLETE), S.DUPLICATE),
    "quarantine":  ((S.NEW, S.FAILED), S.QUARANTINED),
    "fail":        ((S.NEW,), S.FAILED),
    "reject":      ((S.NEW, S.QUARANTINED, S.FAILED, S.INCOMPLETE), S.REJECTED),
    "dispose":     ((S.REGISTERED, S.DISPOSED), S.DISPOSED),
    "draft":       ((S.DISPOSED,), S.DRAFTED),
    "revise":      ((S.DRAFTED,), S.DRAFTED),
    "return":      ((S.DRAFTED, S.INITIALLED), S.DISPOSED),
    "initial":     ((S.DRAFTED,), S.INITIALLED),
    "sign":        ((S.INITIALLED,), S.SIGNED),
    "send":        ((S.SIGNED,), S.SENT),
    "answer":      ((S.DISPOSED,), S.SENT),       # a direct answer, where the rules allow one
    "close":       ((S.SENT,), S.CLOSED),
    "respond":     ((S.REGISTERED,), S.SENT),     # a complaint answered by the superior
}

# Notes that change nothing but belong in the history (a receipt sent, a reminder, a re-send).
NOTES = frozenset({"receipted", "notified", "reminded", "escalated", "linked", "corrected",
                   "mail_failed", "paraf", "refused", "unclear", "assigned", "accepted",
                   "reported", "archived", "printed", "viewed", "audit",
                   "status_query",          # an OPD asked where its letter is (issue 19)
                   "sign_failed",           # a letter's signing job gave up (signing/jobs.py)
                   "delegated", "handed_back"})      # officials away (casework/away.py)


def can(entry: AgendaEntry, action: str) -> bool:
    sources, _ = TRANSITIONS[action]
    return Status(entry.status or S.NEW) in sources


def move(entry: AgendaEntry, action: str, *, actor: str, at: datetime,
         message_id: str | None = None, data: dict | None = None) -> Event:
    """Move ENTRY along ACTION, or raise IllegalTransition; returns the recorded event."""
    if action not in TRANSITIONS:
        raise IllegalTransition(f"unknown action '{action}'")
    sources, target = TRANSITIONS[action]
    current = Status(entry.status or S.NEW)
    if current not in sources:
        label = entry.agenda_no or f"#{entry.id}"
        raise IllegalTransition(f"{label}: cannot {action} a case that is {current}")
    entry.status = target.value
    return append_event(entry, action, current.value, target.value, actor=actor, at=at,
                        message_id=message_id, data=data)


def note(entry: AgendaEntry, kind: str, *, actor: str, at: datetime,
         message_id: str | None = None, data: dict | None = None) -> Event:
    """Record something that happened to ENTRY without changing its state."""
    if kind not in NOTES:
        raise IllegalTransition(f"unknown note '{kind}'")
    return append_event(entry, kind, entry.status, entry.status, actor=actor, at=at,
                        message_id=message_id, data=data)
