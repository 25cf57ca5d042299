# SPDX-License-Identifier: AGPL-3.0-or-later
"""The printable consultation request (seed 1 step 1 output): a one- or two-page A4 PDF with
the office's letterhead, drawn with reportlab. Everything the requester typed is escaped
before it reaches reportlab's paragraph markup, so it prints as typed."""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from pipeline.core import naskah
from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


@lru_cache(maxsize=1)
def fonts() -> tuple[str, str]:
    """DejaVu Sans where installed (it prints every Indonesian and most other letters),
    otherwise Helvetica."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdfmetrics.registerFont(TTFont("ParafSans", str(regular)))
        pdfmetrics.registerFont(TTFont("ParafSans-Bold", str(bold)))
        return "ParafSans", "ParafSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def request_pdf(cfg, entry: AgendaEntry) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        HRFlowable,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from pipeline.intake.notices import local_time

    regular, bold = fonts()
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=13.5)
    small = ParagraphStyle("small", parent=base, fontSize=8.5, leading=11)
    strong = ParagraphStyle("strong", parent=base, fontName=bold)
    head1 = ParagraphStyle("h1", parent=base, fontName=bold, fontSize=12, leading=15,
                           alignment=1)
    head2 = ParagraphStyle("h2", parent=base, fontName=bold, fontSize=14, leading=18,
                           alignment=1)
    center = ParagraphStyle("c", parent=base, alignment=1, fontSize=9)
    title = ParagraphStyle("t", parent=base, fontName=bold, fontSize=12, leading=16,
                           alignment=1, spaceBefore=8, spaceAfter=8)
    section = ParagraphStyle("s", parent=strong, spaceBefore=8, spaceAfter=3)

    def p(text, style=base) -> Paragraph:
        return Paragraph(escape(str(text or "-")).replace("\n", "<br/>"), style)

    office = cfg.office
    r = entry.requester or {}
    c = entry.consultation or {}
    letter = entry.letter or {}
    story = [p(office.government.upper(), head1), p(office.name.upper(), head2),
             p(f"{office.address} · Surel: {office.email}", center), Spacer(1, 3),
             HRFlowable(width="100%", thickness=2, color=colors.black, spaceAfter=1),
             HRFlowable(width="100%", thickness=0.5, color=colors.black),
             p("FORMULIR PERMOHONAN KONSULTASI", title)]
    rows = [("Nomor Agenda", entry.agenda_no or "-"),
            ("Tanggal Diterima", local_time(cfg, entry.registered_at or entry.received_at)),
            ("Saluran", "Situs web"),
            ("Batas Waktu Jawaban", naskah.hari_tanggal(entry.due_on) if entry.due_on else "-")]
    who = [("Nama", r.get("name")), ("Instansi / OPD", r.get("institution")),
           ("Jabatan", r.get("position")), ("Surel", r.get("email")),
           ("Telepon", r.get("phone"))]
    what = [("Bidang", c.get("bidang")), ("Wilayah", c.get("wilayah")),
            ("Hal", letter.get("hal") or entry.subject)]

    def table(pairs):
        t = Table([[p(k, strong), p(v)] for k, v in pairs], colWidths=[4.5 * cm, 11.5 * cm])
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef1f4"))]))
        return t

    story += [table(rows), p("A. Pemohon", section), table(who),
              p("B. Pokok Konsultasi", section), table(what),
              p("C. Maksud dan Tujuan Konsultasi", section), p(c.get("purpose")),
              p("D. Pertanyaan", section)]
    for i, q in enumerate(letter.get("pertanyaan") or [], 1):
        story.append(Table([[p(f"{i}."), p(q)]], colWidths=[0.8 * cm, 15.2 * cm],
                           style=[("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story.append(p("E. Bahan Pendukung", section))
    files = c.get("attachments") or []
    signed_on = utc(entry.registered_at or entry.received_at).astimezone(
        ZoneInfo(office.timezone)).date()
    if files:
        for i, f in enumerate(files, 1):
            story.append(p(f"{i}. {f.get('filename')} ({_size(int(f.get('size') or 0))})"))
    else:
        story.append(p("Tidak ada."))
    story += [Spacer(1, 14),
              Table([["", [p(f"{office.city}, {naskah.tanggal(signed_on)}"), p("Pemohon,")]],
                     ["", Spacer(1, 40)], ["", p(r.get("name"))]],
                    colWidths=[9 * cm, 7 * cm]),
              Spacer(1, 10),
              p("Dokumen ini dicetak dari permohonan yang diajukan melalui situs web "
                f"{office.name}. Perkembangan permohonan dapat dilihat pada halaman pelacakan "
                "dengan kode yang dikirim ke surel pemohon.", small)]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm,
                            topMargin=2 * cm, bottomMargin=2 * cm,
                            title=f"Permohonan Konsultasi {entry.agenda_no or ''}",
                            author=office.name)
    doc.build(story)
    return buf.getvalue()
