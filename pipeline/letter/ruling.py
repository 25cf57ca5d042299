"""A ruled table's lines taken out of a scanned page before OCR.

Offices often set the consultation's questions in a ruled table (No | Uraian Permasalahan),
and some the signature block too. Tesseract reads a line of text that touches a rule badly: a
cell's last line set close above the rule below it is read together with it as one tall line
of gibberish, so the question loses its end; a column rule is read as "|" or "i" inside the
text. Only a table's rules go (two column rules side by side, two row rules meeting them,
and a third of either), and not on a phone photo: a line ruled alone (the kop's rule, an
underline, a signature's stroke), a frame, a photo's edges and its bent rules shape the
page's reading elsewhere, and are left as they are.

Rules are thin lines far longer than any stroke of a letter, so they are found as strokes.py
finds an underline in the name's band, here over the page: ink no thicker than a pen line
(STROKE of the page's width, about 0.7 mm) running unbroken for LONG (7.6 mm, a letter's bar
is shorter), rows joined DRIFT pixels up and down so that a rule the deskew left off level,
or a scan made wavy, counts; a bold table's rules are as thick as most of their ink is. The
same is done for columns. Only the thin pixels go: where a rule crosses a letter's stem, the
stem is thicker and stays. A stamp's ring may pass for a rule over a stretch, but is no table.

Done on the page's bitmap in a quarter-size look first (a rule is long there too), then at full
size only in the rows where one was seen: some 0.05-0.1 s of CPU a ruled page.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

STROKE = 0.0033  # of the page's width: 8 px at 300 dpi, a rule's thickness with a scan's blur
LONG = 0.036  # of the page's width: 90 px at 300 dpi (7.6 mm), longer than any letter's bar
DRIFT = 2  # px up and down at ~300 dpi (1 px leaves a wavy scan's rule in pieces)
DASH = 0.4  # of LONG: a rule's dash beside it is this long at least (36 px at 300 dpi)
EDGE = 0.01  # of the page's width: a line this near the image's edge is the paper's (a photo)
ACROSS = 0.6  # of a table's width: a row rule runs this much of the way across it
SCALE = 4  # the look for where rules are is this many times smaller each way
SMALL_INK = 224  # a quarter-size pixel darker than this holds a full pixel's width of a rule


def _runs(ink: np.ndarray, axis: int) -> np.ndarray:
    """For each pixel of INK, the length of the unbroken run of ink through it along AXIS
    (0 off the ink)."""
    a = np.moveaxis(ink, axis, 0)
    n = a.shape[0]
    at = np.arange(1, n + 1, dtype=np.int32).reshape((n,) + (1,) * (a.ndim - 1))
    white_before = np.maximum.accumulate(np.where(a, 0, at), axis=0)
    white_after = np.minimum.accumulate(np.where(a, n + 1, at)[::-1], axis=0)[::-1]
    return np.moveaxis((white_after - white_before - 1) * a, 0, axis)


def _ruled(ink: np.ndarray, stroke: int, length: int, drift: int, reach: int = -1
           ) -> np.ndarray:
    """The pixels of INK in horizontal rules: no more than STROKE tall, in a run of LENGTH or
    more (rows joined DRIFT up and down); with the thin dashes within REACH rows of a found
    rule's (INK being the band where the quarter-size look saw the rule whole): a scanned rule
    breaks into dashes where the toner was thin, and a dash left would be read as "'" or "|"."""
    thin = ink & (_runs(ink, 0) <= stroke)
    joined = thin.copy()
    for k in range(1, drift + 1):
        joined[k:] |= thin[:-k]
        joined[:-k] |= thin[k:]
    found = thin & (_runs(joined, 1) >= length)
    if reach < 0 or not found.any():
        return found
    rows = np.convolve(found.any(axis=1), np.ones(2 * reach + 1), "same") > 0
    dash = thin & rows[:, None]  # (not a letter's foot on the rule: a serif is shorter)
    return found | dash & (_runs(dash, 1) >= DASH * length)


def _thickness(window: np.ndarray, stroke: int, length: int) -> int:
    """How thick the rules of WINDOW (a band of the page round them) are, at least STROKE and
    at most twice it: most of their ink's columns, where it runs LENGTH along (a bold table,
    a dark copy: such a rule is thin only where the toner was, and pieces of it would stay)."""
    along = _runs(window, 1) >= length
    if not along.any():
        return stroke
    return int(min(2 * stroke, max(stroke, np.percentile(_runs(window, 0)[along], 75) + 1)))


def _horizontal(ink: np.ndarray, small: np.ndarray, stroke: int, length: int, reach: int
                ) -> np.ndarray:
    """The pixels of INK in horizontal rules, looked for at full size only in the rows where
    SMALL (INK at a quarter size) has one."""
    out = np.zeros(ink.shape, bool)
    # (as thick there as the boldest rule _thickness takes: a bold table's 1-mm rules too)
    seen = _ruled(small, max(2, -(-2 * stroke // SCALE)), length // SCALE, 1)
    rows = np.nonzero(seen.any(axis=1))[0]
    if not len(rows):
        return out
    for band in np.split(rows, np.nonzero(np.diff(rows) > 2)[0] + 1):
        y0 = max(0, band[0] * SCALE - stroke)
        y1 = min(ink.shape[0], (band[-1] + 1) * SCALE + stroke)
        # (with room above and below, to tell a rule from a letter's stem crossing it; across
        # the page, for a rule's end broken off shorter than LONG is not seen at a quarter size)
        top, bottom = max(0, y0 - 4 * stroke), min(ink.shape[0], y1 + 4 * stroke)
        window = ink[top:bottom]
        out[y0:y1] |= _ruled(window, _thickness(window, stroke, length), length, DRIFT, reach)[
            y0 - top:y1 - top]
    return out


def _tables(rows: np.ndarray, columns: np.ndarray, gap: int) -> list[tuple[int, int, int, int]]:
    """The boxes (x0, y0, x1, y1) of ruled tables: two column rules or more (COLUMNS, their
    pixels) side by side over much the same rows, with two row rules or more (ROWS) across
    most of the way between them, and a third of either. A line alone (the kop's, an
    underline, a signature's stroke) is no table; nor is a frame (a page's border), nor are
    the paper's edges on a photo, nor an emblem's strokes."""
    height, width = columns.shape
    edge = EDGE * width
    rules = []  # (x0, x1, y0, y1) of each column rule away from the paper's edges
    xs = np.nonzero(columns.any(axis=0))[0]
    for run in np.split(xs, np.nonzero(np.diff(xs) > gap)[0] + 1) if len(xs) else []:
        ys = np.nonzero(columns[:, run[0]:run[-1] + 1].any(axis=1))[0]
        if edge < run[0] and run[-1] < width - edge and edge < ys[0] and ys[-1] < height - edge:
            rules.append((run[0], run[-1] + 1, ys[0], ys[-1] + 1))
    boxes = []
    for a in rules:
        group = [a] + [b for b in rules if b is not a and min(a[3], b[3]) - max(a[2], b[2])
                       >= 0.5 * min(a[3] - a[2], b[3] - b[2])]
        box = (min(r[0] for r in group), min(r[2] for r in group),
               max(r[1] for r in group), max(r[3] for r in group))
        # (a table's row rule meets its outer column rules, a line inside a frame need not; one
        # turned off level so far that no row holds most of it is left: measured, a table so
        # taken apart lost its numbers' cells, as tesseract reads them by the rules)
        inside = rows[max(0, box[1] - gap):box[3] + gap, box[0]:box[2]]
        near = np.ones(2 * gap + 1)
        ends = [np.convolve(inside[:, part].any(axis=1), near, "same") > 0
                for part in (np.s_[:2 * gap], np.s_[-2 * gap:])]
        across = inside.sum(axis=1) > ACROSS * (box[2] - box[0])
        ys = np.nonzero(across & inside.any(axis=1) & ends[0] & ends[1])[0]
        found = len(np.split(ys, np.nonzero(np.diff(ys) > gap)[0] + 1)) if len(ys) else 0
        # (a frame alone, a page's border or a boxed note, is two of each: a table has a rule
        # between its columns or its rows too)
        if found >= 2 and len(group) >= 2 and found + len(group) >= 5:
            boxes.append(box)
    return boxes


def unruled(bw: Image.Image) -> Image.Image:
    """BW (mode "L", print black on white) without the rules of its tables."""
    page = np.asarray(bw)
    ink = page < 128
    small = np.asarray(bw.reduce(SCALE)) < SMALL_INK
    stroke, length = max(2, round(STROKE * bw.width)), round(LONG * bw.width)
    # (a row rule's dashes within its thickness of it: a wavy scan's rule steps up or down
    # there; a column rule's within DRIFT only, a letter's stem standing close beside it)
    rows = _horizontal(ink, small, stroke, length, stroke)
    # the columns' rules on the page without the rows': where a row's rule crossed one, it is
    # thin again, and goes with it
    columns = _horizontal((ink & ~rows).T, small.T, stroke, length, DRIFT).T
    gone = np.zeros(ink.shape, bool)
    for x0, y0, x1, y1 in _tables(rows, columns, 2 * stroke):
        # (with room for a rule's thickness and its wave round the box its column rules make)
        room = 2 * stroke
        box = np.s_[max(0, y0 - room):y1 + room, max(0, x0 - room):x1 + room]
        gone[box] = (rows | columns)[box]
    if not gone.any():
        return bw
    return Image.fromarray(np.where(gone, 255, page).astype(np.uint8))
