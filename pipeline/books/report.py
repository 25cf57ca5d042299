# SPDX-License-Identifier: AGPL-3.0-or-later
"""Reports: the consultation report of one case (seed 1, step 4), and the parts the period
report (`evaluation.py`) shares: the document's head, tables, and the turnaround chart.

Both are Word documents (python-docx) an administration can file or print; charts are PNG,
drawn with Pillow so no plotting stack is needed. `convert.to_pdf` turns either into PDF
where LibreOffice is installed.
"""
from __future__ import annotations

import io

from docx import Document
from docx.shared import Cm, Pt
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import select

from pipeline.books.sla import Turnaround
from pipeline.core import naskah
from pipeline.core.models import AgendaEntry, Disposition, DraftRevision, OutgoingLetter, Step

KIND = {"disposition": "Disposisi", "drafting": "Penyusunan jawaban", "paraf": "Paraf"}
KIND["complaint"] = "Tanggapan pengaduan"          # issue 20


def _doc(title: str, office) -> Document:
    doc = Document()
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2.5)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Arial", Pt(11)
    doc.add_paragraph(office.name.upper()).runs[0].bold = True
    doc.add_heading(title, level=1)
    return doc


def _table(doc, rows: list[tuple], header: tuple | None = None) -> None:
    table = doc.add_table(rows=0, cols=len(rows[0] if rows else header))
    table.style = "Table Grid"
    for values in ([header] if header else []) + rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = "" if value is None else str(value)


def entry_report(session, cfg, entry: AgendaEntry) -> bytes:
    """The consultation service document of one case: who asked what, who answered, when."""
    from pipeline.intake.notices import local_time
    letter = entry.letter or {}
    doc = _doc("LAPORAN LAYANAN KONSULTASI", cfg.office)
    _table(doc, [("Nomor Agenda", entry.agenda_no), ("Saluran", entry.channel),
                 ("Pemohon", entry.opd_name or entry.sender_email),
                 ("Nomor / Tanggal Surat", f"{letter.get('nomor') or '-'} / "
                                           f"{naskah.tanggal(letter.get('tanggal'))}"),
                 ("Hal", letter.get("hal") or entry.subject),
                 ("Diterima", local_time(cfg, entry.received_at)),
                 ("Batas Waktu Jawaban", naskah.tanggal(entry.due_on)),
                 ("Status", entry.status)])
    doc.add_heading("Pertanyaan", level=2)
    for i, q in enumerate(letter.get("pertanyaan") or ["(tidak tercatat)"], 1):
        doc.add_paragraph(f"{i}. {q}")
    disp = session.scalars(select(Disposition).where(Disposition.entry_id == entry.id)
                           .order_by(Disposition.id.desc())).first()
    if disp:
        doc.add_heading("Disposisi", level=2)
        doc.add_paragraph(f"Kepada {disp.assignee}; paraf berjenjang: "
                          f"{' → '.join(disp.chain) or '-'}; oleh {disp.decided_by} pada "
                          f"{local_time(cfg, disp.decided_at)}."
                          + (f" Petunjuk: {disp.instructions}" if disp.instructions else ""))
    draft = session.scalars(select(DraftRevision).where(DraftRevision.entry_id == entry.id)
                            .order_by(DraftRevision.number.desc())).first()
    if draft and draft.answers:
        doc.add_heading("Ringkasan Jawaban", level=2)
        for i, a in enumerate(draft.answers, 1):
            doc.add_paragraph(f"{i}. {a}")
    steps = session.scalars(select(Step).where(Step.entry_id == entry.id).order_by(Step.id))
    rows = [(KIND.get(s.kind, s.kind), s.official, local_time(cfg, s.opened_at),
             local_time(cfg, s.closed_at) if s.closed_at else "-", s.outcome or s.status)
            for s in steps]
    if rows:
        doc.add_heading("Tahapan", level=2)
        _table(doc, rows, ("Tahap", "Pejabat", "Mulai", "Selesai", "Hasil"))
    out = session.scalar(select(OutgoingLetter).where(OutgoingLetter.entry_id == entry.id))
    if out:
        doc.add_heading("Surat Jawaban", level=2)
        doc.add_paragraph(f"Nomor {out.number}, ditandatangani {local_time(cfg, out.signed_at)}; "
                          f"kode verifikasi {out.verification_code}.")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def chart_png(result: Turnaround, width: int = 900, height: int = 420) -> bytes:
    """Bars of median and 90th-percentile hours per step, labelled in Indonesian."""
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default()
    kinds = [k for k in ("disposition", "drafting", "paraf") if k in result.by_kind]
    top = max([d.p90_hours or d.median_hours or 0 for d in result.by_kind.values()] + [1])
    left, bottom, plot_h = 70, height - 60, height - 110
    draw.text((left, 15), "Waktu penyelesaian per tahap (jam sejak diterima pejabat): median dan P90",
              fill="black", font=font)
    draw.line((left, bottom, width - 20, bottom), fill="black")
    draw.line((left, bottom, left, bottom - plot_h), fill="black")
    slot = (width - left - 40) / max(1, len(kinds))
    for i, kind in enumerate(kinds):
        d = result.by_kind[kind]
        for j, (value, colour) in enumerate(((d.median_hours, "#3b6ea5"),
                                             (d.p90_hours, "#e08a2c"))):
            if value is None:
                continue
            x0 = left + 20 + i * slot + j * (slot / 3)
            bar = plot_h * value / top
            draw.rectangle((x0, bottom - bar, x0 + slot / 3 - 6, bottom), fill=colour)
            draw.text((x0, bottom - bar - 14), f"{value:.1f}", fill="black", font=font)
        draw.text((left + 20 + i * slot, bottom + 10), f"{KIND[kind]} (n={d.count})",
                  fill="black", font=font)
    draw.text((left, height - 25), "biru: median   oranye: persentil ke-90", fill="black",
              font=font)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()
