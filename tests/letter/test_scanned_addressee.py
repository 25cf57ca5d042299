"""The addressee block of a scanned letter, built as a page image and read by OCR.

Offices set the "di" under the addressee in more than one way. Permendagri 1/2023 gives it a
line of its own; some set it half a line lower, between the addressee's last line and the
place, and OCR then reads it into the line above ("di Kota Banjarmasin").
"""
from __future__ import annotations

import io
import shutil

import pytest

from pipeline.letter.parse import parse

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None,
                                reason="tesseract not installed")


def _heading_scan(font: str, di_lower: float, skew: float, place_on_di: bool = False,
                  kepada: bool = False) -> bytes:
    """A 200-dpi scan of a letter's heading: the Nomor block on the left, the addressee on the
    right over two lines, then "di" set DI_LOWER of a line below the addressee's last line and
    the street and place under it (or the place on the "di" line); turned by SKEW degrees.
    With KEPADA, the column opens with "Kepada" a line higher, and the place shares its row
    with the Hal's second line."""
    from PIL import Image, ImageDraw, ImageFont
    page = Image.new("L", (1654, 2339), 250)
    d = ImageDraw.Draw(page)
    f = ImageFont.truetype(font, 27)
    d.text((430, 150), "PEMERINTAH KABUPATEN SINTANG", font=f, fill=15)
    d.text((470, 190), "DINAS PERHUBUNGAN", font=f, fill=15)
    d.line((150, 250, 1500, 250), fill=15, width=4)
    d.text((1000, 300), "Sintang, 4 Maret 2026", font=f, fill=15)
    left = ["Nomor     : 551/118/DISHUB/2026", "Sifat        : Biasa",
            "Lampiran  : -", "Hal          : Konsultasi Pengelolaan",
            "                 Retribusi Terminal"]
    for k, text in enumerate(left):
        d.text((150, 380 + 44 * k), text, font=f, fill=15)
    pitch, top = 40, 420 if kepada else 380
    if kepada:
        d.text((1000, 380), "Kepada", font=f, fill=15)
    d.text((1000, top), "Yth. Inspektur Daerah", font=f, fill=15)
    d.text((1062, top + pitch), "Kabupaten Sintang", font=f, fill=15)
    if place_on_di:
        d.text((1000, top + 2 * pitch), "di Sintang", font=f, fill=15)
    else:
        d.text((1020, int(top + (1 + di_lower) * pitch)), "di", font=f, fill=15)
        d.text((1062, top + 2 * pitch + 20), "Jalan Lintas Melawi Nomor 12", font=f, fill=15)
        d.text((1062, top + 3 * pitch + 20), "Sintang", font=f, fill=15)
    body = ["Sehubungan dengan pengelolaan retribusi terminal di lingkungan Dinas",
            "Perhubungan, kami mohon penjelasan mengenai hal sebagai berikut:",
            "1. Apakah retribusi terminal dapat dipungut melalui aplikasi daring?",
            "Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih."]
    for k, text in enumerate(body):
        d.text((150, 700 + 48 * k), text, font=f, fill=15)
    page = page.rotate(skew, resample=Image.BICUBIC, fillcolor=250)
    buf = io.BytesIO()
    page.save(buf, "PNG", dpi=(200, 200))
    return buf.getvalue()


def _read(png: bytes):
    from pipeline.letter.model import Limits
    from pipeline.letter.ocr import ocr_image
    return parse(ocr_image(png, Limits()), "image")


def _tujuan(png: bytes) -> str | None:
    return _read(png).tujuan


@pytest.mark.parametrize("font, skew", [("DejaVuSerif.ttf", 0.0),
                                        ("LiberationSans-Regular.ttf", 1.2)])
def test_a_di_set_half_a_line_low_leaves_the_addressee_whole(font, skew):
    """GIVEN a scanned heading whose "di" is set half a line below the addressee's second line
    (in two faces, one page turned 1.2°) WHEN it is read THEN the addressee is both its lines,
    and neither "di" nor the street nor the place is part of it."""
    assert _tujuan(_heading_scan(font, 0.55, skew)) == "Inspektur Daerah Kabupaten Sintang"


