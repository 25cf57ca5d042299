"""The signer's name read again as a line of its own where the page's reading spoilt it
(letter/namerow.py)."""
from __future__ import annotations

import io
import shutil

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from pipeline.letter import bandread, namerow
from pipeline.letter.lines import Word
from tests.letter.test_nameline import run

LANGS = "ind+eng"


def page(struck: bool = False, rank: bool = True, name: str = "Drs. EKO PRASETYO, M.Si.",
         first: str | None = None) -> Image.Image:
    """A signature block at ~300 dpi: post, name, rank, NIP; STRUCK: the name underlined and
    the signature's tail drawn through it; without RANK, the name straight above the NIP; a
    name wrapped after FIRST, its first line."""
    img = Image.new("L", (2480, 700), 255)
    d = ImageDraw.Draw(img)
    bold = ImageFont.truetype("DejaVuSans-Bold.ttf", 46)
    plain = ImageFont.truetype("DejaVuSans.ttf", 46)
    d.text((1300, 60), "Kepala Dinas Koperasi,", font=plain, fill=0)
    at = 360 if rank else 440
    if first:
        d.text((1300, at - 80), first, font=bold, fill=0)
    d.text((1300, at), name, font=bold, fill=0)
    if struck:
        d.line((1300, at + 60, 1300 + 28 * len(name), at + 60), fill=0, width=4)
        d.line((1500, at + 40, 2300, at - 10), fill=0, width=4)
    if rank:
        d.text((1300, 440), "Pembina Tk. I", font=plain, fill=0)
    d.text((1300, 520), "NIP. 198502192012011347", font=plain, fill=0)
    return img


def line(texts: str, top: float, key: tuple, x: float = 1300.0) -> list[Word]:
    """The page's words of one row, read at TOP, from X on."""
    out = []
    for t in texts.split():
        out.append(Word(t, x, x + 30 * len(t), top, top + 50, 0.9, key))
        x += 30 * len(t) + 20
    return out


def read(name_row: str, rank: bool = True, x: float | None = None):
    """The page's words with the name's row as given (a word of "~" for stamp debris; none
    where the page's reading lost the line), its first word with a letter at the block's
    column (x=1300, as page() sets it; debris before it left of the column), or at X;
    without RANK, the name straight above the NIP."""
    if x is None:
        first = (name_row.split() or [""])[0]
        x = 1300.0 - (30 * len(first) + 20) * (not any(c.isalpha() for c in first))
    return (line("Kepala Dinas Koperasi,", 60, (1, 1, 1))
            + line(name_row, 360 if rank else 440, (1, 2, 1), x)
            + (line("Pembina Tk. I", 440, (1, 3, 1)) if rank else [])
            + line("NIP. 198502192012011347", 520, (1, 4, 1)))


def texts(words, key=(1, 2, 1)):
    return " ".join(w.text for w in sorted(words, key=lambda w: w.x0) if w.key == key)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_a_name_the_page_read_in_pieces_is_read_again_whole():
    """GIVEN a page whose reading of the name took stamp debris into it and dropped a word
    ("~ Drs. EKO", PRASETYO lost under the stamp) WHEN the name's row is read again alone
    THEN the row is the whole name, and the other rows are as they were."""
    words = read("~ Drs. EKO")
    got = namerow.reread(page(), words, run, 30, LANGS)
    # (the degree's dots and commas are set right when the signature is read: signature._degrees)
    assert texts(got).startswith("Drs. EKO PRASETYO, M"), texts(got)
    for key in ((1, 1, 1), (1, 3, 1), (1, 4, 1)):
        assert texts(got, key) == texts(words, key)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_an_underlined_name_the_tail_crosses_is_read_again_without_the_lines():
    """GIVEN an underlined name with the signature's tail through it, which the page read as
    "Drs. EKO" (a name, but PRASETYO lost under the tail) WHEN the row is looked at
    THEN it is read again without the lines, and the whole name is the row."""
    got = namerow.reread(page(struck=True), read("Drs. EKO"), run, 30, LANGS)
    assert texts(got).startswith("Drs. EKO PRASETYO"), texts(got)


