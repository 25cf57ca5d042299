"""Text-layer PDF through reportlab: kop, header fields in one of the layout families, numbered
questions, signature block and tembusan, with page numbers from page 2 on."""
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus import Image as RImage

from benchmarks.blind_letters.body import ctx_label, qlabel
from benchmarks.blind_letters.fonts import rl_register
from benchmarks.blind_letters.letter import date_line
from benchmarks.blind_letters.recipients import tem_lines


class HLines(Flowable):
    """The rule under the kop: double, thick or thin."""

    def __init__(self, w, kind):
        super().__init__()
        self.w, self.kind = w, kind
        self.height = 6

    def wrap(self, aw, ah):
        return self.w, self.height

    def draw(self):
        c = self.canv
        if self.kind == "double":
            c.setLineWidth(2.2); c.line(0, 5, self.w, 5)
            c.setLineWidth(0.6); c.line(0, 1.5, self.w, 1.5)
        elif self.kind == "thick":
            c.setLineWidth(2.5); c.line(0, 3, self.w, 3)
        else:
            c.setLineWidth(1); c.line(0, 3, self.w, 3)


def render_rl(L, rng, path, logo):
    """Write L as a PDF with a text layer; rng only picks small printed variants."""
    rl_register()
    st = L["style"]
    font = st["rl_font"]
    kfont = st["rl_kop_font"]
    size = st["size"]
    lead = size * st["leading"]
    page = A4 if st["paper"] == "A4" else (215 * mm, 330 * mm)
    lm, rm, tm, bm = [x * cm for x in st["margins"]]
    W = page[0] - lm - rm

    def PS(name, **kw):
        base = dict(fontName=font, fontSize=size, leading=lead, spaceAfter=0, spaceBefore=0)
        base.update(kw)
        return ParagraphStyle(name, **base)

    body_al = TA_JUSTIFY if st["justify"] else TA_LEFT
    sN = PS("n")
    sB = PS("b", alignment=body_al, firstLineIndent=st["first_indent"] * cm, leftIndent=st["body_indent"] * cm)
    sR = PS("r", alignment=TA_RIGHT)

    story = []

    # ---- kop
    ks = st["kop_sizes"]
    kp = []
    kp.append(Paragraph(escape(L["kop_pemda"]), ParagraphStyle("k1", fontName=kfont + ("-Bold" if st["kop_pemda_bold"] else ""),
                                                                 fontSize=ks[0], leading=ks[0] * 1.2, alignment=TA_CENTER)))
    for ln in L["kop_unit_lines"]:
        kp.append(Paragraph(escape(ln), ParagraphStyle("k2", fontName=kfont + "-Bold", fontSize=ks[1], leading=ks[1] * 1.18, alignment=TA_CENTER)))
    for ln in L["kop_addr"]:
        kp.append(Paragraph(escape(ln), ParagraphStyle("k3", fontName=kfont, fontSize=ks[2], leading=ks[2] * 1.25, alignment=TA_CENTER)))
    if st["logo"]:
        lw = 2.0 * cm
        img = RImage(logo, width=lw, height=lw * 290 / 240)
        t = Table([[img, kp, ""]], colWidths=[2.4 * cm, W - 4.8 * cm, 2.4 * cm])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        story.append(t)
    else:
        story += kp
    story.append(Spacer(1, 3))
    story.append(HLines(W, st["kop_line"]))
    story.append(Spacer(1, lead * 0.6))

    def fieldtable(rows, labw, colon=True, valstyle=None):
        data = []
        for lab, val in rows:
            vs = valstyle or sN
            data.append([Paragraph(escape(lab), sN), Paragraph(":", sN) if colon else "",
                         Paragraph(val if isinstance(val, str) else "", vs) if isinstance(val, str) else val])
        t = Table(data, colWidths=[labw, 0.35 * cm, None])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), st["row_gap"])]))
        return t

    hal_html = ("<b>%s</b>" % escape(L["hal"])) if st["hal_bold"] else escape(L["hal"])
    nrows = [("Nomor", escape(L["nomor"]))]
    if L["sifat"]:
        nrows.append(("Sifat", escape(L["sifat"])))
    if L["lampiran_print"]:
        nrows.append(("Lampiran", escape(L["lampiran_print"])))
    nrows.append((L["hal_label"], hal_html))

    dl = escape(date_line(L)).replace("  ", "&nbsp;&nbsp;")

    def addressee(indent=0):
        out = []
        ps = PS("a", leftIndent=indent)
        if L["kepada"]:
            out.append(Paragraph("Kepada", ps))
        t = L["tujuan"]
        if L["tujuan_split"]:
            w = t.split()
            k = 2 if w[1] == "Daerah" else 1
            out.append(Paragraph("Yth. " + escape(" ".join(w[:k])), ps))
            out.append(Paragraph(escape(" ".join(w[k:])), PS("a2", leftIndent=indent + st["yth_w"])))
        else:
            out.append(Paragraph("Yth. " + escape(t), PS("a3", leftIndent=indent + st["yth_w"], firstLineIndent=-st["yth_w"])))
        dsty = L["di_style"]
        if dsty == "di-indent":
            out.append(Paragraph("di -", PS("a4", leftIndent=indent + st["yth_w"] * 0.4)))
            out.append(Paragraph(escape(L["di_place"]), PS("a5", leftIndent=indent + st["yth_w"] * 1.4)))
        elif dsty == "di-newline":
            out.append(Paragraph("di", PS("a4", leftIndent=indent)))
            out.append(Paragraph(escape(L["di_place"]), PS("a5", leftIndent=indent + st["yth_w"] * 0.6)))
        elif dsty == "di-inline":
            out.append(Paragraph("di " + escape(L["place"]), PS("a4", leftIndent=indent + st["yth_w"] * 0.6)))
        elif dsty == "di-tempat":
            out.append(Paragraph("di", PS("a4", leftIndent=indent + st["yth_w"] * 0.4)))
            out.append(Paragraph(rng.choice(["Tempat", "TEMPAT", "Tempat."]), PS("a5", leftIndent=indent + st["yth_w"])))
        else:
            out.append(Paragraph("di", PS("a4", leftIndent=indent + st["yth_w"] * 0.4)))
            out.append(Paragraph(escape(L["insp_address"]), PS("a5", leftIndent=indent + st["yth_w"])))
            out.append(Paragraph(escape(L["place"]), PS("a6", leftIndent=indent + st["yth_w"])))
        return out

    fam = L["family"]
    labw = st["lab_w"] * cm
    if fam == "nota":
        story.append(Paragraph("<u><b>NOTA DINAS</b></u>" if st["nota_ul"] else "<b>NOTA DINAS</b>",
                               PS("nt", alignment=TA_CENTER, fontSize=size + 2, leading=(size + 2) * 1.3)))
        story.append(Spacer(1, lead * 0.8))
        rows = [("Yth.", escape(L["tujuan"])), ("Dari", escape(L["dari"]))]
        if L["tembusan"]:
            rows.append(("Tembusan", escape(L["tembusan"][0])))
        rows.append(("Tanggal", dl))
        rows += nrows
        story.append(fieldtable(rows, labw))
        story.append(Spacer(1, 2))
        story.append(HLines(W, "thin"))
        story.append(Spacer(1, lead * 0.5))
    elif fam == "duakolom":
        nt = fieldtable(nrows, labw)
        right = [Paragraph(dl, sN), Spacer(1, lead)] + addressee()
        t = Table([[nt, right]], colWidths=[W * st["split"], W * (1 - st["split"])])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, 0), 12)]))
        story.append(t)
        story.append(Spacer(1, lead * 1.2))
    else:
        if fam == "klasik":
            story.append(Paragraph(dl, sR if st["date_right"] else PS("dl", leftIndent=W * 0.58)))
            story.append(Spacer(1, lead * 0.6))
        story.append(fieldtable(nrows, labw))
        story.append(Spacer(1, lead * 1.0))
        story += addressee(indent=0)
        story.append(Spacer(1, lead * 1.0))

    # ---- body
    gap = lead * st["para_gap"]
    story.append(Paragraph(escape(L["p1"]), sB))
    story.append(Spacer(1, gap))
    qindent = (st["body_indent"] + st["q_indent"]) * cm
    hang = st["q_hang"] * cm

    def numlist(items, labels):
        for it, lab in zip(items, labels):
            ps = PS("q", alignment=body_al, leftIndent=qindent + hang, bulletIndent=qindent, firstLineIndent=0,
                    bulletFontName=font, bulletFontSize=size)
            story.append(Paragraph(escape(it), ps, bulletText=lab))
            story.append(Spacer(1, lead * st["q_gap"]))

    if L["context"]:
        numlist(L["context"], [ctx_label(L["ctx_num"], i) for i in range(len(L["context"]))])
        story.append(Spacer(1, gap * 0.5))
        story.append(Paragraph(escape(L["p_lead"]), sB))
        story.append(Spacer(1, gap))
    numlist(L["questions"], [qlabel(L["qnum"], i) for i in range(len(L["questions"]))])
    story.append(Spacer(1, gap * 0.6))
    if L["extra"]:
        story.append(Paragraph(escape(L["extra"]), sB))
        story.append(Spacer(1, gap))
    closing = Paragraph(escape(L["closing"]), sB)

    # ---- signature
    sg = []
    sS = PS("s", alignment=TA_CENTER if st["sig_center"] else TA_LEFT)
    if fam == "tglttd":
        sg.append(Paragraph(dl, sS))
    for ln in L["jab_lines"]:
        sg.append(Paragraph(escape(ln), sS))
    sg.append(Spacer(1, lead * st["sig_space"]))
    nm = escape(L["name"])
    if L["name_ul"]:
        nm = "<u>%s</u>" % nm
    if L["name_bold"]:
        nm = "<b>%s</b>" % nm
    sg.append(Paragraph(nm, sS))
    if L["rank"]:
        sg.append(Paragraph(escape(L["rank"]), sS))
    sg.append(Paragraph(escape(L["nip_print"]), sS))
    sigw = W * st["sig_w"]
    sigt = Table([["", sg]], colWidths=[W - sigw, sigw])
    sigt.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(KeepTogether([closing, Spacer(1, lead * 1.2), sigt]))

    # ---- tembusan
    if L["tembusan"] and fam != "nota":  # a Nota Dinas names its copy in the header
        ts = size - 1.5 if L["tem_small"] else size
        pt = ParagraphStyle("t", fontName=font, fontSize=ts, leading=ts * 1.2)
        tl = [Spacer(1, lead * 1.5), Paragraph(escape(L["tem_head"]), pt)]
        for num, s in tem_lines(L):
            if num:
                tl.append(Paragraph(escape(s), ParagraphStyle("ti", parent=pt, leftIndent=0.6 * cm, bulletIndent=0,
                                                              bulletFontName=font, bulletFontSize=ts), bulletText=num))
            else:
                tl.append(Paragraph(escape(s), pt))
        story.append(KeepTogether(tl))

    def later(c, doc):
        c.saveState()
        c.setFont(font, size)
        c.drawCentredString(page[0] / 2, page[1] - tm * 0.6, "- %d -" % doc.page)
        c.restoreState()

    doc = SimpleDocTemplate(path, pagesize=page, leftMargin=lm, rightMargin=rm, topMargin=tm, bottomMargin=bm,
                            title=L["hal"], author=L["unit_short"])
    doc.build(story, onLaterPages=later if st["pagenum"] else (lambda c, d: None))
