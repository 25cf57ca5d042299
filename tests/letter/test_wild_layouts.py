"""Layouts met in letters from other offices, built line by line with their page geometry.

Each case is a way a real letter differs from the project's own generator (an independent
set of 240 letters found them): a centred signature block, a justified line stretched by a long
number, a list whose items end in ";" and carry no "?", a region's name wrapped in the kop,
and what OCR does to a list's letters and a name's degrees.
"""
from __future__ import annotations

import io

from pipeline.letter import read_letter_inprocess, read_text
from pipeline.letter.letterhead import from_letterhead
from pipeline.letter.lines import Line, Word, from_words
from pipeline.letter.parse import parse
from pipeline.letter.signature import signature

HEAD = [Line("PEMERINTAH KOTA PADANG", 1, 0.35, x1=0.65), Line("DINAS SOSIAL", 1, 0.42, x1=0.58),
        Line("Jalan Khatib Sulaiman Nomor 5 Padang", 1, 0.3, x1=0.7), Line(""),
        Line("Nomor : 400/77/Dinsos/2026", 1, 0.12, x1=0.45, vx=0.24),
        Line("Hal : Konsultasi Bantuan Sosial", 1, 0.12, x1=0.5, vx=0.24), Line(""),
        Line("Yth. Inspektur Kota Padang", 1, 0.12, x1=0.45), Line("di Padang", 1, 0.12, x1=0.3),
        Line("")]


def body(*rows: tuple[str, float, float]) -> list[Line]:
    return [Line(t, 1, x0, x1=x1) if t else Line("") for t, x0, x1 in rows]


def test_a_centred_signature_block_keeps_the_whole_post():
    """GIVEN a post over three centred lines, each starting at another left edge
    WHEN the signature is read
    THEN the post is whole and the name is the line above the NIP."""
    lines = body(("Demikian kami sampaikan.", 0.12, 0.5), ("", 0, 0),
                 ("Kepala Dinas Koperasi,", 0.58, 0.80), ("Usaha Kecil dan Menengah", 0.56, 0.82),
                 ("Kabupaten Banjar,", 0.61, 0.77), ("", 0, 0),
                 ("Dr. RINA MANURUNG, S.STP., M.AP.", 0.51, 0.87),
                 ("NIP 19860712 201004 1 007", 0.56, 0.82))
    sig, _, _ = signature(lines, 0)
    assert sig["jabatan"] == "Kepala Dinas Koperasi, Usaha Kecil dan Menengah Kabupaten Banjar"
    assert sig["nama"] == "Dr. RINA MANURUNG, S.STP., M.AP."


def _row(texts: list[str], xs: list[float], top: float = 100.0) -> list[Word]:
    return [Word(t, x, x + 8 * len(t), top, top + 12) for t, x in zip(texts, xs)]


def _spread(texts: list[str], x: float, space: float) -> list[Word]:
    """Words of one line set `space` points apart (a list number 10 points off its text)."""
    out = []
    for k, t in enumerate(texts):
        out.append(Word(t, x, x + 8 * len(t), 100.0, 112.0))
        x += 8 * len(t) + (10 if k == 0 else space)
    return out


def test_a_justified_line_stretched_by_a_long_number_stays_one_line():
    """GIVEN a justified item line whose spaces are stretched alike to 38 pt (a long number wrapped
    to the next line)
    WHEN the words become lines
    THEN they stay one line, where two cells side by side would be split."""
    words = _spread(["(1)", "Salah", "satu", "rekomendasi", "dalam", "LHP", "Nomor"], 88, 38)
    assert [ln.text for ln in from_words(words, 600, 1)] == [
        "(1) Salah satu rekomendasi dalam LHP Nomor"]
    cells = _row(["Nomor", ":", "220/625/2026", "Samarinda,", "12", "Mei"], [72, 130, 140, 360, 450, 470])
    assert [ln.text for ln in from_words(cells, 600, 1)] == ["Nomor : 220/625/2026", "Samarinda, 12 Mei"]


