"""A name too long for its line, whose last degrees go on a short line under it ("H. RONAL
HULALATA, S.E., M.M.," / "Ak."): the scan's reading of that line is kept, or read again where
the page lost it, and the name is whole (bodyclean, signature, namerow, degrees)."""
from __future__ import annotations

import shutil

import pytest

from pipeline.letter import namerow
from pipeline.letter.bodyclean import clean
from pipeline.letter.degrees import dotted, only_degrees
from pipeline.letter.lines import Line
from pipeline.letter.scanname import scanned_name
from pipeline.letter.signature import signature
from tests.letter.test_namerow import LANGS, _rows, line, page
from tests.letter.test_nameline import run


def _signer(*name_lines: tuple[str, float]) -> str | None:
    """The name read from a scanned block whose name stands on NAME_LINES (text, confidence),
    the lines cleaned as the parser cleans them."""
    lines = [Line("Demikian disampaikan.", 1, 0.1, ocr=True, conf=0.9), Line("", ocr=True),
             Line("Kepala UPTD Balai Latihan Kerja,", 1, 0.55, ocr=True, conf=0.9),
             Line("", ocr=True)]
    lines += [Line(t, 1, 0.53 + 0.02 * k, ocr=True, conf=c) for k, (t, c) in enumerate(name_lines)]
    lines.append(Line("NIP. 197003161995031005", 1, 0.55, ocr=True, conf=0.9))
    sig = signature(clean(lines), 1)[0]
    return scanned_name(sig["nama"]) if sig and sig["nama"] else None


def test_a_short_line_of_degrees_under_a_name_ending_with_a_comma_is_part_of_the_name():
    """GIVEN scanned names wrapped before their last degrees, the short second line read
    unsure and with its dot lost ("Ak"), without dots ("IPU", "CA") or beside a stamp's mark
    WHEN the signature is read
    THEN the name has all its degrees, each as written ("Ak." with its dot)."""
    first = ("H. RONAL HULALATA, S.E., M.M.,", 0.9)
    assert _signer(first, ("Ak", 0.3)) == "H. RONAL HULALATA, S.E., M.M., Ak."
    assert _signer(first, ("\u00bb Ak.", 0.2)) == "H. RONAL HULALATA, S.E., M.M., Ak."
    assert _signer(("Prof. Dr. Ir. H. Danang Setiawan, M.Si.,", 0.9), ("IPU", 0.3)) == \
        "Prof. Dr. Ir. H. Danang Setiawan, M.Si., IPU"


def test_a_short_line_that_is_no_degree_is_not_taken_into_the_name():
    """GIVEN a name ending with a comma over a short unsure line that is no listed degree
    (a stamp's lettering "KA pH", "Ny") WHEN the signature is read THEN the name is the
    line above alone."""
    for debris in ("KA pH", "Ny", "9)"):
        assert _signer(("H. RONAL HULALATA, S.E., M.M.,", 0.9), (debris, 0.3)) == \
            "H. RONAL HULALATA, S.E., M.M.", debris


def test_a_name_whose_comma_the_scan_lost_before_its_degrees_line_gets_it_back():
    """GIVEN a long name in three pieces as a scan read it: a title cut off by the stamp,
    the name without its closing comma, and its degrees' line with S.E.'s first dot read as a
    "t" and a professional title without dots ("StE., M.Ak., CA")
    WHEN the signature is read
    THEN the name is written as PUEBI writes it: a comma before the degrees, S.E. dotted."""
    got = _signer(("Dr.", 0.9), ("HERMANSYAH GELAR SUTAN RAJA", 0.9), ("StE., M.Ak., CA", 0.8))
    assert got == "Dr. HERMANSYAH GELAR SUTAN RAJA, S.E., M.Ak., CA"


def test_listed_degrees_however_their_dots_were_read():
    """GIVEN degrees and words WHEN asked whether they are degrees alone, or set with a dot
    for a letter a stroke made of one THEN listed degrees are, with or without their closing
    dot; words, names and unlisted shapes are not; only an unambiguous dot is restored."""
    for text in ("Ak.", "Ak", "IPU", "CA", "M.Kes.", "S.E., M.Ak., CA", "\u00bb Ak.", "MPH"):
        assert only_degrees(text), text
    for text in ("", "KA", "Ny", "ANI", "SUTAN", "S.Kem.", "9)", "Pembina"):
        assert not only_degrees(text), text
    assert dotted("StE.,") == "S.E.,"
    assert dotted("MtM.") == "M.M."
    assert dotted("S.E.") == "S.E."
    assert dotted("McD.") == "McD."
    assert dotted("Ak,") == "Ak.,"
    assert dotted("CA") == "CA"
    assert dotted("Sp.OG") == "Sp.OG"


