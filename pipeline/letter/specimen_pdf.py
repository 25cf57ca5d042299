"""Render a specimen letter as a text PDF with reportlab (two-column header block, right date)."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from pipeline.letter.specimen_data import dress, marker

LEFT, RIGHT_COL, SIG_X, FONT, SIZE = 70, 340, 300, "Times-Roman", 11.5


class _Writer:
    def __init__(self, c: canvas.Canvas):
        self.c, self.y, self.page = c, A4[1] - 60, 1

    def need(self, h: float) -> None:
        if self.y - h < 60:
            self.c.showPage()
            self.page += 1
            self.y = A4[1] - 70
            self.c.setFont(FONT, 9)
            self.c.drawCentredString(A4[0] / 2, A4[1] - 40, f"- {self.page} -")

    def text(self, s: str, x: float = LEFT, font: str = FONT, size: float = SIZE, step: float = 15,
             center: bool = False, right: bool = False) -> None:
        self.need(step)
        self.c.setFont(font, size)
        if center:
            self.c.drawCentredString(A4[0] / 2, self.y, s)
        elif right:
            self.c.drawRightString(A4[0] - LEFT, self.y, s)
        else:
            self.c.drawString(x, self.y, s)
        self.y -= step

    def wrapped(self, s: str, x: float, width: float, first: str = "", hang: float = 0) -> None:
        lines = simpleSplit(s, FONT, SIZE, width - hang)
        for i, ln in enumerate(lines):
            if i == 0 and first:
                self.need(15)
                self.c.setFont(FONT, SIZE)
                self.c.drawString(x, self.y, first)
            self.text(ln, x + hang)


def make_pdf(fields: dict) -> bytes:
    fields = dress(fields)
    lay, w = fields.get("_layout", {}), fields["_written"]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    out = _Writer(c)
    kop = fields["_kop"]
    out.text(kop[0], font="Times-Bold", size=14, step=17, center=True)
    out.text(kop[1], font="Times-Bold", size=15 if len(kop[1]) < 40 else 13, step=17, center=True)
    for ln in kop[2:]:
        out.text(ln, size=9.5, step=12, center=True)
    c.setLineWidth(1.5)
    c.line(LEFT, out.y + 4, A4[0] - LEFT, out.y + 4)
    out.y -= 14
    dated = f"{w['place']}, {w['date']}"
    if not lay.get("date_on_row"):
        out.text(dated, right=True, step=22)
    rows = [("Nomor", fields["nomor"]), ("Sifat", fields["sifat"]),
            ("Lampiran", fields["lampiran"] or "-"), ("Hal", fields["hal"])]
    block_top = out.y
    col_w = (RIGHT_COL - 10 if lay.get("addressee_right") else A4[0] - LEFT) - (LEFT + 62)
    for label, value in rows:
        c.setFont(FONT, SIZE)
        c.drawString(LEFT, out.y, label)
        c.drawString(LEFT + 55, out.y, ":")
        if label == "Nomor" and lay.get("date_on_row"):
            c.drawRightString(A4[0] - LEFT, out.y, dated)
        out.wrapped(value, LEFT + 62, col_w)
    addressee = ["Kepada", f"Yth. {fields['tujuan']}", "di -", f"     {w['place']}"]
    if lay.get("addressee_right"):
        y_after = out.y
        out.y = block_top - 15 * 3
        for i, ln in enumerate(addressee):
            for part in simpleSplit(ln, FONT, SIZE, A4[0] - LEFT - RIGHT_COL) if i != 3 else [ln]:
                out.text(part, RIGHT_COL)
        out.y = min(out.y, y_after) - 10
    else:
        out.y -= 10
        for ln in addressee[1:]:
            out.text(ln)
        out.y -= 8
    out.wrapped(w["intro"], LEFT, A4[0] - 2 * LEFT)
    for i, q in enumerate(fields["pertanyaan"]):
        out.wrapped(q, LEFT + 14, A4[0] - 2 * LEFT - 14, marker(lay, i), hang=18)
    out.wrapped("Demikian permohonan ini kami sampaikan, atas perhatian dan kerja samanya "
                "diucapkan terima kasih.", LEFT, A4[0] - 2 * LEFT)
    out.y -= 10
    sig = fields["penandatangan"]
    out.need(130)
    for part in simpleSplit(sig["jabatan"] + ",", FONT, SIZE, A4[0] - LEFT - SIG_X):
        out.text(part, SIG_X)
    out.y -= 50
    out.text(sig["nama"], SIG_X, font="Times-Bold")
    out.text(w["rank"], SIG_X)
    out.text(f"NIP. {w['nip']}", SIG_X)
    if fields["tembusan"]:
        out.y -= 12
        out.text("Tembusan:", size=10, step=13)
        for i, t in enumerate(fields["tembusan"]):
            mark = f"{i + 1}." if lay.get("tembusan_style") == "1." else "-"
            yth = "Yth. " if lay.get("yth_prefix") else ""
            out.text(f"{mark} {yth}{t};", size=10, step=13)
    c.showPage()
    c.save()
    return buf.getvalue()
