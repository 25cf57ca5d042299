"""Render a Letter to DOCX with python-docx (also the input LibreOffice turns into PDF)."""
from __future__ import annotations

import random
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from . import graphics
from .style import PAPERS, label_mm, text_mm

AL = {"l": WD_ALIGN_PARAGRAPH.LEFT, "c": WD_ALIGN_PARAGRAPH.CENTER,
      "r": WD_ALIGN_PARAGRAPH.RIGHT, "j": WD_ALIGN_PARAGRAPH.JUSTIFY}


def para(container, text="", align="l", bold=False, size=None, underline=False, space=0,
         left=None, first=None, tab=None):
    p = container.add_paragraph()
    p.alignment = AL[align]
    pf = p.paragraph_format
    pf.space_after = Pt(space)
    pf.space_before = Pt(0)
    if left is not None:
        pf.left_indent = Mm(left)
    if first is not None:
        pf.first_line_indent = Mm(first)
    if tab is not None:
        pf.tab_stops.add_tab_stop(Mm(tab))
    if text:
        r = p.add_run(text)
        r.bold = bold
        r.underline = underline
        if size:
            r.font.size = Pt(size)
    return p


def border_bottom(p, kind: str):
    val, sz = {"tebal-tipis": ("thickThinSmallGap", 24), "ganda": ("double", 6),
               "tunggal": ("single", 12)}[kind]
    pPr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    b = OxmlElement("w:bottom")
    for k, v in (("w:val", val), ("w:sz", str(sz)), ("w:space", "1"), ("w:color", "000000")):
        b.set(qn(k), v)
    bdr.append(b)
    pPr.append(bdr)


def no_borders(table):
    tblPr = table._tbl.tblPr
    b = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        b.append(e)
    tblPr.append(b)


def widths(table, mm_list):
    """Fixed column widths that both Word and LibreOffice respect (grid, cells, layout)."""
    table.autofit = False
    tbl = table._tbl
    for gc, w in zip(tbl.tblGrid.findall(qn("w:gridCol")), mm_list):
        gc.set(qn("w:w"), str(int(w * 56.7)))
    tblPr = tbl.tblPr
    lay = OxmlElement("w:tblLayout")
    lay.set(qn("w:type"), "fixed")
    tblPr.append(lay)
    tw = tblPr.find(qn("w:tblW"))
    if tw is None:
        tw = OxmlElement("w:tblW")
        tblPr.append(tw)
    tw.set(qn("w:w"), str(int(sum(mm_list) * 56.7)))
    tw.set(qn("w:type"), "dxa")
    for row in table.rows:
        trPr = row._tr.get_or_add_trPr()
        trPr.append(OxmlElement("w:cantSplit"))
        for c, w in zip(row.cells, mm_list):
            c.width = Mm(w)


def cell_text(cell, text, align="l", bold=False, underline=False):
    p = cell.paragraphs[0] if not cell.paragraphs[0].text and len(cell.paragraphs) == 1 \
        and not cell.paragraphs[0].runs else cell.add_paragraph()
    p.alignment = AL[align]
    p.paragraph_format.space_after = Pt(0)
    r = p.add_run(text)
    r.bold, r.underline = bold, underline
    return p


def render(L, out: Path, work: Path, seed: str) -> None:
    s = L.style
    doc = Document()
    pw, ph = PAPERS[s["paper"]]
    top, right, left, bottom = s["margins_mm"]
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(pw), Mm(ph)
    sec.top_margin, sec.right_margin = Mm(top), Mm(right)
    sec.left_margin, sec.bottom_margin = Mm(left), Mm(bottom)
    sec.header_distance = Mm(8)
    sec.footer_distance = Mm(6)
    fw = pw - left - right
    st = doc.styles["Normal"]
    st.font.name = s["font"]
    st.element.rPr.rFonts.set(qn("w:eastAsia"), s["font"])
    st.font.size = Pt(s["size"])
    st.paragraph_format.line_spacing = s["spacing"]
    st.paragraph_format.space_after = Pt(0)
    # ---- kop
    logo = graphics.emblem(work / f"emblem-{seed}.png", random.Random(seed))
    if s["kop"] == "gambar":
        img, _ = graphics.kop_image(work / f"kop-{seed}.png", L.kop, logo, fw,
                                    s["address_size"], s["kop_rule"])
        p = para(doc, align="c")
        p.add_run().add_picture(str(img), width=Mm(fw))
    else:
        target = doc
        if s["kop"] == "logo-kiri":
            tb = doc.add_table(rows=1, cols=2)
            no_borders(tb)
            widths(tb, [25, fw - 25])
            c0, target = tb.rows[0].cells
            c0.paragraphs[0].add_run().add_picture(str(logo), width=Mm(21))
            c0.vertical_alignment = 1
            target.vertical_alignment = 1
        elif s["kop"] == "logo-atas":
            para(doc, align="c").add_run().add_picture(str(logo), width=Mm(17))
        for x in L.kop["parent"]:
            cell_or_para(target, x, True, 13.5)
        for x in L.kop["unit"]:
            cell_or_para(target, x, True, 15.5)
        for x in L.kop["address"]:
            cell_or_para(target, x, False, s["address_size"])
        border_bottom(para(doc, size=4), s["kop_rule"])
    para(doc, space=2)
    # ---- date and header block
    if s["date_pos"] == "kanan-atas":
        para(doc, L.place_date, "r", space=6)
    if s["header"] == "tab" and s["date_pos"] != "baris-nomor":
        for a, b in L.fields:
            lw = label_mm(L.fields)
            p = para(doc, left=lw + 5, first=-(lw + 5), tab=lw)
            p.paragraph_format.tab_stops.add_tab_stop(Mm(lw + 5))
            p.add_run(f"{a}\t:\t")
            r = p.add_run(b)
            r.bold = s["hal_bold"] and a.lower() in ("hal", "perihal")
    else:
        ncol = 4 if s["date_pos"] == "baris-nomor" else 3
        tb = doc.add_table(rows=len(L.fields), cols=ncol)
        no_borders(tb)
        dw = text_mm(L.place_date, s["size"]) + 4
        lw = label_mm(L.fields)
        widths(tb, [lw, 4, fw - lw - 4 - dw, dw] if ncol == 4 else [lw, 4, min(fw - lw - 4, 100)])
        for i, (a, b) in enumerate(L.fields):
            cells = tb.rows[i].cells
            cell_text(cells[0], a)
            cell_text(cells[1], ":")
            cell_text(cells[2], b, bold=s["hal_bold"] and a.lower() in ("hal", "perihal"))
            if ncol == 4 and i == 0:
                cell_text(cells[3], L.place_date, "r")
    para(doc, space=0)
    for text, ind in L.addressee:
        para(doc, text, left=ind * 8)
    para(doc)
    blocks(doc, L.body, s)
    signature(doc, L, work, seed, fw)
    if L.tembusan:
        para(doc)
        para(doc, L.tembusan["head"])
        for mark, text in L.tembusan["items"]:
            if mark:
                para(doc, f"{mark}\t{text}", left=6, first=-6, tab=6)
            else:
                para(doc, text)
    if L.footer:
        fp = sec.footer.paragraphs[0]
        fp.alignment = AL["c"]
        r = fp.add_run(L.footer)
        r.font.size = Pt(7)
    if L.lamp:
        lampiran(doc, L, fw)
    doc.core_properties.title = L.truth["hal"]
    doc.core_properties.author = L.unit.pengirim
    doc.save(str(out))