def test_a_name_read_whole_is_not_read_again():
    """GIVEN a page whose name row reads as a name, every word in place WHEN it is looked at
    THEN tesseract is not run again (a tenth of a second a page saved) and nothing changes."""
    def never(*_):
        raise AssertionError("read again")
    words = read("Drs. EKO PRASETYO, M.Si.")
    assert namerow.reread(page(), words, never, 30, LANGS) == words
    # nor from the page's grey: its darkest ink thins blurred strokes into misread letters
    assert namerow.reread(page(), words, never, 30, LANGS, page()) == words


def test_a_second_reading_less_like_a_name_is_not_taken():
    """GIVEN a name row spoilt by one speck, and a second reading that is stamp lettering
    WHEN the two are compared THEN the page's reading stands."""
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "5\t1\t1\t1\t1\t1\t10\t10\t80\t40\t60\tPEMERI\n5\t1\t1\t1\t1\t2\t100\t10\t60\t40\t50\tKAB.$%\n"
           "5\t1\t1\t1\t1\t3\t170\t10\t40\t40\t40\tNG\n").encode()
    words = read("Drs. EKO PRASETYO, ; M.Si.")
    got = namerow.reread(page(), words, lambda *_: tsv, 30, LANGS)
    assert texts(got) == "Drs. EKO PRASETYO, ; M.Si."


def _tsv(*lines: str) -> bytes:
    """Tesseract's TSV of LINES, each read alone: one page of the run each."""
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    return (head + "".join(f"5\t{n}\t1\t1\t1\t{k + 1}\t{10 + 200 * k}\t10\t150\t40\t90\t{t}\n"
                           for n, line in enumerate(lines, 1)
                           for k, t in enumerate(line.split()))).encode()


def test_a_reading_no_more_like_a_name_than_the_pages_is_not_taken():
    """GIVEN a name the page read whole, underlined and crossed by the signature's tail, and
    the band read alone without the lines giving a letter wrong ("PRASETYA")
    WHEN the two are compared THEN the page's reading stands: it gains nothing."""
    words = read("Drs. EKO PRASETYO, M.Si.")
    got = namerow.reread(page(struck=True), words, lambda *_: _tsv("Drs. EKO PRASETYA, M.Si."),
                         30, LANGS)
    assert texts(got) == "Drs. EKO PRASETYO, M.Si."


def test_the_darkest_inks_reading_is_taken_only_where_it_reads_clearly_better():
    """GIVEN a name row the page spoilt ("~ Rahmat ..."), read again from the bitmap as
    "Rahmat Marpaung Nugroho, S.Si." and from the grey's darkest ink, whose thinner strokes
    split a letter, as "Ralimat ..." (a letter more, so more like a name by one)
    WHEN the readings are compared THEN the bitmap's stands."""
    words = read("~ Rahmat Marpaung Nugroho, S.Si.")
    tsv = _tsv("Rahmat Marpaung Nugroho, S.Si.", "Ralimat Marpaung Nugroho, S.Si.")
    got = namerow.reread(page(), words, lambda *_: tsv, 30, LANGS, page())
    assert texts(got) == "Rahmat Marpaung Nugroho, S.Si."


def test_faded_print_is_not_read_from_its_darkest_ink():
    """GIVEN a toner-saving copy, its print mid grey (110) and so lighter than print's core,
    whose name row the page spoilt WHEN the row is read again
    THEN not from the grey's darkest ink, where only specks would be left to read."""
    grey = page().point(lambda v: 110 if v < 128 else 255)
    bw = grey.point([0 if v < 140 else 255 for v in range(256)])
    tsv = _tsv("Drs. EKO PRASETYO, M.Si.", "Dr. H. EKO BUDI PRASETYO WIDODO, M.Si.")
    got = namerow.reread(bw, read("~ Drs. EKO"), lambda *_: tsv, 30, LANGS, grey)
    assert texts(got) == "Drs. EKO PRASETYO, M.Si."


def test_a_reading_that_lost_most_of_the_line_is_not_taken():
    """GIVEN a name row the page read whole but for one misread letter ("SUTR1SNO"), and a
    reading alone that holds only a few capitals (faded print under a stamp: its darkest ink
    is only where the stamp crosses the print) WHEN the two are compared
    THEN the page's reading stands, though the capitals read more like a name than the digit."""
    words = read("Drs. H. SUTR1SNO WIBOWO, M.M.")
    got = namerow.reread(page(), words, lambda *_: _tsv("SE TA BN AS"), 30, LANGS)
    assert texts(got) == "Drs. H. SUTR1SNO WIBOWO, M.M."


