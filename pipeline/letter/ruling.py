"""A ruled table's lines taken out of a scanned page before OCR.

Offices often set the consultation's questions in a ruled table (No | Uraian Permasalahan),
and some the signature block too. Tesseract reads a line of text that touches a rule badly: a
cell's last line set close above the rule below it is read together with it as one tall line
of gibberish, so the question loses its end; a column rule is read as "|" or "i" inside the
text. Only a table's rules go (two column rules or more side by side): a line ruled alone,
the kop's rule, an underline, a signature's stroke, shapes the page's reading elsewhere, and
is left as it is.

Rules are thin lines far longer than any stroke of a letter, so they are found as strokes.py
finds an underline in the name's band, here over the page: ink no thicker than a pen line
(STROKE of the page's width, about 0.7 mm) running unbroken for LONG (7.6 mm, a letter's bar
is shorter, and a stamp's ring curves away sooner), rows joined DRIFT pixels up and down so
that a rule the deskew left a pixel off level counts. The same is done for columns. Only the
thin pixels go: where a rule crosses a letter's stem, the stem is thicker and stays.

Done on the page's bitmap in a quarter-size look first (a rule is long there too), then at full
size only in the bands where one was seen: some 0.05 s of CPU a ruled page.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

STROKE = 0.0033  # of the page's width: 8 px at 300 dpi, a rule's thickness with a scan's blur
LONG = 0.036  # of the page's width: 90 px at 300 dpi (7.6 mm), longer than any letter's bar
DRIFT = 1  # px up and down at ~300 dpi
DASH = 0.4  # of LONG: a rule's dash beside it is this long at least (36 px at 300 dpi)
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


def _ruled(ink: np.ndarray, stroke: int, length: int, drift: int, broken: bool = False
           ) -> np.ndarray:
    """The pixels of INK in horizontal rules: no more than STROKE tall, in a run of LENGTH or
    more (rows joined DRIFT up and down). BROKEN: with the thin bits in a found rule's rows
    (INK being the band where the quarter-size look saw the rule whole): a scanned rule breaks
    into dashes where the toner was thin, and a dash left would be read as "'" or "|"."""
    thin = ink & (_runs(ink, 0) <= stroke)
    joined = thin.copy()
    for k in range(1, drift + 1):
        joined[k:] |= thin[:-k]
        joined[:-k] |= thin[k:]
    found = thin & (_runs(joined, 1) >= length)
    if not broken or not found.any():
        return found
    rows = found.any(axis=1)
    for k in range(1, drift + 1):
        rows[k:] |= rows[:-k].copy()
        rows[:-k] |= rows[k:].copy()
    dash = thin & rows[:, None]  # (not a letter's foot on the rule: a serif is shorter)
    return found | dash & (_runs(dash, 1) >= DASH * length)


def _horizontal(ink: np.ndarray, small: np.ndarray, stroke: int, length: int) -> np.ndarray:
    """The pixels of INK in horizontal rules, looked for at full size only in the rows where
    SMALL (INK at a quarter size) has one."""
    out = np.zeros(ink.shape, bool)
    seen = _ruled(small, 2, length // SCALE, 1)
    rows = np.nonzero(seen.any(axis=1))[0]
    if not len(rows):
        return out
    for band in np.split(rows, np.nonzero(np.diff(rows) > 2)[0] + 1):
        y0, y1 = max(0, band[0] * SCALE - stroke), min(ink.shape[0], (band[-1] + 1) * SCALE + stroke)
        # (with room above and below, to tell a rule from a letter's stem crossing it; across
        # the page, for a rule's end broken off shorter than LONG is not seen at a quarter size)
        top, bottom = max(0, y0 - 2 * stroke), min(ink.shape[0], y1 + 2 * stroke)
        out[y0:y1] |= _ruled(ink[top:bottom], stroke, length, DRIFT, True)[y0 - top:y1 - top]
    return out


def _tables(columns: np.ndarray, gap: int) -> list[tuple[int, int, int, int]]:
    """The boxes (x0, y0, x1, y1) of ruled tables: two column rules or more (COLUMNS, their
    pixels) side by side over much the same rows. A line alone, ruled across the page (the
    kop's, an underline, a signature's stroke), is no table."""
    xs = np.nonzero(columns.any(axis=0))[0]
    if not len(xs):
        return []
    rules = []  # (x0, x1, y0, y1) of each column rule
    for run in np.split(xs, np.nonzero(np.diff(xs) > gap)[0] + 1):
        ys = np.nonzero(columns[:, run[0]:run[-1] + 1].any(axis=1))[0]
        rules.append((run[0], run[-1] + 1, ys[0], ys[-1] + 1))
    boxes = []
    for a in rules:
        mates = [b for b in rules if b is not a and min(a[3], b[3]) - max(a[2], b[2])
                 >= 0.5 * min(a[3] - a[2], b[3] - b[2])]
        if mates:
            group = [a] + mates
            boxes.append((min(r[0] for r in group), min(r[2] for r in group),
                          max(r[1] for r in group), max(r[3] for r in group)))
    return boxes


def unruled(bw: Image.Image) -> Image.Image:
    """BW (mode "L", print black on white) without the rules of its tables."""
    page = np.asarray(bw)
    ink = page < 128
    small = np.asarray(bw.reduce(SCALE)) < SMALL_INK
    stroke, length = max(2, round(STROKE * bw.width)), round(LONG * bw.width)
    rows = _horizontal(ink, small, stroke, length)
    # the columns' rules on the page without the rows': where a row's rule crossed one, it is
    # thin again, and goes with it
    columns = _horizontal((ink & ~rows).T, small.T, stroke, length).T
    tables = _tables(columns, 2 * stroke)
    if not tables:
        return bw
    inside = np.zeros(ink.shape, bool)
    for x0, y0, x1, y1 in tables:  # (with a rule's own width of room: its ends and dashes)
        inside[max(0, y0 - length):y1 + length, max(0, x0 - length):x1 + length] = True
    gone = (rows | columns) & inside
    return Image.fromarray(np.where(gone, 255, page).astype(np.uint8))
