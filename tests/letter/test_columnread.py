"""The addressee's column beside the Hal block, read again on its own (columnread)."""
from __future__ import annotations

from PIL import Image

from pipeline.letter import columnread
from pipeline.letter.lines import Word, from_words
from pipeline.letter.parse import parse

HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


def row(text: str, x: float, top: float, key: str, conf: float = 0.95) -> list[Word]:
    """A page's words of one row from X on, 30 pixels a letter, a line's id KEY."""
    out = []
    for t in text.split():
        out.append(Word(t, x, x + 30 * len(t), top, top + 40, conf, ("1", "1", key)))
        x += 30 * len(t) + 20
    return out


def page_words(spoilt: bool) -> list[Word]:
    """A letter's head as the page's reading gave it: the addressee's column, set half a line
    off the Hal block, read into the Hal's lines and spoilt ("penal" for "Yth. Inspektur")
    where SPOILT."""
    yth = row("penal", 1440, 300, "9", 0.02) if spoilt else row("Yth. Inspektur", 1440, 300, "9")
    return (row("PEMERINTAH KABUPATEN BANDUNG", 700, 40, "1")
            + row("Nomor : 000.9.3/021/Bag.Hk/2024", 340, 160, "7")
            + row("Soreang, 26 Maret 2024", 1440, 160, "7")
            + row("Kepada", 1440, 230, "8") + row("Lampiran : -", 340, 250, "8")
            + row("Hal : Permohonan Konsultasi", 340, 320, "9") + yth
            + row("Kabupaten Bandung", 1440 + (180 if spoilt else 450), 300, "9")
            + row("Penatausahaan Barang", 560, 390, "10") + row("di Tempat", 1440, 370, "10")
            + row("Dalam rangka penatausahaan Barang Milik Daerah (BMD) pada", 340, 520, "12"))


def column_tsv(*lines: str, x: int = 1400, top: int = 200) -> bytes:
    """Tesseract's TSV of the column's crop (at X, TOP on the page), a line each."""
    cells = []
    for n, line in enumerate(lines, 1):
        left = 40
        for k, t in enumerate(line.split(), 1):
            cells.append(f"5\t1\t1\t1\t{n}\t{k}\t{left}\t{30 + 70 * (n - 1)}\t{30 * len(t)}\t40"
                         f"\t91\t{t}\n")
            left += 30 * len(t) + 20
    return (HEAD + "".join(cells)).encode()


def test_a_spoilt_addressees_column_is_read_again_on_its_own():
    """GIVEN a scan whose reading spoilt the addressee's column beside the Hal block ("penal
    Kabupaten Bandung", read 2 % sure, for "Yth. Inspektur Kabupaten Bandung")
    WHEN the column is read again alone THEN the addressee is the Inspektur; the Hal block
    and the body beside and under it stand as read."""
    asked = []

    def run(cmd, data, timeout):
        asked.append(cmd)
        return column_tsv("Kepada", "Yth. Inspektur Kabupaten Bandung", "di Tempat")
    image = Image.new("1", (2480, 3500), 1)
    got = columnread.reread(image, page_words(True), run, 30, "ind+eng")
    assert asked and "--psm" in asked[0]
    texts = [w.text for w in got]
    assert "penal" not in texts and "Inspektur" in texts
    assert "Permohonan" in texts and "Penatausahaan" in texts and "(BMD)" in texts
    lines = from_words(got, 2480, 1, ocr=True)
    assert parse(lines, "scan").tujuan == "Inspektur Kabupaten Bandung"


def test_a_column_read_surely_is_not_read_again():
    """GIVEN a scan whose reading of the addressee's column is sure throughout
    WHEN the column is looked at THEN it is not read again (no time spent)."""
    def run(cmd, data, timeout):
        raise AssertionError("read again")
    words = page_words(False)
    assert columnread.reread(Image.new("1", (2480, 3500), 1), words, run, 30, "x") == words


def test_a_signature_block_in_the_upper_half_is_no_addressees_column():
    """GIVEN a short letter whose head has no right column and whose signature block, under
    the body, stands in the page's upper half, its post doubted ("(An," for "a.n.")
    WHEN the head's column is looked for THEN none is read again: the body's lines above the
    block run across its column."""
    def run(cmd, data, timeout):
        raise AssertionError("read again")
    words = (row("Nomor : 000.9.3/021/Bag.Hk/2024", 340, 160, "7")
             + row("Yth. Inspektur Kota Cilegon", 340, 230, "8")
             + row("Dalam rangka penatausahaan Barang Milik Daerah (BMD) pada", 340, 520, "12")
             + row("(An, CAMAT CITANGKIL", 1440, 700, "14", 0.3)
             + row("SEKRETARIS KECAMATAN", 1440, 760, "15"))
    assert columnread.reread(Image.new("1", (2480, 3500), 1), words, run, 30, "x") == words


def test_a_date_set_on_the_sifat_row_above_the_column_stays_the_letters():
    """GIVEN a head no generator here writes: the letter's date at the right of the Sifat row,
    not the Nomor's, and the addressee's column under it spoilt ("penal") — so the column read
    again opens with the date WHEN it is read again alone THEN the date is still the
    letter's, and the addressee the Inspektur."""
    words = (row("PEMERINTAH KABUPATEN BANDUNG", 700, 40, "1")
             + row("Nomor : 000.9.3/021/Bag.Hk/2024", 340, 160, "7")
             + row("Sifat : Biasa", 340, 230, "8") + row("Soreang, 26 Maret 2024", 1440, 230, "8")
             + row("Lampiran : -", 340, 300, "9") + row("Kepada", 1440, 300, "9")
             + row("Hal : Permohonan Konsultasi", 340, 390, "10")
             + row("penal", 1440, 370, "10", 0.02) + row("Kabupaten Bandung", 1620, 370, "10")
             + row("di Tempat", 1440, 440, "11")
             + row("Dalam rangka penatausahaan Barang Milik Daerah (BMD) pada", 340, 560, "12"))

    def run(cmd, data, timeout):
        return column_tsv("Soreang, 26 Maret 2024", "Kepada", "Yth. Inspektur Kabupaten Bandung",
                          "di Tempat", top=200)
    got = columnread.reread(Image.new("1", (2480, 3500), 1), words, run, 30, "ind+eng")
    r = parse(from_words(got, 2480, 1, ocr=True), "scan")
    assert (r.tanggal, r.tujuan) == ("2024-03-26", "Inspektur Kabupaten Bandung")
    assert "Permohonan" in [w.text for w in got] and "(BMD)" in [w.text for w in got]