def test_a_di_on_its_own_line_or_with_the_place_is_read_as_before():
    """GIVEN the "di" on a line of its own, and "di Sintang" on one line WHEN read THEN the
    addressee is the same, without the place."""
    assert _tujuan(_heading_scan("DejaVuSans.ttf", 1.0, 0.0)) == \
        "Inspektur Daerah Kabupaten Sintang"
    assert _tujuan(_heading_scan("DejaVuSans.ttf", 0, 0.0, place_on_di=True)) == \
        "Inspektur Daerah Kabupaten Sintang"


@pytest.mark.parametrize("di_lower", [0.55, 1.0])
def test_the_hals_second_line_beside_the_addressees_place_stays_with_the_hal(di_lower):
    """GIVEN a Kepada column whose place, under the street, shares its row with the Hal's
    second line on the left (the "di" half a line low, or on its own line) WHEN it is read
    THEN the Hal is both its lines and the addressee is whole (found by a review: the Hal had
    lost its second line)."""
    got = _read(_heading_scan("LiberationSerif-Regular.ttf", di_lower, 0.0, kepada=True))
    assert (got.hal, got.tujuan) == ("Konsultasi Pengelolaan Retribusi Terminal",
                                     "Inspektur Daerah Kabupaten Sintang")


def test_the_letters_date_set_beside_the_addressee_is_no_part_of_it():
    """GIVEN an addressee on the left whose second line has the letter's place and date beside
    it, read as a line of its own after it WHEN it is read THEN the addressee is its two lines
    and the date is the letter's (found by a review)."""
    from tests.letter.wild import scan
    lines = scan(("Nomor : 600/214/DPUPR/2026", 0.09), ("Hal : Konsultasi Pembayaran", 0.09), ("", 0),
                 ("Yth. Inspektur Daerah", 0.09), ("Kabupaten Banjar", 0.13),
                 ("Martapura, 12 Februari 2026", 0.6), ("di", 0.1), ("Martapura", 0.13), ("", 0),
                 ("Sehubungan dengan pekerjaan konstruksi, kami mohon penjelasan berikut:", 0.09),
                 ("1. Apakah uang muka dapat dibayar sebelum jaminan diterima?", 0.09))
    got = parse(lines, "scan")
    assert (got.tujuan, got.tanggal) == ("Inspektur Daerah Kabupaten Banjar", "2026-02-12")


def test_a_di_whose_box_ocr_drew_to_the_lines_top_is_told_by_its_foot():
    """GIVEN OCR words where the low "di" shares its line with the addressee's second line and
    the Lampiran row, its box drawn up to that line's top (694-770 beside 697-736) WHEN the
    lines are built THEN "di" is a line of its own after the addressee's second line, and the
    addressee is whole (found by a review)."""
    from pipeline.letter.lines import Word, from_words

    def row(key: int, top: int, *cells: tuple[str, int], bottom: int | None = None) -> list[Word]:
        return [Word(t, x, x + 19 * len(t), top, bottom or top + 39, 0.95, ("1", "1", str(key)))
                for t, x in cells]
    words = (row(1, 560, ("Nomor", 228), (":", 420), ("600/214/DPUPR/2026", 442)) +
             row(2, 605, ("Kepada", 1500)) +
             row(3, 650, ("Yth.", 1500), ("Inspektur", 1590), ("Daerah", 1780)) +
             row(4, 697, ("Lampiran", 228), (":", 420), ("-", 442),
                 ("Kabupaten", 1595), ("Banjar", 1802)) +
             row(4, 694, ("di", 1527), bottom=770) +
             row(5, 742, ("Hal", 228), (":", 420), ("Konsultasi", 442), ("Pembayaran", 650)) +
             row(6, 790, ("Jalan", 1595), ("Pendidikan", 1710), ("Nomor", 1920), ("1", 2040)) +
             row(7, 838, ("Martapura", 1595)) +
             row(8, 960, ("Dengan", 228), ("hormat,", 370)))
    lines = [ln.text for ln in from_words(words, 2480, 1, ocr=True)]
    assert lines.index("di") == lines.index("Kabupaten Banjar") + 1, lines
    assert parse(from_words(words, 2480, 1, ocr=True), "scan").tujuan == \
        "Inspektur Daerah Kabupaten Banjar"
