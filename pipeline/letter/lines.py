"""One text model for every format: a list of lines with page, position and confidence.

Positioned sources (PDF words, OCR boxes) are rebuilt into reading order here, so that a
date on the right of the Nomor line, or an addressee column beside the Hal block, becomes
its own line instead of being glued to its neighbour.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from statistics import median

from pipeline.letter.enginerows import DI, engine_rows

# a column's heading is written "Kepada" or "Yth.": "kepada" inside a sentence is no column
ANCHOR = re.compile(r"^(Kepada|KEPADA|Yth\.?|YTH\.?)$")
MARKER = re.compile(r"^(\(?\d{1,2}[.)]|[a-z][.)])$")  # a list number, tabbed off its text
# a table row's number in its cell; a scan may read the cell's rule into it ("|1", "(4")
CELL_NUMBER = re.compile(r"[|(\[]?(\d{1,2})")
RULES = {"|", "(", "[", "{"}
# a capital I alone, as a scan reads its one stroke, maybe with the list's stop after it
STROKE_I = re.compile(r"[|{}\[\]][;,.]?")
LABEL_WORD = re.compile(r"^(nomor|sifat|lampiran|hal|perihal)$", re.I)
ABBREVIATION = re.compile(r"^[A-Za-z]{2,5}\.$")  # "NIP.", "Yth.", "No.": a label's own word


@dataclass
class Line:
    text: str
    page: int = 1
    x0: float | None = None  # left edge as a fraction of page width; None when unknown
    ocr: bool = False
    conf: float = 1.0
    vx: float | None = None  # where the value after "Label :" starts (its column), if known
    x1: float | None = None  # right edge as a fraction of page width; None when unknown
    para: bool = False  # opens a paragraph of the source (a Word document's w:p)
    top: float | None = None  # a scanned line's top edge, as a fraction of the page's width

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    conf: float = 1.0
    key: tuple | None = None  # OCR engine's own line id, trusted over `top` (handles skew)


def aligned(a: Line, b: Line, tol: float = 0.06) -> bool:
    """Whether two lines stand in one column: left-aligned, or centred on the same axis (a
    signature block is often centred); true when a position is unknown."""
    if a.x0 is None or b.x0 is None:
        return True
    if abs(a.x0 - b.x0) <= tol:
        return True
    return a.x1 is not None and b.x1 is not None and abs(a.x0 + a.x1 - b.x0 - b.x1) / 2 <= tol / 2


def joined(text: str, more: str) -> str:
    """TEXT continued by MORE from the next line. A compound broken at its hyphen ("E-" /
    "Katalog", "non-" / "ASN") is joined without a space, as printed before the wrap."""
    text, more = text.rstrip(), more.strip()
    broken = text[-2:-1].isalnum() and text.endswith("-")  # the tail only: items grow long
    return text + more if broken and more[:1].isalnum() else f"{text} {more}"


def from_text(text: str, page: int = 1) -> list[Line]:
    return [Line(t.rstrip(), page) for t in text.replace("\r", "").split("\n")]


def _raw_lines(words: list[Word], width: float) -> list[list[Word]]:
    if words and words[0].key is not None:
        return engine_rows(words)
    h = median(w.bottom - w.top for w in words)
    rows = _columns_apart(_rows_by_top(words, h), words, width, h)
    return [sorted(r, key=lambda w: w.x0) for r in rows]


def _rows_by_top(words: list[Word], h: float) -> list[list[Word]]:
    rows, cur = [], []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        if cur and w.top - cur[0].top > 0.5 * h:
            rows.append(cur)
            cur = []
        cur.append(w)
    if cur:
        rows.append(cur)
    return rows


def _columns_apart(rows: list[list[Word]], words: list[Word], width: float, h: float
                   ) -> list[list[Word]]:
    """Rows of a two-column heading told apart column by column. The cells beside the Nomor
    block (the date, "Kepada" / "Yth." and the addressee) have their own line spacing, so their
    lines may fall half a line between the block's and be taken into its rows; each column's
    words are put into rows on their own, over the heading's rows that no text crosses."""
    anchor = next((w for w in sorted(words, key=lambda w: w.top)
                   if ANCHOR.match(w.text) and w.x0 > 0.4 * width), None)
    if anchor is None:
        return rows
    x = anchor.x0 - 0.02 * width
    k = next((i for i, r in enumerate(rows) if anchor in r), None)
    lo = hi = k

    def apart(r: list[Word]) -> bool:
        return not any(w.x0 < x < w.x1 for w in r) and not (
            any(w.x1 <= x for w in r) and any(w.x0 >= x for w in r)
            and min(w.x0 for w in r if w.x0 >= x) - max(w.x1 for w in r if w.x1 <= x) < h)
    while lo > 0 and apart(rows[lo - 1]) and anchor.top - rows[lo - 1][0].top < 8 * h:
        lo -= 1
    while hi + 1 < len(rows) and apart(rows[hi + 1]) and rows[hi + 1][0].top - anchor.top < 10 * h:
        hi += 1
    def mixed(r: list[Word]) -> bool:
        left, right = [w.top for w in r if w.x0 < x], [w.top for w in r if w.x0 >= x]
        return bool(left and right) and abs(median(left) - median(right)) > 0.25 * h
    if not any(mixed(r) for r in rows[lo:hi + 1]):
        return rows  # the columns' lines fall on the same rows: nothing to tell apart
    zone = [w for r in rows[lo:hi + 1] for w in r]
    split = _rows_by_top([w for w in zone if w.x0 < x], h) + \
        _rows_by_top([w for w in zone if w.x0 >= x], h)
    split.sort(key=lambda r: min(w.top for w in r))
    return rows[:lo] + split + rows[hi + 1:]


