"""Fonts: the TTF families reportlab embeds, the Word font names DOCX letters ask for, and text
widths (so label columns and signature blocks are sized to their text, as a typist would)."""
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTDIR_DV = "/usr/share/fonts/truetype/dejavu/"
FONTDIR_LB = "/usr/share/fonts/truetype/liberation2/"
RL_FONTS = {
    "LiberationSerif": [FONTDIR_LB + "LiberationSerif-%s.ttf" % s for s in ("Regular", "Bold", "Italic", "BoldItalic")],
    "LiberationSans": [FONTDIR_LB + "LiberationSans-%s.ttf" % s for s in ("Regular", "Bold", "Italic", "BoldItalic")],
    "DejaVuSerif": [FONTDIR_DV + "DejaVuSerif%s.ttf" % s for s in ("", "-Bold", "-Italic", "-BoldItalic")],
    "DejaVuSans": [FONTDIR_DV + "DejaVuSans%s.ttf" % s for s in ("", "-Bold", "-Oblique", "-BoldOblique")],
    "DejaVuSansCondensed": [FONTDIR_DV + "DejaVuSansCondensed%s.ttf" % s for s in ("", "-Bold", "-Oblique", "-BoldOblique")],
    "DejaVuSerifCondensed": [FONTDIR_DV + "DejaVuSerifCondensed%s.ttf" % s for s in ("", "-Bold", "-Italic", "-BoldItalic")],
}
RL_BODY_WEIGHTS = [("LiberationSerif", 5), ("LiberationSans", 3), ("DejaVuSerif", 2), ("DejaVuSans", 2),
                   ("DejaVuSansCondensed", 1), ("DejaVuSerifCondensed", 1)]
DOCX_FONTS = [("Times New Roman", 5), ("Arial", 4), ("Bookman Old Style", 2), ("Tahoma", 2), ("Cambria", 1),
              ("Liberation Serif", 1), ("DejaVu Sans", 1)]
# Metric stand-ins for the Word fonts when sizing DOCX/LibreOffice layouts.
DOCX2TTF = {"Times New Roman": "LiberationSerif", "Liberation Serif": "LiberationSerif", "Arial": "LiberationSans",
            "Bookman Old Style": "DejaVuSans", "Tahoma": "DejaVuSans", "DejaVu Sans": "DejaVuSans", "Cambria": "DejaVuSerif",
            "Arial Narrow": "DejaVuSans"}

_rl_reg = False


def rl_register():
    """Register every RL_FONTS family once (normal/bold/italic/bold-italic)."""
    global _rl_reg
    if _rl_reg:
        return
    for fam, files in RL_FONTS.items():
        names = [fam, fam + "-Bold", fam + "-Italic", fam + "-BoldItalic"]
        for nm, f in zip(names, files):
            pdfmetrics.registerFont(TTFont(nm, f))
        addMapping(fam, 0, 0, names[0]); addMapping(fam, 1, 0, names[1])
        addMapping(fam, 0, 1, names[2]); addMapping(fam, 1, 1, names[3])
    _rl_reg = True


def text_cm(text, fam, size, bold=False):
    rl_register()
    return pdfmetrics.stringWidth(text, fam + ("-Bold" if bold else ""), size) / 28.3465
