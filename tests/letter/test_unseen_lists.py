# SPDX-License-Identifier: AGPL-3.0-or-later
"""Questions that scans and PDFs of blind sets read for the first time (seeds 28, 35, 49) still
lost: an attachment's label wrapped in its narrow cell at another letter, a question table's
heading misread by a letter, a list of one bulleted question, a bullet read as a line of its
own, a speck before a list's letter, and a justified cell's line of three words stretched
apart. Each line here is as the page's reading gave it."""
from __future__ import annotations

from pipeline.letter.lines import Line, Word, from_words
from pipeline.letter.parse import parse
from tests.letter.wild import HEAD, scan

CLOSING = ("Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih.", 0.12)


def test_an_attachments_label_wrapped_at_another_letter_still_heads_its_questions():
    letter = HEAD + scan(("Bersama ini kami mohon konsultasi, dengan daftar pertanyaan "
                          "sebagaimana terlampir.", 0.12), CLOSING, ("", 0),
                         ("KEPALA DINAS SOSIAL,", 0.55), ("", 0), ("Drs. AHMAD YANI", 0.55),
                         ("NIP. 197001011995031001", 0.55), ("", 0),
                         ("LAMPIR : SURAT KEPALA DINAS", 0.52), ("AN", 0.52),
                         ("NOMOR : 400/77/Dinsos/2026", 0.52), ("TANGGAL : 2 Maret 2026", 0.52),
                         ("", 0), ("DAFTAR PERTANYAAN", 0.40), ("", 0),
                         ("1. Apakah bantuan sosial dapat diberikan dua kali?", 0.12),
                         ("2. Bagaimana pertanggungjawaban hibah yang terlambat?", 0.12))
    assert parse(letter, "scan").pertanyaan == [
        "Apakah bantuan sosial dapat diberikan dua kali?",
        "Bagaimana pertanggungjawaban hibah yang terlambat?"]


def test_a_question_tables_heading_misread_by_a_letter_still_names_its_column():
    rows = [("Adapun rincian permasalahan dan pertanyaan kami sebagai berikut:", 0.135, 0.890),
            ("No", 0.139, 0.163), ("Uraian Permasalahan", 0.218, 0.420),
            ("Hal yang Dikonsuitasikan", 0.576, 0.816), ("", 0, 0),
            ("1. Honorarium narasumber", 0.135, 0.394),
            ("Mohon petunjuk terkait pemberian honorarium", 0.473, 0.870),
            ("internal", 0.187, 0.250), ("narasumber dari perangkat daerah sendiri.", 0.474, 0.9),
            ("2. Batas jumlah tim", 0.136, 0.329),
            ("Berapa jumlah maksimal tim yang dapat diikuti", 0.474, 0.916),
            ("seorang pegawai dalam satu tahun anggaran?", 0.473, 0.867), ("", 0, 0)]
    letter = HEAD + [Line(t, 1, x0, ocr=True, x1=x1) if t else Line("", ocr=True)
                     for t, x0, x1 in rows] + scan(CLOSING)
    assert parse(letter, "scan").pertanyaan == [
        "Mohon petunjuk terkait pemberian honorarium narasumber dari perangkat daerah sendiri",
        "Berapa jumlah maksimal tim yang dapat diikuti seorang pegawai dalam satu tahun anggaran?"]


def test_one_bulleted_question_under_its_colon_is_a_list_of_one():
    letter = HEAD + scan(("Berkenaan dengan itu, mohon kiranya Bapak/Ibu dapat memberikan", 0.185),
                         ("petunjuk mengenai:", 0.125),
                         ("e Apakah retribusi pelayanan pasar wajib disetor ke kas daerah", 0.124),
                         ("paling lambat satu hari kerja?", 0.155), ("", 0),
                         ("Atas perhatian dan kerja samanya, kami ucapkan terima kasih.", 0.183))
    assert parse(letter, "scan").pertanyaan == [
        "Apakah retribusi pelayanan pasar wajib disetor ke kas daerah paling lambat satu hari "
        "kerja?"]
    # (a line opening with a small word after a sentence that ends is no bullet's)
    letter = HEAD + scan(("Kami sampaikan hal berikut.", 0.125),
                         ("e Apakah retribusi pelayanan pasar wajib disetor?", 0.124), CLOSING)
    assert parse(letter, "scan").pertanyaan == []