def test_kepada_inside_a_sentence_is_no_addressee_column():
    """GIVEN a justified body line with "kepada" far right after a wide space
    WHEN the words become lines
    THEN the line stays whole (a column's heading is written "Kepada" or "Yth.")."""
    words = _spread(["6.", "Apakah", "pinjam", "pakai", "kendaraan", "dinas", "kepada", "instansi"],
                    90, 30)
    assert len(from_words(words, 640, 1)) == 1


def test_items_without_question_marks_after_a_lead_in_that_asks():
    """GIVEN items ending in ";" and "." that ask with "Apakah", "Bagaimana", "Mohon penjelasan",
    after a lead-in paragraph over two lines
    WHEN the letter is read
    THEN they are the questions, without their list punctuation."""
    text = "\n".join(["PEMERINTAH KABUPATEN JEMBER", "BAGIAN PEREKONOMIAN",
                      "Nomor : 500/12/Ekon/2026", "Hal : Konsultasi Hibah", "",
                      "Yth. Inspektur Kabupaten Jember", "di Jember", "",
                      "Dengan ini kami bermaksud menyampaikan permohonan konsultasi",
                      "sebagai berikut:",
                      "a. Bagaimana prosedur penagihan atas hibah yang belum dipertanggungjawabkan;",
                      "b. Mohon penjelasan mengenai kewajiban penerima hibah barang;",
                      "c. Apakah naskah perjanjian hibah dapat ditandatangani kepala perangkat daerah.",
                      "", "Demikian kami sampaikan."])
    assert read_text(text).pertanyaan == [
        "Bagaimana prosedur penagihan atas hibah yang belum dipertanggungjawabkan",
        "Mohon penjelasan mengenai kewajiban penerima hibah barang",
        "Apakah naskah perjanjian hibah dapat ditandatangani kepala perangkat daerah"]


def test_a_number_wrapped_to_a_line_start_is_not_an_item():
    """GIVEN an item whose text wraps just before "38.A/LHP/XVIII.YOG/09/2025"
    WHEN the questions are read
    THEN the number stays in the item; "38." there is no item 38."""
    lines = HEAD + body(("Kami mohon penjelasan sebagai berikut:", 0.12, 0.6),
                        ("1. Apakah anggaran dapat digeser?", 0.15, 0.6),
                        ("2. Salah satu rekomendasi dalam LHP Nomor", 0.15, 0.88),
                        ("38.A/LHP/XVIII.YOG/09/2025 belum ditindaklanjuti. Bagaimana", 0.19, 0.88),
                        ("penyelesaiannya?", 0.19, 0.4), ("", 0, 0), ("Demikian.", 0.12, 0.3))
    assert parse(lines, "pdf").pertanyaan == [
        "Apakah anggaran dapat digeser?",
        "Salah satu rekomendasi dalam LHP Nomor 38.A/LHP/XVIII.YOG/09/2025 belum ditindaklanjuti. "
        "Bagaimana penyelesaiannya?"]


def test_a_paragraph_after_a_finished_item_is_not_part_of_it():
    """GIVEN a last item ending in "?" on a short line, then a paragraph indented like the item's
    text, with no blank line and no known closing words
    WHEN the questions are read
    THEN the paragraph is not part of the last question."""
    lines = HEAD + body(("Kami mohon penjelasan sebagai berikut:", 0.12, 0.6),
                        ("1. Apakah uang harian dapat dibayar penuh?", 0.16, 0.7),
                        ("2. Bagaimana status surat perintah yang ditandatangani setelah", 0.16, 0.88),
                        ("tanggal keberangkatan?", 0.19, 0.42),
                        ("Jawaban atas konsultasi ini akan kami jadikan pedoman dalam", 0.19, 0.88),
                        ("kegiatan selanjutnya.", 0.12, 0.4))
    assert parse(lines, "pdf").pertanyaan == [
        "Apakah uang harian dapat dibayar penuh?",
        "Bagaimana status surat perintah yang ditandatangani setelah tanggal keberangkatan?"]


def test_a_region_name_wrapped_in_the_kop():
    """GIVEN "PEMERINTAH KABUPATEN POLEWALI" / "MANDAR" / "DINAS KESEHATAN"
    WHEN the sender is read from the kop
    THEN the region is "Polewali Mandar", not part of the unit."""
    lines = [Line("PEMERINTAH KABUPATEN POLEWALI"), Line("MANDAR"), Line("DINAS KESEHATAN"),
             Line("Jl. Ahmad Yani Nomor 146, Polewali")]
    assert from_letterhead(lines)[0] == "Dinas Kesehatan Kabupaten Polewali Mandar"


