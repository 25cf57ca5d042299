"""Field rules that must hold for unseen letters, on small hand-written texts."""
from __future__ import annotations

import pytest

from pipeline.letter import read_text
from pipeline.letter.dates import find_date, place_date
from pipeline.letter.letterhead import canonical, from_signer

LETTER = """PEMERINTAH KABUPATEN KENDAL
DINAS PEKERJAAN UMUM DAN PENATAAN RUANG
Jalan Soekarno-Hatta No. 5 Kendal Telepon (0294) 381234

Kendal, 3 Nopember 2025

Nomor    : 600.1/ 233 /DPUPR/XI/2025
Sifat    : Penting
Lampiran : -
Perihal  : Permohonan Konsultasi atas Pelaksanaan
           Pekerjaan Konstruksi

Kepada
Yth. Bapak Inspektur Daerah Kabupaten Kendal
di -
   Kendal

Dengan hormat, bersama ini kami mohon penjelasan sebagai berikut:
a. Apakah addendum waktu dapat diberikan karena cuaca
   ekstrem?
b. Bagaimana perhitungan denda keterlambatan?

Demikian, atas perhatiannya kami ucapkan terima kasih.

a.n. Kepala Dinas Pekerjaan Umum dan Penataan Ruang
Kabupaten Kendal
Sekretaris,


SITI AMINAH, S.T.
Penata Tingkat I
NIP. 19800101 200501 2 003

Tembusan disampaikan kepada Yth.:
- Bupati Kendal (sebagai laporan);
- Yth. Sekretaris Daerah Kabupaten Kendal.
"""


@pytest.fixture(scope="module")
def reading():
    return read_text(LETTER)


@pytest.mark.parametrize("field,want", [
    ("nomor", "600.1/233/DPUPR/XI/2025"), ("tanggal", "2025-11-03"), ("sifat", "Penting"),
    ("lampiran", None), ("hal", "Permohonan Konsultasi atas Pelaksanaan Pekerjaan Konstruksi"),
    ("pengirim", "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Kendal"),
    ("tujuan", "Inspektur Daerah Kabupaten Kendal"),
    # as printed: "(sebagai laporan)" stays, as Paraf writes it in its own letters' Tembusan
    ("tembusan", ["Bupati Kendal (sebagai laporan)", "Sekretaris Daerah Kabupaten Kendal"]),
    ("pertanyaan", ["Apakah addendum waktu dapat diberikan karena cuaca ekstrem?",
                    "Bagaimana perhitungan denda keterlambatan?"]),
])
def test_field(reading, field, want):
    """GIVEN a plain-text letter with Perihal, a wrapped subject, lettered questions and '-' tembusan
    WHEN it is parsed
    THEN each field is read in its normal form."""
    assert getattr(reading, field) == want


def test_signature(reading):
    """GIVEN an a.n. signature block with rank and a spaced NIP
    WHEN parsed
    THEN the NIP is 18 digits without spaces, the rank is skipped and the post kept whole."""
    assert reading.penandatangan == {
        "nama": "SITI AMINAH, S.T.", "nip": "198001012005012003",
        "jabatan": "a.n. Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Kendal Sekretaris"}


@pytest.mark.parametrize("text,iso", [
    ("Pekalongan, 12 Maret 2026", "2026-03-12"), ("Tegal, 12-03-2026", "2026-03-12"),
    ("Batang, 12/03/2026", "2026-03-12"), ("Kendal, 12 Mar 2026", "2026-03-12"),
    ("Semarang, 1 Pebruari 2026", "2026-02-01"), ("Brebes, 30 Agustus 2026", "2026-08-30"),
])
def test_dates(text, iso):
    """GIVEN the date forms letters use
    WHEN read as a place-and-date line
    THEN the ISO date comes out."""
    assert place_date(text) == iso


def test_date_rejects_impossible_and_body_dates():
    """GIVEN an impossible date and a date inside a sentence
    WHEN read
    THEN neither is taken as the letter's own date."""
    assert find_date("31 Februari 2026") is None
    assert place_date("tanggal 25 Juni 2026, bersama ini") is None


def test_missing_required():
    """GIVEN a text without Nomor or Hal
    WHEN parsed
    THEN missing() names both."""
    assert read_text("Mohon info jadwal rapat besok.\nTerima kasih").missing() == ["nomor", "hal"]


def test_opd_names_canonical(reading):
    """GIVEN a directory of OPD names
    WHEN the letterhead name matches one loosely
    THEN the directory spelling is returned; otherwise the built name stays."""
    names = ["Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten  Kendal", "Dinas Sosial Kabupaten Kendal"]
    assert read_text(LETTER, opd_names=names).pengirim == names[0]
    assert canonical("Dinas Kesehatan Kota Tegal", names) == "Dinas Kesehatan Kota Tegal"


def test_pengirim_from_signer():
    """GIVEN no letterhead
    WHEN the unit is guessed from the signer's post
    THEN the head's title is turned into the unit name."""
    assert from_signer("Kepala Dinas Sosial Kota Tegal") == "Dinas Sosial Kota Tegal"
    assert from_signer("Sekretaris DPRD Kabupaten Batang") == "Sekretariat DPRD Kabupaten Batang"
    assert from_signer("Camat Pekalongan Utara") == "Kecamatan Pekalongan Utara"
