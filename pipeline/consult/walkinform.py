# SPDX-License-Identifier: AGPL-3.0-or-later
"""The consultation form of the walk-in desk (seed 2): A4, office letterhead, naskah dinas.

Two versions from the same data: `formulir`, pre-filled at registration for the visitor to
sign (disposition and answer left as lines to write on), and `salinan`, the completed copy
after the answer. Plain data in (`FormInfo`), PDF bytes out; nothing here reads the database.
Every text a visitor or an official typed is escaped before it reaches reportlab's paragraph
markup, so it is printed exactly as typed.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
             "/usr/local/share/fonts")


@dataclass(frozen=True)
class FormInfo:
    office_government: str
    office_name: str
    office_address: str
    office_email: str
    office_city: str
    agenda_no: str
    visited: str                     # '30 November 2026 pukul 09.15 WIB'
    visited_day: str                 # 'Senin, 30 November 2026'
    name: str
    institution: str
    purpose: str
    questions: tuple[str, ...]
    target: str                      # the same-day target, as text
    printed: str
    sign_date: str                   # '30 November 2026'
    nip: str = ""
    position: str = ""
    opd_name: str = ""               # the OPD of the rules, when the institution is one
    phone: str = ""
    email: str = ""
    disposed_to: str = ""
    disposed_by: str = ""
    disposed_at: str = ""
    instructions: str = ""
    answer: str = ""
    answered_by: str = ""
    answered_jabatan: str = ""
    answered_nip: str = ""
    answered_at: str = ""
    on_time: bool | None = None
    survey_url: str = ""             # the satisfaction survey's single-use link (copy only)


@lru_cache(maxsize=1)
def fonts() -> tuple[str, str]:
    """(regular, bold): DejaVu Sans where installed (any script a name may use), else
    Helvetica (Latin-1 only; other characters print as '?')."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    for folder in FONT_DIRS:
        regular, bold = Path(folder) / "DejaVuSans.ttf", Path(folder) / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont("Paraf-Sans", str(regular)))
            pdfmetrics.registerFont(TTFont("Paraf-Sans-Bold", str(bold)))
            pdfmetrics.registerFontFamily("Paraf-Sans", normal="Paraf-Sans",
                                          bold="Paraf-Sans-Bold")
            return "Paraf-Sans", "Paraf-Sans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _text(value: str, unicode_ok: bool) -> str:
    """Escaped for paragraph markup, line breaks kept."""
    if not unicode_ok:
        value = value.encode("latin-1", "replace").decode("latin-1")
    return escape(value).replace("\n", "<br/>")


