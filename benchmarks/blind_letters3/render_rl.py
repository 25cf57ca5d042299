"""A letter as a text PDF laid out by reportlab's platypus."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (HRFlowable, Image, KeepTogether, Paragraph, SimpleDocTemplate,
                                Spacer, Table, TableStyle)

from .graphics import emblem, qr
from .letter import Letter
from .style import PAPERS

TTF = "/usr/share/fonts/truetype"
FILES = {
    "LiberationSerif": ("liberation2/LiberationSerif", "-Regular", "-Bold", "-Italic",
                        "-BoldItalic"),
    "LiberationSans": ("liberation2/LiberationSans", "-Regular", "-Bold", "-Italic",
                       "-BoldItalic"),
    "DejaVuSerif": ("dejavu/DejaVuSerif", "", "-Bold", "-Italic", "-BoldItalic"),
    "DejaVuSans": ("dejavu/DejaVuSans", "", "-Bold", "-Oblique", "-BoldOblique"),
    "DejaVuSerifCondensed": ("dejavu/DejaVuSerifCondensed", "", "-Bold", "-Italic",
                             "-BoldItalic"),
    "DejaVuSansCondensed": ("dejavu/DejaVuSansCondensed", "", "-Bold", "-Oblique",
                            "-BoldOblique"),
}
_done: set[str] = set()
NO_PAD = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
          ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
          ("VALIGN", (0, 0), (-1, -1), "TOP")]


def font(name: str) -> str:
    if name not in _done:
        base, *suffixes = FILES[name]
        names = [name, f"{name}-B", f"{name}-I", f"{name}-BI"]
        for n, suf in zip(names, suffixes):
            pdfmetrics.registerFont(TTFont(n, f"{TTF}/{base}{suf}.ttf"))
        pdfmetrics.registerFontFamily(name, normal=names[0], bold=names[1], italic=names[2],
                                      boldItalic=names[3])
        _done.add(name)
    return name


class Styles:
    def __init__(self, st: dict):
        self.f = font(st["font"])
        self.size = st["size"]
        self.lead = st["size"] * (1.2 if st["spacing"] == 1.0 else 1.2 * st["spacing"])

    def __call__(self, align=TA_LEFT, size=None, bold=False, **kw) -> ParagraphStyle:
        size = size or self.size
        lead = self.lead * size / self.size
        return ParagraphStyle("s", fontName=self.f + ("-B" if bold else ""), fontSize=size,
                              leading=lead, alignment=align, **kw)


def P(text: str, style) -> Paragraph:
    return Paragraph(escape(text), style)


def marker(fmt: str, k: int) -> str:
    if fmt in ("•", "-", "auto-bullet"):
        return "•" if fmt != "-" else "-"
    letter = "abcdefghijklmnop"[k]
    return {"1.": f"{k + 1}.", "1)": f"{k + 1})", "a)": f"{letter})", "a.": f"{letter}."}[fmt]


def kop(L: Letter, S: Styles, width: float, work: Path) -> list:
    st = L.style
    lines = [P(x, S(TA_CENTER, S.size + 1.5, bold=False)) for x in L.kop_parents]
    lines += [P(x, S(TA_CENTER, S.size + 3.5, bold=True)) for x in L.kop_unit]
    lines += [P(x, S(TA_CENTER, S.size - 2)) for x in L.kop_contact]
    out: list = []
    if st["logo"] == "none":
        out += lines
    else:
        lw = 22 * mm
        left = Image(str(emblem(work / "emblem0.png", 0)), lw * 0.8, lw * 0.93)
        right = Image(str(emblem(work / "emblem1.png", 1)), lw * 0.8, lw * 0.8) \
            if st["logo"] == "both" else ""
        t = Table([[left, lines, right]], colWidths=[lw, width - 2 * lw, lw])
        t.setStyle(TableStyle(NO_PAD + [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        out.append(t)
    if st["rule"] == "double":
        out += [Spacer(1, 2), HRFlowable(width="100%", thickness=2.2, color="black",
                                         spaceAfter=1.2),
                HRFlowable(width="100%", thickness=0.6, color="black")]
    elif st["rule"] == "single":
        out += [Spacer(1, 2), HRFlowable(width="100%", thickness=1.4, color="black")]
    out.append(Spacer(1, S.lead))
    return out


def right_block(lines: list[tuple[str, int]], S: Styles, indent: float) -> list:
    return [P(t, S(TA_LEFT, leftIndent=indent + lvl * 10 * mm)) for t, lvl in lines]


def header(L: Letter, S: Styles, width: float) -> list:
    st = L.style
    if st["header"] == "attached":
        out = []
        for label, value in L.fields:
            lab = f"{label}: "
            w = pdfmetrics.stringWidth(lab, S.f, S.size)
            out.append(P(lab + value, S(TA_LEFT, leftIndent=w, firstLineIndent=-w)))
        return out
    lw = max(pdfmetrics.stringWidth(lab, S.f, S.size) for lab, _ in L.fields) + 6
    value_w = width * (0.62 if L.family == "kepada-atas" else 0.56)
    rows = [[P(lab, S()), P(":", S()), P(val, S())] for lab, val in L.fields]
    t = Table(rows, colWidths=[lw, 8, value_w], hAlign="LEFT")
    t.setStyle(TableStyle(NO_PAD))
    return [t]


def body(L: Letter, S: Styles) -> list:
    st = L.style
    out: list = []
    ind = 10 * mm if st["first_indent"] else 0
    for block in L.body:
        if block[0] == "p":
            out += [P(block[1], S(TA_JUSTIFY, firstLineIndent=ind, spaceAfter=S.lead * 0.4))]
            continue
        _, fmt, items = block
        for k, item in enumerate(items):
            m = marker(fmt, k)
            style = S(TA_JUSTIFY, leftIndent=8 * mm, bulletIndent=1 * mm, spaceAfter=2)
            if isinstance(item, tuple):
                lead, subs = item
                out.append(Paragraph(escape(lead), style, bulletText=m))
                for j, sub in enumerate(subs):
                    out.append(Paragraph(escape(sub), S(TA_JUSTIFY, leftIndent=15 * mm,
                                                        bulletIndent=8 * mm, spaceAfter=2),
                                         bulletText="ab"[j] + "."))
            else:
                out.append(Paragraph(escape(item), style, bulletText=m))
        out.append(Spacer(1, S.lead * 0.4))
    return out


def signature(L: Letter, S: Styles, width: float, work: Path, seed: str) -> list:
    st = L.style
    align = {"right": TA_LEFT, "centre": TA_CENTER, "left": TA_LEFT}[st["sign_align"]]
    left_w = {"right": width * 0.52, "centre": width * 0.45, "left": 0.01}[st["sign_align"]]
    bw = width - left_w
    cells: list = [P(x, S(align)) for x in L.sign_lines]
    if st["tte"]:
        q = Image(str(qr(work / f"qr-{seed}.png", seed)), 22 * mm, 22 * mm)
        note = P("Ditandatangani secara elektronik oleh:", S(TA_LEFT, S.size - 2))
        t = Table([[q, note]], colWidths=[25 * mm, bw - 25 * mm], hAlign="LEFT")
        t.setStyle(TableStyle(NO_PAD + [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        cells += [Spacer(1, 3), t, Spacer(1, 3)]
    else:
        cells.append(Spacer(1, 20 * mm))
    name = escape(L.name)
    if st["name_underline"]:
        name = f"<u>{name}</u>"
    cells.append(Paragraph(f"<b>{name}</b>", S(align)))
    if L.rank:
        cells.append(P(L.rank, S(align)))
    cells.append(P(L.nip_line, S(align)))
    t = Table([["", cells]], colWidths=[left_w, bw], hAlign="LEFT")
    t.setStyle(TableStyle(NO_PAD))
    return [Spacer(1, S.lead * 0.6), KeepTogether([t])]


def tembusan(L: Letter, S: Styles) -> list:
    if not L.tembusan:
        return []
    st = L.style
    out = [Spacer(1, S.lead), P(L.tembusan_head, S(TA_LEFT, S.size - 0.5))]
    for k, item in enumerate(L.tembusan):
        end = ";" if st["tembusan_num"] == "1." and k < len(L.tembusan) - 1 else ""
        text = escape(item + end)
        if st["tembusan_num"] == "none":
            out.append(Paragraph(text, S(TA_LEFT, S.size - 0.5)))
        else:
            m = f"{k + 1}." if st["tembusan_num"] == "1." else "-"
            out.append(Paragraph(text, S(TA_LEFT, S.size - 0.5, leftIndent=6 * mm,
                                         bulletIndent=0), bulletText=m))
    return out


def render(L: Letter, path: Path, work: Path, seed: str) -> None:
    st = L.style
    pw, ph = PAPERS[st["paper"]]
    ml, mr, mt, mb = st["margins_mm"]
    doc = SimpleDocTemplate(str(path), pagesize=(pw * mm, ph * mm), leftMargin=ml * mm,
                            rightMargin=mr * mm, topMargin=mt * mm, bottomMargin=mb * mm,
                            title="", author="")
    width = (pw - ml - mr) * mm
    S = Styles(st)
    story = kop(L, S, width, work)
    indent = width * 0.55
    if L.family == "hijriah":
        place = L.place_date[0].split(",")[0] + ", "
        w = pdfmetrics.stringWidth(place, S.f, S.size)
        story += [P(L.place_date[0], S(leftIndent=indent)),
                  P(L.place_date[1], S(leftIndent=indent + w))]
    else:
        right = st["date_align"] == "right"
        story += [P(L.place_date[0], S(TA_RIGHT if right else TA_LEFT,
                                       leftIndent=0 if right else indent))]
    story.append(Spacer(1, S.lead))
    if L.family == "kepada-atas":
        story += right_block(L.addressee, S, indent) + [Spacer(1, S.lead)]
        story += header(L, S, width) + [Spacer(1, S.lead)]
    else:
        story += header(L, S, width) + [Spacer(1, S.lead)]
        story += right_block(L.addressee, S, 0) + [Spacer(1, S.lead)]
    story += body(L, S) + signature(L, S, width, work, seed) + tembusan(L, S)

    def later(canvas, _doc):
        canvas.saveState()
        canvas.setFont(S.f, S.size)
        canvas.drawCentredString(pw * mm / 2, ph * mm - mt * mm * 0.6, f"- {_doc.page} -")
        footer(canvas)
        canvas.restoreState()

    def footer(canvas):
        if st["tte"]:
            canvas.setFont(S.f, 7)
            canvas.drawCentredString(pw * mm / 2, 8 * mm, "Dokumen ini telah ditandatangani"
                                     " secara elektronik menggunakan sertifikat elektronik yang"
                                     " diterbitkan oleh BSrE, BSSN")

    def first(canvas, _doc):
        canvas.saveState()
        footer(canvas)
        canvas.restoreState()
    doc.build(story, onFirstPage=first, onLaterPages=later)
