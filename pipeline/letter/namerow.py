"""The signer's name read again as a line of its own, where the page's reading of it is spoilt.

The name stands where the wet signature and the stamp (cap dinas) are put: the stamp's ring and
lettering cross its first words and the signature's tail runs through it. Read as part of the
whole page, tesseract's layout analysis cuts such a line into pieces, takes stamp lettering
into it, or drops a word ("Drs. EKO" for "Drs. EKO PRASETYO"). Read alone, as one line
(--psm 7), the same pixels often give the whole name; an underlined name, or one the tail
crosses, reads whole once the line is taken out (strokes). The name's row (nameline.name_rows)
is read again in a band around it, and a reading replaces the page's only where it looks more
like a name: titles, capitalised words and degrees, and less debris. About 0.1 s of CPU a
reading.
"""
from __future__ import annotations

import io
import re
from statistics import median

from pipeline.letter.lines import Word
from pipeline.letter.model import Refused
from pipeline.letter.nameline import LINE_SECONDS, signer_rows
from pipeline.letter.signature import DEGREE
from pipeline.letter.strokes import unstruck
from pipeline.letter.tsv import words as tsv_words

TITLE = re.compile(r"^(?:H|Hj|Dr|dr|drg|drh|apt|Ir|Drs|Dra|Prof|R|KH|Tgk)\.$")
# a word of a name as printed: capitalised or in capitals, maybe with an apostrophe or hyphen,
# a comma before the degrees; or an initial with its dot ("M. NUR")
NAME_WORD = re.compile(r"^[A-Z](?:[a-z'\u2019-]+|[A-Z'\u2019-]+)[,.]?$|^[A-Z]\.$")
PAD = 0.35  # of a line's height, above and below the row


def _name_like(tok: str) -> bool:
    return bool(TITLE.match(tok) or NAME_WORD.match(tok) or DEGREE.match(tok))


def fit(text: str) -> int:
    """How much TEXT reads like a printed name: the letters in words a name is made of, less
    twice those in words it is not (stamp lettering, a scribble read as text)."""
    toks = text.split()
    good = sum(len(t) for t in toks if _name_like(t))
    return good - 2 * (sum(len(t) for t in toks) - good)


def _whole_name(row: list[Word], h: float) -> bool:
    """Whether the page read ROW as a name, whole: each word a name's, none far apart (a
    stamp's ring crossing a name parts its words or drops one)."""
    return all(_name_like(w.text) for w in row) and all(
        b.x0 - a.x1 < 1.5 * h for a, b in zip(row, row[1:]))


def _band(row: list[Word], nip: list[Word], width: int, height: int) -> tuple[int, int, int, int]:
    """The box around ROW, a line high, from where the signature block's column begins."""
    h = median(w.bottom - w.top for w in nip)
    body = [w for w in row if 0.6 * h <= w.bottom - w.top <= 1.8 * h] or row
    top, bottom = median(w.top for w in body), median(w.bottom for w in body)
    left = min((w.x0 for w in row if w.x1 > min(w.x0 for w in nip) - 4 * h), default=nip[0].x0)
    # a word the page's reading dropped may stand anywhere right of the row's last word
    right = max(max(w.x1 for w in row), max(w.x1 for w in nip)) + 6 * h
    return (max(0, int(left - h)), max(0, int(top - PAD * h)),
            min(width, int(right)), min(height, int(bottom + PAD * h)))


def reread(image, words: list[Word], run, timeout: float, langs: str) -> list[Word]:
    """WORDS with the name's row as read alone, where that reads more like a name."""
    rows, nip = signer_rows(words)
    if nip is None:
        return words
    h = median(w.bottom - w.top for w in nip)
    # the name's last line, next to the rank and NIP: the one the stamp and signature cross; a
    # line above it may be the post or the scribble, which read alone may pass for a name
    for row in rows[-1:]:
        row = sorted(row, key=lambda w: w.x0)
        box = _band(row, nip, image.width, image.height)
        band = image.crop(box)
        clean, struck = unstruck(band, h)
        # read alone as it stands where the page's reading is no whole name, and without the
        # underline or the signature's tail where one crosses it (each wins on other pages)
        looks = ([] if _whole_name(row, h) else [band]) + ([clean] if struck >= h else [])
        inside = sorted((w for w in words if w.x1 > box[0] and w.x0 < box[2] and (
            w.key == row[0].key or box[1] < (w.top + w.bottom) / 2 < box[3])), key=lambda w: w.x0)
        best, score = None, fit(" ".join(w.text for w in inside))
        for look in looks:
            again = _read(look, box, row[0].key, run, timeout, langs)
            this = fit(" ".join(w.text for w in again)) if again else score
            if this > score:
                best, score = again, this
        if best:
            gone = {id(w) for w in inside}
            words = [w for w in words if id(w) not in gone] + best
    return words


def _read(look, box, key, run, timeout: float, langs: str) -> list[Word]:
    """The words of LOOK, the page's band at BOX, read as one line (row KEY of the page)."""
    buf = io.BytesIO()
    look.save(buf, "PNG")
    try:  # a second look only: if it fails, the page's reading stands
        tsv = run(["tesseract", "-", "-", "-l", langs, "--psm", "7", "-c",
                   "tessedit_do_invert=0", "tsv"], buf.getvalue(), min(timeout, LINE_SECONDS))
    except Refused:
        return []
    again = tsv_words(tsv, box[0], box[1], key)[0]
    while again and not re.search(r"[A-Za-z]", again[-1].text):
        again.pop()  # a stamp's star or lettering after the name, read as "7" or "|"
    return again
