"""What the signature block's layout tells the name's second reading (letter/signblock.py and
its use in letter/namerow.py): where a flush-left block's column begins, which rows above the
NIP are no print, and which of two readings is the name."""
from __future__ import annotations

import shutil

import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.letter import bandread, namerow
from pipeline.letter.lines import Word
from pipeline.letter.nameline import signer_rows
from tests.letter.test_namerow import LANGS, _rows, _tsv, page, read, texts
from tests.letter.test_nameline import run

NEEDS_TESSERACT = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="tesseract not installed")


def _never(*_):
    raise AssertionError("read again")


def _block(*rows: tuple[float, str]) -> list[Word]:
    """The page's words of a block's post, name, rank and NIP rows, each begun at its x."""
    words = []
    for (x, text), top, key in zip(rows, (60, 360, 440, 520), ((1, 1, 1), (1, 2, 1), (1, 3, 1),
                                                             (1, 4, 1))):
        for t in text.split():
            words.append(Word(t, x, x + 30 * len(t), top, top + 50, 0.9, key))
            x += 30 * len(t) + 20
    return words


def _ringed(name: str = "Drs. EKO PRASETYO, M.Si.") -> Image.Image:
    """The block of test_namerow.page, flush left at x=1300, with a stamp's ring whose right
    arc runs down through the name's line just left of the column (and its lettering's last
    letters between the arcs)."""
    img = page(name=name)
    d = ImageDraw.Draw(img)
    d.ellipse((900, 180, 1290, 570), outline=0, width=6)
    d.ellipse((960, 240, 1230, 510), outline=0, width=3)
    small = ImageFont.truetype("DejaVuSans-Bold.ttf", 26)
    d.text((1232, 372), "S", font=small, fill=0)
    d.text((1228, 400), "N", font=small, fill=0)
    return img


@NEEDS_TESSERACT
def test_a_stamps_ring_left_of_a_flush_left_block_is_no_part_of_the_name():
    """GIVEN a block set flush left (post, rank and NIP begin at one column) whose name the
    stamp's ring and lettering touch from the left, and a page that read them as a word
    before the name ("NS Drs. EKO ...")
    WHEN the name's row is looked at
    THEN the name begins at the column: "Drs. EKO PRASETYO, M.Si.", the ring's "NS" gone."""
    got = namerow.reread(_ringed(), read("NS Drs. EKO PRASETYO, M.Si.", x=1240.0), run, 30, LANGS)
    assert texts(got).startswith("Drs. EKO PRASETYO, M"), texts(got)


def test_in_a_centred_block_words_left_of_the_nip_stay():
    """GIVEN a block set centred (its post and rank centred on the NIP, not flush with it),
    whose long name begins well left of the NIP, read whole by the page
    WHEN the name's row is looked at THEN no word of it goes."""
    words = _block((1500.0, "Kepala Dinas Koperasi,"), (1180.0, "Dr. H. MUHAMMAD ABDURRAHMAN, M.Si."),
                   (1560.0, "Pembina Tk. I"), (1400.0, "NIP. 198502192012011347"))
    assert texts(namerow.reread(page(), words, _never, 30, LANGS)) == \
        "Dr. H. MUHAMMAD ABDURRAHMAN, M.Si."


def test_a_row_of_small_stamp_lettering_below_the_name_is_not_the_name():
    """GIVEN a page that read the stamp's lettering below the name as a row of its own, all of
    it lower than print's capitals ("Nah ee"), between the name and the NIP, with no rank
    WHEN the name's rows are found THEN that row is gone, and the name is the row above it."""
    words = read("Drs. EKO PRASETYO, M.Si.", rank=False)
    for w in words:
        if w.key == (1, 2, 1):
            w.top, w.bottom = w.top - 60, w.bottom - 60
    words += [Word("Nah", 1300.0, 1390.0, 455, 485, 0.4, (1, 9, 1)),
              Word("ee", 1420.0, 1460.0, 470, 485, 0.3, (1, 9, 1))]
    got = namerow.reread(page(rank=False), words, _never, 30, LANGS)
    rows, _ = signer_rows(got)
    assert " ".join(w.text for w in rows[-1]) == "Drs. EKO PRASETYO, M.Si."
    assert not any(w.text in ("Nah", "ee") for w in got)


