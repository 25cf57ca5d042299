"""What the scans of blind set 3 (seeds 31-33) still misread after its first rules: a name's
titles in capitals, a post at the margin under the stamp's ring, sub-questions set apart by
blank lines and a misread Nomor label (the dark stamps are in test_scanprep)."""
from __future__ import annotations

from PIL import Image

from pipeline.letter.lines import Line
from pipeline.letter.signature import signature


def test_front_titles_in_capitals_are_told_on_a_scan():
    """GIVEN scanned names in capitals whose front titles are in capitals too, as a block in
    capitals prints them: one with the stamp's lettering read before "DR.", one whose "IR."
    lost its dot, one whose "H." took a second dot, a Balinese name whose I after "DR." was read
    as a J, "Hj." after "Dr." read "Hi.", and the ring's letters before a title ("MN XH.")
    WHEN the signature is read
    THEN each name is as printed, its titles whole and nothing before them."""
    def nama(name: str) -> str:
        lines = [Line("Demikian disampaikan.", 1, 0.1, ocr=True), Line("", ocr=True),
                 Line("KEPALA DINAS PERUMAHAN RAKYAT,", 1, 0.53, ocr=True, conf=0.9),
                 Line("", ocr=True), Line(name, 1, 0.53, ocr=True, conf=0.8),
                 Line("NIP. 197106221997081001", 1, 0.53, ocr=True, conf=0.9)]
        return signature(lines, 1)[0]["nama"]
    assert nama("SS. DR. JACOB LEIWAKABESSY, S.H.") == "DR. JACOB LEIWAKABESSY, S.H."
    assert nama("Ses PROF. DR. MARIA LELO, M.PD.") == "PROF. DR. MARIA LELO, M.PD."
    assert nama("IR FIENTJE TUHUMURY, S.HUT., M.SC.") == "IR. FIENTJE TUHUMURY, S.HUT., M.SC."
    assert nama("H.. SAFRIZAL MAHMUD, S.KOM., M.T.") == "H. SAFRIZAL MAHMUD, S.KOM., M.T."
    assert nama("DR. J KETUT OKA, S.KOM., M.T.") == "DR. I KETUT OKA, S.KOM., M.T."
    assert nama("Dr. Hi. RATNA SIMANJUNTAK, S.T.") == "Dr. Hj. RATNA SIMANJUNTAK, S.T."
    # (a name's own short words stay, with or without a vowel: "Mhd", "Ngr", "FX", "Ns")
    for kept in ("MHD YUSUF, S.E.", "NGR RAI SUDARMA, S.E.", "FX SUMARNO, S.E.",
                 "Ns SITI AMINAH, S.Kep."):
        assert nama(kept) == kept
    assert nama("Hj Siti Aminah, S.E.") == "Hj. Siti Aminah, S.E."
    assert nama("MN XH. AGUS PERMANA, S.STP.") == "H. AGUS PERMANA, S.STP."
    assert nama("La Ode Ahmad, S.E.") == "La Ode Ahmad, S.E."
    assert nama("Ni Luh Putu Sari, S.E.") == "Ni Luh Putu Sari, S.E."
    # (a name's own initial is no title: it stays)
    assert nama("M. JUSUF KALLA, S.E.") == "M. JUSUF KALLA, S.E."
    assert nama("J. KETUT OKA, S.E.") == "J. KETUT OKA, S.E."


def test_a_mark_read_as_0_before_a_post_at_the_margin_is_no_list():
    """GIVEN a scanned signature block at the left margin whose post's last line the stamp's
    ring put a mark before, read "0." ("0. SUMBER DAYA MANUSIA,"), well left of the block
    WHEN the signature is read
    THEN the post is whole: no list counts from 0; a real list's item above the name is no
    post, as before."""
    def jabatan(last: str) -> str | None:
        lines = [Line("Atas perhatian dan kerja samanya, kami ucapkan terima kasih.", 1, 0.2,
                      ocr=True), Line("", ocr=True)] + [
            Line(t, 1, x0, ocr=True, conf=0.85, x1=x1) for t, x0, x1 in (
                ("KEPALA BADAN KEPEGAWAIAN", 0.124, 0.418),
                ("_-. DAN PENGEMBANGAN", 0.066, 0.335), (last, 0.028, 0.364))] + [
            Line("", ocr=True),
            Line("Fransiskus Wanggai, S.H.,", 1, 0.123, ocr=True, conf=0.9, x1=0.406),
            Line("M.H.", 1, 0.124, ocr=True, conf=0.9, x1=0.171),
            Line("NIP 19791206 200806 1 010", 1, 0.125, ocr=True, conf=0.9, x1=0.4)]
        return signature(lines, 1)[0]["jabatan"]
    assert jabatan("0. SUMBER DAYA MANUSIA,") == \
        "KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"
    assert jabatan("3. SUMBER DAYA MANUSIA,") is None


