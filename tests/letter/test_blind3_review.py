"""An adversarial review of the rules blind set 3 brought (a helper ran them on inputs of its
own against the reader before them): each case it found the new rules read worse, now read
right."""
from __future__ import annotations

from pipeline.letter import read_text
from pipeline.letter.lines import Line
from pipeline.letter.signature import signature
from tests.letter.test_blind3_layouts import _two_pages
from tests.letter.wild import scan

LETTER = ["PEMERINTAH KABUPATEN SLEMAN", "DINAS PENDIDIKAN", "Nomor : 400.3/12/Disdik/2025",
          "Hal : Konsultasi Honorarium", "", "Yth. Inspektur Kabupaten Sleman", "di Sleman", ""]
SIGNED = ["", "Kepala Dinas Pendidikan,", "", "Drs. BUDI SANTOSO, M.Pd.",
          "NIP. 196801011990031001", ""]


def test_an_enclosure_or_a_mail_footer_after_the_tembusan_is_no_recipient():
    """GIVEN a Tembusan list that ended on page 1, then an enclosure opening page 2 with its
    own numbered or dashed list; and a mail whose dashed Tembusan a forwarded-message line
    follows after a blank
    WHEN the letter is read
    THEN the list is the recipients alone."""
    from pipeline.letter import read_letter_inprocess
    for first, overleaf in ((["1. Bupati Sleman;", "2. Sekretaris Daerah Kabupaten Sleman."],
                             ["1. Data guru yang mengajukan cuti", "2. Surat keterangan dokter"]),
                            (["- Bupati Sleman;", "- Sekretaris Daerah Kabupaten Sleman."],
                             ["- Fotokopi SK Pengangkatan", "- Surat keterangan sakit"])):
        got = read_letter_inprocess(_two_pages(first, overleaf), "surat.pdf").tembusan
        assert got == ["Bupati Sleman", "Sekretaris Daerah Kabupaten Sleman"], overleaf
    mail = "\n".join(LETTER + ["Kami mohon penjelasan: apakah honor dapat dibayarkan?"] + SIGNED +
                     ["Tembusan:", "- Bupati Sleman", "- Sekretaris Daerah", "",
                      "- Dikirim dari Yahoo Mail"])
    assert read_text(mail).tembusan == ["Bupati Sleman", "Sekretaris Daerah"]


def test_a_bulleted_list_that_asks_nothing_is_not_the_questions():
    """GIVEN numbered points under a lead-in that asks, then a bulleted list of the documents
    sent under "kami mohon Bapak dapat menerima dokumen berikut:"
    WHEN the letter is read
    THEN the numbered points are the questions."""
    got = read_text("\n".join(LETTER + [
        "Sehubungan dengan hal tersebut, kami mohon penjelasan terkait hal-hal berikut:",
        "1. Mekanisme pembayaran honorarium tim pelaksana kegiatan;",
        "2. Besaran honorarium yang dapat dibayarkan.", "",
        "Untuk melengkapi permohonan ini, kami mohon Bapak dapat menerima dokumen berikut:",
        "- Salinan DPA Tahun 2025;", "- Surat Keputusan Tim;", "- Rincian Anggaran Biaya.", "",
        "Demikian disampaikan, atas perhatian diucapkan terima kasih."] + SIGNED))
    assert got.pertanyaan == ["Mekanisme pembayaran honorarium tim pelaksana kegiatan",
                              "Besaran honorarium yang dapat dibayarkan"]


def test_a_bulleted_detail_under_a_numbered_question_keeps_the_questions_after_it():
    """GIVEN numbered questions, the second followed by a rider and its bulleted details,
    then question 3
    WHEN the questions are read
    THEN all three are the questions."""
    from pipeline.letter.questions import questions
    from tests.letter.wild import body
    lines = body(("Kami mohon penjelasan atas hal berikut:", 0.1, 0.6),
                 ("1.  Apakah honor narasumber dapat dibayarkan kepada ASN?", 0.1, 0.7),
                 ("2.  Apakah honor tim dapat dibayarkan setiap bulan?", 0.1, 0.7),
                 ("Adapun rincian honor tim sebagai berikut:", 0.13, 0.6),
                 ("-  Ketua Rp 1.000.000;", 0.14, 0.4), ("-  Anggota Rp 750.000.", 0.14, 0.4),
                 ("3.  Bagaimana ketentuan pajak atas honor tersebut?", 0.1, 0.7))
    got = questions(lines, 0, len(lines))[0]
    assert len(got) == 3, got
    assert got[0] == "Apakah honor narasumber dapat dibayarkan kepada ASN?"
    assert got[1].startswith("Apakah honor tim dapat dibayarkan setiap bulan?")
    assert got[2] == "Bagaimana ketentuan pajak atas honor tersebut?"


