"""A degree read unsure under a stamp, set right by the degrees Indonesian universities award."""
from __future__ import annotations

from pipeline.letter import namerow
from pipeline.letter.degrees import mended
from tests.letter.test_namerow import LANGS, page, read, texts


def test_an_unsure_degree_a_letter_off_one_listed_degree_is_that_degree():
    """GIVEN a name's degree read 14 % sure as "S.Sis.," (a stamp over S.Sos.)
    WHEN it is checked against the listed degrees
    THEN it is "S.Sos.,": the one listed degree a letter off with the same dots."""
    assert mended("S.Sis.,", 0.14) == "S.Sos.,"
    assert mended("M.Ak.", 0.3) == "M.Ak."


def test_a_degree_read_sure_a_title_or_a_reading_near_two_degrees_stays():
    """GIVEN an unlisted degree read sure, front titles read unsure (one a letter off the
    doctor's title), readings a letter off two listed degrees ("S.Kem.": S.Kom. or S.Kep.;
    "A.Md.Keh.": Keb. or Kes.), a degree with other dots, and a word without a dot
    WHEN each is checked against the listed degrees THEN each stays as read."""
    assert mended("S.Sis.", 0.8) == "S.Sis."
    for title in ("Ir.", "Drs.", "Dra.", "Hj."):
        assert mended(title, 0.1) == title
    assert mended("S.Kem.", 0.2) == "S.Kem."  # S.Kom. or S.Kep.
    assert mended("A.Md.Keh.", 0.2) == "A.Md.Keh."  # Keb. or Kes.
    assert mended("SSos.", 0.2) == "SSos."
    assert mended("RIZAL", 0.1) == "RIZAL"


def test_real_degrees_initials_and_abbreviations_are_never_mended():
    """GIVEN, read unsure, degrees whose kind or last part is a capital another listed degree
    has otherwise (S.Pd.K. beside S.Pd.I., M.Tr.Par. beside S.Tr.Par., S.Sos.H.), short
    degrees (S.Ft., Akt., M.IT.), a name's abbreviations and initials (Rd., Md., A.R., H.A.,
    I.B.A.), half a degree typed with a space (Pd.), a post's abbreviations (An., Ds.), and
    foreign degrees a small letter off a listed one (M.Env. beside M.Eng.)
    WHEN each is checked against the listed degrees THEN each stays (found by a review)."""
    for word in ("S.Pd.K.", "S.Pd.H.", "M.Tr.Par.", "M.Fil.", "S.Sos.H.", "S.Tr.E.", "S.Ft.",
                 "S.Tr.P.", "Sp.Ak.", "Akt.", "S.TI.", "M.IT.", "B.A.", "MA.", "MPA.", "Pd.",
                 "Ag.", "Rd.", "Md.", "A.R.", "H.A.", "R.A.", "I.B.A.", "H.M.R.", "An.", "Ds.",
                 "M.Env.", "M.Mgt."):
        assert mended(word, 0.3) == word, word


def test_the_name_read_again_has_its_unsure_degree_set_right():
    """GIVEN a name row the stamp spoilt, read again alone as "Dewi Anggraini, S.Sis., M.E."
    with the S.Sis. 14 % sure
    WHEN the name is read THEN it is "Dewi Anggraini, S.Sos., M.E."."""
    head = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth"
            "\theight\tconf\ttext\n")
    words = [("Dewi", 97), ("Anggraini,", 90), ("S.Sis.,", 14), ("M.E.", 90)]
    tsv = (head + "".join(f"5\t1\t1\t1\t1\t{k + 1}\t{10 + 200 * k}\t10\t150\t40\t{c}\t{t}\n"
                          for k, (t, c) in enumerate(words))).encode()
    got = namerow.reread(page(), read("~ Dewi Anggraini, ~"), lambda *_: tsv, 30, LANGS)
    assert texts(got) == "Dewi Anggraini, S.Sos., M.E."
