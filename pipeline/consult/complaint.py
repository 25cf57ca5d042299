# SPDX-License-Identifier: AGPL-3.0-or-later
"""Complaints about the service (penanganan pengaduan): file one, route it, receipt it.

A complaint is a case of its own in the complaint book (`{seq}/PENG/ITDA/{year}`), linked to
the case complained about (`Complaint.original_id`). It is answered by the superior of the
official complained about, never by that official (`complaint_rules.handler_for`), within
rules/complaints.toml's working days, through a step like any other hand-over: the same
token, gate and reply handling, so a reply counts once and only from its official.

Filing is once per `once` key (the mail's Message-ID, the form's nonce): the same key filed
again returns the complaint already filed, changing nothing.
"""
from __future__ import annotations

import secrets
from datetime import datetime, timezone

from sqlalchemy import select

from pipeline.casework import absences
from pipeline.casework.steps import StepDesk
from pipeline.consult import complaint_rules
from pipeline.consult.request import mail_requester, thread_of
from pipeline.core import naskah, states
from pipeline.core.errors import ParafError
from pipeline.core.messages import COMPLAINT_STATUS, say
from pipeline.core.models import AgendaEntry, Disposition, Step
from pipeline.core.models_complaint import Complaint
from pipeline.core.officials import Official
from pipeline.intake import notices
from pipeline.intake.chain import Verdict
from pipeline.intake.register import Registrar
from pipeline.mail import outbox

BOOK = "complaint"
KIND = "complaint"                  # the step that answers it
MAX_CHARS = 4000
VIAS = ("web", "mail", "desk")
SUBJECTS = {"complaint_receipt": "Tanda Terima Pengaduan [{agenda_no}]",
            "complaint_answer": "Tanggapan atas Pengaduan [{agenda_no}]"}


class ComplaintRefused(ParafError):
    """A complaint that cannot be filed as sent; the message is for the user (Indonesian)."""


def rules(cfg) -> complaint_rules.ComplaintRules:
    return complaint_rules.load(cfg.rules_path)


def complained_about(session, wf, original: AgendaEntry) -> Official | None:
    """The official whose service is complained about: the one the case was disposed to, or
    else the last one a step of it waited for; None before anyone had it."""
    code = session.scalar(select(Disposition.assignee).where(
        Disposition.entry_id == original.id).order_by(Disposition.id.desc()).limit(1))
    if code is None:
        code = session.scalar(select(Step.official).where(Step.entry_id == original.id)
                              .order_by(Step.id.desc()).limit(1))
    return wf.by_code.get(code) if code else None


def clean(text: str) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise ComplaintRefused(say("complaint.empty"))
    if len(text) > MAX_CHARS:
        raise ComplaintRefused(say("complaint.too_long", {"limit": MAX_CHARS}))
    return text


