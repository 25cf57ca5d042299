"""Clean a scanned page before OCR: drop coloured ink, straighten, binarize.

Office scanners and phones deliver pages skewed by 0.5-2 degrees, with a stamp (cap dinas)
over the signer's name and dust. Tesseract reads straight, black-on-white lines best and
spends its time on every pixel it is given, so the page is prepared with Pillow only:

- colour: the paper's tint is balanced away; coloured pixels (stamp and pen ink) are divided
  by the ink's colour, which whitens the ink and keeps the print under it at its own darkness
  (ink over ink multiplies), and elsewhere the brightest channel is kept;
- skew: the angle whose horizontal projection is sharpest (text lines as peaks) on a
  thumbnail, refined to 0.05 degree, then one rotation of the full page;
- light: a phone photo is lit unevenly (paper from white down to mid-grey across the page);
  the page is divided by its own paper brightness (a max-filtered thumbnail, so print does not
  count) when that varies, which makes the paper white again and keeps print dark;
- binarize: a fixed threshold under which only print remains (grey stamps, specks go);
- focus: a photographed page is out of focus and has few pixels per stroke, so thin strokes
  (a "/", the tail of a "y", a serif "I") are spread into mid-grey and vanish at that
  threshold. Such a page is told by its ink: few ink pixels reach dark grey. It is sharpened
  (unsharp mask at the stroke's scale) before the threshold, and a pixel counts as print only
  if it was already darker than a stamp's ink before sharpening, so a stamp's edges, which
  sharpening darkens too, stay out.
"""
from __future__ import annotations

import math

from PIL import Image, ImageChops, ImageFilter, ImageMath, ImageStat

from pipeline.letter import pictures, ruling, stamp

INK = 140  # grey levels below this are print; stamps and dust are lighter once colour is gone
LUT_INK = [255 if v < 200 else 0 for v in range(256)]  # thumbnail: any darkening is ink
LUT_BW = [0 if v < INK else 255 for v in range(256)]
# A page is soft (out of focus) when under this share of its print pixels (< 140) are near black
# (< 60): on the generated set, flatbed scans at 200 dpi measure 0.37-0.70 per page, phone photos
# 0.09-0.25 (one sharper photo 0.35). Stamp ink stays out of both counts (lighter than 140).
SOFT = 0.3
# Stamp ink with its colour dropped (brightest channel), or a grey stamp, is lighter than this
# once the paper is white; print, even a blurred thin stroke, is darker at its core.
STAMP = 185
LUT_NOT_STAMP = [0 if v < STAMP else 255 for v in range(256)]
# Print is black or dark grey: once the paper's tint is balanced away its channels differ little
# (a scanner's or a JPEG's colour noise stays under ~20). Cap dinas ink is purple, violet or
# blue in practice, and so is a pen's; its channels differ by 35 and more.
COLOURED = 30
LUT_COLOURED = [255 if v > COLOURED else 0 for v in range(256)]
COLOUR_MODES = ("RGB", "RGBA", "P", "CMYK", "YCbCr", "LAB", "HSV")
TILES = 8  # tiles across the page whose coloured ink is divided by its own colour (~2.6 cm)


