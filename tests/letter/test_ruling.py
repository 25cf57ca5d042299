"""A ruled table's lines taken out of a scanned page before OCR (letter/ruling.py)."""
from __future__ import annotations

import io
import shutil
import subprocess

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.letter.ruling import unruled

WIDTH = 2480  # an A4 page at 300 dpi
QUESTIONS = ["Apakah honorarium narasumber dari instansi vertikal dapat dibayarkan",
             "penuh sesuai standar biaya masukan tahun berjalan?",
             "Bagaimana pertanggungjawaban perjalanan dinas yang dibatalkan",
             "setelah tiket pesawat dibeli oleh pelaksana?"]


def _table(dashed: bool = False) -> Image.Image:
    """A page with a ruled No | Uraian table of two rows, each cell's last line set close
    above the rule under it, as offices set them; DASHED: the rules broken into dashes where a
    scan's toner was thin (gaps of 6 px; the first dash 54 px, shorter than a rule)."""
    img = Image.new("L", (WIDTH, 1400), 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype("DejaVuSerif.ttf", 40)
    left, col, right, rows = 300, 420, 2200, [200, 340, 480]

    def rule(x0, y0, x1, y1):
        if not dashed:
            d.line((x0, y0, x1, y1), fill=0, width=4)
            return
        along = max(x1 - x0, y1 - y0)
        for k in [-90] + list(range(60, along, 150)):
            a, b = max(0, k), min(along, k + 144)
            d.line((x0 + a, y0, x0 + b, y1) if x1 > x0 else (x0, y0 + a, x1, y0 + b),
                   fill=0, width=4)
    for y in rows:
        rule(left, y, right, y)
    for x in (left, col, right):
        rule(x, rows[0], x, rows[-1])
    for k, top in enumerate(rows[:-1]):
        d.text((350, top + 20), str(k + 1), font=font, fill=0)
        d.text((440, top + 20), QUESTIONS[2 * k], font=font, fill=0)
        d.text((440, top + 82), QUESTIONS[2 * k + 1], font=font, fill=0)  # feet 2 px above
    return img


def _ocr(img: Image.Image) -> str:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return subprocess.run(["tesseract", "-", "-", "-l", "ind+eng", "--psm", "6"],
                          input=buf.getvalue(), capture_output=True, check=True).stdout.decode()


def _long_runs(img: Image.Image, length: int) -> int:
    """How many rows and columns of IMG carry an unbroken run of ink LENGTH long."""
    ink = np.asarray(img) < 128
    count = 0
    for a in (ink, ink.T):
        for row in a:
            edges = np.diff(np.concatenate([[0], row.astype(np.int8), [0]]))
            starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
            count += bool(len(starts) and (ends - starts).max() >= length)
    return count


def test_a_tables_rules_go_and_its_text_stays():
    """GIVEN a page with a ruled table WHEN its rules are taken out
    THEN no line of ink as long as a rule is left, and every cell's text is as it was."""
    img = _table()
    out = unruled(img)
    assert _long_runs(img, 150) > 0
    assert _long_runs(out, 150) == 0
    # (the text's ink is all there: only the rules' pixels went)
    text = Image.new("L", img.size, 255)
    d = ImageDraw.Draw(text)
    font = ImageFont.truetype("DejaVuSerif.ttf", 40)
    for k, top in enumerate([200, 340]):
        d.text((440, top + 20), QUESTIONS[2 * k], font=font, fill=0)
        d.text((440, top + 82), QUESTIONS[2 * k + 1], font=font, fill=0)
    letters = np.asarray(text) < 128
    kept = (np.asarray(out) < 128) & letters
    assert kept.sum() >= 0.97 * letters.sum()


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_a_cells_last_line_set_on_its_rule_is_read_whole():
    """GIVEN a ruled table whose cells' last lines nearly touch the rule below them, its rules
    broken into dashes as a scan may leave them WHEN the page is read after its rules go
    THEN each question's last line is read with its last words, and no dash is read as a
    mark between the words."""
    for dashed in (False, True):
        got = _ocr(unruled(_table(dashed)))
        assert "tahun berjalan?" in got, (dashed, got)
        assert "oleh pelaksana?" in got, (dashed, got)
        assert "|" not in got, (dashed, got)


def test_a_scanned_page_is_made_ready_without_its_tables_rules():
    """GIVEN a scanned page (grey) with a ruled table WHEN it is made ready for OCR
    THEN its bitmap has no rule left."""
    from pipeline.letter.scanprep import prepare_page
    page = _table().point(lambda v: 40 if v < 128 else 235)
    assert _long_runs(prepare_page(page)[0], 150) == 0


def test_a_rule_alone_is_left_as_it_is():
    """GIVEN a page whose only long lines are the kop's double rule and an underline under a
    name (no table) WHEN the page is made ready THEN it is returned as it was: such lines
    shape the page's reading, and a table's rules only are taken out."""
    img = Image.new("L", (WIDTH, 1200), 255)
    d = ImageDraw.Draw(img)
    d.line((200, 300, 2280, 300), fill=0, width=8)
    d.line((200, 312, 2280, 312), fill=0, width=3)
    d.text((1300, 800), "Drs. EKO PRASETYO, M.Si.",
           font=ImageFont.truetype("DejaVuSans-Bold.ttf", 46), fill=0)
    d.line((1300, 860, 1950, 860), fill=0, width=4)
    assert unruled(img) is img


def test_a_letters_stem_crossing_a_rule_stays_whole():
    """GIVEN a table rule crossed by a letter's stem (a descender through the rule under it),
    and a cell's "l" set close beside a column rule WHEN the rules go THEN the stem is unbroken
    where it crossed, and the "l" stays."""
    img = _table()
    d = ImageDraw.Draw(img)
    d.rectangle((1000, 310, 1010, 372), fill=0)  # a stem 11 px wide through the rule at 340
    d.rectangle((428, 360, 431, 400), fill=0)  # an "l" 4 px wide, 6 px right of a column rule
    out = np.asarray(unruled(img)) < 128
    assert out[310:372, 1005].all()
    assert not out[340, 1100:1200].any()
    assert out[360:400, 429].all() and not out[360:400, 420].any()


def test_a_photographed_table_keeps_its_rules():
    """GIVEN a phone photo of a ruled table (soft: its print grey, not black) WHEN it is made
    ready for OCR THEN its rules stay: a photo's rules bend with the paper and the lens, and
    taken out they would break into pieces read as marks."""
    from PIL import ImageFilter
    from pipeline.letter.scanprep import prepare_page, soft
    photo = _table().point(lambda v: 70 if v < 128 else 225).filter(ImageFilter.GaussianBlur(2.5))
    assert soft(photo)
    assert _long_runs(prepare_page(photo)[0], 150) > 0


def test_a_frame_round_the_page_is_no_table():
    """GIVEN a page with a printed frame round it (two column rules and two row rules, nothing
    between) and the kop's rule inside it WHEN the page is made ready THEN nothing goes: a
    table has a rule between its columns or rows too."""
    img = Image.new("L", (WIDTH, 1400), 255)
    d = ImageDraw.Draw(img)
    d.rectangle((60, 60, WIDTH - 60, 1340), outline=0, width=4)
    d.line((200, 300, 2280, 300), fill=0, width=4)
    assert unruled(img) is img


def test_a_table_turned_as_little_as_the_deskew_leaves_loses_its_rules():
    """GIVEN a ruled table turned 0.1 degrees (the least skew the deskew undoes) WHEN its rules
    go THEN no line of ink as long as a rule is left; one turned so far that no row of pixels
    holds most of a rule keeps them (read as before: taken apart, a table measured lost its
    numbers' cells)."""
    assert _long_runs(unruled(_table().rotate(0.1, resample=Image.NEAREST, fillcolor=255)),
                      150) == 0
    tilted = _table().rotate(0.4, resample=Image.NEAREST, fillcolor=255)
    assert unruled(tilted) is tilted


def test_a_bold_tables_thick_rules_go_whole():
    """GIVEN a table printed with bold rules (12 px at 300 dpi, 1 mm: thicker than a pen line),
    as some offices' templates set them, a layout no generator here makes
    WHEN its rules go THEN no piece of them is left to be read as a mark, and each cell's
    last line is read whole."""
    img = _table()
    d = ImageDraw.Draw(img)
    for y in (200, 340, 480):
        d.line((300, y, 2200, y), fill=0, width=12)
    for x in (300, 420, 2200):
        d.line((x, 200, x, 480), fill=0, width=12)
    assert _long_runs(unruled(img), 150) == 0
    got = _ocr(unruled(img))
    assert "tahun berjalan?" in got and "oleh pelaksana?" in got, got
