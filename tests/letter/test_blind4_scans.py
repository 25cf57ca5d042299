# SPDX-License-Identifier: AGPL-3.0-or-later
"""What the scans and photos of the fourth blind set (seeds 41-43) still misread: a question
table whose heading's No cell was not read, a four-digit Nomor that lost its first digit, a
name's titles joined or misread, the posts' office words one letter off and the stamp's bits
before them, and the `u.b.` of a chain of posts on a line of its own."""
from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.letter.lines import Line
from pipeline.letter.parse import parse
from pipeline.letter.signature import signature
from tests.letter.wild import HEAD

SCAN_HEAD = [replace(ln, ocr=True) for ln in HEAD]
SIGNED = [("Kepala Dinas Sosial,", 0.55, 0.8), ("", 0, 0), ("Drs. HENDRA GUNAWAN", 0.55, 0.75),
          ("NIP. 197001011995031002", 0.55, 0.78)]
ASKED = ["Bagaimana pertanggungjawaban biaya penginapan apabila hotel tidak menerbitkan "
         "kuitansi resmi?",
         "Mohon petunjuk mengenai batas jarak perjalanan dinas dalam kota yang dapat dibayarkan "
         "uang transport"]


def scanned(*rows: tuple[str, float, float]) -> list[Line]:
    """Lines as OCR gives them: (text, left edge, right edge)."""
    return [Line(t, 1, x0, ocr=True, conf=0.93, x1=x1) if t else Line("", ocr=True)
            for t, x0, x1 in rows]


def _table(*heading: tuple[str, float, float]) -> list[Line]:
    """A photographed table of matters and questions under HEADING's cells: a blank line read
    below the shaded heading, a speck before a wrapped question's line, and the second row's
    number read "2," on a line of its own, apart from its matter."""
    return SCAN_HEAD + scanned(
        ("Adapun rincian permasalahan dan pertanyaan yang kami ajukan adalah sebagai berikut:",
         0.16, 0.8), *heading, ("", 0, 0),
        ("1. Bukti penginapan", 0.17, 0.35),
        ("Bagaimana pertanggungjawaban biaya penginapan", 0.478, 0.85),
        ("0... apabila hotel tidak menerbitkan kuitansi resmi?", 0.396, 0.82),
        ("2,", 0.17, 0.182), ("Perjalanan dalam kota", 0.22, 0.38),
        ("Mohon petunjuk mengenai batas jarak perjalanan dinas", 0.479, 0.88),
        ("dalam kota yang dapat dibayarkan uang transport.", 0.478, 0.84), ("", 0, 0),
        ("Demikian kami sampaikan, atas perhatian diucapkan terima kasih.", 0.16, 0.8),
        ("", 0, 0), *SIGNED)


@pytest.mark.parametrize("heading", [
    (("Uraian Permasalahan", 0.24, 0.44), ("Hal yang Dikonsultasikan", 0.575, 0.81)),
    (("INO|——— KonpisI oo”", 0.141, 0.3), ("PERTANYAAN", 0.607, 0.73)),
    (("No Uraian Permasalahan", 0.165, 0.4), ("Hal yang Dikonsultasikan", 0.548, 0.8))])
def test_a_photographed_question_table_gives_its_questions(heading):
    """GIVEN a phone photo of a `No | Uraian Permasalahan | Hal yang Dikonsultasikan` table
    whose heading's No cell was not read (or its heading's first cells came out as debris),
    with a blank line read under the heading, a speck before a question's wrapped line and a
    row's number apart from its matter WHEN it is read THEN the questions are the cells of the
    question's column, whole, one a row (before, the matters were read as the questions)."""
    assert parse(_table(*heading), "image").pertanyaan == ASKED


