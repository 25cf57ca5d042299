"""A numbered list of questions as a scan or a photo reads it: numbers misread or lost, a
table's rule read before its lines, marks at the page's edge beside every line (letter/body.py).

The cases come from scans of the blind letters (benchmarks/blind_letters2): 150-dpi pages,
phone photos and ruled tables. Each list is built line by line, with the left edge OCR gives.
"""
from __future__ import annotations

from pipeline.letter.lines import Line, Word, from_words
from pipeline.letter.parse import parse
from tests.letter.wild import HEAD, scan

LEAD = ("Dengan hormat, kami mohon penjelasan atas permasalahan sebagai berikut:", 0.2)
CLOSE = ("Demikian permohonan ini kami sampaikan. Atas perhatian Bapak/Ibu, terima kasih.", 0.2)


def questions(*rows: tuple[str, float] | Line) -> list[str]:
    lines = [r if isinstance(r, Line) else scan(r)[0] for r in (LEAD, *rows, ("", 0), CLOSE)]
    return parse(HEAD + lines, "scan").pertanyaan


def test_list_numbers_a_scan_misread_are_the_numbers_due():
    """GIVEN items whose number OCR read without its dot, as a mark, or with a table's rule
    before it, at the numbers' column after an item that ended, and a speck read as a quote
    before an item's first word WHEN the questions are read THEN each is an item of its own,
    in order, without the marks."""
    assert questions(("1. Apakah sisa kas BLUD wajib disetorkan ke kas daerah?", 0.13),
                     ("2 Bagaimana mekanisme penggantian kepala desa?", 0.13),
                     (">. Apakah pembelian laptop dapat dibebankan pada BOSP?", 0.13),
                     ("'4 Mohon penjelasan terkait batas ambang belanja;", 0.113),
                     ("i 5 Bagaimana mekanisme pergeseran anggaran?", 0.113),
                     ('6 "Apakah BLUD dapat melakukan pengadaan sendiri?', 0.13),
                     ("7. ' Bagaimana perlakuan atas denda keterlambatan?", 0.13)) == [
        "Apakah sisa kas BLUD wajib disetorkan ke kas daerah?",
        "Bagaimana mekanisme penggantian kepala desa?",
        "Apakah pembelian laptop dapat dibebankan pada BOSP?",
        "Mohon penjelasan terkait batas ambang belanja",
        "Bagaimana mekanisme pergeseran anggaran?",
        "Apakah BLUD dapat melakukan pengadaan sendiri?",
        "Bagaimana perlakuan atas denda keterlambatan?"]


def test_a_first_item_read_i_and_an_item_whose_number_was_lost_after_a_semicolon():
    """GIVEN a list whose "1." OCR read "i." and whose third item lost its number, after an
    item closed by the list's ";" WHEN the questions are read THEN all three are items."""
    assert questions(("i. Bagaimana pertanggungjawaban perjalanan dinas yang dibatalkan?", 0.16),
                     ("2. Apakah pejabat eselon III dapat diberikan honor sebagai", 0.16),
                     ("narasumber pada kegiatan di unit kerjanya sendiri?;", 0.19),
                     ("Apakah pegawai yang menjadi anggota lebih dari 2 (dua) tim", 0.19),
                     ("dapat menerima honorarium seluruhnya?", 0.19)) == [
        "Bagaimana pertanggungjawaban perjalanan dinas yang dibatalkan?",
        "Apakah pejabat eselon III dapat diberikan honor sebagai narasumber pada kegiatan di "
        "unit kerjanya sendiri?",
        "Apakah pegawai yang menjadi anggota lebih dari 2 (dua) tim dapat menerima honorarium "
        "seluruhnya?"]


def test_what_is_no_new_item():
    """GIVEN an item wrapped to the margin with a line that opens with a number, a second
    sentence of an item on its own line, and a paragraph at the numbers' column after the list
    WHEN the questions are read THEN none of them is an item of its own."""
    assert questions(("1. Apakah anggota lebih dari", 0.13),
                     ("2 (dua) tim dapat menerima honorarium?", 0.13),
                     ("2. Pada saat pemeriksaan ditemukan kuitansi tanpa faktur dari penyedia.", 0.13),
                     ("Apakah kuitansi tersebut dapat diterima?", 0.17),
                     ("", 0), ("Sebagai bahan pertimbangan, kami lampirkan dokumen.", 0.13)) == [
        "Apakah anggota lebih dari 2 (dua) tim dapat menerima honorarium?",
        "Pada saat pemeriksaan ditemukan kuitansi tanpa faktur dari penyedia. Apakah kuitansi "
        "tersebut dapat diterima?"]


