"""Blocks to a text PDF with reportlab: positioned like a typed letter, wrapped, paged ("- 2 -")."""
from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from tests.letters_gen.compose import B

MM = 72 / 25.4
PAPER = {"A4": (210 * MM, 297 * MM), "F4": (215 * MM, 330 * MM)}
TTF = {"LiberationSerif": "/usr/share/fonts/truetype/liberation2/LiberationSerif-{}.ttf",
       "LiberationSans": "/usr/share/fonts/truetype/liberation2/LiberationSans-{}.ttf",
       "DejaVuSerif": "/usr/share/fonts/truetype/dejavu/DejaVuSerif{}.ttf"}
BUILTIN = [("Times-Roman", "Times-Bold"), ("Helvetica", "Helvetica-Bold")]


def _fonts() -> list[tuple[str, str]]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    out = list(BUILTIN)
    for name, pattern in TTF.items():
        reg = pattern.format("Regular" if "Liberation" in name else "")
        bold = pattern.format("Bold" if "Liberation" in name else "-Bold")
        if Path(reg).exists() and Path(bold).exists():
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, reg))
                pdfmetrics.registerFont(TTFont(name + "-Bold", bold))
            out.append((name, name + "-Bold"))
    return out


class Writer:
    def __init__(self, c, size, font, bold, paper):
        self.c, self.font, self.bold, self.size = c, font, bold, size
        self.w, self.h = paper
        self.left, self.right = 25 * MM, self.w - 20 * MM
        self.y, self.page, self.step = self.h - 18 * MM, 1, size * 1.3

    def need(self, h: float) -> None:
        if self.y - h < 22 * MM:
            self.c.showPage()
            self.page += 1
            self.y = self.h - 15 * MM
            self.c.setFont(self.font, self.size)
            self.c.drawCentredString(self.w / 2, self.y, f"- {self.page} -")
            self.y -= 2 * self.step

    def line(self, s: str, x: float | None = None, bold: bool = False, size: float | None = None,
             align: str = "left", step: float | None = None) -> None:
        size = size or self.size
        step = step or self.step * size / self.size
        self.need(step)
        self.c.setFont(self.bold if bold else self.font, size)
        if align == "center":
            self.c.drawCentredString(self.w / 2, self.y, s)
        elif align == "right":
            self.c.drawRightString(self.right, self.y, s)
        else:
            self.c.drawString(self.left if x is None else x, self.y, s)
        self.y -= step

    def split(self, s: str, width: float) -> list[str]:
        return simpleSplit(s, self.font, self.size, width) or [""]

    def wrapped(self, s: str, x: float, width: float) -> None:
        for part in self.split(s, width):
            self.line(part, x)

    def item(self, marker: str, text: str, hang: bool) -> None:
        x_mark, x_text = self.left + 6 * MM, self.left + 13 * MM
        first, *rest = self.split(text, self.right - x_text)
        self.need(self.step)
        self.c.setFont(self.font, self.size)
        self.c.drawString(x_mark, self.y, marker)
        self.line(first, x_text)
        if rest and not hang:  # continuation wrapped back to the left margin
            for part in self.split(" ".join(rest), self.right - self.left):
                self.line(part, self.left)
        else:
            for part in rest:
                self.line(part, x_text)

    def fields(self, b: B) -> None:
        x_colon, x_val = self.left + 24 * MM, self.left + 27 * MM
        x_right = self.left + 95 * MM
        val_w = (x_right - 4 * MM if b.right else self.right) - x_val
        left_rows = []
        for label, value in b.lines:
            parts = self.split(value, val_w)
            if label == "Nomor" and b.right and len(value) * self.size * 0.5 > val_w:
                cut = value.rfind("/", 0, len(value) * 2 // 3)  # narrow cell: wrap after a "/"
                parts = [value[:cut + 1], value[cut + 1:]] if cut > 0 else parts
            left_rows.append((label, parts))
        lines = []  # (left text pieces, right text) per printed line
        for label, parts in left_rows:
            for k, part in enumerate(parts):
                lines.append(((label, ":") if k == 0 else ("", ""), part))
        for i in range(max(len(lines), len(b.right) + b.right_at)):
            self.need(self.step)
            self.c.setFont(self.font, self.size)
            if i < len(lines):
                (label, colon), part = lines[i]
                self.c.drawString(self.left, self.y, label)
                self.c.drawString(x_colon, self.y, colon)
                self.c.drawString(x_val, self.y, part)
            r = i - b.right_at
            if 0 <= r < len(b.right):
                for k, part in enumerate(self.split(b.right[r], self.right - x_right)):
                    if k:
                        self.y -= self.step
                    self.c.drawString(x_right, self.y, part)
            self.y -= self.step


def render(blocks: list[B], spec: dict) -> bytes:
    lay = spec["_lay"]
    fonts = _fonts()
    font, bold = fonts[spec["_w"]["font"] % len(fonts)]
    paper = PAPER[lay["paper"]]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=paper)
    out = Writer(c, 11 + (spec["_w"]["font"] // 7) % 2, font, bold, paper)
    sig_x, auto_n = out.left + 88 * MM, 0
    for b in blocks:
        if b.kind == "kop":
            for text in b.lines:
                out.line(text, bold=True, size=14 if len(text) < 40 else 12, align="center")
            for text in b.right:
                out.line(text, size=8.5, align="center")
            c.setLineWidth(1.5)
            c.line(out.left, out.y + 6, out.right, out.y + 6)
            out.y -= out.step
        elif b.kind == "title":
            out.line(b.lines[0], bold=True, align="center")
            out.y -= out.step / 2
        elif b.kind == "right":
            out.line(b.lines[0], align="right")
            out.y -= out.step / 2
        elif b.kind == "fields":
            out.fields(b)
            out.y -= out.step / 2
        elif b.kind == "para":
            if not b.hang:
                out.y -= out.step / 2
            for text in b.lines:
                out.wrapped(text, out.left, out.right - out.left)
        elif b.kind == "item":
            auto_n = auto_n + 1 if b.marker is None else 0
            out.item(b.marker or f"{auto_n}.", b.lines[0], b.hang)  # Word prints auto numbers
        elif b.kind == "sig":
            out.y -= out.step
            out.need(out.step * (sum(len(out.split(t, out.right - sig_x)) for t in b.lines) + 1))
            for text in b.lines:
                for part in out.split(text, out.right - sig_x):
                    out.line(part, sig_x, bold=(text == spec["penandatangan"]["nama"]))
        elif b.kind == "tembusan":
            out.y -= out.step / 2
            for text in b.lines:
                out.line(text, size=10)
        elif b.kind == "break":
            c.showPage()
            out.y, out.page = out.h - 18 * MM, 1
    c.showPage()
    c.save()
    return buf.getvalue()
