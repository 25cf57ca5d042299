"""The signature block's geometry on a scanned page: where its column begins, what on its lines
is not print, and where the name's line stands.

Permendagri 1/2023's models set the post, the name, the rank (pangkat) and the NIP one under
the other at one line spacing, in a column flush left or centred. The page's reading of the
block is spoilt where the stamp and the signature cross it; what the block's layout says stays
true, and tells namerow where to read the name again and what to leave out.
"""
from __future__ import annotations

import re
from statistics import median

import numpy as np

from pipeline.letter.degrees import only_degrees
from pipeline.letter.lines import Word
from pipeline.letter.marks import RANK

TALL = 1.8  # of a line's height: a word's box this tall has a stroke read into it
SMALL = 0.72  # ... and a row whose every word is lower than this holds no print (see tidied)
MARGIN = 0.4  # of a line's height: a flush-left block's lines begin this close to its column
INKED = 0.03  # of the block's width: a row of pixels with this much ink is part of a line
PAD = 0.35  # of a line's height, above and below the row
STAMP = 14  # line heights (4 cm at 300 dpi): a stamp's width, the most its ring stands left


def flush_column(words: list[Word], rows: list[list[Word]], nip: list[Word], h: float
                 ) -> float | None:
    """The left edge of a signature block set flush left, or None (set centred, or not told):
    where the rank's line or one of the post's begins where the NIP does (ROWS, the name's
    rows, are not asked), the name begins there too, and a stamp's ring left of it is no part
    of the name."""
    start = [w.x0 for w in sorted(nip, key=lambda w: w.x0) if _print(w, h)]
    if not start:
        return None
    top, named = median(w.top for w in nip), {id(w) for row in rows for w in row}
    lines: dict[tuple, list[Word]] = {}
    for w in words:
        if w.key != nip[0].key and top - 8 * h < w.top < top and id(w) not in named \
                and _print(w, h):
            lines.setdefault(w.key, []).append(w)
    # (a line of print, the rank or two words of three letters or more: a stamp's or a
    # scribble's debris read as a word, "Td", may stand anywhere; and one ending elsewhere
    # than the NIP: in a centred block, a line as wide as the NIP begins where it does too)
    end = max(w.x1 for w in nip)
    flush = any(abs(min(w.x0 for w in line) - start[0]) < MARGIN * h
                and abs(max(w.x1 for w in line) - end) > 2 * h
                for line in lines.values()
                if sum(len(re.sub(r"\W", "", w.text)) >= 3 for w in line) >= 2
                or RANK.search(" ".join(w.text for w in sorted(line, key=lambda w: w.x0))))
    return start[0] if flush else None


def _print(w: Word, h: float) -> bool:
    """Whether W reads as a word of print set at the block's size."""
    return len(re.sub(r"\W", "", w.text)) >= 2 and 0.6 * h <= w.bottom - w.top <= TALL * h


def tidied(words: list[Word], nip: list[Word], h: float, column: float | None) -> list[Word]:
    """WORDS without what a stamp or a signature leaves on the lines above the NIP that is not
    print: a row whose every word is lower than print's letters, and none a word of four
    letters (the stamp's lettering read small, "Nah ee"), or taller than a line (the
    signature's scribble read as one word, "SSIRAGHARTS"); and, in a block set flush left,
    words mostly left of its column, within a stamp's width of it (marks anywhere)."""
    top = median(w.top for w in nip)
    zone: dict[tuple, list[Word]] = {}
    for w in words:
        if w.key != nip[0].key and top - 6 * h < (w.top + w.bottom) / 2 < top:
            zone.setdefault(w.key, []).append(w)
    gone = set()
    for row in zone.values():
        tall = [w.bottom - w.top for w in row]
        # (a post's line set smaller than the NIP, its words whole, is print all the same)
        small = max(tall) < SMALL * h and not any(re.search(r"[A-Za-z]{4}", w.text) for w in row)
        # (but a line of degrees, underlined as the name over it is: the rule boxed into it,
        # "M.Si," as tall as two lines, is print)
        if small or min(tall) > TALL * h and not all(only_degrees(w.text) for w in row):
            gone |= {id(w) for w in row}
        elif column is not None:
            # (a word within a stamp's width of it, a mark anywhere: a second signer's block
            # may stand further left)
            gone |= {id(w) for w in row if w.x0 + w.x1 < 2 * column - MARGIN * h and (
                w.x1 > column - STAMP * h or not re.search(r"[A-Za-z]", w.text))}
    return [w for w in words if id(w) not in gone]