def test_a_tables_rule_before_an_items_line_and_marks_at_the_pages_edge():
    """GIVEN a ruled table whose left rule OCR read as "Kg" and "i" before an item's wrapped
    lines, and a photo whose paper edge was read as "4", "a" and "FE" beside every line
    WHEN the questions are read THEN the items are whole and hold none of those marks."""
    assert questions(("1. Apakah BLUD dapat melakukan pengadaan dengan ketentuan", 0.134),
                     ("Kg tersendiri di luar Peraturan Presiden?", 0.113),
                     ("2. Bagaimana mekanisme pergeseran anggaran tanpa", 0.134),
                     ("i menunggu perubahan APBD?", 0.112)) == [
        "Apakah BLUD dapat melakukan pengadaan dengan ketentuan tersendiri di luar Peraturan "
        "Presiden?", "Bagaimana mekanisme pergeseran anggaran tanpa menunggu perubahan APBD?"]
    edge = [Line(t, 1, x0, ocr=True, x1=x1) for t, x0, x1 in (("a", 0.93, 0.939), ("4", 0.083, 0.093),
                                                              ("FE", 0.929, 0.94), ("q", 0.079, 0.086))]
    assert questions(("(1) Bagaimana perhitungan pemotongan TPP bagi pegawai yang terlambat", 0.21),
                     *edge, ("mengisi laporan kinerja bulanan?", 0.245), *edge,
                     ("(2) Apakah pejabat pelaksana tugas (Pit.) berhak menerima TPP pada dua :", 0.21),
                     *edge, ("jabatan sekaligus pada golongan", 0.24), ("Il?", 0.24)) == [
        "Bagaimana perhitungan pemotongan TPP bagi pegawai yang terlambat mengisi laporan "
        "kinerja bulanan?",
        "Apakah pejabat pelaksana tugas (Plt.) berhak menerima TPP pada dua jabatan sekaligus "
        "pada golongan II?"]


def test_a_ruled_tables_numbers_and_a_row_whose_number_was_lost_after_a_question():
    """GIVEN a ruled table of questions (a "No" heads its numbers) whose rule OCR read after
    each number ("1 |Mohon"), one row whose number was lost after a question that ended, and
    an opening bracket read
    from the rule before a row's text WHEN the questions are read THEN each row is an item,
    without the marks; a sentence after a question that does not ask stays in its item."""
    assert questions(("| No", 0.26), ("Permasalahan yang Dikonsultasikan", 0.41), ("", 0),
                     ("1 |Mohon penjelasan mengenai dokumen pendukung penilaian SPIP.", 0.28),
                     ("2. |Bagaimana format Rencana Tindak Pengendalian yang sesuai", 0.28),
                     ("dengan pedoman terbaru?", 0.312),
                     ("Apakah Satgas SPIP dapat dibentuk dengan keputusan kepala", 0.313),
                     ("perangkat daerah?", 0.313),
                     ("4. (Apakah pejabat pelaksana tugas (Plt.) berhak menerima TPP?", 0.28),
                     ("5. Apakah TPP dibayarkan bagi pegawai tugas belajar?", 0.28),
                     ("Jika tidak, bagaimana perhitungannya?", 0.312)) == [
        "Mohon penjelasan mengenai dokumen pendukung penilaian SPIP",
        "Bagaimana format Rencana Tindak Pengendalian yang sesuai dengan pedoman terbaru?",
        "Apakah Satgas SPIP dapat dibentuk dengan keputusan kepala perangkat daerah?",
        "Apakah pejabat pelaksana tugas (Plt.) berhak menerima TPP?",
        "Apakah TPP dibayarkan bagi pegawai tugas belajar? Jika tidak, bagaimana perhitungannya?"]


def test_a_mark_at_the_papers_edge_read_into_a_line_is_no_part_of_it():
    """GIVEN a photo's row where a speck at the paper's edge was read as ":" before the Hal's
    second line, and a tightly cropped photo whose text starts at the image's edge
    WHEN the lines are built THEN the speck is gone and the line starts at its first word;
    words at the edge stay."""
    def w(text, x0, x1, key):
        return Word(text, x0, x1, 100 * key, 100 * key + 40, 0.9, (1, key, 1))
    lines = from_words([w(":", 92, 100, 1), w("Honorarium", 650, 900, 1), w("Tim", 920, 990, 1),
                        w("Apakah", 30, 200, 2), w("dapat?", 220, 360, 2)], 2480, 1, ocr=True)
    assert [(ln.text, round(ln.x0, 3)) for ln in lines] == [("Honorarium Tim", 0.262), ("Apakah dapat?", 0.012)]


