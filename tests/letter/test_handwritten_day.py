"""A letter dated with the day left blank and written in by hand at signing (letter/handday.py).

The pages are built here as colour scans: the typed "Sintang,      Maret 2026", and the day
written in a pen's blue, larger than print, slanted, over the blank.
"""
from __future__ import annotations

import io
import shutil

import pytest

from pipeline.letter.parse import parse

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None,
                                reason="tesseract not installed")


def _page(day: str | None, where: str, pen=(35, 55, 160), dpi: int = 200) -> bytes:
    """A colour scan of a short letter whose date has its day blank, the day written in by hand
    (DAY in the pen's colour, None for a blank left blank); WHERE: "top" (beside the Nomor
    row) or "foot" (above the post)."""
    from PIL import Image, ImageDraw, ImageFont
    scale = dpi / 200
    page = Image.new("RGB", (int(1654 * scale), int(2339 * scale)), (248, 247, 244))
    d = ImageDraw.Draw(page)
    f = ImageFont.truetype("DejaVuSerif.ttf", int(27 * scale))

    def text(x: int, y: int, s: str) -> None:
        d.text((x * scale, y * scale), s, font=f, fill=(20, 20, 20))
    text(470, 150, "PEMERINTAH KABUPATEN SINTANG")
    text(560, 190, "DINAS PERHUBUNGAN")
    d.line((150 * scale, 250 * scale, 1500 * scale, 250 * scale), fill=(20, 20, 20),
           width=int(4 * scale))
    dated = (1000, 300) if where == "top" else (950, 1050)
    text(*dated, "Sintang,")
    text(dated[0] + 240, dated[1], "Maret 2026")
    for k, s in enumerate(["Nomor     : 551/118/DISHUB/2026", "Sifat        : Biasa",
                           "Lampiran  : -", "Hal          : Konsultasi Retribusi Terminal"]):
        text(150, 380 + 44 * k, s)
    text(1000, 380, "Yth. Inspektur Daerah")
    text(1062, 420, "Kabupaten Sintang")
    text(1000, 460, "di Sintang")
    for k, s in enumerate(["Sehubungan dengan pengelolaan retribusi terminal, kami mohon",
                           "penjelasan mengenai hal sebagai berikut:",
                           "1. Apakah retribusi terminal dapat dipungut secara daring?",
                           "Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih."]):
        text(150, 640 + 48 * k, s)
    for k, s in enumerate(["KEPALA DINAS PERHUBUNGAN", "KABUPATEN SINTANG,"]):
        text(950, 1100 + 40 * k, s)
    text(950, 1330, "Drs. YOHANES MANURUNG, M.Si.")
    text(950, 1370, "NIP. 19700512 199503 1 004")
    if day:  # the signer's hand: larger than print, slanted, in the pen's colour
        hand = Image.new("L", (int(90 * scale), int(70 * scale)), 0)
        ImageDraw.Draw(hand).text((4, 0), day, font=ImageFont.truetype(
            "LiberationSerif-Italic.ttf", int(44 * scale)), fill=255)
        hand = hand.rotate(8, resample=Image.BICUBIC, expand=True)
        at = (int((dated[0] + 135) * scale), int((dated[1] - 18) * scale))
        page.paste(Image.new("RGB", hand.size, pen), at, hand)
    buf = io.BytesIO()
    page.save(buf, "JPEG", quality=80, dpi=(dpi, dpi))
    return buf.getvalue()


def _read(jpg: bytes):
    from pipeline.letter.model import Limits
    from pipeline.letter.ocr import ocr_image
    return parse(ocr_image(jpg, Limits()), "image")


@pytest.mark.parametrize("day, where, pen", [("17", "top", (35, 55, 160)),
                                             ("6", "foot", (35, 55, 160)),
                                             ("23", "foot", (25, 25, 30))])
def test_a_day_written_in_by_hand_dates_the_letter(day, where, pen):
    """GIVEN a colour scan whose date was typed with the day blank and the day written in by
    hand (in blue beside the Nomor row or above the post; in black) WHEN it is read THEN the
    letter is dated that day, the Nomor is only the number, and the post is only the post."""
    got = _read(_page(day, where, pen))
    assert got.tanggal == f"2026-03-{int(day):02d}", got.tanggal
    assert got.nomor == "551/118/DISHUB/2026"
    assert got.penandatangan["jabatan"] == "KEPALA DINAS PERHUBUNGAN KABUPATEN SINTANG"


def test_a_day_left_blank_is_not_made_up():
    """GIVEN the same letter with the day's blank left blank WHEN it is read THEN it has no
    date (a date is official record: none is guessed), and the Nomor is the number."""
    got = _read(_page(None, "top"))
    assert got.tanggal is None
    assert got.nomor == "551/118/DISHUB/2026"


def test_a_hand_written_number_that_is_no_day_is_not_taken():
    """GIVEN the day's blank filled in by hand with a number no month has (someone wrote the
    agenda's "45" there), in blue beside the Nomor row WHEN it is read THEN the letter has no
    date rather than a made-up one."""
    got = _read(_page("45", "top"))
    assert got.tanggal is None, got.tanggal
    assert got.nomor == "551/118/DISHUB/2026"
