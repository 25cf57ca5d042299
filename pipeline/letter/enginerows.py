"""The OCR engine's lines of a scanned page made the printed rows they are.

Tesseract fits each line it finds with its own line id, and mostly a printed line is one.
Not always: it may take a list's "c." or a date column for a block of its own, fit a line
through the addressee's lower "di" and the words above it, or, on a photo's curved line, cut
one word between two lines ("No" | "mor" of "Nomor"). Here the engine's lines are parted or
joined so that each row is one printed line, its words in reading order.
"""
from __future__ import annotations

import re
from dataclasses import replace
from statistics import median

DI = re.compile(r"^di\b", re.I)


def engine_rows(words: list) -> list[list]:
    """WORDS (with the engine's line ids) in printed rows, each in reading order."""
    groups: dict[tuple, list] = {}
    for w in words:
        groups.setdefault(w.key, []).append(w)
    rows = [part for ws in groups.values() for part in _di_apart(ws)]
    rows = _same_height(sorted(rows, key=lambda ws: median(w.top for w in ws)))
    return [sorted(r, key=lambda w: _place(w, r)) for r in rows]


def _di_apart(row: list) -> list[list]:
    """The addressee's "di", read by OCR into the line above it, parted from that line.
    Permendagri 1/2023 sets "di" on a line of its own between the addressee and the place;
    some offices set it half a line lower, and the engine then fits one line through it and
    the addressee's last words ("di Kota Banjarmasin"). A slanted photo tilts a line by a few
    pixels between neighbouring words, never by half a line's height."""
    row = sorted(row, key=lambda w: w.x0)
    for k, w in enumerate(row[:-2]):
        nxt, then = row[k + 1], row[k + 2]
        h = median(o.bottom - o.top for o in (w, nxt, then))
        # (its box may reach up to the line's top, the engine's line fit: then its foot shows)
        lower = w.top - nxt.top > 0.6 * h or w.bottom - max(nxt.bottom, then.bottom) > 0.6 * h
        if DI.fullmatch(w.text.rstrip("-.:")) and lower and abs(nxt.top - then.top) < 0.3 * h \
                and (k == 0 or w.x0 - row[k - 1].x1 > 2 * h):
            if w.top - nxt.top <= 0.6 * h:  # a box drawn to the line's top stands by its foot
                w = replace(w, top=w.bottom - (nxt.bottom - nxt.top))
            return [row[:k] + row[k + 1:], [w]]
    return [row]


def _place(w, row: list) -> float:
    """Where scanned word W stands in its ROW. An underline joined to a word stretches its box
    over the words beside it ("drg. NURUL HANDAYANI": HANDAYANI's box from drg. on): such a
    word stands in the part of its box the words it covers leave free, the larger one."""
    inside = [o for o in row if o is not w and w.x0 <= o.x0 and o.x1 <= w.x1]
    if not inside:
        return (w.x0 + w.x1) / 2
    left, right = min(o.x0 for o in inside), max(o.x1 for o in inside)
    return (w.x0 + left) / 2 if left - w.x0 > w.x1 - right else (right + w.x1) / 2


def _same_height(rows: list[list]) -> list[list]:
    """OCR lines side by side on one printed line made one row, as a text PDF's are: the
    engine may take a list's "c." or a date column for a block of its own."""
    h = median(w.bottom - w.top for r in rows for w in r)
    out: list[list] = []
    for r in rows:
        top, x0, x1 = median(w.top for w in r), min(w.x0 for w in r), max(w.x1 for w in r)
        into = next((o for o in out[-3:] if abs(median(w.top for w in o) - top) < 0.5 * h
                     and (x1 < min(w.x0 for w in o) or x0 > max(w.x1 for w in o))
                     or _split_word(r, o, h)), None)
        if into is None:
            out.append(list(r))
        else:
            into.extend(r)
            into[:] = _glued(into, h)
    return out


TOUCH = 0.2  # of a line's height: two letters of one word stand closer; a space is wider


def _split_word(r: list, o: list, h: float) -> bool:
    """Whether rows R and O, on one printed line, are one line the engine cut through a word
    (a photo's curve: "No" | "mor" of "Nomor", each with half the line): their words stand
    apart, two of them touching at one height (a curved line's far words may stand higher)."""
    return all(w.x1 <= v.x0 or w.x0 >= v.x1 for w in r for v in o) and any(
        _touching(w, v, h) or _touching(v, w, h) for w in r for v in o)


def _touching(a, b, h: float) -> bool:
    """Whether word B goes on right where word A ends, at its height: each a piece of two
    letters or more (a letter alone beside a word is a speck or a word read twice, "B" |
    "Barat")."""
    return 0 <= b.x0 - a.x1 < TOUCH * h and abs(a.top - b.top) < 0.5 * h \
        and len(a.text) >= 2 and len(b.text) >= 2


def _glued(row: list, h: float) -> list:
    """ROW with two words of two engine lines that touch (_split_word) one word again."""
    out: list = []
    for w in sorted(row, key=lambda w: w.x0):
        a = out[-1] if out else None
        if a is not None and a.key != w.key and _touching(a, w, h):
            out[-1] = replace(a, text=a.text + w.text, x1=w.x1, top=min(a.top, w.top),
                              bottom=max(a.bottom, w.bottom), conf=min(a.conf, w.conf))
        else:
            out.append(w)
    return out
