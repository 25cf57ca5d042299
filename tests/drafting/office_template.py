"""An office's own answer template, laid out differently from Paraf's default on purpose.

Times New Roman, 2.5 cm margins, a text-only letterhead aligned left, "Nomor<tab>: value" lines
with tab stops instead of a table, "Kepada Yth." with the place under it, a left-aligned
signature block from the middle of the page, "Halaman N" at the top right from page 2. It uses
the same context names as the default, as `paraf template check` asks.
"""
from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from pipeline.casework.template import add_field, add_para

FONT = "Times New Roman"
LABEL_TAB, VALUE_AT = Cm(2.6), Cm(3.0)
SIGN_AT = Cm(8.5)


def build() -> bytes:
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(sec, side, Cm(2.5))
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(12)
    normal.element.get_or_add_rPr().find(qn("w:rFonts")).set(qn("w:hAnsi"), FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    sec.different_first_page_header_footer = True
    head = sec.header.paragraphs[0]
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    head.add_run("Halaman ")
    add_field(head, " PAGE ", "2")
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)

    def para(text="", *, bold=False, size=None, align=None, left=None, hang=None, tabs=()):
        p = add_para(doc, text, bold=bold, size=size, align=align, indent=left)
        if hang is not None:
            p.paragraph_format.first_line_indent = -hang
        for t in tabs:
            p.paragraph_format.tab_stops.add_tab_stop(t)
        return p

    para("{{ kop.pemerintah }}", bold=True, size=13)
    para("{{ kop.instansi }}", bold=True, size=15)
    para("{{ kop.alamat }}", size=10)
    para("{{ kop.laman }}", size=10)
    para("_" * 60, size=10)
    para()
    para("{{ kota }}, {{ tanggal or '' }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    for label, value in (("Nomor", "{{ nomor or '' }}"), ("Sifat", "{{ sifat }}"),
                         ("Lampiran", "{{ lampiran }}"), ("Hal", "{{ hal }}")):
        para(f"{label}\t:\t{value}", left=VALUE_AT, hang=VALUE_AT, tabs=(LABEL_TAB, VALUE_AT))
    para()
    para("Kepada")
    para("Yth. {{ tujuan }}", left=Cm(1.0), hang=Cm(1.0))
    para("{%p if tempat %}")
    para("di {{ tempat }}", left=Cm(1.0))
    para("{%p endif %}")
    para()
    para("Sehubungan dengan surat Saudara{% if surat.nomor %} Nomor {{ surat.nomor }}{% endif %}"
         ", bersama ini kami sampaikan jawaban sebagai berikut:",
         align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    para("{%p for b in butir %}")
    para("{{ b.no }}.\t{{ b.pertanyaan }}", left=Cm(1.0), hang=Cm(1.0), tabs=(Cm(1.0),))
    para("{{ b.jawaban[0] }}", left=Cm(1.0))
    para("{%p for baris in b.jawaban[1:] %}")
    para("{{ baris }}", left=Cm(1.0))
    para("{%p endfor %}")
    para("{%p endfor %}")
    closing = para("Demikian, untuk menjadi periksa.")
    closing.paragraph_format.keep_with_next = True
    for text, bold in (("", False), ("{{ inspektur.jabatan }},", False), ("", False),
                       ("", False), ("", False), ("", False), ("{{ inspektur.nama }}", True),
                       ("{{ inspektur.pangkat }}", False), ("NIP. {{ inspektur.nip }}", False)):
        p = para(text, bold=bold, left=SIGN_AT)
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.keep_together = True
    para()
    para("{%p if tembusan %}")
    para("Tembusan:")
    para("{%p for t in tembusan %}")
    para("{{ loop.index }}. {{ t }}")
    para("{%p endfor %}")
    para("{%p endif %}")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