def test_ocr_commas_and_dots_in_degrees_follow_puebi():
    """GIVEN names as OCR reads them from scans ("S.H.. M.H.", "WAHYUNI. S.E.", "M.T,", "H-AHMAD")
    WHEN the signature is read
    THEN the degrees are written "NAME, S.H., M.H."."""
    def name(text: str) -> str:
        lines = [Line("Kepala Dinas Sosial,", 1, 0.55, ocr=True), Line("", ocr=True),
                 Line(text, 1, 0.55, ocr=True), Line("NIP. 197502251989062004", 1, 0.55, ocr=True)]
        return signature(lines, 0)[0]["nama"]
    assert name("RATNA DEWI LESTARI, S.H.. M.H.") == "RATNA DEWI LESTARI, S.H., M.H."
    assert name("SRI WAHYUNI. S.E., M.M.") == "SRI WAHYUNI, S.E., M.M."
    assert name("Hj. SITI ROCHMAH, S.T., M.T,") == "Hj. SITI ROCHMAH, S.T., M.T."
    assert name("Dr. H-AHMAD FAUZI, S.Psi, M.A.P.") == "Dr. H. AHMAD FAUZI, S.Psi., M.A.P."
    assert name("Ir. H. BAMBANG WIBOWO, S.T., M.T., IPM.") == "Ir. H. BAMBANG WIBOWO, S.T., M.T., IPM."
    assert name("Ir.H. BAMBANG WIBOWO, S.T.") == "Ir. H. BAMBANG WIBOWO, S.T."
    assert name("dr. H. MUHAMMAD IQBAL ~-SYAHPUTRA, Sp.PD.") == "dr. H. MUHAMMAD IQBAL SYAHPUTRA, Sp.PD."


def test_ocr_capital_letter_item_and_a_marker_read_as_its_own_block():
    """GIVEN OCR words where "c." came out as "C." in a block of its own beside its text, and an
    enclosure list closed by a margin paragraph whose item lost its last stop
    WHEN the questions are read
    THEN item c is the third question and the lead-in paragraph is not part of an enclosure."""
    def w(text, x, top, key, conf=95.0):
        return Word(text, x, x + 14 * len(text), top, top + 40, conf / 100, key)
    rows = [("Bersama ini kami sampaikan:", 300, 1000), ("1. Salinan laporan,", 360, 1060),
            ("Sehubungan dengan itu kami mohon penjelasan", 300, 1120), ("sebagai berikut:", 300, 1180),
            ("a. Apakah hibah dapat disalurkan?", 360, 1240), ("b. Bagaimana pencatatannya?", 360, 1300)]
    words = [w(t, x + 70 * k, top, (1, i, 0)) for i, (text, x, top) in enumerate(rows)
             for k, t in enumerate(text.split())]
    words += [w("C.", 360, 1362, (9, 0, 0))] + [w(t, 430 + 110 * k, 1360, (9, 1, 0))
                                                 for k, t in enumerate("Siapa yang menetapkan?".split())]
    lines = HEAD + from_words(words, 2480, 1, ocr=True)
    assert parse(lines, "scan").pertanyaan == [
        "Apakah hibah dapat disalurkan?", "Bagaimana pencatatannya?", "Siapa yang menetapkan?"]


def test_tembusan_as_printed_with_its_note():
    """GIVEN Tembusan items with "(sebagai laporan)"
    WHEN they are read
    THEN the note stays, as Paraf writes it in its own letters' Tembusan."""
    text = "\n".join(["Demikian.", "", "Kepala Dinas Sosial,", "", "SRI WAHYUNI", "NIP. 197502251989062004",
                      "", "Tembusan:", "1. Yth. Bupati Banjar (sebagai laporan);", "2. Arsip."])
    assert read_text(text).tembusan == ["Bupati Banjar (sebagai laporan)", "Arsip"]


