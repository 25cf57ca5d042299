# SPDX-License-Identifier: AGPL-3.0-or-later
"""The period report and the quarterly evaluation of the service standard (seed 2: "evaluasi
kinerja setiap 3 bulan"), one editable Word document.

`gather` collects the figures (volumes by channel and OPD, the promise kept, median and P90
per step and official from `sla.turnaround`, the satisfaction index from `ikm.figures`);
`document` writes them with both charts as images. Other parts of the evaluation (the
complaints) come in as `Section`s, each a title, its figures, and a function writing them:
the builder knows nothing of what they count.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Callable
from zoneinfo import ZoneInfo

from docx.shared import Cm
from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.books import ikm, ikm_chart
from pipeline.books.report import KIND, _doc, _table, chart_png
from pipeline.books.rows import day_bound
from pipeline.books.sla import Turnaround, turnaround
from pipeline.consult.survey_rules import load as survey_rules
from pipeline.core import naskah
from pipeline.core.errors import ParafError
from pipeline.core.messages import CHANNELS
from pipeline.core.models import AgendaEntry
from pipeline.core.workdays import Calendar


@dataclass(frozen=True)
class Section:
    """One more part of the document: RENDER(doc, FIGURES) writes it under TITLE; SUMMARY is
    its one line for the terminal."""
    title: str
    figures: dict
    render: Callable[[object, dict], None]
    summary: str = ""


@dataclass
class Figures:
    since: date
    until: date
    sla: Turnaround
    ikm: ikm.IkmFigures
    by_channel: dict[str, int] = field(default_factory=dict)
    by_opd: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)     # official code -> name


def quarter(text: str) -> tuple[date, date]:
    """'2026Q4' -> (1 October 2026, 31 December 2026)."""
    match = re.fullmatch(r"\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*", text or "")
    if not match:
        raise ParafError(f"'{text}' is not a quarter; write it like 2026Q4")
    year, q = int(match.group(1)), int(match.group(2))
    end = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    return date(year, 3 * q - 2, 1), date.fromordinal(end.toordinal() - 1)


def gather(session: Session, cfg, since: date, until: date, *,
           officials: tuple = ()) -> Figures:
    """The period's figures; OFFICIALS (the rules' `Official`s) name them by name."""
    zone = cfg.office.timezone
    result = turnaround(session, since, until, calendar=Calendar(cfg.service.extra_holidays),
                        promise_days=cfg.service.answer_working_days, zone=zone)
    satisfaction = ikm.figures(session, since, until, zone=zone,
                               min_responses=survey_rules(cfg.rules_path).min_responses)
    out = Figures(since, until, result, satisfaction,
                  names={o.code: o.name for o in officials})
    tz = ZoneInfo(zone)
    rows = session.execute(select(AgendaEntry.channel, AgendaEntry.opd_name).where(
        AgendaEntry.registered_at.is_not(None),
        AgendaEntry.received_at >= day_bound(since, tz, end=False),
        AgendaEntry.received_at < day_bound(until, tz, end=True))).all()
    out.by_channel = dict(Counter(CHANNELS.get(c, c) for c, _ in rows).most_common())
    out.by_opd = dict(Counter(o or "(lainnya)" for _, o in rows).most_common())
    return out


def _fmt(value: float | None) -> str:
    return naskah.desimal(value, 1)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f} %"


def _index_rows(groups: dict[str, ikm.Index]) -> list[tuple]:
    return [(name, i.respondents, naskah.desimal(i.value) if i.reported else "belum cukup",
             f"{i.grade} ({i.label})" if i.reported else "-") for name, i in groups.items()]


def satisfaction_section(doc, figures: Figures) -> bytes:
    """The IKM part; returns its chart (PNG)."""
    s = figures.ikm
    doc.add_heading("Indeks Kepuasan Masyarakat (IKM)", level=2)
    doc.add_paragraph(
        "Dihitung menurut PermenPANRB Nomor 14 Tahun 2017: nilai rata-rata (NRR) per unsur, "
        "bobot sama 1/9, dikonversi ke skala 25-100. Unsur dilaporkan bila jumlah jawaban "
        f"paling sedikit {s.min_responses}.")
    _table(doc, [("Survei dikirim dalam periode", s.invited),
                 ("Diisi", s.answered), ("Tingkat respons", _percent(s.response_rate)),
                 ("Responden (jawaban dalam periode)", s.overall.respondents),
                 ("Nilai IKM", naskah.desimal(s.overall.value) if s.overall.reported else
                  "belum cukup jawaban"),
                 ("Mutu pelayanan", f"{s.overall.grade} ({s.overall.label})"
                  if s.overall.reported else "-")])
    doc.add_heading("Nilai per unsur", level=3)
    _table(doc, [(f"U{n}", e.name, e.responses, naskah.desimal(e.nrr))
                 for n, e in enumerate(s.overall.elements, 1)],
           ("No", "Unsur pelayanan", "Jawaban", "NRR (1-4)"))
    png = ikm_chart.png(s.overall)
    doc.add_picture(io.BytesIO(png), width=Cm(16))
    doc.add_heading("IKM per saluran", level=3)
    _table(doc, _index_rows({CHANNELS.get(c, c): i for c, i in s.by_channel.items()})
           or [("-", 0, "-", "-")], ("Saluran", "Responden", "IKM", "Mutu"))
    doc.add_heading("IKM per unit pejabat yang menjawab", level=3)
    _table(doc, _index_rows(s.by_unit) or [("-", 0, "-", "-")],
           ("Unit", "Responden", "IKM", "Mutu"))
    doc.add_heading("Saran dan komentar responden", level=3)
    for day, channel, text in s.comments:
        doc.add_paragraph(f"{naskah.tanggal(day)} ({CHANNELS.get(channel, channel)}): "
                          f"{text}", style="List Bullet")
    if not s.comments:
        doc.add_paragraph("Tidak ada komentar dalam periode ini.")
    return png


def document(cfg, figures: Figures, sections: list[Section] | tuple = (),
             title: str = "LAPORAN EVALUASI KINERJA LAYANAN KONSULTASI") -> tuple[bytes, bytes]:
    """(DOCX, PNG of the turnaround chart): the whole evaluation, then each extra section."""
    result = figures.sla
    doc = _doc(title, cfg.office)
    doc.add_paragraph(f"Periode {naskah.tanggal(figures.since)} s.d. "
                      f"{naskah.tanggal(figures.until)}")
    doc.add_heading("Volume layanan", level=2)
    _table(doc, list(figures.by_channel.items()) or [("-", 0)], ("Saluran", "Permohonan"))
    doc.add_paragraph()
    _table(doc, list(figures.by_opd.items()) or [("-", 0)], ("OPD / instansi", "Permohonan"))
    doc.add_heading("Ketepatan waktu", level=2)
    _table(doc, [("Permohonan terdaftar", result.cases),
                 (f"Dijawab dalam {cfg.service.answer_working_days} hari kerja", result.kept),
                 ("Persentase tepat waktu", _percent(result.kept_share))])
    doc.add_heading("Per tahap", level=3)
    _table(doc, [(KIND.get(k, k), d.count, _fmt(d.median_hours), _fmt(d.p90_hours))
                 for k, d in result.by_kind.items()] or [("-", 0, "-", "-")],
           ("Tahap", "Jumlah", "Median (jam)", "P90 (jam)"))
    doc.add_heading("Per pejabat", level=3)
    _table(doc, [(figures.names.get(o, o), d.count, _fmt(d.median_hours), _fmt(d.p90_hours))
                 for o, d in sorted(result.by_official.items())] or [("-", 0, "-", "-")],
           ("Pejabat", "Jumlah", "Median (jam)", "P90 (jam)"))
    png = chart_png(result)
    doc.add_picture(io.BytesIO(png), width=Cm(16))
    satisfaction_section(doc, figures)
    for section in sections:
        doc.add_heading(section.title, level=2)
        section.render(doc, section.figures)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue(), png
