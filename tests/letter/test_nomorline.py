# SPDX-License-Identifier: AGPL-3.0-or-later
"""A blurred photo's Nomor, read again alone, and its heading rows' colons read as chevrons."""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from pipeline.letter import nomorline
from pipeline.letter.lines import Word
from pipeline.letter.nomor import roman_month
from pipeline.letter.ocr import LANGS, _colons, _run
from pipeline.letter.reader import read_letter_inprocess

# a phone photo of a Nota Dinas, made by the project's mailbox generator (tests/mailbox_gen,
# seed 3): out of focus, lit unevenly, its serif slashes thin
PHOTO = Path(__file__).parents[1] / "fixtures" / "photos" / "nota-dinas-blurred.jpg"
NUMBER = "600.1/407/Rakyat/I/2026"


def test_a_blurred_photos_heading_is_read_whole():
    """GIVEN a blurred phone photo of a Nota Dinas, whose Nomor's slashes the page's reading
    lost ("600. 1407 Rakyav'1/2026") and whose rows' colons it read as ">" WHEN it is read
    THEN the Nomor is read as printed, and the date, sender, addressee and Lampiran are found
    in their rows (before: no date, the Setda for the Bagian under "Dari", and "Dari > Kepala
    Bagian ..." read into the addressee)."""
    r = read_letter_inprocess(PHOTO.read_bytes(), PHOTO.name)
    assert r.nomor == NUMBER
    assert r.tanggal == "2026-01-05"
    assert r.pengirim == "Bagian Kesejahteraan Rakyat Sekretariat Daerah Kabupaten Wonosobo"
    assert r.tujuan == "Inspektur Daerah Kabupaten Wonosobo"
    assert r.lampiran == "2 (dua) lembar"


def _row(number: str) -> Image.Image:
    """A Nomor row as a crisp page strip: what the second look reads."""
    page = Image.new("L", (2480, 200), 255)
    font = ImageFont.truetype("DejaVuSerif.ttf", 42)
    d = ImageDraw.Draw(page)
    d.text((250, 70), "Nomor", font=font, fill=0)
    d.text((540, 70), ":", font=font, fill=0)
    d.text((580, 70), number, font=font, fill=0)
    return page


def _words(*texts: str) -> list[Word]:
    """The page's reading of the row: the label, the colon and TEXTS, as tesseract boxes them."""
    out = [Word("Nomor", 250, 390, 75, 115, 0.9, (1, 1, 1)),
           Word(":", 540, 550, 80, 115, 0.9, (1, 1, 1))]
    x = 580
    for t in texts:
        out.append(Word(t, x, x + 24 * len(t), 75, 118, 0.5, (1, 1, 1)))
        x += 24 * len(t) + 14
    return out


def test_a_spoilt_number_is_read_again_and_a_whole_one_is_left():
    """GIVEN a Nomor row and the page's reading of it WHEN it is looked at again THEN a reading
    with a space and a stray mark inside the number is replaced by the row read alone; one
    with a number's shape is left as it is, and so is one the row read alone does not
    resemble (another line's text in the band is no better reading of this one)."""
    image = _row(NUMBER)
    spoilt = _words("600.", "1407", "Rakyav'1/2026")
    got = nomorline.with_nomor(image, image, spoilt, _run, 30, LANGS)
    # (its Roman month read "1" as parse then sets right: nomor.roman_month)
    assert roman_month(nomorline.number(" ".join(w.text for w in got[2:]))) == NUMBER
    whole = _words("600.1/407/Rakyat/1/2026")
    assert nomorline.with_nomor(image, image, whole, _run, 30, LANGS) == whole
    unlike = _words("B-77", "Kec.", "Sentosa'3/2019")
    assert nomorline.with_nomor(image, image, unlike, _run, 30, LANGS) == unlike


def test_a_rows_colon_read_as_a_chevron_is_a_colon_only_after_a_label():
    """GIVEN words of a photo where a heading row's colon was read ">" or "»", and a body line
    that compares two sums with a ">" WHEN the marks are looked at THEN the ones after a
    label are colons, so the row holds together, and the body's stays."""
    words = [Word("Dari", 250, 330, 600, 640, 0.9, (1, 1, 4)),
             Word(">", 540, 552, 605, 640, 0.4, (1, 1, 4)),
             Word("Kepala", 580, 700, 600, 640, 0.9, (1, 1, 4)),
             Word("Lampiran", 250, 420, 700, 740, 0.9, (1, 1, 5)),
             Word("\u00bb", 540, 552, 705, 740, 0.4, (1, 1, 5)),
             Word("nilai", 250, 330, 900, 940, 0.9, (1, 2, 1)),
             Word(">", 340, 352, 905, 940, 0.9, (1, 2, 1)),
             Word("Rp10.000", 360, 520, 900, 940, 0.9, (1, 2, 1))]
    _colons(words)
    assert [w.text for w in words] == ["Dari", ":", "Kepala", "Lampiran", ":", "nilai", ">",
                                       "Rp10.000"]