def _grey_stamped() -> Image.Image:
    """The signature block with a violet stamp scanned in grey over the name: its rings and
    lettering mid grey, darker where they cross print (ink over ink multiplies)."""
    ink = Image.new("L", (2480, 700), 255)
    d = ImageDraw.Draw(ink)
    d.ellipse((1180, 160, 1580, 560), outline=120, width=7)
    d.ellipse((1240, 220, 1520, 500), outline=120, width=4)
    small = ImageFont.truetype("DejaVuSans-Bold.ttf", 30)
    for k, ch in enumerate("DINAS KOPERASI"):
        d.text((1250 + 22 * k, 372 + (k % 3) * 6), ch, font=small, fill=120)
    return ImageChops.multiply(page(), ink)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_a_name_under_a_grey_stamp_the_page_kept_is_read_from_its_darkest_ink():
    """GIVEN a greyscale scan whose stamp the page's cleaning could not tell from print, so
    that the page's bitmap has its ring and lettering black over the name, and the page read
    "~ Drs. EKO" WHEN the name's row is read again with the page's grey at hand
    THEN the whole name is read from the grey's darkest ink, the stamp's grey left out."""
    grey = _grey_stamped()
    bw = grey.point([0 if v < 140 else 255 for v in range(256)])  # scanprep's threshold
    got = namerow.reread(bw, read("~ Drs. EKO"), run, 30, LANGS, grey)
    assert texts(got).startswith("Drs. EKO PRASETYO, M"), texts(got)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_stamp_lettering_the_page_took_for_the_name_goes_once_the_name_is_found_above_it():
    """GIVEN a page whose reading lost the name's line and took the stamp's lettering below it
    ("S27 pagi 5", between the name and the rank) for the name's row
    WHEN the name is read where the block's geometry puts it
    THEN the name stands between the post and the rank, and the lettering is gone (it would be
    read into the name)."""
    words = read("") + [Word(t, 1300.0 + 160 * k, 1400.0 + 160 * k, 424, 470, 0.5, (1, 2, 5))
                        for k, t in enumerate("S27 pagi 5".split())]
    got = _rows(namerow.reread(page(), words, run, 30, LANGS))
    at = got.index("Kepala Dinas Koperasi,")
    assert got[at + 1: at + 3] == ["Drs. EKO PRASETYO, M.Si.", "Pembina Tk. I"], got


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_a_rank_line_the_page_took_for_the_name_is_not_dropped_as_lettering():
    """GIVEN a rank's second line spoilt into "=TIV/c) 5x", which the page took for the name's
    row WHEN the name is read where the block's geometry puts it
    THEN the golongan stays: only the stamp's lettering goes."""
    words = read("") + [Word(t, 1300.0 + 160 * k, 1400.0 + 160 * k, 424, 470, 0.5, (1, 2, 5))
                        for k, t in enumerate("=TIV/c) 5x".split())]
    got = _rows(namerow.reread(page(), words, run, 30, LANGS))
    assert "Drs. EKO PRASETYO, M.Si." in got and any("TIV/c)" in r for r in got), got


def test_of_two_lines_that_gain_as_much_the_one_more_like_a_name_is_kept():
    """GIVEN a page that read stamp lettering as the name's row ("S27 pagi 5x 2a3b pq9"), and a
    word of debris where the block puts the name ("Sun"); read alone, the row gives
    "SETAWAN LA 9xx9xx" and the located line the whole name, each gaining as much on the words
    it would replace WHEN the two are compared THEN the name is kept: it reads more like one."""
    words = [w for w in read("Sun") if w.key != (1, 2, 1) or w.text == "Sun"] + [
        Word(t, 1300.0 + 160 * k, 1400.0 + 160 * k, 424, 470, 0.5, (1, 2, 5))
        for k, t in enumerate("S27 pagi 5x 2a3b pq9".split())]
    def run(_cmd, tiff: bytes, _timeout):  # (the row's looks first, the located line's last)
        looks = Image.open(io.BytesIO(tiff)).n_frames
        return _tsv(*["SETAWAN LA 9xx9xx"] * (looks - 1), "Drs. EKO PRASETYO, M.Si.")
    got = _rows(namerow.reread(page(), words, run, 30, LANGS))
    assert "Drs. EKO PRASETYO, M.Si." in got and "SETAWAN LA 9xx9xx" not in got, got


