# SPDX-License-Identifier: AGPL-3.0-or-later
"""The tracking page's view of a case: each step's time stamp, target and whether it was met,
from the case's own events and steps and nothing internal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from pipeline.casework.steps import StepDesk
from pipeline.consult import register as consult
from pipeline.consult.request import ANSWER_KINDS
from pipeline.core import states
from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry, Event, OutboxMail, Step


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
    """The web case of a tracking CODE, or None when wrong or expired; the same queries run
    either way, so a miss takes as long as a hit."""
    entry = find_case(session, code, cfg, now)
    return entry if entry is not None and entry.channel == "web" else None


def find_case(session, code: str, cfg, now: datetime) -> AgendaEntry | None:
    """The case of a tracking CODE, whatever its channel (a letter's code is derived,
    `books/tracklink.py`), or None when wrong or expired; the same two queries either way."""
    digest = consult.tracking_hash(code or "")
    entry = session.scalar(select(AgendaEntry).where(AgendaEntry.tracking_hash == digest))
    closed = session.scalar(select(Event.at).where(
        Event.entry_id == (entry.id if entry else -1), Event.kind == "close")
        .order_by(Event.id.desc()).limit(1))
    if entry is None:
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