def test_sub_questions_set_apart_by_blank_lines_stay_under_their_item():
    """GIVEN a scanned list whose first item opens lettered sub-questions, each set in from the
    item's number and apart from it by a blank line, and a second numbered question after
    WHEN the questions are read
    THEN there are two: the first with its lead and both sub-questions, the second whole.
    A lettered list at the item's own column after a blank line is a list of its own."""
    from pipeline.letter.questions import questions

    def read(sub_x0: float) -> list[str]:
        rows = [("Adapun hal-hal yang ingin kami konsultasikan sebagai berikut:", 0.12), None,
                ("1. Terkait ketentuan tersebut, kami mohon penjelasan:", 0.125), None,
                ("a. Apakah sewa kendaraan dapat dipertanggungjawabkan dengan", sub_x0),
                ("kuitansi perorangan?", sub_x0 + 0.033), None,
                ("b. Bagaimana ketentuan perjalanan dinas dalam kota?", sub_x0), None,
                ("2. Apakah perjalanan dinas dengan kapal laut dapat diberikan uang", 0.124),
                ("harian selama waktu tunggu keberangkatan?", 0.158),
                ("Atas perhatian dan kerja samanya, kami ucapkan terima kasih.", 0.12)]
        lines = [Line("", ocr=True) if r is None else
                 Line(r[0], 1, r[1], ocr=True, conf=0.95, x1=0.85) for r in rows]
        return questions(lines, 0, len(lines))[0]
    assert read(0.158) == [
        "Terkait ketentuan tersebut, kami mohon penjelasan: a. Apakah sewa kendaraan dapat "
        "dipertanggungjawabkan dengan kuitansi perorangan? b. Bagaimana ketentuan perjalanan "
        "dinas dalam kota?",
        "Apakah perjalanan dinas dengan kapal laut dapat diberikan uang harian selama waktu "
        "tunggu keberangkatan?"]
    assert "Bagaimana ketentuan perjalanan dinas dalam kota?" in read(0.125)


def test_a_nomor_label_misread_is_still_the_number():
    """GIVEN a scanned heading whose Nomor label was read with its o as an a ("Nomar:") or
    its m as rn ("Nornor :")
    WHEN the letter is read
    THEN the number is read; a line that only opens like it ("Nomaden …") is left alone."""
    from pipeline.letter.misreads import cleaned
    assert cleaned("Nomar: 000.2.3/827/RSUD/IX/2024") == "Nomor: 000.2.3/827/RSUD/IX/2024"
    assert cleaned("Nornor : 400/12/Dinkes/2024") == "Nomor : 400/12/Dinkes/2024"
    assert cleaned("Nomaden di wilayah pegunungan") == "Nomaden di wilayah pegunungan"


def test_a_name_over_three_scanned_lines_is_whole():
    """GIVEN a scanned block in a narrow column whose name runs over three lines, its titles on
    the first ("PROF. DR. DR. NURLELA" / "TUASIKAL, S.KEP., NS.," / "M.KEP."), the room to sign
    above it
    WHEN the signature is read
    THEN the name is all three lines and the post is the lines above the room; a post's last
    line a room's height above a two-line name is still no part of it."""
    def sig(first_top: float) -> dict:
        rows = [("DIREKTUR RUMAH SAKIT UMUM", 0.114), ("DAERAH", 0.14),
                ("DR. MARTHEN LATUMAHINA,", 0.167), None,
                ("PROF. DR. DR. NURLELA", first_top), ("TUASIKAL, S.KEP., NS.,", 0.303),
                ("M.KEP.", 0.33), ("NIP. 19711224 199704 2 006", 0.357)]
        lines = [Line("Atas perhatian dan kerja samanya, kami ucapkan terima kasih.", 1, 0.13,
                      ocr=True), Line("", ocr=True)] + [
            Line("", ocr=True) if r is None else
            Line(r[0], 1, 0.525, ocr=True, conf=0.9, top=r[1], x1=0.8) for r in rows]
        return signature(lines, 1)[0]
    got = sig(0.276)
    assert (got["nama"], got["jabatan"]) == (
        "PROF. DR. DR. NURLELA TUASIKAL, S.KEP., NS., M.KEP.",
        "DIREKTUR RUMAH SAKIT UMUM DAERAH DR. MARTHEN LATUMAHINA")
    assert sig(0.2)["nama"] == "TUASIKAL, S.KEP., NS., M.KEP."


