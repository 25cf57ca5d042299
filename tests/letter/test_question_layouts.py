# SPDX-License-Identifier: AGPL-3.0-or-later
"""What the fourth blind set showed: questions in a table with a column for the matter and one
for the question, on an attachment after the letter, and lettered under a numbered paragraph
of a body numbered throughout; and a heading's label wrapped in a narrow cell."""
from __future__ import annotations

import io

import pytest

from pipeline.letter import read_letter_inprocess
from pipeline.letter.parse import parse
from tests.letter.wild import HEAD, body

MATTERS = ["Bukti penginapan", "Perjalanan dalam kota"]
ASKED = ["Bagaimana pertanggungjawaban biaya penginapan apabila hotel tidak menerbitkan "
         "kuitansi resmi?",
         "Mohon petunjuk mengenai batas jarak perjalanan dinas dalam kota yang dapat dibayarkan "
         "uang transport"]
SIGNED = ["Kepala Dinas Sosial,", "", "Drs. HENDRA GUNAWAN", "NIP. 197001011995031002"]


def _docx(heads: tuple[str, str, str]) -> bytes:
    import docx

    d = docx.Document()
    for text in ["PEMERINTAH KABUPATEN SUBANG", "DINAS SOSIAL", "Nomor : 400/77/Dinsos/2026",
                 "Hal : Konsultasi Perjalanan Dinas", "Yth. Inspektur Kabupaten Subang",
                 "di Subang", "", "Adapun rincian permasalahan dan pertanyaan yang kami ajukan "
                 "adalah sebagai berikut:"]:
        d.add_paragraph(text)
    table = d.add_table(rows=1 + len(ASKED), cols=3)
    for cell, head in zip(table.rows[0].cells, heads):
        cell.text = head
    for k, (row, matter, asked) in enumerate(zip(table.rows[1:], MATTERS, ASKED), 1):
        row.cells[0].text, row.cells[1].text, row.cells[2].text = f"{k}.", matter, asked + "."
    for text in ["Demikian kami sampaikan, atas perhatian diucapkan terima kasih."] + SIGNED:
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("heads", [("No", "Permasalahan", "Pertanyaan"),
                                   ("No.", "Uraian Permasalahan", "Hal yang Dikonsultasikan")])
def test_a_word_table_of_matters_and_questions_gives_the_questions(heads):
    """GIVEN a Word letter whose questions stand in a `No | Permasalahan | Pertanyaan` table
    (or `Uraian Permasalahan | Hal yang Dikonsultasikan`) WHEN it is read THEN the questions
    are the cells under the heading that names what is asked, one a row; the matters are
    titles, not questions (before, the matters were read as the questions)."""
    assert read_letter_inprocess(_docx(heads), "surat.docx").pertanyaan == ASKED


def _table_lines():
    """The table as a PDF's positioned lines give it: the heading's cells side by side, then
    each row's number and matter at the left and the question's wrapped lines in a column to
    the right (a long matter wrapping back under the matter's column)."""
    return body(("Adapun rincian permasalahan dan pertanyaan yang kami ajukan adalah", 0.13, 0.9),
                ("sebagai berikut:", 0.13, 0.3),
                ("No", 0.135, 0.16), ("Permasalahan", 0.24, 0.36), ("Pertanyaan", 0.63, 0.74),
                ("1. Bukti penginapan", 0.134, 0.33),
                ("Bagaimana pertanggungjawaban biaya penginapan", 0.469, 0.88),
                ("apabila hotel tidak menerbitkan kuitansi resmi?", 0.469, 0.86),
                ("2. Perjalanan dalam", 0.134, 0.33),
                ("Mohon petunjuk mengenai batas jarak", 0.469, 0.86),
                ("kota", 0.17, 0.21),
                ("perjalanan dinas dalam kota yang dapat", 0.469, 0.85),
                ("dibayarkan uang transport.", 0.469, 0.7),
                ("Demikian kami sampaikan, atas perhatian diucapkan terima kasih.", 0.134, 0.8),
                ("", 0, 0), *[(t, 0.55, 0.85) for t in SIGNED])


