# SPDX-License-Identifier: AGPL-3.0-or-later
"""Helpers for the book and SLA tests: cases written straight into the database."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from pipeline.core import states
from pipeline.core.models import AgendaEntry, Disposition, Step

UTC = timezone.utc
PATHS = {
    "registered": ["register"], "incomplete": ["incomplete"], "duplicate": ["duplicate"],
    "rejected": ["reject"], "disposed": ["register", "dispose"],
    "drafted": ["register", "dispose", "draft"],
    "initialled": ["register", "dispose", "draft", "initial"],
    "signed": ["register", "dispose", "draft", "initial", "sign"],
    "sent": ["register", "dispose", "draft", "initial", "sign", "send"],
    "closed": ["register", "dispose", "draft", "initial", "sign", "send", "close"],
}


def letter(n: int, hal: str = "Permohonan konsultasi", questions=(), tanggal="2026-03-02",
           sifat="Biasa") -> dict:
    return {"nomor": f"700/{n}/DISDIK/2026", "tanggal": tanggal, "sifat": sifat,
            "lampiran": "-", "hal": hal, "pengirim": "Dinas Pendidikan",
            "penandatangan": {"nama": "Budi", "nip": "1" * 18, "jabatan": "Kepala Dinas"},
            "tujuan": "Inspektur Daerah", "tembusan": [], "pertanyaan": list(questions)}


def add_case(session, seq: int | None, *, received: datetime, status: str = "registered",
             year: int = 2026, opd=("disdik", "Dinas Pendidikan"), subject="Konsultasi",
             letter_fields: dict | None = None, channel="letter", due_on: date | None = None,
             assignee: str | None = None, moved: dict[str, datetime] | None = None,
             **extra) -> AgendaEntry:
    """A case at STATUS, moved there by the state machine (events at RECEIVED unless MOVED
    gives an action's time), with a disposition to ASSIGNEE when given."""
    entry = AgendaEntry(
        channel=channel, received_at=received, opd_code=opd[0], opd_name=opd[1],
        subject=subject, letter=letter_fields if letter_fields is not None else letter(seq or 0),
        agenda_no=f"{seq:03d}/INSP/{year}" if seq else None, agenda_year=year if seq else None,
        agenda_seq=seq, due_on=due_on, sender_email="tu@disdik.example.go.id", **extra)
    if status not in ("incomplete", "duplicate", "rejected"):
        entry.registered_at = received
    for action in PATHS[status]:
        states.move(entry, action, actor="test", at=(moved or {}).get(action, received))
    session.add(entry)
    session.flush()
    if assignee:
        session.add(Disposition(entry_id=entry.id, assignee=assignee, chain=[assignee],
                                decided_by="inspektur", decided_at=received))
    return entry


def add_step(session, entry: AgendaEntry, kind: str, official: str, *, opened: datetime,
             hours: float | None = None, due: datetime | None = None, status: str = "open",
             stage: int = 0) -> Step:
    """A step opened at OPENED; done after HOURS when given."""
    step = Step(entry_id=entry.id, kind=kind, official=official, status=status, stage=stage,
                opened_at=opened, due_at=due or opened + timedelta(days=1),
                closed_at=opened + timedelta(hours=hours) if hours is not None else None)
    if hours is not None:
        step.status = "done"
    session.add(step)
    session.flush()
    return step