def _split_columns(rows: list[list[Word]], width: float) -> list[list[Word]]:
    """Move an addressee column (Kepada / Yth. on the right) after the block beside it."""
    tol = 0.02 * width
    for i, row in enumerate(rows):
        # the column starts after a gutter; "kepada" inside a body sentence is no column
        anchor = next((w for k, w in enumerate(row) if ANCHOR.match(w.text) and w.x0 > 0.4 * width
                       and (k == 0 or w.x0 - row[k - 1].x1 > 0.7 * (w.bottom - w.top))), None)
        if anchor is None:
            continue
        x = anchor.x0
        j, after_di = i, None
        while j < len(rows) and j - i < 12 and after_di != 0:
            r = rows[j]
            right = [w for w in r if w.x0 >= x - tol]
            if any(w.x0 < x - tol and w.x1 > x + tol for w in r) or (
                    r[0].x0 < x - tol and r[-1].x1 > x + tol and len(r) >= 6 and _justified(r)):
                break  # a line across both columns: the body under the heading (a sentence's
                # words; a labelled row's few cells set at tab stops may be as evenly apart)
            if not right:  # a row of the left block only, set between the column's rows
                j += 1
                continue
            if after_di is not None:
                after_di -= 1
            elif DI.match(right[0].text):  # "di -" then the place closes the addressee block
                after_di = 0 if re.match(r"^di\s*-?\s*\w{3}", " ".join(w.text for w in right),
                                         re.I) else 1  # "di Banjarmasin" is closed already
            j += 1
        lefts = [w.x0 for r in rows[i:j] for w in r if w.x0 < x - tol]
        # the left block's values that wrap below the column (a long Hal) still belong before it,
        # also where the wrap shares its row, across the gutter, with the column's last line
        # (the place under a street), which then ends the column
        while lefts and j < len(rows) and rows[j][0].x0 > min(lefts) + 0.03 * width \
                and rows[j][0].x1 < x and rows[j][0].top - rows[j - 1][0].top < 3 * (
                    rows[j][0].bottom - rows[j][0].top):
            ahead = [w for w in rows[j] if w.x1 < x]
            rest = [w for w in rows[j] if w.x1 >= x]
            if rest and (rest[0].x0 < x - tol or
                         rest[0].x0 - ahead[-1].x1 < 2 * (rest[0].bottom - rest[0].top)):
                break
            j += 1
            if rest:
                break
        left = [[w for w in r if w.x0 < x - tol] for r in rows[i:j]]
        right = [[w for w in r if w.x0 >= x - tol] for r in rows[i:j]]
        return rows[:i] + [r for r in left if r] + [r for r in right if r] + rows[j:]
    return rows