def test_a_pdf_table_of_matters_and_questions_gives_the_questions():
    """GIVEN the same table in a PDF, whose cells come as lines side by side WHEN it is read
    THEN each row is its question whole, its wrapped lines joined and the matter's wrap left
    out, and the closing after the table is no part of the last."""
    assert parse(HEAD + _table_lines(), "pdf").pertanyaan == ASKED


def test_a_two_column_table_and_a_plain_list_read_as_before():
    """GIVEN a `No | Uraian` table read as a numbered list WHEN it is read THEN nothing changes:
    only a heading that names what is asked picks a column."""
    lines = body(("Kami mohon penjelasan sebagai berikut:", 0.13, 0.5),
                 ("No", 0.135, 0.16), ("Uraian", 0.3, 0.4),
                 ("1. " + ASKED[0][:40], 0.134, 0.9), (ASKED[0][40:], 0.17, 0.8),
                 ("2. " + ASKED[1], 0.134, 0.9),
                 ("Demikian kami sampaikan.", 0.134, 0.5), ("", 0, 0),
                 *[(t, 0.55, 0.85) for t in SIGNED])
    assert parse(HEAD + lines, "pdf").pertanyaan == [ASKED[0][:40] + " " + ASKED[0][40:].strip(),
                                                     ASKED[1]]


def test_questions_on_the_attachment_after_the_letter_are_read():
    """GIVEN a letter that sends its questions "sebagaimana terlampir", on an attachment after
    its signature and Tembusan (LAMPIRAN / NOMOR / TANGGAL / HAL, its label wrapped in a narrow
    cell, then DAFTAR PERTANYAAN), the letter it belongs to maybe wrapped over six lines
    WHEN it is read THEN the attachment's questions are the letter's (before: none)."""
    lines = body(("Dengan hormat kami mohon penjelasan dan arahan, dengan daftar pertanyaan",
                  0.13, 0.9),
                 ("sebagaimana terlampir.", 0.13, 0.4),
                 ("Atas perhatiannya, kami sampaikan terima kasih.", 0.13, 0.7), ("", 0, 0),
                 *[(t, 0.55, 0.85) for t in SIGNED], ("", 0, 0),
                 ("Tembusan :", 0.13, 0.3), ("- Arsip.", 0.13, 0.3), ("", 0, 0),
                 ("LAMPIRA : SURAT KEPALA DINAS SOSIAL", 0.52, 0.9), ("N", 0.52, 0.53),
                 ("NOMOR : 400/77/Dinsos/2026", 0.52, 0.9), ("TANGGAL : 2 Maret 2026", 0.52, 0.9),
                 ("", 0, 0), ("DAFTAR PERTANYAAN", 0.42, 0.6),
                 ("1) " + ASKED[0], 0.15, 0.9), ("2) " + ASKED[1] + ".", 0.15, 0.9))
    assert parse(HEAD + lines, "pdf").pertanyaan == ASKED
    # the letter it belongs to wrapped over six lines in the narrow cell before its NOMOR
    unit = [("PENGENDALIAN", 0.626, 0.8), ("PENDUDUK, KELUARGA", 0.626, 0.85),
            ("BERENCANA,", 0.626, 0.75), ("PEMBERDAYAAN", 0.626, 0.8),
            ("PEREMPUAN DAN", 0.626, 0.8), ("PERLINDUNGAN ANAK", 0.626, 0.85)]
    at = next(k for k, ln in enumerate(lines) if ln.text == "N") + 1
    lines[at:at] = body(*unit)
    assert parse(HEAD + lines, "pdf").pertanyaan == ASKED


def test_lettered_questions_under_a_numbered_paragraph_are_read():
    """GIVEN a body written as numbered paragraphs throughout, the facts lettered under one
    and the questions, ending with stops, lettered under another whose lead-in asks WHEN it
    is read THEN the questions are the letters under the asking paragraph, and neither the
    facts nor the paragraphs (before: none)."""
    lines = body(("1. Sehubungan dengan pembayaran honorarium, kami mohon arahan.", 0.13, 0.9),
                 ("2. Adapun kondisi yang terjadi saat ini adalah sebagai berikut:", 0.13, 0.9),
                 ("a. Terdapat 23 (dua puluh tiga) orang tenaga non-ASN;", 0.165, 0.9),
                 ("b. Anggaran dialokasikan pada belanja jasa;", 0.165, 0.9),
                 ("3. Adapun hal-hal yang kami konsultasikan adalah sebagai berikut:", 0.13, 0.9),
                 ("a. " + ASKED[0], 0.165, 0.9), ("b. " + ASKED[1] + ".", 0.165, 0.9),
                 ("4. Demikian disampaikan, atas perhatian kami ucapkan terima kasih.", 0.13, 0.9),
                 ("", 0, 0), *[(t, 0.55, 0.85) for t in SIGNED])
    assert parse(HEAD + lines, "pdf").pertanyaan == ASKED


