"""Render a Letter to a text PDF with reportlab platypus."""
from __future__ import annotations

import random
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (Flowable, Image, KeepTogether, PageBreak, Paragraph,
                                SimpleDocTemplate, Spacer, Table, TableStyle)

from . import graphics
from .style import PAPERS, label_mm, text_mm

FONTS = {
    "LiberationSerif": ("liberation2/LiberationSerif-Regular", "liberation2/LiberationSerif-Bold"),
    "LiberationSans": ("liberation2/LiberationSans-Regular", "liberation2/LiberationSans-Bold"),
    "DejaVuSerif": ("dejavu/DejaVuSerif", "dejavu/DejaVuSerif-Bold"),
    "DejaVuSans": ("dejavu/DejaVuSans", "dejavu/DejaVuSans-Bold"),
    "DejaVuSerifCondensed": ("dejavu/DejaVuSerifCondensed", "dejavu/DejaVuSerifCondensed-Bold"),
    "DejaVuSansCondensed": ("dejavu/DejaVuSansCondensed", "dejavu/DejaVuSansCondensed-Bold"),
}
_done: set = set()


def font(name: str) -> tuple[str, str]:
    if name not in _done:
        reg, bold = FONTS[name]
        pdfmetrics.registerFont(TTFont(name, f"{graphics.FONT_DIR}/{reg}.ttf"))
        pdfmetrics.registerFont(TTFont(name + "-Bold", f"{graphics.FONT_DIR}/{bold}.ttf"))
        pdfmetrics.registerFontFamily(name, normal=name, bold=name + "-Bold", italic=name,
                                      boldItalic=name + "-Bold")
        _done.add(name)
    return name, name + "-Bold"


class Rule(Flowable):
    """The line(s) under the kop."""

    def __init__(self, width: float, kind: str):
        super().__init__()
        self.width, self.kind = width, kind
        self.height = 3.2 * mm

    def draw(self):
        c = self.canv
        if self.kind == "tunggal":
            c.setLineWidth(1.2)
            c.line(0, 2.4 * mm, self.width, 2.4 * mm)
            return
        c.setLineWidth(2.2 if self.kind == "tebal-tipis" else 0.8)
        c.line(0, 2.6 * mm, self.width, 2.6 * mm)
        c.setLineWidth(0.7)
        c.line(0, 1.7 * mm, self.width, 1.7 * mm)


def t(text: str) -> str:
    return escape(text)


def render(L, out: Path, work: Path, seed: str) -> None:
    s = L.style
    pw, ph = PAPERS[s["paper"]]
    top, right, left, bottom = s["margins_mm"]
    reg, bold = font(s["font"])
    size = s["size"]
    lead = size * 1.22 * s["spacing"]
    P = ParagraphStyle("p", fontName=reg, fontSize=size, leading=lead,
                       alignment=TA_JUSTIFY if s["justify"] else TA_LEFT, spaceAfter=size * 0.5)
    PL = ParagraphStyle("pl", parent=P, alignment=TA_LEFT, spaceAfter=0)
    PC = ParagraphStyle("pc", parent=PL, alignment=TA_CENTER)
    PR = ParagraphStyle("pr", parent=PL, alignment=TA_RIGHT)
    fw = (pw - left - right) * mm
    story: list = []
    # ---- kop
    logo = graphics.emblem(work / f"emblem-{seed}.png", random.Random(seed))
    if s["kop"] == "gambar":
        img, hmm = graphics.kop_image(work / f"kop-{seed}.png", L.kop, logo, pw - left - right,
                                      s["address_size"], s["kop_rule"])
        story.append(Image(str(img), width=fw, height=hmm * mm))
    else:
        ks = [Paragraph(f"<b>{t(x)}</b>", ParagraphStyle("k1", parent=PC, fontSize=13.5,
                                                         leading=16)) for x in L.kop["parent"]]
        ks += [Paragraph(f"<b>{t(x)}</b>", ParagraphStyle("k2", parent=PC, fontSize=15.5,
                                                          leading=18)) for x in L.kop["unit"]]
        ks += [Paragraph(t(x), ParagraphStyle("k3", parent=PC, fontSize=s["address_size"],
                                              leading=s["address_size"] * 1.25,
                                              spaceBefore=2.5 if k == 0 else 0))
               for k, x in enumerate(L.kop["address"])]
        if s["kop"] == "logo-kiri":
            tb = Table([[Image(str(logo), width=21 * mm, height=25 * mm), ks]],
                       colWidths=[25 * mm, fw - 25 * mm])
            tb.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
            story.append(tb)
        else:
            if s["kop"] == "logo-atas":
                story.append(Image(str(logo), width=17 * mm, height=20.4 * mm))
                story.append(Spacer(1, 1.5 * mm))
            story += ks
        story.append(Rule(fw, s["kop_rule"]))
    story.append(Spacer(1, 3 * mm))
    # ---- date and header block
    if s["date_pos"] == "kanan-atas":
        story.append(Paragraph(t(L.place_date), PR))
        story.append(Spacer(1, lead * 0.6))
    lw = label_mm(L.fields) * mm
    rows = []
    for i, (a, b) in enumerate(L.fields):
        row = [Paragraph(t(a), PL), Paragraph(":", PL),
               Paragraph(f"<b>{t(b)}</b>" if s["hal_bold"] and a.lower() in ("hal", "perihal")
                         else t(b), PL)]
        if s["date_pos"] == "baris-nomor":
            row.append(Paragraph(t(L.place_date), PR) if i == 0 else "")
        rows.append(row)
    if s["date_pos"] == "baris-nomor":
        dw = (text_mm(L.place_date, size) + 4) * mm
        cw = [lw, 4 * mm, fw - lw - 4 * mm - dw, dw]
    else:
        cw = [lw, 4 * mm, min(fw - lw - 4 * mm, 100 * mm)]
    hb = Table(rows, colWidths=cw, hAlign="LEFT")
    hb.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                            ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)]))
    story += [hb, Spacer(1, lead)]
    for text, ind in L.addressee:
        story.append(Paragraph(t(text), ParagraphStyle("a", parent=PL, leftIndent=ind * 8 * mm)))
    story.append(Spacer(1, lead))
    story += blocks(L.body, P, PL, bold, fw)
    # ---- signature
    story.append(Spacer(1, lead * 0.5))
    story.append(KeepTogether(signature(L, PL, PC, work, seed, fw)))
    if L.tembusan:
        story.append(Spacer(1, lead))
        story.append(Paragraph(t(L.tembusan["head"]), PL))
        for mark, text in L.tembusan["items"]:
            story.append(Paragraph(t(text), ParagraphStyle(
                "tb", parent=PL, leftIndent=6 * mm if mark else 0, bulletIndent=0),
                bulletText=mark or None))
    if L.lamp:
        story += lampiran(L, P, PL, PC, bold, fw)

    def on_page(c, doc):
        if L.footer:
            c.setFont(reg, 7)
            lines = simpleSplit(L.footer, reg, 7, fw)
            y = bottom * mm * 0.55 + 8 * len(lines)
            for ln in lines:
                c.drawCentredString(pw * mm / 2, y, ln)
                y -= 8

    doc = SimpleDocTemplate(str(out), pagesize=(pw * mm, ph * mm), topMargin=top * mm,
                            bottomMargin=bottom * mm + (8 * mm if L.footer else 0),
                            leftMargin=left * mm, rightMargin=right * mm,
                            title=L.truth["hal"], author=L.unit.pengirim)
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)