def test_tembusan_heading_at_the_foot_of_a_page_reads_the_next_page():
    """GIVEN a PDF whose page 1 ends with "Tembusan:" and the names stand on page 2
    WHEN it is read
    THEN the names are read from page 2."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 800
    for text in ["PEMERINTAH KABUPATEN BOYOLALI", "DINAS SOSIAL", "", "Nomor : 400/5/Dinsos/2026",
                 "Hal : Konsultasi", "", "Yth. Inspektur Kabupaten Boyolali", "di Boyolali", "",
                 "Kami mohon penjelasan:", "1. Apakah bantuan dapat diberikan?", "",
                 "Demikian kami sampaikan.", "", "Kepala Dinas Sosial,", "", "", "SRI WAHYUNI, S.E.",
                 "NIP. 197502251989062004", "", "Tembusan:"]:
        c.drawString(300 if text.startswith(("Kepala", "SRI", "NIP")) else 70, y, text)
        y -= 16
    c.showPage()
    c.drawString(70, 800, "1. Bupati Boyolali;")
    c.drawString(70, 784, "2. Arsip.")
    c.save()
    got = read_letter_inprocess(buf.getvalue(), "surat.pdf")
    assert got.tembusan == ["Bupati Boyolali", "Arsip"]


def test_stamp_lettering_under_a_scanned_post_is_not_the_post():
    """GIVEN a scanned signature block where the stamp's letters were read as short lines between
    the post (ending with its comma) and the name, and as bits after the comma
    WHEN the signature is read
    THEN the post is the lines down to its comma, without the stamp's letters."""
    def ocr(text, x0):
        return Line(text, 1, x0, ocr=True, x1=x0 + 0.02 * len(text))
    lines = [ocr("Demikian kami sampaikan.", 0.12), Line("", ocr=True),
             ocr("KEPALA DINAS PENDIDIKAN", 0.55), ocr("KABUPATEN GIANYAR,", 0.58),
             ocr("5 J i NG L", 0.52), ocr("m", 0.66), ocr("o", 0.66), ocr("4 Oe", 0.53),
             ocr("Ir. DARMAWAN SAPUTRA", 0.6), ocr("Pembina Tk. I", 0.62),
             ocr("NIP. 196601191991031001", 0.6)]
    sig, _, _ = signature(lines, 0)
    assert sig["jabatan"] == "KEPALA DINAS PENDIDIKAN KABUPATEN GIANYAR"
    assert sig["nama"] == "Ir. DARMAWAN SAPUTRA"


def test_a_scanned_semicolon_read_as_a_colon_is_list_punctuation():
    """GIVEN items whose ";" OCR read as ":"
    WHEN the questions are read
    THEN the colon is dropped with the rest of the list punctuation."""
    text = "\n".join(["Kami mohon penjelasan sebagai berikut:",
                      "1. Apakah uang transport dapat diberikan:",
                      "2. Bagaimana pengembalian kelebihan pembayaran."])
    assert read_text(text).pertanyaan == ["Apakah uang transport dapat diberikan",
                                          "Bagaimana pengembalian kelebihan pembayaran"]


def test_a_paragraph_after_an_unpunctuated_item_ending_short_is_new():
    """GIVEN a last item without a stop, ending in a short line, then a paragraph that opens a
    sentence where the item's text hangs
    WHEN the questions are read
    THEN the paragraph is not part of the item."""
    lines = HEAD + body(("Kami mohon penjelasan sebagai berikut:", 0.12, 0.6),
                        ("a. Mohon penjelasan mengenai bukti pengeluaran riil yang dapat", 0.13, 0.92),
                        ("diterima apabila tiket dibeli melalui aplikasi daring", 0.16, 0.67),
                        ("Kami berharap konsultasi ini dapat dilaksanakan sebelum akhir", 0.16, 0.92),
                        ("Agustus 2025.", 0.11, 0.3))
    assert parse(lines, "pdf").pertanyaan == [
        "Mohon penjelasan mengenai bukti pengeluaran riil yang dapat diterima apabila tiket "
        "dibeli melalui aplikasi daring"]


