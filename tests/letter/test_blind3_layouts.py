"""Layouts the third blind set (benchmarks/blind_letters3, seed 31) showed the reader missing:
bulleted questions, the legal basis listed before them, the e-signature's note right above
the name."""
from __future__ import annotations

from pipeline.letter import read_text
from pipeline.letter.signature import signature
from tests.letter.wild import body

HEAD = ["PEMERINTAH KOTA SORONG", "DINAS KOMUNIKASI DAN INFORMATIKA",
        "Nomor : 500/14/Diskominfo/2025", "Hal : Konsultasi Belanja Hibah", "",
        "Yth. Inspektur Kota Sorong", "di -", "Sorong", ""]
CLOSE = ["", "Demikian, atas perhatian Bapak/Ibu kami ucapkan terima kasih."]
ASKED = ["Apakah lembaga keagamaan yang belum berbadan hukum dapat menerima hibah?",
         "Siapa yang bertanggung jawab melakukan monitoring atas penggunaan hibah?"]


def _read(*lines: str):
    return read_text("\n".join(HEAD + list(lines) + CLOSE))


def test_bulleted_questions_are_the_questions():
    """GIVEN questions set with bullets (a bullet glyph, Word's Symbol bullet as a PDF gives it,
    a dash), one wrapped
    WHEN the letter is read
    THEN each bulleted item is a question, whole."""
    for mark in ("\u2022", "\uf0b7", "-", "\u2013"):
        got = _read("Berkenaan dengan itu, mohon petunjuk mengenai:",
                    f"{mark}  Apakah lembaga keagamaan yang belum berbadan hukum dapat",
                    "   menerima hibah?",
                    f"{mark}  Siapa yang bertanggung jawab melakukan monitoring atas "
                    "penggunaan hibah?")
        assert got.pertanyaan == ASKED, mark


def test_the_legal_basis_listed_before_the_questions_is_not_asked():
    """GIVEN a numbered list of regulations under a lead-in, then the questions, numbered the
    same way or bulleted (a lead-in that asks may open the letter)
    WHEN the letter is read
    THEN the questions are the questions; the regulations are none of them."""
    basis = ["Kami mohon penjelasan dan petunjuk atas hal yang kami hadapi.",
             "Dengan memperhatikan ketentuan peraturan perundang-undangan sebagai berikut:",
             "1. Undang-Undang Nomor 1 Tahun 2004 tentang Perbendaharaan Negara;",
             "2. Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah.",
             ""]
    for marks in (("1.", "2."), ("\u2022", "\u2022"), ("a.", "b.")):
        got = _read(*basis, "Berkenaan dengan itu, mohon kiranya Bapak/Ibu memberikan petunjuk:",
                    f"{marks[0]} {ASKED[0]}", f"{marks[1]} {ASKED[1]}")
        assert got.pertanyaan == ASKED, marks
    # (a single bulleted question after the basis, too)
    got = _read(*basis, "Berkenaan dengan itu, mohon petunjuk mengenai:", f"- {ASKED[0]}")
    assert got.pertanyaan == ASKED[:1]
    # a list of regulations alone, under a lead-in that asks, is still no question
    got = _read(*basis[:-1])
    assert got.pertanyaan == []


def test_the_e_signatures_note_above_the_name_is_not_the_name():
    """GIVEN an e-signed block: the post, the QR code, "Ditandatangani secara elektronik oleh:"
    right above the name
    WHEN the signature is read
    THEN the name is the name alone, and the post the post."""
    lines = body(("Demikian kami sampaikan.", 0.12, 0.5), ("", 0, 0),
                 ("Direktur,", 0.58, 0.66), ("", 0, 0),
                 ("Ditandatangani secara elektronik oleh:", 0.58, 0.85),
                 ("H. Said Umasugi, S.Sos., M.AP.", 0.58, 0.82), ("Pembina", 0.58, 0.66),
                 ("NIP: 197610122002071004", 0.58, 0.8))
    sig, _, _ = signature(lines, 0)
    assert sig["nama"] == "H. Said Umasugi, S.Sos., M.AP."
    assert sig["jabatan"] == "Direktur"
