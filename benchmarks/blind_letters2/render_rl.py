"""Render a letter as a text PDF directly with reportlab (own small layout engine)."""
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics

from . import graphics as G
from .rl_base import PageBase, wrap
from .rl_sign import PageClosing
from .style import number_label
from .util import date_line, header_rows


class Page(PageBase, PageClosing):
    """Kop, header block, addressee and body; assembly in build()."""

    def date_text(self):
        return date_line(self.L, self.S)

    def kop(self):
        L, S = self.L, self.S
        u = L["unit"]
        base = self.size
        lines = [(f"PEMERINTAH {u['region_kind'].upper()} {u['region_name'].upper()}", self.kreg if L["index"] % 2 else self.kbold, base + 2)]
        for ul in u["unit_lines"]:
            lines.append((ul, self.kbold, base + (5 if len(ul) < 36 else 3)))
        addr = f"{u['street']} No. {u['no']}, {u['place']}"
        if S["kop_contact_lines"] == 1:
            contact = [f"{addr} {u['postcode']}, Telp. {u['phone']}, Email: {u['email']}"]
        else:
            contact = [f"{addr} Telepon {u['phone']} Kode Pos {u['postcode']}",
                       f"Laman: www.{u['web']}   Pos-el: {u['email']}"]
        y0 = self.y
        x_lo = self.left
        if S["logo"]:
            x_lo = self.left + 2.4 * cm
        cx = (x_lo + self.right) / 2
        for s, f, sz in lines:
            while pdfmetrics.stringWidth(s, f, sz) > self.right - x_lo and sz > 8:
                sz -= 0.5
            self.y -= sz * 0.15
            self.text(cx, s, f, sz, align="center")
            self.y -= sz * 1.12
        for s in contact:
            sz = base - 2.5
            while pdfmetrics.stringWidth(s, self.kreg, sz) > self.right - x_lo and sz > 6:
                sz -= 0.5
            self.text(cx, s, self.kreg, sz, align="center")
            self.y -= sz * 1.25
        if S["logo"]:
            h_avail = (y0 - self.y) + base
            img = G.emblem(L["index"] * 7 + 3)
            wcm = min(2.0, (h_avail / cm) * img.size[0] / img.size[1])
            self.image(img, self.left + 0.1 * cm, y0 + base * 0.8, wcm)
        # rule
        self.y -= 2
        c = self.c
        if S["rule"] == "single":
            c.setLineWidth(2)
            c.line(self.left, self.y, self.right, self.y)
        elif S["rule"] == "double":
            c.setLineWidth(0.8)
            c.line(self.left, self.y, self.right, self.y)
            c.line(self.left, self.y - 2.5, self.right, self.y - 2.5)
        else:
            c.setLineWidth(2.4)
            c.line(self.left, self.y, self.right, self.y)
            c.setLineWidth(0.7)
            c.line(self.left, self.y - 3.5, self.right, self.y - 3.5)
        self.y -= self.lead * 1.4

    def header_rows(self):
        return header_rows(self.L, self.S)

    def header(self, width, date_right=False):
        S = self.S
        lw = 2.4 * cm
        for i, (lab, val) in enumerate(self.header_rows()):
            if S["header_style"] == "colons":
                head = f"{lab} : "
                hw = pdfmetrics.stringWidth(head, self.reg, self.size)
                self.text(self.left, head)
                if i == 0 and date_right:
                    self.text(self.right, self.date_text(), align="right")
                self.para(val, self.left + hw, width - hw - (6 * cm if date_right else 0), justify=False)
            else:
                self.text(self.left, lab)
                self.text(self.left + lw, ":")
                if i == 0 and date_right:
                    self.text(self.right, self.date_text(), align="right")
                vw = width - lw - 0.35 * cm - (6 * cm if date_right else 0)
                self.para(val, self.left + lw + 0.35 * cm, vw, justify=False)

    def addressee(self, x, width):
        L, S = self.L, self.S
        u = L["unit"]
        self.para(f"Yth. {L['tujuan']}", x, width, justify=False)
        if S["yth_address"]:
            self.line(x, f"{u['street'].replace('Jl.', 'Jalan')} No. {u['no'] + 7}")
        place = u["place"]
        ds = S["di_style"]
        if ds == "di-newline":
            self.line(x, "di")
            self.line(x + 0.6 * cm, place.upper() if S["di_upper"] else place)
        elif ds == "di-inline":
            self.line(x, f"di {place}")
        elif ds == "di-tempat":
            self.line(x, "di Tempat")
        else:
            self.line(x, "di -")
            self.line(x + 0.9 * cm, place.upper(), underline=S["di_upper"])

    def body_x(self):
        return self.left + {"aligned": 2.75 * cm, "first": 0, "block": 0}[self.S["body_indent"]]

    def body_para(self, s):
        x = self.body_x()
        first = 1.25 * cm if self.S["body_indent"] == "first" else 0
        self.para(s, x, self.right - x, first=first, after=self.lead * 0.3)

    def items(self, items, numbering, after=0.15):
        x = self.body_x()
        hang = 0.8 * cm if numbering != "(1)" else 0.95 * cm
        for i, it in enumerate(items):
            self.para(it, x + hang, self.right - x - hang, label=number_label(numbering, i),
                      label_x=x, after=self.lead * after)

    def question_table(self):
        L, S = self.L, self.S
        x = self.body_x()
        w = self.right - x
        nw = 1.1 * cm
        pad = 4
        rows = [("No", S["q_table_header"], True)] + \
               [(f"{i + 1}" + ("." if L["index"] % 2 else ""), q["printed"], False)
                for i, q in enumerate(L["questions"])]
        c = self.c
        c.setLineWidth(0.6)
        for no, txt, hdr in rows:
            font = self.bold if hdr else self.reg
            lines = wrap(txt, font, self.size, w - nw - 2 * pad)
            h = len(lines) * self.lead + 2 * pad
            self.ensure(h + 2)
            ytop = self.y + self.size * 0.95
            c.rect(x, ytop - h, nw, h)
            c.rect(x + nw, ytop - h, w - nw, h)
            self.y -= pad
            self.text(x + nw / 2, no, font, align="center")
            for j, ln in enumerate(lines):
                if hdr:
                    self.text(x + nw + (w - nw) / 2, ln, font, align="center")
                elif j < len(lines) - 1:
                    self.justified(x + nw + pad, ln, w - nw - 2 * pad)
                else:
                    self.text(x + nw + pad, ln, font)
                self.y -= self.lead
            self.y = ytop - h - self.size * 0.95
        self.y -= self.lead * 0.6

    # ------------------------------------------------------------ assembly
    def build(self):
        L, S = self.L, self.S
        fam = S["family"]
        self.kop()
        if fam == "p23-yth":
            self.line(self.right, self.date_text(), align="right")
            self.y -= self.lead * 0.3
        if fam == "kepada-kolom":
            lw = self.W * 0.56
            y0 = self.y
            self.header(lw)
            y_left = self.y
            self.y = y0
            rx = self.left + lw + 0.4 * cm
            self.line(rx, self.date_text())
            self.y -= self.lead * 0.5
            self.line(rx, "Kepada")
            self.addressee(rx, self.right - rx)
            self.y = min(self.y, y_left) - self.lead * 0.6
        else:
            self.header(self.W, date_right=(fam == "nomor-tanggal"))
            self.y -= self.lead * 0.6
            self.addressee(self.left, self.W * 0.6)
            self.y -= self.lead * 0.6
        if S["opening_salam"] and not L["opening"].startswith("Dengan hormat"):
            self.body_para("Dengan hormat,")
        self.body_para(L["opening"])
        if L["facts"]:
            self.items([f if f.endswith(".") else f + "." for f in L["facts"]], S["facts_numbering"])
            self.body_para(L["bridge"])
        if S["q_table"]:
            self.question_table()
        else:
            self.items([q["printed"] for q in L["questions"]], S["numbering"], after=0.25)
        for cpara in L["closing"]:
            self.body_para(cpara)
        self.y -= self.lead * 0.5
        self.signature()
        self.tembusan()
        self.page_footer()
        self.c.save()


def write_pdf(L, S, path):
    Page(L, S, path).build()