def file(session, wf, original: AgendaEntry, text: str, *, via: str, actor: str,
         now: datetime, once: str, message_id: str | None = None) -> tuple[Complaint, bool]:
    """File TEXT about ORIGINAL; (the complaint, True) when new, (the one already filed under
    ONCE, False) otherwise. Opens the handler's step, mails it, and the complainant's receipt,
    all in the caller's transaction."""
    assert via in VIAS
    already = session.scalar(select(Complaint).where(Complaint.once_key == once))
    if already is not None:
        return already, False
    text = clean(text)
    if not original.agenda_no or original.book == BOOK:
        raise ComplaintRefused(say("complaint.not_yet"))
    about = complained_about(session, wf, original)
    the_rules = rules(wf.cfg)
    day = absences.today(wf.cfg, now)
    away = frozenset(o.code for o in wf.officials if absences.current(session, o.code, day))
    handler = complaint_rules.handler_for(wf.officials, about, the_rules, away)
    subject = f"Pengaduan atas layanan {original.agenda_no}"
    entry = AgendaEntry(
        channel="complaint", book=BOOK, status=states.Status.NEW.value, received_at=now,
        sender_email=original.sender_email, sender_name=original.sender_name,
        requester=original.requester, opd_code=original.opd_code, opd_name=original.opd_name,
        subject=subject, letter={"hal": subject, "pertanyaan": [text]},
        consultation={"complaint_of": original.agenda_no, "via": via}, events=[])
    session.add(entry)
    registrar = Registrar(wf.cfg, wf.rules)
    registrar.apply(session, entry, Verdict("register", None, (), ()), now,
                    message_id=message_id, actor=actor, notify=False)
    entry.due_on = registrar.calendar.add_working_days(registrar.local_date(now),
                                                       the_rules.working_days)
    complaint = Complaint(entry=entry, original=original, about=about.code if about else None,
                          handler=handler.code, via=via, text=text, filed_by=actor,
                          filed_at=now, once_key=once)
    session.add(complaint)
    desk = StepDesk(wf.cfg)
    step = Step(entry=entry, kind=KIND, official=handler.code, status="open", opened_at=now,
                due_at=due_at(desk, entry))
    session.add(step)
    session.flush()
    states.note(original, "linked", actor=actor, at=now, message_id=message_id,
                data={"how": "complaint", "complaint": entry.agenda_no})
    states.note(entry, "assigned", actor="paraf", at=now,
                data={"official": handler.code, "about": complaint.about, "step": step.id})
    desk.mail(session, entry, step, handler, "step_complaint", complaint=complaint,
              original=original, about=about, guide=say("complaint.answer_mail"))
    tell_complainant(session, wf, complaint, "complaint_receipt", now)
    return complaint, True


def due_at(desk: StepDesk, entry: AgendaEntry) -> datetime:
    """The end of office hours on the complaint's due day, in UTC (as every stored time)."""
    hours = desk.hours
    return datetime.combine(entry.due_on, hours.close, hours.zone).astimezone(timezone.utc)


def tell_complainant(session, wf, complaint: Complaint, purpose: str, now: datetime) -> None:
    """The receipt or the answer, to the address of the case complained about, once; in the
    thread of that case's receipt when there is one."""
    entry, original = complaint.entry, complaint.original
    if not entry.sender_email:
        return                            # a visitor without an address takes it on paper
    body = notices.render(wf.cfg, purpose, **notices.case_context(wf.cfg, entry),
                          complaint=complaint, original=original,
                          recipient=(original.requester or {}).get("name")
                          or original.sender_name or original.opd_name or "Bapak/Ibu",
                          due=naskah.hari_tanggal(entry.due_on))
    subject = SUBJECTS[purpose].format(agenda_no=entry.agenda_no)
    thread = thread_of(session, original) or original.message_id
    msg = mail_requester(wf, entry, (entry.sender_name or "", entry.sender_email), subject,
                         body, thread=thread)
    mail = outbox.queue(session, wf.cfg, msg, kind=purpose.replace("_", "-"),
                        entry_id=entry.id, now=now, once=outbox.once_key(entry.id, purpose))
    states.note(entry, "receipted" if purpose == "complaint_receipt" else "notified",
                actor="paraf", at=now, message_id=mail.message_id,
                data={"mail": purpose, "to": entry.sender_email})


def of_entry(session, entry_id: int) -> Complaint | None:
    return session.scalar(select(Complaint).where(Complaint.entry_id == entry_id))


def filed_about(session, original: AgendaEntry) -> list[Complaint]:
    return list(session.scalars(select(Complaint).where(Complaint.original_id == original.id)
                                .order_by(Complaint.id)))


# -- what the tracking and desk pages show ------------------------------------------------------
def working_days(cfg) -> int:
    return rules(cfg).working_days


def nonce() -> str:
    return secrets.token_urlsafe(16)                # 128 bits: one form, one complaint


def shown(session, entry: AgendaEntry) -> list[dict]:
    """The complaints about ENTRY as the requester reads them: number, date, text, status and
    the answer; nothing internal (who handles it is not shown)."""
    return [{"number": c.entry.agenda_no, "filed_at": c.filed_at, "text": c.text,
             "status": COMPLAINT_STATUS.get(c.entry.status, "Sedang ditangani"),
             "answer": c.answer, "answered_at": c.answered_at, "due_on": c.entry.due_on}
            for c in filed_about(session, entry)]
