# SPDX-License-Identifier: AGPL-3.0-or-later
"""Hand-overs: open a step for one official, mail it with its token, close it once.

A step's token is an HMAC over (step, revision, stage) carried in the Reply-To plus-address
and in the subject tag, so only a reply to this very request can act on it; the step is
closed by the first valid reply, so a replayed one finds it closed.
"""
from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import formataddr

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.casework.absences import current, holder, today
from pipeline.casework.replies import make_token, reply_address, subject_tag
from pipeline.core import naskah
from pipeline.core.config import Config
from pipeline.core.models import AgendaEntry, Step
from pipeline.core.officials import Official
from pipeline.core.workdays import Calendar, OfficeHours
from pipeline.intake import notices
from pipeline.mail import outbox
from pipeline.mail.headers import new_message

KIND_WORDS = {"check": "pemeriksaan kelengkapan", "disposition": "disposisi",
              "drafting": "penyusunan jawaban", "paraf": "paraf", "signing": "tanda tangan",
              "complaint": "tanggapan pengaduan"}
SUBJECT = {"check": "Periksa Kelengkapan", "disposition": "Disposisi",
           "drafting": "Susun Jawaban", "paraf": "Mohon Paraf",
           "signing": "Mohon Tanda Tangan", "complaint": "Tanggapi Pengaduan"}


