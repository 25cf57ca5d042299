"""Numbers written in digits and in words (letter/numerals.py): the words set right what a
scan made of the digits."""
from __future__ import annotations

from pipeline.letter.misreads import cleaned
from pipeline.letter.numerals import agreed, value
from pipeline.letter.parse import parse
from tests.letter.wild import HEAD, scan


def test_a_numbers_words_say_its_value():
    """GIVEN Indonesian numbers in words WHEN read THEN their value; words that are no number's
    (two digits' words in a row, a word past the thousands) say none."""
    said = {"lima": 5, "sepuluh": 10, "sebelas": 11, "dua belas": 12, "tiga puluh": 30,
            "tiga puluh lima": 35, "seratus dua puluh": 120, "dua ratus lima puluh ribu": 250_000,
            "seribu lima ratus": 1500, "nol": 0}
    for words, n in said.items():
        assert value(words) == n
    for words in ("dua tiga", "satu juta", "lembar", "belas", "puluh lima"):
        assert value(words) is None


def test_digits_a_scan_misread_are_set_as_their_words_say():
    """GIVEN scanned lines with a number written twice whose digits the scan misread ("S (lima)",
    "3096 (tiga puluh persen)", "l0 (sepuluh)") WHEN cleaned THEN the digits are as the words
    say; digits that say another number, a Roman numeral and amounts in rupiah stay."""
    assert cleaned("lebih dari S (lima) tahun") == "lebih dari 5 (lima) tahun"
    assert cleaned("sebesar 3096 (tiga puluh persen) dari tarif") == "sebesar 30% (tiga puluh persen) dari tarif"
    assert cleaned("dalam l0 (sepuluh) hari kerja") == "dalam 10 (sepuluh) hari kerja"
    for kept in ("ada 3 (empat) hal", "Tahap I (satu)", "sebesar Rp5.000 (lima ribu rupiah)",
                 "anggota lebih dari 2 (dua) tim", "kegiatan BOS (Bantuan Operasional Sekolah)",
                 "Dana (lima) persen"):
        assert agreed(kept) == kept


def test_a_scanned_question_keeps_its_percent():
    """GIVEN a scanned question whose "30%" tesseract read "3096", its words on the next line
    WHEN the letter is read THEN the question says 30%."""
    lines = HEAD + scan(("Mohon penjelasan atas hal berikut:", 0.12), ("", 0),
                        ("1. Apakah biaya penginapan dapat dibayarkan sebesar 3096", 0.13),
                        ("(tiga puluh persen) dari tarif hotel?", 0.17), ("", 0),
                        ("Demikian kami sampaikan.", 0.12))
    assert parse(lines, "scan").pertanyaan == [
        "Apakah biaya penginapan dapat dibayarkan sebesar 30% (tiga puluh persen) dari tarif hotel?"]


def test_a_lampirans_count_in_words_of_two_capitalised_words_decides_its_digits():
    """GIVEN scanned Lampiran values whose count in words has two capitalised words or whose
    digits the scan misread WHEN read THEN the digits are the words' count."""
    from pipeline.letter.parse import _spelled
    assert _spelled("11 (Dua Belas) lembar") == "12 (Dua Belas) lembar"
    assert _spelled("I2 (dua belas) berkas") == "12 (dua belas) berkas"
    assert _spelled("2 (dua) lembar") == "2 (dua) lembar"


def test_another_offices_scanned_questions_with_numbers_written_twice():
    """GIVEN a scanned letter laid out as no generator here makes it: questions lettered with
    brackets, a stage in Roman numerals with its words ("Tahap II (dua)"), days whose digit the
    scan read as S ("S (lima) hari kerja"), a percentage wrapped from its words, and an amount
    in rupiah with its words WHEN the letter is read THEN the misread digit and percent are
    set by their words, and the Roman numeral and the amount stay as printed."""
    lines = HEAD + scan(("Dengan hormat, kami mohon penjelasan atas hal berikut:", 0.12), ("", 0),
                        ("a) Apakah pencairan Tahap II (dua) dapat dilakukan dalam waktu", 0.13),
                        ("S (lima) hari kerja setelah laporan diterima?", 0.17),
                        ("b) Apakah potongan sebesar 1096", 0.13),
                        ("(sepuluh persen) berlaku atas Rp2.500.000,00 (dua juta lima ratus ribu", 0.17),
                        ("rupiah)?", 0.17), ("", 0), ("Atas perhatian Bapak, kami ucapkan terima kasih.", 0.12))
    assert parse(lines, "scan").pertanyaan == [
        "Apakah pencairan Tahap II (dua) dapat dilakukan dalam waktu 5 (lima) hari kerja setelah "
        "laporan diterima?",
        "Apakah potongan sebesar 10% (sepuluh persen) berlaku atas Rp2.500.000,00 (dua juta lima "
        "ratus ribu rupiah)?"]
