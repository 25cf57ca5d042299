"""Signature block (wet, pasted image or electronic) and tembusan of the reportlab renderer."""
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.lib.utils import ImageReader

from . import graphics as G


class PageClosing:
    """Mixin for Page: everything after the closing paragraphs."""

    def signature(self):
        L, S = self.L, self.S
        x = self.left + S["sig_x"] * self.W
        jl = list(L["jab_lines"])
        if L["jab_comma"]:
            jl[-1] += ","
        need = self.lead * (len(jl) + 8)
        self.ensure(need)
        # (a block whose longest line would run off the paper moves left, to end 1 cm from its
        # edge: the truth is what the page prints, and a post cut by the edge is not printed)
        name_font = self.bold if S["name_bold"] else self.reg
        jfont = self.bold if L["index"] % 3 == 0 else self.reg
        widest = max([pdfmetrics.stringWidth(j, jfont, self.size) for j in jl]
                     + [pdfmetrics.stringWidth(L["nama"], name_font, self.size)])
        x = max(self.left, min(x, self.pw - 1 * cm - widest))
        if S["family"] == "ttd-tanggal":
            self.line(x, self.date_text())
        if not S["tte"]:
            for j in jl:
                self.line(x, j, jfont)
            y_post = self.y
            self.y -= self.lead * 3.2
            y_name = self.y
            self.line(x, L["nama"], name_font, underline=S["name_underline"])
            if L["rank"]:
                self.line(x, L["rank"])
            self.line(x, L["nip"])
            if S["wet_mark"]:
                self.wet_marks(x, y_post, y_name)
            return
        qr = G.qr_image(L["index"] * 31 + 5)
        small = self.size - 1.5
        if S["tte_layout"] == "stack":
            self.line(x, "Ditandatangani secara elektronik oleh:", self.ital, small)
            for j in jl:
                self.line(x, j, jfont)
            h = self.image(qr, x, self.y + self.size * 0.6, 2.2)
            self.y -= h + self.lead * 0.3
            self.line(x, L["nama"], name_font, underline=S["name_underline"])
            if L["rank"]:
                self.line(x, L["rank"])
            self.line(x, L["nip"])
            return
        if S["tte_layout"] == "box":
            for j in jl:
                self.line(x, j, jfont)
            ytop = self.y + self.size
            self.y -= 3
            self.line(x + 4, "Ditandatangani secara elektronik oleh:", self.reg, small)
            h = self.image(qr, x + 4, self.y + self.size * 0.6, 2.0)
            self.y -= h + self.lead * 0.2
            self.line(x + 4, L["nama"], name_font, underline=S["name_underline"])
            if L["rank"]:
                self.line(x + 4, L["rank"])
            self.line(x + 4, L["nip"])
            self.c.setLineWidth(0.8)
            self.c.rect(x, self.y + self.size * 0.4, self.right - x, ytop - self.y - self.size * 0.4)
            self.y -= self.lead * 0.5
            return
        # box-side
        bx = min(x, self.right - 8.5 * cm)
        ytop = self.y + self.size
        qh = self.image(qr, bx + 4, ytop - 4, 2.2)
        tx = bx + 2.5 * cm
        self.line(tx, "Ditandatangani secara elektronik oleh:", self.reg, small)
        for j in jl:
            self.line(tx, j, jfont, small)
        self.line(tx, L["nama"], name_font, small, underline=S["name_underline"])
        if L["rank"]:
            self.line(tx, L["rank"], self.reg, small)
        self.line(tx, L["nip"], self.reg, small)
        ybot = min(self.y + self.size * 0.4, ytop - qh - 8)
        self.c.setLineWidth(0.8)
        self.c.rect(bx, ybot, self.right - bx, ytop - ybot)
        self.y = ybot - self.lead

    def wet_marks(self, x, y_post, y_name):
        L = self.L
        u = L["unit"]
        sig = G.signature(L["index"] * 13 + 1, color=(25, 35, 130))
        self.c.drawImage(ImageReader(sig), x + 1.2 * cm, y_name - 0.2 * cm, 4.8 * cm, 2.0 * cm, mask="auto")
        st = G.stamp(L["index"] * 17 + 2, f"PEMERINTAH {u['region_kind'].upper()} {u['region_name'].upper()}",
                     u["display"].upper()[:34], [], (95, 40, 150))
        d = 3.8 * cm
        self.c.drawImage(ImageReader(st), x - 1.6 * cm, (y_post + y_name) / 2 - d / 2, d, d, mask="auto")

    def tembusan(self):
        L, S = self.L, self.S
        if not L["tembusan"]:
            return
        sz = self.size - 1
        self.y -= self.lead * 0.6
        self.ensure(self.lead * (len(L["tembusan"]) + 1))
        self.line(self.left, S["tembusan_header"], self.reg, sz, underline=L["index"] % 4 == 0)
        n = len(L["tembusan"])
        for i, t in enumerate(L["tembusan"]):
            txt = ("Yth. " if S["tembusan_yth"] else "") + t + ("." if i == n - 1 else ";")
            if S["tembusan_numbers"] and n > 1:
                self.para(txt, self.left + 0.6 * cm, self.W - 0.6 * cm, label=f"{i + 1}.",
                          label_x=self.left, justify=False, size=sz)
            else:
                self.para(txt, self.left, self.W, justify=False, size=sz)
