"""The post's last line read again where the stamp spoilt it (letter/postline.py)."""
from __future__ import annotations

from PIL import Image

from pipeline.letter import postline
from pipeline.letter.lines import Word
from tests.letter.test_namerow import LANGS, _tsv


def _block(post_end: str | None = None) -> list[Word]:
    """A block's words as a scan's page reading gives them: the post's two lines, its last
    line read as a tall bit of the stamp ("TA") or as POST_END, the name, rank and NIP."""
    def row(texts, top, key, conf=0.96, tall=30):
        out, x = [], 1168.0
        for t in texts.split():
            out.append(Word(t, x, x + 22 * len(t), top, top + tall, conf, key))
            x += 22 * len(t) + 18
        return out
    return (row("Kepala Dinas Kependudukan", 1984, (1, 1, 1)) + row("dan Pencatatan Sipil", 2030, (1, 2, 1))
            + (row(post_end, 2076, (1, 3, 1)) if post_end else row("TA", 2076, (1, 3, 1), 0.51, 138))
            + row("Ir. Markus Laoli, M.Kes.", 2262, (1, 4, 1)) + row("Pembina Utama Muda", 2306, (1, 5, 1))
            + row("NIP. 19670416 199312 1 005", 2353, (1, 6, 1)))


def _texts(words: list[Word]) -> list[str]:
    rows: dict = {}
    for w in sorted(words, key=lambda w: w.x0):
        rows.setdefault(w.key, []).append(w.text)
    return [" ".join(r) for r in sorted(rows.values(), key=lambda r: 0)]


PAGE = Image.new("L", (2480, 2600), 255)


def test_a_posts_last_line_the_stamp_spoilt_is_read_again():
    """GIVEN a page whose reading of the post's last line, under the stamp, is a tall bit of
    debris ("TA"), and the line read alone gives "Kabupaten Bogor,"
    WHEN the post's end is looked for THEN it is that line, and the debris is gone."""
    got = _texts(postline.with_post_end(PAGE, _block(), lambda *_: _tsv("Kabupaten Bogor,"),
                                        30, LANGS))
    assert "Kabupaten Bogor," in got and "TA" not in got, got


def test_only_a_reading_like_a_posts_last_line_is_taken():
    """GIVEN the same page, the line read alone as the stamp's lettering (no closing comma),
    as a rank, or with digits WHEN the post's end is looked for THEN the page's reading
    stands."""
    for reading in ("PEMERINTAH KABUPATEN BOGOR", "Pembina Utama,", "Kabupaten 2026,"):
        got = _texts(postline.with_post_end(PAGE, _block(), lambda *_: _tsv(reading), 30, LANGS))
        assert "TA" in got and reading not in got, reading


def test_a_post_that_ends_with_its_comma_is_not_read_again():
    """GIVEN a post whose last line the page read whole, with its comma WHEN the post's end
    is looked for THEN nothing is read again."""
    def never(*_):
        raise AssertionError("read again")
    words = _block("Kabupaten Bogor,")
    assert postline.with_post_end(PAGE, words, never, 30, LANGS) == words
