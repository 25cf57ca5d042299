# SPDX-License-Identifier: AGPL-3.0-or-later
"""Build templates/jawaban.docx, the reply-letter draft (naskah dinas), with python-docx.

The template is committed as a binary; this script is how it is made and changed, so the
layout lives in reviewable code. Jinja tags (docxtpl) are each written inside one run so Word
never splits them. Run: `.venv/bin/python pipeline/casework/template.py [out.docx]`.

Context names are those of `pipeline.casework.drafting.DraftContext`.
"""
from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Arial"
OUT = Path(__file__).resolve().parents[2] / "rules" / "templates" / "jawaban.docx"
SIGN_INDENT = Cm(8.0)
ITEM_INDENT = Cm(0.75)


def _fonts(style, size: float, lang: str | None = None) -> None:
    style.font.name, style.font.size = FONT, Pt(size)
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    if lang:
        el = OxmlElement("w:lang")
        el.set(qn("w:val"), lang)
        rpr.append(el)


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    _fonts(normal, 12, "id-ID")
    pf = normal.paragraph_format
    pf.space_before, pf.space_after = Pt(0), Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    q = doc.styles.add_style("Pertanyaan", WD_STYLE_TYPE.PARAGRAPH)
    q.base_style, q.font.italic = normal, True
    q.paragraph_format.left_indent, q.paragraph_format.first_line_indent = ITEM_INDENT, -ITEM_INDENT
    q.paragraph_format.tab_stops.add_tab_stop(ITEM_INDENT)
    q.paragraph_format.space_before = Pt(6)
    q.paragraph_format.keep_with_next = True
    q.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    a = doc.styles.add_style("Jawaban", WD_STYLE_TYPE.PARAGRAPH)
    a.base_style = normal
    a.paragraph_format.left_indent = ITEM_INDENT
    a.paragraph_format.space_before = Pt(3)
    a.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    q.next_paragraph_style, a.next_paragraph_style = a, a


def _rule(paragraph) -> None:
    """The double line under the letterhead (garis kop)."""
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "thickThinSmallGap"), ("w:sz", "18"), ("w:space", "1"),
                 ("w:color", "000000")):
        bottom.set(qn(k), v)
    border.append(bottom)
    ppr.append(border)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _para(doc, text: str = "", *, style=None, align=None, bold=False, italic=False,
          underline=False, size=None, indent=None, after=None):
    p = doc.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold, run.italic, run.underline = bold or None, italic or None, underline or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if indent is not None:
        p.paragraph_format.left_indent = indent
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    return p


def _kop(doc) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, "{{ kop.pemerintah }}", align=center, bold=True, size=14)
    _para(doc, "{{ kop.instansi }}", align=center, bold=True, size=16)
    _para(doc, "{{ kop.alamat }}", align=center, size=10)
    _rule(_para(doc, "{{ kop.kontak }}", align=center, size=10, after=2))
    _para(doc)


def _header_block(doc) -> None:
    _para(doc, "{{ kota }}, {{ tanggal or '……………………………' }}", align=WD_ALIGN_PARAGRAPH.RIGHT,
          after=6)
    rows = (("Nomor", "{{ nomor or '' }}"), ("Sifat", "{{ sifat }}"),
            ("Lampiran", "{{ lampiran }}"), ("Hal", "{{ hal }}"))
    table = doc.add_table(rows=len(rows), cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _no_borders(table)
    for r, (label, value) in enumerate(rows):
        for c, (text, width) in enumerate(((label, Cm(2.5)), (":", Cm(0.5)), (value, Cm(12.0)))):
            cell = table.rows[r].cells[c]
            cell.width = width
            cell.paragraphs[0].add_run(text)
    _para(doc)
    _para(doc, "Yth. {{ tujuan }}")
    _para(doc, "di {{ tempat }}")
    _para(doc)


def _body(doc) -> None:
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    intro = _para(doc, align=justify, after=3)
    intro.paragraph_format.first_line_indent = Cm(1.25)
    intro.add_run("{% if surat.nomor %}Menindaklanjuti surat Saudara Nomor {{ surat.nomor }}"
                  "{% else %}Menindaklanjuti permohonan konsultasi Saudara{% endif %}"
                  "{% if surat.tanggal %} tanggal {{ surat.tanggal }}{% endif %}"
                  "{% if surat.hal %} hal {{ surat.hal }}{% endif %}"
                  ", dengan ini kami sampaikan jawaban atas pertanyaan Saudara sebagai berikut:")
    _para(doc, "{%p for b in butir %}")
    q = _para(doc, style="Pertanyaan")
    q.add_run("{{ b.no }}.")
    q.add_run("\t")
    q.add_run("{{ b.pertanyaan }}")
    a = _para(doc, style="Jawaban")
    a.add_run("Jawaban:").bold = True
    a.add_run(" {{ b.jawaban[0] }}")
    _para(doc, "{%p for baris in b.jawaban[1:] %}")
    _para(doc, "{{ baris }}", style="Jawaban")
    _para(doc, "{%p endfor %}")
    _para(doc, "{%p endfor %}")
    closing = _para(doc, "Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan "
                         "terima kasih.", align=justify)
    closing.paragraph_format.first_line_indent = Cm(1.25)
    closing.paragraph_format.space_before = Pt(6)


def _signature(doc) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc)
    first = _para(doc, "{{ inspektur.jabatan }},", align=center, indent=SIGN_INDENT)
    first.paragraph_format.keep_with_next = True
    for _ in range(4):  # room for the signature and the stamp
        _para(doc, align=center, indent=SIGN_INDENT).paragraph_format.keep_with_next = True
    name = _para(doc, "{{ inspektur.nama }}", align=center, indent=SIGN_INDENT, bold=True,
                 underline=True)
    name.paragraph_format.keep_with_next = True
    _para(doc, "{%p if inspektur.pangkat %}")
    _para(doc, "{{ inspektur.pangkat }}", align=center, indent=SIGN_INDENT)
    _para(doc, "{%p endif %}")
    _para(doc, "NIP. {{ inspektur.nip }}", align=center, indent=SIGN_INDENT)


def _tembusan(doc) -> None:
    _para(doc, "{%p if tembusan %}")
    _para(doc)
    _para(doc, "Tembusan:", size=11)
    _para(doc, "{%p for t in tembusan %}")
    p = _para(doc, size=11)
    p.paragraph_format.left_indent, p.paragraph_format.first_line_indent = Cm(0.6), Cm(-0.6)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(0.6))
    for text in ("{{ loop.index }}.", "\t", "Yth. {{ t }}{{ '' if loop.last else ';' }}"):
        p.add_run(text).font.size = Pt(11)
    _para(doc, "{%p endfor %}")
    _para(doc, "{%p endif %}")


def build() -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    _styles(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):  # the default document's empty paragraph
        body.remove(p)
    _kop(doc)
    _header_block(doc)
    _body(doc)
    _signature(doc)
    _tembusan(doc)
    props = doc.core_properties
    props.title, props.author = "Konsep Surat Jawaban Konsultasi", "Paraf"
    props.created = props.modified = datetime(2026, 1, 1, tzinfo=timezone.utc)
    props.revision = 1
    return doc


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    build().save(out)
    print(out)


if __name__ == "__main__":
    main(sys.argv)
