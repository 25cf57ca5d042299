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
- the page's print away from the patches must be dark: if few of its strokes reach the dark
  core (a faded print, a toner-saving copy), its own text is mid grey throughout, and the
  patch may be print too: nothing is done. On a page scanned in grey, a stroke's grey edge
  counts with its core: a thin typeface scanned at 200 dpi and enlarged is mostly edge, a
  quarter of its pixels core, and its stamp would go untold. Not on a colour page: its stamp
  was told by its colour already, and what is left that looks like one is a phone photo's
  blurred print.
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
NEAR_SHARE = 0.5  # or, on a page scanned in grey, this share of its ink beside a dark core
FLOOR = 40  # print's core is darker than this whatever the stamp
BELOW = 30  # a stamp's grey spreads this far below its commonest grey (noise, JPEG)
LOW = 50  # a dark stamp (navy, deep violet) is told by its pixels with none darker than this
FILLED = 0.15  # of a patch, this share darker than CORE is a picture filled with ink (an emblem)
NEAR = 5  # a core lowered by less than this is left at CORE (the stamp is no dark one)
PEAKED = 0.35  # of a dark stamp's ink, this share is within BELOW / 2 of its commonest grey
LIGHT = 30  # the core stays this far above where the darkest quarter of print reaches (half size)
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


def print_only(page: Image.Image, box: tuple[int, ...], core: int = CORE) -> Image.Image:
    """BOX of the grey PAGE as black print on white where a stamp lies: the dark cores (darker
    than CORE) with the grey edge around them, one pixel deep, so that thin regular strokes (a
    NIP's digits) keep their width; a stamp's own grey, with no core beside it, goes. (Read a
    pixel wider than BOX: a stroke the box's edge cuts keeps its core's neighbours.)"""
    x0, y0, x1, y1 = box
    left, top = min(x0, 1), min(y0, 1)  # (not past the page's edge: a crop there is black)
    grey = page.crop((x0 - left, y0 - top, min(x1 + 1, page.width), min(y1 + 1, page.height)))
    cores = np.asarray(grey) < core
    near_core = darkest3(_despeckled(cores) if core != CORE else Image.fromarray(
        np.where(cores, 0, 255).astype(np.uint8)))
    return ImageChops.lighter(near_core, grey.point(LUT_EDGE)).crop(
        (left, top, left + x1 - x0, top + y1 - y0))


def _despeckled(cores: np.ndarray) -> Image.Image:
    """CORES (True where print's core may be) as black on white, without the pixels that have
    fewer than two of their eight neighbours among them: a stroke's core runs on, while a dark
    stamp's noise leaves lone specks and pairs under the core's grey, read as letters before
    the name ("Ba Theresia") once grown by darkest3."""
    a = np.pad(cores, 1).astype(np.uint8)
    h, w = cores.shape
    near = sum(a[1 + dy:1 + dy + h, 1 + dx:1 + dx + w] for dy in (-1, 0, 1) for dx in (-1, 0, 1)
               if dy or dx)
    return Image.fromarray(np.where(cores & (near >= 2), 0, 255).astype(np.uint8))


def core_at(grey: Image.Image, box: tuple[int, ...]) -> int:
    """The core's grey (see cores) for a BOX of GREY: the lowest of the stamps' it meets,
    given room for the page's turn since (a stamp's square was grown by a block anyway)."""
    return min([core for square, core in grey.info.get("cores", []) if _overlap(square, box)]
               or [CORE])


def _stamp_sized(box: tuple[int, int, int, int], block_cm: float) -> bool:
    """Whether a patch of blocks is of a stamp's size (it was grown by a block on each side to
    join a stamp's parts: that is not counted)."""
    x0, y0, x1, y1 = box
    return (x1 - x0 - 2) * block_cm <= MAX_CM and (y1 - y0 - 2) * block_cm >= MIN_CM


def _patches(half: Image.Image, core: int, side: int, per_cm: float
             ) -> list[tuple[int, int, int, int]]:
    """The stamp-sized patches (in blocks of SIDE pixels) of HALF where many pixels are mid
    grey with no pixel darker than CORE beside them."""
    lone = ImageChops.multiply(half.point(_lut(lambda v: v < STAMP)),
                               darkest3(half).point(_lut(lambda v: v >= core)))
    blocks = lone.reduce(side).point(_lut(lambda v: v >= DENSE))
    if not blocks.getbbox():
        return []
    # a stamp's ring, star and lettering are apart where print crosses them: joined by a block
    return [b for b in patches(blocks.filter(ImageFilter.MaxFilter(3)))
            if _stamp_sized(b, side / per_cm)]


