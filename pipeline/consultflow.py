# SPDX-License-Identifier: AGPL-3.0-or-later
"""The consultation of seed 1 (the website), step by step, each with its own clock.

1. the requester fills the form (target 1 hour): `register_request`, or first `hold` plus
   `confirm` when the address is not yet known;
2. the clerk checks completeness (2 working hours): `accept` hands the case to routing and
   disposition exactly as letters go (`Workflow.start`), `ask_missing` moves it to
   `incomplete` and mails the requester; an upload on the tracking page or a reply to that mail
   (`reopen_replied`, run by the worker) opens the check again;
3. the consultant answers (1 working day): a letter through paraf and signing, or, where
   rules/consultation.toml allows it, a short explanation (`answer_directly`);
4. and 5. the consultation report is filed and archived (`file_report`, 1 and ½ working day);
6. the requester receives the answer (½ working day): the answer mail is delivered.

`timeline` tells the tracking page, for each step, its time stamp, target and whether it was
met, from the case's own events and steps and nothing internal.
"""
from __future__ import annotations

import io
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, NamedTuple
from email.charset import QP, Charset
from email.header import Header
from email.message import Message
from email.mime.text import MIMEText
from email.utils import formataddr

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from . import consult, consultrules, letter as letters, naskah, notices, outbox, states
from .db import utc
from .errors import ParafError
from .models import (AgendaEntry, Attachment, Event, InboundMessage, OutboxMail, PendingRequest,
                     Step)
from .register import Registrar
from .steps import StepDesk, open_steps

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TYPES = {"pdf": ("pdf", "application/pdf"), "docx": ("zip", DOCX),
         "jpg": ("image", "image/jpeg"), "jpeg": ("image", "image/jpeg"),
         "png": ("image", "image/png")}
CONFIRM_HOURS = 48
ANSWER_KINDS = ("consult-answer", "signed-letter")


class ConsultError(ParafError):
    """A consultation action that cannot be done as asked; the message says why (Indonesian)."""


class UploadRefused(ConsultError):
    pass