def rank_line(words: list[Word], nip: list[Word], h: float) -> tuple[float, float] | None:
    """The top of the rank's line (pangkat) above the NIP and the block's line pitch, if the
    block has a rank; it may take two lines ("Pembina Utama Muda" over "(IV/c)")."""
    top = median(w.top for w in nip)
    rows: dict[tuple, list[Word]] = {}
    for w in words:
        if w.key != nip[0].key and top - 4 * h < w.top < top - 0.5 * h and \
                w.x1 > min(v.x0 for v in nip) - h:
            rows.setdefault(w.key, []).append(w)
    tops = sorted(median(w.top for w in r) for r in rows.values()
                  if RANK.search(" ".join(w.text for w in sorted(r, key=lambda w: w.x0))))
    return (tops[0], (top - tops[0]) / len(tops)) if tops else None


def located(image, words: list[Word], nip: list[Word], h: float,
            rank: tuple[float, float] | None, column: float | None):
    """Where the name's line stands by the block's geometry: a line pitch above the rank's
    line (the name, rank and NIP are set at one spacing), or where there is no rank, the
    lowest line of ink above the NIP; None where no ink is found."""
    top = median(w.top for w in nip)
    if rank:
        name = rank[0] - rank[1]
        y0, y1 = max(0, int(name - PAD * h)), int(name + (1.25 + PAD) * h)
    else:
        base = max(0, int(top - 4 * h))
        left = max(0, int(min(w.x0 for w in nip) - h))  # the column of a flush-left block
        right = min(image.width, int(max(w.x1 for w in nip) + 12 * h))
        ink = np.asarray(image.crop((left, base, right, int(top - 0.15 * h))).convert("L")) < 128
        lined = ink.sum(axis=1) >= max(4, INKED * ink.shape[1])
        if not lined.any():
            return None
        bottom = y = int(np.nonzero(lined)[0][-1])  # the name's underline or its letters' feet
        gap = max(1, int(0.15 * h))  # between the underline and the letters; in an "i" or "j"
        while y > 0 and bottom - y < 2 * h and lined[max(0, y - gap):y].any():
            y -= 1
        y0, y1 = max(0, int(base + y - PAD * h)), int(base + bottom + PAD * h)
    return across(words, nip, h, y0, y1, image.width, column)


def across(words: list[Word], nip: list[Word], h: float, y0: int, y1: int, width: int,
           column: float | None) -> tuple[int, int, int, int]:
    """The box of a line between rows Y0 and Y1 of the block. A block set flush left has the
    line begin at its COLUMN (or, not told, the NIP's left edge), a long name run on right of
    it; a block set centred
    (a line above the NIP centred on it, but not flush with it) has a long name run on both
    sides of the NIP."""
    x0, x1, top = min(w.x0 for w in nip), max(w.x1 for w in nip), median(w.top for w in nip)
    rows: dict[tuple, list[Word]] = {}
    for w in words:
        if w.key != nip[0].key and y0 - 8 * h < w.top < top:
            rows.setdefault(w.key, []).append(w)
    centred = any(abs(min(w.x0 for w in r) - x0) > h and abs(
        min(w.x0 for w in r) + max(w.x1 for w in r) - x0 - x1) < 2 * h for r in rows.values())
    left = column - MARGIN * h if column is not None else x0 - (12 * h if centred else h)
    return (max(0, int(left)), y0, min(width, int(x1 + 12 * h)), y1)


def line_above(words: list[Word], last: list[Word], nip: list[Word], h: float,
               rank: tuple[float, float] | None, width: int, column: float | None):
    """The box of the line a pitch above LAST, the name's line: where a name too long for its
    line went on with its degrees, its first line ("BAMBANG LESTARI, A.Md.Keb.," / "S.K.M.")."""
    top = median(w.top for w in last)
    start = top - (rank[1] if rank else median(w.top for w in nip) - top)
    return across(words, nip, h, max(0, int(start - PAD * h)), int(start + (1.25 + PAD) * h),
                  width, column)


def line_below(words: list[Word], last: list[Word], nip: list[Word], h: float,
               rank: tuple[float, float] | None, width: int, column: float | None):
    """The box between LAST, the name's line, and the rank's or NIP's line under it, where a
    line fits there: the rest of a name's degrees after its line's closing comma ("Hj. SRI
    WAHYUNI, S.Kep.," / "M.Kes."); None where no line fits."""
    below = rank[0] if rank else median(w.top for w in nip)
    bottom = median(w.bottom for w in last)
    if below - bottom < 0.8 * h:
        return None
    return across(words, nip, h, int(bottom + 0.1 * h), int(below), width, column)
