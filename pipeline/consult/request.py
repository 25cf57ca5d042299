# SPDX-License-Identifier: AGPL-3.0-or-later
"""Seed 1, step 1: the requester's files, the registered request, its receipt, and the
confirmation an unknown address gives first.
"""
from __future__ import annotations

import io
import secrets
import unicodedata
from datetime import datetime, timedelta
from email.charset import QP, Charset
from email.header import Header
from email.message import Message
from email.mime.text import MIMEText
from email.utils import formataddr
from typing import Callable, NamedTuple

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pipeline import letter as letters
from pipeline.casework.steps import StepDesk
from pipeline.consult import register as consult
from pipeline.consult import rules as consultrules
from pipeline.core import naskah, states, wake
from pipeline.core.db import utc
from pipeline.core.errors import ParafError
from pipeline.core.messages import say_text
from pipeline.core.models import AgendaEntry, OutboxMail, PendingRequest
from pipeline.intake import notices
from pipeline.intake.register import Registrar
from pipeline.mail import outbox
from pipeline.mail.headers import one_line

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
    (sniff), documents are disarmed and opened in the resource-limited sandbox, images are
    checked by their header only. Returns {filename, size, type}, plus the cleaned copy and
    its note when active content was removed from a PDF; raises UploadRefused with a reason
    for the form."""
    from pipeline.letter.sniff import sniff
    name = clean_filename(filename)
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in TYPES:
        raise UploadRefused(f"Berkas «{name}» ditolak: hanya PDF, DOCX, JPG dan PNG yang "
                            f"diterima.")
    if len(data) > cfg.web.max_file_bytes:
        raise UploadRefused(f"Berkas «{name}» ditolak: ukurannya {len(data) / 1e6:.1f} MB, "
                            f"batasnya {cfg.web.max_file_bytes / 1e6:.0f} MB.")
    expected, ctype = TYPES[ext]
    extra: dict = {}
    try:
        kind = sniff(data, name)
        if kind != expected:
            raise letters.Refused(f"the content is {kind.upper()}, not .{ext}")
        if kind == "image":
            _check_image(data, ext, cfg)
        else:
            safe = letters.disarm(data, name, upload_limits(cfg))
            if safe.removed is not None:
                extra = {"clean": safe.data, "note": safe.reason}
            try:
                letters.read_letter(safe.data, name, upload_limits(cfg))
            except letters.Refused as err:
                if not err.reason.startswith("no readable text"):
                    raise             # a scan without text is fine as supporting material
    except letters.Refused as err:
        raise UploadRefused(f"Berkas «{name}» ditolak karena tidak aman atau tidak dapat "
                            f"dibaca ({say_text(err.reason)}).") from None
    return {"filename": name, "size": len(extra.get("clean", data)), "type": ctype, **extra}


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
    """Keep DATA; when it was cleaned, the original is kept as evidence and only the cleaned
    copy is recorded as the file staff download."""
    checked = dict(checked)
    clean = checked.pop("clean", None)
    digest, _ = app.store.put(data, "att")
    if clean is None:
        return {**checked, "sha256": digest}
    safe, _ = app.store.put(clean, "att")
    return {**checked, "sha256": safe, "original_sha256": digest}


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
    body = notices.render(app.cfg, "consult_receipt", **mail_context(app, entry),
                          tracking=tracking_url(app.cfg, registration.code),
                          days=app.cfg.service.answer_working_days)
    msg = mail_requester(app, entry, (entry.sender_name or "", entry.sender_email),
                _receipt_subject(entry), body)
    msg["Message-ID"] = registration.receipt
    outbox.spool(app.cfg, msg, now)
    wake.ring(app.engine, wake.OUTBOX)          # the planned row is complete: send it now


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


def mail_requester(app, entry: AgendaEntry | None, to: tuple[str, str], subject: str, body: str, *,
          thread: str | None = None) -> Message:
    """A plain-text mail to a requester. Built with the compat32 classes, which take headers
    as given instead of parsing each one: a third of the cost, on the form's busiest path."""
    msg = MIMEText(body, "plain", UTF8_QP)
    subject = one_line(subject)         # compat32 takes headers as given: one line first
    msg["Subject"] = subject if subject.isascii() else Header(subject, "utf-8")
    msg["From"] = formataddr((one_line(app.cfg.office.name), app.cfg.office.email), "utf-8")
    msg["To"] = formataddr((one_line(to[0] or ""), one_line(to[1])), "utf-8")
    msg["Auto-Submitted"] = "auto-replied" if thread is None else "auto-generated"
    if thread:
        msg["In-Reply-To"] = msg["References"] = thread
    if entry is not None:
        msg["X-Paraf-Agenda"] = entry.agenda_no or f"#{entry.id}"
    return msg


def mail_context(app, entry: AgendaEntry) -> dict:
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
    msg = mail_requester(app, None, (payload["name"], payload["email"]),
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
