"""A name's front titles and first words where the stamp lies over them: a title read a letter
off or with a comma for its dot, a Balinese "I" read as a bracket, the stamp's specks read as
words, a letter one look adds to a title (titles, bandread, vote, namerow)."""
from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from pipeline.letter import bandread, namerow
from pipeline.letter.lines import Word
from pipeline.letter.scanname import scanned_name
from pipeline.letter.titles import mended
from tests.letter.test_namerow import LANGS, _tsv_at, page, read, texts


def test_a_title_read_a_letter_off_or_with_a_comma_is_the_title():
    """GIVEN words read in a front title's place WHEN mended THEN a title of three letters
    or more read unsure a letter off is that title ("prs." for "Drs.", in capitals too), and
    one whose dot was read as a comma or colon is the title with its dot."""
    assert mended("prs.", 0.25) == "Drs."
    assert mended("PRS.", 0.3) == "DRS."
    assert mended("drg,", 0.9) == "drg."
    assert mended("Dr:", 0.9) == "Dr."
    assert mended("H,", 0.9) == "H."


def test_a_word_no_title_is_a_letter_off_stays():
    """GIVEN a word read sure, one a letter off two titles ("Drx.": Drs. or Dra.?), one of
    two letters ("Or.": a letter off too many words), or none near a title
    WHEN mended THEN it stays as read."""
    assert mended("prs.", 0.9) == "prs."
    assert mended("Drx.", 0.2) == "Drx."
    assert mended("Or.", 0.2) == "Or."
    assert mended("Se", 0.2) == "Se"
    assert mended("Drs.", 0.1) == "Drs."