# -- 1. files -----------------------------------------------------------------------------------
def clean_filename(name: str) -> str:
    """A display name: no path, no control characters, at most 120 characters."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    if len(name) > 120:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:110] + "." + ext) if dot and len(ext) <= 5 else name[:120]
    return name or "berkas"


def upload_limits(cfg) -> letters.Limits:
    lim = cfg.limits
    return letters.Limits(max_bytes=cfg.web.max_file_bytes, max_pages=lim.max_pages,
                          max_decompressed=lim.max_decompressed_bytes,
                          seconds=lim.seconds_per_document, memory_mb=lim.memory_mb)


def check_upload(cfg, data: bytes, filename: str) -> dict:
    """The same hostile-file checks as mail attachments: the bytes decide what the file is
    (sniff), documents are opened in the resource-limited sandbox, images by their header
    only. Returns {filename, size, type}; raises UploadRefused with a reason for the form."""
    from .letter.sniff import sniff
    name = clean_filename(filename)
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in TYPES:
        raise UploadRefused(f"Berkas «{name}» ditolak: hanya PDF, DOCX, JPG dan PNG yang "
                            f"diterima.")
    if len(data) > cfg.web.max_file_bytes:
        raise UploadRefused(f"Berkas «{name}» ditolak: ukurannya {len(data) / 1e6:.1f} MB, "
                            f"batasnya {cfg.web.max_file_bytes / 1e6:.0f} MB.")
    expected, ctype = TYPES[ext]
    try:
        kind = sniff(data, name)
        if kind != expected:
            raise letters.Refused(f"the content is {kind.upper()}, not .{ext}")
        if kind == "image":
            _check_image(data, ext, cfg)
        else:
            try:
                letters.read_letter(data, name, upload_limits(cfg))
            except letters.Refused as err:
                if not err.reason.startswith("no readable text"):
                    raise             # a scan without text is fine as supporting material
    except letters.Refused as err:
        raise UploadRefused(f"Berkas «{name}» ditolak karena tidak aman atau tidak dapat "
                            f"dibaca ({err.reason}).") from None
    return {"filename": name, "size": len(data), "type": ctype}


def _check_image(data: bytes, ext: str, cfg) -> None:
    from PIL import Image
    is_png = data.startswith(b"\x89PNG\r\n\x1a\n")
    if is_png != (ext == "png") or not (is_png or data.startswith(b"\xff\xd8\xff")):
        raise letters.Refused(f"the content is not a .{ext} image")
    limit = letters.Limits().max_pixels
    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.width * img.height > limit:
                raise letters.Refused(f"image has {img.width * img.height / 1e6:.0f} megapixels, "
                                      f"limit is {limit / 1e6:.0f}")
            img.verify()
    except letters.Refused:
        raise
    except Exception as err:      # noqa: BLE001 - any decoder error means a broken image
        raise letters.Refused(f"corrupt image: {type(err).__name__}") from None


def store_upload(app, data: bytes, checked: dict) -> dict:
    digest, _ = app.store.put(data, "att")
    return {**checked, "sha256": digest}


# -- 1. the request -----------------------------------------------------------------------------
def rules_of(app) -> consultrules.ConsultationRules:
    return consultrules.current(app.cfg.rules_path)


def is_known(session: Session, app, email: str) -> bool:
    """Known: the address already has a registered case, or belongs to an OPD in rules."""
    email = email.lower()
    domain = email.rpartition("@")[2]
    for opd in app.rules.opds:
        if email in (e.lower() for e in opd.emails) or domain in (d.lower() for d in opd.domains):
            return True
    return session.scalar(select(AgendaEntry.id).where(
        AgendaEntry.sender_email == email, AgendaEntry.agenda_no.is_not(None)).limit(1)) \
        is not None


def clerk_official(app):
    wf = app.workflow
    if wf is None:
        return None
    return next((o for o in wf.officials if "clerk" in o.roles), None)


def hal_of(payload: dict) -> str:
    purpose = " ".join(payload["purpose"].split())
    short = purpose if len(purpose) <= 100 else purpose[:99].rstrip() + "…"
    return f"Konsultasi bidang {payload['bidang']}: {short}"


class Registration(NamedTuple):
    entry: AgendaEntry
    code: str                        # the tracking code, shown once
    receipt: str                     # the receipt's Message-ID, for `spool_receipt`


def register_request(app, session: Session, payload: dict, now: datetime, *,
                     submitted_at: datetime | None = None) -> Registration:
    """Register PAYLOAD (the form's values) in the consultation book, open the clerk's check
    and queue the receipt, in SESSION's transaction, flushing nothing itself (it runs under
    group commit). The receipt's row is planned here and its text, which carries the agenda
    number, is written by `spool_receipt` after the commit, outside the write lock."""
    opd = next((o for o in app.rules.opds if o.code == payload.get("opd_code")), None)
    who = consult.Requester(name=payload["name"], institution=payload["institution"],
                            position=payload.get("position", ""), email=payload["email"],
                            phone=payload.get("phone", ""))
    request = consult.ConsultationRequest(
        channel="web", requester=who, subject=hal_of(payload), purpose=payload["purpose"],
        questions=tuple(payload["questions"]), bidang=payload["bidang"],
        wilayah=payload["wilayah"], opd_code=opd.code if opd else None,
        attachments=tuple(payload.get("attachments") or ()))
    entry, code = consult.register(session, Registrar(app.cfg, app.rules), request, now,
                                   opd_name=opd.name if opd else None, actor="web:visitor",
                                   received_at=submitted_at)
    clerk = clerk_official(app)
    if clerk is not None:
        session.add(StepDesk(app.cfg).new(entry, "check", clerk, now))
    receipt = outbox.new_message_id(app.cfg)
    outbox.enqueue(session, outbox.planned(receipt, [entry.sender_email], _receipt_subject(entry)),
                   kind="consult-receipt", entry=entry, now=now)
    states.note(entry, "receipted", actor="paraf", at=now, message_id=receipt,
                data={"mail": "consult-receipt", "to": entry.sender_email})
    return Registration(entry, code, receipt)


def _receipt_subject(entry: AgendaEntry) -> str:
    return notices.SUBJECTS["consult_receipt"].format(agenda_no=entry.agenda_no)


def spool_receipt(app, registration: Registration, now: datetime) -> None:
    """Write the receipt with the tracking link to its planned place in the spool. The
    printable request is not attached: the tracking page draws it on demand."""
    entry = registration.entry
    body = notices.render(app.cfg, "consult_receipt", **_context(app, entry),
                          tracking=tracking_url(app.cfg, registration.code),
                          days=app.cfg.service.answer_working_days)
    msg = _mail(app, entry, (entry.sender_name or "", entry.sender_email),
                _receipt_subject(entry), body)
    msg["Message-ID"] = registration.receipt
    outbox.spool(app.cfg, msg, now)


RECEIPT_GRACE = timedelta(minutes=10)


def respool_receipts(app, now: datetime) -> int:
    """Receipts still unwritten RECEIPT_GRACE after their registration: the server stopped
    between the commit and the spool. The page with the code was never shown (it is answered
    after the spool), so each gets a new tracking code, in the same planned mail."""
    with app.reading() as s:
        planned = [(row.entry_id, row.message_id) for row in s.scalars(
            select(OutboxMail).where(OutboxMail.kind == "consult-receipt",
                                     OutboxMail.status == "queued",
                                     OutboxMail.created_at < now - RECEIPT_GRACE))
            if not (app.cfg.outbox_path / row.spool_path).exists()]
    for entry_id, message_id in planned:
        code = consult.new_tracking_code()
        with app.session() as s:
            entry = s.get(AgendaEntry, entry_id)
            entry.tracking_hash = consult.tracking_hash(code)
        spool_receipt(app, Registration(entry, code, message_id), now)
    return len(planned)


def tracking_url(cfg, code: str) -> str:
    return f"{cfg.web.base_url.rstrip('/')}/lacak/{code}"


UTF8_QP = Charset("utf-8")
UTF8_QP.body_encoding = QP


def _mail(app, entry: AgendaEntry | None, to: tuple[str, str], subject: str, body: str, *,
          thread: str | None = None) -> Message:
    """A plain-text mail to a requester. Built with the compat32 classes, which take headers
    as given instead of parsing each one: a third of the cost, on the form's busiest path."""
    msg = MIMEText(body, "plain", UTF8_QP)
    msg["Subject"] = subject if subject.isascii() else Header(subject, "utf-8")
    msg["From"] = formataddr((app.cfg.office.name, app.cfg.office.email), "utf-8")
    msg["To"] = formataddr(to, "utf-8")
    msg["Auto-Submitted"] = "auto-replied" if thread is None else "auto-generated"
    if thread:
        msg["In-Reply-To"] = msg["References"] = thread
    if entry is not None:
        msg["X-Paraf-Agenda"] = entry.agenda_no or f"#{entry.id}"
    return msg