def test_a_firms_nib_or_a_cut_nip_in_the_body_does_not_place_the_signature():
    """GIVEN a scanned letter whose body names a firm's NIB and an employee's NIP cut short,
    and whose signer's NIP reads whole
    WHEN the signature is read
    THEN it is the signer's."""
    lines = scan(("Nama Perusahaan : CV Maju Jaya", 0.1), ("NIB : 9120301234567", 0.1),
                 ("NIP. 19800101 200501", 0.1), ("Demikian disampaikan.", 0.1), ("", 0),
                 ("KEPALA DINAS PEKERJAAN UMUM,", 0.55), ("", 0),
                 ("Ir. BAMBANG WIDODO, M.T.", 0.55), ("NIP. 196805121994031005", 0.55))
    sig = signature(lines, 0)[0]
    assert (sig["nama"], sig["nip"]) == ("Ir. BAMBANG WIDODO, M.T.", "196805121994031005")


def test_a_posts_own_small_words_and_acting_marks_stay():
    """GIVEN posts that name their role with "selaku" or "pada", split across the page or
    closed with a stop a scan read for the comma, and "a/n Plt." before a post
    WHEN the signature is read
    THEN the post is whole."""
    def post(*rows: tuple[str, int], ocr: bool = False) -> str | None:
        lines = [Line("Demikian disampaikan.", 1, 0.1, ocr=ocr), Line("", 1, ocr=ocr)] + [
            Line(t, page, 0.55, x1=0.9, ocr=ocr, conf=0.9) for t, page in rows] + [
            Line("", 2, ocr=ocr), Line("Drs. Budi Santoso", 2, 0.55, x1=0.8, ocr=ocr, conf=0.9),
            Line("NIP. 196805121994031005", 2, 0.55, x1=0.8, ocr=ocr, conf=0.9)]
        return signature(lines, 1)[0]["jabatan"]
    assert post(("Kepala Dinas Kesehatan", 2), ("selaku Pengguna Anggaran.", 2), ocr=True) == \
        "Kepala Dinas Kesehatan selaku Pengguna Anggaran"
    assert post(("Plt. Kepala Bagian Umum pada", 1), ("Sekretariat Daerah,", 2)) == \
        "Plt. Kepala Bagian Umum pada Sekretariat Daerah"
    assert post(("a/n Plt. KEPALA DINAS PENDIDIKAN", 2), ("SEKRETARIS,", 2), ocr=True) == \
        "a/n Plt. KEPALA DINAS PENDIDIKAN SEKRETARIS"


def test_an_addressee_wrapped_before_its_place_or_a_cq_stays_whole():
    """GIVEN scanned addressees "Yth. Bupati" / "Sleman" / "c.q. Inspektur ...", and "Yth.
    Inspektur Daerah" / "Sleman", in a letter dated at Sleman
    WHEN the addressee is read
    THEN each is whole."""
    from pipeline.letter.parse import _tujuan

    def to(*rows: tuple[str, float]) -> str | None:
        lines = scan(("Sleman, 3 Maret 2025", 0.68), *rows, ("", 0))
        return _tujuan(lines, 0, len(lines))[0]
    assert to(("Yth. Bupati", 0.1), ("Sleman", 0.1), ("c.q. Inspektur Kabupaten Sleman", 0.1),
              ("di", 0.1), ("Sleman", 0.14)) == "Bupati Sleman c.q. Inspektur Kabupaten Sleman"
    assert to(("Yth. Inspektur Daerah", 0.1), ("Sleman", 0.1)) == "Inspektur Daerah Sleman"


def test_a_list_of_regulations_asked_about_is_the_questions():
    """GIVEN a lead-in that asks whether the regulations listed still hold
    WHEN the letter is read
    THEN the regulations are what is asked."""
    got = read_text("\n".join(LETTER + [
        "Kami mohon penjelasan apakah ketentuan berikut masih berlaku:",
        "1. Peraturan Bupati Sleman Nomor 12 Tahun 2019 tentang Perjalanan Dinas;",
        "2. Peraturan Bupati Sleman Nomor 4 Tahun 2021 tentang Standar Biaya.", "",
        "Demikian disampaikan."] + SIGNED))
    assert len(got.pertanyaan) == 2


