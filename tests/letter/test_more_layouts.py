"""Layouts a second independent set of letters showed (written blind, like the first).

Questions set in a numbered table, electronically signed letters (TTE), a unit named under its
parent in the kop, a body that runs under both columns of the heading, a compound word broken
at its hyphen, and a Tembusan list that goes on overleaf under an e-signature footer. Each is
built as Word or a PDF writes it, or line by line with the page's geometry.
"""
from __future__ import annotations

import io

import pytest

from pipeline.letter import read_letter_inprocess
from pipeline.letter.letterhead import from_letterhead
from pipeline.letter.lines import Line, Word, from_words, joined
from pipeline.letter.parse import parse
from pipeline.letter.signature import signature
from tests.letter.wild import HEAD, body

ASKED = ["Apakah pejabat eselon III dapat diberikan honor sebagai narasumber?",
         "Bagaimana ketentuan pemotongan PPh Pasal 21 atas honorarium narasumber?"]


def _docx_with_table(numbers: list[str], auto: bool = False) -> bytes:
    import docx

    d = docx.Document()
    for text in ["PEMERINTAH KABUPATEN SRAGEN", "DINAS KESEHATAN", "Nomor : 400/907/Dinkes/2026",
                 "Hal : Konsultasi Honorarium", "Yth. Inspektur Daerah Kabupaten Sragen",
                 "di Sragen", "", "Bersama ini kami mohon penjelasan atas permasalahan berikut:"]:
        d.add_paragraph(text)
    table = d.add_table(rows=1 + len(ASKED), cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "No", "Pertanyaan"
    for row, number, question in zip(table.rows[1:], numbers or [""] * len(ASKED), ASKED):
        if auto:  # Word's own numbering: the cell holds no digit, only its paragraph's number
            row.cells[0].paragraphs[0].style = d.styles["List Number"]
        else:
            row.cells[0].text = number
        row.cells[1].text = question
    d.add_paragraph("Demikian kami sampaikan, atas perhatian diucapkan terima kasih.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("numbers,auto", [(["1", "2"], False), (["1.", "2."], False),
                                          (["(1)", "(2)"], False), (["a.", "b."], False),
                                          ([], True)], ids=["1", "1.", "(1)", "a.", "auto"])
def test_questions_in_a_numbered_word_table(numbers, auto):
    """GIVEN a Word letter whose questions stand in a "No | Pertanyaan" table, numbered 1, 1.,
    (1), a. or by Word itself
    WHEN it is read
    THEN each row is a question, and the table's heading is none."""
    got = read_letter_inprocess(_docx_with_table(numbers, auto), "surat.docx")
    assert got.pertanyaan == ASKED


def _cells(number: str, words: list[str], top: float, gap: float, space: float) -> list[Word]:
    """A table row as pdfium gives its words: the number in its cell, GAP points off the text,
    whose words are SPACE points apart (a justified line stretches them)."""
    out, x = [Word(number, 80, 86, top, top + 12)], 86 + gap
    for w in words:
        out.append(Word(w, x, x + 7 * len(w), top, top + 12))
        x += 7 * len(w) + space
    return out


def test_a_numbered_table_row_in_a_pdf_opens_an_item():
    """GIVEN PDF rows whose number stands in a narrow cell 15 pt off the text, one of them a
    justified line whose spaces are stretched to 14 pt
    WHEN the words become lines
    THEN each row opens an item "1." / "2."; a number on a line's own start with an ordinary
    space after it ("2 (dua) tim ...") and a speck far off in the margin stay as they are."""
    words = _cells("1", ["Apakah", "penerimaan", "retribusi", "boleh"], 100, 15.6, 14.1) + \
        _cells("2", ["Bagaimana", "prosedur", "pembetulan"], 130, 15.6, 5.2)
    assert [ln.text for ln in from_words(words, 600, 1)] == [
        "1. Apakah penerimaan retribusi boleh", "2. Bagaimana prosedur pembetulan"]
    wrapped = _cells("2", ["(dua)", "tim", "dalam", "satu", "bulan"], 100, 3, 3)
    assert from_words(wrapped, 600, 1)[0].text == "2 (dua) tim dalam satu bulan"
    speck = _cells("4", ["Retribusi", "Daerah,", "dalam"], 100, 70, 4)
    assert not from_words(speck, 600, 1)[0].text.startswith("4.")