def test_a_lone_bulleted_question_whose_bullet_was_read_as_a_colon_is_read():
    """GIVEN a scan whose one bulleted question lost its bullet to a colon (": Bagaimana …?")
    after a lead-in that asks on its line before its last ("mohon penjelasan atas hal-" /
    "hal sebagai berikut:")
    WHEN the questions are read
    THEN it is the question, without the colon."""
    from pipeline.letter.questions import questions
    texts = ["Sehubungan dengan hal tersebut, kami mohon penjelasan atas hal-",
             "hal sebagai berikut:",
             ": Bagaimana ketentuan pemberian uang muka kepada penyedia usaha kecil yang",
             "belum memiliki jaminan uang muka dari bank umum?",
             "Besar harapan kami agar permohonan ini dapat ditindaklanjuti."]
    lines = [Line(t, 1, 0.104, ocr=True, conf=0.95, x1=0.9) for t in texts]
    assert questions(lines, 0, len(lines))[0] == [
        "Bagaimana ketentuan pemberian uang muka kepada penyedia usaha kecil yang belum "
        "memiliki jaminan uang muka dari bank umum?"]


def test_a_first_item_read_l_before_its_sub_questions_is_item_1():
    """GIVEN a scan whose one numbered item, read "l." for "1.", opens lettered sub-questions
    set in from it, after a lettered legal basis at the margin
    WHEN the body is cleaned and the questions read
    THEN the item is 1 and its sub-questions stay under it; an "l." after a "k." is item l."""
    from pipeline.letter.bodyclean import clean
    from pipeline.letter.questions import questions
    rows = [("Adapun ketentuan yang menjadi acuan kami antara lain:", 0.194),
            ("a. Undang-Undang Nomor 1 Tahun 2004 tentang Perbendaharaan Negara;", 0.134),
            ("b. Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan.", 0.134),
            None, ("Adapun hal-hal yang ingin kami konsultasikan adalah sebagai berikut:", 0.194),
            ("l. Berkaitan dengan hal ini, mohon penjelasan:", 0.136),
            ("a. Bagaimana perlakuan akuntansi atas klaim BPJS yang belum dibayarkan?", 0.172),
            ("b. Berapa batas ambang nilai persediaan yang wajib dilaporkan?", 0.173), None,
            ("Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih.", 0.194)]
    lines = clean([Line("", ocr=True) if r is None else
                   Line(r[0], 1, r[1], ocr=True, conf=0.95, x1=0.9) for r in rows])
    assert questions(lines, 0, len(lines))[0] == [
        "Berkaitan dengan hal ini, mohon penjelasan: a. Bagaimana perlakuan akuntansi atas "
        "klaim BPJS yang belum dibayarkan? b. Berapa batas ambang nilai persediaan yang wajib "
        "dilaporkan?"]
    after_k = [Line("k. Peraturan Bupati Nomor 3 Tahun 2020;", 1, 0.134, ocr=True),
               Line("l. Peraturan Bupati Nomor 4 Tahun 2021 tentang:", 1, 0.134, ocr=True),
               Line("a. Pasal 3;", 1, 0.17, ocr=True)]
    assert clean(after_k)[1].text.startswith("l. ")