def test_a_row_holding_a_degree_is_the_names_line_and_the_scribble_above_is_not_read():
    """GIVEN a phone photo's block where the page read the name's line as "~ S:Kom'., M.Si."
    (spoilt, but with a degree in it), and the rank stands two pitches below it, so that the
    block's geometry would put the name a line higher, on the wet signature (read alone:
    "VL Nono", short and clean)
    WHEN the name's row is looked at THEN only the row is read again: no post, rank or stamp
    lettering holds a degree, so it is the name's line, and the scribble stays out."""
    tsv = _tsv("NX RAHMAT, S.Kom?, M.Si.", "VL Nono")

    def row(texts, top, key):
        return [Word(t, 1300.0 + 200 * k, 1450.0 + 200 * k, top, top + 50, 0.9, key)
                for k, t in enumerate(texts.split())]
    words = (row("Kepala Dinas Perhubungan,", 60, (1, 1, 1)) + row("~ S:Kom'., M.Si.", 360, (1, 2, 1))
             + row("Pembina Tk. I", 520, (1, 3, 1)) + row("NIP. 198502192012011347", 600, (1, 4, 1)))
    got = " ".join(_rows(namerow.reread(page(), words, lambda *_: tsv, 30, LANGS)))
    assert "RAHMAT" in got and "Nono" not in got, got


def test_how_much_a_line_reads_like_a_name():
    assert namerow.fit("Dr. H. AHMAD FAUZI, S.Psi., M.A.P.") > namerow.fit("XxgDrs,AGgus Hartono, M.AP.")
    assert namerow.fit("Hj. YULIANA SURYADI, S.P., MPH") > namerow.fit("2 Hj. yuuA YADI, S.P., MPH")
    assert namerow.fit("Rahmat Marpaung Nugroho, S.Si.") > namerow.fit(". » Rahmat Ma ugroho, S.Si.")
    # a doubled first letter another reading of the line has single: an underline's end read
    assert namerow.fit("HENDRA RASYID, S.STP.") > namerow.fit("HHENDRA RASYID, S.STP.",
                                                              frozenset({"HENDRA", "RASYID"}))
    for name in ("LLOYD PATTINASARANY, S.T.", "AAN SUHERMAN, S.E.", "RINA WULANDARI, SS, MM"):
        assert namerow.fit(name, frozenset({"PATTINASARANY", "S", "M"})) == len(name.replace(" ", ""))
    # two names a stroke joined with a hyphen, either in capitals or not, are a name's words,
    # not a name with letters glued before it, nor a split reading with the stroke's debris
    split = "Fajar Handaya ni Anggraini, S.K gsraini om., MPH"
    single = frozenset(w.strip(",.").upper() for w in split.split())
    for name in ("Fajar Handayani-Anggraini, S.Kom., MPH", "SRI-WAHYUNI HARTATI, S.E."):
        assert namerow.fit(name, single) == len(name.replace(" ", "")) > namerow.fit(split), name


def test_a_rank_whose_first_word_a_scan_spoilt_is_no_row_of_the_name():
    """GIVEN a scanned block whose rank's first word the stamp spoilt ("Pembrra Utama Muda",
    "Pemb1na Tk. I") WHEN the name's rows are found THEN the rank is not one of them (it
    would be read again as the name's last line)."""
    from pipeline.letter.nameline import name_rows
    for rank in ("Pembrra Utama Muda", "Pemb1na Tk. I", "Penata Muda Tingkat I"):
        words = read("Drs. EKO PRASETYO, M.Si.")
        for w in words:
            if w.key == (1, 3, 1):
                w.text = "~"
        words = [w for w in words if w.text != "~"] + [Word(t, 1300.0 + 200 * k, 1480.0 + 200 * k, 440, 490, 0.9, (1, 3, 1))
                                                       for k, t in enumerate(rank.split())]
        assert [" ".join(w.text for w in r) for r in name_rows(words)][-1] == "Drs. EKO PRASETYO, M.Si.", rank