def test_a_word_paragraph_after_an_item_is_new_when_it_opens_a_sentence():
    """GIVEN a Word letter whose numbered item (its own paragraph) has no stop and the next
    paragraph opens with a capital
    WHEN it is read
    THEN the next paragraph is not part of the question."""
    import docx

    d = docx.Document()
    for text in ["PEMERINTAH KOTA PADANG", "DINAS SOSIAL", "Nomor : 400/77/Dinsos/2026",
                 "Hal : Konsultasi", "Yth. Inspektur Kota Padang", "di Padang", "",
                 "Kami mohon penjelasan sebagai berikut:",
                 "1. Apakah bantuan dapat diberikan kepada korban di luar daerah?",
                 "2. Mohon penjelasan mengenai batas waktu laporan penggunaan bantuan",
                 "Kami berharap konsultasi ini dapat dilaksanakan segera.", "",
                 "Demikian kami sampaikan."]:
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    got = read_letter_inprocess(buf.getvalue(), "surat.docx")
    assert got.pertanyaan == ["Apakah bantuan dapat diberikan kepada korban di luar daerah?",
                              "Mohon penjelasan mengenai batas waktu laporan penggunaan bantuan"]


# word boxes of a two-column heading as pdfium gives them (a letter set with reportlab in
# DejaVu Serif): the right cell's lines sit 6 pt (half a line) above the Nomor block's
TWO_COLUMNS = [
    ("Nomor", 56.69, 96.95, 187.7249), (":", 121.89, 125.92, 187.7249),
    ("400.13/1451/DP3A/2025", 131.81, 279.24, 187.7249), ("Sifat", 56.69, 83.90, 205.9128),
    (":", 121.89, 125.92, 205.9249), ("Biasa", 131.81, 164.30, 205.9128),
    ("Lampiran", 56.69, 113.21, 224.1129), (":", 121.89, 125.92, 224.1249),
    ("1", 131.81, 139.44, 224.1249), ("(satu)", 143.25, 178.49, 224.1249),
    ("bendel", 182.30, 223.19, 224.1129), ("Hal", 56.69, 76.37, 242.3129),
    (":", 121.89, 125.92, 242.3249), ("Permohonan", 131.81, 217.31, 242.3129),
    ("Konsultasi", 221.49, 292.40, 242.3129), ("Standar", 131.81, 185.39, 258.5129),
    ("Biaya", 189.57, 226.80, 258.5129), ("Perjalanan", 131.81, 204.18, 274.7128),
    ("Dinas", 208.36, 246.18, 274.7128), ("Tahun", 250.36, 292.23, 274.7128),
    ("2025", 131.81, 165.17, 290.9249), ("Sengeti,", 314.65, 364.05, 187.7128),
    ("11", 367.85, 383.12, 187.7249), ("Juli", 386.31, 404.69, 187.7128),
    ("2025", 408.50, 439.03, 187.7249), ("Yth.", 314.63, 338.07, 220.1129),
    ("Inspektur", 341.87, 398.41, 220.1129), ("Daerah", 402.21, 446.05, 220.1129),
    ("Kabupaten", 449.85, 514.89, 220.1129), ("Muaro", 341.92, 379.46, 236.3249),
    ("Jambi", 382.66, 416.76, 236.3129), ("di", 325.55, 336.49, 252.5128),
    ("Tempat.", 341.89, 391.76, 268.7249)]


def test_a_two_column_heading_whose_cells_are_set_half_a_line_apart():
    """GIVEN a Nomor block on the left and, on the right, the date, Yth. and the addressee set
    with their own line spacing, half a line off the block's lines
    WHEN the words become lines and the letter is read
    THEN the Hal and the addressee are each whole."""
    words = [Word(t, x0, x1, top, top + 12) for t, x0, x1, top in TWO_COLUMNS]
    words += [Word(t, 90 + 50 * k, 130 + 50 * k, 320.0, 332.0)
              for k, t in enumerate("Kami mohon penjelasan atas hal berikut:".split())]
    words += [Word(t, 70 + 60 * k, 120 + 60 * k, 336.0, 348.0)
              for k, t in enumerate("1. Apakah uang harian dapat dibayar?".split())]
    got = parse(from_words(words, 595.28, 1), "pdf")
    assert got.hal == "Permohonan Konsultasi Standar Biaya Perjalanan Dinas Tahun 2025"
    assert got.tujuan == "Inspektur Daerah Kabupaten Muaro Jambi"


