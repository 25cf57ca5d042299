"""The addressee's column beside the Hal block read again on its own, where the page's reading
spoilt it.

Permendagri 1/2023 lets the addressee ("Kepada / Yth. … / di …") stand at the right, beside
the Nomor, Sifat, Lampiran and Hal rows; its lines are set at their own height, often half a
line off the left column's. Read as one block (--psm 6, as the page is), tesseract fits one
line through both columns, and the lines half a line off come out spoilt ("penal Kabupaten
Bandung" for "Yth. Inspektur Kabupaten Bandung", "vm Inspektur …", its last line lost). Cut
from the page alone, the column is a block of its own, and its lines read whole. So where a
word of the column is one tesseract hardly believes, the column's box is read again, and that
reading replaces the page's where tesseract is surer of it.
"""
from __future__ import annotations

import io
import re
from dataclasses import replace
from statistics import median

from pipeline.letter.lines import Word
from pipeline.letter.model import Refused
from pipeline.letter.nomorline import LABEL as NOMOR
from pipeline.letter.tsv import words as tsv_words
from pipeline.letter.vote import sureness

RIGHT = 0.4  # of the page's width: the column stands right of this
TOP = 0.5  # of the page's height: the addressee stands in its upper half
DOUBTED = 0.5  # a word read less surely than this spoils the column's reading
ROWS = 8  # the column's lines at most: Kepada, Yth., an office over three lines, di, place
GAP = 2.6  # line heights: a wider gap ends the column (as lines.from_words keeps a blank)
PAD = 0.4  # line heights around the column's box
SECONDS = 10.0


def _opening(words: list[Word], width: int, height: int, h: float) -> Word | None:
    """The column's first word: below the Nomor's row (the date beside it is a line of its
    own), in the page's upper half, right of RIGHT and a column's gap from the word before it
    on its row, if any ("Kepada", "Yth.", however read: "K" "epada", "vin."), with no line
    above it in the head running across its column."""
    down = sorted(words, key=lambda w: w.top)
    label = next((w for w in down if NOMOR.match(w.text)
                  and w.x0 < RIGHT * width and w.top < TOP * height), None)
    if label is None:
        return None
    for w in down:
        if not (label.top + 0.6 * h < w.top < TOP * height and w.x0 > RIGHT * width):
            continue
        if any(o.x0 < w.x0 - 0.5 * h < o.x1 and label.top + 0.6 * h < o.top < w.top - 0.5 * h
               for o in words):
            return None  # a line above it runs across its column: the body has begun (a
            # short letter's signature block stands in the upper half too)
        before = [o for o in words if abs(o.top - w.top) < 0.5 * h and o.x1 <= w.x0]
        if not before or w.x0 - max(o.x1 for o in before) > GAP * h:
            return w
    return None


def _column(words: list[Word], anchor: Word, h: float) -> tuple[list[Word], float]:
    """The words of the column that ANCHOR opens, down to the body: a row with a word that
    crosses the column's left edge (a line of the body runs across the page), a gap wider
    than GAP, or ROWS rows; and the column's left edge."""
    left = anchor.x0 - 0.5 * h
    below = sorted((w for w in words if w.top >= anchor.top - 0.5 * h), key=lambda w: w.top)
    rows: list[list[Word]] = []
    for w in below:
        if rows and w.top - median(o.top for o in rows[-1]) < 0.5 * h:
            rows[-1].append(w)
        else:
            rows.append([w])
    out: list[Word] = []
    for row in rows[:ROWS]:
        if any(w.x0 < left < w.x1 for w in row):
            break  # a line of the body, across the page
        mine = [w for w in row if w.x0 >= left]
        if out and mine and min(w.top for w in mine) - max(w.bottom for w in out) > GAP * h:
            break
        out += mine
    return out, left


def reread(image, words: list[Word], run, timeout: float, langs: str) -> list[Word]:
    """WORDS with the addressee's column, where the page's reading of it holds a doubted word,
    as read alone, where tesseract is surer of that reading."""
    width, height = image.size
    h = median(w.bottom - w.top for w in words)
    anchor = _opening(words, width, height, h)
    if anchor is None:
        return words
    column, left = _column(words, anchor, h)
    if not any(w.conf < DOUBTED for w in column):
        return words
    # (to the column's text: a sign or two far right is the paper's edge, a punched hole,
    # which read into the column's lines glues a mark to them, "Inspektur Daerah :")
    text = [w for w in column if len(re.sub(r"\W", "", w.text)) >= 2] or column
    box = (max(0, int(left)), max(0, int(anchor.top - PAD * h)),
           min(width, int(max(w.x1 for w in text) + h)),
           min(height, int(max(w.bottom for w in column) + PAD * h)))
    try:
        tsv = run(["tesseract", "-", "-", "-l", langs, "--psm", "6", "-c",
                   "tessedit_do_invert=0", "tsv"], _pbm(image.crop(box)), min(timeout, SECONDS))
    except Refused:
        return words
    again = [w for w in tsv_words(tsv, box[0], box[1])[0] if w.text.strip()]
    # (the page's words inside the box: the column's, and any the box takes in beside it)
    inside = [w for w in words if box[0] <= (w.x0 + w.x1) / 2 < box[2]
              and box[1] <= (w.top + w.bottom) / 2 < box[3]]
    if not again or sureness(again) <= sureness(inside):
        return words
    gone = {id(w) for w in inside}
    return [w for w in words if id(w) not in gone] + _keyed(again, inside, h)


def _keyed(again: list[Word], inside: list[Word], h: float) -> list[Word]:
    """AGAIN, the column read alone, each line keyed as the page's line at its height that
    INSIDE (the page's words it replaces) was part of, one line to one: the page's lines run
    across both columns, and lines.from_words parts them as it did the page's reading (the
    Hal's second line and the addressee's place on one row stay in their order). A line the
    page had none for is a line of its own."""
    def tops(ws: list[Word]) -> dict[tuple, float]:
        rows: dict[tuple, list[float]] = {}
        for w in ws:
            rows.setdefault(w.key, []).append(w.top)
        return {k: median(v) for k, v in rows.items()}
    mine, theirs = tops(again), tops(inside)
    pairs = sorted((abs(a - b), k, j) for k, a in mine.items() for j, b in theirs.items()
                   if abs(a - b) < 0.75 * h)
    key: dict[tuple, tuple] = {}
    for _, k, j in pairs:
        if k not in key and j not in key.values():
            key[k] = j
    return [replace(w, key=key.get(w.key, ("column",) + tuple(w.key))) for w in again]


def _pbm(image) -> bytes:
    buf = io.BytesIO()
    image.convert("1").save(buf, "PPM")
    return buf.getvalue()