def _context(app, entry: AgendaEntry) -> dict:
    c = entry.consultation or {}
    r = entry.requester or {}
    return {**notices.case_context(app.cfg, entry), "requester": r, "recipient": r.get("name"),
            "bidang": c.get("bidang", ""), "wilayah": c.get("wilayah", ""),
            "purpose": c.get("purpose", ""), "files": c.get("attachments", []),
            "due": naskah.hari_tanggal(entry.due_on) if entry.due_on else "-"}


def pdf_name(entry: AgendaEntry) -> str:
    return f"permohonan-{(entry.agenda_no or str(entry.id)).replace('/', '-')}.pdf"


def thread_of(session, entry: AgendaEntry) -> str | None:
    """The receipt's Message-ID: every later mail to the requester is threaded to it."""
    return session.scalar(select(OutboxMail.message_id).where(
        OutboxMail.entry_id == entry.id, OutboxMail.kind == "consult-receipt")
        .order_by(OutboxMail.id).limit(1))


# -- 1b. unknown addresses confirm first --------------------------------------------------------
def hold(app, payload: dict, now: datetime) -> Callable[[Session], PendingRequest]:
    """Spool the mail with the confirmation link for PAYLOAD's address, and return the job
    that keeps PAYLOAD until it is confirmed (the token stored hashed) and queues that mail."""
    token = secrets.token_urlsafe(24)
    expires = now + timedelta(hours=CONFIRM_HOURS)
    link = f"{app.cfg.web.base_url.rstrip('/')}/permohonan/konfirmasi/{token}"
    body = notices.render(app.cfg, "consult_confirm", office=app.cfg.office,
                          recipient=payload["name"], link=link, hours=CONFIRM_HOURS,
                          bidang=payload["bidang"], purpose=payload["purpose"],
                          expires=notices.local_time(app.cfg, expires))
    msg = _mail(app, None, (payload["name"], payload["email"]),
                notices.SUBJECTS["consult_confirm"], body)
    spooled = outbox.spool(app.cfg, msg, now)

    def keep(session: Session) -> PendingRequest:
        row = PendingRequest(token_hash=consult.tracking_hash(token),
                             email=payload["email"].lower(), payload=payload, created_at=now,
                             expires_at=expires)
        session.add(row)
        outbox.enqueue(session, spooled, kind="consult-confirm", entry_id=None, now=now)
        return row
    return keep


def pending_for(session, token: str, now: datetime, lock: bool = False) -> PendingRequest | None:
    query = select(PendingRequest).where(
        PendingRequest.token_hash == consult.tracking_hash(token))
    row = session.scalar(query.with_for_update() if lock else query)
    if row is None or utc(row.expires_at) <= now:
        return None
    return row