@pytest.mark.parametrize("block", [
    [("Ditandatangani secara elektronik oleh:", 0.6, 0.9), ("Kepala Dinas Pendidikan", 0.6, 0.85),
     ("Kota Salatiga,", 0.6, 0.75), ("", 0, 0), ("Dr. DEDI SAPUTRA, S.AP.", 0.6, 0.86)],
    [("Kepala Dinas Pendidikan", 0.6, 0.85), ("Kota Salatiga,", 0.6, 0.75),
     ("Ditandatangani secara elektronik", 0.6, 0.86), ("oleh:", 0.6, 0.63), ("", 0, 0),
     ("Dr. DEDI SAPUTRA, S.AP.", 0.6, 0.86)]], ids=["mark-above-post", "mark-under-post"])
def test_an_electronic_signatures_mark_is_neither_post_nor_name(block):
    """GIVEN a TTE block: "Ditandatangani secara elektronik oleh:" above the post, or under it
    and wrapped before its "oleh:", then the name and a NIP wrapped in the box's narrow width
    WHEN the signature is read
    THEN the post is only the post, and the NIP is whole."""
    lines = body(("Demikian kami sampaikan.", 0.12, 0.6), ("", 0, 0), *block,
                 ("NIP. 19680314 199010 1", 0.6, 0.84), ("006", 0.6, 0.62))
    got = parse(HEAD + lines, "pdf").penandatangan
    assert got == {"nama": "Dr. DEDI SAPUTRA, S.AP.", "nip": "196803141990101006",
                   "jabatan": "Kepala Dinas Pendidikan Kota Salatiga"}


def test_a_post_wrapped_after_a_title_in_a_word_letter():
    """GIVEN a Word letter's post wrapped after "DR." (a hospital named for a doctor)
    WHEN the signature is read
    THEN the post is whole: a title's dot is no sentence's end."""
    lines = [Line("Atas perhatian kami sampaikan terima kasih."), Line(""),
             Line("DIREKTUR RUMAH SAKIT UMUM DAERAH DR."), Line("R. SOETRASNO KABUPATEN REMBANG,"),
             Line(""), Line("Retno, S.Kep., M.Si."), Line("NIP: 19780501 200410 2 050")]
    assert signature(lines, 0)[0]["jabatan"] == \
        "DIREKTUR RUMAH SAKIT UMUM DAERAH DR. R. SOETRASNO KABUPATEN REMBANG"


@pytest.mark.parametrize("kop,unit", [
    (["SEKRETARIAT DAERAH", "BAGIAN PEREKONOMIAN", "DAN SUMBER DAYA ALAM"],
     "Bagian Perekonomian dan Sumber Daya Alam Sekretariat Daerah Kabupaten Malang"),
    (["SEKRETARIAT DAERAH", "BIRO HUKUM"], "Biro Hukum Sekretariat Daerah Kabupaten Malang"),
    (["DINAS KESEHATAN", "UPTD PUSKESMAS CIPADUNG"], "UPTD Puskesmas Cipadung Kabupaten Malang"),
    (["KECAMATAN CIPADUNG", "KELURAHAN GONDOKUSUMAN"], "Kelurahan Gondokusuman"),
    (["DINAS PENDIDIKAN"], "Dinas Pendidikan Kabupaten Malang")])
def test_the_unit_under_its_parent_in_the_kop_is_the_sender(kop, unit):
    """GIVEN a kop naming the unit under its parent (a Bagian under the Setda, a Puskesmas under
    the Dinas, a Kelurahan under the Kecamatan)
    WHEN the sending unit is read
    THEN it is the lowest unit; a Bagian or Biro is named with its Setda."""
    lines = [Line("PEMERINTAH KABUPATEN MALANG")] + [Line(t) for t in kop] + \
        [Line("Jl. Kapten Tendean No. 170, Kepanjen")]
    assert from_letterhead(lines)[0] == unit


