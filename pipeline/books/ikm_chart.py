# SPDX-License-Identifier: AGPL-3.0-or-later
"""The index drawn: NRR per element on the 1..4 scale, as a PNG for the Word document
(Pillow) and as inline SVG for the report page (with a title and a text table beside it)."""
from __future__ import annotations

import io
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont

from pipeline.books.ikm import Index
from pipeline.core.naskah import desimal

BAR = "#3b6ea5"
THIN = "#b8c7da"            # an element below the minimum: drawn empty


def caption(index: Index) -> str:
    if not index.reported:
        return f"IKM belum dapat dihitung ({index.respondents} responden)"
    return (f"IKM {desimal(index.value)} - mutu {index.grade} ({index.label}), "
            f"{index.respondents} responden")


def png(index: Index, width: int = 1000, height: int = 440) -> bytes:
    """Horizontal bars, one per element, with the NRR written at the bar's end."""
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(15)
    left, right, top = 400, width - 70, 50
    row = (height - top - 40) / len(index.elements)
    draw.text((20, 15), "Nilai rata-rata per unsur (skala 1-4). " + caption(index),
              fill="black", font=font)
    for tick in (1, 2, 3, 4):
        x = left + (right - left) * tick / 4
        draw.line((x, top - 5, x, height - 35), fill="#cccccc")
        draw.text((x - 3, height - 30), str(tick), fill="black", font=font)
    for i, e in enumerate(index.elements):
        y = top + i * row
        draw.text((20, y + row / 2 - 6), f"U{i + 1} {e.name}", fill="black", font=font)
        if e.nrr is None:
            draw.rectangle((left, y + 4, right, y + row - 4), outline=THIN)
            draw.text((left + 8, y + row / 2 - 6), "belum cukup jawaban", fill="#555555",
                      font=font)
            continue
        x = left + (right - left) * e.nrr / 4
        draw.rectangle((left, y + 4, x, y + row - 4), fill=BAR)
        draw.text((x + 6, y + row / 2 - 6), desimal(e.nrr), fill="black", font=font)
    draw.line((left, top - 5, left, height - 35), fill="black")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def svg(index: Index, ident: str = "ikm") -> str:
    """The same chart as inline SVG: role=img, named by its <title>; the numbers are also in
    the table the page puts beside it, so nothing depends on seeing the bars."""
    width, left, right, row, top = 720, 330, 650, 28, 10
    height = top + row * len(index.elements) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'role="img" aria-labelledby="{ident}-title" class="ikm-chart">',
             f'<title id="{ident}-title">Nilai rata-rata per unsur, skala 1 sampai 4. '
             f'{escape(caption(index))}</title>']
    for tick in (1, 2, 3, 4):
        x = left + (right - left) * tick / 4
        parts.append(f'<line x1="{x:.0f}" y1="{top}" x2="{x:.0f}" y2="{height - 22}" '
                     f'stroke="#bbbbbb"/><text x="{x:.0f}" y="{height - 6}" '
                     f'text-anchor="middle" font-size="13" fill="#1a1a1a">{tick}</text>')
    for i, e in enumerate(index.elements):
        y = top + i * row
        parts.append(f'<text x="0" y="{y + 18}" font-size="13" fill="#1a1a1a">'
                     f'U{i + 1} {escape(e.name)}</text>')
        if e.nrr is None:
            parts.append(f'<text x="{left + 6}" y="{y + 18}" font-size="13" fill="#4a4a4a">'
                         f'belum cukup jawaban</text>')
            continue
        x = left + (right - left) * e.nrr / 4
        parts.append(f'<rect x="{left}" y="{y + 5}" width="{x - left:.1f}" height="{row - 10}"'
                     f' fill="{BAR}"/><text x="{x + 5:.1f}" y="{y + 18}" '
                     f'font-size="13" fill="#1a1a1a">{desimal(e.nrr)}</text>')
    parts.append("</svg>")
    return "".join(parts)