def test_a_nota_dinas_body_right_under_a_wrapped_hal_is_not_the_hal():
    """GIVEN a Nota Dinas whose Perihal wraps in its value column and whose body, indented a
    little less, follows without a blank line
    WHEN the letter is read
    THEN the Hal ends with its own column."""
    lines = [Line("NOTA DINAS", 1, 0.45, x1=0.55),
             Line("Yth. : Inspektur Daerah Kabupaten Agam", 1, 0.153, vx=0.289, x1=0.8),
             Line("Dari : Kepala Bagian Umum", 1, 0.153, vx=0.289, x1=0.6),
             Line("Nomor : B-1851/Bag.Um/2026", 1, 0.153, vx=0.289, x1=0.6),
             Line("Perihal : Permohonan Konsultasi Penghapusan Aset Kendaraan", 1, 0.153, vx=0.289,
                  x1=0.9),
             Line("Dinas", 1, 0.289, x1=0.33),
             Line("Dalam rangka tertib administrasi pengelolaan barang milik daerah", 1, 0.262, x1=0.9),
             Line("kami memohon konsultasi sebagai berikut:", 1, 0.262, x1=0.6)]
    assert parse(lines, "pdf").hal == "Permohonan Konsultasi Penghapusan Aset Kendaraan Dinas"


def _scan(*rows: tuple[str, float]) -> list[Line]:
    return [Line(t, 1, x0, ocr=True, x1=x0 + 0.015 * len(t)) if t else Line("", ocr=True)
            for t, x0 in rows]


def test_a_stamp_over_the_nip_label_and_between_the_lines_of_the_block():
    """GIVEN a scanned signature block whose stamp ate the "NIP." label and was read as lines of
    a mark or two between the post, the name and the number
    WHEN the signature is read
    THEN the 18 digits built as a NIP are the NIP, and the post and name stand as printed."""
    lines = _scan(("Demikian kami sampaikan.", 0.14), ("", 0), ("Kepala Badan Pengelolaan", 0.52),
                  ("<a", 0.49), ("Keuangan dan Aset Daerah", 0.54), ("AS", 0.44),
                  ("Kabupaten Banjar,", 0.53), ("&", 0.43), ("- Ng", 0.43),
                  ("Dr. Hj. RATNA SIMANJUNTAK, S.T.,", 0.54), (">;", 0.44), ("M.Eng.", 0.62),
                  ("KA pH", 0.49), ("198402012008051002", 0.57))
    sig, _, after = signature(lines, 0)
    assert sig == {"nama": "Dr. Hj. RATNA SIMANJUNTAK, S.T., M.Eng.", "nip": "198402012008051002",
                   "jabatan": "Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten Banjar"}
    assert after == len(lines)
    # a number that is no NIP (no valid birth date and appointment) is not taken for one
    assert signature(_scan(("SRI WAHYUNI", 0.5), ("123456789012345678", 0.5)), 0)[0] is None


def test_scan_misreadings_of_small_marks_in_the_heading_and_the_tembusan():
    """GIVEN a scan where "Lampiran : -" came out "1.", "Plt." came out "Pit.", the emblem beside
    the kop came out "_—" and a lone "A", a bullet came out "5", and a speck "q"
    WHEN the letter is read
    THEN none of those marks is taken for a value."""
    lines = _scan(("PEMERINTAH PROVINSI SULAWESI", 0.3), ("_—", 0.18), ("SELATAN", 0.47),
                  ("BADAN PENGELOLAAN A KEUANGAN", 0.3), ("DAN ASET DAERAH", 0.35),
                  ("Jalan Urip Sumoharjo Nomor 21, Makassar", 0.3), ("", 0),
                  ("Nomor : 900/12/BPKAD/2025", 0.14), ("Lampiran : 1.", 0.14),
                  ("Hal : Konsultasi Hibah", 0.14), ("", 0), ("Yth. Inspektur Provinsi Sulawesi Selatan", 0.14),
                  ("di Makassar", 0.14), ("", 0), ("Demikian kami sampaikan.", 0.14), ("", 0),
                  ("Pit. Kepala Badan Pengelolaan Keuangan", 0.52), ("dan Aset Daerah,", 0.52), ("", 0),
                  ("DEDI GINTING, S.E.", 0.52), ("NIP. 197512292000021012", 0.52), ("", 0),
                  ("Tembusan:", 0.14), ("5 Gubernur Sulawesi Selatan sebagai laporan", 0.14), ("q", 0.14),
                  ("2. Sekretaris Daerah Provinsi Sulawesi Selatan", 0.14))
    got = parse(lines, "scan")
    assert got.lampiran is None
    assert got.pengirim == "Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Sulawesi Selatan"
    assert got.penandatangan["jabatan"] == "Plt. Kepala Badan Pengelolaan Keuangan dan Aset Daerah"
    assert got.tembusan == ["Gubernur Sulawesi Selatan sebagai laporan",
                            "Sekretaris Daerah Provinsi Sulawesi Selatan"]