def _rows(words) -> list[str]:
    from pipeline.letter.lines import from_words
    return [ln.text for ln in from_words(words, 2480, 1, ocr=True) if not ln.blank]


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_a_name_line_the_page_lost_is_read_where_the_block_puts_it():
    """GIVEN pages whose reading lost the underlined name's line altogether, so that the line
    above the NIP is the post's (a row of capitalised words, like a name): one with the rank
    under the name, one without
    WHEN the name's row is looked at
    THEN the name is read where the block's geometry puts it (a line pitch above the rank, or
    the lowest line of ink above the NIP) and stands between the post and the rank."""
    for rank in (True, False):
        got = _rows(namerow.reread(page(rank=rank), read("", rank), run, 30, LANGS))
        at = got.index("Kepala Dinas Koperasi,")
        assert got[at + 1].startswith("Drs. EKO PRASETYO, M"), (rank, got)
        assert got[at + 2] == ("Pembina Tk. I" if rank else "NIP. 198502192012011347"), got


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_a_wrapped_names_first_line_a_stamp_hid_is_read():
    """GIVEN a name wrapped before its last degrees ("BAMBANG LESTARI, A.Md.Keb.," over
    "S.K.M., M.Ak."), whose first line the page's reading lost under the stamp
    WHEN the name's rows are looked at
    THEN the first line is read a line pitch above the second, and the post stays the post."""
    img = page(name="S.K.M., M.Ak.", first="BAMBANG LESTARI, A.Md.Keb.,")
    got = _rows(namerow.reread(img, read("S.K.M., M.Ak."), run, 30, LANGS))
    at = got.index("Kepala Dinas Koperasi,")
    assert got[at + 1].startswith("BAMBANG LESTARI, A.Md.Keb"), got
    assert got[at + 2] == "S.K.M., M.Ak.", got


def test_a_name_row_the_page_read_whole_where_the_block_puts_it_is_left_alone():
    """GIVEN a page whose reading has the name whole, a line pitch above the rank
    WHEN it is looked at THEN nothing is read again (the geometry agrees with the reading)."""
    def never(*_):
        raise AssertionError("read again")
    for rank in (True, False):
        words = read("Drs. EKO PRASETYO, M.Si.", rank)
        assert namerow.reread(page(rank=rank), words, never, 30, LANGS) == words


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_a_name_above_a_rank_on_two_lines_is_found_a_pitch_above_the_rank():
    """GIVEN a block whose rank takes two lines ("Pembina Utama Muda" over "(IV/c)") and whose
    name's line the page's reading lost WHEN the name's row is looked at THEN the name is read
    a line pitch above the rank's first line, not two."""
    img = Image.new("L", (2480, 700), 255)
    d = ImageDraw.Draw(img)
    bold = ImageFont.truetype("DejaVuSans-Bold.ttf", 46)
    plain = ImageFont.truetype("DejaVuSans.ttf", 46)
    for text, top, font in (("Kepala Dinas Koperasi,", 60, plain), ("Drs. EKO PRASETYO, M.Si.", 280, bold),
                            ("Pembina Utama Muda", 360, plain), ("(IV/c)", 440, plain),
                            ("NIP. 198502192012011347", 520, plain)):
        d.text((1300, top), text, font=font, fill=0)
    words = [w for w in read("") if w.key != (1, 3, 1)]
    for k, (text, top) in enumerate((("Pembina Utama Muda", 360), ("(IV/c)", 440))):
        x = 1300.0
        for t in text.split():
            words.append(Word(t, x, x + 30 * len(t), top, top + 50, 0.9, (1, 5, k)))
            x += 30 * len(t) + 20
    got = _rows(namerow.reread(img, words, run, 30, LANGS))
    at = got.index("Kepala Dinas Koperasi,")
    assert got[at + 1].startswith("Drs. EKO PRASETYO, M"), got
    assert got[at + 2:at + 4] == ["Pembina Utama Muda", "(IV/c)"], got