def test_bullets_read_as_any_lone_mark_make_one_list():
    """GIVEN a scanned bulleted list of three questions whose bullets were read as three
    different marks ("e«", "e", "#")
    WHEN the questions are read
    THEN all three are the questions; a line opening with a table's rule ("| Nama") is none."""
    from pipeline.letter.questions import questions
    rows = ["Sehubungan dengan hal tersebut, kami mohon penjelasan atas hal-hal berikut:", "",
            "e\u00ab Apakah pembangunan aplikasi oleh tenaga ahli memerlukan reviu?",
            "e Apakah pengadaan nama domain dapat dilakukan dengan kartu kredit?",
            "# Apakah belanja pemeliharaan pusat data dapat digabung dalam satu paket?", "",
            "Demikian permohonan ini kami sampaikan."]
    lines = [Line(t, 1, 0.112, ocr=True, conf=0.95, x1=0.9) if t else Line("", ocr=True)
             for t in rows]
    got = questions(lines, 0, len(lines))[0]
    assert [q.split()[1] for q in got] == ["pembangunan", "pengadaan", "belanja"]
    from pipeline.letter.marks import OCR_BULLET
    assert not OCR_BULLET.match("| Nama Kegiatan") and not OCR_BULLET.match("\u201cApakah ini")


def test_two_names_or_a_name_and_its_degree_run_together_are_parted():
    """GIVEN a name's band read again with a space lost between two names and between the comma
    and the degree ("Fajar" "HandayaniAnggraini,S.Kom." "MPH")
    WHEN the reading is mended
    THEN the words are parted as printed; a name with a capital of its own inside, read whole
    ("McDonald", "DeVries", "MacDonald", "FitzGerald"), and a degree ("Sp.PD") stay."""
    from pipeline.letter.lines import Word
    from pipeline.letter.bandread import mended_line
    words = [Word(t, 0.0, 1.0, 0.0, 1.0, 0.95) for t in (
        "Fajar", "HandayaniAnggraini,S.Kom.", "MPH", "McDonald", "DeVries", "MacDonald",
        "FitzGerald", "Sp.PD")]
    assert [w.text for w in mended_line(words)] == [
        "Fajar", "Handayani Anggraini, S.Kom.", "MPH", "McDonald", "DeVries", "MacDonald",
        "FitzGerald", "Sp.PD"]


def _questions(rows: list) -> list[str]:
    """The questions of scanned body ROWS ((text, x0), or None for a blank line), cleaned."""
    from pipeline.letter.bodyclean import clean
    from pipeline.letter.questions import questions
    lines = clean([Line("", ocr=True) if r is None else
                   Line(r[0], 1, r[1], ocr=True, conf=0.95, x1=0.9) for r in rows])
    return questions(lines, 0, len(lines))[0]


def test_what_the_review_of_these_rules_found_reads_as_before():
    """GIVEN scanned bodies an adversarial review built against these rules: a lettered list
    of questions set in under a numbered list of references that ended its sentence; a
    lettered item read with a comma ("c, Kapan"); specks read as marks before the paragraph
    after a list ("& Demikian pula", "; Jawaban"); a roman sub-list "i." "ii." under "a."
    WHEN the questions are read
    THEN they are as the reader before these rules read them: each list its own, no paragraph
    taken into a question, no "i." taken for item 1."""
    assert _questions([("Dasar:", 0.12), ("1. Undang-Undang Nomor 14 Tahun 2008;", 0.12),
                       ("2. Peraturan Komisi Informasi Nomor 1 Tahun 2021.", 0.12), None,
                       ("a. Bagaimana mekanisme uji konsekuensi informasi?", 0.15),
                       ("b. Apakah dokumen kontrak termasuk informasi terbuka?", 0.15), None,
                       ("Demikian disampaikan.", 0.12)]) == [
        "Bagaimana mekanisme uji konsekuensi informasi?",
        "Apakah dokumen kontrak termasuk informasi terbuka?"]
    got = _questions([("Kami mohon penjelasan sebagai berikut:", 0.12),
                      ("a. Apakah honorarium dapat dibayarkan?", 0.12),
                      ("b. Bagaimana ketentuan pajaknya?", 0.12),
                      ("c, Kapan batas waktu pengajuan?", 0.12),
                      ("d. Siapa yang menandatangani?", 0.12), None,
                      ("Demikian disampaikan.", 0.12)])
    assert len(got) == 4 and got[2].startswith("Kapan"), got
    for speck in ("& Demikian pula kami lampirkan datanya.", "; Jawaban mohon dikirim surel."):
        assert _questions([("Kami mohon penjelasan sebagai berikut:", 0.12),
                           ("1. Apakah honorarium dapat dibayarkan?", 0.12),
                           ("2. Apakah ada persyaratan tambahan?", 0.12), (speck, 0.12)]) == [
            "Apakah honorarium dapat dibayarkan?", "Apakah ada persyaratan tambahan?"]
    got = _questions([("Kami mohon penjelasan sebagai berikut:", 0.12),
                      ("1. Bagaimana ketentuan pembayaran yang meliputi:", 0.12),
                      ("a. honorarium narasumber;", 0.15), ("i. dari instansi lain;", 0.18),
                      ("ii. dari instansi sendiri;", 0.18), ("b. uang transport?", 0.15),
                      ("2. Apakah ada persyaratan tambahan?", 0.12)])
    assert len(got) == 2 and got[1] == "Apakah ada persyaratan tambahan?", got