def test_a_list_number_on_a_line_of_its_own():
    """GIVEN an item whose number stands on its own line (a scan read "C." apart; a tab did)
    WHEN the questions are read
    THEN the number and its text are one item."""
    lines = HEAD + _scan(("Kami mohon penjelasan sebagai berikut:", 0.12),
                         ("a. Apakah hibah dapat disalurkan?", 0.15), ("b. Bagaimana pencatatannya?", 0.15),
                         ("C.", 0.15), ("Apakah perjanjian dapat ditandatangani kepala dinas?", 0.2),
                         ("", 0), ("Demikian kami sampaikan.", 0.12))
    assert parse(lines, "scan").pertanyaan == [
        "Apakah hibah dapat disalurkan?", "Bagaimana pencatatannya?",
        "Apakah perjanjian dapat ditandatangani kepala dinas?"]


def test_a_date_after_a_colon_read_as_a_dash():
    """GIVEN a Nota Dinas "Tanggal" whose value a scan read "- 9 Desember2025"
    WHEN the date is looked for
    THEN it is 9 December 2025."""
    from pipeline.letter.dates import alone_date
    assert alone_date("- 9 Desember2025") == "2025-12-09"
    assert alone_date("Rapat tanggal 9 Desember 2025 di aula") is None


def test_a_post_under_a_stamp_is_read_as_the_kop_names_its_unit():
    """GIVEN a scanned post damaged by the stamp ("... euangan ... ves abupaten Banjar") under a
    kop read whole, and a Kepala Bagian's post under a Setda's kop
    WHEN the posts are checked against the kop
    THEN the first is the head of the kop's unit; the second, longer by its Bagian, stays."""
    from pipeline.letter.letterhead import post_agree
    unit = "Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten Banjar"
    assert post_agree("Kepala Badan Pengelolaan euangan dan Aset Daerah ves abupaten Banjar",
                      unit) == "Kepala " + unit
    assert post_agree("Pit. Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten Banjr",
                      unit) == "Plt. Kepala " + unit
    assert post_agree("Camat Sidorejo", "Kecamatan Sidorejo") == "Camat Sidorejo"
    setda = "Sekretariat Daerah Kabupaten Toba"
    assert post_agree("Kepala Bagian Umum Sekretariat Daerah Kabupaten Toba", setda) == \
        "Kepala Bagian Umum Sekretariat Daerah Kabupaten Toba"


def test_a_body_sentence_opening_with_hal_does_not_make_the_signature_a_heading_column():
    """GIVEN a letter whose body has "Hal tersebut ..." and whose signature block starts at the
    same x as a word inside the Hal's value
    WHEN the words become lines
    THEN the Hal's line is whole (only a label with its colon opens the heading block)."""
    def row(text, x, top):
        out = []
        for t in text.split():
            out.append(Word(t, x, x + 6 * len(t), top, top + 12))
            x += 6 * len(t) + 4
        return out
    words = (row("Nomor : 000.9/2790/2025", 71, 200) + row("Hal : Permohonan Pendampingan dan", 71, 214)
             + [Word("Konsultasi", 265.4, 325, 214, 226)] + row("Yth. Inspektur Kota Surakarta", 71, 240)
             + [w for k in range(8) for w in row("Bersama ini kami sampaikan hal berikut.", 71, 260 + 14 * k)]
             + row("Hal tersebut juga telah dibahas dalam rapat.", 71, 380)
             + row("Direktur", 264.9, 420) + row("Rumah Sakit Umum Daerah", 264.9, 434)
             + row("Kabupaten Sragen,", 264.9, 448))
    texts = [ln.text for ln in from_words(words, 595, 1)]
    assert "Hal : Permohonan Pendampingan dan Konsultasi" in texts