def confirm(app, token: str, now: datetime) -> tuple[str, AgendaEntry | None, str | None]:
    """('registered', entry, code), ('done', None, None) if already confirmed, or
    ('missing', None, None) for a wrong or expired link."""
    with app.session() as s:
        row = pending_for(s, token, now, lock=True)
        if row is None:
            return "missing", None, None
        if row.entry_id is not None:
            return "done", None, None
        registration = register_request(app, s, row.payload, now,
                                        submitted_at=utc(row.created_at))
        s.flush()
        row.entry_id = registration.entry.id
    spool_receipt(app, registration, now)
    return "registered", registration.entry, registration.code


def expire_pending(app, now: datetime) -> int:
    """Forget requests whose address never confirmed (their files stay in the store)."""
    with app.session() as s:
        result = s.execute(delete(PendingRequest).where(PendingRequest.entry_id.is_(None),
                                                        PendingRequest.expires_at < now))
        return result.rowcount or 0


# -- 2. the clerk's completeness check ----------------------------------------------------------
def _entry(session, entry_id: int) -> AgendaEntry:
    entry = session.get(AgendaEntry, entry_id, with_for_update=True)
    if entry is None or entry.channel != "web":
        raise ConsultError("Permohonan tidak ditemukan.")
    return entry


def open_check(session, entry) -> Step | None:
    return next((s for s in open_steps(session, entry) if s.kind == "check"), None)


def accept(app, entry_id: int, actor: str, now: datetime) -> AgendaEntry:
    """Complete: close the check, then route and dispose exactly as letters are."""
    with app.session() as s:
        entry = _entry(s, entry_id)
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
        entry = _entry(s, entry_id)
        step = open_check(s, entry)
        if step is None or entry.status != states.Status.REGISTERED.value:
            raise ConsultError("Permohonan ini tidak sedang menunggu pemeriksaan kelengkapan.")
        StepDesk(app.cfg).close(step, "incomplete", now, notes="; ".join(items))
        entry.missing = items
        states.move(entry, "incomplete", actor=actor, at=now, data={"missing": items})
        body = notices.render(app.cfg, "consult_incomplete", **_context(app, entry),
                              missing=items, tracking_hint=app.cfg.web.base_url.rstrip("/")
                              + "/lacak", days=app.cfg.service.answer_working_days)
        msg = _mail(app, entry, (entry.sender_name or "", entry.sender_email),
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
                InboundMessage.entry_id == entry.id, InboundMessage.received_at >= since)
                .order_by(InboundMessage.id).limit(1)) if since else None
            if reply is None or (reply.from_addr or "").lower() != (entry.sender_email or ""):
                continue
            files = []
            for att in s.scalars(select(Attachment).where(Attachment.message_pk == reply.id)):
                data = app.store.get(att.sha256, "att")
                try:
                    files.append({**check_upload(app.cfg, data, att.filename),
                                  "sha256": att.sha256})
                except UploadRefused as err:
                    att.role, att.refused_reason = "refused", str(err)
            complete(app, s, entry, files, reply.from_addr, now, message_id=reply.message_id)
            done += 1
    return done


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
        entry = _entry(s, entry_id)
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
        body = notices.render(app.cfg, "consult_answer", **_context(app, entry), answer=text,
                              official=app.workflow.by_code[official] if app.workflow else None)
        msg = _mail(app, entry, (entry.sender_name or "", entry.sender_email),
                    notices.SUBJECTS["consult_answer"].format(agenda_no=entry.agenda_no), body,
                    thread=thread_of(s, entry))
        mail = outbox.queue(s, app.cfg, msg, kind="consult-answer", entry_id=entry.id, now=now)
        states.note(entry, "notified", actor="paraf", at=now, message_id=mail.message_id,
                    data={"mail": "consult-answer", "to": entry.sender_email})
        file_report(app, s, entry, now)
        states.move(entry, "close", actor=actor, at=now)
        return entry


# -- 4./5. report and archive -------------------------------------------------------------------
def file_report(app, session, entry: AgendaEntry, now: datetime) -> str:
    """The consultation report (seed 1 step 4) filed to the region's administration, and
    archived (step 5); both recorded with their time stamps. Returns the report's sha256."""
    from .report import entry_report
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


# -- the tracking page --------------------------------------------------------------------------
@dataclass(frozen=True)
class Stage:
    number: int
    title: str
    output: str
    target: str
    at: datetime | None          # when it was done
    due: datetime | None
    state: str                   # met | late | pending | waiting | requester


