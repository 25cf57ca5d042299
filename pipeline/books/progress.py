# SPDX-License-Identifier: AGPL-3.0-or-later
"""Where a case stands, as an OPD may be told: the stage in words, the role holding it, the
due date and whether the promise is kept (issue 19, the answer to a status question).

Only roles are named (an official's `jabatan`), never a person's name or mailbox.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from pipeline.books.rows import local_date
from pipeline.books.sla import working_days_between
from pipeline.core import naskah
from pipeline.core.models import AgendaEntry, Disposition, Event, Step
from pipeline.core.workdays import Calendar

OFFICE = "Inspektorat"          # who holds a case when no step names an official

STAGES = {
    "registered": "tercatat, menunggu disposisi",
    "incomplete": "menunggu kelengkapan dari OPD",
    "disposed": "didisposisi",
    "drafted": "konsep jawaban dalam proses paraf",
    "initialled": "menunggu tanda tangan",
    "signed": "telah ditandatangani, dalam pengiriman",
    "sent": "terkirim",
    "closed": "selesai",
}
STEP_STAGES = {"disposition": "menunggu disposisi", "drafting": "dalam penyusunan jawaban",
               "check": "pemeriksaan kelengkapan"}


@dataclass(frozen=True)
class Progress:
    stage: str                  # "paraf 2 dari 3", "menunggu tanda tangan", ...
    holder: str                 # the role holding it, or "-" when it is with nobody here
    due: str                    # "Jumat, 27 November 2026" or "-"
    timing: str                 # "tepat waktu", "terlambat 2 hari kerja", ...


def describe(session, entry: AgendaEntry, officials, calendar: Calendar, today: date,
             zone) -> Progress:
    """ENTRY's progress on TODAY (the office's date in ZONE); OFFICIALS: the office's."""
    by_code = {o.code: o for o in officials or ()}
    inspector = next((o for o in officials or () if o.is_inspector), None)
    role = lambda code: by_code[code].jabatan if code in by_code else OFFICE  # noqa: E731
    step = session.scalar(select(Step).where(Step.entry_id == entry.id, Step.status == "open")
                          .order_by(Step.id.desc()).limit(1))
    stage = STAGES.get(entry.status, entry.status)
    holder = inspector.jabatan if inspector and entry.status in ("registered",
                                                                 "initialled") else OFFICE
    if entry.status == "incomplete":
        holder = entry.opd_name or "OPD pengirim"
    elif entry.status in ("sent", "closed"):
        holder = "-"
    if step is not None:
        holder = role(step.official)
        stage = STEP_STAGES.get(step.kind, stage)
        if step.kind == "paraf":
            chain = session.scalar(select(Disposition.chain).where(
                Disposition.entry_id == entry.id).order_by(Disposition.id.desc()).limit(1))
            stage = f"paraf {step.stage + 1} dari {max(len(chain or ()), step.stage + 1)}"
    return Progress(stage, holder, naskah.hari_tanggal(entry.due_on) if entry.due_on else "-",
                    _timing(session, entry, calendar, today, zone))


def _timing(session, entry: AgendaEntry, calendar: Calendar, today: date, zone) -> str:
    if entry.due_on is None:
        return "belum ada tenggat"
    answered = session.scalar(select(Event.at).where(
        Event.entry_id == entry.id, Event.kind.in_(("send", "answer")))
        .order_by(Event.id).limit(1))
    day = local_date(answered, zone) if answered else today
    late = working_days_between(calendar, entry.due_on, day)
    if late > 0:
        return f"terlambat {late} hari kerja"
    if answered:
        return "tepat waktu"
    left = working_days_between(calendar, today, entry.due_on)
    return "masih dalam tenggat" + (f", sisa {left} hari kerja" if left else
                                   ", tenggat hari ini")
