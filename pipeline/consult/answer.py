# SPDX-License-Identifier: AGPL-3.0-or-later
"""Seed 1, steps 3 to 5: the consultant's direct answer, and the consultation report filed.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from pipeline.casework.steps import StepDesk, open_steps
from pipeline.consult import survey
from pipeline.consult.check import entry_of
from pipeline.consult.request import (
    ConsultError,
    mail_context,
    mail_requester,
    rules_of,
    thread_of,
)
from pipeline.core import states
from pipeline.core.models import AgendaEntry, Event, Step
from pipeline.intake import notices
from pipeline.mail import outbox


# -- 3. the answer ------------------------------------------------------------------------------
def drafting_step(session, entry) -> Step | None:
    return next((s for s in open_steps(session, entry) if s.kind == "drafting"), None)


def answer_directly(app, entry_id: int, official: str, text: str, actor: str,
                    now: datetime) -> AgendaEntry:
    """A short explanation, where the rules allow it: answer, mail, report, close."""
    rules = rules_of(app)
    text = text.strip().replace("\r\n", "\n")
    if not rules.direct_answers:
        raise ConsultError("Aturan kantor tidak mengizinkan jawaban langsung; jawaban disusun "
                           "sebagai surat dan melalui paraf.")
    if not text:
        raise ConsultError("Jawaban masih kosong.")
    if len(text) > rules.answer_max_chars:
        raise ConsultError(f"Jawaban langsung paling panjang {rules.answer_max_chars} karakter; "
                           f"jawaban yang lebih panjang disusun sebagai surat.")
    with app.session() as s:
        entry = entry_of(s, entry_id)
        step = drafting_step(s, entry)
        if step is None or step.official != official:
            raise PermissionError("not the owner of the open drafting step")
        desk = StepDesk(app.cfg)
        desk.close(step, "answered", now)
        desk.supersede(s, entry, now)
        entry.consultation = {**(entry.consultation or {}),
                              "answer": {"text": text, "by": official, "at": now.isoformat()}}
        states.move(entry, "answer", actor=actor, at=now, data={"official": official,
                                                                "chars": len(text)})
        body = notices.render(app.cfg, "consult_answer", **mail_context(app, entry), answer=text,
                              official=app.workflow.by_code[official] if app.workflow else None)
        msg = mail_requester(app, entry, (entry.sender_name or "", entry.sender_email),
                    notices.SUBJECTS["consult_answer"].format(agenda_no=entry.agenda_no), body,
                    thread=thread_of(s, entry))
        mail = outbox.queue(s, app.cfg, msg, kind="consult-answer", entry_id=entry.id, now=now,
                            once=outbox.once_key(entry.id, "consult-answer", step.id))
        states.note(entry, "notified", actor="paraf", at=now, message_id=mail.message_id,
                    data={"mail": "consult-answer", "to": entry.sender_email})
        file_report(app, s, entry, now)
        states.move(entry, "close", actor=actor, at=now)
        survey.invite(s, app, entry, now)
        return entry


# -- 4./5. report and archive -------------------------------------------------------------------
def file_report(app, session, entry: AgendaEntry, now: datetime) -> str:
    """The consultation report (seed 1 step 4) filed to the region's administration, and
    archived (step 5); both recorded with their time stamps. Returns the report's sha256."""
    from pipeline.books.report import entry_report
    session.flush()
    digest, _ = app.store.put(entry_report(session, app.cfg, entry), "report")
    wilayah = (entry.consultation or {}).get("wilayah") or "-"
    states.note(entry, "reported", actor="paraf", at=now,
                data={"report": digest, "to": f"TU {wilayah}"})
    states.note(entry, "archived", actor="paraf", at=now, data={"report": digest})
    return digest


def file_reports(app, now: datetime) -> int:
    """Answered web consultations (a signed letter sent, or a direct answer) without a report."""
    reported = select(Event.entry_id).where(Event.kind == "reported")
    with app.session() as s:
        ids = list(s.scalars(select(AgendaEntry.id).where(
            AgendaEntry.channel == "web",
            AgendaEntry.status.in_((states.Status.SENT.value, states.Status.CLOSED.value)),
            AgendaEntry.id.not_in(reported))))
    for entry_id in ids:
        with app.session() as s:
            file_report(app, s, s.get(AgendaEntry, entry_id, with_for_update=True), now)
    return len(ids)
