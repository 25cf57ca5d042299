# SPDX-License-Identifier: AGPL-3.0-or-later
"""Build templates/jawaban.docx, the reply-letter draft (surat dinas), with python-docx.

The layout follows Permendagri 1/2023 for a regional-government letter: the kop with the
region's emblem at the left, the place and date, Nomor / Sifat / Lampiran / Hal in tight
columns, `Yth.` + addressee + `di` + place, the body with numbered answers, the closing, the
signature block at the right (jabatan, space for the electronic signature, name, pangkat, NIP),
then Tembusan; from page 2 the page number at the top. Arial 12 pt (Liberation Sans where Arial
is not installed: the same metrics).

The template is committed as a binary; this script is how it is made and changed, so the
layout lives in reviewable code. Jinja tags (docxtpl) are each written inside one run so Word
never splits them. Run: `.venv/bin/python pipeline/casework/template.py [out.docx]`.
Context names are those of `pipeline.casework.drafting.DraftContext`; the signature block's
contract with signing is in docs/signing.md ("Where the signature goes").
"""
from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt

FONT = "Arial"
OUT = Path(__file__).resolve().parents[2] / "rules" / "templates" / "jawaban.docx"
TEXT_WIDTH = Cm(16.0)          # A4 less the 3 cm left and 2 cm right margins
SIGN_INDENT = Cm(8.0)          # the signature block: the right half; widened for long names
SIGN_SPACE = Pt(85)            # 3.0 cm between jabatan and name for the electronic signature
ITEM_INDENT = Cm(0.75)
YTH_TAB = Cm(0.9)
SIGN_STYLE = "Tanda Tangan"    # every paragraph of the signature block (drafting widens it)
BOOKMARK = "ttd"               # the signature space (docs/signing.md)


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
    pf.widow_control = True
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
    s = doc.styles.add_style(SIGN_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    s.base_style = normal
    s.paragraph_format.left_indent = SIGN_INDENT
    s.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    s.paragraph_format.keep_with_next = True       # the block stays whole and with the closing
    s.paragraph_format.keep_together = True


def _rule(paragraph) -> None:
    """The double line under the letterhead (garis penutup kop)."""
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "thickThinSmallGap"), ("w:sz", "18"), ("w:space", "1"),
                 ("w:color", "000000")):
        bottom.set(qn(k), v)
    border.append(bottom)
    ppr.append(border)


def _el(tag: str, **attrs) -> OxmlElement:
    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), str(v))
    return el


