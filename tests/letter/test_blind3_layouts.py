"""Layouts the third blind set (benchmarks/blind_letters3, seed 31) showed the reader missing:
bulleted questions, the legal basis listed before them, the e-signature's note right above
the name."""
from __future__ import annotations

from pipeline.letter import read_text
from pipeline.letter.lines import Line
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
    # (the note wrapped in a narrow box beside the QR code, right of the block's column)
    lines = body(("Demikian kami sampaikan.", 0.12, 0.5), ("", 0, 0), ("DIREKTUR,", 0.53, 0.62),
                 ("", 0, 0), ("Ditandatangani secara", 0.65, 0.85), ("elektronik oleh:", 0.65, 0.8),
                 ("", 0, 0), ("Dra. Hendra Halim, Sp.PD", 0.53, 0.75),
                 ("NIP: 196703281994081009", 0.53, 0.75))
    sig, _, _ = signature(lines, 0)
    assert (sig["nama"], sig["jabatan"]) == ("Dra. Hendra Halim, Sp.PD", "DIREKTUR")


def test_a_block_at_the_margin_or_overleaf_takes_no_line_of_the_closing():
    """GIVEN a signature block set at the left margin right under the closing paragraph, and
    one that opens page 2 under the page's number, the closing ending page 1
    WHEN the signature is read
    THEN the post is the post alone; a post the page's turn split, a post in title case with
    "dan" on its own wrapped line, and one wrapped after a title, stay whole."""
    def post(*above: tuple[str, float, float, int]) -> str:
        lines = [Line(t, page, x0, x1=x1) if t else Line("", page) for t, x0, x1, page in (
            ("Demikian permohonan ini kami sampaikan, atas perhatian dan kerja", 0.12, 0.88, 1),
            *above,
            ("", 0, 0, 2), ("Drs. YOHANES LAKA, M.Si.", 0.12, 0.4, 2),
            ("NIP. 197001011995031001", 0.12, 0.42, 2))]
        return signature(lines, 0)[0]["jabatan"]
    assert post(("sama Bapak/Ibu diucapkan terima kasih.", 0.12, 0.5, 2),
                ("CAMAT TELUK MUTIARA,", 0.12, 0.4, 2)) == "CAMAT TELUK MUTIARA"
    assert post(("sama Bapak/Ibu diucapkan terima kasih.", 0.12, 0.5, 1),
                ("Plt. KEPALA DINAS", 0.12, 0.3, 2), ("LINGKUNGAN HIDUP,", 0.12, 0.3, 2)) == \
        "Plt. KEPALA DINAS LINGKUNGAN HIDUP"
    # (page 1 ending mid-sentence, where no stop tells the closing from a post)
    assert post(("sama Bapak/Ibu kami ucapkan terima kasih", 0.12, 0.5, 1),
                ("CAMAT TELUK MUTIARA,", 0.12, 0.4, 2)) == "CAMAT TELUK MUTIARA"
    # (a post the page's turn split stays whole)
    assert post(("", 0, 0, 1), ("Kepala Dinas Lingkungan Hidup", 0.12, 0.4, 1),
                ("Kabupaten Toba,", 0.12, 0.3, 2)) == "Kepala Dinas Lingkungan Hidup Kabupaten Toba"
    assert post(("", 0, 0, 2), ("Kepala Dinas Pemberdayaan Perempuan", 0.12, 0.5, 2),
                ("dan Perlindungan Anak,", 0.12, 0.4, 2)) == \
        "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak"
    assert post(("", 0, 0, 2), ("Direktur Rumah Sakit Umum Daerah dr.", 0.12, 0.5, 2),
                ("Soedono,", 0.12, 0.3, 2)) == "Direktur Rumah Sakit Umum Daerah dr. Soedono"


