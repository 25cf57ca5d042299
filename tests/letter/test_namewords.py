# SPDX-License-Identifier: AGPL-3.0-or-later
"""A word of a signer's name a scan misread by one letter under the stamp's ring or the
signature's stroke, read as sure as the rest ("BARMAWAN" 0.89 for "DARMAWAN"): set right where
one confusion of shapes makes a common name and no other; a rare name stays as printed. Each
name here is as the page's reading of a photographed or scanned letter gave it."""
from __future__ import annotations

import pytest

from pipeline.letter.degrees import dotted
from pipeline.letter.namewords import spelt
from pipeline.letter.scanname import scanned_name
from tests.letter.test_unseen_photos import signed


@pytest.mark.parametrize("read, printed", [
    ("BARMAWAN ANGGRAINI, S.P., M.M.", "DARMAWAN ANGGRAINI, S.P., M.M."),  # ring on the D
    ("HERU BRATAMA, S.P., MPH", "HERU PRATAMA, S.P., MPH"),  # ring on the P
    ("BUPI PERMANA, S.AP., M.M.", "BUDI PERMANA, S.AP., M.M."),
    ("Hefu Marpaung, S.Kep., M.H.", "Heru Marpaung, S.Kep., M.H."),  # stroke through the r
    ("Made Syarhsuddin Suryadi, M.Sc.", "Made Syamsuddin Suryadi, M.Sc."),  # m read rh
    ("Dra. Sejhuel Leiwakabessy, S.Pi., M.Si.", "Dra. Semuel Leiwakabessy, S.Pi., M.Si."),
    ("HERU PRATAMA SUPRIYADL, S.T., M.H.", "HERU PRATAMA SUPRIYADI, S.T., M.H."),  # I read L
    ("Ir. Bambang Pumomo, M.T.", "Ir. Bambang Purnomo, M.T."),  # rn read m
    ("Hj. KATNA SIMANJUNTAK, S.IP.", "Hj. RATNA SIMANJUNTAK, S.IP."),  # R's bowl lost
    ("SRL PRATAMA, S.Si., M.T.", "SRI PRATAMA, S.Si., M.T."),  # (no name ends "RL", listed
    ("ALOYSIUS EKO SUKMAWATL, S.Pd.", "ALOYSIUS EKO SUKMAWATI, S.Pd."),  # or not)
])
def test_a_name_word_a_letter_off_a_common_name_is_that_name(read, printed):
    assert scanned_name(read) == printed


@pytest.mark.parametrize("name", [
    "RENI PURBA, S.H.",  # (R is a letter off D: "DENI" is a name too, and so is RENI)
    "Santosa Budiarta, S.E.",  # (names vary their vowels: no Santoso, Budiarto here)
    "Dr. ISMAIL UMASUGI, S.Pi., M.Si.",  # (no listed name a letter off: as read)
    "Bonaventura Leiwakabessy, S.H.",
    "Ni Luh Putu Ayu Wahyuni, S.E.",
    "Ahmad Rifai",  # (a word of five letters off none)
    "ISMAIL JAMAL, S.E.",  # (an L after a vowel ends many names)
])
def test_a_name_as_printed_stays(name):
    assert spelt(name) == name


def test_a_word_a_letter_off_two_names_stays_as_read():
    # (its P may be a D's or an R's bowl: "RUDI" and "RURI" are both names)
    assert spelt("RUPI SANTOSO") == "RUPI SANTOSO"
    assert spelt("RUPI SANTOSO".replace("RUPI", "BUPI")) == "BUDI SANTOSO"


def test_only_the_name_is_spelt_not_its_degrees_nor_titles():
    assert spelt("Drs. BUPI, M.Si., MPH") == "Drs. BUDI, M.Si., MPH"
    assert spelt("BUDI, S.Kom.") == "BUDI, S.Kom."


def test_a_degree_in_capitals_with_its_i_read_as_an_l():
    assert dotted("S.PL.,") == "S.PI.,"
    assert dotted("M.SL.") == "M.SI."
    assert dotted("S.KEL.") == "S.KEL."  # (a listed degree with its own L)
    assert scanned_name("DR. ISMAIL UMASUGI, S.PL., M.SI.") == "DR. ISMAIL UMASUGI, S.PI., M.SI."


def test_the_signer_read_through_the_block_has_the_name_spelt():
    sig = signed(("SEKRETARIS DEWAN PERWAKILAN RAKYAT", 0.80, 0.52, 0.95, 0.90),
                 ("DAERAH KABUPATEN TULUNGAGUNG,", 0.82, 0.53, 0.90, 0.88), ("", 0, 0, 0, 0),
                 ("BARMAWAN ANGGRAINI, S.P., M.M.", 0.90, 0.53, 0.88, 0.89),
                 ("NIP 197903252009101013", 0.92, 0.53, 0.75, 0.80))
    assert sig["nama"] == "DARMAWAN ANGGRAINI, S.P., M.M."
    assert sig["nip"] == "197903252009101013"


def test_a_front_title_a_ring_spoilt_is_the_title():
    assert scanned_name("H). CUT HASBALLAH, S.E., M.SI.") == "HJ. CUT HASBALLAH, S.E., M.SI."
    assert scanned_name("H) Siti Aminah, S.Pd.") == "Hj. Siti Aminah, S.Pd."
    assert scanned_name("Sdr RUSLI HAMZAH, Sp.PD") == "dr. RUSLI HAMZAH, Sp.PD"
    assert scanned_name("H. RUDI, S.H.") == "H. RUDI, S.H."
