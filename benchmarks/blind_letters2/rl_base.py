"""reportlab primitives: TTF registration, word wrapping and a page cursor with justification."""
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from .style import PAPERS

_TTF = {
    "LiberationSans": ("liberation2/LiberationSans-Regular", "liberation2/LiberationSans-Bold", "liberation2/LiberationSans-Italic"),
    "LiberationSerif": ("liberation2/LiberationSerif-Regular", "liberation2/LiberationSerif-Bold", "liberation2/LiberationSerif-Italic"),
    "DejaVuSans": ("dejavu/DejaVuSans", "dejavu/DejaVuSans-Bold", "dejavu/DejaVuSans-Oblique"),
    "DejaVuSerif": ("dejavu/DejaVuSerif", "dejavu/DejaVuSerif-Bold", "dejavu/DejaVuSerif-Italic"),
    "DejaVuSansCondensed": ("dejavu/DejaVuSansCondensed", "dejavu/DejaVuSansCondensed-Bold", "dejavu/DejaVuSansCondensed-Oblique"),
    "DejaVuSerifCondensed": ("dejavu/DejaVuSerifCondensed", "dejavu/DejaVuSerifCondensed-Bold", "dejavu/DejaVuSerifCondensed-Italic"),
}
_registered = set()


def font_names(key):
    """Register a TTF family once; TTFs (not the base-14 fonts) are needed for characters like '—'."""
    if key not in _registered:
        r, b, i = _TTF[key]
        base = "/usr/share/fonts/truetype/"
        pdfmetrics.registerFont(TTFont(key, base + r + ".ttf"))
        pdfmetrics.registerFont(TTFont(key + "-Bold", base + b + ".ttf"))
        pdfmetrics.registerFont(TTFont(key + "-Italic", base + i + ".ttf"))
        _registered.add(key)
    return key, key + "-Bold", key + "-Italic"


def wrap(text, font, size, w_first, w_rest=None):
    """Greedy wrap by measured width; the first line may be narrower (first-line indent)."""
    w_rest = w_first if w_rest is None else w_rest
    words = text.split()
    lines, cur = [], ""
    for w in words:
        trial = (cur + " " + w) if cur else w
        limit = w_first if not lines else w_rest
        if cur and pdfmetrics.stringWidth(trial, font, size) > limit:
            lines.append(cur)
            cur = w
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return lines


class PageBase:
    """A canvas with a y cursor that breaks pages itself (reportlab has no flowing layout here)."""

    def __init__(self, L, S, path):
        self.L, self.S = L, S
        pw, ph = PAPERS[S["paper"]]
        self.pw, self.ph = pw * cm, ph * cm
        m = S["margins"]
        self.left, self.right = m["left"] * cm, self.pw - m["right"] * cm
        self.top, self.bottom = self.ph - m["top"] * cm, m["bottom"] * cm + (0.8 * cm if S["tte"] else 0)
        self.W = self.right - self.left
        self.c = canvas.Canvas(path, pagesize=(self.pw, self.ph))
        self.c.setTitle(L["truth"]["hal"])
        self.reg, self.bold, self.ital = font_names(S["font"][1])
        self.kreg, self.kbold, _ = font_names(S["kop_font"][1])
        self.size = S["size"]
        self.lead = self.size * 1.18 * S["spacing"]
        self.y = self.top

    # ------------------------------------------------------------ primitives
    def ensure(self, h):
        if self.y - h < self.bottom:
            self.page_footer()
            self.c.showPage()
            self.y = self.top

    def page_footer(self):
        if not self.S["tte"]:
            return
        c = self.c
        c.setFont(self.ital, 7.5)
        t1 = "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik"
        t2 = "yang diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), BSSN"
        yb = self.S["margins"]["bottom"] * cm * 0.55
        c.setLineWidth(0.5)
        c.line(self.left, yb + 18, self.right, yb + 18)
        c.drawCentredString((self.left + self.right) / 2, yb + 8, t1)
        c.drawCentredString((self.left + self.right) / 2, yb - 1, t2)

    def text(self, x, s, font=None, size=None, align="left"):
        c = self.c
        c.setFont(font or self.reg, size or self.size)
        if align == "left":
            c.drawString(x, self.y, s)
        elif align == "right":
            c.drawRightString(x, self.y, s)
        else:
            c.drawCentredString(x, self.y, s)

    def line(self, x, s, font=None, size=None, align="left", underline=False):
        """Draw one line at the cursor then move down."""
        self.ensure(self.lead)
        self.text(x, s, font, size, align)
        if underline:
            w = pdfmetrics.stringWidth(s, font or self.reg, size or self.size)
            self.c.setLineWidth(0.7)
            self.c.line(x, self.y - 1.5, x + w, self.y - 1.5)
        self.y -= self.lead

    def justified(self, x, s, width, font=None, size=None):
        font, size = font or self.reg, size or self.size
        nsp = s.count(" ")
        extra = width - pdfmetrics.stringWidth(s, font, size)
        t = self.c.beginText(x, self.y)
        t.setFont(font, size)
        if nsp and 0 < extra < width * 0.3:
            t.setWordSpace(extra / nsp)
        t.textOut(s)
        t.setWordSpace(0)   # Tw persists in the page's text state otherwise
        self.c.drawText(t)

    def para(self, s, x, width, first=0.0, label=None, label_x=None, justify=True, after=0.0,
             font=None, size=None):
        font, size = font or self.reg, size or self.size
        lines = wrap(s, font, size, width - first, width)
        for i, ln in enumerate(lines):
            self.ensure(self.lead)
            if i == 0 and label is not None:
                self.text(label_x, label, font, size)
            xx = x + (first if i == 0 else 0)
            ww = width - (first if i == 0 else 0)
            if justify and i < len(lines) - 1:
                self.justified(xx, ln, ww, font, size)
            else:
                self.text(xx, ln, font, size)
            self.y -= self.lead
        self.y -= after

    def image(self, img, x, y_top, w_cm):
        w = w_cm * cm
        h = w * img.size[1] / img.size[0]
        self.c.drawImage(ImageReader(img), x, y_top - h, w, h, mask="auto")
        return h