def test_a_papuan_distrik_is_named_as_a_kecamatan_is():
    """GIVEN a kop of a Distrik (Papua's Kecamatan, UU 21/2001) under its regency, as a
    Kecamatan's is named
    WHEN the sending unit is read
    THEN it is "Distrik X", without the regency, as "Kecamatan X" is; its head's post tells it."""
    from pipeline.letter.letterhead import from_letterhead, from_signer
    for kind in ("DISTRIK", "KECAMATAN"):
        kop = from_letterhead([Line("PEMERINTAH KABUPATEN JAYAPURA", 1, 0.3, x1=0.7),
                               Line(f"{kind} SENTANI TIMUR", 1, 0.35, x1=0.65),
                               Line("Jalan Raya Sentani Nomor 3, Sentani 99352", 1, 0.3, x1=0.7)])
        assert kop.name == f"{kind.title()} Sentani Timur"
    assert from_signer("Kepala Distrik Sentani Timur") == "Distrik Sentani Timur"


def _two_pages(copies: list[str], overleaf: list[str]) -> bytes:
    """A text PDF letter whose page 1 ends in its Tembusan list and whose page 2 holds
    OVERLEAF under its page number."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    page = [("PEMERINTAH KABUPATEN SLEMAN", 180), ("DINAS PENDIDIKAN", 220),
            ("Jalan Parasamya Nomor 1, Sleman 55511", 180), ("", 0),
            ("Nomor : 400.3/123/Disdik/2025", 60), ("Hal : Konsultasi Tunjangan Guru", 60),
            ("", 0), ("Yth. Inspektur Kabupaten Sleman", 60), ("di Sleman", 60), ("", 0),
            ("Dengan hormat, kami mohon penjelasan atas hal berikut:", 60),
            ("1. Apakah tunjangan guru dapat dibayarkan kepada guru yang cuti?", 60), ("", 0),
            ("Demikian kami sampaikan, atas perhatian Bapak kami ucapkan terima kasih.", 60),
            ("", 0), ("Kepala Dinas Pendidikan,", 330), ("", 0), ("", 0),
            ("Drs. BUDI SANTOSO, M.Pd.", 330), ("NIP. 196801011990031001", 330), ("", 0),
            ("Tembusan:", 60)] + [(t, 60) for t in copies]
    for lines in (page, [("- 2 -", 290), ("", 0)] + [(t, 60) for t in overleaf]):
        y = A4[1] - 60
        for text, x in lines:
            c.setFont("Helvetica", 11)
            c.drawString(x, y, text)
            y -= 16
        c.showPage()
    c.save()
    return buf.getvalue()


def test_a_tembusan_list_goes_on_overleaf_marked_or_not_but_takes_no_enclosure():
    """GIVEN a Tembusan list that page 1 ends, dashed without ";" or unmarked, going on at
    page 2's top under its page number; and an unmarked list followed by an enclosure's page
    WHEN the letter is read
    THEN the list is whole, across the page; the enclosure is no recipient of it."""
    from pipeline.letter import read_letter_inprocess
    def copies(first: list[str], overleaf: list[str]) -> list[str]:
        return read_letter_inprocess(_two_pages(first, overleaf), "surat.pdf").tembusan
    assert copies(["- Inspektur Pembantu Wilayah III", "- Kepala Bagian Hukum Setda"],
                  ["- Bupati Sumbawa (sebagai laporan)"]) == [
        "Inspektur Pembantu Wilayah III", "Kepala Bagian Hukum Setda",
        "Bupati Sumbawa (sebagai laporan)"]
    assert copies(["Wali Kota Sorong (sebagai laporan)"], ["Inspektur Pembantu Wilayah IV"]) == \
        ["Wali Kota Sorong (sebagai laporan)", "Inspektur Pembantu Wilayah IV"]
    for enclosure in (["DAFTAR GURU YANG DIUSULKAN", "SITI AMINAH, S.Pd."],
                      ["Lampiran Surat Kepala Dinas Pendidikan", "Nomor 400.3/123/Disdik/2025"],
                      ["Daftar guru yang diusulkan:", "SITI AMINAH, S.Pd."]):
        assert copies(["Bupati Sleman", "Sekretaris Daerah"], enclosure) == \
            ["Bupati Sleman", "Sekretaris Daerah"], enclosure


def test_a_hal_wrapped_before_its_own_kepada_is_whole():
    """GIVEN a Hal wrapped before "kepada Partai Politik", then the addressee under
    "Kepada Yth." (or "Kepada" alone)
    WHEN the letter is read
    THEN the Hal is whole, and the addressee under "Kepada Yth." the office."""
    for kepada in (["Kepada Yth."], ["Kepada"]):
        got = read_text("\n".join(
            ["PEMERINTAH KOTA BITUNG", "KANTOR KESATUAN BANGSA DAN POLITIK",
             "Nomor : 400.14.1/932/V/2024",
             "Perihal : Permohonan Konsultasi Penyaluran Bantuan Keuangan",
             "kepada Partai Politik", "", *kepada, "Inspektur Daerah Kota Bitung", "di",
             "Bitung", "", "Kami mohon penjelasan sebagai berikut:",
             f"1. {ASKED[0]}"] + CLOSE))
        assert got.hal == "Permohonan Konsultasi Penyaluran Bantuan Keuangan kepada Partai Politik"
        if kepada[0].endswith("Yth."):
            assert got.tujuan == "Inspektur Daerah Kota Bitung"


def test_a_scans_bullets_read_as_marks_or_lost_still_make_the_questions():
    """GIVEN scanned questions whose bullets OCR read as "+", "«", "e", or lost altogether
    (Word's small bullet), each question wrapped at its hanging indent, after the legal basis
    WHEN the questions are read
    THEN they are the questions; a lead-in that does not ask, or a sentence after the
    closing, is none."""
    from pipeline.letter.questions import questions
    from tests.letter.wild import scan
    basis = [("Dengan memperhatikan ketentuan peraturan sebagai berikut:", 0.12),
             ("a. Peraturan Menteri Dalam Negeri Nomor 19 Tahun 2016 tentang Pedoman", 0.11),
             ("Pengelolaan Barang Milik Daerah.", 0.15), ("", 0),
             ("Berkenaan dengan itu, mohon kiranya Bapak/Ibu memberikan petunjuk mengenai:", 0.11)]
    for marks in (("+ ", "\u00ab "), ("e ", "e "), ("", "")):
        lines = scan(*basis, (f"{marks[0]}Apakah lembaga keagamaan yang belum berbadan hukum", 0.14),
                     ("dapat menerima hibah?", 0.17),
                     (f"{marks[1]}Siapa yang bertanggung jawab melakukan monitoring atas", 0.14),
                     ("penggunaan hibah?", 0.17), ("", 0),
                     ("Demikian, atas perhatian Bapak/Ibu kami ucapkan terima kasih.", 0.18))
        assert questions(lines, 0, 11)[0] == ASKED, marks
    tells = scan(("Bersama ini kami sampaikan laporan sebagai berikut:", 0.12),
                 ("Apakah yang telah kami kerjakan tercantum dalam lampiran?", 0.14))
    assert questions(tells, 0, 2)[0] == []


def test_a_capital_i_read_as_a_stroke_at_a_lines_end_is_the_i():
    """GIVEN a scanned line ending "Wilayah |" or "Wilayah {;" (a Roman I in a sans font, a
    space after the word), and a table's row whose rule stands well off its last word
    WHEN the words become lines
    THEN the first two end "Wilayah I" and "Wilayah I;"; the rule is no letter."""
    from pipeline.letter.lines import Word, from_words

    def line(*words: tuple[str, float]) -> str:
        row = [Word(t, x, x + 11 * len(t), 100, 130, 0.9, (1, 1, 1)) for t, x in words]
        return " ".join(ln.text for ln in from_words(row, 2480, 1, ocr=True))
    head = [("Inspektur", 300), ("Pembantu", 420), ("Wilayah", 530)]
    assert line(*head, ("|", 620)) == "Inspektur Pembantu Wilayah I"
    assert line(*head, ("{;", 620)) == "Inspektur Pembantu Wilayah I;"
    assert "I" not in line(*head, ("|", 700)).split()


def test_plh_read_pih_under_the_stamp_is_plh():
    """GIVEN scanned posts opening "Pih." (Plh., pelaksana harian, its l read i), with stamp
    bits before it ("et 3 Pih DIREKTUR")
    WHEN the signature is read
    THEN the post opens "Plh."; "Plt." read "Pit." stays mended as before."""
    def post(text: str) -> str:
        lines = [Line("Demikian disampaikan.", 1, 0.1, ocr=True), Line("", ocr=True),
                 Line(text, 1, 0.55, ocr=True, conf=0.8), Line("", ocr=True),
                 Line("dr. STEFANUS TALLO, Sp.PD", 1, 0.55, ocr=True, conf=0.9),
                 Line("NIP. 197001011995031001", 1, 0.55, ocr=True, conf=0.9)]
        return signature(lines, 1)[0]["jabatan"]
    assert post("Pih. Kepala Distrik Wamena Kota,") == "Plh. Kepala Distrik Wamena Kota"
    assert post("et 3 Pih DIREKTUR,") == "Plh. DIREKTUR"
    assert post("Pit. Kepala Dinas Sosial,") == "Plt. Kepala Dinas Sosial"


def test_a_lead_in_or_a_paragraph_after_an_ended_item_is_not_the_item():
    """GIVEN numbered regulations, the last ended with ".", then a lead-in paragraph whose
    first line is indented near the items' wrapped lines, ending with ":" before bullets; and
    questions whose last is followed by an indented closing paragraph with no blank
    WHEN the questions are read
    THEN the bullets are the questions, and the last question ends at its "?"."""
    from pipeline.letter.questions import questions
    lines = body(("Sebagai dasar pelaksanaan kegiatan tersebut, kami berpedoman pada:", 0.17, 0.8),
                 ("1. Peraturan Menteri Dalam Negeri Nomor 19 Tahun 2016 tentang Pedoman", 0.13, 0.9),
                 ("Pengelolaan Barang Milik Daerah;", 0.16, 0.45),
                 ("2. Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Daerah.", 0.13, 0.9),
                 ("Adapun hal-hal yang ingin kami konsultasikan adalah sebagai berikut:", 0.17, 0.85),
                 ("\u2022 Apakah lembaga keagamaan yang belum berbadan hukum dapat menerima", 0.13, 0.9),
                 ("hibah?", 0.16, 0.22),
                 ("\u2022 Siapa yang bertanggung jawab melakukan monitoring atas penggunaan", 0.13, 0.9),
                 ("hibah?", 0.16, 0.22),
                 ("Kami sangat mengharapkan jawaban tertulis sebagai pedoman pelaksanaan", 0.18, 0.9),
                 ("kegiatan. Demikian, atas bantuan Bapak/Ibu kami ucapkan terima kasih.", 0.13, 0.9))
    assert questions(lines, 0, len(lines))[0] == ASKED


def test_a_name_wrapped_under_the_e_signatures_note_is_whole():
    """GIVEN an e-signed block whose name, with front titles, wraps over two lines right under
    "Ditandatangani secara elektronik oleh:"
    WHEN the signature is read
    THEN the name is both lines, and the post the post."""
    for first, second in (("Prof. Dr. Johan Pattipeilohy,", "S.E., Ak., CA"),
                          ("PROF. DR. DR. ARFAH", "MOKODOMPIT, S.PD., M.PD.")):
        lines = body(("Demikian kami sampaikan.", 0.12, 0.5), ("", 0, 0),
                     ("KEPALA BADAN PENGELOLAAN KEUANGAN,", 0.54, 0.9), ("", 0, 0),
                     ("Ditandatangani secara elektronik oleh:", 0.54, 0.85),
                     (first, 0.54, 0.8), (second, 0.54, 0.75),
                     ("Pembina Utama Muda (IV/c)", 0.54, 0.8), ("NIP. 19840303 200806 1 011", 0.54, 0.8))
        sig, _, _ = signature(lines, 0)
        assert (sig["nama"], sig["jabatan"]) == (f"{first} {second}",
                                                 "KEPALA BADAN PENGELOLAAN KEUANGAN")


def test_a_kelurahan_its_name_wrapped_under_its_kind_is_the_sender():
    """GIVEN a narrow kop: the regency, its Kecamatan, then "KELURAHAN" / "LAMBARA"
    WHEN the sending unit is read
    THEN it is the Kelurahan; "... MASYARAKAT DAN" / "KELURAHAN" stays one Dinas's name."""
    from pipeline.letter.letterhead import from_letterhead
    kop = from_letterhead([Line(t, 1, 0.3, x1=0.7) for t in (
        "PEMERINTAH KABUPATEN MANGGARAI BARAT", "KECAMATAN NUSANIWE", "KELURAHAN", "LAMBARA",
        "Jalan Frans Seda Nomor 99 Labuan Bajo 86554")])
    assert kop.name == "Kelurahan Lambara"
    kop = from_letterhead([Line(t, 1, 0.3, x1=0.7) for t in (
        "PEMERINTAH KOTA MEDAN", "DINAS PEMBERDAYAAN MASYARAKAT DAN", "KELURAHAN",
        "Jalan Sudirman Nomor 1 Medan")])
    assert kop.name == "Dinas Pemberdayaan Masyarakat dan Kelurahan Kota Medan"


def test_an_unmarked_copy_wrapped_where_its_line_was_full_is_one_recipient():
    """GIVEN an unmarked Tembusan list whose long entry wrapped where the next word would not
    fit before the body's right margin, parting the region the kop names ("... Provinsi
    Nusa" / "Tenggara Timur"), or before a word in small letters ("... Keuangan" / "dan Aset
    Daerah"); and a long entry, whole, that ends near the margin before the next
    WHEN the list is read
    THEN each wrapped entry is whole, and the whole ones stay apart."""
    from pipeline.letter.copies import tembusan

    def copies(*rows: tuple[str, float]) -> list[str]:
        text = [("Dengan hormat, kami sampaikan permohonan konsultasi atas pengelolaan", 0.12,
                 0.91)] * 3
        lines = body(("PEMERINTAH PROVINSI NUSA TENGGARA TIMUR", 0.3, 0.7), *text,
                     ("TEMBUSAN:", 0.12, 0.24), *[(t, 0.12, x1) for t, x1 in rows])
        return tembusan(lines, 0)[0]
    assert copies(("Kepala Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Nusa", 0.83),
                  ("Tenggara Timur", 0.28), ("Gubernur Nusa Tenggara Timur", 0.45),
                  ("Arsip", 0.18)) == [
        "Kepala Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Nusa Tenggara Timur",
        "Gubernur Nusa Tenggara Timur", "Arsip"]
    assert copies(("Kepala Badan Pengelolaan Pendapatan Daerah dan Retribusi Keuangan", 0.88),
                  ("dan Aset Daerah", 0.3), ("Arsip", 0.18)) == [
        "Kepala Badan Pengelolaan Pendapatan Daerah dan Retribusi Keuangan dan Aset Daerah",
        "Arsip"]
    assert copies(("Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten Deli Serdang",
                   0.86), ("Ketua DPRD Kabupaten Deli Serdang", 0.45)) == [
        "Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten Deli Serdang",
        "Ketua DPRD Kabupaten Deli Serdang"]


def test_a_nip_line_the_stamp_spoilt_still_places_the_block():
    """GIVEN scanned blocks whose NIP line the stamp spoilt: the label read "NIB" and a 1 read
    "¥" ("NIB:¥97106221997081001"), or digits lost ("NIP. 1975091 80409198"); and a Balinese
    name whose "I" was read as an l glued to it ("LKETUT")
    WHEN the signature is read
    THEN the first gives its NIP, the second none, and both their name and post."""
    def sig(nip: str, name: str = "I WAYAN SUARDANA, S.E., M.Si.") -> dict:
        lines = [Line("Demikian disampaikan.", 1, 0.1, ocr=True), Line("", ocr=True),
                 Line("KEPALA DINAS PERUMAHAN RAKYAT,", 1, 0.53, ocr=True, conf=0.9),
                 Line("", ocr=True), Line(name, 1, 0.53, ocr=True, conf=0.8),
                 Line(nip, 1, 0.53, ocr=True, conf=0.5)]
        return signature(lines, 1)[0]
    got = sig("NIB:\u00a597106221997081001")
    assert (got["nip"], got["jabatan"]) == ("197106221997081001", "KEPALA DINAS PERUMAHAN RAKYAT")
    # (a 1 read as a bracket or a "!" on a photo of an unseen seed: seed 24)
    for spoilt in ("NIP: 19710622 ]99708 1 001", "NIP: 19710622 199708 ! 001"):
        got = sig(spoilt)
        assert (got["nip"], got["jabatan"]) == ("197106221997081001",
                                                "KEPALA DINAS PERUMAHAN RAKYAT"), spoilt
    got = sig("NIP. 1975091 80409198")
    assert (got["nip"], got["nama"], got["jabatan"]) == (
        None, "I WAYAN SUARDANA, S.E., M.Si.", "KEPALA DINAS PERUMAHAN RAKYAT")
    assert sig("NIP. 197106221997081001", "LKETUT SUARDANA, S.PD.")["nama"] == \
        "I KETUT SUARDANA, S.PD."
    assert sig("NIP. 197106221997081001", "LUKAS ENEMBE, S.IP.")["nama"] == "LUKAS ENEMBE, S.IP."
    # (the I read as a stroke before the name: seed 33; a stroke before another name is a mark)
    assert sig("NIP. 197106221997081001", "| GUSTI NGURAH WIDIASTUTI, S.SOS.")["nama"] == \
        "I GUSTI NGURAH WIDIASTUTI, S.SOS."
    assert sig("NIP. 197106221997081001", "| BUDI SANTOSO, S.SOS.")["nama"] == \
        "BUDI SANTOSO, S.SOS."


def test_a_post_without_its_region_is_told_by_the_kop_though_the_stamp_spoilt_it():
    """GIVEN scanned posts that leave out the region the kop names, spoilt by the stamp: its
    bits between the words ("INFORMATIKA SAP Sel R DAN STATISTIK", "PEMBERDAYAAN Ph rizr,"),
    a letter of a small word ("Gan Kearsipan")
    WHEN they are told by the kop
    THEN each is the head's post without the region, in the case it was read in; a post read
    whole, and another post, stay."""
    from pipeline.letter.letterhead import told
    where = "Provinsi Nusa Tenggara Timur"

    def post(read: str, unit: str) -> str:
        return told(read, f"{unit} {where}", where)
    assert post("KEPALA DINAS KOMUNIKASI, INFORMATIKA SAP Sel R DAN STATISTIK",
                "Dinas Komunikasi, Informatika dan Statistik") == \
        "KEPALA DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK"
    assert post("KEPALA DINAS PEMBERDAYAAN Ph rizr, MASYARAKAT DAN KAMPUNG",
                "Dinas Pemberdayaan Masyarakat dan Kampung") == \
        "KEPALA DINAS PEMBERDAYAAN MASYARAKAT DAN KAMPUNG"
    assert post("Kepala Dinas Perpustakaan Gan Kearsipan", "Dinas Perpustakaan dan Kearsipan") \
        == "Kepala Dinas Perpustakaan dan Kearsipan"
    # (a short word of the region spoilt, "Provinsi" read "in3i": a review's case)
    assert told("Kepala Dinas Perhubungan in3i Sulawesi Selatan",
                "Dinas Perhubungan Provinsi Sulawesi Selatan", "Provinsi Sulawesi Selatan") == \
        "Kepala Dinas Perhubungan Provinsi Sulawesi Selatan"
    for whole in ("Kepala Dinas Perpustakaan dan Kearsipan", "Sekretaris Dinas Perpustakaan"):
        assert post(whole, "Dinas Perpustakaan dan Kearsipan") == whole
    # a long post that names the region keeps it: the region is too short a part of it to
    # tell it from the stamp's bits; spoilt, the post is told by the kop, region and all
    unit = "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan " \
        "Perlindungan Anak"
    city = "Kota Salatiga"
    assert told(f"Kepala {unit} {city}", f"{unit} {city}", city) == f"Kepala {unit} {city}"
    assert told(f"Kepala {unit.replace(' dan ', ' Gan ', 1)} {city}", f"{unit} {city}", city) \
        == f"Kepala {unit} {city}"


def test_small_words_before_a_post_in_capitals_are_the_stamps():
    """GIVEN a scanned post's line in capitals with small words read before it ("activ:
    KEPALA", "oo -_ KABUPATEN"), and lines whose small words are the post's own (a.n., u.b.,
    plt., "dr. SOETOMO", "selaku PPKD", "pada SEKRETARIAT", "atas nama BUPATI")
    WHEN the stamp's bits are taken off
    THEN the first lose them; the others stay as read (an adversarial review's cases)."""
    from pipeline.letter.stampbits import _small_bits
    assert _small_bits("activ: KEPALA DINAS KETAHANAN PANGAN") == "KEPALA DINAS KETAHANAN PANGAN"
    assert _small_bits("oo -_ KABUPATEN OGAN KOMERING ILIR,") == "KABUPATEN OGAN KOMERING ILIR,"
    for kept in ("a.n. KEPALA DINAS", "u.b. SEKRETARIS", "plt. KEPALA DINAS", "Pj. BUPATI",
                 "dr. SOETOMO SURABAYA,", "selaku PPKD,", "pada SEKRETARIAT DPRD,",
                 "atas nama BUPATI SLEMAN"):
        assert _small_bits(kept) == kept


def test_a_scanned_tembusan_that_ends_its_page_is_read_on_the_next():
    """GIVEN scanned pages ending in the Tembusan list: unmarked, or numbered with its ";"
    read as ","; the list going on at page 2's top; and a dashed list whose "- Arsip" is set
    apart by a blank
    WHEN the pages to read and the list are decided
    THEN page 2 is read and the list is whole; a list ending in "Arsip" reads no more page."""
    from pipeline.letter.copies import tembusan
    from pipeline.letter.pdf_reader import _list_runs_on
    from tests.letter.wild import scan
    for first, rest in ((("Bupati Belu (sebagai laporan)", 0.13),),
                        [Line("Inspektur Pembantu Wilayah I", 2, 0.13, ocr=True, x1=0.5)]), \
            ((("1. Wali Kota Langsa (sebagai laporan),", 0.1),),
             [Line("2. Kepala Bagian Hukum Setda Kota Langsa;", 2, 0.1, ocr=True, x1=0.6)]):
        p1 = scan(("Tembusan :", 0.13), *first)
        assert _list_runs_on(p1)
        assert len(tembusan(p1 + rest, 0)[0]) == 2
    assert not _list_runs_on(scan(("Tembusan :", 0.1), ("1. Bupati Sragen;", 0.1),
                                  ("2. Arsip.", 0.1)))
    dashed = scan(("Tembusan Yth.:", 0.13), ("- Sekretaris Daerah Kota Langsa", 0.13), ("", 0),
                  ("- Arsip", 0.13))
    assert tembusan(dashed, 0)[0] == ["Sekretaris Daerah Kota Langsa", "Arsip"]


def test_a_scanned_addressee_ends_before_its_street_or_its_place():
    """GIVEN scanned addressees followed by a street read "Ji. Yos Sudarso", or by the
    letter's own place where the scan lost the "di" before it
    WHEN the letter is read
    THEN the addressee is the office; a region's name wrapped after its kind stays in it."""
    from pipeline.letter.parse import _tujuan
    from tests.letter.wild import scan

    def to(*rows: tuple[str, float]) -> str | None:
        lines = scan(("Sentani, 24 April 2025", 0.68), *rows, ("", 0))
        return _tujuan(lines, 0, len(lines))[0]
    assert to(("Yth. Inspektur Daerah Kota Bitung", 0.11), ("Ji. Yos Sudarso Nomor 72", 0.11),
              ("di Bitung", 0.11)) == "Inspektur Daerah Kota Bitung"
    assert to(("Kepada Yth.", 0.1), ("Inspektur Kabupaten Jayapura", 0.1), ("Sentani", 0.14)) \
        == "Inspektur Kabupaten Jayapura"
    assert to(("Yth. Inspektur Daerah Kabupaten", 0.1), ("Sentani", 0.1)) == \
        "Inspektur Daerah Kabupaten Sentani"


def test_a_scanned_roman_month_whose_is_joined_is_the_dates():
    """GIVEN scanned numbers whose Roman month has two I's joined into an H or N ("HI" for
    III, "VINI" and "VIN" for VIII)
    WHEN the number is told by the letter's date
    THEN the month is the date's; an H that makes no month near the date's stays."""
    from pipeline.letter.nomor import month_numeral
    assert month_numeral("700.1.1.1/933/Kec/HI/2025", 3) == "700.1.1.1/933/Kec/III/2025"
    assert month_numeral("700.1.1.1/388/DPMK/VINI/2024", 8) == "700.1.1.1/388/DPMK/VIII/2024"
    assert month_numeral("000.1.4/DPMK/587/VIN/2025", 8) == "000.1.4/DPMK/587/VIII/2025"
    assert month_numeral("000/12/SETDA/HI/2025", 4) == "000/12/SETDA/HI/2025"
    assert month_numeral("800/123/H/2025", 2) == "800/123/H/2025"  # (a unit's one-letter code)
