# SPDX-License-Identifier: AGPL-3.0-or-later
"""The clerk's decisions on cases the intake could not settle, and corrections of what was read.

Quarantined (unknown sender, refused letter) and failed (unreadable message) cases wait for the
agenda clerk, who may

* release one: it is registered exactly as a letter that passed the checks (number, due date,
  receipt to the sender), through `Registrar.apply`, the intake's own code path;
* reject one with a reason: the case is closed as rejected and the sender, when known, gets
  the reason in an Indonesian mail threaded to their message;
* ask for what is missing: the case becomes incomplete (numbered, as the intake does) and the
  sender gets the list, so a reply in the thread completes it under the same number.

Corrections change the fields read from a letter; the first reading of each field is kept in
`letter_meta["original"]` and every change is a `corrected` event. All of it runs inside the
caller's transaction and through `states`, so each action is one event in the case's chain,
by the actor given (the CLI's user, or `web:<username>`). The CLI and the web pages both call
these functions.
"""
from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import formataddr

from sqlalchemy.orm import Session

from pipeline.core import states
from pipeline.core.errors import ParafError
from pipeline.core.models import AgendaEntry
from pipeline.core.states import Status
from pipeline.intake import notices
from pipeline.intake.chain import Verdict
from pipeline.intake.register import Registrar
from pipeline.mail import outbox
from pipeline.mail.headers import new_message

WAITING = (Status.QUARANTINED.value, Status.FAILED.value)
# what the clerk may ask for, in the words of the mail (the intake's own labels first)
MISSING_CHOICES = ("surat permohonan", "nomor surat", "hal (perihal) surat",
                   "tanda tangan pejabat yang berwenang", "lampiran yang disebut dalam surat")
CORRECTABLE = ("nomor", "tanggal", "hal", "sifat", "lampiran", "pengirim", "tujuan")
REJECT_SUBJECT = "Surat Tidak Dapat Diproses [{ref}]"


class DeskError(ParafError):
    """The clerk's action does not fit the case (wrong state, nothing given)."""


def _waiting(entry: AgendaEntry, action: str) -> None:
    if entry.status not in WAITING and not (action == "reject"
                                            and entry.status == Status.INCOMPLETE.value):
        label = entry.agenda_no or f"#{entry.id}"
        raise DeskError(f"{label} is {entry.status}; only quarantined or failed cases can be "
                        f"{'rejected' if action == 'reject' else action + 'd'} here")


def release(session: Session, registrar: Registrar, entry: AgendaEntry, *, actor: str,
            now: datetime, opd=None) -> AgendaEntry:
    """Register a quarantined or failed case as the intake registers a letter (number, due
    date, receipt). OPD (a rules Opd) names the sender's unit when the intake could not."""
    _waiting(entry, "release")
    if opd is not None and opd.code != entry.opd_code:
        correct(session, entry, {"opd": opd}, actor=actor, now=now)
    before = entry.reason
    hits = tuple(entry.checks or ())
    verdict = Verdict("register", f"dilepas oleh petugas ({before})" if before
                      else "dilepas oleh petugas", (), hits)
    registrar.apply(session, entry, verdict, now, message_id=entry.message_id, actor=actor)
    return entry


def ask_missing(session: Session, registrar: Registrar, entry: AgendaEntry,
                missing: list[str], *, actor: str, now: datetime) -> AgendaEntry:
    """Make the case incomplete and mail its sender what is missing (the intake's flow)."""
    _waiting(entry, "ask")
    items = [" ".join(m.split()) for m in missing if m and m.strip()]
    if not items:
        raise DeskError("name at least one thing that is missing")
    hits = tuple(entry.checks or ())
    verdict = Verdict("incomplete", "belum lengkap: " + ", ".join(items), tuple(items), hits)
    registrar.apply(session, entry, verdict, now, message_id=entry.message_id, actor=actor)
    return entry


def reject(session: Session, cfg, entry: AgendaEntry, reason: str, *, actor: str,
           now: datetime) -> AgendaEntry:
    """Reject the case with REASON; the sender, when known, is told why (in Indonesian)."""
    _waiting(entry, "reject")
    reason = " ".join((reason or "").split())
    if not reason:
        raise DeskError("a rejection needs a reason")
    entry.reason = reason
    states.move(entry, "reject", actor=actor, at=now, message_id=entry.message_id,
                data={"reason": reason})
    if entry.sender_email:
        session.flush()
        msg = rejection_mail(cfg, entry, reason)
        mail = outbox.queue(session, cfg, msg, kind="rejected", entry_id=entry.id, now=now)
        states.note(entry, "notified", actor=actor, at=now, message_id=mail.message_id,
                    data={"mail": "rejected", "to": entry.sender_email})
    return entry


def rejection_mail(cfg, entry: AgendaEntry, reason: str) -> EmailMessage:
    body = notices.render(cfg, "rejected", **notices.case_context(cfg, entry),
                          recipient=entry.opd_name or entry.sender_name or entry.sender_email,
                          reason=reason)
    msg = new_message()
    ref = entry.agenda_no or f"#{entry.id}"
    msg["Subject"] = REJECT_SUBJECT.format(ref=ref)
    msg["From"] = formataddr((cfg.office.name, cfg.office.email))
    msg["To"] = formataddr((entry.sender_name or "", entry.sender_email))
    if entry.message_id:
        msg["In-Reply-To"] = entry.message_id
        msg["References"] = entry.message_id
    msg["Auto-Submitted"] = "auto-replied"
    msg["X-Paraf-Agenda"] = ref
    msg.set_content(body)
    return msg


def correct(session: Session, entry: AgendaEntry, changes: dict, *, actor: str,
            now: datetime) -> dict:
    """Apply the clerk's CHANGES to the fields read ({field: new value}; "opd" takes a rules
    Opd or None). Returns {field: [old, new]} of what really changed; records it as one
    `corrected` event and keeps each field's first reading in letter_meta["original"]."""
    letter = dict(entry.letter or {})
    meta = dict(entry.letter_meta or {})
    original = dict(meta.get("original") or {})
    changed: dict[str, list] = {}
    for field, value in changes.items():
        if field == "opd":
            old = entry.opd_code
            new = value.code if value is not None else None
            if old == new:
                continue
            original.setdefault("opd", {"code": entry.opd_code, "name": entry.opd_name})
            changed["opd"] = [old, new]
            entry.opd_code = new
            entry.opd_name = value.name if value is not None else None
            continue
        if field not in CORRECTABLE:
            raise DeskError(f"'{field}' cannot be corrected here")
        new = " ".join(str(value).split()) if value is not None else ""
        new = new or None
        old = letter.get(field)
        if (old or None) == new:
            continue
        original.setdefault(field, old)
        changed[field] = [old, new]
        letter[field] = new
    if not changed:
        return {}
    meta["original"] = original
    entry.letter, entry.letter_meta = letter, meta
    if "nomor" in changed:
        entry.letter_nomor = letter.get("nomor")
    states.note(entry, "corrected", actor=actor, at=now, data=changed)
    return changed
