# SPDX-License-Identifier: AGPL-3.0-or-later
"""Answer an OPD's status question by mail (issue 19), inside the intake's transaction.

Who may ask: a registered address of an OPD (opd.toml `emails`, never a domain guess) that
passes sender authentication (core/senderauth.py), within the per-address rate limit of
rules/status.toml. Anyone else gets nothing; the message is kept with the reason
(`status_refused`, `status_limited`). An OPD is told only about its own cases: a number
that is another OPD's reads exactly like a number that does not exist.

A question never opens a case. It is noted on each case it was answered about
(`status_query`), and the answer is planned once per question (its Message-ID in the
outbox key), so a message read twice, by a restarted or a second worker, is answered once.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import formataddr
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select

from pipeline.books import tracklink
from pipeline.books.progress import Progress, describe
from pipeline.core import messages, senderauth, states
from pipeline.core.models import AgendaEntry
from pipeline.core.workdays import Calendar
from pipeline.intake import notices
from pipeline.intake.status_query import Ask, recognise
from pipeline.intake.status_rules import load
from pipeline.mail import outbox
from pipeline.mail.headers import new_message

BUCKET = "status-mail"
LISTED = 20                    # open cases listed in one answer
ACTOR = "paraf"


@dataclass(frozen=True)
class Case:
    entry: AgendaEntry
    nomor: str
    hal: str
    progress: Progress
    tracking: str | None = None      # the case's own tracking link; None for a web case


class StatusDesk:
    def __init__(self, cfg, rules, trust: senderauth.Trust, officials=()):
        self.cfg, self.opds, self.trust, self.officials = cfg, rules.opds, trust, officials
        self.rules = load(cfg.rules_path)
        self.calendar = Calendar(cfg.service.extra_holidays)
        self.zone = ZoneInfo(cfg.office.timezone)

    def recognise(self, parsed, threaded: AgendaEntry | None) -> Ask | None:
        """The question PARSED asks; a phrase counts only in the thread of a case."""
        ask = recognise(parsed, self.rules)
        if ask is not None and ask.how == "phrase" and threaded is None:
            return None
        return ask

    def answer(self, session, parsed, message, ask: Ask, threaded, now: datetime):
        """Answer ASK (or refuse it); returns (outcome, first case or None, reason)."""
        address = (parsed.from_addr or "").lower()
        key = outbox.once_key(None, "status", parsed.message_id or message.sha256)
        if outbox.planned_once(session, key) is not None:
            return "redelivered", None, None                 # answered already: once
        opd = next((o for o in self.opds if address in (e.lower() for e in o.emails)), None)
        if opd is None:
            return "status_refused", None, messages.say("status.unknown", {"email": address})
        sender = senderauth.check(parsed.trace, parsed.from_addr, self.trust)
        if not sender.ok:
            return "status_refused", None, messages.say("status.unauthenticated",
                                                        {"why": sender.reason})
        from pipeline.web import ratelimit        # here: pipeline.web's package loads the app
        window = timedelta(minutes=self.rules.window_minutes)
        if not ratelimit.allow(session, BUCKET, address, limit=self.rules.per_address,
                               window=window, now=now, count=False):
            return "status_limited", None, messages.say(
                "status.limited", {"email": address, "limit": self.rules.per_address,
                                   "minutes": self.rules.window_minutes})
        entries = self._cases(session, opd, ask, threaded)
        today = now.astimezone(self.zone).date()
        cases = [self._case(session, e, today) for e in entries[:LISTED]]
        msg = self._compose(parsed, opd, ask, cases, len(entries), now)
        if outbox.planned_once(session, key) is not None:
            return "redelivered", None, None     # another worker answered it meanwhile
        mail = outbox.queue(session, self.cfg, msg, kind="status", entry_id=None, once=key)
        if mail.message_id != str(msg["Message-ID"] or "").strip():
            # the outbox already held another worker's answer, committed since the checks
            # above: this copy takes no slot of the limit and notes nothing
            return "redelivered", None, None
        ratelimit.record(session, BUCKET, address, now)   # a question answered, not an attempt
        for case in cases:
            states.note(case.entry, "status_query", actor=address, at=now,
                        message_id=parsed.message_id,
                        data={"asked": ask.number or ask.how, "answer": mail.message_id,
                              "stage": case.progress.stage})
        return "status", entries[0] if len(entries) == 1 else None, None

    # -- which cases ---------------------------------------------------------------------
    def _cases(self, session, opd, ask: Ask, threaded) -> list[AgendaEntry]:
        mine = (AgendaEntry.opd_code == opd.code) & AgendaEntry.agenda_no.is_not(None)
        if ask.number:
            number = ask.number.strip()
            return list(session.scalars(select(AgendaEntry).where(mine, or_(
                AgendaEntry.agenda_no == number, AgendaEntry.letter_nomor == number))
                .order_by(AgendaEntry.id)))
        if threaded is not None and ask.how == "phrase":
            return [threaded] if threaded.opd_code == opd.code and threaded.agenda_no else []
        if threaded is not None and threaded.opd_code == opd.code and threaded.agenda_no:
            return [threaded]                               # STATUS typed in a case's thread
        open_ = [s.value for s in states.OPEN]
        return list(session.scalars(select(AgendaEntry).where(
            mine, AgendaEntry.status.in_(open_)).order_by(AgendaEntry.received_at)))

    def _case(self, session, entry: AgendaEntry, today) -> Case:
        letter = entry.letter or {}
        return Case(entry, letter.get("nomor") or "-", letter.get("hal") or entry.subject or "-",
                    describe(session, entry, self.officials, self.calendar, today, self.zone),
                    tracklink.link(self.cfg, entry))

    # -- the mail ------------------------------------------------------------------------
    def _compose(self, parsed, opd, ask: Ask, cases: list[Case], total: int, now):
        body = notices.render(self.cfg, "status", office=self.cfg.office, recipient=opd.name,
                              cases=cases, more=max(0, total - len(cases)),
                              asked=ask.number, listing=ask.number is None and ask.how ==
                              "command" and len(cases) != 1,
                              now=notices.local_time(self.cfg, now),
                              tracking=self.cfg.web.base_url.rstrip("/") + "/lacak")
        msg = new_message()
        shown = cases[0].entry.agenda_no if len(cases) == 1 else None
        msg["Subject"] = f"Perkembangan Surat [{shown}]" if shown else \
            "Perkembangan Surat " + opd.name
        msg["From"] = formataddr((self.cfg.office.name, self.cfg.office.email))
        msg["To"] = formataddr((parsed.from_name or "", parsed.from_addr))
        if parsed.message_id:
            msg["In-Reply-To"] = parsed.message_id
            msg["References"] = " ".join(dict.fromkeys((*parsed.references,
                                                        parsed.message_id)))
        msg["Auto-Submitted"] = "auto-replied"
        if shown:
            msg["X-Paraf-Agenda"] = shown
        msg.set_content(body)
        return msg
