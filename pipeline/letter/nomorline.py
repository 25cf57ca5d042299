"""The letter's number (Nomor) read again as a line of its own, where the page's reading spoilt it.

A naskah dinas number (Permendagri 1/2023) is one run of parts joined by slashes:
code/sequence[/unit][/month]/year, no spaces inside a part. Its slashes are thin slanted
strokes: in a blurred phone photo the page's binarization breaks them, and tesseract reads
"600.1/407/Rakyat/I/2026" as "600. 1407 Rakyav'1/2026". Read alone (--psm 7) from the page's
grey, where tesseract sets its own threshold for the line, the slashes survive. So where the
page's reading of the Nomor's value has no number's shape (a space or a stray mark inside a
part), the value's band is read again, from the grey and from the bitmap, and the first
reading with that shape, and with the page's characters in much the same order, replaces it.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from statistics import median

from pipeline.letter.lines import Word
from pipeline.letter.nameline import LINE_SECONDS
from pipeline.letter.tsv import read_bands

# the label as scans read it ("Nomar", "Nornor", "No."), with or without its colon
LABEL = re.compile(r"^(?:N[o0](?:m|rn)[oa0]r|No)\.?:?$", re.I)
PART = r"[0-9A-Za-z][0-9A-Za-z.\-]*"
SHAPE = re.compile(rf"^{PART}(?:/{PART})+$")
LEFT = 0.35  # of the page's width: the label stands in the left part of the page
GAP = 3.0  # line heights: a wider gap ends the value (the date in a column of its own)
LIKE = 0.7  # a reading's likeness to the page's, at least (the same number, read better)
PAD = 0.4  # line heights around the value's band


def number(text: str) -> str:
    """TEXT as a number is typed: no space beside a slash ("005 / 123" is 005/123)."""
    return re.sub(r"\s*/\s*", "/", text.strip())


def with_nomor(image, grey, words: list[Word], run, timeout: float, langs: str) -> list[Word]:
    """WORDS with the Nomor's value read again where the page's reading has no number's shape
    (see the module's docstring); IMAGE is the page's bitmap, GREY the page in grey."""
    found = _value(words, image.width)
    if found is None:
        return words
    label, value = found
    text = number(" ".join(w.text for w in value).lstrip(":; "))
    if SHAPE.match(text):
        return words
    h = median(w.bottom - w.top for w in value)
    box = (max(0, int(value[0].x0 - h)), max(0, int(min(w.top for w in value) - PAD * h)),
           min(image.width, int(value[-1].x1 + 2 * h)),
           min(image.height, int(max(w.bottom for w in value) + PAD * h)))
    looks = [src.crop(box).convert("L") for src in (grey, image) if src is not None]
    for again in _read(looks, box, label.key, run, timeout, langs):
        # (the band may take in the colon, or a piece of it: "- 600.1/407/…")
        while again and not re.search(r"[0-9A-Za-z]", again[0].text):
            again = again[1:]
        read = number(" ".join(w.text for w in again))
        if SHAPE.match(read) and SequenceMatcher(None, read, text).ratio() >= LIKE:
            gone = {id(w) for w in value}
            return [w for w in words if id(w) not in gone] + again
    return words


def _value(words: list[Word], width: float) -> tuple[Word, list[Word]] | None:
    """The Nomor label's word and the words of its value on its row (past the colon, up to a
    wide gap), or None where the page has no such row."""
    for label in sorted(words, key=lambda w: w.top):
        if not (LABEL.match(label.text) and label.x0 < LEFT * width):
            continue
        row = sorted((w for w in words if w.key == label.key and w.x0 >= label.x0),
                     key=lambda w: w.x0)
        if not row or row[0] is not label:
            continue
        out: list[Word] = []
        for w in row[1:]:
            if out and w.x0 - out[-1].x1 > GAP * (w.bottom - w.top):
                break
            if not out and w.text in (":", ";"):
                continue
            out.append(w)
        return (label, out) if out else None
    return None


def _read(looks: list, box: tuple[int, ...], key: tuple, run, timeout: float, langs: str
          ) -> list[list[Word]]:
    """The words of each of LOOKS (grey images of the band at BOX), each read as one line,
    keyed KEY (the label's row)."""
    return (read_bands(looks, [(box, key)] * len(looks), run, min(timeout, LINE_SECONDS), langs)
            or []) if looks else []