PUBLIC_STATUS = {
    "registered": "Sedang diperiksa kelengkapannya",
    "incomplete": "Menunggu kelengkapan dari pemohon",
    "disposed": "Sedang dijawab", "drafted": "Sedang dijawab", "initialled": "Sedang dijawab",
    "signed": "Jawaban sedang dikirim", "sent": "Jawaban telah dikirim", "closed": "Selesai",
}


def find_by_code(session, code: str, cfg, now: datetime) -> AgendaEntry | None:
    """The case of a tracking CODE, or None when wrong or expired; the same queries run either
    way, so a miss takes as long as a hit."""
    digest = consult.tracking_hash(code or "")
    entry = session.scalar(select(AgendaEntry).where(AgendaEntry.tracking_hash == digest))
    closed = session.scalar(select(Event.at).where(
        Event.entry_id == (entry.id if entry else -1), Event.kind == "close")
        .order_by(Event.id.desc()).limit(1))
    if entry is None or entry.channel != "web":
        return None
    if closed is not None and utc(closed) + timedelta(days=cfg.web.tracking_days) < now:
        return None
    return entry


def _state(done: datetime | None, due: datetime | None, now: datetime) -> str:
    if due is None:
        return "waiting"
    if done is not None:
        return "met" if utc(done) <= utc(due) else "late"
    return "pending" if now <= utc(due) else "late"


def timeline(app, session, entry: AgendaEntry, now: datetime) -> list[Stage]:
    cfg = app.cfg
    hours = StepDesk(cfg).hours
    day = cfg.workflow.drafting_hours
    events = list(session.scalars(select(Event).where(Event.entry_id == entry.id)
                                  .order_by(Event.id)))
    first = lambda *kinds: next((utc(e.at) for e in events if e.kind in kinds), None)  # noqa
    checks = list(session.scalars(select(Step).where(Step.entry_id == entry.id,
                                                     Step.kind == "check").order_by(Step.id)))
    received = utc(entry.received_at)
    registered = first("register")
    stages = [Stage(1, "Permohonan diajukan", "Permohonan tercetak dan bahan pendukung",
                    "1 jam", registered, received + timedelta(hours=1),
                    _state(registered, received + timedelta(hours=1), now))]
    accepted_step = next((c for c in checks if c.outcome == "accepted"), None)
    accepted = utc(accepted_step.closed_at) if accepted_step else None
    if accepted_step:
        state = _state(accepted, accepted_step.due_at, now)
        due = utc(accepted_step.due_at)
    elif entry.status == states.Status.INCOMPLETE.value:
        state, due = "requester", None
    elif checks:
        due = utc(checks[-1].due_at)
        state = _state(None, due, now)
    else:
        due = hours.add(registered, cfg.workflow.check_hours) if registered else None
        state = _state(None, due, now)
    stages.append(Stage(2, "Pemeriksaan kelengkapan", "Permohonan diteruskan kepada konsultan",
                        _hours(cfg.workflow.check_hours), accepted, due, state))
    answered = first("answer", "send")
    due = hours.add(accepted, day) if accepted else None
    stages.append(Stage(3, "Jawaban konsultan", "Penjelasan atas pertanyaan", "1 hari kerja",
                        answered, due, _state(answered, due, now)))
    reported = first("reported")
    due = hours.add(answered, day) if answered else None
    stages.append(Stage(4, "Laporan konsultasi", "Dokumen layanan konsultasi", "1 hari kerja",
                        reported, due, _state(reported, due, now)))
    archived = first("archived")
    due = hours.add(reported, day / 2) if reported else None
    stages.append(Stage(5, "Pengarsipan", "Arsip", "½ hari kerja", archived, due,
                        _state(archived, due, now)))
    delivered = session.scalar(select(OutboxMail.sent_at).where(
        OutboxMail.entry_id == entry.id, OutboxMail.kind.in_(ANSWER_KINDS),
        OutboxMail.status == "sent").order_by(OutboxMail.id).limit(1))
    delivered = utc(delivered) if delivered else None
    due = hours.add(answered, day / 2) if answered else None
    stages.append(Stage(6, "Jawaban diterima pemohon", "Hasil konsultasi", "½ hari kerja",
                        delivered, due, _state(delivered, due, now)))
    return stages


def _hours(value: float) -> str:
    return f"{value:g} jam kerja".replace(".", ",")


def parse_questions(values: list[str]) -> list[str]:
    return [re.sub(r"[ \t]+", " ", v).strip() for v in values if v.strip()]
