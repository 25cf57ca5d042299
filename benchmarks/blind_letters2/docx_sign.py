"""Signature block (wet or electronic), tembusan and the BSrE footer of the DOCX renderer."""
from docx.shared import Cm

from . import graphics as G
from .docx_base import J


class DocxClosing:
    """Mixin for DocxWriter: everything after the closing paragraphs."""

    def signature(self):
        start = len(self.doc.paragraphs)
        self._signature()
        for p in self.doc.paragraphs[start - 1:-1]:
            p.paragraph_format.keep_with_next = True

    def _signature(self):
        L, S = self.L, self.S
        x = S["sig_x"] * self.text_w
        if S["family"] == "ttd-tanggal":
            self.para(None, self.date_text(), left=x)
        jl = list(L["jab_lines"])
        if L["jab_comma"]:
            jl[-1] += ","
        name_kw = dict(bold=S["name_bold"], underline=S["name_underline"])
        if not S["tte"]:
            for j in jl:
                self.para(None, j, left=x, bold=L["index"] % 3 == 0)
            for _ in range(4):
                self.para(None, "", left=x)
            self.para(None, L["nama"], left=x, **name_kw)
            if L["rank"]:
                self.para(None, L["rank"], left=x)
            self.para(None, L["nip"], left=x)
            return
        qr = G.qr_image(L["index"] * 31 + 5)
        if S["tte_layout"] == "stack":
            self.para(None, "Ditandatangani secara elektronik oleh:", left=x, size=S["size"] - 1, italic=True)
            for j in jl:
                self.para(None, j, left=x)
            p = self.para(None, "", left=x, spacing=1.0)
            p.add_run().add_picture(G.to_png_bytes(qr), width=Cm(2.3))
            self.para(None, L["nama"], left=x, **name_kw)
            if L["rank"]:
                self.para(None, L["rank"], left=x)
            self.para(None, L["nip"], left=x)
            return
        if S["tte_layout"] == "box":
            for j in jl:
                self.para(None, j, left=x)
            bw = self.text_w - x
            t = self.table(None, 1, 1, [bw], borders=True)
            self.table_indent(t, x)
            c = t.rows[0].cells[0]
            self.cell_text(c, "Ditandatangani secara elektronik oleh:", size=S["size"] - 2)
            p = self.para(c, "", spacing=1.0)
            p.add_run().add_picture(G.to_png_bytes(qr), width=Cm(2.0))
            self.para(c, L["nama"], **name_kw)
            if L["rank"]:
                self.para(c, L["rank"])
            self.para(c, L["nip"])
            return
        # box-side: QR left, text right inside a bordered box
        bw = min(max(self.text_w - x + 1.0, 9.5), self.text_w)
        xx = self.text_w - bw
        t = self.table(None, 1, 2, [2.6, bw - 2.6], borders=True)
        self.table_indent(t, xx)
        c0, c1 = t.rows[0].cells
        c0.paragraphs[0].add_run().add_picture(G.to_png_bytes(qr), width=Cm(2.3))
        self.cell_text(c1, "Ditandatangani secara elektronik oleh:", size=S["size"] - 2)
        for j in jl:
            self.para(c1, j, size=S["size"] - 1)
        self.para(c1, L["nama"], size=S["size"] - 1, **name_kw)
        if L["rank"]:
            self.para(c1, L["rank"], size=S["size"] - 1)
        self.para(c1, L["nip"], size=S["size"] - 1)

    def tembusan(self):
        L, S = self.L, self.S
        if not L["tembusan"]:
            return
        self.para(None, "", after=4)
        self.para(None, S["tembusan_header"], size=S["size"] - 1,
                  underline=L["index"] % 4 == 0)
        n = len(L["tembusan"])
        for i, t in enumerate(L["tembusan"]):
            txt = ("Yth. " if S["tembusan_yth"] else "") + t + ("." if i == n - 1 else ";")
            if S["tembusan_numbers"] and n > 1:
                p = self.para(None, f"{i + 1}.\t{txt}", size=S["size"] - 1, left=0.6, first=-0.6)
                p.paragraph_format.tab_stops.add_tab_stop(Cm(0.6))
            else:
                self.para(None, txt, size=S["size"] - 1)

    def footer(self):
        if not self.S["tte"]:
            return
        f = self.doc.sections[0].footer
        p = f.paragraphs[0]
        self.run(p, "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik "
                    "yang diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), BSSN", size=8, italic=True)
        p.alignment = J.CENTER
