"""DOCX through python-docx: the same letter model as pdf_out, written the way Word users do
(tables or tab stops for the header fields, optional auto-numbered questions, signature in a
borderless table or indented paragraphs). LibreOffice turns some of these into PDFs (producer "lo")."""
from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from benchmarks.blind_letters.body import ctx_label, qlabel
from benchmarks.blind_letters.letter import date_line
from benchmarks.blind_letters.recipients import tem_lines


def render_docx(L, rng, path, logo):
    """Write L as a DOCX; rng only picks small printed variants."""
    st = L["style"]
    doc = Document()
    sec = doc.sections[0]
    if st["paper"] == "A4":
        sec.page_width, sec.page_height = Mm(210), Mm(297)
    else:
        sec.page_width, sec.page_height = Mm(215), Mm(330)
    lm, rm, tm, bm = st["margins"]
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Cm(lm), Cm(rm), Cm(tm), Cm(bm)
    Wcm = (210 if st["paper"] == "A4" else 215) / 10 - lm - rm
    font = st["docx_font"]
    size = st["size"]
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    rpr = normal.element.get_or_add_rPr()
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        rf = OxmlElement("w:rFonts"); rpr.append(rf)
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rf.set(qn(a), font)
    pf = normal.paragraph_format
    pf.space_after = Pt(0); pf.space_before = Pt(0)
    pf.line_spacing = st["leading"] / 1.17

    def para(text="", align=None, left=None, first=None, bold=False, ul=False, sz=None, after=0, fontname=None, cont=None):
        p = (cont.add_paragraph() if cont is not None else doc.add_paragraph())
        if text:
            r = p.add_run(text)
            r.bold = bold; r.underline = ul
            if sz:
                r.font.size = Pt(sz)
            if fontname:
                r.font.name = fontname
        if align:
            p.alignment = {"c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT, "j": WD_ALIGN_PARAGRAPH.JUSTIFY,
                           "l": WD_ALIGN_PARAGRAPH.LEFT}[align]
        if left is not None:
            p.paragraph_format.left_indent = Cm(left)
        if first is not None:
            p.paragraph_format.first_line_indent = Cm(first)
        p.paragraph_format.space_after = Pt(after)
        return p

    def no_borders(tbl):
        tblPr = tbl._tbl.tblPr
        b = OxmlElement("w:tblBorders")
        for e in ("top", "left", "bottom", "right", "insideH", "insideV"):
            x = OxmlElement("w:" + e); x.set(qn("w:val"), "nil"); b.append(x)
        tblPr.append(b)

    def set_widths(tbl, widths):
        tbl.autofit = False
        for i, w in enumerate(widths):
            tbl.columns[i].width = Cm(w)
            for c in tbl.columns[i].cells:
                c.width = Cm(w)

    def bottom_border(p, val="thickThinSmallGap", sz=24):
        pPr = p._p.get_or_add_pPr()
        pb = OxmlElement("w:pBdr")
        b = OxmlElement("w:bottom")
        b.set(qn("w:val"), val); b.set(qn("w:sz"), str(sz)); b.set(qn("w:space"), "1"); b.set(qn("w:color"), "000000")
        pb.append(b); pPr.append(pb)

    kfont = st["docx_kop_font"]
    ks = st["kop_sizes"]

    def kop_into(cont, first_par=None):
        p = first_par if first_par is not None else para(cont=cont)
        r = p.add_run(L["kop_pemda"]); r.font.size = Pt(ks[0]); r.bold = st["kop_pemda_bold"]; r.font.name = kfont
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for ln in L["kop_unit_lines"]:
            para(ln, "c", bold=True, sz=ks[1], fontname=kfont, cont=cont)
        for ln in L["kop_addr"]:
            para(ln, "c", sz=ks[2], fontname=kfont, cont=cont)

    if st["logo"]:
        t = doc.add_table(rows=1, cols=3)
        no_borders(t)
        set_widths(t, [2.4, Wcm - 4.8, 2.4])
        t.cell(0, 0).paragraphs[0].add_run().add_picture(logo, width=Cm(2.0))
        kop_into(t.cell(0, 1), t.cell(0, 1).paragraphs[0])
        t.cell(0, 0).vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        t.cell(0, 1).vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = para(sz=2)
    else:
        kop_into(None)
        p = doc.paragraphs[-1]
    bottom_border(p, {"double": "thickThinSmallGap", "thick": "single", "thin": "single"}[st["kop_line"]],
                  {"double": 24, "thick": 18, "thin": 8}[st["kop_line"]])
    para()

    fam = L["family"]
    dl = date_line(L)
    labw = st["lab_w"]
    nrows = [("Nomor", L["nomor"])]
    if L["sifat"]:
        nrows.append(("Sifat", L["sifat"]))
    if L["lampiran_print"]:
        nrows.append(("Lampiran", L["lampiran_print"]))
    nrows.append((L["hal_label"], L["hal"]))

    def field_block(rows, cont=None, width=None, as_table=None):
        as_table = st["docx_table_fields"] if as_table is None else as_table
        if as_table and cont is None:
            t = doc.add_table(rows=len(rows), cols=3)
            no_borders(t)
            set_widths(t, [labw, 0.4, (width or Wcm) - labw - 0.4])
            for i, (lab, val) in enumerate(rows):
                t.cell(i, 0).paragraphs[0].add_run(lab)
                t.cell(i, 1).paragraphs[0].add_run(":")
                r = t.cell(i, 2).paragraphs[0].add_run(val)
                if lab == L["hal_label"] and st["hal_bold"]:
                    r.bold = True
            return t
        for lab, val in rows:
            p = para(cont=cont, left=labw + 0.4, first=-(labw + 0.4))
            _labelled(p, lab, val, labw, lab == L["hal_label"] and st["hal_bold"])
        return None

    yw = st["yth_w"] / 28.35  # points->cm approx

    def addressee(cont=None, indent=0.0):
        if L["kepada"]:
            para("Kepada", left=indent, cont=cont)
        t = L["tujuan"]
        if L["tujuan_split"]:
            w = t.split()
            k = 2 if w[1] == "Daerah" else 1
            para("Yth. " + " ".join(w[:k]), left=indent, cont=cont)
            para(" ".join(w[k:]), left=indent + yw, cont=cont)
        else:
            para("Yth. " + t, left=indent + yw, first=-yw, cont=cont)
        dsty = L["di_style"]
        if dsty == "di-indent":
            para("di -", left=indent + yw * 0.4, cont=cont); para(L["di_place"], left=indent + yw * 1.4, cont=cont)
        elif dsty == "di-newline":
            para("di", left=indent, cont=cont); para(L["di_place"], left=indent + yw * 0.6, cont=cont)
        elif dsty == "di-inline":
            para("di " + L["place"], left=indent + yw * 0.6, cont=cont)
        elif dsty == "di-tempat":
            para("di", left=indent + yw * 0.4, cont=cont); para(rng.choice(["Tempat", "TEMPAT"]), left=indent + yw, cont=cont)
        else:
            para("di", left=indent + yw * 0.4, cont=cont); para(L["insp_address"], left=indent + yw, cont=cont)
            para(L["place"], left=indent + yw, cont=cont)

    if fam == "nota":
        para("NOTA DINAS", "c", bold=True, ul=st["nota_ul"], sz=size + 2)
        para()
        rows = [("Yth.", L["tujuan"]), ("Dari", L["dari"])]
        if L["tembusan"]:
            rows.append(("Tembusan", L["tembusan"][0]))
        rows.append(("Tanggal", dl))
        rows += nrows
        field_block(rows)
        p = para(sz=2)
        bottom_border(p, "single", 8)
        para()
    elif fam == "duakolom":
        t = doc.add_table(rows=1, cols=2)
        no_borders(t)
        lw = Wcm * st["split"]
        set_widths(t, [lw, Wcm - lw])
        c0, c1 = t.cell(0, 0), t.cell(0, 1)
        # left: tabbed field lines inside the cell
        first = True
        for lab, val in nrows:
            p = c0.paragraphs[0] if first else c0.add_paragraph()
            first = False
            p.paragraph_format.left_indent = Cm(labw + 0.4)
            p.paragraph_format.first_line_indent = Cm(-(labw + 0.4))
            _labelled(p, lab, val, labw, lab == L["hal_label"] and st["hal_bold"])
        c1.paragraphs[0].add_run(dl)
        c1.add_paragraph()
        addressee(cont=c1)
        para(); para()
    else:
        if fam == "klasik":
            if st["date_right"]:
                para(dl, "r")
            else:
                para(dl, left=Wcm * 0.58)
            para()
        field_block(nrows)
        para()
        addressee()
        para()

    body_al = "j" if st["justify"] else "l"
    bi = st["body_indent"]
    gap_pt = st["para_gap"] * size * 1.1
    para(L["p1"], body_al, left=bi, first=st["first_indent"], after=gap_pt)
    qi = bi + st["q_indent"]
    hang = st["q_hang"]

    def numlist(items, labels, auto=False):
        for it, lab in zip(items, labels):
            if auto:
                p = doc.add_paragraph(it, style="List Number")
                p.alignment = {"j": WD_ALIGN_PARAGRAPH.JUSTIFY, "l": WD_ALIGN_PARAGRAPH.LEFT}[body_al]
                p.paragraph_format.left_indent = Cm(qi + hang)
                p.paragraph_format.first_line_indent = Cm(-hang)
                p.paragraph_format.space_after = Pt(st["q_gap"] * size)
            else:
                p = para(lab + "\t" + it, body_al, left=qi + hang, first=-hang, after=st["q_gap"] * size)
                p.paragraph_format.tab_stops.add_tab_stop(Cm(qi + hang))

    if L["context"]:
        numlist(L["context"], [ctx_label(L["ctx_num"], i) for i in range(len(L["context"]))])
        para(L["p_lead"], body_al, left=bi, first=st["first_indent"], after=gap_pt)
    numlist(L["questions"], [qlabel(L["qnum"], i) for i in range(len(L["questions"]))], auto=st["docx_autonum"])
    if L["extra"]:
        para(L["extra"], body_al, left=bi, first=st["first_indent"], after=gap_pt)
    p = para(L["closing"], body_al, left=bi, first=st["first_indent"])
    p.paragraph_format.keep_with_next = True
    para().paragraph_format.keep_with_next = True

    # signature
    sal = "c" if st["sig_center"] else "l"
    sig = []
    if fam == "tglttd":
        sig.append((dl, False, False))
    for ln in L["jab_lines"]:
        sig.append((ln, False, False))
    nblank = int(round(st["sig_space"]))
    sig += [("", False, False)] * nblank
    sig.append((L["name"], L["name_bold"], L["name_ul"]))
    if L["rank"]:
        sig.append((L["rank"], False, False))
    sig.append((L["nip_print"], False, False))
    sigw = Wcm * st["sig_w"]
    if st["docx_sig_table"]:
        t = doc.add_table(rows=1, cols=2)
        no_borders(t)
        set_widths(t, [Wcm - sigw, sigw])
        c = t.cell(0, 1)
        for i, (txt, b, u) in enumerate(sig):
            p = c.paragraphs[0] if i == 0 else c.add_paragraph()
            if txt:
                r = p.add_run(txt); r.bold = b; r.underline = u
            p.alignment = {"c": WD_ALIGN_PARAGRAPH.CENTER, "l": WD_ALIGN_PARAGRAPH.LEFT}[sal]
            p.paragraph_format.keep_with_next = True
        # keep table row on one page
        trPr = t.rows[0]._tr.get_or_add_trPr()
        cs = OxmlElement("w:cantSplit"); trPr.append(cs)
    else:
        for txt, b, u in sig:
            p = para(txt, sal, left=Wcm - sigw, bold=b, ul=u)
            p.paragraph_format.keep_with_next = True
    if L["tembusan"] and fam != "nota":
        para(); para()
        ts = size - 1.5 if L["tem_small"] else None
        p = para(L["tem_head"], sz=ts)
        p.paragraph_format.keep_with_next = True
        for num, s in tem_lines(L):
            if num:
                p = para(num + "\t" + s, left=0.6, first=-0.6, sz=ts)
                p.paragraph_format.tab_stops.add_tab_stop(Cm(0.6))
            else:
                p = para(s, sz=ts)
            p.paragraph_format.keep_with_next = True
    doc.core_properties.title = L["hal"]
    doc.core_properties.author = L["unit_short"]
    doc.save(path)


def _labelled(p, lab: str, val: str, labw: float, bold: bool) -> None:
    """A "Label<tab>:<tab>value" paragraph, the colon and value on tab stops."""
    p.paragraph_format.tab_stops.add_tab_stop(Cm(labw))
    p.paragraph_format.tab_stops.add_tab_stop(Cm(labw + 0.4))
    p.add_run(f"{lab}\t:\t")
    r = p.add_run(val)
    if bold:
        r.bold = True
