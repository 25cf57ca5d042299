"""A scanned word one confused letter off a word a reader knows is spelt as that word
(letter/misreads.respelt, letter/lexicon)."""
from __future__ import annotations

from pipeline.letter.lines import Line
from pipeline.letter.misreads import respelt


def texts(*texts: str, ocr: bool = True) -> list[str]:
    return [ln.text for ln in respelt([Line(t, 1, 0.2, ocr=ocr) for t in texts])]


def test_a_misread_l_or_i_is_set_right_by_the_lexicon_and_by_the_letter_itself():
    """GIVEN scanned lines with "Pegawa!", "interna!", "Operasional!" and "teriambat"
    WHEN they are respelt THEN each is the Indonesian word a reader sees; a "!" that is a
    speck after a whole word goes; a word that stands for a name the letter spells elsewhere
    takes that spelling."""
    assert texts("Hal : Konsultasi Tambahan Penghasilan Pegawa! (TPP)",
                 "Apakah moderator dalam sosialisasi interna! dapat diberikan honorarium",
                 "Dana Bantuan Operasional! Satuan Pendidikan",
                 "Apakah terdapat ketentuan lain yang perlu kami perhatikan?",
                 "penerima hibah yang teriambat menyampaikan laporan") == [
        "Hal : Konsultasi Tambahan Penghasilan Pegawai (TPP)",
        "Apakah moderator dalam sosialisasi internal dapat diberikan honorarium",
        "Dana Bantuan Operasional Satuan Pendidikan",
        "Apakah terdapat ketentuan lain yang perlu kami perhatikan?",
        "penerima hibah yang terlambat menyampaikan laporan"]
    assert texts("UPTD Puskesmas Sidomulyo", "wilayah kerja Puskesmas Sidomulyo",
                 "Kepala Puskesmas Sidomuiyo") == [
        "UPTD Puskesmas Sidomulyo", "wilayah kerja Puskesmas Sidomulyo", "Kepala Puskesmas Sidomulyo"]


def test_what_stays_as_read():
    """GIVEN words a reader would not know but that are no misreading of one they would
    (names, even one a confused letter off a root word: "Jawa", "lawa"; names in capitals,
    acronyms, loanwords an l off a stemmed word: "diklat", "dikiat"; English, a word with a
    digit), and text from a text
    PDF WHEN they are respelt THEN nothing changes."""
    kept = ["Kepala Dinas Sidomulyo, Loekmono Hadi, Wulan Wibowo, S.IP.", "KURNTASTH MAHENDRA TANJUNG",
            "Inspektur Provinsi Jawa Tengah di Jawa Barat dan Bali",
            "SiLPA BLUD e-Katalog online lumpsum kwitansi", "Nomor : 400.3/227/Disdik/2024",
            "biaya diklat dan kursus melalui e-mail dinas", "surat plt kepala pln"]
    assert texts(*kept) == kept
    assert texts("Pegawa! dan interna!", ocr=False) == ["Pegawa! dan interna!"]


def test_a_word_cut_after_its_capital_is_whole_and_a_class_letter_stays():
    """GIVEN scanned lines where OCR cut "Denpasar" and "Aset" after their capital (the letter
    spells them elsewhere, or the piece is no word), and lines where a capital letter stands
    for a class or a block WHEN they are respelt THEN the cut words are whole and the letters
    stay apart (I, V and X are Roman numerals; "A dan" is no "Adan")."""
    assert texts("Kepala Inspektorat Kota D enpasar", "Badan Pengelolaan Keuangan dan A set Daerah",
                 "Bidang Aset", "rumah dinas Blok C nomor 5", "Tipe A dengan fasilitas", "golongan I dan II",
                 "Apakah rumah sakit kelas A dan B wajib menyusun RBA?", "kelas B oleh dinas") == [
        "Kepala Inspektorat Kota Denpasar", "Badan Pengelolaan Keuangan dan Aset Daerah", "Bidang Aset",
        "rumah dinas Blok C nomor 5", "Tipe A dengan fasilitas", "golongan I dan II",
        "Apakah rumah sakit kelas A dan B wajib menyusun RBA?", "kelas B oleh dinas"]


def test_an_e_read_for_an_o_and_back_is_set_right_for_a_long_root_word_only():
    """GIVEN scanned lines where tesseract read an o as e or an e as o ("Kensultasi",
    "honerarium"), or an m as "rn" ("Bagairnana") WHEN they are respelt THEN each is the root
    word; a place's or a person's name one such letter off a root word stays ("Ambon" is no
    "amben", "Lebong" no "lebang"), as do short words and loanwords the root words lack
    ("toner", "token", "coding", "kepling", "org"), and "pernah", "modern"."""
    assert texts("Perihal : Kensultasi Permasalahan Honorarium",
                 "pembayaran honerarium narasumber", "1. Bagairnana tata cara pencatatan aset") == [
        "Perihal : Konsultasi Permasalahan Honorarium", "pembayaran honorarium narasumber",
        "1. Bagaimana tata cara pencatatan aset"]
    kept = ["Kota Ambon dan Kabupaten Lebong", "Bapak Susilo di Tenggarong", "Bagindo Muaro Togar",
            "Kota Sarnarinda", "Pengadaan toner printer dan isi ulang token listrik",
            "petugas coding dan kepling", "Nomor : 000.9.3/021/org/2024", "pernah internal modern"]
    assert texts(*kept) == kept


def test_a_run_of_letters_no_page_holds_costs_no_time():
    """GIVEN a scanned line of 6,000 letters run together WHEN respelt THEN it stays, at once."""
    import time
    t0 = time.perf_counter()
    assert texts("o" * 6000) == ["o" * 6000]
    assert time.perf_counter() - t0 < 1.0


def test_a_long_capitalised_word_an_l_off_a_root_word_is_that_word():
    """GIVEN a scanned Hal whose "Konsultasi" was read "Konsuitasi" (capitalised, the letter
    spelling it nowhere else), and names an i or l off no root word of their own ("Wijiasih",
    "Kelimutu") WHEN respelt THEN the Hal reads "Konsultasi"; the names stay: only a long
    word that is a root word as it stands is set right, as few names are."""
    assert texts("Hal : Konsuitasi Pengelolaan Dana Desa", "Sdr. Wijiasih Paimin",
                 "Danau Kelimutu dan Bali") == [
        "Hal : Konsultasi Pengelolaan Dana Desa", "Sdr. Wijiasih Paimin",
        "Danau Kelimutu dan Bali"]