def test_a_signatures_scribble_read_as_one_tall_word_is_not_the_names_first_line():
    """GIVEN a page that read the signature's scribble above the name as one word three lines
    tall ("SSIRAGHARTS") WHEN the name's rows are found THEN it is gone, and the name is one
    line; the post above stays."""
    words = read("Drs. EKO PRASETYO, M.Si.") + [
        Word("SSIRAGHARTS", 1500.0, 1900.0, 200, 350, 0.2, (1, 9, 1))]
    got = namerow.reread(page(), words, _never, 30, LANGS)
    assert [" ".join(w.text for w in r) for r in signer_rows(got)[0]] == [
        "Drs. EKO PRASETYO, M.Si."]
    assert texts(got, (1, 1, 1)) == "Kepala Dinas Koperasi,"


def test_a_name_row_a_stroke_stretched_is_read_again():
    """GIVEN a page whose reading of the name has words of a name only ("NYOMAN SOO Rtas"),
    but two of them boxed three lines tall: the signature's stroke ran through them
    WHEN the name's row is looked at THEN it is read again, and the reading alone stands."""
    words = read("NYOMAN SOO Rtas, M.M.")
    for w in words:
        if w.text in ("SOO", "Rtas,"):
            w.top, w.bottom = w.top - 50, w.bottom + 50
    got = namerow.reread(page(), words, lambda *_: _tsv("NYOMAN RAMADHAN, M.M."), 30, LANGS)
    assert texts(got) == "NYOMAN RAMADHAN, M.M."


def test_a_word_boxed_at_the_bands_edge_stays_on_the_names_line():
    """GIVEN a reading alone whose title tesseract boxed at the band's left edge, far from the
    name's next word (a stamp's ring beside it) WHEN the page's lines are made
    THEN the title and the name are one line."""
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    tsv = (head + "5\t1\t1\t1\t1\t1\t2\t30\t20\t30\t30\tH.\n" + "".join(
        f"5\t1\t1\t1\t1\t{k}\t{200 + 230 * k}\t10\t200\t50\t90\t{t}\n"
        for k, t in enumerate(["AGUS", "PRASETYO,", "M.Si."], 2))).encode()
    got = _rows(namerow.reread(page(), read("~ AGUS PRASETYO, M.Si."), lambda *_: tsv, 30, LANGS))
    assert "H. AGUS PRASETYO, M.Si." in got, got


def test_a_balinese_i_read_as_a_stroke_is_i():
    """GIVEN a Balinese name read alone with its "I" as "|" ("Ir. | Gusti Ngurah ...")
    WHEN the reading is taken THEN the name has its "I"; a "|" before another name stays
    what it was read as."""
    got = namerow.reread(page(), read("~ Ir. Gusti Ngurah, M.Pd."),
                         lambda *_: _tsv("Ir. | Gusti Ngurah Supriyadi, M.Pd."), 30, LANGS)
    assert texts(got) == "Ir. I Gusti Ngurah Supriyadi, M.Pd."
    got = namerow.reread(page(), read("~ Drs. EKO"),
                         lambda *_: _tsv("Drs. | EKO PRASETYO, M.Si."), 30, LANGS)
    assert texts(got) == "Drs. | EKO PRASETYO, M.Si."


def test_a_word_with_another_readings_word_glued_after_debris_is_not_a_names():
    """GIVEN two readings of a name's band, one with the stamp's lettering glued before a word
    the other has alone WHEN each is weighed THEN the glued word counts against its reading."""
    single = frozenset({"DRS", "EKO", "PRASETYO", "MSI", "PESJEKGEPRASETYO"})
    assert namerow.fit("PESJEKGEPRASETYO, M.Si.", single) < namerow.fit(
        "Drs. EKO PRASETYO, M.Si.", single)
    assert namerow.fit("PESJEKGEPRASETYO, M.Si.") > namerow.fit("Drs. EKO PRASETYO, M.Si.")