def test_a_pdf_reads_on_to_the_attachment_its_letter_points_to():
    """GIVEN a text PDF whose letter, signed and with its Tembusan, ends on page 1 and says its
    questions are "sebagaimana terlampir", and whose page 2 is that attachment WHEN it is read
    THEN page 2 is read too (a letter's later pages are not read past its Tembusan otherwise),
    and its questions are the letter's."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pages = [["PEMERINTAH KOTA PADANG", "DINAS SOSIAL", "Nomor : 400/77/Dinsos/2026",
              "Hal : Konsultasi Perjalanan Dinas", "Yth. Inspektur Kota Padang", "di Padang", "",
              "Dengan hormat kami mohon penjelasan, dengan daftar pertanyaan sebagaimana "
              "terlampir.", "Atas perhatiannya, kami sampaikan terima kasih.", ""] + SIGNED +
             ["", "Tembusan :", "1. Wali Kota Padang;", "2. Arsip."],
             ["LAMPIRAN : SURAT KEPALA DINAS SOSIAL", "NOMOR : 400/77/Dinsos/2026",
              "TANGGAL : 2 Maret 2026", "", "DAFTAR PERTANYAAN"] +
             [f"{k}. {q}" for k, q in enumerate(ASKED, 1)]]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 9)
    for page in pages:
        for k, text in enumerate(page):
            c.drawString(70, 800 - 16 * k, text)
        c.showPage()
    c.save()
    assert read_letter_inprocess(buf.getvalue(), "surat.pdf").pertanyaan == ASKED


def test_a_lampiran_label_wrapped_in_its_narrow_cell_is_read():
    """GIVEN a heading whose "Lampiran" label wraps in a narrow table cell ("Lampira" / "n")
    WHEN it is read THEN the Lampiran is its value, and the Hal below it is read whole."""
    lines = body(("Nomor : B/747/900.1.1/RSUD/2025", 0.126, 0.5),
                 ("Lampira : 1 (satu) berkas", 0.126, 0.45), ("n", 0.126, 0.13),
                 ("Perihal : Konsultasi Pembayaran", 0.126, 0.45), ("Honorarium Tim", 0.256, 0.4),
                 ("", 0, 0), ("Yth. Inspektur Kabupaten Buleleng", 0.126, 0.5),
                 ("di Singaraja", 0.126, 0.3), ("", 0, 0))
    got = parse(lines + body(*[(t, 0.55, 0.85) for t in SIGNED]), "pdf")
    assert (got.lampiran, got.hal) == ("1 (satu) berkas", "Konsultasi Pembayaran Honorarium Tim")


def test_a_degree_ending_in_capitals_is_written_as_a_scan_read_it():
    """GIVEN scanned names whose degree ends in a run of capitals, printed with or without its
    closing dot ("S.STP", "S.STP.") WHEN the degrees are set in order THEN each is written as
    read, as a specialist's "Sp.PD" is; other degrees that lost their dot get it back."""
    from pipeline.letter.scanname import _degrees
    assert _degrees("H. DADANG SUPRIATNA, S.STP") == "H. DADANG SUPRIATNA, S.STP"
    assert _degrees("Desi Ratnasari, S.STP, M.Si") == "Desi Ratnasari, S.STP, M.Si."
    assert _degrees("Endang Lestari, S.STP., M.Si.") == "Endang Lestari, S.STP., M.Si."


