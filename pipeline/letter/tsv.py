"""Tesseract's TSV output as words with their boxes."""
from __future__ import annotations

from pipeline.letter.lines import Word


def words(tsv: bytes, dx: float = 0.0, dy: float = 0.0, key: tuple | None = None,
          page: int | None = None) -> tuple[list[Word], float]:
    """The words of a TSV reading, moved by (DX, DY) when the image read was a crop of the page,
    with tesseract's own line id as their key unless KEY is given; and the image's width. Of
    image PAGE only where several were read in one run."""
    out, width = [], 1.0
    for row in tsv.decode("utf-8", errors="replace").splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or (page is not None and f[1] != str(page)):
            continue
        if f[0] == "1":
            width = float(f[8]) or 1.0
        if f[0] != "5" or not f[11].strip():
            continue
        left, top, w, h = (float(x) for x in f[6:10])
        out.append(Word(f[11], dx + left, dx + left + w, dy + top, dy + top + h,
                        max(float(f[10]), 0.0) / 100, key or (f[2], f[3], f[4])))
    return out, width