def _grid(table, widths) -> None:
    """Fix a borderless table's columns: the grid (w:tblGrid, which LibreOffice reads) and every
    cell's width agree, the layout is fixed, no indent and no cell padding, so text in the first
    column starts at the margin and each column starts exactly where its width says."""
    widths = [Emu(int(w)) for w in widths]
    tbl, twips = table._tbl, [int(w.twips) for w in widths]
    tbl_pr = tbl.tblPr
    for tag in ("w:tblW", "w:tblLayout", "w:tblInd", "w:tblCellMar", "w:tblBorders"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    tbl_pr.append(_el("w:tblW", w=sum(twips), type="dxa"))
    tbl_pr.append(_el("w:tblInd", w=0, type="dxa"))
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_el(f"w:{edge}", val="nil"))
    tbl_pr.append(borders)
    tbl_pr.append(_el("w:tblLayout", type="fixed"))
    margins = OxmlElement("w:tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        margins.append(_el(f"w:{edge}", w=0, type="dxa"))
    tbl_pr.append(margins)
    grid = tbl.tblGrid
    for col in list(grid):
        grid.remove(col)
    for w in twips:
        grid.append(_el("w:gridCol", w=w))
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = w
    table.alignment = WD_TABLE_ALIGNMENT.LEFT


def add_para(container, text: str = "", *, style=None, align=None, bold=False, italic=False,
          size=None, indent=None, after=None, keep=False):
    p = container.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold, run.italic = bold or None, italic or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if indent is not None:
        p.paragraph_format.left_indent = indent
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    if keep:
        p.paragraph_format.keep_with_next = True
    return p


def _cell_text(cell, text: str, **kw):
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.bold = kw.get("bold") or None
    if kw.get("size"):
        run.font.size = Pt(kw["size"])
    if kw.get("align") is not None:
        p.alignment = kw["align"]
    return p


def _kop(doc) -> None:
    """Emblem at the left, the unit's name, address and contacts centred beside it, then the
    closing double rule. The emblem is an image put in by drafting (`kop.lambang`)."""
    center = WD_ALIGN_PARAGRAPH.CENTER
    table = doc.add_table(rows=1, cols=2)
    _grid(table, (Cm(2.4), TEXT_WIDTH - Cm(2.4)))
    logo, words = table.rows[0].cells
    logo.vertical_alignment = words.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _cell_text(logo, "{{ kop.lambang }}", align=WD_ALIGN_PARAGRAPH.LEFT)
    _cell_text(words, "{{ kop.pemerintah }}", bold=True, size=14, align=center)
    add_para(words, "{{ kop.instansi }}", bold=True, size=16, align=center)
    for line in ("alamat", "kontak", "laman"):      # a line only when the office has it
        add_para(words, f"{{%p if kop.{line} %}}")
        add_para(words, f"{{{{ kop.{line} }}}}", size=10, align=center)
        add_para(words, "{%p endif %}")
    rule = add_para(doc, size=4, after=0)
    rule.add_run().font.size = Pt(4)
    _rule(rule)
    add_para(doc)


def _header_block(doc) -> None:
    add_para(doc, "{{ kota }}, {{ tanggal or '……………………………' }}", align=WD_ALIGN_PARAGRAPH.RIGHT,
          after=6)
    rows = (("Nomor", "{{ nomor or '' }}"), ("Sifat", "{{ sifat }}"),
            ("Lampiran", "{{ lampiran }}"), ("Hal", "{{ hal }}"))
    table = doc.add_table(rows=len(rows), cols=3)
    _grid(table, (Cm(2.3), Cm(0.4), TEXT_WIDTH - Cm(2.7)))
    for r, (label, value) in enumerate(rows):
        for c, text in enumerate((label, ":", value)):
            _cell_text(table.rows[r].cells[c], text)
    add_para(doc)
    yth = add_para(doc, "Yth.\t{{ tujuan }}")
    yth.paragraph_format.left_indent, yth.paragraph_format.first_line_indent = YTH_TAB, -YTH_TAB
    yth.paragraph_format.tab_stops.add_tab_stop(YTH_TAB)
    add_para(doc, "{%p if tempat %}")
    add_para(doc, "di {{ tempat }}")
    add_para(doc, "{%p endif %}")
    add_para(doc)


def _body(doc) -> None:
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    intro = add_para(doc, align=justify, after=3)
    intro.paragraph_format.first_line_indent = Cm(1.25)
    intro.add_run("{% if surat.nomor %}Menindaklanjuti surat Saudara Nomor {{ surat.nomor }}"
                  "{% else %}Menindaklanjuti permohonan konsultasi Saudara{% endif %}"
                  "{% if surat.tanggal %} tanggal {{ surat.tanggal }}{% endif %}"
                  "{% if surat.hal %} hal {{ surat.hal }}{% endif %}"
                  ", dengan ini kami sampaikan jawaban atas pertanyaan Saudara sebagai berikut:")
    add_para(doc, "{%p for b in butir %}")
    q = add_para(doc, style="Pertanyaan")
    q.add_run("{{ b.no }}.")
    q.add_run("\t")
    q.add_run("{{ b.pertanyaan }}")
    a = add_para(doc, style="Jawaban")
    a.add_run("Jawaban:").bold = True
    a.add_run(" {{ b.jawaban[0] }}")
    add_para(doc, "{%p for baris in b.jawaban[1:] %}")
    add_para(doc, "{{ baris }}", style="Jawaban")
    add_para(doc, "{%p endfor %}")
    add_para(doc, "{%p endfor %}")


def _bookmark(paragraph, name: str) -> None:
    start = _el("w:bookmarkStart", id=0, name=name)
    end = _el("w:bookmarkEnd", id=0)
    paragraph._p.append(start)
    paragraph._p.append(end)


def _signature(doc) -> None:
    """The closing paragraph and the signature block, in one invisible full-width table row
    that may not split: they always stand together, so the block is never split from the
    last paragraph nor alone on a page (LibreOffice does not honour a long keep-with-next
    chain reliably; an unsplittable row it does). The space between jabatan and name has a
    fixed height and carries the bookmark `ttd`: the electronic signature goes there."""
    table = doc.add_table(rows=1, cols=1)
    _grid(table, (TEXT_WIDTH,))
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(_el("w:cantSplit"))
    cell = table.rows[0].cells[0]
    closing = cell.paragraphs[0]
    closing.add_run("Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan "
                    "terima kasih.")
    closing.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    closing.paragraph_format.first_line_indent = Cm(1.25)
    closing.paragraph_format.space_before = Pt(6)
    add_para(cell, style=SIGN_STYLE)
    add_para(cell, "{{ inspektur.jabatan }},", style=SIGN_STYLE)
    space = add_para(cell, style=SIGN_STYLE)
    space.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    space.paragraph_format.line_spacing = SIGN_SPACE
    _bookmark(space, BOOKMARK)
    add_para(cell, "{{ inspektur.nama }}", style=SIGN_STYLE, bold=True)
    add_para(cell, "{%p if inspektur.pangkat %}")
    add_para(cell, "{{ inspektur.pangkat }}", style=SIGN_STYLE)
    add_para(cell, "{%p endif %}")
    add_para(cell, "NIP. {{ inspektur.nip }}", style=SIGN_STYLE)


def _tembusan(doc) -> None:
    add_para(doc, "{%p if tembusan %}")
    add_para(doc, keep=True)
    add_para(doc, "Tembusan:", size=11, keep=True)
    add_para(doc, "{%p for t in tembusan %}")
    p = add_para(doc, size=11)
    p.paragraph_format.left_indent, p.paragraph_format.first_line_indent = Cm(0.6), Cm(-0.6)
    p.paragraph_format.tab_stops.add_tab_stop(Cm(0.6))
    for text in ("{{ loop.index }}.", "\t", "Yth. {{ t }}{{ '' if loop.last else ';' }}"):
        p.add_run(text).font.size = Pt(11)
    add_para(doc, "{%p endfor %}")
    add_para(doc, "{%p endif %}")


def add_field(paragraph, instr: str, shown: str) -> None:
    """A Word field (PAGE) as begin / instruction / separate / result / end runs."""
    for kind, text in (("begin", None), (None, instr), ("separate", None), (None, shown),
                       ("end", None)):
        run = paragraph.add_run()
        if kind:
            run._r.append(_el("w:fldChar", fldCharType=kind))
        elif text == instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = instr
            run._r.append(el)
        else:
            run.text = text


def _page_numbers(section) -> None:
    """`- 2 -` centred at the top from page 2 on; the first page has the kop instead."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("- ")
    add_field(p, " PAGE ", "2")
    p.add_run(" -")
    section.first_page_header.is_linked_to_previous = False


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
    _page_numbers(section)
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
