"""The sheet of a phone photo, apart from the desk it lies on (letter/paper.py)."""
from __future__ import annotations

import random
import shutil

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipeline.letter.paper import without_desk

LINES = ["PEMERINTAH KABUPATEN GOWA", "DINAS PARIWISATA", "Nomor : 500.13/251/IV/2026",
         "Hal : Permohonan Konsultasi", "Yth. Inspektur Kabupaten Gowa",
         "Demikian disampaikan, atas perhatian diucapkan terima kasih.",
         "Kepala Dinas Pariwisata,", "SYAHRUL MAHENDRA, S.Ak.", "NIP. 197004122001121012",
         "Tembusan Yth.:", "1. Bupati Gowa sebagai laporan;"]


def sheet(width: int = 1240, height: int = 1754) -> Image.Image:
    """An A4 letter at 150 dpi, white to its edges, as a flatbed scan gives it."""
    img = Image.new("RGB", (width, height), (250, 248, 240))
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype("DejaVuSans.ttf", 24)
    for k, text in enumerate(LINES):
        d.text((120, 120 + 120 * k), text, font=font, fill=(20, 20, 20))
    return img


def desk(size: tuple[int, int], colour: tuple[int, int, int], seed: int) -> Image.Image:
    """A desk's surface: a colour with grain, as wood or cloth shows in a photo."""
    rnd = random.Random(seed)
    img = Image.new("RGB", size, colour)
    d = ImageDraw.Draw(img)
    for _ in range(400):
        y = rnd.randrange(size[1])
        shade = tuple(max(0, min(255, c + rnd.randint(-30, 30))) for c in colour)
        d.line((0, y, size[0], y + rnd.randint(-40, 40)), fill=shade, width=rnd.randint(1, 4))
    return img.filter(ImageFilter.GaussianBlur(1))


def photo(colour=(92, 70, 58), angle: float = 2.0, seed: int = 1) -> tuple[Image.Image, tuple]:
    """The sheet photographed on a desk, turned by ANGLE, and where the sheet stands."""
    page = sheet().rotate(angle, expand=True, fillcolor=(0, 0, 0))
    mask = Image.new("L", sheet().size, 255).rotate(angle, expand=True, fillcolor=0)
    out = desk((page.width + 160, page.height + 200), colour, seed)
    out.paste(page, (80, 100), mask)
    return out, (80, 100, 80 + page.width, 100 + page.height)


def dark_share(img: Image.Image, box: tuple) -> float:
    cut = img.convert("L").crop(box)
    return sum(cut.histogram()[:180]) / (cut.width * cut.height)


@pytest.mark.parametrize("colour", [(92, 70, 58), (60, 60, 64), (120, 95, 60), (30, 40, 90)])
def test_the_desk_around_a_photographed_sheet_is_painted_white_and_the_sheet_kept(colour):
    """GIVEN a letter photographed on a desk (brown wood, a grey mat, light wood, blue cloth),
    turned 2 degrees WHEN the desk is taken out THEN the strips of desk beside the sheet are
    white, and the sheet's print is as it was."""
    img, (x0, y0, x1, y1) = photo(colour)
    out = without_desk(img)
    for strip in ((0, 0, img.width, y0 - 4), (0, y1 + 4, img.width, img.height),
                  (0, 0, x0 - 4, img.height), (x1 + 4, 0, img.width, img.height)):
        assert dark_share(out, strip) < 0.01, (colour, strip)
    inner = (x0 + 100, y0 + 100, x1 - 100, y1 - 100)  # (the sheet turned: its corners)
    assert out.crop(inner).tobytes() == img.crop(inner).tobytes()


def test_a_flatbed_scan_and_a_sheet_with_a_dark_band_at_one_edge_are_left_as_they_are():
    """GIVEN a flatbed scan (paper to its edges), and a sheet whose kop is a dark band printed
    to the top edge WHEN the desk is looked for THEN neither is changed: a band touches one
    side, a desk surrounds the sheet."""
    scan = sheet()
    assert without_desk(scan) is scan
    banded = sheet()
    ImageDraw.Draw(banded).rectangle((0, 0, banded.width, 90), fill=(40, 40, 40))
    assert without_desk(banded) is banded
    grey = sheet().convert("L")
    assert without_desk(grey) is grey


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_a_photo_on_a_desk_reads_no_words_off_the_desk():
    """GIVEN a letter photographed on a grained desk WHEN the page is read by OCR THEN every
    line read stands on the sheet, and the signer's lines are read as printed (before, the
    grain was read as words at the page's edges: "RECS Eocene", "Ra")."""
    from pipeline.letter.ocr import ocr_pil
    img, (x0, y0, x1, y1) = photo(seed=3)
    lines = [ln for ln in ocr_pil(img, 1, 60) if ln.text.strip()]
    left, right = x0 / img.width, x1 / img.width
    assert all(left - 0.02 <= ln.x0 and ln.x1 <= right + 0.02 for ln in lines), \
        [(ln.text, ln.x0, ln.x1) for ln in lines if ln.x0 < left - 0.02 or ln.x1 > right + 0.02]
    texts = [ln.text for ln in lines]
    assert "SYAHRUL MAHENDRA, S.Ak." in texts and "NIP. 197004122001121012" in texts