def _under(second: str) -> list[str]:
    """The block's rows once read again, where the page's reading has a name ending with a
    comma and lost the line under it, which holds SECOND."""
    img = page(name=second, first="Hj. SRI WAHYUNI DUNGGIO, S.Kep.,")
    words = (line("Kepala Dinas Koperasi,", 60, (1, 1, 1))
             + line("Hj. SRI WAHYUNI DUNGGIO, S.Kep.,", 280, (1, 2, 1))
             + line("Pembina Tk. I", 440, (1, 3, 1))
             + line("NIP. 198502192012011347", 520, (1, 4, 1)))
    got = _rows(namerow.reread(img, words, run, 30, LANGS))
    return got[got.index("Hj. SRI WAHYUNI DUNGGIO, S.Kep.,") + 1:]


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_a_degrees_line_the_page_lost_under_a_name_ending_with_a_comma_is_read_again():
    """GIVEN a name wrapped before its last degree ("..., S.Kep.," / "M.Kes."), whose second
    line the page's reading lost (set tight above the rank)
    WHEN the name's rows are looked at
    THEN the degree is read where the line stands, between the name and the rank."""
    assert _under("M.Kes.")[:2] == ["M.Kes.", "Pembina Tk. I"]


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_words_under_a_name_ending_with_a_comma_that_are_no_degrees_are_not_read_in():
    """GIVEN a name ending with a comma over a line of the stamp's lettering, which no
    degree is WHEN the name's rows are looked at THEN no row is added between the name and
    the rank."""
    assert _under("DISPARBUD")[0] == "Pembina Tk. I"


def test_a_name_of_short_words_in_capitals_is_no_line_of_degrees():
    """GIVEN a scanned name of short words in capitals under the post ("Dr. NI LUH, S.STP.,
    M.Pd."), and a name whose first line ends with a degree read with a doubled dot
    ("…, S.Pd.." / "M.Pd.") WHEN the signature is read THEN the post stays out of the name,
    and the degrees are written with one dot and a comma each."""
    lines = [Line("Demikian disampaikan.", 1, 0.1, ocr=True, conf=0.9), Line("", ocr=True),
             Line("Kepala Dinas Pendidikan,", 1, 0.58, ocr=True, conf=0.9),
             Line("Dr. NI LUH, S.STP., M.Pd.", 1, 0.58, ocr=True, conf=0.9),
             Line("NIP. 197607052001122004", 1, 0.58, ocr=True, conf=0.9)]
    sig = signature(clean(lines), 1)[0]
    assert (sig["nama"], sig["jabatan"]) == ("Dr. NI LUH, S.STP., M.Pd.", "Kepala Dinas Pendidikan")
    assert _signer(("Ir. ANDI NURFAIDAH MEGA LAMBA, S.Pd..", 0.8), ("M.Pd.", 0.9)) == \
        "Ir. ANDI NURFAIDAH MEGA LAMBA, S.Pd., M.Pd."


def test_the_arabic_articles_hyphen_stays_in_a_name_in_capitals():
    """GIVEN scanned names in capitals with the Arabic article written with its hyphen
    ("AL-AMIN", "EL-FATIH"), and one whose space a stamp's ring crossed ("SRI-HARTONO")
    WHEN the name is set right THEN the article keeps its hyphen; the ring's goes."""
    assert scanned_name("Dr. Ir. ABDUL GHANI AL-AMIN, S.Kep.") == \
        "Dr. Ir. ABDUL GHANI AL-AMIN, S.Kep."
    assert scanned_name("MUHAMMAD EL-FATIH, S.H.") == "MUHAMMAD EL-FATIH, S.H."
    assert scanned_name("SRI-HARTONO, S.E.") == "SRI HARTONO, S.E."
    assert scanned_name("SITI AZ-ZAHRA, S.Pd.") == "SITI AZ-ZAHRA, S.Pd."
    assert scanned_name("H. MUH. AL-AMIN") == "H. MUH. AL-AMIN"  # (no stamp's edge after it)


def test_what_the_review_of_the_degree_lines_found_reads_right():
    """GIVEN what an adversarial review of these rules tried: a specialty that lost its dot
    ("SpS.", "SpKG.") and a degree with a small letter of its own between capitals
    ("M.PdH."); a stamp's fragment read as a listed degree ("CA") under a name that does not
    end with a comma; a name in a text PDF over its degrees' line; a hostile line of degrees
    WHEN each is read
    THEN none is changed into another degree, the fragment stays out of the name, print is
    kept as printed, and the hostile line is matched at once."""
    import time

    from pipeline.letter.signature import DEGREES
    for tok in ("SpS.", "SpKG.", "M.PdH.", "Sp.OG"):
        assert dotted(tok) == tok
    assert _signer(("H. ANDI SULAIMAN, S.H.", 0.9), ("CA", 0.6)) == "H. ANDI SULAIMAN, S.H."
    lines = [Line("Demikian disampaikan.", 1, 0.1), Line(""), Line("Kepala Dinas Sosial,", 1, 0.55),
             Line(""), Line("H. ANDI", 1, 0.55), Line("S.E., M.Si.", 1, 0.55),
             Line("NIP. 197003161995031005", 1, 0.55)]
    assert signature(lines, 1)[0]["nama"] == "H. ANDI S.E., M.Si."
    started = time.perf_counter()
    DEGREES.match("S.H." + ", MPH" * 40 + " !")
    assert time.perf_counter() - started < 0.1