def build(info: FormInfo, *, completed: bool) -> bytes:
    """The form as PDF: pre-filled (COMPLETED false) or the completed copy."""
    regular, bold = fonts()
    uni = regular != "Helvetica"
    t = lambda s: _text(s or "", uni)                       # noqa: E731
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=13)
    small = ParagraphStyle("small", parent=base, fontSize=8, leading=10,
                           textColor=colors.HexColor("#444444"))
    label = ParagraphStyle("label", parent=base)
    heading = ParagraphStyle("heading", parent=base, fontName=bold, fontSize=10.5,
                             spaceBefore=8, spaceAfter=3)
    title = ParagraphStyle("title", parent=base, fontName=bold, fontSize=13, leading=16,
                           alignment=TA_CENTER)
    center = ParagraphStyle("center", parent=base, alignment=TA_CENTER)

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=2.5 * cm, rightMargin=2 * cm, topMargin=1.5 * cm,
        bottomMargin=1.8 * cm, title=f"Formulir Konsultasi {info.agenda_no}",
        author=info.office_name, subject="Formulir Konsultasi Secara Langsung")
    width = doc.width - 12          # the frame's own padding, 6 pt each side
    story: list = []

    # Kop surat: government, office, address; a thick and a thin rule below.
    kop = [Paragraph(t(info.office_government.upper()),
                     ParagraphStyle("k1", parent=center, fontName=bold, fontSize=12.5,
                                    leading=15)),
           Paragraph(t(info.office_name.upper()),
                     ParagraphStyle("k2", parent=center, fontName=bold, fontSize=14.5,
                                    leading=18)),
           Paragraph(t(f"{info.office_address} · Surel: {info.office_email}"),
                     ParagraphStyle("k3", parent=center, fontSize=9, leading=11))]
    story += kop
    rule = Table([[""]], colWidths=[width], rowHeights=[3])
    rule.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 2, colors.black),
                              ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black)]))
    story += [Spacer(1, 4), rule, Spacer(1, 10)]

    story.append(Paragraph("<u>FORMULIR KONSULTASI</u>", title))
    story.append(Paragraph("Layanan Konsultasi Secara Langsung", center))
    story.append(Paragraph(f"Nomor Agenda: {t(info.agenda_no)}", center))
    if completed:
        stamp = Table([[Paragraph("SALINAN", ParagraphStyle(
            "stamp", parent=center, fontName=bold, fontSize=10))]], colWidths=[3 * cm])
        stamp.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, colors.black),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
        stamp.hAlign = "RIGHT"
        story += [Spacer(1, -14), stamp]
    story.append(Spacer(1, 8))

    def fields(rows):
        data = [[Paragraph(t(k), label), Paragraph(":", label), Paragraph(v, base)]
                for k, v in rows]
        table = Table(data, colWidths=[4.2 * cm, 0.4 * cm, width - 4.6 * cm])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
        return table

    def lines(n: int):
        table = Table([[""]] * n, colWidths=[width], rowHeights=[18] * n)
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4,
                                    colors.HexColor("#888888"))]))
        return table

    blank = "." * 60
    opd = info.institution if not info.opd_name or info.opd_name == info.institution \
        else f"{info.institution} ({info.opd_name})"
    story.append(Paragraph("A. IDENTITAS PENGUNJUNG", heading))
    story.append(fields([("Nama", t(info.name)), ("NIP", t(nip_text(info.nip) or "-")),
                         ("Jabatan", t(info.position or "-")),
                         ("Instansi / OPD", t(opd)), ("Nomor telepon", t(info.phone or "-")),
                         ("Alamat surel", t(info.email or "-"))]))

    story.append(Paragraph("B. KONSULTASI", heading))
    story.append(fields([("Hari, tanggal", t(info.visited_day)),
                         ("Waktu kedatangan", t(info.visited)),
                         ("Tujuan konsultasi", t(info.purpose)),
                         ("Target penyelesaian", t(f"hari yang sama, {info.target}"))]))
    story.append(Spacer(1, 3))
    story.append(Paragraph("Ringkasan pertanyaan:", base))
    qs = [[Paragraph(f"{i}.", base), Paragraph(t(q), base)]
          for i, q in enumerate(info.questions, 1)] or [[Paragraph("-", base), ""]]
    qtable = Table(qs, colWidths=[0.8 * cm, width - 0.8 * cm])
    qtable.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("TOPPADDING", (0, 0), (-1, -1), 1),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    story.append(qtable)

    story.append(Paragraph("C. DISPOSISI INSPEKTUR / PEJABAT", heading))
    if info.disposed_to:
        story.append(fields([("Kepada", t(info.disposed_to)),
                             ("Petunjuk", t(info.instructions or "-")),
                             ("Oleh", t(info.disposed_by)),
                             ("Tanggal", t(info.disposed_at))]))
    else:
        story.append(fields([("Kepada", blank), ("Petunjuk", blank),
                             ("Paraf / tanggal", blank)]))

    story.append(Paragraph("D. RINGKASAN JAWABAN", heading))
    if completed and info.answer:
        story.append(Paragraph(t(info.answer), base))
        story.append(Spacer(1, 3))
        done = t(info.answered_at)
        if info.on_time is not None:
            done += " (tepat waktu)" if info.on_time else " (melewati target)"
        story.append(fields([("Dijawab oleh", t(f"{info.answered_by}, {info.answered_jabatan}")),
                             ("Selesai", done)]))
    else:
        story.append(lines(6))

    # Signatures: the visitor and the official who answered, side by side.
    half = width / 2
    official = info.answered_by if completed and info.answered_by else ""
    left = [Paragraph("Pengunjung,", center), Spacer(1, 46),
            Paragraph(f"<u>{t(info.name)}</u>", center)]
    if info.nip:
        left.append(Paragraph(f"NIP. {t(nip_text(info.nip))}", center))
    right = [Paragraph(t(f"{info.office_city}, {info.sign_date}"), center),
             Paragraph("Pejabat yang menerima konsultasi,", center), Spacer(1, 33),
             Paragraph(f"<u>{t(official)}</u>" if official else "(" + "." * 40 + ")", center)]
    if official and info.answered_nip:
        right.append(Paragraph(f"NIP. {t(nip_text(info.answered_nip))}", center))
    sign = Table([[left, right]], colWidths=[half, half])
    sign.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                              ("BOX", (0, 0), (0, 0), 0.5, colors.HexColor("#999999")),
                              ("BOX", (1, 0), (1, 0), 0.5, colors.HexColor("#999999")),
                              ("TOPPADDING", (0, 0), (-1, -1), 6),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    story += [Spacer(1, 12), KeepTogether([sign])]

    note = ("Salinan ini diberikan kepada pengunjung; formulir aslinya disimpan sebagai arsip "
            f"{info.office_name}." if completed else
            "Mohon periksa isian di atas dan bubuhkan tanda tangan. Salinan formulir yang telah "
            "dilengkapi jawaban diberikan kepada pengunjung; aslinya disimpan sebagai arsip.")
    story += [Spacer(1, 8), Paragraph(t(note), small)]
    if completed and info.survey_url:
        story += [Spacer(1, 10), KeepTogether([survey_box(info.survey_url, base, small, t,
                                                          width)])]

    def footer(canvas, document):
        canvas.saveState()
        canvas.setFont(regular, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        text = f"{info.agenda_no} · dicetak {info.printed} · halaman {document.page}"
        if not uni:
            text = text.encode("latin-1", "replace").decode("latin-1")
        canvas.drawString(doc.leftMargin, 1.1 * cm, text)
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def survey_box(url: str, base, small, t, width: float):
    """The satisfaction survey's QR code with the link written out, for a visitor without a
    camera; framed so it is seen as something to do, not part of the record."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    side = 3.2 * cm
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    qr = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
    qr.add(widget)
    text = [Paragraph("<b>Survei Kepuasan Masyarakat</b>", base), Spacer(1, 3),
            Paragraph(t("Mohon nilai layanan konsultasi ini: pindai kode QR di samping dengan "
                        "ponsel, atau buka alamat berikut. Tautan hanya berlaku satu kali, "
                        "tanpa akun."), base), Spacer(1, 3), Paragraph(t(url), small)]
    box = Table([[qr, text]], colWidths=[side + 12, width - side - 12])
    box.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                             ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    return box


def nip_text(nip: str) -> str:
    """'196905121994031005' -> '19690512 199403 1 005' (the printed form)."""
    digits = nip.replace(" ", "")
    if len(digits) != 18 or not digits.isdigit():
        return nip
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
