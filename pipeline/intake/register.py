# SPDX-License-Identifier: AGPL-3.0-or-later
"""Stage 3: put a decided case into the book: number it, date it, move it, answer the sender.

Runs inside the caller's transaction, so the number, the state change, its event and the
queued notice commit together or not at all.
"""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from pipeline.books import tracklink
from pipeline.core import states, wake
from pipeline.core.config import Config
from pipeline.core.models import AgendaEntry
from pipeline.core.numbering import format_number, next_seq
from pipeline.core.rules import Rules
from pipeline.core.workdays import Calendar
from pipeline.intake import notices
from pipeline.intake.chain import Verdict
from pipeline.mail import outbox

ACTOR = "paraf"


class Registrar:
    def __init__(self, cfg: Config, rules: Rules):
        self.cfg = cfg
        self.rules = rules
        self.calendar = Calendar(cfg.service.extra_holidays)
        self.zone = ZoneInfo(cfg.office.timezone)

    def local_date(self, moment: datetime):
        return moment.astimezone(self.zone).date()

    def number(self, session: Session, entry: AgendaEntry, now: datetime) -> None:
        """Give ENTRY the next number of its book (incoming letters, or consultations from the
        web and the desk) for the year it arrived in."""
        if entry.agenda_no:
            return
        book = entry.book or "incoming"
        year = self.local_date(entry.received_at or now).year
        seq = next_seq(session, book, year)
        entry.agenda_year, entry.agenda_seq = year, seq
        entry.agenda_no = format_number(getattr(self.rules.numbering, book), seq, year)

    def apply(self, session: Session, entry: AgendaEntry, verdict: Verdict, now: datetime, *,
              message_id: str | None, references: tuple[str, ...] = (),
              original: AgendaEntry | None = None, actor: str = ACTOR,
              notify: bool = True) -> None:
        """Carry out VERDICT on ENTRY (new, or incomplete and now answered); ACTOR is who
        registered it (Paraf for mail, the clerk's account at the desk)."""
        data = {"reason": verdict.reason} if verdict.reason else None
        entry.checks = list(verdict.hits)
        entry.reason = verdict.reason
        if verdict.action in ("register", "incomplete"):
            self.number(session, entry, now)
            entry.missing = list(verdict.missing) or None
            if verdict.action == "register":
                wake.after_commit(session, wake.DISPATCH)      # route it right after commit
                entry.registered_at = now
                entry.due_on = self.calendar.add_working_days(
                    self.local_date(now), self.cfg.service.answer_working_days)
            if entry.status == verdict_status(verdict.action):
                states.note(entry, "notified", actor=actor, at=now, message_id=message_id,
                            data={"missing": entry.missing})
            else:
                states.move(entry, verdict.action, actor=actor, at=now, message_id=message_id,
                            data={"missing": entry.missing} if entry.missing else data)
            if notify:
                kind = "receipt" if verdict.action == "register" else "incomplete"
                self._notify(session, entry, kind, now, message_id, references)
        elif verdict.action == "duplicate":
            entry.duplicate_of_id = original.id if original else None
            states.move(entry, "duplicate", actor=ACTOR, at=now, message_id=message_id, data=data)
            self._notify(session, entry, "duplicate", now, message_id, references, original)
        else:
            states.move(entry, verdict.action, actor=ACTOR, at=now, message_id=message_id,
                        data=data)

    def _notify(self, session, entry, kind, now, answering, references, original=None):
        if not entry.sender_email:
            return
        session.flush()
        tracking = tracklink.link(self.cfg, entry) if kind == "receipt" else None
        msg = notices.compose(self.cfg, kind, entry, original=original, answering=answering,
                              references=references, tracking=tracking)
        # One receipt (or duplicate notice) per case; one incomplete notice per message.
        once = (outbox.once_key(entry.id, kind, answering) if kind == "incomplete" else
                outbox.once_key(entry.id, kind)) if kind != "incomplete" or answering else None
        mail = outbox.queue(session, self.cfg, msg, kind=kind, entry_id=entry.id, once=once)
        states.note(entry, "receipted" if kind == "receipt" else "notified", actor=ACTOR, at=now,
                    message_id=mail.message_id, data={"mail": kind, "to": entry.sender_email})


def verdict_status(action: str) -> str:
    return states.TRANSITIONS[action][1].value