class StepDesk:
    """Opens, mails and closes steps; knows the office hours and the token secret."""

    def __init__(self, cfg: Config):
        self.cfg = cfg
        self.hours = OfficeHours(Calendar(cfg.service.extra_holidays), cfg.office.timezone,
                                 cfg.workflow.office_hours)
        self.by_code: dict[str, Official] = {}      # set by the Workflow: absences apply

    def target_hours(self, kind: str) -> float:
        wf = self.cfg.workflow
        return {"check": wf.check_hours, "disposition": wf.disposition_hours,
                "drafting": wf.drafting_hours, "paraf": wf.paraf_hours,
                "signing": wf.drafting_hours}[kind]     # the next digest replaces it anyway

    def open(self, session: Session, entry: AgendaEntry, kind: str, official: Official,
             now: datetime, *, revision: int = 0, stage: int = 0) -> Step:
        """A new open step, flushed: its id goes into the token of the mail about it. When
        OFFICIAL is away, it opens for their delegate, on their behalf (`casework/away.py`)."""
        step = self.new(entry, kind, official, now, revision=revision, stage=stage)
        if self.by_code and kind != "signing":      # a Plt. signs with their own key
            held = holder(session, self.by_code, official, today(self.cfg, now))
            if held.official.code != official.code:
                step.official, step.on_behalf_of = held.official.code, official.code
        session.add(step)
        session.flush()
        return step

    def new(self, entry: AgendaEntry, kind: str, official: Official, now: datetime, *,
            revision: int = 0, stage: int = 0) -> Step:
        """The step, not yet in any session: for a caller that flushes later."""
        return Step(entry=entry, kind=kind, official=official.code, revision=revision,
                    stage=stage, status="open", opened_at=now, due_at=self.due(entry, kind, now))

    def due(self, entry: AgendaEntry, kind: str, now: datetime) -> datetime:
        """The step's target; a visitor at the desk is answered the same day (seed 2), so a
        walk-in's disposition and answer are due by the case's own target when it is sooner."""
        due = self.hours.add(now, self.target_hours(kind))
        target = (entry.consultation or {}).get("target_at")
        if entry.channel == "walk-in" and target and kind in ("disposition", "drafting"):
            due = min(due, max(now, datetime.fromisoformat(target)))
        return due

    def close(self, step: Step, outcome: str, now: datetime, *, notes: str | None = None,
              reply_message_id: str | None = None) -> None:
        step.status, step.outcome, step.closed_at = "done", outcome, now
        step.notes, step.reply_message_id = notes, reply_message_id

    def supersede(self, session: Session, entry: AgendaEntry, now: datetime) -> None:
        """Close every open step of ENTRY: a new revision or disposition replaces them."""
        for step in open_steps(session, entry):
            step.status, step.outcome, step.closed_at = "superseded", "superseded", now

    def token(self, step: Step) -> str:
        if not self.cfg.secret:
            from pipeline.core.errors import ConfigError
            raise ConfigError("config: the environment variable PARAF_SECRET must be set to send "
                              "approval requests (it signs their tokens)")
        return make_token(self.cfg.secret, step.id, step.revision, step.stage)

    def mail(self, session: Session, entry: AgendaEntry, step: Step, official: Official,
             template: str, attachments=(), **context) -> EmailMessage:
        """Compose and queue the request for STEP; its Message-ID is kept on the step. A step
        opened for a delegate goes to them, with a line saying on whose behalf."""
        note = ""
        if step.official != official.code and step.official in self.by_code:
            note = behalf_note(self.cfg, session, official, step.opened_at)
            official = self.by_code[step.official]
        body = notices.render(self.cfg, template, **notices.case_context(self.cfg, entry),
                              official=official, step=step,
                              due=notices.local_time(self.cfg, step.due_at), **context)
        return self.send(session, entry, step, official, note + body, attachments)

    def send(self, session: Session, entry: AgendaEntry, step: Step, official: Official,
             body: str, attachments=()) -> EmailMessage:
        """Queue BODY as the request for STEP to OFFICIAL, with STEP's token (once per step)."""
        token = self.token(step)
        letter = entry.letter or {}
        msg = new_message()
        msg["Subject"] = (f"{subject_tag(token)} {SUBJECT[step.kind]}: "
                          f"{letter.get('hal') or entry.subject or '-'} [{entry.agenda_no}]")
        msg["From"] = formataddr((self.cfg.office.name, self.cfg.office.email))
        msg["To"] = formataddr((official.name, official.emails[0]))
        msg["Reply-To"] = reply_address(self.cfg.office.email, token)
        msg["X-Paraf-Agenda"] = entry.agenda_no or f"#{entry.id}"
        msg.set_content(body)
        for filename, ctype, data in attachments:
            maintype, _, subtype = ctype.partition("/")
            msg.add_attachment(data, maintype=maintype, subtype=subtype or "octet-stream",
                               filename=filename)
        queued = outbox.queue(session, self.cfg, msg, kind=f"step-{step.kind}",
                              entry_id=entry.id,
                              once=outbox.once_key(entry.id, f"step-{step.kind}", step.id))
        step.mail_message_id = queued.message_id
        return msg

    def tell(self, session: Session, entry: AgendaEntry, official: Official, template: str,
             subject: str, answering: str | None = None, once: str | None = None,
             **context) -> None:
        """A plain message to an official about ENTRY (unclear reply, refusal, reminder);
        ONCE names its purpose when it must go only once (see `outbox.once_key`)."""
        body = notices.render(self.cfg, template, **notices.case_context(self.cfg, entry),
                              official=official, **context)
        msg = new_message()
        msg["Subject"] = f"{subject} [{entry.agenda_no}]"
        msg["From"] = formataddr((self.cfg.office.name, self.cfg.office.email))
        msg["To"] = formataddr((official.name, official.emails[0]))
        msg["Auto-Submitted"] = "auto-replied"
        if answering:
            msg["In-Reply-To"] = msg["References"] = answering
        msg.set_content(body)
        outbox.queue(session, self.cfg, msg, kind=f"note-{template}", entry_id=entry.id,
                     once=once)

    def due_text(self, moment: datetime) -> str:
        return notices.local_time(self.cfg, moment)


def open_steps(session: Session, entry: AgendaEntry) -> list[Step]:
    return list(session.scalars(select(Step).where(Step.entry_id == entry.id,
                                                   Step.status == "open").order_by(Step.id)))


def words(kind: str) -> str:
    return KIND_WORDS[kind]


def behalf_note(cfg: Config, session: Session, owner: Official, when: datetime) -> str:
    """The opening lines of a request a delegate gets for OWNER, who is away."""
    absence = current(session, owner.code, today(cfg, when))
    why = (f"sedang {absence.reason} s.d. {naskah.tanggal(absence.ends_on)}"
           if absence else "sedang berhalangan")
    return (f"Permintaan ini dialihkan kepada Bapak/Ibu sebagai pengganti {owner.name} "
            f"({owner.jabatan}), yang {why}.\n\n")