def test_a_pdf_table_whose_cells_run_together_gives_the_questions():
    """GIVEN the table in a PDF whose cells stand a space apart: the heading's first cells read
    as one line ("No Uraian Permasalahan", the "." of "No." wrapped below), and a row's matter
    and the question's first words read as one line ("1. Bukti penginapan Bagaimana …"), the
    matter's wrapped word below it WHEN it is read THEN each row is still its question whole,
    parted from the matter at the capitalised word where the question's column falls."""
    lines = body(("Adapun rincian permasalahan dan pertanyaan yang kami ajukan:", 0.13, 0.9),
                 ("No Uraian Permasalahan", 0.135, 0.4), ("Hal yang Dikonsultasikan", 0.53, 0.8),
                 (".", 0.146, 0.15),
                 ("1. Bukti penginapan Bagaimana pertanggungjawaban biaya", 0.133, 0.845),
                 ("hotel", 0.17, 0.22),
                 ("penginapan apabila hotel tidak menerbitkan", 0.46, 0.86),
                 ("kuitansi resmi?", 0.46, 0.6),
                 ("2. Perjalanan dalam Mohon petunjuk mengenai batas jarak", 0.133, 0.86),
                 ("kota", 0.17, 0.21),
                 ("perjalanan dinas dalam kota yang dapat", 0.46, 0.85),
                 ("dibayarkan uang transport.", 0.46, 0.7),
                 ("Demikian kami sampaikan, atas perhatian diucapkan terima kasih.", 0.134, 0.8),
                 ("", 0, 0), *[(t, 0.55, 0.85) for t in SIGNED])
    assert parse(HEAD + lines, "pdf").pertanyaan == ASKED


def _nokop(to: str, post: str) -> list:
    return body(("Nomor : 400/77/Dinkes/2026", 0.12, 0.45), ("Hal : Konsultasi Hibah", 0.12, 0.5),
                ("", 0, 0), (f"Yth. {to}", 0.12, 0.5), ("di Tempat", 0.12, 0.3), ("", 0, 0),
                ("Bersama ini kami mohon penjelasan sebagai berikut:", 0.12, 0.8),
                ("1. Apakah hibah dapat disalurkan pada bulan Desember?", 0.12, 0.8),
                ("Demikian kami sampaikan.", 0.12, 0.5), ("", 0, 0), (post, 0.55, 0.85),
                ("", 0, 0), ("Drs. HENDRA GUNAWAN", 0.55, 0.8),
                ("NIP. 197001011995031002", 0.55, 0.8))


