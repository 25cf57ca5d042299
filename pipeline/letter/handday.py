"""The day of a letter's date, written by hand in the blank the typist left for it.

Offices type the date as "Kota Jantho,      Januari 2025" and the signer writes the day in ink
when signing: a letter is dated the day it is signed. OCR of the page reads that handwriting as
a mark ("=", "\u201c", "\u00a9"), or not at all where the page's cleaning took blue ink for a
stamp's. Where a place-and-date line holds such a mark, or a blank a day wide, between the
place's comma and the month, that spot is read again alone from the page's grey, as digits
only; a day of the month takes its place. About 0.1 s of CPU where it runs; nothing elsewhere.
"""
from __future__ import annotations

import io
import re
from statistics import median

import numpy as np
from PIL import Image, ImageFilter

from pipeline.letter.dates import month_number
from pipeline.letter.lines import Word
from pipeline.letter.model import Refused
from pipeline.letter.tsv import words as tsv_words

YEAR = re.compile(r"^(?:19|20)\d{2}[.,]?$")
MARK = re.compile(r"^[^\w\s]{1,2}$|^[^\W\d]$")  # a mark, or a lone letter, where the day goes
SECONDS = 5.0
SURE = 0.6  # tesseract's confidence in each digit read


def with_day(look, words: list[Word], run, timeout: float) -> list[Word]:
    """WORDS with a hand-written day read where a dated line lost it (see the module); LOOK
    gives a box of the page, as the words were read from it, with its ink of every colour."""
    rows: dict[tuple, list[Word]] = {}
    for w in words:
        rows.setdefault(w.key, []).append(w)
    for row in rows.values():
        row.sort(key=lambda w: w.x0)
        spot = _blank(row)
        if spot is None:
            continue
        k, box = spot
        day = _read_day(look, box, run, timeout)
        if day is None:
            continue
        if k is None:  # a blank: the day is a word of its own
            top, bottom = median(w.top for w in row), median(w.bottom for w in row)
            words.append(Word(day, box[0], box[2], top, bottom, 0.9, row[0].key))
        else:
            row[k].text, row[k].conf = day, 0.9
    return words


def _blank(row: list[Word]) -> tuple[int | None, tuple[int, int, int, int]] | None:
    """Where the day goes in ROW, if it is "Place, <mark or blank> Month Year": the mark's
    index (None for a blank) and the box to read."""
    h = median(w.bottom - w.top for w in row)
    for k in range(len(row) - 2):
        place, nxt = row[k], row[k + 1]
        if not (place.text.endswith(",") and re.search(r"[A-Za-z]{3}", place.text)):
            continue
        if month_number(nxt.text) and YEAR.match(row[k + 2].text) \
                and nxt.x0 - place.x1 > 1.5 * h:
            mark, month = None, nxt
        elif k + 3 < len(row) and MARK.match(nxt.text) and month_number(row[k + 2].text) \
                and YEAR.match(row[k + 3].text):
            mark, month = k + 1, row[k + 2]
        else:
            continue
        # handwriting is larger than print and need not keep to the line
        box = (int(place.x1 + 0.2 * h), int(min(place.top, month.top) - 0.6 * h),
               int(month.x0 - 0.2 * h), int(max(place.bottom, month.bottom) + 0.25 * h))
        return mark, box
    return None


def _read_day(look, box, run, timeout: float) -> str | None:
    if box[2] - box[0] < 4 or box[1] < 0:
        return None
    spot = look(box).convert("L")
    # a pen's line is thin and its ink (blue, in grey) lighter than print: ink is what is
    # clearly darker than the paper around it
    grey = np.asarray(spot)
    paper, ink = np.percentile(grey, 90), grey.min()
    if paper - ink < 40:
        return None  # nothing written there
    cut = (paper + ink) / 2
    spot = Image.fromarray(np.where(grey < cut, 0, 255).astype(np.uint8))
    spot = spot.resize((spot.width * 2, spot.height * 2)).filter(ImageFilter.MinFilter(3))
    buf = io.BytesIO()
    spot.save(buf, "PNG")
    try:  # a second look only: if it fails, the page's reading stands
        out = run(["tesseract", "-", "-", "-l", "eng", "--psm", "7", "-c",
                   "tessedit_char_whitelist=0123456789", "tsv"], buf.getvalue(),
                  min(timeout, SECONDS))
    except Refused:
        return None
    read = tsv_words(out)[0]
    digits = "".join(w.text for w in read)
    # a date is official record: a day the engine doubts is left unread, not guessed
    # (a number no month has, "45", the date's own check refuses)
    if not digits.isdigit() or min(w.conf for w in read) < SURE:
        return None
    return str(int(digits))