def _grey(img: Image.Image) -> tuple[Image.Image, Image.Image | None]:
    """The page in grey, with coloured ink taken out and the print under it kept, and where
    the coloured ink was (255; None on a page scanned in grey)."""
    if img.mode not in COLOUR_MODES:
        return img.convert("L"), None
    rgb = [_balance(c) for c in img.convert("RGB").split()]
    hi = ImageChops.lighter(ImageChops.lighter(rgb[0], rgb[1]), rgb[2])
    lo = ImageChops.darker(ImageChops.darker(rgb[0], rgb[1]), rgb[2])
    coloured = ImageChops.subtract(hi, lo).point(LUT_COLOURED)
    # Ink over ink multiplies: where print crosses the stamp a pixel is print x stamp colour,
    # channel by channel. Dividing the coloured pixels by the ink's colour (their median) gives
    # back the print under the stamp, with its edges, and turns the stamp white. The median is
    # taken tile by tile: a coloured emblem in the letterhead must not tint the stamp's ink.
    side = max(64, hi.width // TILES)
    for top in range(0, hi.height, side):
        for left in range(0, hi.width, side):
            tile = (left, top, min(left + side, hi.width), min(top + side, hi.height))
            box = coloured.crop(tile).getbbox()
            if box:
                box = (left + box[0], top + box[1], left + box[2], top + box[3])
                mask = coloured.crop(box)
                hi.paste(_divided([c.crop(box) for c in rgb], mask), box, mask)
    return hi, coloured


def _divided(rgb: list[Image.Image], coloured: Image.Image) -> Image.Image:
    """RGB's brightest channel once divided by the median colour of its COLOURED pixels."""
    ink = [int(v) or 1 for v in ImageStat.Stat(Image.merge("RGB", rgb), coloured).median]
    under = [c.point([min(255, v * 255 // k) for v in range(256)]) for c, k in zip(rgb, ink)]
    return ImageChops.lighter(ImageChops.lighter(under[0], under[1]), under[2])


def _balance(channel: Image.Image) -> Image.Image:
    """CHANNEL scaled so the paper (most of the page: the median) is 255: a warm lamp or a
    yellowed sheet is tinted, and its tint would otherwise count as colour."""
    hist, half, seen = channel.histogram(), channel.width * channel.height / 2, 0
    for paper, n in enumerate(hist):
        seen += n
        if seen >= half:
            break
    return channel.point([min(255, v * 255 // max(paper, 1)) for v in range(256)])


def _profiles(ink: Image.Image, strips: int = 8) -> list[list[float]]:
    """Row sums of ink in each of `strips` vertical strips of the thumbnail."""
    w = ink.width // strips
    return [list(ink.crop((k * w, 0, (k + 1) * w, ink.height)).resize((1, ink.height), Image.BOX)
                 .tobytes()) for k in range(strips)]


def _sharpness(profiles: list[list[float]], slope: float, w: float) -> float:
    """Variance of the page's row profile when the strips are shifted along `slope`."""
    n = len(profiles[0])
    rows = [0.0] * n
    for k, prof in enumerate(profiles):
        shift = round(slope * (k + 0.5) * w)
        for y in range(max(0, -shift), min(n, n - shift)):
            rows[y + shift] += prof[y]
    mean = sum(rows) / n
    return sum((v - mean) ** 2 for v in rows)


def skew(grey: Image.Image) -> float:
    """The page's skew in degrees (what to rotate by to straighten it), within +-3.

    Text lines give the sharpest row profile when followed along their slope; the strips'
    profiles are shifted instead of rotating the image for every candidate angle."""
    if not page_shaped(grey):
        return 0.0  # its thumbnail would be no thumbnail, and no letter's lines are in it
    small = grey.resize((480, max(1, grey.height * 480 // grey.width)), Image.BOX)
    profiles = _profiles(small.point(LUT_INK))
    w = small.width / len(profiles)

    def score(a: float) -> float:
        return _sharpness(profiles, math.tan(math.radians(a)), w)

    best = max((a / 4 for a in range(-12, 13)), key=score)
    return -max((best + a / 20 for a in range(-4, 5)), key=score)


def page_shaped(img: Image.Image) -> bool:
    """Whether IMG is shaped like a page (or a phone's screenshot of one), not a sliver."""
    return 0.3 < img.width / max(img.height, 1) < 3


def flatten(grey: Image.Image) -> Image.Image:
    """The page with its paper made evenly white, when the light over it is uneven."""
    # a thumbnail ~155 px wide whatever the resolution (1/16 of an A4 page at 300 dpi), so the
    # max filter spans ~0.3 inch of paper: wider than a letter, only paper remains
    small = grey.reduce(max(1, round(grey.width / 155)))
    paper = small.filter(ImageFilter.MaxFilter(5))
    lo, hi = paper.getextrema()
    if hi - lo < 40:  # a flatbed scan: even light, nothing to do (and no time spent)
        return grey
    bg = paper.filter(ImageFilter.BoxBlur(2)).resize(grey.size, Image.BILINEAR)
    out = ImageMath.lambda_eval(lambda a: a["min"](a["g"] * 255 / (a["b"] + 1), 255),
                                g=grey, b=bg)
    return out.convert("L")


def soft(grey: Image.Image) -> bool:
    """Whether the page is out of focus: its ink seldom reaches dark grey (a phone photo)."""
    h = grey.histogram()
    return sum(h[:60]) < SOFT * sum(h[:INK])


def prepare(img: Image.Image, width: int | None = None) -> Image.Image:
    """A straight, black-on-white page for OCR (mode "L"), `width` pixels wide if given."""
    return prepare_page(img, width)[0]


def prepare_page(img: Image.Image, width: int | None = None) -> tuple[Image.Image, Image.Image]:
    """The page for OCR (see prepare), and the same page in grey, straightened alike: where a
    stamp's grey ink was not told apart (a blurred scan, the signature's ink joined to it), a
    line can still be read from its darkest ink alone (namerow)."""
    grey, coloured = _grey(img)
    grey = flatten(grey)
    angle = skew(grey)
    blurred = soft(grey)
    if width and width != grey.width:
        grey = grey.resize((width, grey.height * width // grey.width), Image.BICUBIC)
        coloured = coloured and coloured.resize(grey.size, Image.NEAREST)
    bw = grey.point(LUT_BW)
    if blurred:  # radius 2 at ~300 dpi: a stroke's width; what only sharpening darkens is no print
        sharp = grey.filter(ImageFilter.UnsharpMask(2, 150, 0)).point(LUT_BW)
        bw = ImageChops.lighter(sharp, grey.point(LUT_NOT_STAMP))
    stamps = stamp.mask(grey, img.mode not in COLOUR_MODES)
    if stamps is not None:  # a greyscale scan's stamp: there only the dark cores are print
        grey.info["cores"] = stamps.info["cores"]  # (namerow's darkest ink too)
        for box, core in grey.info["cores"]:  # (the squares only: a filter over all is slow)
            bw.paste(stamp.print_only(grey, box, core), box)
    if abs(angle) >= 0.1:
        bw = bw.rotate(angle, resample=Image.NEAREST, fillcolor=255)
        grey = grey.rotate(angle, resample=Image.NEAREST, fillcolor=255)
        coloured = coloured and coloured.rotate(angle, resample=Image.NEAREST, fillcolor=0)
    grey.info["skew"] = angle  # (for pen_ink)
    grey.info["coloured"] = coloured  # (a stamp's rings are found on it: rings)
    # straight, so that a picture's box fits it and rules lie level; pictures first, a QR
    # code's rows being no rule. Not on a soft page (a phone photo, out of focus): the
    # paper's bend and the lens curve its rules, which would break into pieces read as marks
    bw = pictures.blank(bw)
    return (bw if blurred else ruling.unruled(bw)), grey


def pen_ink(img: Image.Image, grey: Image.Image, box: tuple[int, int, int, int]) -> Image.Image:
    """BOX of page IMG with ink of every colour kept, as GREY (prepare_page's) stands: a pen's
    blue is taken out of GREY as a stamp's is, and a hand-written day is in blue."""
    if img.mode not in COLOUR_MODES:
        return grey.crop(box)
    r, g, b = img.convert("RGB").split()
    ink = ImageChops.darker(ImageChops.darker(r, g), b)  # any ink darkens some channel
    if ink.width != grey.width:
        ink = ink.resize(grey.size, Image.BICUBIC)
    angle = grey.info.get("skew", 0.0)
    if abs(angle) >= 0.1:
        ink = ink.rotate(angle, resample=Image.NEAREST, fillcolor=255)
    return ink.crop(box)