def test_titles_at_the_margin_over_a_plain_list_are_no_table():
    """GIVEN a scan whose body sets a title and then "Pertanyaan" at its margin over a plain
    numbered list WHEN it is read THEN the list's items are the questions, as before."""
    lines = SCAN_HEAD + scanned(
        ("Permasalahan", 0.16, 0.3), ("Pertanyaan", 0.16, 0.28),
        ("1. Apakah honorarium tim dapat dibayarkan untuk bulan Januari?", 0.16, 0.8),
        ("2. Bagaimana perlakuan pajak atas honorarium narasumber?", 0.16, 0.78), ("", 0, 0),
        ("Demikian kami sampaikan, atas perhatian diucapkan terima kasih.", 0.16, 0.8),
        ("", 0, 0), *SIGNED)
    assert parse(lines, "image").pertanyaan == [
        "Apakah honorarium tim dapat dibayarkan untuk bulan Januari?",
        "Bagaimana perlakuan pajak atas honorarium narasumber?"]


def _nomor(row: str) -> str | None:
    lines = SCAN_HEAD[:3] + scanned((row, 0.12, 0.6), ("Hal : Konsultasi Hibah", 0.12, 0.5),
                                    ("", 0, 0), ("Yth. Inspektur Kota Padang", 0.12, 0.45),
                                    ("di Padang", 0.12, 0.3), ("", 0, 0), *SIGNED)
    return parse(lines, "scan").nomor


def test_a_scanned_nomor_keeps_its_first_digit_after_a_colon():
    """GIVEN scanned Nomor rows WHEN they are read THEN a four-digit sequence number after a
    colon read keeps its first "1" ("1387/000.1.2.3/…"; before, it was taken for the colon,
    misread); where no colon was read, a "1" before a classification code is the colon."""
    assert _nomor("Nomor : 1387/000.1.2.3/DPMPTSP/VIII/2025") == \
        "1387/000.1.2.3/DPMPTSP/VIII/2025"
    assert _nomor("Nomor 1800.1.2/55/Dinsos/2026") == "800.1.2/55/Dinsos/2026"


def _signed(post: list[str], name: str) -> dict:
    lines = [Line("Demikian disampaikan.", 1, 0.1, ocr=True), Line("", ocr=True),
             *[Line(p, 1, 0.53, ocr=True, conf=0.9) for p in post], Line("", ocr=True),
             Line(name, 1, 0.53, ocr=True, conf=0.8),
             Line("NIP. 197106221997081001", 1, 0.53, ocr=True, conf=0.9)]
    return signature(lines, 1)[0]


@pytest.mark.parametrize("read, name", [
    ("Sis Dr-dr. SITI NUR AINI, MARS", "Dr. dr. SITI NUR AINI, MARS"),
    ("SC Prof-Dr. Ir. H. CECEP HIDAYAT, M.Si., IPU", "Prof. Dr. Ir. H. CECEP HIDAYAT, M.Si., IPU"),
    ("YAN Ns. SRI WAHYUNI, S.Kom.", "Ns. SRI WAHYUNI, S.Kom."),
    ("Dr: RETNO KUSUMAWARDANI, M.Si., IPU", "Dr. RETNO KUSUMAWARDANI, M.Si., IPU"),
    ("Siti\u2019 Nur Aini, S.Sos.", "Siti Nur Aini, S.Sos."),
    ("Dr. Hj. NI MADE SURYANI, S.Kep., MKes.", "Dr. Hj. NI MADE SURYANI, S.Kep., M.Kes."),
    ("dr. Linda Setiawati, M.Kes., Sp. KKLP", "dr. Linda Setiawati, M.Kes., Sp.KKLP"),
    # (as printed: a foreign degree, a name's own apostrophe and short words)
    ("Budi Santoso, S.T., MSc", "Budi Santoso, S.T., MSc"),
    ("Nu'man Hakim, S.E.", "Nu'man Hakim, S.E."),
    ("Ns SITI AMINAH, S.Kep.", "Ns SITI AMINAH, S.Kep."),
    ("La Ode Ahmad, S.E.", "La Ode Ahmad, S.E.")])
