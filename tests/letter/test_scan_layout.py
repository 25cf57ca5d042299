"""A scanned heading whose Nomor wraps in a narrow table cell beside the date column.

Tesseract returns the words of both cells on one row, with only a word's gap between them,
and reads the "/" before a wrapped year as "1". The words below are placed as it returns them
for such a page (x in pixels of a 1000 px wide page, one row per tesseract line id).
"""
from __future__ import annotations

import pytest

from pipeline.letter import ocr
from pipeline.letter.lines import Word, from_words
from pipeline.letter.parse import parse

H = 20  # text height in pixels


def _page(rows: list[list[tuple[str, int]]]) -> list[Word]:
    words = []
    for k, row in enumerate(rows):
        top = 100 + k * 30 + (40 if k > 8 else 0)
        for text, x in row:
            conf = 0.4 if text == "12026" else 0.9  # tesseract is unsure of a wrapped year
            words.append(Word(text, x, x + 11 * len(text), top, top + H, conf, (1, 1, k)))
    return words


def _letter(nomor_rows: list[list[tuple[str, int]]]) -> list[list[tuple[str, int]]]:
    return [[("PEMERINTAH", 250), ("KABUPATEN", 380), ("WONOSOBO", 500)],
            [("DINAS", 300), ("PENANAMAN", 370), ("MODAL", 490)],
            [("Jalan", 260), ("Diponegoro", 320), ("Nomor", 440), ("72", 510), ("Wonosobo", 540)],
            *nomor_rows,
            [("Sifat", 120), (":", 250), ("Segera", 500)],
            [("Lampiran", 120), (":", 250), ("-", 500)],
            [("Hal", 120), (":", 250), ("Permohonan", 500), ("Konsultasi", 620)],
            [("Yth.", 120), ("Inspektur", 170), ("Daerah", 280), ("Kabupaten", 360),
             ("Wonosobo", 470)],
            [("Demikian", 120), ("kami", 220), ("sampaikan.", 280)],
            [("Kepala", 600), ("Dinas", 680)],
            [("SUTRISNO,", 600), ("S.E.", 720)],
            [("NIP.", 600), ("198611202005111004", 650)]]


@pytest.mark.parametrize("nomor_rows, nomor, tanggal", [
    # the sequence and the unit in the cell, its year cut after "202"; "Wonosobo, 9" /
    # "Pebruari 2025" wraps in the date column beside it, on the same rows
    ([[("Nomor", 120), (":", 250), ("700/", 500), ("201", 560), ("Wonosobo,", 692), ("9", 800)],
      [("/DPMPTSP/II/202", 500), ("Pebruari", 692), ("2025", 790)],
      [("5", 502)]], "700/201/DPMPTSP/II/2025", "2025-02-09"),
    # the date first, then the number whose "/2026" went below, its slash read as "1"
    ([[("Wonosobo,", 641), ("9", 750), ("April", 780), ("2026", 850)],
      [("Nomor", 120), (":", 250), ("000.9/", 500), ("130", 570)],
      [("12026", 501)]], "000.9/130/2026", "2026-04-09"),
    # "Nomor 1" (the colon read as 1); the date column's line comes between the two parts
    ([[("Nomor", 120), ("1", 222), ("100.3.1/279/", 246)],
      [("Magelang,", 571), ("19", 680), ("Januari", 710), ("2026", 800)],
      [("Bappelitbangda/2026", 247)]], "100.3.1/279/Bappelitbangda/2026", "2026-01-19"),
])
def test_number_wrapped_beside_the_date_is_whole(nomor_rows, nomor, tanggal):
    """GIVEN a scanned letter whose number wraps in a narrow cell beside the date column
    WHEN its OCR words are read
    THEN the number comes out whole and the date is the letter's date."""
    lines = from_words(_page(_letter(nomor_rows)), 1000, 1, ocr=True)
    r = parse(lines, "scan")
    assert (r.nomor, r.tanggal) == (nomor, tanggal)
    assert r.hal == "Permohonan Konsultasi"


def test_a_justified_body_line_is_not_split_into_columns():
    """GIVEN two body lines with wide justified spaces under a heading row with a column
    WHEN read
    THEN each body line stays one line (only a word on a column edge after a gap splits)."""
    rows = [[("Nomor", 120), (":", 250), ("700/201/2025", 500), ("Wonosobo,", 692), ("9", 800)],
            [("bahwa", 120), ("pelaksanaan", 200), ("kegiatan", 346), ("pembinaan", 459),
             ("kelompok", 583), ("fasilitasi", 692)]]  # a justified space lands it on 692
    lines = from_words(_page(rows), 1000, 1, ocr=True)
    assert lines[-1].text == "bahwa pelaksanaan kegiatan pembinaan kelompok fasilitasi"


def test_stamp_remnants_and_a_misread_colon_are_not_read_as_values():
    """GIVEN a scanned letter whose Lampiran "-" came out "1 -" (its colon read as 1) and whose
    signer's name carries the stamp's lettering before the title ("KA H. SUPRIYADI")
    WHEN its OCR words are read
    THEN there is no enclosure and the name starts at its title."""
    rows = _letter([[("Nomor", 120), (":", 250), ("700/201/DPMPTSP/II/2025", 500)]])
    rows[5] = [("Lampiran", 120), ("1", 250), ("-", 266)]
    rows[-2] = [("KA", 560), ("H.", 600), ("SUPRIYADI,", 640), ("S.Sos.", 780)]
    words = _page(rows)
    for w in words:  # the room to sign between the post and the name
        if w.key[2] >= len(rows) - 2:
            w.top, w.bottom = w.top + 90, w.bottom + 90
    lines = from_words(words, 1000, 1, ocr=True)
    r = parse(lines, "scan")
    assert r.lampiran is None
    assert r.penandatangan["nama"] == "H. SUPRIYADI, S.Sos."


def test_a_word_read_twice_on_a_curved_photo_line_is_read_once():
    """GIVEN a phone photo's wrapped Hal whose last line tesseract fitted two lines through,
    reading a piece of "(BOSP)" again as "B" on a line of its own, and a signer's name whose
    signature stroke stretched a word's box over the rank below it
    WHEN its OCR words are read
    THEN the Hal is read once, and the rank, other letters under that box, stays."""
    rows = _letter([[("Nomor", 120), (":", 250), ("700/201/DPMPTSP/II/2025", 500)]])
    rows[6:7] = [[("Hal", 120), (":", 250), ("Pengelolaan", 500), ("Dana", 630)],
                 [("Bantuan", 500), ("Operasional", 590)],
                 [("B", 512)], [("(BOSP)", 500)]]
    words = _page(rows)
    twice = next(w for w in words if w.text == "B")
    bosp = next(w for w in words if w.text == "(BOSP)")
    twice.top, twice.bottom, bosp.top = bosp.top + 2, bosp.bottom - 2, twice.top - 28
    stroke = next(w for w in words if w.text == "SUTRISNO,")
    stroke.bottom += 60  # (over the NIP's row: other letters)
    r = parse(from_words(ocr._read_once(words), 1000, 1, ocr=True), "scan")
    assert r.hal == "Pengelolaan Dana Bantuan Operasional (BOSP)"
    assert r.penandatangan["nip"] == "198611202005111004"
    kept = ocr._read_once(words)
    assert twice not in kept and len(kept) == len(words) - 1
