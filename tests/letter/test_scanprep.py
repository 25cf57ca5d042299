# SPDX-License-Identifier: AGPL-3.0-or-later
"""A scanned page's cleaning: a coloured stamp over print goes, the print under it stays."""
from __future__ import annotations

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