def test_of_two_readings_as_like_a_name_the_one_spelt_right_is_taken():
    """GIVEN a name band read from the page's bitmap as "Ir. I Gysti ..." (a stroke through the
    u) and from its darkest ink as "Ir. I Gusti ...", as like a name by letters
    WHEN the readings are compared THEN the one whose words are Indonesian words is taken;
    one only as like, with no more such words ("Ralimat"), is not (test_namerow)."""
    tsv = _tsv("Ir. I Gysti Ngurah Supriyadi, M.Pd.", "Ir. I Gusti Ngurah Supriyadi, M.Pd.")
    got = namerow.reread(page(), read("~ Ir. I Gysti"), lambda *_: tsv, 30, LANGS, page())
    assert texts(got) == "Ir. I Gusti Ngurah Supriyadi, M.Pd."


def test_a_word_boxed_where_it_stands_is_not_moved_to_the_name():
    """GIVEN a reading alone whose first word, stamp lettering ("ORAL"), tesseract boxed where
    it stands, well left of the name and as wide as its letters WHEN the page's lines are made
    THEN it is not set beside the name: the name's line is the name alone."""
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    tsv = (head + "5\t1\t1\t1\t1\t1\t2\t10\t130\t50\t40\tORAL\n" + "".join(
        f"5\t1\t1\t1\t1\t{k}\t{250 + 230 * k}\t10\t200\t50\t90\t{t}\n"
        for k, t in enumerate(["AGUS", "PRASETYO,", "M.Si."], 2))).encode()
    got = _rows(namerow.reread(page(), read("~ AGUS PRASETYO, M.Si."), lambda *_: tsv, 30, LANGS))
    assert "AGUS PRASETYO, M.Si." in got and not any(r.startswith("ORAL AGUS") for r in got), got


def test_a_page_word_with_the_rings_letters_before_it_loses_to_the_word_alone():
    """GIVEN a flush-left block whose name the page read with the ring's letter glued before
    it, the word begun well left of the column ("SPOLTAK"), and a reading alone without it
    WHEN the two are weighed THEN the reading alone is taken: "POLTAK SUSANTO, S.H., M.H."."""
    words = read("SPOLTAK SUSANTO, S.H., M.H.", x=1270.0)
    got = namerow.reread(page(), words, lambda *_: _tsv("POLTAK SUSANTO, S.H., M.H."), 30, LANGS)
    assert texts(got) == "POLTAK SUSANTO, S.H., M.H."


def test_a_centred_block_whose_rank_is_as_wide_as_the_nip_is_not_taken_for_flush_left():
    """GIVEN a centred block whose rank's line happens to be as wide as the NIP's, so that
    both begin at one x, and a name with its titles begun two letters left of them
    WHEN the name's row is looked at THEN its titles stay."""
    words = _block((1250.0, "Kepala Dinas Koperasi,"), (1200.0, "Dr. Ir. RIDWAN TARIGAN, M.AP."),
                   (1300.0, "Pembina Utama Muda (IV/c)"), (1300.0, "NIP. 19740927199802101"))
    assert texts(namerow.reread(page(), words, _never, 30, LANGS)) == \
        "Dr. Ir. RIDWAN TARIGAN, M.AP."


def test_a_posts_line_set_smaller_than_the_nip_stays():
    """GIVEN a block whose post's last line is set smaller than the NIP's digits (boxed tall
    with debris), its words whole ("KABUPATEN SIKKA,") WHEN the rows above the NIP are
    tidied THEN that line stays: only a row of bits lower than print goes."""
    words = read("Drs. EKO PRASETYO, M.Si.", rank=False) + [
        Word("KABUPATEN", 1300.0, 1570.0, 330, 360, 0.9, (1, 9, 1)),
        Word("SIKKA,", 1590.0, 1760.0, 330, 360, 0.9, (1, 9, 1))]
    got = namerow.reread(page(rank=False), words, _never, 30, LANGS)
    assert texts(got, (1, 9, 1)) == "KABUPATEN SIKKA,"


def test_a_mark_boxed_after_the_name_is_not_moved_onto_it():
    """GIVEN a reading alone that ends with a stroke's mark boxed narrow ("|") and, far right,
    stamp lettering ("EE") WHEN the page's lines are made THEN the name's line is the name:
    only a reading's first word, a title boxed at the band's edge, is set beside the next."""
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    cells = [(60, 90, "Drs."), (170, 70, "EKO"), (260, 200, "PRASETYO,"), (480, 100, "M.Si."),
             (1000, 4, "|"), (1400, 60, "EE")]  # (boxed as narrow as tesseract may box them)
    tsv = (head + "".join(f"5\t1\t1\t1\t1\t{k}\t{x}\t10\t{w}\t50\t90\t{t}\n"
                          for k, (x, w, t) in enumerate(cells, 1))).encode()
    got = _rows(namerow.reread(page(), read("~ Drs. EKO"), lambda *_: tsv, 30, LANGS))
    assert "Drs. EKO PRASETYO, M.Si." in got, got


