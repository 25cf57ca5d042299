"""Tesseract's TSV output as words with their boxes."""
from __future__ import annotations

import io

from pipeline.letter.lines import Word
from pipeline.letter.model import Refused


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


def read_bands(pages: list, places: list[tuple], run, timeout: float, langs: str
               ) -> list[list[Word]] | None:
    """The words of each image of PAGES (bands of a page, at PLACES: (box, key) each), read
    as one line each in one run of tesseract (pages of a TIFF: loading the models costs some
    0.14 s of CPU, reading a line 0.03 s); None where tesseract failed (a second look only:
    the page's reading stands)."""
    buf = io.BytesIO()
    pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:])
    try:
        tsv = run(["tesseract", "-", "-", "-l", langs, "--psm", "7", "-c",
                   "tessedit_do_invert=0", "tsv"], buf.getvalue(), timeout)
    except Refused:
        return None
    return [words(tsv, box[0], box[1], key, page=k + 1)[0]
            for k, (box, key) in enumerate(places)]