def test_a_hal_wrapped_to_the_margin_just_before_the_addressee():
    """GIVEN a typed Hal whose long second line goes back to the margin, then a blank line
    WHEN the letter is read
    THEN the second line is part of the Hal."""
    lines = [Line("PEMERINTAH KOTA SURAKARTA", 1, 0.3), Line("DINAS SOSIAL", 1, 0.4),
             Line("Nomor : 000.9/2790/2025", 1, 0.12, vx=0.25),
             Line("Hal : Permohonan Konsultasi terkait Mekanisme Penyelesaian Kerugian", 1, 0.12,
                  vx=0.25),
             Line("Daerah atas Kelebihan Pembayaran Pekerjaan Konstruksi Tahun Anggaran 2025", 1, 0.12),
             Line(""), Line("Yth. Inspektur Daerah Kota Surakarta", 1, 0.12)]
    assert parse(lines, "pdf").hal == ("Permohonan Konsultasi terkait Mekanisme Penyelesaian "
                                       "Kerugian Daerah atas Kelebihan Pembayaran Pekerjaan "
                                       "Konstruksi Tahun Anggaran 2025")


def test_what_a_scan_makes_of_small_punctuation():
    """GIVEN a scan that read "1." as "|.", a question's "?" as a closing quote, the decimal comma
    of a rupiah amount as a dot, "Hal :" as "Hal >", the comma after the place as a dot and the
    post's closing comma as a dot
    WHEN the letter is read
    THEN each is read as printed."""
    from pipeline.letter.ocr import FIXES

    def fixed(text: str) -> str:
        for rx, good in FIXES:
            text = rx.sub(good, text)
        return text
    rows = [("PEMERINTAH KABUPATEN PEMALANG", 0.33), ("DINAS SOSIAL", 0.4), ("", 0),
            ("Pemalang. 17 Februari 2026", 0.67), ("Nomor : B-157/Dinsos/400.3/02/2026", 0.12),
            ("Hal > Konsultasi Pengadaan Barang/Jasa", 0.12), ("", 0),
            ("Yth. Inspektur Daerah Kabupaten Pemalang", 0.12), ("di Pemalang", 0.12), ("", 0),
            ("Kami mohon penjelasan sebagai berikut:", 0.13),
            ("Ll.", 0.11), (fixed("Apakah paket di bawah Rp200.000.000.00 dapat melalui e-katalog?"), 0.16),
            ("2. Apakah perjanjian perlu ditandatangani ulang\u201d", 0.15),
            ("3. Bagaimana pencatatannya; Kk", 0.15), ("", 0),
            ("Demikian kami sampaikan.", 0.13), ("", 0), ("Kepala Dinas Sosial Kabupaten Pemalang.", 0.5),
            ("", 0), ("SRI WAHYUNI, S.E.", 0.5), ("NIP. 197502251989062004", 0.5)]
    got = parse(_scan(*rows), "scan")
    assert got.pertanyaan == ["Apakah paket di bawah Rp200.000.000,00 dapat melalui e-katalog?",
                              "Apakah perjanjian perlu ditandatangani ulang?",
                              "Bagaimana pencatatannya"]
    assert (got.tanggal, got.hal) == ("2026-02-17", "Konsultasi Pengadaan Barang/Jasa")
    assert got.penandatangan["jabatan"] == "Kepala Dinas Sosial Kabupaten Pemalang"
    from pipeline.letter.body import clean
    assert clean(_scan(("|. Apakah a?", 0.15), ("2. Apakah b?", 0.15)))[0].text == "1. Apakah a?"