def test_what_stays_as_it_was_printed():
    """GIVEN lists as offices write them: a second question under an item's text, a closing
    request after the list, bullets under an item, numbers indented with the text wrapped to
    the margin ("ke kas daerah", "30 hari"), a lettered list whose item i holds a numbered
    sub-list, and a table of names under a lead-in that asks WHEN the questions are read
    THEN none of them gains or loses an item or a word."""
    assert questions(("1. Apakah pegawai yang cuti dapat menerima TPP?", 0.12),
                     ("Bagaimana jika cuti tersebut lebih dari 30 hari?", 0.15),
                     ("2. Apakah honorarium dapat dibayarkan kepada ASN?", 0.12), ("", 0),
                     ("Mohon petunjuk dan arahan Bapak atas permasalahan tersebut.", 0.12)) == [
        "Apakah pegawai yang cuti dapat menerima TPP? Bagaimana jika cuti tersebut lebih dari 30 hari?",
        "Apakah honorarium dapat dibayarkan kepada ASN?"]
    assert questions(("1. Apakah TPP dapat dibayarkan bagi pegawai berikut.", 0.12),
                     ("- Pegawai yang cuti besar", 0.12), ("- Pegawai tugas belajar", 0.12),
                     ("2. Bagaimana mekanisme pembayarannya?", 0.12))[-1] == "Bagaimana mekanisme pembayarannya?"
    assert len(questions(("1. Apakah TPP dapat dibayarkan bagi pegawai berikut.", 0.12),
                         ("- Pegawai yang cuti besar", 0.12), ("2. Bagaimana mekanisme pembayarannya?", 0.12))) == 2
    assert questions(("1. Apakah sisa dana BOS disetorkan kembali", 0.16), ("ke kas daerah?", 0.12),
                     ("2. Apakah pegawai yang sakit lebih dari", 0.16), ("30 hari tetap menerima TPP?", 0.12),
                     ("3. Bagaimana jika kegiatan dilaksanakan", 0.16), ("di luar jam kerja?", 0.12)) == [
        "Apakah sisa dana BOS disetorkan kembali ke kas daerah?",
        "Apakah pegawai yang sakit lebih dari 30 hari tetap menerima TPP?",
        "Bagaimana jika kegiatan dilaksanakan di luar jam kerja?"]
    got = questions(("g. Apakah uang harian dapat dibayarkan?", 0.12), ("h. Apakah honorarium dapat dibayarkan?", 0.12),
                    ("i. Bagaimana ketentuan tentang:", 0.12), ("1. perjalanan dinas dalam kota;", 0.15),
                    ("2. perjalanan dinas luar kota?", 0.15))
    assert len(got) == 3 and got[-1].startswith("Bagaimana ketentuan tentang"), got
    assert questions(("| No | Nama | Jabatan", 0.12), ("1 | Budi Santoso | Kepala Seksi", 0.12),
                     ("2 | Ani Lestari | Staf", 0.12)) == []


def test_a_paragraph_back_at_the_margin_after_an_item_wrapped_under_its_text():
    """GIVEN an item without its closing mark whose text wraps under itself (a hanging indent),
    followed by a paragraph at the margin that no closing word opens WHEN the questions are
    read THEN the paragraph is not part of the item."""
    assert questions(("1. Mohon petunjuk apakah swakelola tipe II dapat dilaksanakan bersama", 0.149),
                     Line("perguruan tinggi negeri untuk kegiatan penyusunan kajian", 1, 0.181, ocr=True, x1=0.707),
                     ("Jawaban atas konsultasi ini akan kami jadikan pedoman dalam pelaksanaan", 0.146),
                     ("kegiatan selanjutnya.", 0.148)) == [
        "Mohon petunjuk apakah swakelola tipe II dapat dilaksanakan bersama perguruan tinggi "
        "negeri untuk kegiatan penyusunan kajian"]


def test_a_first_number_alone_on_its_line_read_with_doubt_is_kept():
    """GIVEN a list whose numbers are tabbed off their text, the first read alone on its line
    with low confidence ("Ll." or "1."), the next numbers read on their items' lines
    WHEN the questions are read THEN the first item is the first question; a doubtful "1."
    that no "2." follows is a speck, and no question is made of the line after it."""
    def first(text: str) -> Line:
        return Line(text, 1, 0.112, ocr=True, conf=0.32, x1=0.121)
    items = (("Apakah retribusi parkir dapat disetor secara mingguan oleh juru parkir", 0.156),
             ("melalui koordinator?", 0.156),
             ("2. Mohon penjelasan mengenai karcis elektronik sebagai bukti pungutan", 0.11),
             ("3. Apakah bendahara pembantu boleh menyimpan uang lebih dari satu hari?", 0.11))
    for mark in ("Ll.", "1."):
        got = questions(first(mark), *items)
        assert got[0] == "Apakah retribusi parkir dapat disetor secara mingguan oleh juru " \
                         "parkir melalui koordinator?", got
        assert len(got) == 3, got
    alone = questions(("Kami mohon penjelasan atas hal itu.", 0.2), first("1."),
                      ("Retribusi parkir disetor secara mingguan.", 0.156))
    assert alone == [], alone
    # a speck read "1." or "2." in a wrapped item, once the list has that number, is no number
    # (found by a review: the item's wrap was made a question of its own)
    for speck, k in (("1.", 0), ("2.", 2)):
        rows = [("1. Apakah retribusi parkir dapat disetor secara mingguan oleh juru parkir", 0.11),
                ("melalui koordinator?", 0.156), items[2], ("sebagai bukti yang sah?", 0.156),
                items[3]]
        got = questions(*rows[:k + 1], first(speck), *rows[k + 1:])
        assert len(got) == 3 and got[0].endswith("juru parkir melalui koordinator?"), got