def test_a_name_whose_first_part_a_stamp_hid_in_one_reading_is_still_a_name():
    """GIVEN two readings of a name's band, one whole ("WIDYASTUTI", "NURHAYATI") and one
    whose first part the stamp hid ("ASTUTI", "HAYATI") WHEN each is weighed THEN the whole
    one is a name's: a name's first part is no debris."""
    for whole, cut in (("WIDYASTUTI", "ASTUTI"), ("NURHAYATI", "HAYATI"),
                       ("PURWANINGSIH", "NINGSIH")):
        single = frozenset({whole, cut, "SKEP"})
        assert namerow.fit(f"{whole}, S.Kep.", single) > namerow.fit(f"{cut}, S.Kep.", single)


def test_a_balinese_i_read_as_a_stroke_at_the_lines_start_is_kept():
    """GIVEN a Balinese name read alone with its opening "I" as "|" ("| Made Suardana", "| Gst.
    Ngurah") WHEN the reading is taken THEN it opens with "I"."""
    for name in ("| Made Suardana, S.T.", "| Gst. Ngurah Rai, S.T."):
        got = namerow.reread(page(), read("~ Made"), lambda *_, n=name: _tsv(n), 30, LANGS)
        assert texts(got) == "I" + name[1:], texts(got)


def test_a_second_signers_name_far_left_of_the_column_stays():
    """GIVEN a flush-left block whose name's row the page read together with a second
    signer's name far to the left (beyond a stamp's width) and a mark at the page's edge
    WHEN the rows above the NIP are tidied THEN the other signer's name stays; the mark goes."""
    words = read("Drs. EKO PRASETYO, M.Si.") + [
        Word("SUTRISNO,", 300.0, 570.0, 360, 410, 0.9, (1, 2, 1)),
        Word("|", 60.0, 63.0, 360, 410, 0.5, (1, 2, 1))]
    got = namerow.reread(page(), words, lambda *_: _tsv("Drs. EKO PRASETYO, M.Si."), 30, LANGS)
    assert "SUTRISNO," in [w.text for w in got] and "|" not in [w.text for w in got]


def test_a_balinese_i_the_ring_crossed_into_a_small_letter_is_i():
    """GIVEN a band read "t GUSTI NGURAH" (the ring's arc across the I's stem read as a t)
    WHEN the reading is tidied and weighed THEN it opens "I GUSTI", and counts as more like a
    name than the bitmap's "a KCUSTI NGURAH", which has a letter more; a capital before the
    name is a letter of its own ("M MADE"), and a sign far left of it is the ring's."""
    def line(*pieces):
        return [Word(t, x0, x1, 10, 50, 0.9, (1, 1, 1)) for t, x0, x1 in pieces]
    got = bandread._balinese(line(("t", 0, 14), ("GUSTI", 40, 190), ("NGURAH", 220, 420)))
    assert [w.text for w in got][:2] == ["I", "GUSTI"]
    assert namerow.fit("I GUSTI NGURAH AGUNG") > namerow.fit("a KCUSTI NGURAH AGUNG")
    got = bandread._balinese(line(("M", 0, 30), ("MADE", 45, 190)))
    assert [w.text for w in got] == ["M", "MADE"]
    got = bandread._balinese(line(("t", 0, 14), ("GUSTI", 200, 350)))
    assert [w.text for w in got] == ["t", "GUSTI"]
    # a dot, a quote, a dash or a mark before a name that prints no I is a speck (an
    # adversarial review's cases: "WAYAN KOSTER", "Made Mangku Pastika")
    for speck in (".", "'", "-", "&"):
        got = bandread._balinese(line((speck, 0, 14), ("WAYAN", 40, 190)))
        assert [w.text for w in got] == [speck, "WAYAN"], speck
