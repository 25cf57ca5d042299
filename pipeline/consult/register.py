# SPDX-License-Identifier: AGPL-3.0-or-later
"""Stage 'register' for consultations without a letter: the web form (seed 1) and the walk-in
desk (seed 2, "secara langsung").

Plain data in (`ConsultationRequest`), a registered `AgendaEntry` out, in the consultation book,
on the same state machine, routing, paraf and signing as letters. The request's questions are
kept in `entry.letter` under the same keys a letter's reading uses (hal, pertanyaan), so the
drafting template, the reports and the books need no special case. Each case gets a tracking
code: 128 random bits, shown once to the requester, stored only as its SHA-256.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from pipeline.core import states
from pipeline.core.models import AgendaEntry
from pipeline.intake.chain import Verdict

CHANNELS = ("web", "walk-in")


@dataclass(frozen=True)
class Requester:
    name: str
    institution: str                 # the OPD or institution, as typed
    position: str = ""
    email: str = ""
    phone: str = ""
    nip: str = ""


@dataclass(frozen=True)
class ConsultationRequest:
    channel: str                     # web | walk-in
    requester: Requester
    subject: str                     # hal: what the consultation is about
    purpose: str                     # the purpose of the consultation (seed 1 step 1)
    questions: tuple[str, ...]
    bidang: str = ""                 # field, from rules
    wilayah: str = ""                # region, from rules
    opd_code: str | None = None      # when the institution is a known OPD
    attachments: tuple[dict, ...] = field(default_factory=tuple)  # {filename, sha256, size, type}


def new_tracking_code() -> str:
    return secrets.token_urlsafe(16)            # 128 bits


def tracking_hash(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def create(session: Session, request: ConsultationRequest, now: datetime,
           opd_name: str | None = None) -> tuple[AgendaEntry, str]:
    """A new, not yet numbered case for REQUEST, and its tracking code (shown once)."""
    if request.channel not in CHANNELS:
        raise ValueError(f"unknown channel {request.channel}")
    code = new_tracking_code()
    who = request.requester
    entry = AgendaEntry(
        channel=request.channel, book="consultation", status=states.Status.NEW.value,
        received_at=now, sender_email=who.email.lower() or None, sender_name=who.name,
        requester=asdict(who), opd_code=request.opd_code,
        opd_name=opd_name or who.institution, subject=request.subject,
        letter={"hal": request.subject, "pertanyaan": list(request.questions),
                "pengirim": who.institution,
                "penandatangan": {"nama": who.name, "nip": who.nip or None,
                                  "jabatan": who.position or None}},
        consultation={"bidang": request.bidang, "wilayah": request.wilayah,
                      "purpose": request.purpose, "attachments": list(request.attachments)},
        tracking_hash=tracking_hash(code), events=[])     # new: no history to load
    session.add(entry)
    return entry, code


def register(session: Session, registrar, request: ConsultationRequest, now: datetime, *,
             opd_name: str | None = None, actor: str = "paraf",
             received_at: datetime | None = None) -> tuple[AgendaEntry, str]:
    """Create and register REQUEST in one go: number and due date, in the caller's
    transaction. The channel's own receipt (it carries the tracking link) is the caller's."""
    entry, code = create(session, request, now, opd_name)
    entry.received_at = received_at or now
    registrar.apply(session, entry, Verdict("register", None, (), ()), now, message_id=None,
                    actor=actor, notify=False)
    return entry, code
