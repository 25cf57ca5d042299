"""Answers from an official's e-mail text and from an edited draft DOCX."""
from __future__ import annotations

import io

import pytest
from docx import Document

from pipeline.casework import drafting
from pipeline.casework.answers import answers_from_text, docx_answers, explain
from tests.drafting import ANSWERS, INSPECTOR, OFFICE, entry


def test_numbered_multiline():
    """GIVEN a reply with a greeting, numbered answers wrapped over several lines, a lettered
    sub-list and a sign-off WHEN read for 3 questions THEN three answers come back in order,
    soft wraps joined, list items and sentences kept on their own lines, sign-off dropped."""
    text = """Selamat siang, berikut jawaban saya:

1. Sisa dana BOS dapat digunakan pada tahun
berjalan sesuai juknis.
Rinciannya:
a. listrik;
b. air.
2) Penghapusan diusulkan kepada
   Wali Kota.
3. Ditetapkan oleh Wali Kota.

Terima kasih.
Budi
"""
    assert answers_from_text(text, 3) == [
        "Sisa dana BOS dapat digunakan pada tahun berjalan sesuai juknis.\nRinciannya:\n"
        "a. listrik;\nb. air.",
        "Penghapusan diusulkan kepada Wali Kota.",
        "Ditetapkan oleh Wali Kota.",
    ]
    assert explain(text, 3) == "3 numbered answer(s)"


@pytest.mark.parametrize("text", [
    "Jawaban 1: Boleh.\nJawaban 2: Melalui pengelola barang.\nJawaban 3: Wali Kota.",
    "Ad 1. Boleh.\nAd 2. Melalui pengelola barang.\nAd 3. Wali Kota.",
    "(1) Boleh.\n(2) Melalui pengelola barang.\n(3) Wali Kota.",
    "Jawaban no. 1 : Boleh.\n\nJawaban nomor 2 :\nMelalui pengelola barang.\nJawaban 3\nWali Kota.",
])
def test_numbering_styles(text):
    """GIVEN answers numbered as "Jawaban 1:", "Ad 1.", "(1)" WHEN read THEN each style works."""
    assert answers_from_text(text, 3) == ["Boleh.", "Melalui pengelola barang.", "Wali Kota."]


def test_nested_list_and_amounts_are_not_new_answers():
    """GIVEN answer 1 holding its own 1./2./3. list and a line starting with an amount
    WHEN read for 2 questions THEN the inner list stays in answer 1."""
    text = ("1. Syaratnya:\n1. SK penetapan;\n2. berita acara;\n3. foto.\n"
            "1.500.000 rupiah tidak perlu dilelang.\n2. Tidak dapat.\n3. berlaku juga.")
    got = answers_from_text(text, 2)
    assert got == ["Syaratnya:\n1. SK penetapan;\n2. berita acara;\n3. foto.\n"
                   "1.500.000 rupiah tidak perlu dilelang.", "Tidak dapat.\n3. berlaku juga."]


def test_quoted_text_and_signature_are_ignored():
    """GIVEN numbered answers above a quoted original and a '-- ' signature WHEN read
    THEN only the fresh answers count."""
    text = ("1. Ya.\n2. Tidak.\n-- \nIrban II\n\nPada 20 Nov 2026 Paraf menulis:\n"
            "> 1. Apakah ...\n> 2. Bagaimana ...\n> 3. Siapa ...")
    assert answers_from_text(text, 2) == ["Ya.", "Tidak."]


def test_one_question_unnumbered():
    """GIVEN a one-question case and a plain paragraph reply with greeting and sign-off
    WHEN read THEN the paragraph is the answer."""
    text = ("Yth. Ibu Kasubbag,\n\nJawaban: pengadaan langsung di bawah Rp200 juta dapat\n"
            "dilakukan melalui e-katalog lokal sepanjang tersedia.\n\nSalam,\nIrban III")
    assert answers_from_text(text, 1) == [
        "pengadaan langsung di bawah Rp200 juta dapat dilakukan melalui e-katalog lokal "
        "sepanjang tersedia."]


@pytest.mark.parametrize("text, n, why", [
    ("1. Ya.\n2. Tidak.", 3, "found 2 numbered answer(s) but the letter has 3 questions"),
    ("Sudah saya cek, nanti saya kabari lagi ya.", 2, "no numbered answers found"),
    ("Oke siap.", 1, "too short"),
    ("Terlampir konsep yang sudah saya lengkapi.", 1, "refers to an attachment"),
    ("1. Ya.\n2.\n3. Tidak.", 3, "answer 2 is empty"),
    ("> 1. Ya\n> 2. Tidak", 2, "no text of its own"),
    ("", 2, "no text of its own"),
])
def test_not_answers(text, n, why):
    """GIVEN replies that do not hold the answers WHEN read THEN None, with a reason."""
    assert answers_from_text(text, n) is None
    assert why in explain(text, n)


def _draft(answers) -> bytes:
    ctx = drafting.context_for(entry(), OFFICE, INSPECTOR, answers)
    return drafting.render(drafting.default_template(), ctx)


def test_docx_round_trip():
    """GIVEN a draft rendered with answers (one of them missing) WHEN read back
    THEN the same answers come out, and "" for the missing one."""
    assert docx_answers(_draft(ANSWERS)) == ANSWERS
    assert docx_answers(_draft([ANSWERS[0], "", ANSWERS[2]])) == [ANSWERS[0], "", ANSWERS[2]]


def test_docx_answers_after_editing():
    """GIVEN a draft where an official typed two answers, added an unstyled paragraph and a
    numbered list inside an answer, and the third question lost its style
    WHEN read back THEN the edits are in the right answers."""
    doc = Document(io.BytesIO(_draft(None)))
    paras = [p for p in doc.paragraphs if p.text == "Jawaban: [jawaban belum diisi]"]
    questions = [p for p in doc.paragraphs if p.style.name == "Pertanyaan"]
    paras[1].runs[-1].text = " Melalui pengelola barang, dengan syarat:"
    questions[2].insert_paragraph_before("1. SK penetapan;")
    questions[2].insert_paragraph_before("3. foto.", style="Jawaban")
    questions[2].style = doc.styles["Normal"]
    paras[2].runs[-1].text = " Wali Kota."
    buf = io.BytesIO()
    doc.save(buf)
    assert docx_answers(buf.getvalue()) == [
        "", "Melalui pengelola barang, dengan syarat:\n1. SK penetapan;\n3. foto.", "Wali Kota."]
