"""Where a stamp (cap dinas) lies on a page scanned in greyscale, so its ink can be left out.

On a colour scan the stamp is told by its colour (scanprep). A greyscale scan has none: the
violet or blue ink of a stamp becomes a mid grey (80-170 once the paper is white), dark enough
to pass for print at the page's threshold, and its rings and lettering run into the signer's
post, name and NIP. What still tells it from print is its grey: printed strokes have a core
near black (toner, inkjet), with mid grey only at their edges, while a stamp's strokes are mid
grey through. So a stamp is where many pixels are mid grey with no dark pixel beside them,
packed into a patch of a stamp's size (2.5-5 cm across). There, only the dark cores count as
print; print crossing the stamp stays, since ink over ink is darker than either.

Three guards keep print from being taken for a stamp:
- the patch must be no wider than a stamp (a line of light, coloured kop text is wider);
- it must be at least a stamp's ring tall (a short line of light text is not);
- the page's print away from the patches must be dark: if few of its pixels reach the dark
  core (a faded print, a toner-saving copy), its own text is mid grey throughout, and the
  patch may be print too: nothing is done.
A phone photo's blurred strokes are mid grey too; scanprep does not ask for a stamp there.
"""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageChops, ImageFilter

from pipeline.letter.blocks import A4_CM, patches

CORE = 80  # print's strokes are darker than this at their core; a stamp's grey is lighter
STAMP = 185  # lighter than this is paper, dust or a faint stamp: not ink that matters
EDGE = 140  # a print stroke's grey edge beside its core is darker than this
DENSE = 32  # of 255: a block where an eighth of the pixels are lone mid grey holds stamp ink
DARK_SHARE = 0.3  # the print off the stamps must have this share of dark core to be judged
MAX_CM, MIN_CM = 6.0, 1.5  # a stamp patch is no wider than this, and at least this tall


def _lut(test) -> list[int]:
    return [255 if test(v) else 0 for v in range(256)]


LUT_CORE = _lut(lambda v: v >= CORE)  # black where print's core is, white elsewhere
LUT_EDGE = _lut(lambda v: v >= EDGE)  # black where a stroke's edge may be


def darkest3(grey: Image.Image) -> Image.Image:
    """Each pixel of GREY as the darkest of the 3 x 3 around it (Pillow's MinFilter(3), which
    sorts every window: 30 times slower, a tenth of a second a page)."""
    a = np.pad(np.asarray(grey), 1, mode="edge")
    rows = np.minimum(np.minimum(a[:, :-2], a[:, 1:-1]), a[:, 2:])
    return Image.fromarray(np.minimum(np.minimum(rows[:-2], rows[1:-1]), rows[2:]))


def print_only(grey: Image.Image) -> Image.Image:
    """GREY as black print on white where a stamp lies: the dark cores with the grey edge
    around them, one pixel deep, so that thin regular strokes (a NIP's digits) keep their
    width; a stamp's own grey, with no core beside it, goes."""
    near_core = darkest3(grey.point(LUT_CORE))
    return ImageChops.lighter(near_core, grey.point(LUT_EDGE))


def _stamp_sized(box: tuple[int, int, int, int], block_cm: float) -> bool:
    """Whether a patch of blocks is of a stamp's size (it was grown by a block on each side to
    join a stamp's parts: that is not counted)."""
    x0, y0, x1, y1 = box
    return (x1 - x0 - 2) * block_cm <= MAX_CM and (y1 - y0 - 2) * block_cm >= MIN_CM


def mask(grey: Image.Image) -> Image.Image | None:
    """A mask (255) over the stamps of GREY (a page with its paper white), or None."""
    half = grey.reduce(2)  # stroke-scale detail is enough at half size, and 4x cheaper
    lone = ImageChops.multiply(half.point(_lut(lambda v: v < STAMP)),
                               darkest3(half).point(_lut(lambda v: v >= CORE)))
    per_cm = half.width / A4_CM
    side = max(4, round(per_cm * 0.34))  # blocks of ~3.4 mm
    blocks = lone.reduce(side).point(_lut(lambda v: v >= DENSE))
    if not blocks.getbbox():
        return None
    # a stamp's ring, star and lettering are apart where print crosses them: joined by a block
    boxes = [b for b in patches(blocks.filter(ImageFilter.MaxFilter(3)))
             if _stamp_sized(b, side / per_cm)]
    if not boxes:
        return None
    rest = half.copy()  # the page's print away from the stamps
    for x0, y0, x1, y1 in boxes:
        rest.paste(255, (x0 * side, y0 * side, x1 * side, y1 * side))
    hist = rest.histogram()
    if sum(hist[:CORE]) < DARK_SHARE * sum(hist[:STAMP]):
        return None  # print that is itself grey: a stamp cannot be told from it
    out = Image.new("L", grey.size, 0)
    scale = side * grey.width / half.width
    for x0, y0, x1, y1 in boxes:  # the whole square: the stamp's ink over print is in it too
        out.paste(255, (int(x0 * scale), int(y0 * scale), int(x1 * scale), int(y1 * scale)))
    return out