def test_a_scanned_names_titles_and_degrees_are_as_printed(read, name):
    """GIVEN scanned names whose two front titles the stamp's ring joined with a hyphen, with
    its letters read before them, a nurse's "Ns." after such letters, a title's dot read as a
    colon, a speck after a name, and degrees that lost a dot or took a space WHEN the
    signature is read THEN the name is as printed."""
    assert _signed(["KEPALA DINAS KESEHATAN,"], read)["nama"] == name


@pytest.mark.parametrize("read, post", [
    (["os 22 GAMAT PENEBEL,"], "CAMAT PENEBEL"),
    (["wet... SERRETARIS DPRD KOTA MADIUN,"], "SEKRETARIS DPRD KOTA MADIUN"),
    (["dn, CAMAT CITANGKIL", "SEKRETARI S KECAMATAN CITANGKIL,"],
     "a.n. CAMAT CITANGKIL SEKRETARIS KECAMATAN CITANGKIL"),
    (["a.n. Camat Payakumbuh Barat", "Sekretaris Kecamatan Payakumbuh Barat,", "u.b.",
      "Kepala Subbagian Umum dan Kepegawaian,"],
     "a.n. Camat Payakumbuh Barat Sekretaris Kecamatan Payakumbuh Barat, u.b. Kepala Subbagian "
     "Umum dan Kepegawaian"),
    # (as printed: a post's own words before its office, an acting mark without its dot)
    (["Penjabat Sekretaris Daerah,"], "Penjabat Sekretaris Daerah"),
    (["Wakil Bupati Badung,"], "Wakil Bupati Badung"),
    (["Pj Bupati Aceh Besar,"], "Pj Bupati Aceh Besar"),
    (["(Plt.) Kepala Dinas Tenaga Kerja,"], "(Plt.) Kepala Dinas Tenaga Kerja"),
    (["Plh. Kepala Dinas Kependudukan danPencatatan Sipil,"],
     "Plh. Kepala Dinas Kependudukan dan Pencatatan Sipil"),
    (["Kepala Badan Kesatuan Bangsa dan Politik,"], "Kepala Badan Kesatuan Bangsa dan Politik"),
    (["CAMAT DANUREJAN,"], "CAMAT DANUREJAN")])
def test_a_scanned_post_is_as_printed(read, post):
    """GIVEN scanned posts with the stamp's bits read before them, an office's word one letter
    off ("SERRETARIS", "GAMAT") or its last letter read apart, "a.n." read "dn," before a
    chain of posts, and the chain's "u.b." on a line of its own WHEN the signature is read
    THEN the post is as printed (before, the bits stayed, the words were misspelt and the
    "u.b." was dropped as a speck)."""
    assert _signed(read, "Drs. HENDRA GUNAWAN")["jabatan"] == post


def test_a_copy_to_wilayah_i_keeps_its_numeral():
    """GIVEN a scanned Tembusan entry whose Wilayah's "I" was read as a stroke ("Wilayah |")
    WHEN the line is cleaned THEN the numeral is I (before, the stroke went as a speck and
    "Wilayah Inspektorat" named no inspector)."""
    from pipeline.letter.misreads import cleaned
    assert cleaned("2. Inspektur Pembantu Wilayah | Inspektorat Kabupaten Kerinci.") == \
        "2. Inspektur Pembantu Wilayah I Inspektorat Kabupaten Kerinci."
    assert cleaned("pada wilayah Lampung Timur") == "pada wilayah Lampung Timur"


@pytest.mark.parametrize("nip_line, nip", [
    ("SNIP. 1970010419941210O8", "197001041994121008"),
    ("SMP 492607231988121006", "192607231988121006")])
