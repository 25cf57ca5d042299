# SPDX-License-Identifier: AGPL-3.0-or-later
"""The sending unit told by its signer's post where the kop is a picture, with no text."""
from __future__ import annotations

import pytest

from pipeline.letter.parse import parse
from tests.letter.wild import body

# a letter whose kop is a picture: its text opens at the Nomor
OPENING = [("Nomor : 400/77/Biro/2026", 0.12, 0.45), ("Hal : Konsultasi Belanja Hibah", 0.12, 0.5),
           ("", 0, 0)]


def _letter(addressee: str, post: list[str]) -> list:
    return body(*OPENING, (f"Yth. {addressee}", 0.12, 0.5), ("di Tempat", 0.12, 0.3), ("", 0, 0),
                ("Bersama ini kami mohon penjelasan sebagai berikut:", 0.12, 0.8),
                ("1. Apakah hibah dapat disalurkan pada bulan Desember?", 0.12, 0.8),
                ("Demikian kami sampaikan.", 0.12, 0.5), ("", 0, 0),
                *[(t, 0.55, 0.85) for t in post], ("", 0, 0), ("Drs. HENDRA GUNAWAN", 0.55, 0.8),
                ("NIP. 197001011995031002", 0.55, 0.8))


@pytest.mark.parametrize("addressee,post,unit", [
    ("Inspektur Provinsi Lampung", ["Kepala Biro Hukum,"],
     "Biro Hukum Sekretariat Daerah Provinsi Lampung"),
    ("Inspektur Kota Payakumbuh", ["a.n. Direktur Rumah Sakit Umum Daerah", "Kota Payakumbuh",
                                   "Wakil Direktur Umum dan Keuangan,"],
     "Rumah Sakit Umum Daerah Kota Payakumbuh"),
    ("Inspektur Kabupaten Kulon Progo", ["a.n. KEPALA DINAS PENDIDIKAN DAN KEBUDAYAAN",
                                         "KABUPATEN KULON PROGO", "SEKRETARIS,"],
     "Dinas Pendidikan dan Kebudayaan Kabupaten Kulon Progo"),
    ("Kepala Inspektorat Daerah Kabupaten Tasikmalaya",
     ["Kepala Pelaksana Badan Penanggulangan", "Bencana Daerah,"],
     "Badan Penanggulangan Bencana Daerah Kabupaten Tasikmalaya"),
    ("Inspektur Daerah Kota Gorontalo", ["Sekretaris DPRD,"],
     "Sekretariat Dewan Perwakilan Rakyat Daerah Kota Gorontalo"),
    ("Inspektur Kota Lubuklinggau", ["a.n. CAMAT LUBUKLINGGAU BARAT I",
                                     "SEKRETARIS KECAMATAN LUBUKLINGGAU BARAT I,"],
     "Kecamatan Lubuklinggau Barat I")],
    ids=["biro-region-from-addressee", "an-deputy", "an-capitals", "kepala-pelaksana",
         "sekretariat-dprd-in-full", "kecamatan-no-region"])
def test_the_unit_is_its_heads_without_a_deputys_post_in_its_region(addressee, post, unit):
    """GIVEN letters whose kop is a picture, so the unit is read from the signer's post: a
    Biro's head with no region, a deputy signing "a.n." for the head, a BPBD's "Kepala
    Pelaksana", a Camat's secretary WHEN they are read THEN the unit is the head's, without the
    deputy's post, in the region of the Inspektorat it writes to (its own government's), a
    Biro in that government's Sekretariat Daerah, a Kecamatan without its region as its kop
    would name it (before: "Biro Hukum", "… Kota Payakumbuh Wakil Direktur Umum dan
    Keuangan", "Pelaksana Badan …")."""
    got = parse(_letter(addressee, post), "pdf").pengirim
    assert got.lower() == unit.lower(), got


CHAIN = ["a.n. Kepala Dinas Ketahanan", "Pangan dan Pertanian Kabupaten", "Muara Enim",
         "Sekretaris,", "u.b.", "Kepala Subbagian Umum dan", "Kepegawaian,"]


@pytest.mark.parametrize("positioned", [True, False], ids=["pdf", "docx"])
def test_a_post_signed_down_a_chain_is_read_whole(positioned):
    """GIVEN a post signed down a chain, "a.n." the head / the Sekretaris / "u.b." / the head
    of a Subbagian, wrapped in a narrow centred block to seven lines (a PDF's, each line at its
    own left edge; or a Word letter's, with none) WHEN it is read THEN the post is all seven
    lines, and the unit is the head's (before: the post lost its first line, or, in Word, all
    above "u.b.", taken for the end of a sentence)."""
    block = [(t, 0.675 - 0.006 * len(t), 0.675 + 0.006 * len(t)) for t in CHAIN]  # (centred)
    lines = _letter("Inspektur Kabupaten Muara Enim", [])
    at = next(k for k, ln in enumerate(lines) if ln.text.startswith("Drs."))
    lines[at - 1:at - 1] = body(*block)
    if not positioned:
        lines = [type(ln)(ln.text) for ln in lines]
    got = parse(lines, "pdf" if positioned else "docx")
    assert got.penandatangan["jabatan"] == " ".join(CHAIN).rstrip(","), got.penandatangan
    assert got.pengirim.lower() == \
        "dinas ketahanan pangan dan pertanian kabupaten muara enim"