def test_a_wrapped_names_first_line_read_as_a_name_is_not_read_again():
    """GIVEN a wrapped name whose first line the page read as words of a name, set apart by a
    stamp's ring ("BAMBANG   LESTARI WIDODO,"), over a second line the stamp spoilt
    WHEN the name's rows are looked at
    THEN the first line is not read again (a second reading took the ring for a letter,
    "ILESTARI", and would have won by one letter)."""
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    calls = []

    def fake(cmd, stdin, timeout):
        calls.append(cmd)
        text = "S.K.M., M.Ak." if len(calls) == 1 else "BAMBANG ILESTARI WIDODO,"
        return (header + "".join(f"5\t1\t1\t1\t1\t{k}\t{10 + 200 * k}\t10\t180\t40\t90\t{t}\n"
                                 for k, t in enumerate(text.split()))).encode()
    words = read("SK\u201dM., MAK.")
    words += [Word("BAMBANG", 1240.0, 1460.0, 280, 330, 0.9, (1, 6, 1)),
              Word("LESTARI", 1700.0, 1900.0, 280, 330, 0.9, (1, 6, 1)),
              Word("WIDODO,", 1930.0, 2130.0, 280, 330, 0.9, (1, 6, 1))]
    got = namerow.reread(page(name="S.K.M., M.Ak.", first="BAMBANG LESTARI WIDODO,"), words, fake,
                         30, LANGS)
    assert texts(got, (1, 6, 1)) == "BAMBANG LESTARI WIDODO,"
    assert len(calls) == 1


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_a_centred_block_whose_long_name_the_page_lost_is_read_whole():
    """GIVEN a signature block set centred, as many offices set it, whose name is wider than the
    NIP and begins well left of it, and whose line the page's reading lost
    WHEN the name's row is looked at
    THEN the name is read whole, its first words included (found by no generator: every
    generated block is set flush left)."""
    img = Image.new("L", (2480, 700), 255)
    d = ImageDraw.Draw(img)
    bold = ImageFont.truetype("DejaVuSans-Bold.ttf", 46)
    plain = ImageFont.truetype("DejaVuSans.ttf", 46)
    centre = 1800
    for text, top, font in (("Kepala Dinas Koperasi,", 60, plain),
                            ("Dr. H. MUHAMMAD ABDURRAHMAN SIREGAR, S.Psi., M.A.P.", 360, bold),
                            ("Pembina Tk. I", 440, plain), ("NIP. 198502192012011347", 520, plain)):
        d.text((centre - d.textlength(text, font=font) / 2, top), text, font=font, fill=0)
    words = []
    for text, top, key in (("Kepala Dinas Koperasi,", 60, (1, 1, 1)), ("Pembina Tk. I", 440, (1, 3, 1)),
                           ("NIP. 198502192012011347", 520, (1, 4, 1))):
        x = centre - d.textlength(text, font=plain) / 2
        for t in text.split():
            wide = d.textlength(t, font=plain)
            words.append(Word(t, x, x + wide, top, top + 46, 0.9, key))
            x += wide + d.textlength(" ", font=plain)
    got = _rows(namerow.reread(img, words, run, 30, LANGS))
    at = got.index("Kepala Dinas Koperasi,")
    assert got[at + 1].startswith("Dr. H. MUHAMMAD ABDURRAHMAN SIREGAR, S.Psi"), got


def test_stamp_marks_before_and_after_a_name_read_alone_are_not_part_of_it():
    """GIVEN a name band read alone with a stamp's marks around the name, apart from it or
    glued to its first or last word WHEN the reading is trimmed THEN the name begins and
    ends with a letter (or its degree's dot or comma)."""
    def trimmed(text: str) -> str:
        return " ".join(w.text for w in bandread._trimmed(
            [Word(t, 0, 1, 0, 1, 0.9, (1, 1, 1)) for t in text.split()]))
    assert trimmed("7 \u20182RUDI, S.Pd., M.Si. |") == "RUDI, S.Pd., M.Si."
    assert trimmed("H. Taufik, ST MPH\u201d") == "H. Taufik, ST MPH"
    assert trimmed("Drs. EKO PRASETYO, M.Si.*7") == "Drs. EKO PRASETYO, M.Si."
    assert trimmed("ANI SIMANJUNTAK, S.AP.,") == "ANI SIMANJUNTAK, S.AP.,"
    # a small letter or two after it is the stamp's too: no name ends so (blind set, seed 23)
    assert trimmed("H. JOKO SUSANTI, S.T. ) h") == "H. JOKO SUSANTI, S.T."
    assert trimmed("I GUSTI AYU, S.E. ni.") == "I GUSTI AYU, S.E."
    assert trimmed("I Wayan Sudira, S.T.") == "I Wayan Sudira, S.T."
    assert trimmed("Siti Aminah br") == "Siti Aminah br"  # (boru, the clan's name wrapped)