def blocks(items, P, PL, bold, fw) -> list:
    out = []
    for b in items:
        if b[0] == "p":
            out.append(Paragraph(t(b[1]), P))
        elif b[0] == "li":
            _, level, marker, text, strong = b
            st = ParagraphStyle("li", parent=P, leftIndent=(level + 1) * 7.5 * mm,
                                bulletIndent=level * 7.5 * mm, spaceAfter=P.fontSize * 0.3,
                                bulletFontName=bold if strong else P.fontName)
            out.append(Paragraph(f"<b>{t(text)}</b>" if strong else t(text), st,
                                 bulletText=marker))
        elif b[0] == "table":
            _, head, rows = b
            hs = ParagraphStyle("th", parent=PL, fontName=bold, alignment=TA_CENTER)
            data = [[Paragraph(t(h), hs) for h in head]]
            data += [[Paragraph(t(c), PL) for c in row] for row in rows]
            tb = Table(data, colWidths=[11 * mm, (fw - 11 * mm) * 0.38, (fw - 11 * mm) * 0.62],
                       repeatRows=1)
            tb.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8"))]))
            out += [tb, Spacer(1, P.fontSize * 0.6)]
    return out


def signature(L, PL, PC, work, seed, fw) -> list:
    sg, s = L.sign, L.style
    al = PC if s["sign_align"] == "tengah-kanan" else PL
    cell: list = []
    if sg["date"]:
        cell.append(Paragraph(t(sg["date"]), al))
    if sg["tte_note"]:
        cell.append(Paragraph("Ditandatangani secara elektronik oleh:", al))
    cell += [Paragraph(t(x), al) for x in sg["post"]]
    if sg["tte"]:
        q = graphics.qr(work / f"qr-{seed}.png", f"https://tte.{L.unit.domain}/verify/{seed}")
        cell += [Spacer(1, 2 * mm), Image(str(q), width=22 * mm, height=22 * mm,
                                          hAlign="CENTER" if al is PC else "LEFT"),
                 Spacer(1, 2 * mm)]
    else:
        cell.append(Spacer(1, 21 * mm))
    name = t(sg["nama"])
    if s["name_underline"]:
        name = f"<u>{name}</u>"
    cell.append(Paragraph(f"<b>{name}</b>", al))
    if sg["rank"]:
        cell.append(Paragraph(t(sg["rank"]), al))
    cell.append(Paragraph(t(sg["nip"]), al))
    lw = fw * (0.5 if s["sign_align"] == "kanan" else 0.42)
    tb = Table([["", cell]], colWidths=[lw, fw - lw])
    tb.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                            ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [tb]


def lampiran(L, P, PL, PC, bold, fw) -> list:
    out: list = [PageBreak()]
    rows = [[Paragraph(t(a), PL), Paragraph(":", PL), Paragraph(t(b), PL)]
            for a, b in L.lamp["head"]]
    tb = Table(rows, colWidths=[22 * mm, 4 * mm, fw * 0.5 - 26 * mm], hAlign="RIGHT")
    tb.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)]))
    out += [tb, Spacer(1, 8 * mm),
            Paragraph(f"<b>{t(L.lamp['title'])}</b>", PC), Spacer(1, 5 * mm)]
    out += blocks(L.lamp["blocks"], P, PL, bold, fw)
    return out