def _segments(row: list[Word], gap: float, columns: list[float] = (), tol: float = 0.0,
              rules: list[tuple[float, float, float]] = ()) -> list[list[Word]]:
    """Runs of words split at wide gaps, or at a narrower one where a word starts on the left
    edge of a column begun on the row above (a date or Kepada column whose text wraps beside
    a narrow Nomor cell: the two cells' words come out on one row with a small gap), or where
    a table's vertical rule (x, top, bottom) stands between two words: narrow cells leave
    less than a wide gap between their texts."""
    if _justified(row) and not any(_ruled(a, b, rules) for a, b in zip(row, row[1:])):
        return [row]  # (a rule elsewhere on the page, a border, parts no justified line)
    segs = [[row[0]]]
    for prev, w in zip(row, row[1:]):
        # (a label's colon holds its value however far off; a mark alone at the row's start is
        # no label's: a photo's paper edge read as ":" beside a line's last word)
        glued = prev.text.endswith(":") and (prev is not row[0] or re.search(r"\w", prev.text)) \
            or w.text.startswith(":") or (
            len(segs[-1]) == 1 and (LABEL_WORD.match(prev.text) or MARKER.match(prev.text)))
        # (a rule parts no abbreviation in a cell of its own from its number: "NIP." | digits;
        # a heading's "NO." from the next heading it does)
        aligned = w.x0 - prev.x1 > gap / 4 and any(abs(w.x0 - x) < tol for x in columns) \
            or _ruled(prev, w, rules) and not (len(segs[-1]) == 1 and ABBREVIATION.match(
                prev.text) and w.text[:1].isdigit())
        if (w.x0 - prev.x1 > gap or aligned) and not glued:
            segs.append([w])
        else:
            segs[-1].append(w)
    return segs


def _ruled(prev: Word, w: Word, rules: list[tuple[float, float, float]]) -> bool:
    """Whether one of RULES (x, top, bottom) stands between the words PREV and W."""
    return any(prev.x1 - 1 <= x <= w.x0 + 1 and top < (w.top + w.bottom) / 2 < bottom
               for x, top, bottom in rules)