def _tsv_at(*lines: list[tuple[str, int, int, int]]) -> bytes:
    """Tesseract's TSV of LINES, each read alone, each word as (text, left, width, conf)."""
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    return (head + "".join(f"5\t{n}\t1\t1\t1\t{k + 1}\t{x}\t10\t{w}\t40\t{c}\t{t}\n"
                           for n, line in enumerate(lines, 1)
                           for k, (t, x, w, c) in enumerate(line))).encode()


def test_of_two_readings_as_like_a_name_the_darkest_inks_is_taken_where_tesseract_is_surer():
    """GIVEN a name row the page spoilt, read again from the bitmap as "SLAMET RAMADAAN,
    S.T." (the stroke over the H read as an A, 84 % sure) and from the darkest ink as
    "SLAMET RAMADHAN, S.T." (96 % sure of the word where the two differ, though less of
    another) WHEN the readings are compared THEN the darkest ink's is taken; where tesseract
    is hardly surer of it (88 %), the bitmap's stands, as the darkest ink's must read better."""
    words = read("~ SLAMET RAMA AN, S.T.")
    for sure, want in ((96, "RAMADHAN"), (88, "RAMADAAN")):
        tsv = _tsv_at([("SLAMET", 10, 180, 91), ("RAMADAAN,", 210, 260, 84), ("S.T.", 500, 90, 96)],
                      [("SLAMET", 10, 180, 21), ("RAMADHAN,", 210, 260, sure), ("S.T.", 500, 90, 96)])
        got = namerow.reread(page(), words, lambda *_: tsv, 30, LANGS, page())
        assert texts(got) == f"SLAMET {want}, S.T.", (sure, texts(got))


def test_two_words_a_stroke_ran_together_lose_to_a_reading_with_their_space():
    """GIVEN a name row the page spoilt, read again from the bitmap with two names run
    together where the signature's stroke bridged their space ("YULIANASURYADI,") and from
    the darkest ink with the two apart by a space WHEN the readings are compared THEN the
    two words are taken; a reading that parts one word at a letter's gap (a few pixels) does
    not make it two."""
    words = read("~ Hj. YULI YADI, S.P., MPH")
    # (a part of four letters is a word cut where a stroke lost under the stamp left a gap)
    tsv = _tsv_at([("SLAMET", 10, 180, 90), ("RAMADHAN,", 210, 260, 90), ("S.T.", 500, 90, 96)],
                  [("SLAMET", 10, 180, 90), ("RAMA", 210, 120, 90), ("DHAN,", 350, 120, 90),
                   ("S.T.", 500, 90, 96)])
    got = namerow.reread(page(), read("~ SLAMET RAMA AN, S.T."), lambda *_: tsv, 30, LANGS, page())
    assert texts(got) == "SLAMET RAMADHAN, S.T.", texts(got)
    for gap, want in ((35, "YULIANA SURYADI,"), (4, "YULIANASURYADI,")):
        tsv = _tsv_at([("Hj.", 10, 60, 93), ("YULIANASURYADI,", 80, 480, 55), ("S.P.,", 580, 100, 91)],
                      [("Hj.", 10, 60, 93), ("YULIANA", 80, 180, 55),
                       ("SURYADI,", 260 + gap, 225, 55), ("S.P.,", 580, 100, 91)])
        got = namerow.reread(page(), words, lambda *_: tsv, 30, LANGS, page())
        assert texts(got) == f"Hj. {want} S.P.,", (gap, texts(got))


