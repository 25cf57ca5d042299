"""The signer's name read from several looks: a letter every other look reads otherwise."""
from __future__ import annotations

from pipeline.letter import namerow
from pipeline.letter.lines import Word
from pipeline.letter.vote import voted, words_voted
from tests.letter.test_namerow import LANGS, _tsv, page, read, texts


def words(text: str) -> list[Word]:
    return [Word(t, 100.0 * k, 100.0 * k + 90, 10, 50, 0.8, (1, 1, 1))
            for k, t in enumerate(text.split())]


def said(kept: str, *others: str) -> str:
    return " ".join(w.text for w in voted(words(kept), [words(o) for o in others]))


def test_a_letter_every_other_look_reads_otherwise_is_theirs():
    """GIVEN a name kept as "RIZAL SOLISTYO", and two other looks at the band that read
    "RAZALSULISTYO" and "RIZALSULISTYO" (a stroke through the space)
    WHEN the letters are settled by vote
    THEN the O the others both read U is U; the I one of them reads A stays, as do the
    kept reading's words, and their boxes."""
    got = voted(words("RIZAL SOLISTYO BUDIMAN,"), [words("RAZALSULISTYO BUDIMAN,"),
                                                   words("RIZALSULISTYO BUDIMAN,")])
    assert [w.text for w in got] == ["RIZAL", "SULISTYO", "BUDIMAN,"]
    assert [w.x0 for w in got] == [0.0, 100.0, 200.0]


def test_no_majority_no_change():
    """GIVEN readings where the others disagree among themselves, where only one other look
    was read, where they read a digit, a mark or a letter of the other case, or where they
    differ in a word's length
    WHEN the letters are settled by vote THEN the kept reading stands."""
    assert said("Dewi Anggraini, S.Sis.", "Dewi Anggraini, S.Sbs.", "Dewi Anggraini, S:56s.") \
        == "Dewi Anggraini, S.Sis."
    assert said("RIZAL SOLISTYO", "RIZAL SULISTYO") == "RIZAL SOLISTYO"
    assert said("ANI SIMANJUNTAK", "AN1 SIMANJUNTAK", "AN1 SIMANJUNTAK") == "ANI SIMANJUNTAK"
    assert said("Ani, S.E.", "Ani; S.E.", "Ani; S.E.") == "Ani, S.E."
    assert said("Ani Lestari", "Ani lestari", "Ani lestari") == "Ani Lestari"
    assert said("Dra. KURNIASIH", "Dra. KURNTASIH", "Dra. KURNIASTH") == "Dra. KURNIASIH"
    assert said("Dra. KURNIASIH", "Dra. KURNASIH", "Dra. KURNASIH") == "Dra. KURNIASIH"


def test_titles_degrees_and_foreign_letters_are_not_voted():
    """GIVEN two looks that agree on another letter in a degree, a title or an initial (a
    few letters, where one misread is another real one), or on a plain letter for an
    accented one, and a reading longer than any name's line
    WHEN the letters are settled by vote THEN each stays as kept (found by a review)."""
    assert said("SUPRIYADI, S.Pd.", "SUPRIYADI, S.Pa.", "SUPRIYADI, S.Pa.") == "SUPRIYADI, S.Pd."
    assert said("Ir. ANTON", "Dr. ANTON", "Dr. ANTON") == "Ir. ANTON"
    assert said("M. NUR", "H. NUR", "H. NUR") == "M. NUR"
    assert said("\u00c9DOUARD", "EDOUARD", "EDOUARD") == "\u00c9DOUARD"
    long = "ANI " * 60
    assert said(long, long.replace("N", "M"), long.replace("N", "M")) == long.strip()


def test_the_name_read_again_takes_the_letters_its_looks_agree_on():
    """GIVEN a name row the stamp spoilt, underlined and crossed by the signature's tail, read
    again as the band shows it, without the lines, and from its darkest ink: "RIZAL SOLISTYO
    BUDIMAN, S.Si.", "RAZALSULISTYO BUDIMAN, S.Si." and "RIZALSULISTYO BUDIMAN, S.Si."
    WHEN the name is read THEN it is "RIZAL SULISTYO BUDIMAN, S.Si."."""
    tsv = _tsv("RIZAL SOLISTYO BUDIMAN, S.Si.", "RAZALSULISTYO BUDIMAN, S.Si.",
               "RIZALSULISTYO BUDIMAN, S.Si.")
    got = namerow.reread(page(struck=True), read("~ RIZAL SOLISTYO BUDIMAN, ~"),
                         lambda *_: tsv, 30, LANGS, page())
    assert texts(got) == "RIZAL SULISTYO BUDIMAN, S.Si."


