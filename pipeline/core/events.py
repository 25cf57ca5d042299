# SPDX-License-Identifier: AGPL-3.0-or-later
"""Append-only, hash-chained history of each case.

Each event's hash covers its content and the previous event's hash; the entry keeps the head.
Editing, deleting or reordering a past event breaks the chain, which `verify()` reports.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry, Event


def _digest(prev: str | None, kind: str, from_status: str | None, to_status: str, actor: str,
            at: datetime, message_id: str | None, data: dict | None) -> str:
    at = utc(at)
    body = json.dumps([prev, kind, from_status, to_status, actor,
                       at.astimezone(timezone.utc).isoformat(timespec="microseconds"),
                       message_id, data], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(body.encode()).hexdigest()


def append_event(entry: AgendaEntry, kind: str, from_status: str | None, to_status: str, *,
                 actor: str, at: datetime, message_id: str | None, data: dict | None) -> Event:
    digest = _digest(entry.event_head, kind, from_status, to_status, actor, at, message_id, data)
    event = Event(kind=kind, from_status=from_status, to_status=to_status, actor=actor, at=at,
                  message_id=message_id, data=data, prev_hash=entry.event_head, hash=digest)
    session = object_session(entry)
    if session is not None and "events" not in entry.__dict__:
        event.entry = entry      # joins the history without loading all of it first
        session.add(event)
    else:
        entry.events.append(event)
    entry.event_head = digest
    return event


OFFICE = "office"      # the chain of events that belong to no case


def append_office_event(session: Session, kind: str, *, actor: str, at: datetime,
                        data: dict | None = None) -> Event:
    """Record an account or administration action in the office's own chain.

    Bumping a counter row first serialises writers (row lock on PostgreSQL, the write lock on
    SQLite), so two actions at once cannot both chain to the same predecessor.
    """
    from pipeline.core.numbering import next_seq
    next_seq(session, "audit", 0)
    prev = session.scalar(select(Event.hash).where(Event.entry_id.is_(None))
                          .order_by(Event.id.desc()).limit(1))
    digest = _digest(prev, kind, None, OFFICE, actor, at, None, data)
    event = Event(entry_id=None, kind=kind, from_status=None, to_status=OFFICE, actor=actor,
                  at=at, data=data, prev_hash=prev, hash=digest)
    session.add(event)
    session.flush()
    return event


def verify(session: Session) -> list[str]:
    """Every break in every entry's chain, as one line each; empty when the history is intact."""
    problems = []
    prev = None
    for ev in session.scalars(select(Event).where(Event.entry_id.is_(None)).order_by(Event.id)):
        expected = _digest(prev, ev.kind, ev.from_status, ev.to_status, ev.actor, ev.at,
                           ev.message_id, ev.data)
        if ev.prev_hash != prev or ev.hash != expected:
            problems.append(f"office: event {ev.id} ({ev.kind}) does not match its hash")
        prev = ev.hash
    for entry in session.scalars(select(AgendaEntry).order_by(AgendaEntry.id)):
        prev = None
        label = entry.agenda_no or f"#{entry.id}"
        for ev in entry.events:
            expected = _digest(prev, ev.kind, ev.from_status, ev.to_status, ev.actor, ev.at,
                               ev.message_id, ev.data)
            if ev.prev_hash != prev or ev.hash != expected:
                problems.append(f"{label}: event {ev.id} ({ev.kind}) does not match its hash")
            prev = ev.hash
        if prev != entry.event_head:
            problems.append(f"{label}: the history ends before the entry's last recorded event")
        if entry.events and entry.events[-1].to_status != entry.status:
            problems.append(f"{label}: status {entry.status} was changed outside the history")
    return problems