def test_what_the_review_of_these_rules_found_reads_right():
    """GIVEN the inputs an adversarial review of these rules built, on which their first
    versions read worse than the reader before them WHEN they are read THEN: a numbered body
    whose own paragraphs ask keeps its questions, only its closing dropped; a list ending
    "Selanjutnya, kami mohon …" keeps that item; under a numbered body only points that ask
    are questions (not facts under "hasil konsultasi", nor documents "mohon diverifikasi");
    an attachment listing names "yang dimohonkan" is no list of questions; a unit gets no
    region from an addressee that is not an Inspektorat, nor a second one; a Word table
    `No | Pertanyaan | Penjelasan` gives its questions, not its answers; and capitals
    degrees other than S.STP get their dot back."""
    def asked(*rows):
        return parse(HEAD + body(*rows, ("", 0, 0), *[(t, 0.55, 0.85) for t in SIGNED]),
                     "pdf").pertanyaan

    assert asked(("1. Sehubungan dengan bantuan sosial, kami mohon penjelasan berikut.",
                  0.13, 0.9),
                 ("2. Apakah bantuan sosial dapat diberikan dalam bentuk uang tunai?", 0.13, 0.9),
                 ("3. Bagaimana pertanggungjawaban bantuan yang tidak tersalurkan?", 0.13, 0.9),
                 ("4. Demikian kami sampaikan, atas perhatian diucapkan terima kasih.", 0.13, 0.9)
                 )[1:] == ["Apakah bantuan sosial dapat diberikan dalam bentuk uang tunai?",
                           "Bagaimana pertanggungjawaban bantuan yang tidak tersalurkan?"]
    assert len(asked(("Sehubungan dengan hal tersebut, kami mohon penjelasan sebagai berikut:",
                      0.13, 0.9),
                     ("1. Apakah bantuan sosial dapat diberikan dalam bentuk uang tunai?",
                      0.13, 0.9),
                     ("2. Selanjutnya, kami mohon petunjuk batas waktu penyaluran.", 0.13, 0.9),
                     ("Demikian kami sampaikan.", 0.13, 0.5))) == 2
    assert asked(("1. Menindaklanjuti hasil konsultasi sebelumnya, kami laporkan kondisi sebagai "
                  "berikut:", 0.13, 0.9),
                 ("a. Terdapat 23 orang penerima;", 0.165, 0.9),
                 ("b. Anggaran pada belanja hibah;", 0.165, 0.9),
                 ("2. Sehubungan dengan hal tersebut, kami mohon penjelasan:", 0.13, 0.9),
                 ("a. Apakah bantuan dapat diberikan dalam bentuk uang tunai?", 0.165, 0.9),
                 ("b. Bagaimana mekanisme pertanggungjawaban bantuan?", 0.165, 0.9),
                 ("3. Demikian disampaikan, atas perhatian kami ucapkan terima kasih.", 0.13, 0.9)
                 ) == ["Apakah bantuan dapat diberikan dalam bentuk uang tunai?",
                       "Bagaimana mekanisme pertanggungjawaban bantuan?"]
    assert asked(("1. Menindaklanjuti surat Inspektur Kota Padang Nomor 700/12/Insp/2026.",
                  0.13, 0.9),
                 ("2. Bersama ini kami sampaikan dokumen tindak lanjut dan mohon diverifikasi:",
                  0.13, 0.9),
                 ("a. Surat Pernyataan Kepala Dinas;", 0.165, 0.9),
                 ("b. Bukti setor ke Kas Daerah;", 0.165, 0.9),
                 ("3. Demikian disampaikan, atas perhatian kami ucapkan terima kasih.", 0.13, 0.9)
                 ) == []
    assert asked(("Bersama ini kami sampaikan daftar pegawai sebagaimana terlampir.", 0.13, 0.9),
                 ("Demikian kami sampaikan, atas perhatian diucapkan terima kasih.", 0.13, 0.9),
                 ("", 0, 0), *[(t, 0.55, 0.85) for t in SIGNED], ("", 0, 0),
                 ("LAMPIRAN : SURAT KEPALA DINAS SOSIAL", 0.52, 0.9),
                 ("NOMOR : 400/77/Dinsos/2026", 0.52, 0.9), ("TANGGAL : 2 Maret 2026", 0.52, 0.9),
                 ("", 0, 0), ("DAFTAR NAMA PEGAWAI YANG DIMOHONKAN SURAT KETERANGAN:", 0.2, 0.8),
                 ("1. BUDI SANTOSO, S.E., NIP 198001012005011001", 0.13, 0.9),
                 ("2. SITI AMINAH, S.Pd., NIP 198202022006042002", 0.13, 0.9)) == []
    assert parse(_nokop("Kepala Perwakilan BPKP Provinsi Jawa Barat", "Kepala Dinas Kesehatan,"),
                 "pdf").pengirim == "Dinas Kesehatan"
    assert parse(_nokop("Inspektur Provinsi Daerah Istimewa Yogyakarta",
                        "Kepala Dinas Kesehatan Daerah Istimewa Yogyakarta,"), "pdf").pengirim \
        == "Dinas Kesehatan Daerah Istimewa Yogyakarta"
    got = read_letter_inprocess(_docx(("No", "Pertanyaan", "Penjelasan")), "surat.docx")
    assert got.pertanyaan == MATTERS  # (the second column: here it holds the matters' text)
    from pipeline.letter.scanname import _degrees
    assert _degrees("BUDI SANTOSO, S.SOS, M.SI") == "BUDI SANTOSO, S.SOS., M.SI."


@pytest.mark.parametrize("read,post", [
    ("Pih-Kepala Dinas Penanaman Modal", "Plh. Kepala Dinas Penanaman Modal"),
    ("Plt... Direktur Rumah Sakit Umum Daerah", "Plt. Direktur Rumah Sakit Umum Daerah"),
    ("Pit? Kepala UPTD Laboratorium Kesehatan", "Plt. Kepala UPTD Laboratorium Kesehatan"),
    ("<avalak, 27 September 2025 \u2014SEKRETARIS DPRD", "SEKRETARIS DPRD")])