def test_a_post_with_an_acronym_of_its_own_is_not_the_kops():
    """GIVEN scanned posts read whole that name more than the kop's head by an acronym or a
    region's kind cut short ("... Sosial P3A", "... Kesehatan DAN KB", "... Sosial Kab")
    WHEN they are told by the kop
    THEN they stay as read; a title spoilt alone ("Kepaia") is still mended."""
    from pipeline.letter.letterhead import told

    def post(read: str, unit: str) -> str:
        return told(read, f"{unit} Kota Padang", "Kota Padang")
    for read, unit in (("Kepala Dinas Sosial P3A", "Dinas Sosial"),
                       ("KEPALA DINAS KESEHATAN DAN KB", "Dinas Kesehatan"),
                       ("Kepala Dinas Sosial PPA", "Dinas Sosial"),
                       ("Kepala Dinas Sosial Kab", "Dinas Sosial")):
        assert post(read, unit) == read
    assert post("Kepaia Dinas Sosial", "Dinas Sosial") == "Kepala Dinas Sosial"


def test_a_kampung_under_its_distrik_is_the_sender():
    """GIVEN a kop naming a Distrik, then the Kampung under it
    WHEN the sending unit is read
    THEN it is the Kampung, without its region."""
    from pipeline.letter.letterhead import from_letterhead
    kop = from_letterhead([Line(t, 1, 0.3, x1=0.7) for t in (
        "PEMERINTAH KABUPATEN JAYAPURA", "DISTRIK SENTANI", "KAMPUNG HOBONG",
        "Jalan Raya Sentani Nomor 3")])
    assert kop.name == "Kampung Hobong"


def test_an_unseen_office_layout_is_read_whole():
    """GIVEN a letter no generator writes: arrow bullets ("➢"), a lettered legal basis under a
    lead-in that does not ask, the closing right after the last question with no blank, the
    date above the Nomor in the old spelling "Pebruari", a Hal over two lines, "Kepada Yth."
    with the office under it and "di -" with an indented place
    WHEN the letter is read
    THEN every field is the letter's."""
    r = read_text("\n".join([
        "PEMERINTAH KABUPATEN KEPULAUAN ARU", "DINAS KESEHATAN",
        "Jalan Yos Sudarso Nomor 4, Dobo 97662", "", "Dobo, 12 Pebruari 2025",
        "Nomor : 440/118/Dinkes/II/2025", "Sifat : Segera", "Lampiran : -",
        "Perihal : Permohonan Konsultasi Pengelolaan Dana", "Kapitasi JKN", "",
        "Kepada Yth.", "Inspektur Kabupaten Kepulauan Aru", "di -", "    Dobo", "",
        "Berdasarkan ketentuan:", "a. Peraturan Presiden Nomor 32 Tahun 2014;",
        "b. Peraturan Menteri Kesehatan Nomor 6 Tahun 2022.", "",
        "Bersama ini kami mohon penjelasan mengenai hal berikut:",
        "\u27a2 Apakah sisa dana kapitasi tahun lalu dapat digunakan untuk belanja modal?",
        "\u27a2 Bagaimana pertanggungjawaban jasa pelayanan bagi tenaga kontrak?",
        "Besar harapan kami atas petunjuk Bapak. Atas perhatiannya diucapkan terima kasih.", "",
        "Kepala Dinas Kesehatan,", "", "dr. Yosina Gaite, M.Kes.", "NIP. 19750312 200212 2 004",
        "", "Tembusan:", "1. Bupati Kepulauan Aru;", "2. Arsip."]))
    assert r.pertanyaan == [
        "Apakah sisa dana kapitasi tahun lalu dapat digunakan untuk belanja modal?",
        "Bagaimana pertanggungjawaban jasa pelayanan bagi tenaga kontrak?"]
    assert (r.tanggal, r.nomor, r.sifat, r.lampiran) == (
        "2025-02-12", "440/118/Dinkes/II/2025", "Segera", None)
    assert r.hal == "Permohonan Konsultasi Pengelolaan Dana Kapitasi JKN"
    assert (r.tujuan, r.pengirim) == ("Inspektur Kabupaten Kepulauan Aru",
                                      "Dinas Kesehatan Kabupaten Kepulauan Aru")
    assert r.penandatangan == {"nama": "dr. Yosina Gaite, M.Kes.", "nip": "197503122002122004",
                               "jabatan": "Kepala Dinas Kesehatan"}
    assert r.tembusan == ["Bupati Kepulauan Aru", "Arsip"]