def _pdf(pages: list[list[tuple[float, str]]]) -> bytes:
    """A text PDF: each page a list of (x, text) lines from the top, 16 pt apart."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for page in pages:
        y = 800
        for x, text in page:
            c.drawString(x, y, text)
            y -= 16
        c.setFont("Helvetica", 7)
        c.drawString(90, 40, "Dokumen ini telah ditandatangani secara elektronik menggunakan "
                             "sertifikat elektronik yang diterbitkan oleh BSrE, BSSN")
        c.setFont("Helvetica", 12)
        c.showPage()
    c.save()
    return buf.getvalue()


def test_tembusan_goes_on_overleaf_under_an_e_signature_footer():
    """GIVEN an electronically signed PDF whose Tembusan list breaks after item 1, above the
    footer every page carries, and goes on on page 2
    WHEN it is read
    THEN the whole list is read."""
    page1 = [(70, t) for t in ["PEMERINTAH KOTA KEDIRI", "DINAS PERTANIAN", "",
                               "Nomor : 500/12/Distan/2026", "Hal : Konsultasi", "",
                               "Yth. Inspektur Kota Kediri", "di Kediri", "",
                               "Kami mohon penjelasan:", "1. Apakah bantuan dapat diberikan?", "",
                               "Demikian kami sampaikan."]] + \
        [(300, t) for t in ["", "Kepala Dinas Pertanian,", "", "SRI WAHYUNI, S.E.",
                            "NIP. 197502251989062004", ""]] + \
        [(70, "Tembusan disampaikan kepada Yth.:"), (70, "1. Walikota Kediri;")]
    page2 = [(70, "2. Sekretaris Daerah Kota Kediri;"), (70, "3. Arsip.")]
    got = read_letter_inprocess(_pdf([page1, page2]), "surat.pdf")
    assert got.tembusan == ["Walikota Kediri", "Sekretaris Daerah Kota Kediri", "Arsip"]


def test_the_hal_ends_where_the_body_runs_under_both_columns():
    """GIVEN a two-column heading whose Hal wraps in its column, then (after the Kepada column)
    the body set at the Hal's own indent but running under both columns, or a greeting
    WHEN the Hal is read
    THEN it is only the Hal."""
    rows = body(("Nomor : 445.9/97/RSUD/2026", 0.14, 0.49), ("Semarang, 20 April 2026", 0.58, 0.83),
                ("Hal : Permohonan Konsultasi", 0.14, 0.51), ("terkait Pembayaran TPP", 0.27, 0.47))
    rows[2].vx = 0.27
    column = body(("Kepada", 0.58, 0.65), ("Yth. Inspektur Kota Semarang", 0.58, 0.89),
                  ("di Semarang", 0.58, 0.71))
    under = body(("Menindaklanjuti surat Inspektur Kota Semarang Nomor", 0.27, 0.89),
                 ("400.3/484/Inspektorat/2025 perlu kami sampaikan hal berikut:", 0.27, 0.89))
    assert parse(rows + column + under, "pdf").hal == "Permohonan Konsultasi terkait Pembayaran TPP"
    greeting = body(("Dengan hormat,", 0.27, 0.44))
    assert parse(rows + greeting + column + under, "pdf").hal == \
        "Permohonan Konsultasi terkait Pembayaran TPP"


def test_a_compound_broken_at_its_hyphen_is_joined_whole():
    """GIVEN a Hal wrapped after "E-" (PDFium gives that hyphen as U+FFFE, a possible soft one)
    WHEN the lines are joined
    THEN the word is whole again, "E-Katalog"; other wraps keep their space."""
    assert joined("Pengadaan melalui E-", "Katalog") == "Pengadaan melalui E-Katalog"
    assert joined("Pengadaan Barang/Jasa", "melalui") == "Pengadaan Barang/Jasa melalui"
    assert joined("tahun 2025 -", "sebagai") == "tahun 2025 - sebagai"
    pdf = _pdf([[(70, t) for t in ["PEMERINTAH KOTA SEMARANG", "DINAS SOSIAL", "",
                                   "Nomor : 027/5/Dinsos/2026"]] +
                [(70, "Hal : Konsultasi Pengadaan melalui E-"), (118, "Katalog"), (70, ""),
                 (70, "Yth. Inspektur Kota Semarang")]])
    assert read_letter_inprocess(pdf, "surat.pdf").hal == "Konsultasi Pengadaan melalui E-Katalog"


def test_a_dates_year_wrapped_under_the_nomor_row():
    """GIVEN the date at the right of the Nomor row, its year wrapped to a line of its own in the
    date's column
    WHEN the letter's date is read
    THEN it is the whole date."""
    lines = HEAD[:3] + body(("Nomor : 900.1/1543/Bapenda/2025 Tanjung Selor, 16 Desember", 0.14, 0.83),
                            ("Perihal : Konsultasi Tindak Lanjut", 0.14, 0.5), ("2025", 0.58, 0.62),
                            ("Kelebihan Pembayaran", 0.28, 0.49))
    assert parse(lines, "pdf").tanggal == "2025-12-16"


def test_a_justified_body_line_under_the_kepada_column_is_not_split():
    """GIVEN a heading's Kepada column closed by "di Banjarmasin", then the body's first line,
    justified, whose stretched space happens to fall at the column's edge
    WHEN the words become lines
    THEN the body line stays whole after the column."""
    def row(top: float, *cells: tuple[float, list[str], float]) -> list[Word]:
        out = []
        for x, texts, space in cells:
            for t in texts:
                out.append(Word(t, x, x + 6 * len(t), top, top + 12))
                x += 6 * len(t) + space
        return out
    words = row(100, (80, ["Hal", ":", "Permohonan", "Konsultasi"], 4), (350, ["Kepada"], 4)) + \
        row(116, (155, ["Retribusi", "Daerah"], 4), (350, ["Yth.", "Inspektur", "Kota"], 4)) + \
        row(132, (350, ["di", "Banjarmasin"], 4)) + \
        row(160, (155, ["Dalam", "rangka", "pemungutan", "dan", "penyetoran", "retribusi"], 14.4))
    texts = [ln.text for ln in from_words(words, 600, 1)]
    assert texts[-1] == "Dalam rangka pemungutan dan penyetoran retribusi", texts


def test_a_closing_sentence_ending_in_a_short_word_is_no_post():
    """GIVEN a Word letter whose last body paragraph ("... atas hal ini.") stands right above
    the post, with no empty paragraph between
    WHEN the signature is read
    THEN the sentence is not part of the post (only a title's dot lets a post wrap)."""
    lines = [Line("2. Bagaimana mekanisme pelaporannya?"), Line("Mohon arahan Bapak atas hal ini."),
             Line("KEPALA DINAS KESEHATAN"),
             Line("KABUPATEN SRAGEN,"), Line(""), Line(""), Line("dr. BUDI SANTOSO, M.Kes."),
             Line("Pembina Utama Muda"), Line("NIP. 19680314 199010 1 006")]
    assert signature(lines, 0)[0]["jabatan"] == "KEPALA DINAS KESEHATAN KABUPATEN SRAGEN"


def test_a_long_item_is_read_in_linear_time():
    """GIVEN a numbered item that runs on for 8,000 lines without a stop
    WHEN the questions are read
    THEN it takes well under a second per thousand lines (joining looks at the tail only)."""
    import time

    from pipeline.letter.questions import questions
    lines = [Line("Kami mohon penjelasan:"), Line("1. Apakah dana dapat digunakan")] + \
        [Line("dan seterusnya untuk kegiatan tanpa titik") for _ in range(8000)]
    t = time.thread_time()
    questions(lines, 0, len(lines))
    assert time.thread_time() - t < 3


def test_a_wrapped_unit_name_is_not_a_sub_unit():
    """GIVEN a kop whose unit's name wraps so that its last word (KELURAHAN) stands alone
    WHEN the sending unit is read
    THEN it is the whole name, not a Kelurahan."""
    lines = [Line(t) for t in ["PEMERINTAH KOTA SEMARANG", "DINAS PEMBERDAYAAN MASYARAKAT DAN",
                               "KELURAHAN", "Jalan Pemuda Nomor 1"]]
    assert from_letterhead(lines)[0] == "Dinas Pemberdayaan Masyarakat dan Kelurahan Kota Semarang"


def test_the_date_columns_own_wrap_is_no_body_under_both_columns():
    """GIVEN a number wrapped in a narrow Nomor cell beside the date column, whose year wraps
    too, and a Hal whose lines reach just past the column's edge
    WHEN the heading is read
    THEN the number and the Hal are whole (only a line from the block's column well into the
    other's is the body under both)."""
    rows = body(("Nomor : B-2649", 0.12, 0.58), ("28 Oktober", 0.69, 0.81),
                ("/Kesbangpol/800", 0.5, 0.67), ("2025", 0.69, 0.74), (".1.2/10/2025", 0.5, 0.63),
                ("Hal : Permohonan Konsultasi terkait", 0.12, 0.66), ("Kepada", 0.69, 0.77),
                ("Yth. Inspektur Daerah", 0.69, 0.85), ("Mekanisme Penyelesaian Kerugian", 0.5, 0.70),
                ("di Barabai", 0.69, 0.8))
    rows[0].vx = rows[5].vx = 0.5
    got = parse(HEAD[:3] + rows, "pdf")
    assert got.nomor == "B-2649/Kesbangpol/800.1.2/10/2025"
    assert got.hal == "Permohonan Konsultasi terkait Mekanisme Penyelesaian Kerugian"


def test_a_numbered_table_of_findings_is_not_questions():
    """GIVEN a Word letter with a numbered table of audit findings (No | Uraian Temuan | Nilai),
    then its questions as an ordinary numbered list
    WHEN it is read
    THEN the findings are not questions and the questions are read whole (a case no generator
    here makes: a table that is numbered like the question tables, but states)."""
    import docx

    d = docx.Document()
    for text in ["PEMERINTAH KABUPATEN SRAGEN", "DINAS KESEHATAN", "Nomor : 700/12/Dinkes/2026",
                 "Hal : Konsultasi Tindak Lanjut LHP", "Yth. Inspektur Daerah Kabupaten Sragen",
                 "di Sragen", "", "Berdasarkan LHP terdapat temuan sebagai berikut:"]:
        d.add_paragraph(text)
    table = d.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, [("No", "Uraian Temuan", "Nilai (Rp)"),
                                       ("1", "Kelebihan pembayaran perjalanan dinas", "12.500.000"),
                                       ("2", "Kekurangan volume pekerjaan jalan", "48.000.000")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    for text in ["Sehubungan dengan hal tersebut, kami mohon penjelasan:", *(
            f"{k}. {q}" for k, q in enumerate(ASKED, 1)), "Demikian kami sampaikan."]:
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    assert read_letter_inprocess(buf.getvalue(), "surat.docx").pertanyaan == ASKED


def test_a_tembusan_item_that_fills_its_line_wraps_onto_the_next():
    """GIVEN an unnumbered Tembusan whose items end with ";" and one item too long for its line,
    its region wrapped onto the next ("… Provinsi Nusa Tenggara" / "Barat"), and a short item
    whose ";" was left out before "Arsip." WHEN read THEN the long item is whole, and the short
    one and "Arsip" stay two (blind sets, seeds 13 and 23, text PDFs)."""
    from pipeline.letter.copies import tembusan
    got = tembusan(body(("Tembusan, Yth.:", 0.12, 0.27), ("Gubernur Nusa Tenggara Barat;", 0.12, 0.41),
                        ("Sekretaris Daerah Provinsi Nusa Tenggara Barat;", 0.12, 0.56),
                        ("Kepala Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Nusa Tenggara",
                         0.12, 0.84), ("Barat", 0.12, 0.17)), 0)[0]
    assert got[-1] == "Kepala Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Nusa Tenggara Barat"
    assert len(got) == 3
    got = tembusan(body(("Tembusan:", 0.12, 0.22), ("Bupati Temanggung;", 0.12, 0.3),
                        ("Sekretaris Daerah Kabupaten Temanggung;", 0.12, 0.52),
                        ("Inspektur Pembantu Wilayah IV", 0.12, 0.4), ("Arsip.", 0.12, 0.2)), 0)[0]
    assert got == ["Bupati Temanggung", "Sekretaris Daerah Kabupaten Temanggung",
                   "Inspektur Pembantu Wilayah IV", "Arsip"], got


def _row(top: float, *runs: tuple[float, list[str]]) -> list[Word]:
    """Words of one PDF row (12 pt text, 600 pt wide page): each run's words from its x on,
    a space (3 pt) apart."""
    out = []
    for x, texts in runs:
        for t in texts:
            out.append(Word(t, x, x + 6 * len(t), top, top + 12))
            x += 6 * len(t) + 3
    return out


def test_a_tables_vertical_rule_parts_the_cells_a_narrow_column_runs_together():
    """GIVEN a text PDF's table row whose narrow cells leave their texts a few points apart (a
    matter's wrapped word, the question, the regulation) WHEN the page's lines are built with
    the table's vertical rules THEN each cell is a line of its own, while a label's colon in
    a cell of its own stays with its label; without the rules the row is one line (the gap
    is no wider than a word's space and a half)."""
    words = _row(100, (100, ["narasumber"]), (168, ["instansi", "vertikal", "dapat"]),
                 (306, ["Tahun", "2020"]))
    rules = [(164.0, 90.0, 130.0), (303.0, 90.0, 130.0)]
    assert [ln.text for ln in from_words(words, 600, 1, rules=rules)] == [
        "narasumber", "instansi vertikal dapat", "Tahun 2020"]
    assert len(from_words(words, 600, 1)) == 1
    label = _row(50, (100, ["Nomor"]), (140, [":", "400.3/218/PPO/V/2026"]))
    assert [ln.text for ln in from_words(label, 600, 1, rules=[(136.0, 45.0, 65.0)])] == [
        "Nomor : 400.3/218/PPO/V/2026"]
    # (a rule that does not reach the row parts nothing)
    assert len(from_words(words, 600, 1, rules=[(164.0, 200.0, 240.0)])) == 1


def test_a_rule_parts_neither_a_justified_line_away_from_it_nor_an_abbreviation_from_its_value():
    """GIVEN a text PDF with a vertical rule somewhere on the page (a border round the page, a
    small table in the heading) and a body line justified with wide spaces, and a signature
    table with `NIP.` in a cell of its own beside the digits WHEN the lines are built THEN the
    justified line stays whole (before the review's fix, a rule anywhere cut it word by word
    and a question was read as "Apakah"), and `NIP.` stays with its digits (a signer lost)."""
    words = _row(100, (72, ["Apakah", "pejabat", "pembuat", "komitmen", "dapat", "merangkap"]))
    for w, shift in zip(words, range(0, 200, 30)):
        w.x0, w.x1 = w.x0 + shift, w.x1 + shift  # spaces stretched by justification
    border = [(40.0, 20.0, 800.0), (560.0, 20.0, 800.0)]
    assert [ln.text for ln in from_words(words, 600, 1, rules=border)] == [
        "Apakah pejabat pembuat komitmen dapat merangkap"]
    nip = _row(300, (100, ["NIP."]), (136, ["19680412", "199303", "1", "007"]))
    assert [ln.text for ln in from_words(nip, 600, 1, rules=[(132.0, 290.0, 320.0)])] == [
        "NIP. 19680412 199303 1 007"]
