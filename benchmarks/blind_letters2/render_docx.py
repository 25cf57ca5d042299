"""Render a letter as DOCX with python-docx (also the source of LibreOffice PDFs)."""
from docx.shared import Cm, Pt

from . import graphics as G
from .docx_base import J, DocxBase
from .docx_sign import DocxClosing
from .style import number_label
from .util import date_line, header_rows


class DocxWriter(DocxBase, DocxClosing):
    """Kop, header block, addressee and body; assembly in build()."""

    def date_text(self):
        return date_line(self.L, self.S)

    def kop(self):
        L, S = self.L, self.S
        u = L["unit"]
        kf = S["kop_font"][0]
        base = S["size"]
        lines = [(f"PEMERINTAH {u['region_kind'].upper()} {u['region_name'].upper()}", base + 2, False)]
        for ul in u["unit_lines"]:
            lines.append((ul, base + (5 if len(ul) < 36 else 3), True))
        addr = f"{u['street']} No. {u['no']}, {u['place']}"
        contact = [f"{addr} Telepon {u['phone']} Kode Pos {u['postcode']}",
                   f"Laman: www.{u['web']}   Pos-el: {u['email']}"]
        if S["kop_contact_lines"] == 1:
            contact = [f"{addr} {u['postcode']}, Telp. {u['phone']}, Email: {u['email']}"]
        w_logo = 2.4
        if S["logo"]:
            t = self.table(None, 1, 2, [w_logo, self.text_w - w_logo])
            c0, c1 = t.rows[0].cells
            c0.paragraphs[0].add_run().add_picture(G.to_png_bytes(G.emblem(L["index"] * 7 + 3)), width=Cm(2.0))
            c0.paragraphs[0].alignment = J.CENTER
            target = c1
            first = True
        else:
            target = None
            first = False
        for text, size, bold in lines:
            if first:
                p = target.paragraphs[0]
                self.run(p, text, bold=bold, size=size, font=kf)
                first = False
            else:
                p = self.para(target, text, bold=bold, size=size, font=kf)
            p.alignment = J.CENTER
            p.paragraph_format.line_spacing = 1.0
        for c in contact:
            self.para(target, c, size=base - 2.5, font=kf, align=J.CENTER, spacing=1.0)
        rule = self.para(None, "", spacing=1.0)
        rule.paragraph_format.space_after = Pt(8)
        self.bottom_border(rule, S["rule"])

    def header_rows(self):
        return header_rows(self.L, self.S)

    def header_table(self, container, width, date_col=False):
        rows = self.header_rows()
        lw = 2.3 if self.S["label_hal"] == "Hal" else 2.5
        vw = width - lw - 0.4 - (5.2 if date_col else 0)
        widths = [lw, 0.4, vw] + ([5.2] if date_col else [])
        t = self.table(container, len(rows), len(widths), widths)
        self.cell_margins(t, 0.0, 0.05)
        for r, (lab, val) in zip(t.rows, rows):
            self.cell_text(r.cells[0], lab)
            self.cell_text(r.cells[1], ":")
            self.cell_text(r.cells[2], val, bold=(lab.lower() in ("hal", "perihal") and self.L["index"] % 5 == 0))
        if date_col:
            self.cell_text(t.rows[0].cells[3], self.date_text(), align=J.RIGHT)
        return t

    def header_tabs(self):
        rows = self.header_rows()
        colon = 2.6
        for lab, val in rows:
            if self.S["header_style"] == "tabs":
                p = self.para(None, f"{lab}\t:\t{val}")
                ts = p.paragraph_format.tab_stops
                ts.add_tab_stop(Cm(colon))
                ts.add_tab_stop(Cm(colon + 0.4))
                p.paragraph_format.left_indent = Cm(colon + 0.4)
                p.paragraph_format.first_line_indent = Cm(-(colon + 0.4))
            else:
                self.para(None, f"{lab} : {val}")

    def addressee(self, container=None, left=0.0):
        L, S = self.L, self.S
        u = L["unit"]
        self.para(container, f"Yth. {L['tujuan']}", left=left)
        if S["yth_address"]:
            self.para(container, f"{u['street'].replace('Jl.', 'Jalan')} No. {u['no'] + 7}", left=left)
        place = u["place"]
        ds = S["di_style"]
        if ds == "di-newline":
            self.para(container, "di", left=left)
            self.para(container, place.upper() if S["di_upper"] else place, left=left + 0.6)
        elif ds == "di-inline":
            self.para(container, f"di {place}", left=left)
        elif ds == "di-tempat":
            self.para(container, "di Tempat", left=left)
        else:
            self.para(container, "di -", left=left)
            self.para(container, place.upper(), left=left + 0.9, underline=S["di_upper"])

    def body_para(self, text, after=4):
        S = self.S
        bl = self.body_left()
        first = 1.25 if S["body_indent"] == "first" else None
        return self.para(None, text, align=J.JUSTIFY, left=bl, first=first, after=after)

    def item_list(self, items, numbering, after=2):
        bl = self.body_left()
        if numbering == "auto" or numbering == "auto-a":
            nid = self.add_numbering("a." if numbering == "auto-a" else "1.")
            for it in items:
                p = self.para(None, it, align=J.JUSTIFY, after=after)
                self.set_num(p, nid)
            return
        hang = 0.75 if numbering != "(1)" else 0.9
        for i, it in enumerate(items):
            lab = number_label(numbering, i)
            p = self.para(None, f"{lab}\t{it}", align=J.JUSTIFY, left=bl + hang, first=-hang, after=after)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(bl + hang))

    def question_table(self):
        L = self.L
        bl = self.body_left()
        w = self.text_w - bl
        t = self.table(None, len(L["questions"]) + 1, 2, [1.1, w - 1.1], borders=True)
        if bl:
            self.table_indent(t, bl)
        hdr = self.S["q_table_header"]
        self.cell_text(t.rows[0].cells[0], "No", bold=True, align=J.CENTER)
        self.cell_text(t.rows[0].cells[1], hdr, bold=True, align=J.CENTER)
        for i, q in enumerate(L["questions"]):
            self.cell_text(t.rows[i + 1].cells[0], f"{i + 1}" + ("." if L["index"] % 2 else ""), align=J.CENTER)
            self.cell_text(t.rows[i + 1].cells[1], q["printed"], align=J.JUSTIFY)
        self.para(None, "", after=2)

    # ------------------------------------------------------------ assembly
    def build(self):
        L, S = self.L, self.S
        fam = S["family"]
        self.kop()
        if fam == "p23-yth":
            self.para(None, self.date_text(), align=J.RIGHT, after=6)
        if fam == "kepada-kolom":
            lw = self.text_w * 0.56
            t = self.table(None, 1, 2, [lw, self.text_w - lw])
            left, right = t.rows[0].cells
            self.header_table(left, lw - 0.2)
            self.cell_text(right, self.date_text())
            self.para(right, "", after=0)
            self.para(right, "Kepada")
            self.addressee(right, left=0.0)
            self.para(None, "", after=6)
        else:
            if S["header_style"] == "table":
                self.header_table(None, self.text_w, date_col=(fam == "nomor-tanggal"))
            else:
                self.header_tabs()
            self.para(None, "", after=4)
            self.addressee()
            self.para(None, "", after=6)
        if S["opening_salam"] and not L["opening"].startswith("Dengan hormat"):
            self.body_para("Dengan hormat,")
        self.body_para(L["opening"])
        if L["facts"]:
            self.item_list([f + "." if not f.endswith(".") else f for f in L["facts"]],
                           S["facts_numbering"])
            self.body_para(L["bridge"])
        if S["q_table"]:
            self.question_table()
        else:
            num = S["numbering"]
            if num == "auto" and L["index"] % 3 == 0:
                num = "auto-a"
            self.item_list([q["printed"] for q in L["questions"]], num, after=3)
        for c in L["closing"]:
            self.body_para(c)
        self.para(None, "", after=6)
        self.signature()
        self.tembusan()
        self.footer()
        return self.doc


def write_docx(L, S, path):
    doc = DocxWriter(L, S).build()
    doc.save(path)