def test_the_darkest_inks_reading_taken_as_surer_is_not_voted_down():
    """GIVEN a name row the stamp spoilt, read as the band shows it and without the lines as
    "RAMADAAN" (both 84 % sure: the same bitmap, sharing the stamp's error) and from its
    darkest ink as "RAMADHAN" (96 % sure)
    WHEN the name is read THEN it is "RAMADHAN": the bitmap's looks do not outvote the reading
    taken for being surer (found by a review)."""
    head = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth"
            "\theight\tconf\ttext\n")
    rows = [(1, "SLAMET RAMADAAN, S.T.", 84), (2, "SLAMET RAMADAAN, S.T.", 84),
            (3, "SLAMET RAMADHAN, S.T.", 96)]
    tsv = (head + "".join(f"5\t{n}\t1\t1\t1\t{k + 1}\t{10 + 200 * k}\t10\t150\t40\t{c}\t{t}\n"
                          for n, text, c in rows for k, t in enumerate(text.split()))).encode()
    got = namerow.reread(page(struck=True), read("~ SLAMET RAMA AN, S.T."),
                         lambda *_: tsv, 30, LANGS, page())
    assert texts(got) == "SLAMET RAMADHAN, S.T."


def placed(*pieces: tuple[str, float, float, float]) -> list[Word]:
    """Words as (text, left, right, confidence)."""
    return [Word(t, x0, x1, 10, 50, c, (1, 1, 1)) for t, x0, x1, c in pieces]


def titled(title: str, sure: float) -> list[Word]:
    return placed((title, 0, 60, sure), ("Afrizal,", 80, 280, 0.93), ("S.T.", 300, 390, 0.92))


def test_a_word_most_other_looks_read_otherwise_at_its_place_is_theirs():
    """GIVEN a name kept as "HM. Afrizal" (the ring's edge read as a letter after the title,
    44 % sure) and three other looks at the band that read "OM." and, surer, "H.", "H."
    WHEN the words are settled by vote
    THEN the title is "H."; the rest stands."""
    got = words_voted(titled("HM.", 0.44), [titled("OM.", 0.36), titled("H.", 0.77),
                                            titled("H.", 0.73)], namerow._name_like)
    assert [w.text for w in got] == ["H.", "Afrizal,", "S.T."]


def test_a_word_the_others_read_as_two_is_two_where_they_agree():
    """GIVEN "Dr. HiT KETUT" kept, and two looks that read "H." and "I" where "HiT" stands
    (a third "Hi") WHEN the words are settled by vote THEN the name is "Dr. H. I KETUT"."""
    kept = placed(("Dr.", 0, 76, .9), ("HiT", 97, 195, .48), ("KETUT", 210, 395, .9))
    others = [placed(("Dr.", 0, 76, .9), ("Hi", 97, 176, .68), ("KETUT", 210, 395, .9)),
              placed(("Dr.", 1, 75, .8), ("H.", 98, 156, .81), ("I", 169, 192, .62),
                     ("KETUT", 209, 395, .9)),
              placed(("Dr.", 0, 76, 0), ("H.", 105, 161, .88), ("I", 178, 197, .68),
                     ("KETUT", 212, 395, .9))]
    got = words_voted(kept, others, namerow._name_like)
    assert [w.text for w in got] == ["Dr.", "H.", "I", "KETUT"]


def test_no_word_majority_no_change():
    """GIVEN the other looks split, or only one other look, or a majority for words no
    name holds, or a word only the kept reading has (a look may read what others miss), or a
    majority tesseract is less sure of than of the kept word (looks of one bitmap share a
    stroke read as a letter: "HANDAYANL")
    WHEN the words are settled by vote THEN the kept reading stands."""
    def said_(kept, *others):
        return " ".join(w.text for w in words_voted(kept, list(others), namerow._name_like))
    assert said_(titled("HM.", .4), titled("OM.", .4), titled("H.", .8), titled("Hj.", .8)) \
        == "HM. Afrizal, S.T."
    assert said_(titled("HM.", .4), titled("H.", .8)) == "HM. Afrizal, S.T."
    assert said_(titled("Drs.", .4), titled("pFs.", .8), titled("pFs.", .8)) \
        == "Drs. Afrizal, S.T."
    assert said_(titled("HANDAYANI,", .92), titled("HANDAYANL", .55),
                 titled("HANDAYANL", .84)) == "HANDAYANI, Afrizal, S.T."
    kept = placed(("drg.", 0, 77, .9), ("I", 88, 110, .5), ("Nyoman", 112, 260, .9))
    other = placed(("drg.", 0, 77, .9), ("Nyoman", 112, 260, .9))
    assert said_(kept, other, other) == "drg. I Nyoman"