def _core(own: list[int], printed: int, thin: bool = False) -> int:
    """The grey under which a pixel is print's core where a stamp lies, from the histogram OWN
    of its square: CORE, or lower where the stamp's own grey is near it. A dark violet or navy
    stamp scanned in grey is a mid grey of 75-100 through, its darker speckles (the scanner's
    noise, JPEG) under CORE: they would stay as print, a dotted ring beside the name's first
    letter ("Fh" for "Th"). A stamp's grey is the commonest of its ink lighter than print's
    darkest; each stamp's own (the kop's dark emblem is no guide to the signer's stamp). Never
    under PRINTED, the grey the darkest quarter of the page's own print reaches, and LIGHT
    more: a thin, light typeface (a 200-dpi scan) has light cores. THIN: the page's print is
    such a face throughout (its strokes reach CORE only beside their grey edge: _dark_print);
    there the bar rises to PRINTED and LIGHT more, short of the stamp's own grey, or the
    print under the stamp would be lost with it ("197303…" read for "197305…")."""
    core = max(FLOOR, printed + LIGHT, _common(own) - BELOW)
    if thin:
        return max(CORE, min(printed + LIGHT // 3, _common(own) - BELOW))
    return core if core <= CORE - NEAR else CORE


def _overlap(a: tuple[int, ...], b: tuple[int, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _common(own: list[int]) -> int:
    """The commonest grey of the ink lighter than print's darkest, in the histogram OWN."""
    return FLOOR + max(range(STAMP - FLOOR), key=lambda v: own[FLOOR + v])


def _dark_stamp(own: list[int]) -> bool:
    """Whether the histogram OWN of a patch is a dark stamp's: its commonest grey near CORE,
    and much of its ink close to that grey (one ink pressed evenly; print's grey, its
    anti-aliased edges, spreads evenly from black to paper), and little of it darker than
    CORE (a picture filled with dark ink, the kop's emblem, is no stamp: pictures.py)."""
    common = _common(own)
    return common - BELOW < CORE and sum(own[common - BELOW // 2:common + BELOW // 2]) \
        >= PEAKED * sum(own[:STAMP]) and sum(own[:CORE]) < FILLED * sum(own)


def _dark_print(rest: Image.Image, scanned_grey: bool) -> bool | None:
    """Whether the print REST (the page off its stamps) is a thin, light face, or None where it
    is not dark enough for a stamp's grey to be told from it: see the guards in the module's
    docstring."""
    a = np.asarray(rest)
    ink = a < STAMP
    if np.count_nonzero(ink & (a < CORE)) >= DARK_SHARE * ink.sum():
        return False
    if scanned_grey and np.count_nonzero(
            ink & (np.asarray(darkest3(rest)) < CORE)) >= NEAR_SHARE * ink.sum():
        return True
    return None


def _joined(found: list, dark: list, side: int, per_cm: float) -> list:
    """The patches FOUND with the dark stamps' patches DARK (found at LOW): a stamp's whole
    where only part of it was found at CORE, and a stamp of its own where none was (a dark
    stamp's noise puts a pixel darker than CORE beside many of its own)."""
    out = list(found)
    for d in dark:
        near = [k for k, b in enumerate(out) if _overlap(b, d)]
        for k in near:
            b = out[k]
            both = (min(b[0], d[0]), min(b[1], d[1]), max(b[2], d[2]), max(b[3], d[3]))
            out[k] = both if _stamp_sized(both, side / per_cm) else b
        if not near:
            out.append(d)
    return out


def mask(grey: Image.Image, scanned_grey: bool = False) -> Image.Image | None:
    """A mask (255) over the stamps of GREY (a page with its paper white), or None; its
    info["cores"] holds each stamp's square with the grey under which print's core is there
    (see _core). SCANNED_GREY: the page came in grey, not colour (see the guards above)."""
    half = grey.reduce(2)  # stroke-scale detail is enough at half size, and 4x cheaper
    per_cm = half.width / A4_CM
    side = max(4, round(per_cm * 0.34))  # blocks of ~3.4 mm
    dark = [b for b in _patches(half, LOW, side, per_cm)
            if _dark_stamp(half.crop(tuple(v * side for v in b)).histogram())]
    boxes = _joined(_patches(half, CORE, side, per_cm), dark, side, per_cm)
    if not boxes:
        return None
    rest = half.copy()  # the page's print away from the stamps
    for x0, y0, x1, y1 in boxes:
        rest.paste(255, (x0 * side, y0 * side, x1 * side, y1 * side))
    thin = _dark_print(rest, scanned_grey)
    if thin is None:
        return None  # print that is itself grey: a stamp cannot be told from it
    hist = rest.histogram()
    ink, seen, printed = sum(hist[:STAMP]), 0, 0
    while seen < ink / 4:
        seen, printed = seen + hist[printed], printed + 1
    out = Image.new("L", grey.size, 0)
    out.info["cores"] = []
    scale = side * grey.width / half.width
    for box in boxes:
        core = _core(half.crop(tuple(v * side for v in box)).histogram(), printed, thin)
        square = tuple(int(v * scale) for v in box)
        out.info["cores"].append((square, core))
        out.paste(255, square)  # the whole square: the stamp's ink over print is in it too
    return out
