# SPDX-License-Identifier: AGPL-3.0-or-later
"""A signer's name as scans of blind seeds misread it: an I at a word's end read as an L where
no name ends so, an I read as an L in a degree in capitals, a front title a ring spoilt. And
what no rule may touch: a real name a letter-shape confusion off another common name (an
adversarial review found a list of names turning HARIYANTO into HADIYANTO), so a ring's
"BARMAWAN" for "DARMAWAN" stays as read. Each name here is as a page's reading gave it."""
from __future__ import annotations

import pytest

from pipeline.letter.degrees import dotted
from pipeline.letter.scanname import scanned_name
from tests.letter.test_unseen_photos import signed


@pytest.mark.parametrize("read, printed", [
    ("SRL PRATAMA, S.Si., M.T.", "SRI PRATAMA, S.Si., M.T."),  # (no name is without a vowel)
    ("ALOYSIUS EKO SUKMAWATL, S.Pd.", "ALOYSIUS EKO SUKMAWATI, S.Pd."),  # (nor ends "TL")
    ("HERU PRATAMA SUPRIYADL, S.T., M.H.", "HERU PRATAMA SUPRIYADI, S.T., M.H."),
])
def test_an_i_read_as_an_l_where_no_name_ends_so_is_an_i(read, printed):
    assert scanned_name(read) == printed


@pytest.mark.parametrize("name", [
    # (real names a letter-shape confusion off other common names: a scan's "BARMAWAN" for
    # "DARMAWAN" cannot be told from them, so no name's word is spelt by a list of names)
    "Drs. HARIYANTO, M.Si.", "Ir. SUDARMAN, M.T.", "H. Suhardi, S.Sos.", "DIKA PRATAMA, S.STP.",
    "Hj. FEBI ANGGRAINI, S.E.", "Dr. Ivan Setiawan, S.H., M.H.", "BARMAWAN ANGGRAINI, S.P.",
    "MARCELL SIAHAAN, S.E.", "KARL LUMBANTOBING", "ISMAIL JAMAL, S.E.", "Santosa Budiarta, S.E.",
    # (Arabic names ending in a consonant and an L, as Indonesian Muslims are named)
    "MUHAMMAD FADL, S.H.", "H. ABDUL FADHL, M.Ag.",
])
def test_a_name_as_printed_stays(name):
    assert scanned_name(name) == name


def test_a_degree_in_capitals_with_its_i_read_as_an_l():
    assert dotted("S.PL.,") == "S.PI.,"
    assert dotted("M.SL.") == "M.SI."
    assert dotted("S.KEL.") == "S.KEL."  # (a listed degree with its own L)
    assert scanned_name("DR. ISMAIL UMASUGI, S.PL., M.SI.") == "DR. ISMAIL UMASUGI, S.PI., M.SI."


def test_the_signer_read_through_the_block_has_the_name_set_right():
    sig = signed(("SEKRETARIS DEWAN PERWAKILAN RAKYAT", 0.80, 0.52, 0.95, 0.90),
                 ("DAERAH KABUPATEN TULUNGAGUNG,", 0.82, 0.53, 0.90, 0.88), ("", 0, 0, 0, 0),
                 ("DARMAWAN SUPRIYADL, S.P., M.M.", 0.90, 0.53, 0.88, 0.89),
                 ("NIP 197903252009101013", 0.92, 0.53, 0.75, 0.80))
    assert sig["nama"] == "DARMAWAN SUPRIYADI, S.P., M.M."
    assert sig["nip"] == "197903252009101013"


def test_a_front_title_a_ring_spoilt_is_the_title():
    assert scanned_name("H). CUT HASBALLAH, S.E., M.SI.") == "HJ. CUT HASBALLAH, S.E., M.SI."
    assert scanned_name("H) Siti Aminah, S.Pd.") == "Hj. Siti Aminah, S.Pd."
    assert scanned_name("Sdr RUSLI HAMZAH, Sp.PD") == "dr. RUSLI HAMZAH, Sp.PD"
    assert scanned_name("H. RUDI, S.H.") == "H. RUDI, S.H."