def cell_or_para(target, text, bold, size):
    if hasattr(target, "add_table") and not hasattr(target, "vertical_alignment"):
        return para(target, text, "c", bold, size)
    p = cell_text(target, text, "c", bold)
    p.runs[0].font.size = Pt(size)
    return p


def blocks(doc, items, s):
    j = "j" if s["justify"] else "l"
    for b in items:
        if b[0] == "p":
            para(doc, b[1], j, space=6)
        elif b[0] == "li":
            _, level, marker, text, strong = b
            p = para(doc, align=j, left=(level + 1) * 7.5, first=-7.5, space=3,
                     tab=(level + 1) * 7.5)
            r = p.add_run(f"{marker}\t{text}")
            r.bold = strong
        elif b[0] == "table":
            _, head, rows = b
            tb = doc.add_table(rows=1 + len(rows), cols=3)
            tb.style = "Table Grid"
            tb.alignment = WD_TABLE_ALIGNMENT.CENTER
            fw = PAPERS[s["paper"]][0] - s["margins_mm"][1] - s["margins_mm"][2]
            widths(tb, [11, (fw - 11) * 0.38, (fw - 11) * 0.62])
            for c, h in zip(tb.rows[0].cells, head):
                cell_text(c, h, "c", bold=True)
            for row, vals in zip(tb.rows[1:], rows):
                for c, v in zip(row.cells, vals):
                    cell_text(c, v)
            para(doc, space=4)


def signature(doc, L, work, seed, fw):
    sg, s = L.sign, L.style
    para(doc)
    tb = doc.add_table(rows=1, cols=2)
    no_borders(tb)
    lw = fw * (0.5 if s["sign_align"] == "kanan" else 0.42)
    widths(tb, [lw, fw - lw])
    c = tb.rows[0].cells[1]
    al = "c" if s["sign_align"] == "tengah-kanan" else "l"
    if sg["date"]:
        cell_text(c, sg["date"], al)
    if sg["tte_note"]:
        cell_text(c, "Ditandatangani secara elektronik oleh:", al)
    for x in sg["post"]:
        cell_text(c, x, al)
    if sg["tte"]:
        q = graphics.qr(work / f"qr-{seed}.png", f"https://tte.{L.unit.domain}/verify/{seed}")
        p = cell_text(c, "", al)
        p.add_run().add_picture(str(q), width=Mm(22))
    else:
        for _ in range(4):
            cell_text(c, "", al)
    cell_text(c, sg["nama"], al, bold=True, underline=s["name_underline"])
    if sg["rank"]:
        cell_text(c, sg["rank"], al)
    cell_text(c, sg["nip"], al)


def lampiran(doc, L, fw):
    p = doc.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    tb = doc.add_table(rows=len(L.lamp["head"]), cols=4)
    no_borders(tb)
    widths(tb, [fw * 0.45, 24, 4, fw * 0.55 - 28])
    for row, (a, b) in zip(tb.rows, L.lamp["head"]):
        cell_text(row.cells[1], a)
        cell_text(row.cells[2], ":")
        cell_text(row.cells[3], b)
    para(doc)
    para(doc, L.lamp["title"], "c", bold=True, space=8)
    blocks(doc, L.lamp["blocks"], L.style)