def test_a_name_read_again_in_a_tightly_set_block_leaves_the_nips_digits():
    """GIVEN a block set so tightly (no rank) that the name's band, a line high, reaches the
    middle of the NIP's digits, boxed a little high by the stamp's ink over them
    WHEN the name's row is read again THEN the NIP's words are all still there: the band is the
    name's, and the signer's NIP is never replaced by a reading of it."""
    nip = line("NIP.", 400, (1, 4, 1)) + [Word("198008152005032003", 1440, 1980, 372, 422, 0.9, (1, 4, 1))]
    words = line("Sekretaris DPRD Kota Balikpapan,", 60, (1, 1, 1)) + line("~ Dr. AGUS", 340, (1, 2, 1)) + nip
    got = namerow.reread(page(rank=False), words, lambda *_: _tsv("Dr. AGUS HAMZAH, MPH"), 30, LANGS)
    assert texts(got, (1, 4, 1)) == "NIP. 198008152005032003"
    assert texts(got) == "Dr. AGUS HAMZAH, MPH"


def test_a_hyphen_a_stroke_made_between_two_names_is_their_space():
    """GIVEN a name row the page read run together ("HandayaniAnggraini,"), read again as
    "Fajar Handaya ni Anggraini, ..." (the second name a word of its own) and, more like a
    name, as "Fajar Handayani-Anggraini, ..." (the signature's stroke through their space)
    WHEN the readings are compared THEN the name has its space; a name whose hyphen no
    reading parts keeps it ("Kumaat-Rumengan")."""
    words = read("~ Fajar HandayaniAnggraini, S.Kom., MPH")
    tsv = _tsv("Fajar Handaya ni Anggraini, S.Kom., MPH", "Fajar Handayani-Anggraini, S.Kom., MPH")
    got = namerow.reread(page(), words, lambda *_: tsv, 30, LANGS, page())
    assert texts(got) == "Fajar Handayani Anggraini, S.Kom., MPH", texts(got)
    tsv = _tsv("Vonny Kumaat Rume ngan, M.Kes.", "Vonny Kumaat-Rumengan, M.Kes.")
    got = namerow.reread(page(), read("~ Vonny KumaatRumengan, M.Kes."), lambda *_: tsv, 30, LANGS,
                         page())
    assert texts(got) == "Vonny Kumaat-Rumengan, M.Kes.", texts(got)


def test_two_names_a_speck_parts_in_one_reading_are_two_in_every_reading():
    """GIVEN a name row the page read with stamp debris before it ("GA Ir RENLANGGRAINI,"),
    read again as "Ir. RENANGGRAINI," (the I lost), "Ir. RENI.ANGGRAINI," (a speck in the
    space between the names read as a stop, 16 % sure) and "Ir. RENLANGGRAINI," (the I and
    the space read as one L, 91 % sure) WHEN the readings are compared THEN the two names are
    taken, apart; a stop after an initial or inside a degree parts nothing, and a title in
    capitals keeps its stop."""
    words = read("GA Ir RENLANGGRAINI, S.H., M.H.", x=1170.0)
    tsv = _tsv_at([("Ir.", 10, 60, 85), ("RENANGGRAINI,", 80, 420, 36), ("S.H.,", 520, 90, 91),
                   ("M.H.", 620, 80, 89)],
                  [("Ir.", 10, 60, 93), ("RENI.ANGGRAINI,", 80, 420, 16), ("S.H.,", 520, 90, 92),
                   ("M.H.", 620, 80, 94)],
                  [("Ir.", 10, 60, 92), ("RENLANGGRAINI,", 80, 420, 91), ("S.H.,", 520, 90, 87),
                   ("M.H.", 620, 80, 96)])
    got = namerow.reread(page(struck=True), words, lambda *_: tsv, 30, LANGS, page(struck=True))
    assert texts(got) == "Ir. RENI ANGGRAINI, S.H., M.H.", texts(got)
    for read_as, kept in (("M.NUR", "M.NUR"), ("S.STP", "S.STP"), ("DRS.HERMAN,", "DRS. HERMAN,"),
                          ("A.Md.Keb.,", "A.Md.Keb.,")):
        assert bandread.mended_line([Word(read_as, 0, 100, 0, 40, 0.9)])[0].text == kept
