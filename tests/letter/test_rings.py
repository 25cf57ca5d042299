"""A stamp's rings found by their shape and taken out of the signer's name (letter/rings.py),
and the name read again without them (letter/namerow.py)."""
from __future__ import annotations

import shutil

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.letter import namerow
from pipeline.letter.rings import Ringless, without_rings
from tests.letter.test_namerow import LANGS, _rows, line, page, texts
from tests.letter.test_nameline import run

NAME = "H. I MADE SUDARSANA, S.E., M.Si."
CENTRE, OUTER, INNER = (1250, 300), 175, 128  # px at ~300 dpi: a stamp 3 cm across


def block(name: str = NAME, rings: bool = True, ink: int = 0, centre=CENTRE) -> Image.Image:
    """A signature block at ~300 dpi (post, name, rank, NIP) as a black-and-white scan, a
    stamp's two rings pressed over the name's first words in INK (black: the page's cleaning
    could not tell them from print)."""
    img = Image.new("L", (2480, 700), 255)
    d = ImageDraw.Draw(img)
    bold = ImageFont.truetype("DejaVuSerif-Bold.ttf", 46)
    plain = ImageFont.truetype("DejaVuSans.ttf", 46)
    d.text((1300, 60), "Sekretaris DPRD Provinsi Bali,", font=plain, fill=0)
    d.text((1300, 360), name, font=bold, fill=0)
    d.text((1300, 440), "Pembina Utama Muda", font=plain, fill=0)
    d.text((1300, 520), "NIP. 197409281998031002", font=plain, fill=0)
    if rings:
        (x, y), d2 = centre, ImageDraw.Draw(img)
        d2.ellipse((x - OUTER, y - OUTER, x + OUTER, y + OUTER), outline=ink, width=7)
        d2.ellipse((x - INNER, y - INNER, x + INNER, y + INNER), outline=ink, width=3)
    return img


def ink(img: Image.Image) -> np.ndarray:
    return np.asarray(img.convert("L")) < 128


def test_a_black_stamps_rings_go_and_the_print_they_cross_stays():
    """GIVEN a black-and-white scan whose black stamp's two rings cross the signer's name and
    post WHEN the rings are looked for THEN they are found and taken out (the page's ink off the
    print is gone), and the print's own ink is kept but for a few pixels where a ring ran along
    a letter's edge."""
    page, printed = block(), ink(block(rings=False))
    got = without_rings(page, (0, 0, page.width, page.height))
    assert got is not None
    left = ink(got)
    stray = ink(page) & ~printed  # the rings' pixels off the print
    assert left[stray].mean() < 0.02, left[stray].mean()
    assert left[printed].mean() > 0.97, left[printed].mean()