def test_a_signature_block_whose_nip_label_the_stamp_spoilt_is_read(nip_line, nip):
    """GIVEN a scanned block whose NIP label took a speck before it ("SNIP.", a 0 read O) or
    was read "SMP" with the birth year's 1 read 4 WHEN the signature is read THEN the block is
    found: its name, NIP and post (before, no line read as a NIP and the signer was lost)."""
    lines = [Line("Demikian disampaikan.", 1, 0.1, ocr=True), Line("", ocr=True),
             Line("KEPALA DINAS KETAHANAN PANGAN", 1, 0.5, ocr=True, conf=0.95),
             Line("DAN PERTANIAN,", 1, 0.56, ocr=True, conf=0.73), Line("", ocr=True),
             Line("Mulyadi, S.STP", 1, 0.58, ocr=True, conf=0.9),
             Line(nip_line, 1, 0.52, ocr=True, conf=0.5)]
    assert signature(lines, 1)[0] == {"nama": "Mulyadi, S.STP", "nip": nip,
                                      "jabatan": "KEPALA DINAS KETAHANAN PANGAN DAN PERTANIAN"}


def test_a_post_the_stamps_bits_pushed_left_of_the_block_is_read():
    """GIVEN a scanned post whose lines the stamp's bits start left of the name's column
    ("44. Plt: Kepala Dinas …", "Psp” dan Kawasan Permukiman,") WHEN the signature is read
    THEN the post is read, its acting mark as printed (before, no post was read)."""
    lines = [Line("baik, kami ucapkan terima kasih.", 1, 0.19, ocr=True), Line("", ocr=True),
             Line("44. Plt: Kepala Dinas Perumahan Rakyat", 1, 0.457, ocr=True, conf=0.77,
                  x1=0.79),
             Line("Psp\u201d dan Kawasan Permukiman,", 1, 0.447, ocr=True, conf=0.65, x1=0.74),
             Line("", ocr=True),
             Line("drg. Rahmat Hidayat, M.Kes.", 1, 0.514, ocr=True, conf=0.58, x1=0.776),
             Line("NIP. 19780908 200601 1 010", 1, 0.516, ocr=True, conf=0.83, x1=0.75)]
    assert signature(lines, 1)[0]["jabatan"] == \
        "Plt. Kepala Dinas Perumahan Rakyat dan Kawasan Permukiman"


@pytest.mark.parametrize("read, printed", [
    ("bagi tenaga non- ASN dapat", "bagi tenaga non-ASN dapat"),
    ("kode rekening belanja apa nonorarium PPPK", "kode rekening belanja apa honorarium PPPK"),
    ("harga di katalog elektronik febih tinggi", "harga di katalog elektronik lebih tinggi"),
    ("sebagai biaya _penginapan?", "sebagai biaya penginapan?"),
    # (as printed: a suspended prefix, words and names an f or n belongs to)
    ("pra- dan pascasarjana", "pra- dan pascasarjana"),
    ("fasilitasi fakta Fahmi farmasi", "fasilitasi fakta Fahmi farmasi"),
    ("penanaman modal di Nganjuk", "penanaman modal di Nganjuk")])
def test_a_scanned_questions_words_are_as_printed(read, printed):
    """GIVEN a scanned question's line with a prefix's hyphen read with a space after it, an h
    read n in a long word, an l read f, a speck glued to a word's start WHEN it is cleaned
    THEN it reads as printed."""
    from pipeline.letter.misreads import cleaned, respelt
    assert respelt([Line(cleaned(read), 1, 0.1, ocr=True)])[0].text == printed