def _stamped_block(stamp_grey: int) -> Image.Image:
    """A greyscale 200-dpi scan of a signature block no generator draws: a serif post, a bold
    sans name, a stamp of two rings, a star and curved lettering of STAMP_GREY pressed over
    the name's start (ink over ink multiplies), and the scanner's noise over all."""
    import numpy as np
    from PIL import ImageDraw, ImageFont

    from tests.letter.stamps import pressed, star
    page = Image.new("L", (1654, 2339), 238)
    d = ImageDraw.Draw(page)
    serif = ImageFont.truetype("DejaVuSerif.ttf", 30)
    d.text((180, 1300), "Demikian kami sampaikan, atas perhatian Bapak/Ibu diucapkan terima "
           "kasih.", font=serif, fill=25)
    d.text((900, 1420), "Kepala Dinas Perikanan", font=serif, fill=25)
    d.text((900, 1460), "Kabupaten Seram Bagian Barat,", font=serif, fill=25)
    d.text((900, 1640), "Theodorus Wattimena, S.Pi., M.Si.",
           font=ImageFont.truetype("DejaVuSans-Bold.ttf", 30), fill=15)
    d.text((900, 1685), "NIP. 19750312 200212 1 004", font=serif, fill=25)
    stamp = Image.new("L", page.size, 255)
    s, ink, (cx, cy) = ImageDraw.Draw(stamp), round(stamp_grey * 255 / 238), (840, 1560)
    s.ellipse((cx - 190, cy - 190, cx + 190, cy + 190), outline=ink, width=10)
    s.ellipse((cx - 130, cy - 130, cx + 130, cy + 130), outline=ink, width=5)
    small = ImageFont.truetype("DejaVuSans-Bold.ttf", 24)
    for k, ch in enumerate("PEMERINTAH KABUPATEN"):
        a = np.radians(200 + k * 7)
        s.text((cx + 160 * np.cos(a) - 8, cy + 160 * np.sin(a) - 12), ch, font=small, fill=ink)
    star(s, cx, cy, ink)
    return pressed(page, stamp, 10)


def test_a_signature_block_under_a_stamp_no_generator_draws_is_read():
    """GIVEN greyscale scans, drawn here and by none of the generators, of a block whose name
    a stamp covers at its start: a navy stamp as dark as a grey of 70 or 85, and a pale one
    WHEN they are cleaned, read by tesseract and the signature taken
    THEN the name and NIP are read right under each (the reader before the dark-stamp rules
    read "Keogorus" for "Theodorus" under the dark ones), and the post whole under the 85 and
    the pale one. (Under the 70, as dark as print's edge, the stamp's lettering is still read
    onto the post's first line and takes it: a limit stated in the README.)"""
    from pipeline.letter.ocr import ocr_pil
    for grey in (70, 85, 150):
        got = signature(ocr_pil(_stamped_block(grey), 1, 60), 0)[0]
        assert (got["nama"], got["nip"]) == ("Theodorus Wattimena, S.Pi., M.Si.",
                                             "197503122002121004"), (grey, got)
        if grey != 70:
            assert got["jabatan"] == "Kepala Dinas Perikanan Kabupaten Seram Bagian Barat", got
