"""Underlines and pen strokes through the signer's name, taken out before it is read again
(letter/strokes.py)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from pipeline.letter import namerow
from pipeline.letter.lines import Word
from pipeline.letter.scanname import scanned_name
from pipeline.letter.strokes import letters_only, unstruck
from tests.letter.test_nameline import run

BANDS = Path(__file__).resolve().parents[1] / "fixtures" / "bands"

HEIGHT = 35  # the name's line height at ~300 dpi (a 12-point capital)


def name(font: str, text: str) -> Image.Image:
    img = Image.new("L", (1500, 120), 255)
    ImageDraw.Draw(img).text((40, 30), text, font=ImageFont.truetype(font, 46), fill=0)
    return img


def ink(img: Image.Image) -> int:
    return img.point(lambda v: 255 if v < 128 else 0).histogram()[255]


def test_an_underline_and_a_sloping_tail_go_and_the_letters_stay():
    """GIVEN a bold name, underlined, with a signature's tail sloping through its letters
    WHEN the lines are taken out THEN the underline and the tail between the letters are gone,
    and at least 97 % of the letters' ink is still there."""
    letters = name("DejaVuSans-Bold.ttf", "Drs. EKO PRASETYO, M.Si.")
    lined = letters.copy()
    d = ImageDraw.Draw(lined)
    d.line((40, 92, 760, 92), fill=0, width=3)  # the underline, just under the feet
    d.line((300, 85, 1200, 40), fill=0, width=3)  # the tail, sloping up some 3 degrees
    clean, gone = unstruck(lined, HEIGHT)
    assert gone > 1000
    kept = ImageChops.lighter(clean, letters)  # ink where both have it: the letters kept
    assert ink(kept) >= 0.97 * ink(letters)
    assert ink(clean) <= ink(letters) * 1.03  # the lines' ink is gone, bar where they cross a stem
    assert ink(clean.crop((40, 90, 760, 95))) < 0.05 * 720 * 5  # the underline, below the feet
    assert ink(clean.crop((1000, 35, 1300, 70))) < 20  # the tail past the name (of ~900)


def test_letters_alone_lose_nothing():
    """GIVEN names with long horizontal bars (T, E, Z in bold and serif faces), no line
    WHEN they are looked at THEN nothing is taken out."""
    for font in ("DejaVuSans-Bold.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSans.ttf"):
        img = name(font, "TEGUH ZEZE TATANG EEET, S.T., M.T. \u2014 = _")
        assert unstruck(img, HEIGHT)[1] == 0, font


