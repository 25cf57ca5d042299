# SPDX-License-Identifier: AGPL-3.0-or-later
"""A phone photo's heading that blind seeds 28 and 29 read for the first time lost: the Nomor
label whose word a curved line's fit cut between two engine lines ("No" | "mor"), and the
date at the top right wrapped with its year set flush right under it."""
from __future__ import annotations

from pipeline.letter.lines import Line, Word, from_words
from pipeline.letter.parse import parse
from tests.letter.wild import HEAD


def test_a_word_the_engine_cut_between_two_lines_is_whole_on_its_row():
    w = 1000.0

    def word(text, x0, x1, top, key, bottom=None):
        return Word(text, x0 * w, x1 * w, top * w, (bottom or top + 0.0115) * w, 0.9,
                    ("1", "1", key))
    words = [word("No", 0.158, 0.177, 0.2805, "7"), word(":", 0.253, 0.255, 0.285, "7"),
             word("mor", 0.179, 0.210, 0.2835, "8"),
             word("800.1/289/BKPSDM/2025", 0.268, 0.461, 0.2825, "8"),
             word("Purwokerto,", 0.652, 0.739, 0.2895, "8"), word("17", 0.747, 0.762, 0.291, "8"),
             word("Februari", 0.770, 0.830, 0.291, "8")]
    texts = [ln.text for ln in from_words(words, w, 1, ocr=True) if not ln.blank]
    assert texts[0] == "Nomor : 800.1/289/BKPSDM/2025"
    # (a letter alone touching a word is a speck or a word read twice: no piece of it)
    words = [word("limantan", 0.10, 0.20, 0.30, "1"), word("B", 0.23, 0.24, 0.30, "2"),
             word("Barat", 0.242, 0.30, 0.30, "1")]
    assert not any("BBarat" in ln.text for ln in from_words(words, w, 1, ocr=True))
    # (two engine lines a word's space apart stay two words)
    words = [word("Kepala", 0.10, 0.16, 0.30, "1"), word("Dinas", 0.17, 0.22, 0.30, "2")]
    assert [ln.text for ln in from_words(words, w, 1, ocr=True)] == ["Kepala Dinas"]


def test_a_date_wrapped_at_the_top_right_with_its_year_flush_right_is_the_letters():
    lines = HEAD[:4] + [
        Line("Nomor : 800.1/289/BKPSDM/2025", 1, 0.158, ocr=True, x1=0.461),
        Line("Purwokerto, 17 Februari", 1, 0.652, ocr=True, x1=0.829),
        Line("Sifat : Biasa", 1, 0.158, ocr=True, x1=0.309),
        Line("2025", 1, 0.795, ocr=True, x1=0.830),
        Line("Hal : Konsultasi Tindak Lanjut", 1, 0.159, ocr=True, x1=0.5)] + HEAD[7:]
    assert parse(lines, "scan").tanggal == "2025-02-17"


def test_a_hal_label_misread_or_specked_still_labels_the_hal():
    from pipeline.letter.misreads import cleaned
    for label in ("HAL, :", "Penhal :", "Perihai :", "PENHAL :"):
        lines = HEAD[:4] + [Line("Nomor : 400/77/Dinsos/2026", 1, 0.12, ocr=True, x1=0.45),
                            Line(cleaned(f"{label} Permohonan Konsultasi Penyaluran"), 1, 0.11,
                                 ocr=True, x1=0.6),
                            Line("Bantuan Keuangan kepada Partai Politik", 1, 0.237, ocr=True,
                                 x1=0.668)] + HEAD[6:]
        assert parse(lines, "scan").hal == \
            "Permohonan Konsultasi Penyaluran Bantuan Keuangan kepada Partai Politik", label
    # (a word that only begins so is no label: "penghalang", "Hal, ini")
    assert cleaned("Penhalang : x") == "Penhalang : x"
    assert cleaned("Larnpiran : 1 (satu) berkas") == "Lampiran : 1 (satu) berkas"


def test_specks_read_as_dots_glued_before_a_word_go():
    from pipeline.letter.misreads import cleaned
    assert cleaned("Badan Perencanaan Pembangunan, Riset ...dan Inovasi Daerah") == \
        "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"
    assert cleaned("kami ... tidak sependapat") == "kami ... tidak sependapat"  # (an ellipsis)
