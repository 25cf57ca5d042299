"""A letter as a DOCX written with python-docx (also the source LibreOffice converts)."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH as AL
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .graphics import emblem, qr
from .letter import Letter
from .render_rl import marker
from .style import PAPERS


def set_font(doc, name: str, size: float) -> None:
    st = doc.styles["Normal"]
    st.font.name = name
    st.font.size = Pt(size)
    rpr = st.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    pf = st.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)


def para(container, text: str = "", align=AL.LEFT, indent: float = 0, first: float = 0,
         bold: bool = False, size: float | None = None, after: float = 0, tabs=(),
         underline: bool = False, spacing: float | None = None):
    p = container.add_paragraph()
    pf = p.paragraph_format
    pf.alignment = align
    pf.left_indent = Mm(indent)
    pf.first_line_indent = Mm(first)
    pf.space_after = Pt(after)
    if spacing:
        pf.line_spacing = spacing
    for t in tabs:
        pf.tab_stops.add_tab_stop(Mm(t))
    if text:
        r = p.add_run(text)
        r.bold = bold or None
        r.underline = underline or None
        if size:
            r.font.size = Pt(size)
    return p


def bottom_rule(p, kind: str) -> None:
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    b = OxmlElement("w:bottom")
    b.set(qn("w:val"), "thickThinSmallGap" if kind == "double" else "single")
    b.set(qn("w:sz"), "24" if kind == "double" else "12")
    b.set(qn("w:space"), "1")
    b.set(qn("w:color"), "000000")
    bdr.append(b)
    ppr.append(bdr)


def table(container, rows: int, cols: int, widths: list[float]):
    if isinstance(container, docx.document.Document):
        t = container.add_table(rows=rows, cols=cols)
    else:
        t = container.add_table(rows, cols, Mm(sum(widths)))
    t.alignment = WD_TABLE_ALIGNMENT.LEFT
    t.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    t._tbl.tblPr.append(layout)
    for col, w in zip(t.columns, widths):
        col.width = Mm(w)
    for row in t.rows:
        for c, w in zip(row.cells, widths):
            c.width = Mm(w)
    return t


def cell_para(cell, text: str, **kw):
    p = cell.paragraphs[0] if not cell.paragraphs[0].text and len(cell.paragraphs) == 1 \
        and not cell.paragraphs[0].runs else cell.add_paragraph()
    pf = p.paragraph_format
    pf.alignment = kw.get("align", AL.LEFT)
    r = p.add_run(text)
    r.bold = kw.get("bold") or None
    if kw.get("size"):
        r.font.size = Pt(kw["size"])
    return p


def kop(L: Letter, where, width: float, work: Path) -> None:
    st, size = L.style, L.style["size"]
    lines = [(x, size + 1.5, False) for x in L.kop_parents]
    lines += [(x, size + 3.5, True) for x in L.kop_unit]
    lines += [(x, size - 2, False) for x in L.kop_contact]
    if st["logo"] == "none":
        for text, sz, bold in lines:
            last = para(where, text, AL.CENTER, bold=bold, size=sz)
    else:
        t = table(where, 1, 3, [24, width - 48, 24])
        t.cell(0, 0).paragraphs[0].add_run().add_picture(
            str(emblem(work / "emblem0.png", 0)), width=Mm(19))
        if st["logo"] == "both":
            t.cell(0, 2).paragraphs[0].add_run().add_picture(
                str(emblem(work / "emblem1.png", 1)), width=Mm(18))
        for text, sz, bold in lines:
            cell_para(t.cell(0, 1), text, align=AL.CENTER, bold=bold, size=sz)
        last = para(where, "", size=4)
    if st["rule"] != "none":
        bottom_rule(last, st["rule"])


def header_block(L: Letter, doc, width: float) -> None:
    st = L.style
    lw = 26 if any(lab == "Lampiran" for lab, _ in L.fields) else 22
    if st["header"] == "attached":
        for label, value in L.fields:
            para(doc, f"{label}: {value}", indent=lw, first=-lw)
    elif st["header"] == "tabs":
        for label, value in L.fields:
            para(doc, f"{label}\t:\t{value}", indent=lw + 4, first=-(lw + 4),
                 tabs=(lw, lw + 4))
    else:
        vw = width * (0.62 if L.family == "kepada-atas" else 0.56)
        t = table(doc, len(L.fields), 3, [lw, 4, vw])
        for k, (label, value) in enumerate(L.fields):
            for c, text in enumerate((label, ":", value)):
                cell_para(t.cell(k, c), text)


def body(L: Letter, doc) -> None:
    st = L.style
    first = 12.5 if st["first_indent"] else 0
    for block in L.body:
        if block[0] == "p":
            para(doc, block[1], AL.JUSTIFY, first=first, after=4, spacing=st["spacing"])
            continue
        _, fmt, items = block
        for k, item in enumerate(items):
            lead = item[0] if isinstance(item, tuple) else item
            if fmt == "auto-bullet":
                p = doc.add_paragraph(lead, style="List Bullet")
                p.paragraph_format.alignment = AL.JUSTIFY
            else:
                para(doc, f"{marker(fmt, k)}\t{lead}", AL.JUSTIFY, indent=8, first=-8,
                     tabs=(8,), after=2, spacing=st["spacing"])
            if isinstance(item, tuple):
                for j, sub in enumerate(item[1]):
                    para(doc, f"{'ab'[j]}.\t{sub}", AL.JUSTIFY, indent=15, first=-7,
                         tabs=(15,), after=2, spacing=st["spacing"])
        para(doc, "", size=4)


def signature(L: Letter, doc, width: float, work: Path, seed: str) -> None:
    st = L.style
    para(doc, "")
    n0 = len(doc.paragraphs)
    if st["sign_align"] == "centre" or L.producer != "docx":
        # for LibreOffice a table row that cannot split keeps the block on one page
        left = {"centre": 0.45, "right": 0.52, "left": 0.6}[st["sign_align"]]
        t = table(doc, 1, 2, [width * left, width * (1 - left)])
        where = t.cell(0, 0 if st["sign_align"] == "left" else 1)
        indent, align = 0, AL.CENTER if st["sign_align"] == "centre" else AL.LEFT
        if st["sign_align"] == "left":
            t.columns[0].width = t.cell(0, 0).width = Mm(width * 0.45)
            t.columns[1].width = t.cell(0, 1).width = Mm(width * 0.55)
    else:
        where, indent, align = doc, (width * 0.52 if st["sign_align"] == "right" else 0), AL.LEFT
    for k, x in enumerate(L.sign_lines):
        p = para(where, x, align, indent=indent)
        if k == 0 and where is not doc:
            where._tc.remove(where.paragraphs[0]._p)
    if st["tte"]:
        p = para(where, "", align, indent=indent)
        p.add_run().add_picture(str(qr(work / f"qr-{seed}.png", seed)), width=Mm(22))
        para(where, "Ditandatangani secara elektronik oleh:", align, indent=indent,
             size=st["size"] - 2)
    else:
        for _ in range(3):
            para(where, "", align, indent=indent)
    para(where, L.name, align, indent=indent, bold=True, underline=st["name_underline"])
    if L.rank:
        para(where, L.rank, align, indent=indent)
    para(where, L.nip_line, align, indent=indent)
    # the block stays on one page (a split would put the page header inside the post)
    paras = where.paragraphs if where is not doc else doc.paragraphs[n0 - 1:]
    for p in paras[:-1]:
        p.paragraph_format.keep_with_next = True
    if where is not doc:
        tr_pr = t.rows[0]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))


def tembusan(L: Letter, doc) -> None:
    if not L.tembusan:
        return
    st = L.style
    size = st["size"] - 0.5
    para(doc, "")
    para(doc, L.tembusan_head, size=size)
    for k, item in enumerate(L.tembusan):
        end = ";" if st["tembusan_num"] == "1." and k < len(L.tembusan) - 1 else ""
        if st["tembusan_num"] == "none":
            para(doc, item + end, size=size)
        else:
            m = f"{k + 1}." if st["tembusan_num"] == "1." else "-"
            para(doc, f"{m}\t{item}{end}", indent=6, first=-6, tabs=(6,), size=size)


def page_header(sec, size: float) -> None:
    p = sec.header.paragraphs[0]
    p.paragraph_format.alignment = AL.CENTER
    p.add_run("- ")
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "2"
    r.append(t)
    fld.append(r)
    p._p.append(fld)
    p.add_run(" -")


def render(L: Letter, path: Path, work: Path, seed: str) -> None:
    st = L.style
    doc = docx.Document()
    set_font(doc, st["font"], st["size"])
    sec = doc.sections[0]
    pw, ph = PAPERS[st["paper"]]
    ml, mr, mt, mb = st["margins_mm"]
    sec.page_width, sec.page_height = Mm(pw), Mm(ph)
    sec.left_margin, sec.right_margin = Mm(ml), Mm(mr)
    sec.top_margin, sec.bottom_margin = Mm(mt), Mm(mb)
    sec.header_distance = Mm(max(6, mt - 10))
    sec.different_first_page_header_footer = True
    width = pw - ml - mr
    page_header(sec, st["size"])
    if st["kop_in_header"]:
        hdr = sec.first_page_header
        kop(L, hdr, width, work)
        first = hdr.paragraphs[0]
        if not first.text and not first.runs:
            first._p.getparent().remove(first._p)
    else:
        kop(L, doc, width, work)
    para(doc, "")
    indent = width * 0.55
    if L.family == "hijriah":
        place = L.place_date[0].split(",")[0] + ", "
        para(doc, L.place_date[0], indent=indent)
        para(doc, L.place_date[1], indent=indent + len(place) * st["size"] * 0.19)
    elif st["date_align"] == "right":
        para(doc, L.place_date[0], AL.RIGHT)
    else:
        para(doc, L.place_date[0], indent=indent)
    para(doc, "")
    if L.family == "kepada-atas":
        for text, lvl in L.addressee:
            para(doc, text, indent=indent + 8 * lvl)
        para(doc, "")
        header_block(L, doc, width)
    else:
        header_block(L, doc, width)
        para(doc, "")
        for text, lvl in L.addressee:
            para(doc, text, indent=8 * lvl)
    para(doc, "")
    body(L, doc)
    signature(L, doc, width, work, seed)
    tembusan(L, doc)
    if st["tte"]:
        f = sec.footer.paragraphs[0]
        f.paragraph_format.alignment = AL.CENTER
        r = f.add_run("Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat"
                      " elektronik yang diterbitkan oleh BSrE, BSSN")
        r.font.size = Pt(7)
        ff = sec.first_page_footer.paragraphs[0]
        ff.paragraph_format.alignment = AL.CENTER
        ff.add_run(r.text).font.size = Pt(7)
    doc.core_properties.author = ""
    doc.save(str(path))