def test_no_ring_is_found_on_print_a_table_or_an_emblem():
    """GIVEN a page with no stamp: lines of text, a table's frame, a filled round emblem and a
    letter O in a large type WHEN rings are looked for THEN none is, and nothing is taken out."""
    img = Image.new("L", (2480, 1400), 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype("DejaVuSans.ttf", 46)
    for k in range(8):
        d.text((200, 60 + 70 * k), "Demikian kami sampaikan, atas perhatian Bapak/Ibu "
               "diucapkan terima kasih. OOO ooo 000", font=font, fill=0)
    d.rectangle((200, 700, 1000, 1100), outline=0, width=4)
    d.line((200, 800, 1000, 800), fill=0, width=4)
    d.line((500, 700, 500, 1100), fill=0, width=4)
    d.ellipse((1300, 700, 1600, 1000), fill=0)  # an emblem, filled
    d.text((1700, 750), "O", font=ImageFont.truetype("DejaVuSans.ttf", 300), fill=0)
    assert without_rings(img, (0, 0, img.width, img.height)) is None


def test_a_coloured_stamps_ring_is_found_by_its_colour_where_the_ring_is_broken():
    """GIVEN a phone photo's page whose coloured stamp was mostly taken out by its colour, but
    whose thin inner ring the JPEG made grey in pieces (so they stayed as print), the colour
    on under half of the outer ring WHEN rings are looked for with the page's colour at hand
    THEN the circle is found on the colour, and the grey inner ring goes with it."""
    page = Image.new("L", (2480, 700), 255)
    ImageDraw.Draw(page).text((1300, 360), NAME, font=ImageFont.truetype(
        "DejaVuSerif-Bold.ttf", 46), fill=0)
    printed = ink(page)
    x, y = CENTRE
    for start in range(0, 360, 30):  # the inner ring greyed in pieces: 60 % of it left
        ImageDraw.Draw(page).arc((x - INNER, y - INNER, x + INNER, y + INNER), start,
                                 start + 18, fill=0, width=3)
    coloured = Image.new("L", page.size, 0)
    for start in range(0, 360, 40):  # the outer ring's colour, in pieces: 45 % of it
        ImageDraw.Draw(coloured).arc((x - OUTER, y - OUTER, x + OUTER, y + OUTER), start,
                                     start + 18, fill=255, width=7)
    assert without_rings(page, (0, 0, page.width, page.height)) is None  # the ink alone: no
    got = without_rings(page, (0, 0, page.width, page.height), coloured)
    assert got is not None
    left = ink(got)
    assert left[ink(page) & ~printed].mean() < 0.02
    assert left[printed].mean() > 0.97


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
@pytest.mark.parametrize("centre", [(1180, 385)])
def test_a_name_whose_first_words_a_black_stamps_ring_spoilt_is_read_without_it(centre):
    """GIVEN a black-and-white scan whose black stamp's ring crosses the name's first words,
    and whose page reading took the ring's remains for a word of the name ("SL. HA MADE …")
    WHEN the name's row is read again THEN the name is read without the ring, "H. I MADE …"
    (before, its reading with the ring, "Hj I MADE"), and the other rows are as they were. (A
    reading without the ring no more like a name than the bitmap's, "H. I" beside "M. I", is
    not taken: the ring's removal may take a piece of a letter, "Prs." for "Drs.", and
    tesseract reads such a piece surely.)"""
    words = (line("Sekretaris DPRD Provinsi Bali,", 60, (1, 1, 1))
             + line("SL. HA MADE SUDARSANA, S.E., M.Si.", 360, (1, 2, 1), 1190.0)
             + line("Pembina Utama Muda", 440, (1, 3, 1))
             + line("NIP. 197409281998031002", 520, (1, 4, 1)))
    got = namerow.reread(block(centre=centre), words, run, 30, LANGS)
    assert texts(got).startswith("H. I MADE SUDARSANA"), texts(got)
    for key in ((1, 1, 1), (1, 3, 1), (1, 4, 1)):
        assert texts(got, key) == texts(words, key)


def test_a_band_no_ring_crosses_is_not_given_again():
    """GIVEN a page whose stamp stands away from a band WHEN that band is asked for without
    rings THEN none is given (it would only cost another reading), while one the ring crosses
    is; and a word standing on the ring counts as the ring's."""
    page = block()
    rings = Ringless(page, None)
    assert rings.band((1300, 340, 2200, 420)) is not None  # the name, the ring across it
    assert rings.band((1900, 500, 2400, 580)) is None  # the NIP's end, well right of it
    x, y = CENTRE
    on_ring = (x + OUTER - 6, y - 20, x + OUTER + 6, y + 20)
    assert rings.ring_share(on_ring) > 0.9
    assert rings.ring_share((1700, 360, 1900, 410)) == 0.0


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_a_name_read_whole_under_a_ring_is_left_as_read():
    """GIVEN a page whose reading of the name is whole though a stamp's ring crosses it (so the
    band is read again only without the ring: no underline, no tail) WHEN it is looked at
    THEN the name stays as the page read it (before, this crashed the reading)."""
    words = (line("Sekretaris DPRD Provinsi Bali,", 60, (1, 1, 1))
             + line(NAME, 360, (1, 2, 1))
             + line("Pembina Utama Muda", 440, (1, 3, 1))
             + line("NIP. 197409281998031002", 520, (1, 4, 1)))
    got = namerow.reread(block(centre=(1180, 385)), words, run, 30, LANGS)
    assert texts(got) == NAME


def test_no_ring_is_looked_for_on_an_image_far_wider_than_a_page():
    """GIVEN an image far wider than a page read at 300 dpi (a banner keeps its own width), a
    circle on it WHEN rings are looked for THEN none is (a stamp's size in pixels follows the
    width: its ring's box there would take hundreds of MB)."""
    img = Image.new("L", (12000, 1500), 255)
    ImageDraw.Draw(img).ellipse((5000, 100, 6200, 1300), outline=0, width=20)
    assert without_rings(img, (0, 0, img.width, img.height)) is None



@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_a_wrapped_names_first_line_a_ring_cut_is_read_again_without_the_ring():
    """GIVEN a name wrapped before its degree ("Drs. HERMAN DERU SAPUTRA," / "M.Si."), a black
    stamp's ring across the first line's start, and a page reading of that line that lost
    the title and a letter under the ring, yet reads as words of a name ("ERMAN DERU
    SAPUTRA,")
    WHEN the name's rows are looked at
    THEN the first line is read again, without the ring: "Drs. HERMAN DERU SAPUTRA," (before,
    a line read as words of a name was never read again, and a word on the ring's place was
    the ring's debris even in the look without the ring)."""
    img = page(name="M.Si.", first="Drs. HERMAN DERU SAPUTRA,")
    d, (x, y) = ImageDraw.Draw(img), (1240, 250)
    d.ellipse((x - OUTER, y - OUTER, x + OUTER, y + OUTER), outline=0, width=7)
    d.ellipse((x - INNER, y - INNER, x + INNER, y + INNER), outline=0, width=3)
    words = (line("Kepala Dinas Koperasi,", 60, (1, 1, 1))
             + line("ERMAN DERU SAPUTRA,", 280, (1, 2, 1), 1480.0)
             + line("M.Si.", 360, (1, 3, 1))
             + line("Pembina Tk. I", 440, (1, 4, 1))
             + line("NIP. 198502192012011347", 520, (1, 5, 1)))
    got = _rows(namerow.reread(img, words, run, 30, LANGS))
    at = got.index("Kepala Dinas Koperasi,")
    assert got[at + 1].replace(".", "").startswith("Drs HERMAN DERU SAPUTRA"), got
    assert got[at + 2] == "M.Si.", got