def test_a_title_the_page_cut_off_with_debris_before_it_stays_with_the_name():
    """GIVEN a scanned name the page's lines parted after its first title, the stamp's bits
    before the title ("Sp Dr." | "Hj. YULIANA SARI, S.E."), the title's piece boxed a little
    higher (its ascenders) WHEN the signature is read THEN the name opens with its title."""
    lines = [Line("Demikian disampaikan.", 1, 0.1, ocr=True, conf=0.9, top=0.9),
             Line("", ocr=True),
             Line("Plh. Kepala Dinas Sosial,", 1, 0.53, ocr=True, conf=0.9, top=0.98, x1=0.71),
             Line("", ocr=True),
             Line("Sp Dr.", 1, 0.451, ocr=True, conf=0.4, top=1.0756, x1=0.5548),
             Line("Hj. YULIANA SARI, S.E.", 1, 0.5637, ocr=True, conf=0.9, top=1.0806, x1=0.784),
             Line("Pembina Utama Madya (IV/d)", 1, 0.51, ocr=True, conf=0.9, top=1.103, x1=0.78),
             Line("NIP: 19831201 201204 2 002", 1, 0.53, ocr=True, conf=0.9, top=1.125, x1=0.75)]
    sig = signature(clean(lines), 1)[0]
    assert scanned_name(sig["nama"]) == "Dr. Hj. YULIANA SARI, S.E."


def test_a_title_boxed_far_from_the_word_after_it_stands_beside_it():
    """GIVEN a name's band read alone, a word under the ring lost between the title and the
    name ("Se drg. [I] Nyoman"), so the title is boxed far from the next word
    WHEN the reading is tidied THEN the title stands a space before the name (the page's
    lines would part it off, and lose it), the debris before it stays where it was."""
    from pipeline.letter.bandread import _closed
    from pipeline.letter.lines import Word
    words = [Word("Se", 831, 880, 527, 581, 0.3), Word("drg.", 963, 1040, 528, 569, 0.5),
             Word("Nyoman", 1162, 1260, 547, 569, 0.9), Word("Arta", 1275, 1340, 540, 567, 0.9)]
    got = _closed(words)
    assert got[0].x0 == 831 and 1162 - got[1].x1 < 30 and got[1].x1 - got[1].x0 == 77


def test_a_degree_no_generator_writes_on_the_tail_line_stays():
    """GIVEN a name no generator writes: a graduate of a Middle-Eastern university, whose
    licence ("Lc.") wrapped onto a line of its own, read unsure and without its dot
    WHEN the signature is read THEN the name ends with "Lc." (before, the line was a speck)."""
    assert _signer(("Dr. H. ABDUL SOMAD, S.Ag.,", 0.9), ("Lc", 0.3)) == \
        "Dr. H. ABDUL SOMAD, S.Ag., Lc."


def test_a_word_boxed_across_the_underline_keeps_its_place_in_the_line():
    """GIVEN a name's line read alone from a phone photo, its third word joined to the
    underline and so boxed from the band's left edge to past the degrees (seen on an unseen
    seed of the second blind set: the name came out "S.IP., M.E. NASUTION" and the post
    "Dr. AHMAD") WHEN the band's words are taken THEN each box stands between its neighbours',
    and sorted by their boxes the words read in tesseract's order."""
    from pipeline.letter.bandread import _in_order
    from pipeline.letter.lines import Word
    key = ("name", (1, 1, 30))
    read = [Word("Dr.", 1060, 1109, 1543, 1591, 0.97, key),
            Word("AHMAD", 1131, 1227, 1543, 1591, 0.96, key),
            Word("NASUTION,", 1059, 1596, 1543, 1591, 0.93, key),
            Word("S.IP.,", 1427, 1519, 1543, 1591, 0.92, key),
            Word("M.E.", 1535, 1594, 1543, 1591, 0.87, key)]
    got = _in_order(read)
    assert [w.text for w in sorted(got, key=lambda w: w.x0)] == [
        "Dr.", "AHMAD", "NASUTION,", "S.IP.,", "M.E."]
    assert all(a.x1 < b.x0 for a, b in zip(got, got[1:]))
    assert (got[0].x0, got[0].x1, got[1].x0, got[1].x1) == (1060, 1109, 1131, 1227)