def _justified(row: list[Word]) -> bool:
    """A justified line: its spaces are stretched alike, however wide (a long number on the
    line leaves a few words far apart), where two cells side by side leave one wide gap."""
    gaps = [w.x0 - prev.x1 for prev, w in zip(row, row[1:])]
    if row and MARKER.match(row[0].text):
        gaps = gaps[1:]  # a list number is tabbed off its text
    if len(gaps) < 3:
        return False
    gaps.sort()
    return gaps[-1] <= 1.3 * gaps[len(gaps) // 2] and gaps[0] >= 0.6 * gaps[len(gaps) // 2]


def _flush(row: list[Word], above: Line | None, width: float) -> bool:
    """Whether ROW, three words stretched alike, is a justified paragraph's line too short for
    _justified to tell: it ends where the line ABOVE it ends, and starts no further left (a
    cell's "menyampaikan    laporan    pertanggungjawaban" under "1. Bagaimana … terlambat")."""
    if len(row) != 3 or above is None or above.blank or None in (above.x0, above.x1):
        return False
    a, b = (w.x0 - prev.x1 for prev, w in zip(row, row[1:]))
    return 0.7 * a <= b <= 1.3 * a and abs(row[-1].x1 / width - above.x1) < 0.006 and \
        row[0].x0 / width >= above.x0 and not any(":" in w.text for w in row)


def _edges(rows: list[list[Word]], width: float, gap: float) -> list[float]:
    """Left edges shared by three or more text runs in the right half of the heading block
    (the rows around Nomor … Hal): the columns of its table, where a date or Kepada stands."""
    # (a body sentence may open with "Hal tersebut ...": a label has its colon)
    labelled = [i for i, r in enumerate(rows)
                if LABEL_WORD.match(r[0].text) and any(":" in w.text for w in r[:3])]
    if not labelled:
        return []
    block = rows[max(labelled[0] - 3, 0):labelled[-1] + 8]
    starts = [w.x0 for r in block for k, w in enumerate(r)
              if w.x0 > 0.3 * width and (k == 0 or w.x0 - r[k - 1].x1 > gap)]
    return [x for x in starts if sum(abs(x - y) < 0.005 * width for y in starts) >= 3]


def _cut_at_edges(row: list[Word], edges: list[float], width: float) -> list[list[Word]]:
    """Split a labelled row (Nomor : …) where a word starts on a column edge: the cell beside."""
    if not edges or not LABEL_WORD.match(row[0].text):
        return [row]
    out, colon, value = [[row[0]]], False, False
    for prev, w in zip(row, row[1:]):
        if value and not prev.text.endswith(":") and any(abs(w.x0 - x) < 0.005 * width for x in edges):
            out.append([w])  # only once the value has begun: the label and colon cells stay
        else:
            out[-1].append(w)
        value = value or colon
        colon = colon or w.text.endswith(":")
    return out


def _numbered_cell(row: list[Word], h: float) -> bool:
    """Whether the row opens with a bare number in a cell of its own: set off from the text by
    a gap wider than a space and wider than any other gap of the row, which a justified line
    stretches all alike ("2 (dua) tim" wrapped to a line's start is text)."""
    if len(row) < 2 or not CELL_NUMBER.fullmatch(row[0].text):
        return False
    if row[0].bottom - row[0].top < 0.5 * h:
        return False  # a speck OCR read as a digit: smaller than print
    gap = row[1].x0 - row[0].x1
    # (a table's cell is a few spaces wide: a digit far off the text is a speck by the page)
    return 0.8 * h < gap < 4 * h and gap > 1.08 * max((b.x0 - a.x1 for a, b in zip(row[1:], row[2:])),
                                               default=0)


def from_words(words: list[Word], width: float, page: int, ocr: bool = False,
               rules: list[tuple[float, float, float]] = ()) -> list[Line]:
    """The lines of a page's WORDS (PDF words or OCR boxes, WIDTH across); RULES: a text
    PDF's vertical rules (x, top, bottom), a table's cells' borders."""
    words = [w for w in words if w.text.strip()]
    if ocr:  # a mark at the very edge of a scan or photo (the paper's edge, a punched hole)
        # is no print, and read into a line it moves the line's start (": Honorarium")
        words = [w for w in words if re.search(r"[^\W_]", w.text)
                 or 0.06 * width < w.x0 and w.x1 < 0.94 * width]
    if not words:
        return []
    h = median(w.bottom - w.top for w in words)
    raw = _raw_lines(words, width)
    # an empty line or more of vertical space (the room left for the wet signature, the gap
    # before a closing paragraph) is kept as a blank line, as DOCX and text have it
    after_gap = {id(w) for a, b in zip(raw, raw[1:])
                 if median(w.top for w in b) - median(w.top for w in a) > 2.6 * h for w in b}
    out, edges, columns = [], _edges(raw, width, 2.2 * h), []
    for row in _split_columns(raw, width):
        if out and not out[-1].blank and any(id(w) in after_gap for w in row):
            out.append(Line("", page, None, ocr))
        # only a row that itself starts inside the block (a wrapped cell) can hold two cells;
        # a line from the margin is body text, however wide its justified spaces
        cols = columns if row[0].x0 > 0.3 * width else []
        if ocr and len(row) > 1 and STROKE_I.fullmatch(row[-1].text) \
                and row[-2].text[:1].isupper() and row[-1].x0 - row[-2].x1 < 0.8 * h:
            # a capital I ending a line, a space after a word ("Wilayah I", "Tk. I"), is read
            # as a stroke or a brace; a table's rule stands off the text by the cell's margin
            row = row[:-1] + [replace(row[-1], text="I" + row[-1].text[1:])]
        if ocr and len(row) > 2 and CELL_NUMBER.fullmatch(row[1].text) and row[0].text in RULES:
            row = row[1:]  # a scanned table's rule before the row's number, read as "|"
        if ocr and len(row) > 2 and CELL_NUMBER.fullmatch(row[0].text) and row[1].text == "|":
            row = row[:1] + row[2:]  # and the rule between the number's cell and the text's
        segs = [row] if _flush(row, out[-1] if out else None, width) else [
            s for part in _cut_at_edges(row, edges, width)
            for s in _segments(part, 2.2 * h, cols, 0.006 * width, rules)]
        if _numbered_cell(row, h):
            # a numbered table's row (No | Pertanyaan): the number heads the row's text, as a
            # list's number does (alone on its row it is a page number)
            number = CELL_NUMBER.fullmatch(segs[0][0].text).group(1)
            segs[0][0] = replace(segs[0][0], text=number + ".")
            if len(segs) > 1 and len(segs[0]) == 1:
                segs[:2] = [segs[0] + segs[1]]
        # the right-hand runs of this row that began after a gap: columns for the row below
        columns = [s[0].x0 for k, s in enumerate(segs) if k > 0 and s[0].x0 > 0.4 * width]
        for seg in segs:
            text = " ".join(w.text for w in seg)
            conf = sum(w.conf for w in seg) / len(seg)
            colon = next((k for k, w in enumerate(seg) if w.text.endswith(":")), None)
            vx = seg[colon + 1].x0 / width if colon is not None and colon + 1 < len(seg) else None
            out.append(Line(text, page, seg[0].x0 / width, ocr, conf, vx, seg[-1].x1 / width,
                            top=median(w.top for w in seg) / width if ocr else None))
    return out
