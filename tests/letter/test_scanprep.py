# SPDX-License-Identifier: AGPL-3.0-or-later
"""A scanned page's cleaning: a coloured stamp over print goes, the print under it stays."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageChops, ImageDraw

from pipeline.letter.scanprep import prepare

W, H = 1654, 2339                       # A4 at 200 dpi, as office scanners send it
PAPER = (236, 228, 212)                 # a warm, slightly yellowed sheet
STAMPS = {"purple": (102, 81, 160), "blue": (60, 90, 170), "violet": (120, 70, 150),
          "red": (190, 50, 50)}            # some offices ink their stamps red


def _page(ink: tuple[int, int, int], emblem: bool) -> Image.Image:
    """Print (black bars, the strokes of a name) with a stamp ring laid over them by multiplying
    (ink over ink), as a stamp pressed on a printed page looks in a colour scan."""
    page = Image.new("RGB", (W, H), PAPER)
    d = ImageDraw.Draw(page)
    for y in range(420, 1400, 40):                          # the body's lines, level
        for x in range(200, 1450, 60):
            d.rectangle((x, y, x + 40, y + 14), fill=(30, 30, 30))
    for k in range(12):     # the name's strokes, 4 px wide; thin strokes scan dark grey
        d.rectangle((700 + 30 * k, 1600, 703 + 30 * k, 1640), fill=(85, 85, 85))
    if emblem:                                  # the regional emblem in the kop, in colour
        d.ellipse((100, 80, 360, 380), fill=(200, 35, 30))
        d.rectangle((160, 160, 300, 220), fill=(230, 190, 40))
        d.rectangle((160, 240, 300, 290), fill=(30, 140, 60))
    stamp = Image.new("RGB", (W, H), (255, 255, 255))
    d = ImageDraw.Draw(stamp)
    d.ellipse((560, 1460, 860, 1760), outline=ink, width=9)
    d.rectangle((690, 1610, 840, 1626), fill=ink)            # the stamp's lettering
    return ImageChops.multiply(page, stamp)


def _dark(bw: Image.Image, box: tuple[int, int, int, int]) -> float:
    region = bw.crop(box)
    return region.histogram()[0] / (region.width * region.height)


@pytest.mark.parametrize("emblem", [False, True], ids=["plain", "coloured-emblem"])
@pytest.mark.parametrize("colour", sorted(STAMPS))
def test_a_coloured_stamp_goes_and_the_print_under_it_stays(colour, emblem):
    """GIVEN a colour scan with a stamp ring of purple, blue, violet or red ink over the signer's
    name, with or without a coloured emblem in the letterhead WHEN it is cleaned for OCR THEN
    the ring is gone where it crosses only paper, and the name's strokes under the ring are as
    whole as those beside it."""
    bw = prepare(_page(STAMPS[colour], emblem))
    assert _dark(bw, (560, 1590, 600, 1630)) < 0.01          # the ring's left side, on paper
    assert _dark(bw, (690, 1460, 870, 1500)) < 0.01          # its top, on paper
    assert _dark(bw, (706, 1612, 728, 1624)) < 0.01          # its lettering between strokes
    under = [_dark(bw, (700 + 30 * k, 1612, 704 + 30 * k, 1624)) for k in range(5)]
    beside = [_dark(bw, (700 + 30 * k, 1612, 704 + 30 * k, 1624)) for k in (8, 9, 10)]
    assert min(under) > 0.9 * min(beside) > 0.6, (under, beside)


def _grey_page(print_grey: int, stamp_grey: int, strokes: int = 12, edge: int | None = None
               ) -> Image.Image:
    """A greyscale scan: print at PRINT_GREY, a stamp's ring, star and lettering at STAMP_GREY
    laid over the signer's name (ink over ink multiplies), and a wide line of kop text set in
    a colour that scans as the same mid grey as the stamp. With EDGE, each of the name's
    strokes is dark only at its core, its outer pixel that grey (a thin regular stroke)."""
    page = Image.new("L", (W, H), 240)
    d = ImageDraw.Draw(page)
    for y in (100, 190):                           # a kop's two lines in colour, wide
        d.rectangle((200, y, 1450, y + 60), fill=stamp_grey)
    for y in range(420, 1300, 40):
        for x in range(200, 1450, 60):
            d.rectangle((x, y, x + 40, y + 14), fill=print_grey)
    for k in range(strokes):                                     # the name's strokes
        d.rectangle((700 + 30 * k, 1600, 705 + 30 * k, 1640), fill=print_grey if edge is None else edge)
        if edge is not None:
            d.rectangle((701 + 30 * k, 1600, 704 + 30 * k, 1640), fill=print_grey)
    stamp = Image.new("L", (W, H), 255)
    d = ImageDraw.Draw(stamp)
    ink = round(stamp_grey * 255 / 240)
    d.ellipse((560, 1460, 860, 1760), outline=ink, width=9)
    d.ellipse((620, 1520, 800, 1700), outline=ink, width=5)
    d.polygon([(710, 1560), (730, 1620), (690, 1620)], fill=ink)  # the star
    for k in range(8):                                           # lettering along the ring
        d.rectangle((600 + 25 * k, 1480, 612 + 25 * k, 1505), fill=ink)
    d.rectangle((690, 1610, 840, 1626), fill=ink)
    return ImageChops.multiply(page, stamp)


def test_a_grey_stamp_on_a_greyscale_scan_goes_and_the_print_stays():
    """GIVEN a greyscale scan (no colour to tell the stamp by) whose stamp scans mid grey over
    the signer's name WHEN it is cleaned THEN the ring, star and lettering are gone on paper,
    the name's black strokes under them are whole, and the body's print is untouched."""
    bw = prepare(_grey_page(20, 110))
    assert _dark(bw, (560, 1590, 600, 1630)) < 0.01          # the ring's left side
    assert _dark(bw, (690, 1460, 870, 1500)) < 0.01          # its top
    assert _dark(bw, (690, 1560, 730, 1600)) < 0.01          # the star
    # lettering between strokes (a pixel's fringe beside a stroke is the stroke's edge)
    assert _dark(bw, (707, 1612, 728, 1624)) < 0.01
    # (below the lettering's bar: print alone, where only its own grey counts)
    under = [_dark(bw, (701 + 30 * k, 1630, 704 + 30 * k, 1638)) for k in range(5)]
    assert min(under) > 0.9, under
    assert _dark(bw, (201, 421, 239, 433)) > 0.9             # a body stroke
    assert _dark(bw, (200, 100, 1450, 160)) > 0.9            # the kop's lines are print, kept
    assert _dark(bw, (200, 190, 1450, 250)) > 0.9


@pytest.mark.parametrize("stamp_grey", [75, 85])
def test_a_dark_stamps_speckled_grey_goes_too(stamp_grey):
    """GIVEN a greyscale scan whose stamp was a dark navy or violet (a mid grey of 75-85 once
    scanned, near print's core) with the scanner's noise over the page, so that many of the
    stamp's pixels fall darker than a paler stamp's WHEN it is cleaned THEN the ring and star
    are gone but for specks (a dotted ring beside the name's first letter read "Fh" for "Th"),
    and the name's strokes and the body's print stay whole."""
    a = np.asarray(_grey_page(20, stamp_grey)).astype(float)
    a += np.random.default_rng(7).normal(0, 12, a.shape)
    bw = prepare(Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)))
    assert _dark(bw, (560, 1590, 600, 1630)) < 0.05          # the ring's left side
    assert _dark(bw, (690, 1460, 870, 1500)) < 0.05          # its top
    assert _dark(bw, (690, 1560, 730, 1600)) < 0.05          # the star
    under = [_dark(bw, (701 + 30 * k, 1630, 704 + 30 * k, 1638)) for k in range(5)]
    assert min(under) > 0.9, under
    assert _dark(bw, (201, 421, 239, 433)) > 0.9


def test_a_thin_strokes_grey_edge_under_a_grey_stamp_stays():
    """GIVEN a greyscale scan whose name is set in thin regular strokes, dark only at their core
    with a grey edge (a NIP's digits), under a grey stamp WHEN it is cleaned THEN a stroke
    under the stamp is as wide as one beside it, not thinned to its core (read "}981" for
    "1981" before)."""
    bw = prepare(_grey_page(20, 110, edge=120))
    under = [_dark(bw, (700 + 30 * k, 1630, 706 + 30 * k, 1638)) for k in range(5)]
    beside = [_dark(bw, (700 + 30 * k, 1630, 706 + 30 * k, 1638)) for k in (9, 10, 11)]
    assert min(beside) > 0.95, beside
    assert min(under) > 0.9 * min(beside), (under, beside)


def test_print_as_grey_as_a_stamp_is_left_alone():
    """GIVEN a faded greyscale print, whose own strokes are as grey as the stamp WHEN it is
    cleaned THEN nothing is taken for a stamp: the name under the ring stays, ring and all."""
    bw = prepare(_grey_page(110, 120, strokes=5))       # a short name, under the ring only
    # (below the lettering's bar: print alone, where only its own grey counts)
    under = [_dark(bw, (701 + 30 * k, 1630, 704 + 30 * k, 1638)) for k in range(5)]
    assert min(under) > 0.9, under
    assert _dark(bw, (201, 421, 239, 433)) > 0.9