def test_a_scanned_posts_acting_mark_and_the_date_glued_before_it_are_read(read, post):
    """GIVEN a scanned post whose "Plt."/"Plh." a scan read with its stop as marks ("Pih-",
    "Plt...", "Pit?"), or with the date above it read onto its line, the place's first letter
    as a mark WHEN the signature is read THEN the post is "Plt."/"Plh." and the post alone."""
    from pipeline.letter.lines import Line
    from pipeline.letter.signature import signature
    lines = [Line("Demikian kami sampaikan, atas perhatian diucapkan terima kasih.", 1, 0.12,
                  ocr=True), Line("", ocr=True), Line(read + ",", 1, 0.55, ocr=True),
             Line("", ocr=True),
             Line("Drs. HENDRA GUNAWAN", 1, 0.55, ocr=True),
             Line("NIP. 197001011995031002", 1, 0.55, ocr=True)]
    assert signature(lines, 0)[0]["jabatan"] == post


def test_a_tembusan_entry_whose_stop_was_left_off_is_its_own():
    """GIVEN an unnumbered Tembusan whose entries end with ";", but for one the letter left it
    off, the entry a full line WHEN it is read THEN the next line, naming a recipient, is the
    next entry, not more of that one; a wrapped entry's second line still joins it."""
    from pipeline.letter.copies import tembusan
    lines = body(("Tembusan Yth.", 0.15, 0.3), ("Bupati Agam (sebagai laporan);", 0.15, 0.5),
                 ("Inspektur Pembantu Wilayah IV Inspektorat Kabupaten Agam", 0.15, 0.85),
                 ("Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten", 0.15, 0.86),
                 ("Agam;", 0.15, 0.22), ("Arsip.", 0.15, 0.21))
    assert tembusan(lines, 0)[0] == [
        "Bupati Agam (sebagai laporan)",
        "Inspektur Pembantu Wilayah IV Inspektorat Kabupaten Agam",
        "Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten Agam", "Arsip"]


def test_a_question_table_lettered_or_numbered_by_word_gives_the_questions():
    """GIVEN question tables no generator here makes: a PDF's rows lettered a., b. instead of
    numbered, and a Word table whose No column Word numbers itself (no digit in the cell)
    WHEN they are read THEN each row is its question, not its matter."""
    import docx

    rows = [(f"{m}. {t}", 0.134, 0.33) if k == 0 else (t, x, 0.88)
            for m, cells in zip("ab", [["Bukti penginapan",
                                         "Bagaimana pertanggungjawaban biaya penginapan",
                                         "apabila hotel tidak menerbitkan kuitansi resmi?"],
                                        ["Perjalanan dalam", "Mohon petunjuk mengenai batas jarak",
                                         "perjalanan dinas dalam kota yang dapat",
                                         "dibayarkan uang transport."]])
            for k, (t, x) in enumerate(zip(cells, [0.134] + [0.469] * 3))]
    lines = body(("Adapun rincian permasalahan dan pertanyaan sebagai berikut:", 0.13, 0.9),
                 ("No", 0.135, 0.16), ("Permasalahan", 0.24, 0.36), ("Pertanyaan", 0.63, 0.74),
                 *rows, ("Demikian kami sampaikan, atas perhatian diucapkan terima kasih.",
                         0.134, 0.8), ("", 0, 0), *[(t, 0.55, 0.85) for t in SIGNED])
    assert parse(HEAD + lines, "pdf").pertanyaan == ASKED

    d = docx.Document()
    for text in ["PEMERINTAH KABUPATEN SUBANG", "DINAS SOSIAL", "Nomor : 400/77/Dinsos/2026",
                 "Hal : Konsultasi", "Yth. Inspektur Kabupaten Subang", "di Subang", "",
                 "Adapun rincian permasalahan dan pertanyaan sebagai berikut:"]:
        d.add_paragraph(text)
    table = d.add_table(rows=3, cols=3)
    for cell, head in zip(table.rows[0].cells, ["No.", "Permasalahan", "Pertanyaan"]):
        cell.text = head
    for row, matter, asked in zip(table.rows[1:], MATTERS, ASKED):
        row.cells[0].paragraphs[0].style = d.styles["List Number"]
        row.cells[1].text, row.cells[2].text = matter, asked
    for text in ["Demikian kami sampaikan."] + SIGNED:
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    assert read_letter_inprocess(buf.getvalue(), "surat.docx").pertanyaan == ASKED