def test_what_the_review_of_the_scan_rules_found_reads_right():
    """GIVEN what an adversarial review of these rules built against the reader before them:
    places one letter off an office's word, acting marks other than Plt./Plh./Pj., a.n. and u.b.
    with a stop lost, a lone "u.b" before a post, table rules read as bars, a Nomor's speck
    after its colon, and an apostrophe in a name WHEN each is read THEN it reads as printed
    (the first versions made "Muara Badak" "Muara Badan", dropped "Pjs." and "a.n", read a table's
    bar after "Golongan" as I, kept "l800.…" and cut "Rofi' ah")."""
    from pipeline.letter.misreads import cleaned
    from pipeline.letter.scanname import scanned_name
    from pipeline.letter.scanpost import scanned_post
    for post in ("Camat Muara Badak", "CAMAT BAGAN SINEMBAH", "Camat Minas", "Lurah Bagan Deli",
                 "Ketua Ikatan Bidan Indonesia", "Pjs. Bupati Sleman", "PJS. WALIKOTA MEDAN",
                 "Pgs. Kepala Cabang", "Pth. Kepala Dinas Pendidikan",
                 "a.n Bupati Subang Asisten Pemerintahan dan Kesra", "u.b. Kepala Bidang",
                 "Staf Ahli Bupati Bidang Hukum", "KPA Kepala Bidang Anggaran"):
        assert scanned_post(post) == post
    assert scanned_post("a,n. Gubernur Jawa Barat Kepala Dinas") == \
        "a.n. Gubernur Jawa Barat Kepala Dinas"
    assert scanned_post("u,b Kepala Bidang") == "u.b. Kepala Bidang"
    for row in ("No | Nama | NIP | Pangkat/Golongan | Jabatan", "No | Wilayah | Jumlah Pegawai"):
        assert " I " not in cleaned(row)
    assert cleaned("Inspektur Pembantu Wilayah |") == "Inspektur Pembantu Wilayah I"
    for row in ("Nomor : l800.1.2/55/Dinsos/2026", "Nomor : 1 800.1.2/55/Dinsos/2026"):
        assert _nomor(row) == "800.1.2/55/Dinsos/2026"
    assert scanned_name("Siti Rofi' ah, S.E.") == "Siti Rofi' ah, S.E."


def test_a_numbered_body_whose_signature_a_speck_numbered_gives_its_questions():
    """GIVEN a scanned body numbered paragraph by paragraph, its questions lettered under the
    third, closing with "4. Demikian …", and the signature's post read after it with a speck
    as "44. Plt: Kepala Dinas …" WHEN it is read THEN the lettered questions are read (before,
    the speck's "44." was taken for a fifth paragraph and no question was read)."""
    lines = SCAN_HEAD + scanned(
        ("1. Dalam rangka tertib administrasi, dengan ini kami mohon konsultasi terkait", 0.17,
         0.85), ("pemberian tambahan penghasilan pegawai.", 0.2, 0.6),
        ("2. Adapun kondisi yang terjadi saat ini adalah sebagai berikut:", 0.17, 0.8),
        ("a. Terdapat 4 (empat) orang ASN yang menjalani tugas belajar;", 0.2, 0.8),
        ("b. Peraturan Kepala Daerah belum mengatur besaran TPP tersebut.", 0.2, 0.8),
        ("3. Sehubungan dengan hal tersebut, kami sampaikan beberapa hal untuk mendapatkan",
         0.17, 0.86), ("penjelasan, yaitu:", 0.2, 0.4),
        ("a. Bagaimana mekanisme perhitungan komponen kinerja TPP bagi pegawai tersebut?",
         0.2, 0.86),
        ("b. Mohon penjelasan mengenai perlakuan TPP bagi pegawai yang menjalani izin", 0.2,
         0.85), ("belajar dengan biaya sendiri.", 0.23, 0.5),
        ("4. Demikian permohonan ini kami sampaikan. Atas perhatian dan kerja sama yang", 0.16,
         0.86), ("baik, kami ucapkan terima kasih.", 0.2, 0.46), ("", 0, 0),
        ("44. Plt: Kepala Dinas Sosial,", 0.457, 0.79), ("", 0, 0),
        ("Drs. HENDRA GUNAWAN", 0.55, 0.75), ("NIP. 197001011995031002", 0.55, 0.78))
    assert parse(lines, "scan").pertanyaan == [
        "Bagaimana mekanisme perhitungan komponen kinerja TPP bagi pegawai tersebut?",
        "Mohon penjelasan mengenai perlakuan TPP bagi pegawai yang menjalani izin belajar "
        "dengan biaya sendiri"]
