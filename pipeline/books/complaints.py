# SPDX-License-Identifier: AGPL-3.0-or-later
"""Complaint figures for the SLA board, `paraf report period` and the quarterly evaluation:
how many were filed in a period, answered, answered within their target, the median and 90th
percentile of the handling time in working days, and the list itself.

Handling time counts working days from the day a complaint was filed to the day it was
answered (0: answered the same day); a complaint is within target when answered on or before
its due date (rules/complaints.toml, from the day it was filed).
"""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from docx.document import Document
from docx.shared import Cm
from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.books.rows import DEFAULT_ZONE, day_bound, local_date
from pipeline.books.sla import percentile, working_days_between
from pipeline.core.messages import COMPLAINT_STATUS, COMPLAINT_VIA
from pipeline.core.models import AgendaEntry
from pipeline.core.models_complaint import Complaint
from pipeline.core.workdays import Calendar


WIDTHS_CM = (3.0, 2.4, 3.0, 4.0, 2.2, 1.4)      # 16 cm: A4 within the report's margins


def complaint_figures(session: Session, start: date | datetime, end: date | datetime, *,
                      calendar: Calendar | None = None, zone: str = DEFAULT_ZONE) -> dict:
    """Complaints filed in [START, END] (local days, both included)."""
    tz = ZoneInfo(zone)
    calendar = calendar or Calendar()
    since, until = day_bound(start, tz, end=False), day_bound(end, tz, end=True)
    rows = session.execute(select(Complaint, AgendaEntry).join(
        AgendaEntry, AgendaEntry.id == Complaint.entry_id).where(
        Complaint.filed_at >= since, Complaint.filed_at < until).order_by(Complaint.id)).all()
    originals = dict(session.execute(select(AgendaEntry.id, AgendaEntry.agenda_no).where(
        AgendaEntry.id.in_([c.original_id for c, _ in rows]))).all()) if rows else {}
    days, listed, within, by_via = [], [], 0, {}
    for complaint, entry in rows:
        filed = local_date(complaint.filed_at, tz)
        handled = None
        if complaint.answered_at is not None:
            answered = local_date(complaint.answered_at, tz)
            handled = working_days_between(calendar, filed, answered)
            days.append(handled)
            within += entry.due_on is None or answered <= entry.due_on
        by_via[complaint.via] = by_via.get(complaint.via, 0) + 1
        listed.append({"number": entry.agenda_no, "date": filed,
                       "subject": entry.subject, "text": complaint.text,
                       "original": originals.get(complaint.original_id),
                       "via": COMPLAINT_VIA.get(complaint.via, complaint.via),
                       "handler": complaint.handler, "about": complaint.about,
                       "status": COMPLAINT_STATUS.get(entry.status, entry.status),
                       "due_on": entry.due_on, "answered": complaint.answered_at is not None,
                       "handling_days": handled,
                       "within_target": None if handled is None else
                       (entry.due_on is None or local_date(complaint.answered_at, tz)
                        <= entry.due_on)})
    answered = len(days)
    return {"filed": len(rows), "answered": answered, "open": len(rows) - answered,
            "within_target": within, "within_share": within / answered if answered else None,
            "median_days": percentile(days, 0.5), "p90_days": percentile(days, 0.9),
            "by_via": by_via, "complaints": listed}


def summary(fig: dict) -> str:
    """One line in Indonesian, for the command line and the SLA board."""
    if not fig["filed"]:
        return "Pengaduan: tidak ada pada periode ini."
    line = (f"Pengaduan: {fig['filed']} diterima, {fig['answered']} ditanggapi, "
            f"{fig['within_target']} dalam batas waktu")
    if fig["median_days"] is not None:
        line += (f", median {_days(fig['median_days'])} hari kerja, persentil ke-90 "
                 f"{_days(fig['p90_days'])} hari kerja")
    return line + "."


def _days(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def render_section(doc: Document, fig: dict) -> None:
    """The body of the evaluation's "Pengaduan" section (python-docx DOCUMENT)."""
    doc.add_paragraph(summary(fig))
    if not fig["complaints"]:
        return
    table = doc.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Nomor", "Tanggal", "Atas layanan", "Isi",
                                                 "Status", "Hari kerja")):
        cell.text = text
    for c in fig["complaints"]:
        cells = table.add_row().cells
        values = (c["number"], c["date"].strftime("%d/%m/%Y"), c["original"] or "-",
                  c["text"][:300], c["status"],
                  "-" if c["handling_days"] is None else str(c["handling_days"]))
        for cell, text in zip(cells, values):
            cell.text = text
    table.autofit = False
    for column, width in zip(table.columns, WIDTHS_CM):
        column.width = Cm(width)
    for row in table.rows:                  # the complaint's text gets the room
        for cell, width in zip(row.cells, WIDTHS_CM):
            cell.width = Cm(width)