def test_a_degree_is_not_voted_into_words():
    """GIVEN a name's degree kept as "M.Kes" and two looks that read "M" "Kec" there
    WHEN the words are settled by vote THEN the degree stands."""
    kept = placed(("S.KM.,", 0, 130, .9), ("M.Kes", 160, 290, .74))
    other = placed(("S.KM.,", 0, 130, .9), ("M", 164, 188, .9), ("Kec", 195, 290, .95))
    assert [w.text for w in words_voted(kept, [other, other], namerow._name_like)] == \
        ["S.KM.,", "M.Kes"]


def test_a_title_an_initial_or_a_names_spaces_are_not_voted():
    """GIVEN a kept title, initial or name, and two looks that read, surer, another title
    ("Drs." for "Dra.", "H." for "Hj.": each misread of one is another real one), the name's
    two words run together, or its one word parted ("AL AMIN")
    WHEN the words are settled by vote THEN the kept reading stands."""
    def said_(kept, other):
        return " ".join(w.text for w in words_voted(kept, [other, other], namerow._name_like))
    for mine, theirs in (("Dra.", "Drs."), ("Hj.", "H."), ("M.", "H.")):
        assert said_(titled(mine, .5), titled(theirs, .9)).split()[0] == mine
    kept = placed(("SRI", 0, 66, .8), ("WAHYUNI,", 90, 300, .8))
    assert said_(kept, placed(("SRIAWAHYUNI,", 0, 300, .95))) == "SRI WAHYUNI,"
    kept = placed(("AL-AMIN,", 0, 200, .7))
    assert said_(kept, placed(("AL", 0, 50, .9), ("AMIN,", 70, 200, .9))) == "AL-AMIN,"


def test_a_short_name_the_kept_reading_parts_is_whole_where_the_others_agree():
    """GIVEN a name kept as "AN DI NURFAIDAH" (a stroke read as a space inside "ANDI") and
    two looks that read "ANDI", surer WHEN the words are settled by vote
    THEN the name is "ANDI NURFAIDAH"."""
    kept = placed(("AN", 0, 50, .6), ("DI", 62, 110, .6), ("NURFAIDAH", 130, 400, .9))
    other = placed(("ANDI", 0, 110, .9), ("NURFAIDAH", 130, 400, .9))
    assert [w.text for w in words_voted(kept, [other, other], namerow._name_like)] == \
        ["ANDI", "NURFAIDAH"]


def test_readings_of_one_image_are_one_voice():
    """GIVEN a name kept as "Hermian" from the band's bitmap, the band without the signature's
    stroke (the same bitmap) reading "Hermian" too, and the darkest ink and the band without
    the stamp's rings reading "Herman", surer
    WHEN the words are settled by vote THEN the name is "Herman": two images against one.
    And where the kept reading is the darkest ink's and the bitmap's two looks alone read
    otherwise, surer, the kept reading stands: they are one voice against one."""
    def name(first: str, sure: float) -> list[Word]:
        return placed(("Dr.", 0, 70, .96), (first, 90, 300, sure), ("Deru", 320, 420, .93))
    kept, bitmap = name("Hermian", .83), name("Hermian", .92)
    got = words_voted(kept, [bitmap, name("Herman", .96), name("Herman", .97)],
                      namerow._name_like, ["bitmap", "bitmap", "grey", "ringless"])
    assert " ".join(w.text for w in got) == "Dr. Herman Deru"
    got = words_voted(name("Herman", .8), [name("Hermian", .9), name("Hermian", .92)],
                      namerow._name_like, ["grey", "bitmap", "bitmap"])
    assert " ".join(w.text for w in got) == "Dr. Herman Deru"
    # an image speaks for what most of its looks read (an adversarial review's case); split
    # evenly, for each side (test_stamped_titles: "HM." with the stroke, "H." without)
    got = words_voted(name("Herman", .8), [name("Herman", .9), name("Hermian", .85),
                                           name("Hermian", .9)],
                      namerow._name_like, ["bitmap", "bitmap", "bitmap", "grey"])
    assert " ".join(w.text for w in got) == "Dr. Herman Deru"
