"""Blocks to a Word file with python-docx: tables or tabs, real list numbering, header kop."""
from __future__ import annotations

import io

from pipeline.letter.specimen import _no_borders  # the specimen letters' borderless table
from tests.letters_gen.compose import B

FONTS = ["Arial", "Times New Roman", "Bookman Old Style", "Tahoma", "Calibri", "Cambria"]


def _fields(doc, b: B, use_table: bool) -> None:
    from docx.shared import Cm

    right = list(b.right)
    if not use_table and len(right) <= 1:
        for r, (label, value) in enumerate(b.lines):
            p = doc.add_paragraph(f"{label}\t: {value}")
            p.paragraph_format.tab_stops.add_tab_stop(Cm(2.5))
            p.paragraph_format.space_after = 0
            if r == b.right_at and right:
                p.add_run(f"\t\t\t{right[0]}")
        return
    cols = 4 if right else 3
    table = doc.add_table(rows=max(len(b.lines), len(right)), cols=cols)
    _no_borders(table)
    for r, row in enumerate(table.rows):
        if r < len(b.lines):
            label, value = b.lines[r]
            row.cells[0].text, row.cells[1].text, row.cells[2].text = label, ":", value
        if right and r - b.right_at in range(len(right)):
            row.cells[3].text = right[r - b.right_at]
    for col, width in zip(table.columns, (Cm(2.2), Cm(0.4), Cm(7.5 if right else 12), Cm(6.5))):
        for cell in col.cells:
            cell.width = width


def render(blocks: list[B], spec: dict) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    lay = spec["_lay"]
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7 if lay["paper"] == "A4" else 33)
    sec.left_margin = sec.right_margin = Cm(2.5)
    normal = doc.styles["Normal"]
    normal.font.name = FONTS[spec["_w"]["font"] % len(FONTS)]
    normal.font.size = Pt(11 + spec["_w"]["font"] % 2)
    first_kop = True
    for b in blocks:
        if b.kind == "kop":
            home = sec.header if (lay["kop_in_header"] and first_kop) else doc
            for i, text in enumerate(b.lines + b.right):
                p = home.paragraphs[0] if (home is not doc and i == 0) else home.add_paragraph()
                run = p.add_run(text)
                run.bold = i < len(b.lines)
                run.font.size = Pt(14 if i < len(b.lines) else 9)
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.space_after = 0
            home.add_paragraph("_" * 68)
            first_kop = False
        elif b.kind == "title":
            p = doc.add_paragraph()
            p.add_run(b.lines[0]).bold = True
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif b.kind == "right":
            doc.add_paragraph(b.lines[0]).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif b.kind == "fields":
            _fields(doc, b, lay["block"] == "table" or len(b.right) > 1)
            doc.add_paragraph("")
        elif b.kind == "para":
            if not b.hang:
                doc.add_paragraph("")
            for text in b.lines:
                doc.add_paragraph(text).paragraph_format.space_after = Pt(2)
        elif b.kind == "item":
            if b.marker is None:
                p = doc.add_paragraph(b.lines[0], style="List Number")
            else:
                p = doc.add_paragraph(f"{b.marker}\t{b.lines[0]}")
                p.paragraph_format.left_indent = Cm(1.0)
                p.paragraph_format.first_line_indent = Cm(-0.7 if b.hang else 0)
        elif b.kind == "sig":
            for text in b.lines:
                p = doc.add_paragraph(text)
                p.paragraph_format.left_indent = Cm(8.5)
                p.paragraph_format.space_after = 0
        elif b.kind == "tembusan":
            doc.add_paragraph("")
            for text in b.lines:
                doc.add_paragraph(text).paragraph_format.space_after = 0
        elif b.kind == "break":
            doc.add_page_break()
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