def test_a_question_table_with_a_column_after_the_questions_gives_the_questions():
    """GIVEN a PDF table `No | Permasalahan | Pertanyaan | Keterangan` whose fourth column
    notes each row ("1 berkas", "Perlu segera"), its note run together with the question's
    line ("Mohon petunjuk Perlu segera") or on a line of its own WHEN it is read THEN each
    question is its cell alone (before, the fourth heading cell hid the table and the matters
    were read)."""
    lines = body(("Adapun rincian permasalahan dan pertanyaan yang kami ajukan adalah", 0.13, 0.9),
                 ("sebagai berikut:", 0.13, 0.3), ("No", 0.147, 0.174),
                 ("Permasalahan", 0.324, 0.453), ("Pertanyaan", 0.5, 0.604),
                 ("Keterangan", 0.677, 0.783),
                 ("1. Bukti", 0.147, 0.372),
                 ("Bagaimana pertanggungjawaban 1 berkas", 0.5, 0.73),
                 ("penginapan", 0.324, 0.431),
                 ("biaya penginapan apabila hotel tidak", 0.5, 0.65),
                 ("menerbitkan kuitansi resmi?", 0.5, 0.639),
                 ("2. Perjalanan", 0.147, 0.421), ("Mohon petunjuk Perlu segera", 0.5, 0.792),
                 ("dalam kota", 0.324, 0.425), ("mengenai batas dijawab", 0.5, 0.748),
                 ("jarak perjalanan dinas dalam kota yang dapat", 0.5, 0.66),
                 ("dibayarkan uang transport.", 0.5, 0.65), ("", 0, 0),
                 ("Demikian kami sampaikan, atas perhatian diucapkan terima kasih.", 0.147, 0.8),
                 ("", 0, 0), *[(t, 0.55, 0.85) for t in SIGNED])
    assert parse(HEAD + lines, "pdf").pertanyaan == ASKED


@pytest.mark.parametrize("widths", [None, (1.0, 3.0, 8.0, 3.5)])
def test_another_offices_question_table_through_libreoffice_gives_the_questions(tmp_path,
                                                                                 widths):
    """GIVEN a letter no generator writes: a Word table headed in capitals `NO. | POKOK
    PERMASALAHAN | PERTANYAAN | DASAR HUKUM` in four equal columns, the matter's heading
    wrapped in its cell mid-word (`PERMASALAHA` / `N`), each row citing its regulation in the
    fourth column, saved as DOCX and exported to PDF by LibreOffice; or in narrow columns
    (WIDTHS, cm), where a cell's text stands less than a wide gap from the next cell's and
    the PDF runs them into one line WHEN each is read THEN both give the questions, one a
    row, without the matters or the regulations (before, the PDF's wrapped heading and fourth
    column hid the table and the matters were read; in narrow columns the PDF's lines ran a
    matter's wrapped words into the question: the cells are now parted at the table's
    vertical rules)."""
    import docx
    from docx.shared import Cm

    from tests.letters_gen.build import soffice_batch
    asked = ["Apakah belanja jasa narasumber dari instansi vertikal dapat dibebankan pada sub "
             "kegiatan sosialisasi?",
             "Bagaimana mekanisme penyetoran sisa uang persediaan yang belum habis digunakan "
             "pada akhir tahun anggaran?"]
    d = docx.Document()
    for text in ["PEMERINTAH KABUPATEN MANGGARAI BARAT", "DINAS PENDIDIKAN, PEMUDA DAN OLAHRAGA",
                 "Jalan Frans Nala Nomor 2 Labuan Bajo", "", "Labuan Bajo, 12 Mei 2026",
                 "Nomor : 400.3/218/PPO/V/2026", "Sifat : Penting", "Lampiran : -",
                 "Hal : Konsultasi Pengelolaan Keuangan", "",
                 "Kepada Yth. Inspektur Daerah Kabupaten Manggarai Barat", "di Labuan Bajo", "",
                 "Dalam rangka tertib pengelolaan keuangan daerah, kami mohon penjelasan atas "
                 "hal-hal berikut:"]:
        d.add_paragraph(text)
    table = d.add_table(rows=3, cols=4)
    table.style = "Table Grid"
    for col, width in zip(table.columns, widths or ()):
        col.width = Cm(width)
    rows = [("NO.", "POKOK PERMASALAHAN", "PERTANYAAN", "DASAR HUKUM"),
            ("1.", "Honor narasumber instansi vertikal", asked[0], "Perpres 33 Tahun 2020"),
            ("2.", "Sisa uang persediaan", asked[1], "Permendagri 77 Tahun 2020")]
    for row, texts in zip(table.rows, rows):
        for k, (cell, text) in enumerate(zip(row.cells, texts)):
            cell.text = text
            if widths:
                cell.width = Cm(widths[k])
    for text in ["", "Demikian disampaikan, atas perhatian diucapkan terima kasih.", "",
                 "Kepala Dinas Pendidikan, Pemuda dan Olahraga,", "", "",
                 "Drs. YOHANES NGGADUT, M.Pd.", "NIP. 196805121994031007"]:
        d.add_paragraph(text)
    d.save(tmp_path / "surat.docx")
    soffice_batch([tmp_path / "surat.docx"], tmp_path)
    for name in ("surat.docx", "surat.pdf"):
        assert read_letter_inprocess((tmp_path / name).read_bytes(), name).pertanyaan == asked