def test_a_bullet_read_as_a_line_of_its_own_beside_its_item_stays_its_items():
    def at(text, top, x0, x1, conf=0.96):
        return Line(text, 1, x0, ocr=True, conf=conf, x1=x1, top=top)
    letter = HEAD + [
        at("Adapun hal-hal yang ingin kami konsultasikan adalah sebagai berikut:", 0.594, 0.162,
           0.644),
        at("* Apakah aset hasil hibah yang belum disertai berita acara dapat", 0.623, 0.121,
           0.906),
        at("dicatat sebagai aset daerah?", 0.643, 0.154, 0.342),
        at("e", 0.671, 0.121, 0.125, 0.37),
        at("Apakah tanah yang belum bersertifikat dapat dicatat dalam Kartu", 0.667, 0.153,
           0.906),
        at("Inventaris Barang A?", 0.688, 0.154, 0.389), Line("", ocr=True)] + scan(CLOSING)
    assert parse(letter, "scan").pertanyaan == [
        "Apakah aset hasil hibah yang belum disertai berita acara dapat dicatat sebagai aset "
        "daerah?", "Apakah tanah yang belum bersertifikat dapat dicatat dalam Kartu Inventaris "
        "Barang A?"]
    # (a speck beside the signer's name, in the signature's column, is no bullet: the name is
    # no question, seed 36)
    block = [at("Kepala Bagian Kesejahteraan Rakyat,", 0.912, 0.486, 0.778), Line("", ocr=True),
             at("=", 1.030, 0.434, 0.447, 0.46), at("MUH. ILHAM MOKODOMPIT, S.E., M.SI.", 1.035,
                                                    0.509, 0.848, 0.91),
             at("NIP 19731110 200203 1 007", 1.085, 0.509, 0.772)]
    letter = letter[:-1] + [Line("", ocr=True)] + block
    assert len(parse(letter, "scan").pertanyaan) == 2


def test_a_speck_before_a_lists_letter_leaves_the_letter_due():
    letter = HEAD + scan(("Kami mohon konsultasi atas beberapa permasalahan berikut:", 0.186),
                         ("a. Bagaimana perhitungan pemotongan TPP bagi pegawai?", 0.186),
                         ("b. Apakah TPP dapat dibayarkan kepada pegawai tugas belajar?", 0.187),
                         ("c. Sejak kapan pemotongan TPP bagi pegawai itu berlaku?", 0.188),
                         ("d. Apakah TPP dibayarkan kepada pegawai yang cuti besar?", 0.189),
                         ("ce. Apakah pejabat Plt. berhak menerima TPP pada dua jabatan?", 0.191),
                         CLOSING)
    assert parse(letter, "scan").pertanyaan[-1] == \
        "Apakah pejabat Plt. berhak menerima TPP pada dua jabatan?"


def test_three_words_of_a_justified_cell_stretched_apart_are_one_line():
    w = 1000.0

    def word(text, x0, x1, top):
        return Word(text, x0 * w, x1 * w, top * w, top * w + 14)
    words = [word(t, x0, x1, 0.803) for t, x0, x1 in (
        ("1.", 0.238, 0.250), ("Bagaimana", 0.262, 0.360), ("sanksi", 0.370, 0.430),
        ("bagi", 0.440, 0.480), ("penerima", 0.490, 0.570), ("hibah", 0.580, 0.630),
        ("yang", 0.640, 0.690), ("terlambat", 0.700, 0.869))] + [
        word("menyampaikan", 0.282, 0.438, 0.825), word("laporan", 0.508, 0.582, 0.8265),
        word("pertanggungjawaban", 0.653, 0.868, 0.827)] + [
        word("penggunaan", 0.282, 0.400, 0.852), word("hibah?", 0.410, 0.482, 0.852)]
    lines = [ln.text for ln in from_words(words, w, 1, ocr=True)]
    assert "menyampaikan laporan pertanggungjawaban" in lines
    # (three cells of a table's row under such a line, their gaps unlike, stay three)
    row = [word("Ketua", 0.30, 0.36, 0.827), word("Kepala", 0.50, 0.56, 0.827),
           word("Rp500.000", 0.80, 0.869, 0.827)]
    assert [ln.text for ln in from_words(words[:8] + row, w, 1, ocr=True)][1:] == [
        "Ketua", "Kepala", "Rp500.000"]