def _said(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _line(text: str, conf: float = 0.9) -> list[Word]:
    return [Word(t, 100.0 * k, 100.0 * k + 90, 10, 50, conf, (1, 1, 1))
            for k, t in enumerate(text.split())]


def test_titles_are_mended_only_in_their_place_before_the_name():
    """GIVEN a name's line read with a title's dot as a comma ("Dr. H, I KETUT") and one
    whose last word is an initial before the comma and the degrees ("BUDI H, S.E.",
    "ANDI R, SH"), or a word a letter off a title after the name's first words
    WHEN the line is mended THEN the first gets its title's dot; the others stay."""
    assert _said(bandread.mended_line(_line("Dr. H, I KETUT WIDIANA, S.T."))) == \
        "Dr. H. I KETUT WIDIANA, S.T."
    assert _said(bandread.mended_line(_line("BUDI H, S.E."))) == "BUDI H, S.E."
    assert _said(bandread.mended_line(_line("ANDI R, SH"))) == "ANDI R, SH"
    assert _said(bandread.mended_line(_line("MUH. Urs. SALEH", 0.2))) == "MUH. Urs. SALEH"


def test_a_balinese_i_read_as_a_bracket_glued_to_the_name_is_an_i():
    """GIVEN a Balinese name's I that a ring crossed, read as a bracket glued to "Nyoman"
    or as a capital glued to it ("FKETUT") WHEN the line is tidied THEN it is "I Nyoman",
    "I KETUT"; a bracket before another name stays."""
    got = bandread._balinese(_line("drg. {Nyoman Arta"))
    assert [w.text for w in got] == ["drg.", "I", "Nyoman", "Arta"]
    assert got[1].x1 <= got[2].x0
    assert [w.text for w in bandread._balinese(_line("DR. FKETUT OKA"))] == \
        ["DR.", "I", "KETUT", "OKA"]
    assert [w.text for w in bandread._balinese(_line("drg. {Budi Arta"))] == \
        ["drg.", "{Budi", "Arta"]
    assert [w.text for w in bandread._balinese(_line("KETUT IMADE GEDE"))] == \
        ["KETUT", "I", "MADE", "GEDE"]
    assert [w.text for w in bandread._balinese(_line("RINA AGUSTI, S.E."))] == \
        ["RINA", "AGUSTI,", "S.E."]  # (a name of its own, not "I GUSTI")


def _speckled() -> Image.Image:
    """A signature block (test_namerow.page) whose name, "MARYATI, M.Kes.", has left of it
    what a stamp leaves of its lettering once its colour is taken out: letters in specks."""
    img = page(struck=True, name="MARYATI, M.Kes.")
    ghost = Image.new("L", img.size, 255)
    ImageDraw.Draw(ghost).text((990, 350), "ON SS", font=ImageFont.truetype(
        "DejaVuSans-Bold.ttf", 52), fill=0)
    for y in range(330, 430):
        for x in range(980, 1290):
            if ghost.getpixel((x, y)) < 128 and (x // 2 + 3 * (y // 2)) % 9 == 0:
                img.putpixel((x, y), 0)
    return img


def test_the_stamps_specks_before_a_name_are_not_read_into_it():
    """GIVEN a name's band whose reading by the page was spoilt ("~ MARYATI, M.Kes."), read
    again as "On SS MARYATI, M.Kes.", the first two words where the stamp left specks of its
    lettering, and without the signature's stroke as "h MARYATI, M.Kes." (a speck read "h")
    WHEN the readings are weighed THEN the name is "MARYATI, M.Kes.": the specks' words are
    debris, kept as marks (the line's edge stays where the stamp's ink begins)."""
    img, box, key = _speckled(), (950, 335, 2000, 425), (1, 2, 1)
    at = [("On", 995, 115), ("SS", 1130, 140), ("MARYATI,", 1300, 260), ("M.Kes.", 1580, 160)]
    tsv = _tsv_at([(t, x - box[0], w, 40) for t, x, w in at],
                  [("h", 1280 - box[0], 4, 0)] + [(t, x - box[0], w, 92) for t, x, w in at[2:]])
    inside = [Word("~~~~", 1100, 1200, 360, 405, 0.2, key), Word("MARYATI,", 1300, 1560, 360, 405,
                                                                0.9, key),
              Word("M.Kes.", 1580, 1740, 360, 405, 0.9, key)]
    reader = namerow._Reader(img, None, 50.0, lambda *_: tsv, 30, LANGS)
    got = texts(reader.best(inside, [(box, key, "both", inside)])[0])
    assert "On" not in got and "SS" not in got
    assert scanned_name(got) == "MARYATI, M.Kes."


def test_a_title_of_print_is_no_speck():
    """GIVEN a line read as a title cut by the ring (its box stretched over the ring: little
    ink in it), then a name WHEN the words before the print are weighed as specks
    THEN the title is print."""
    img = page(name="Drs. MARYATI, M.Kes.")
    words = [Word("prs.", 900, 1400, 360, 410, 0.25), Word("MARYATI,", 1420, 1700, 360, 410),
             Word("M.Kes.", 1710, 1900, 360, 410)]
    assert bandread.specks(words, img, (0, 0, img.width, img.height)) == set()


def test_a_letter_one_look_adds_to_a_title_the_others_read_without_goes():
    """GIVEN a name row the page spoilt, read again from the bitmap as "HM. Afrizal, S.T."
    (the ring's edge read as a letter after the title), without the signature's stroke and
    from the darkest ink as "H. Afrizal, S.T." WHEN the readings are compared
    THEN the name is "H. Afrizal, S.T."."""
    words = read("~ Afrizal, S.T.")
    tsv = _tsv_at([("HM.", 10, 80, 44), ("Afrizal,", 120, 200, 93), ("S.T.", 350, 90, 92)],
                  [("H.", 12, 50, 77), ("Afrizal,", 120, 200, 93), ("S.T.", 350, 90, 92)],
                  [("H.", 12, 50, 73), ("Afrizal,", 120, 200, 92), ("S.T.", 350, 90, 91)])
    got = namerow.reread(page(struck=True), words, lambda *_: tsv, 30, LANGS, page())
    assert texts(got) == "H. Afrizal, S.T."


def test_two_names_a_stroke_joined_with_a_slash_are_two():
    """GIVEN a name's line read with the signature's stroke through a space as a slash
    ("EUIS/KOMALASARI,") WHEN the line is mended THEN the two names stand apart; two
    degrees typed with a slash ("SH/MH") stay."""
    assert _said(bandread.mended_line(_line("EUIS/KOMALASARI, S.Pt."))) == \
        "EUIS KOMALASARI, S.Pt."
    assert _said(bandread.mended_line(_line("BUDI, SH/MH"))) == "BUDI, SH/MH"


def test_two_names_run_together_with_a_letter_misread_lose_to_the_two():
    """GIVEN the page's reading of a name with "SRI WAHYUNI" apart by a space, and a band's
    reading with the two run together and a letter or two misread where a stroke bridged
    them ("SRLWAHYUNI,", "SRLWAHYUNL") WHEN the readings are weighed
    THEN the run-together word is no name's; a word cut at a gap inside it, whose short
    part is no word of its own ("RAMA DHAN"), does not make the whole one suspect."""
    page_words = [Word(t, x0, x1, 10, 50, 0.9) for t, x0, x1 in (
        ("Ns.", 0, 65), ("SRI", 88, 154), ("WAHYUNI,", 181, 392))]
    single = namerow._spaced([page_words], 50.0)
    assert not namerow._name_like("SRLWAHYUNI,", single)
    assert not namerow._name_like("SRLWAHYUNL", single)
    assert namerow._name_like("WAHYUNI,", single)
    cut = [Word(t, x0, x1, 10, 50, 0.9) for t, x0, x1 in (("RAMA", 0, 120), ("DHAN,", 145, 280))]
    assert namerow._name_like("RAMADHAN,", namerow._spaced([cut], 50.0))


def test_two_front_titles_run_together_stand_apart():
    """GIVEN a scanned name whose two front titles were read without the space between
    them ("Dr.dr.", under the stamp's ring) WHEN it is set right THEN they stand apart."""
    assert scanned_name("~~~ Dr.dr. SITI NUR AINI, MARS") == "Dr. dr. SITI NUR AINI, MARS"
    assert scanned_name("Dr.Ir. ABDUL GHANI, S.Kep.") == "Dr. Ir. ABDUL GHANI, S.Kep."


def test_a_name_in_capitals_whose_titles_the_stamp_spoilt_reads_as_printed():
    """GIVEN a case no generator writes: a name set in capitals with two front titles, the
    first's dot read as a comma and the second's capital a letter off under the ring
    ("DRS, HJ, NI MADE SURYANI, M.Pd.", "PRS. H. AHMAD YANI" read unsure)
    WHEN the line is mended and set right THEN the titles read as printed, in capitals."""
    got = bandread.mended_line(_line("DRS, HJ, NI MADE SURYANI, M.Pd."))
    assert scanned_name(_said(got)) == "DRS. HJ. NI MADE SURYANI, M.Pd."
    got = bandread.mended_line(_line("PRS. H. AHMAD YANI", 0.3))
    assert _said(got) == "DRS. H. AHMAD YANI"