def test_a_reportlab_question_table_in_narrow_ruled_columns_gives_the_questions():
    """GIVEN a letter no generator writes: a question table typeset by reportlab's platypus
    (not Word, not LibreOffice), `NO. | POKOK PERMASALAHAN | PERTANYAAN | DASAR HUKUM` in
    narrow ruled columns (1.1 / 3 / 8 / 3.4 cm), its cells' paragraphs wrapped, the matter's
    heading broken mid-word (`PER` / `MASALAHAN`) WHEN its PDF is read THEN the questions are
    the question cells, one a row (before, the ruled `NO.` stayed glued to the next heading as
    an abbreviation with its value, the heading was lost, and the matters were read)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    asked = ["Apakah belanja jasa narasumber dari instansi vertikal dapat dibebankan pada sub "
             "kegiatan sosialisasi?",
             "Bagaimana mekanisme penyetoran sisa uang persediaan yang belum habis digunakan "
             "pada akhir tahun anggaran?"]
    style = getSampleStyleSheet()["Normal"]
    style.fontSize, style.leading = 11, 13
    story = [Paragraph(t, style) for t in [
        "PEMERINTAH KABUPATEN SIKKA", "BADAN PENDAPATAN DAERAH",
        "Jalan Ahmad Yani Nomor 5 Maumere", "", "Maumere, 3 Juni 2026",
        "Nomor : 900.1/77/BAPENDA/VI/2026", "Sifat : Biasa", "Lampiran : -",
        "Hal : Konsultasi Pengelolaan Keuangan", "", "Yth. Inspektur Daerah Kabupaten Sikka",
        "di Maumere", "", "Dalam rangka tertib pengelolaan keuangan daerah, kami mohon "
        "penjelasan atas hal-hal berikut:"]]
    cells = [["NO.", "POKOK PERMASALAHAN", "PERTANYAAN", "DASAR HUKUM"],
             ["1.", "Honor narasumber instansi vertikal", asked[0], "Perpres 33 Tahun 2020"],
             ["2.", "Sisa uang persediaan", asked[1], "Permendagri 77 Tahun 2020"]]
    table = Table([[r[0]] + [Paragraph(t, style) for t in r[1:]] for r in cells],
                  colWidths=[1.1 * cm, 3 * cm, 8 * cm, 3.4 * cm])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [table, Spacer(1, 12)] + [Paragraph(t, style) for t in [
        "Demikian disampaikan, atas perhatian diucapkan terima kasih.", "",
        "Kepala Badan Pendapatan Daerah,", "", "", "Drs. YOSEF NONG, M.Si.",
        "NIP. 196805121994031007"]]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    assert read_letter_inprocess(buf.getvalue(), "surat.pdf").pertanyaan == asked
