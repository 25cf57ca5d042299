"""Layouts met in letters from other offices, built line by line with their page geometry.

Each case is a way a real letter differs from the project's own generator (an independent
set of 240 letters found them): a centred signature block, a justified line stretched by a long
number, a list whose items end in ";" and carry no "?", a region's name wrapped in the kop,
and a heading whose columns are set half a line apart. Scans: test_wild_scans.py.
"""
from __future__ import annotations

import io

from pipeline.letter import read_letter_inprocess, read_text
from pipeline.letter.letterhead import from_letterhead
from pipeline.letter.lines import Line, Word, from_words
from pipeline.letter.parse import parse
from pipeline.letter.signature import signature
from tests.letter.wild import HEAD, body

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


def test_a_nip_quoted_in_a_question_is_not_the_signers():
    """GIVEN a consultation about an employee's pay whose question quotes the employee's NIP
    WHEN the letter is read
    THEN the questions are both read and the signer is the one above the NIP line at the end."""
    text = "\n".join([
        "PEMERINTAH KABUPATEN KENDAL", "DINAS SOSIAL", "Jalan Soekarno-Hatta No. 5 Kendal",
        "Nomor : 400/12/Dinsos/2026", "Hal : Konsultasi Kepegawaian", "",
        "Yth. Inspektur Daerah Kabupaten Kendal", "di Kendal", "",
        "Dengan hormat, kami mohon penjelasan sebagai berikut:",
        "1. Apakah tunjangan Sdr. BUDI SANTOSO, NIP 19800101 200501 1 001, dapat dibayarkan penuh?",
        "2. Bagaimana pengembalian kelebihan pembayaran?", "", "Demikian kami sampaikan.", "",
        "Kepala Dinas Sosial Kabupaten Kendal,", "", "", "SITI AMINAH, S.T.",
        "NIP. 19750225 198906 2 004"])
    got = read_text(text)
    assert got.pertanyaan == [
        "Apakah tunjangan Sdr. BUDI SANTOSO, NIP 19800101 200501 1 001, dapat dibayarkan penuh?",
        "Bagaimana pengembalian kelebihan pembayaran?"]
    assert got.penandatangan == {"nama": "SITI AMINAH, S.T.", "nip": "197502251989062004",
                                 "jabatan": "Kepala Dinas Sosial Kabupaten Kendal"}


def test_a_typed_letters_degrees_written_without_dots_stay_as_the_office_wrote_them():
    """GIVEN a case no generator here makes: an office (a Balinese regency's, say) that types
    its signer's degrees without dots, "I MADE SUDIARTA, ST, MT", in a DOCX or text PDF
    WHEN the signature is read THEN the name is kept as written: dots are restored only
    where a scan lost them, never in the office's own text."""
    for name in ("I MADE SUDIARTA, ST, MT", "Drs. I KETUT WIRAWAN, MM", "HOTMA SIMANJUNTAK, SH"):
        lines = [Line("Kepala Dinas Pekerjaan Umum,", 1, 0.55), Line(""), Line(""),
                 Line(name, 1, 0.55), Line("NIP. 197502251989062004", 1, 0.55)]
        assert signature(lines, 0)[0]["nama"] == name
