# SPDX-License-Identifier: AGPL-3.0-or-later
"""Seed 1, step 2: the clerk's completeness check (accept, ask for what is missing, reopen).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from pipeline.casework.steps import StepDesk, open_steps
from pipeline.consult.request import (
    ConsultError,
    UploadRefused,
    check_upload,
    clerk_official,
    mail_context,
    mail_requester,
    store_upload,
    thread_of,
)
from pipeline.core import senderauth, states
from pipeline.core.models import AgendaEntry, Attachment, Event, InboundMessage, Step
from pipeline.intake import notices
from pipeline.intake.register import Registrar
from pipeline.mail import outbox


# -- 2. the clerk's completeness check ----------------------------------------------------------
def entry_of(session, entry_id: int) -> AgendaEntry:
    entry = session.get(AgendaEntry, entry_id, with_for_update=True)
    if entry is None or entry.channel != "web":
        raise ConsultError("Permohonan tidak ditemukan.")
    return entry


def open_check(session, entry) -> Step | None:
    return next((s for s in open_steps(session, entry) if s.kind == "check"), None)


def accept(app, entry_id: int, actor: str, now: datetime) -> AgendaEntry:
    """Complete: close the check, then route and dispose exactly as letters are."""
    with app.session() as s:
        entry = entry_of(s, entry_id)
        step = open_check(s, entry)
        if step is None or entry.status != states.Status.REGISTERED.value:
            raise ConsultError("Permohonan ini tidak sedang menunggu pemeriksaan kelengkapan.")
        StepDesk(app.cfg).close(step, "accepted", now)
        states.note(entry, "accepted", actor=actor, at=now, data={"step": step.id})
        if app.workflow is not None:
            app.workflow.start(s, entry, now)
        return entry


def ask_missing(app, entry_id: int, items: list[str], actor: str, now: datetime) -> AgendaEntry:
    """Incomplete: tell the requester what is missing; the check opens again on completion."""
    items = [" ".join(i.split()) for i in items if i.strip()]
    if not items:
        raise ConsultError("Sebutkan paling sedikit satu kekurangan.")
    with app.session() as s:
        entry = entry_of(s, entry_id)
        step = open_check(s, entry)
        if step is None or entry.status != states.Status.REGISTERED.value:
            raise ConsultError("Permohonan ini tidak sedang menunggu pemeriksaan kelengkapan.")
        StepDesk(app.cfg).close(step, "incomplete", now, notes="; ".join(items))
        entry.missing = items
        states.move(entry, "incomplete", actor=actor, at=now, data={"missing": items})
        body = notices.render(app.cfg, "consult_incomplete", **mail_context(app, entry),
                              missing=items, tracking_hint=app.cfg.web.base_url.rstrip("/")
                              + "/lacak", days=app.cfg.service.answer_working_days)
        msg = mail_requester(app, entry, (entry.sender_name or "", entry.sender_email),
                    notices.SUBJECTS["consult_incomplete"].format(agenda_no=entry.agenda_no),
                    body, thread=thread_of(s, entry))
        mail = outbox.queue(s, app.cfg, msg, kind="consult-incomplete", entry_id=entry.id,
                            now=now)
        states.note(entry, "notified", actor="paraf", at=now, message_id=mail.message_id,
                    data={"mail": "consult-incomplete", "to": entry.sender_email})
        return entry


def complete(app, session, entry: AgendaEntry, files: list[dict], actor: str, now: datetime,
             message_id: str | None = None) -> None:
    """The requester sent what was missing: keep the files, register again, open the check."""
    if files:
        c = dict(entry.consultation or {})
        c["attachments"] = [*c.get("attachments", []), *files]
        entry.consultation = c
    entry.missing = None
    states.move(entry, "register", actor=actor, at=now, message_id=message_id,
                data={"completed": True, "files": [f["filename"] for f in files]})
    registrar = Registrar(app.cfg, app.rules)
    entry.due_on = registrar.calendar.add_working_days(registrar.local_date(now),
                                                       app.cfg.service.answer_working_days)
    clerk = clerk_official(app)
    if clerk is not None:
        StepDesk(app.cfg).open(session, entry, "check", clerk, now)


def reopen_replied(app, now: datetime) -> int:
    """Web requests waiting for the requester, answered by a reply in their thread (linked to
    the case by intake): their attachments pass the upload checks, and the check opens again."""
    done = 0
    with app.session() as s:
        ids = list(s.scalars(select(AgendaEntry.id).where(
            AgendaEntry.channel == "web",
            AgendaEntry.status == states.Status.INCOMPLETE.value)))
    for entry_id in ids:
        with app.session() as s:
            entry = s.get(AgendaEntry, entry_id, with_for_update=True)
            if entry.status != states.Status.INCOMPLETE.value:
                continue
            since = s.scalar(select(Event.at).where(Event.entry_id == entry.id,
                                                    Event.kind == "incomplete")
                             .order_by(Event.id.desc()).limit(1))
            reply = s.scalar(select(InboundMessage).where(
                InboundMessage.entry_id == entry.id, InboundMessage.received_at >= since,
                InboundMessage.outcome != "refused")
                .order_by(InboundMessage.id).limit(1)) if since else None
            if reply is None or (reply.from_addr or "").lower() != (entry.sender_email or ""):
                continue
            if not sender_passes(app, s, entry, reply, now):
                continue
            files = []
            for att in s.scalars(select(Attachment).where(Attachment.message_pk == reply.id)):
                data = app.store.get(att.sha256, "att")
                try:
                    files.append(store_upload(app, data, check_upload(app.cfg, data,
                                                                      att.filename)))
                except UploadRefused as err:
                    att.role, att.refused_reason = "refused", str(err)
            complete(app, s, entry, files, reply.from_addr, now, message_id=reply.message_id)
            done += 1
    return done


def sender_passes(app, session, entry, reply: InboundMessage, now: datetime) -> bool:
    """Whether REPLY really comes from the requester (pipeline.core.senderauth). A failing one
    is marked refused with its reason and noted on the case; it never reopens the check."""
    from pipeline.intake.parse import parse
    parsed = parse(app.store.get(reply.sha256, "raw"), app.cfg.limits)
    result = senderauth.check(parsed.trace, parsed.from_addr,
                              senderauth.Trust.from_config(app.cfg.workflow))
    if result.ok:
        return True
    reply.outcome, reply.error = "refused", result.reason
    states.note(entry, "refused", actor=reply.from_addr or "?", at=now,
                message_id=reply.message_id, data={"reason": result.reason})
    return False