def test_touching_letters_bars_lose_nothing_in_serif_or_blurred_print():
    """GIVEN names whose letters touch (TT, FF, a serif face's feet), in bold and serif faces,
    sharp or blurred as a phone photo makes them, no line WHEN they are looked at
    THEN nothing is taken out (a row of touching bars runs as long as a stroke, but lies level:
    taking it out read "LATTE" as "LAI'IE")."""
    from PIL import ImageFilter
    for font in ("LiberationSerif-Bold.ttf", "LiberationSerif-Regular.ttf", "DejaVuSerif-Bold.ttf",
                 "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        try:
            ImageFont.truetype(font, 46)
        except OSError:
            continue  # (LibreOffice brings the Liberation faces)
        for text in ("EFFENDY LATTE, S.Sos.", "MARTHEN WATTIMENA", "Ir. MATTALATTA, M.T."):
            for blur in (0, 1.0, 1.5):
                img = name(font, text)
                if blur:
                    img = img.filter(ImageFilter.GaussianBlur(blur)).point(
                        lambda v: 0 if v < 185 else 255)
                assert unstruck(img, HEIGHT)[1] == 0, (font, text, blur)


def test_a_blank_or_one_row_band_is_left_as_it_is():
    blank = Image.new("L", (300, 40), 255)
    assert unstruck(blank, HEIGHT) == (blank, 0)
    row = Image.new("L", (300, 1), 0)
    assert unstruck(row, HEIGHT) == (row, 0)


def test_a_double_underline_in_a_serif_face_goes_and_the_letters_stay():
    """GIVEN a case no generator here makes: a name in a bold serif face with a double
    underline (two thin rules, as some offices' templates set the signer's name)
    WHEN the lines are taken out THEN both rules are gone and the letters keep their ink."""
    letters = name("DejaVuSerif-Bold.ttf", "Dr. H. ZAINAL ABIDIN, S.E., M.Si.")
    lined = letters.copy()
    d = ImageDraw.Draw(lined)
    d.line((40, 90, 900, 90), fill=0, width=2)
    d.line((40, 95, 900, 95), fill=0, width=2)
    clean, gone = unstruck(lined, HEIGHT)
    assert ink(clean.crop((40, 88, 900, 98))) < 0.05 * 860 * 10
    assert ink(ImageChops.lighter(clean, letters)) >= 0.97 * ink(letters)


def looped(font: str, text: str) -> tuple[Image.Image, Image.Image]:
    """A name at ~300 dpi under a signature's loops: the band as a name's row is cut from the
    page (the page's reading boxed the loops into the name's words, so it reaches up to them),
    and the name's letters alone."""
    letters = Image.new("L", (1500, 150), 255)
    ImageDraw.Draw(letters).text((40, 60), text, font=ImageFont.truetype(font, 46), fill=0)
    band = letters.copy()
    d = ImageDraw.Draw(band)
    for k in range(12):  # their feet a few pixels above the capitals' tops (at ~69)
        d.arc((400 + 45 * k, 5, 450 + 45 * k, 62), 0, 360, fill=0, width=3)
    return band, letters


def test_a_band_is_cut_to_its_letters_rows_under_a_signatures_loops():
    """GIVEN names in capitals and in small letters, in sans and serif faces, with the loops of
    a signature over them WHEN the band is cut to its letters' rows THEN every letter keeps
    all its ink, capitals' tops and descenders too, and the loops lose most of theirs."""
    for font in ("DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSans.ttf"):
        for text in ("Nur Suryadi, S.Pd., M.H.", "Drs. EKO PRASETYO, M.Si.", "Hj. Yoga Pg"):
            band, letters = looped(font, text)
            rows = letters_only(band, HEIGHT)
            assert rows is not None, (font, text)
            cut = (0, rows[0], band.width, rows[1])
            assert ink(letters.crop(cut)) == ink(letters), (font, text)
            loops = ink(band) - ink(letters)
            assert ink(band.crop(cut)) - ink(letters.crop(cut)) < 0.3 * loops, (font, text)


def test_a_band_with_nothing_above_or_below_its_letters_is_not_cut():
    for font in ("DejaVuSans-Bold.ttf", "DejaVuSerif.ttf"):
        assert letters_only(looped(font, "Hj. SITI Yogyakarta, S.E.")[1], HEIGHT) is None
    assert letters_only(Image.new("L", (300, 40), 255), HEIGHT) is None


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_degrees_under_a_signatures_loops_are_read_from_the_band_cut_to_its_letters():
    """GIVEN a generated letter's scanned signature block (its stamp's colour taken out, as the
    page's cleaning leaves it) whose signature loops down onto the degrees, with the page's
    words as tesseract read the page: the loops boxed into the name's words, the degrees read
    "SPAM." WHEN the name's row is read again THEN the name is "Nur Suryadi, S.Pd., M.H." (read
    with the loops, the band gave "SPARS", "SPAMR," and "SPAMH", and the name kept "SPARS")."""
    block = Image.open(BANDS / "looped-degrees.png").convert("L")
    words = [Word(t, x0, x1, top, bottom, conf, tuple(key)) for t, x0, x1, top, bottom, conf, key
             in json.loads((BANDS / "looped-degrees.json").read_text())]
    rows, _ = namerow.signer_rows(namerow.reread(block, words, run, 30, "ind+eng"))
    name = " ".join(w.text for w in sorted(rows[-1], key=lambda w: w.x0))
    assert scanned_name(name) == "Nur Suryadi, S.Pd., M.H."
