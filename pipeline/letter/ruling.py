"""Ruled lines taken out of a scanned page before OCR: a table's grid, underlines, the kop's rule.

Offices often set the consultation's questions in a ruled table (No | Uraian Permasalahan),
and underline the Hal, the Tembusan heading and the signer's name. Tesseract reads a line of
text that touches a rule badly: a cell's last line set close above the rule below it is read
together with it as one tall line of gibberish, so the question loses its end; a column rule
is read as "|" or "i" inside the text. Rules are thin lines far longer than any stroke of a
letter, so they are found as strokes.py finds an underline in the name's band, here over the
page: ink no thicker than a pen line (STROKE of the page's width, about 0.7 mm) running
unbroken for LONG (about 6 mm, a letter's bar is shorter), rows joined DRIFT pixels up and
down so that a rule the deskew left a pixel off level counts. The same is done for columns.
Only the thin pixels go: where a rule crosses a letter's stem, the stem is thicker and stays.

Done on the page's bitmap in a quarter-size look first (a rule is long there too), then at full
size only in the bands where one was seen: some 0.05 s of CPU a ruled page.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

STROKE = 0.0033  # of the page's width: 8 px at 300 dpi, a rule's thickness with a scan's blur
LONG = 0.03  # of the page's width: 74 px at 300 dpi (6 mm), longer than any letter's bar
DRIFT = 2  # px up and down at ~300 dpi
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


def _ruled(ink: np.ndarray, stroke: int, length: int, drift: int) -> np.ndarray:
    """The pixels of INK in horizontal rules: no more than STROKE tall, in a run of LENGTH or
    more (rows joined DRIFT up and down)."""
    thin = ink & (_runs(ink, 0) <= stroke)
    joined = thin.copy()
    for k in range(1, drift + 1):
        joined[k:] |= thin[:-k]
        joined[:-k] |= thin[k:]
    return thin & (_runs(joined, 1) >= length)


def _horizontal(ink: np.ndarray, small: np.ndarray, stroke: int, length: int) -> np.ndarray:
    """The pixels of INK in horizontal rules, looked for at full size only in the bands where
    SMALL (INK at a quarter size) has one."""
    out = np.zeros(ink.shape, bool)
    seen = _ruled(small, 2, length // SCALE, 1)
    rows = np.nonzero(seen.any(axis=1))[0]
    if not len(rows):
        return out
    for band in np.split(rows, np.nonzero(np.diff(rows) > 2)[0] + 1):
        cols = np.nonzero(seen[band[0]:band[-1] + 1].any(axis=0))[0]
        y0, y1 = max(0, band[0] * SCALE - stroke), min(ink.shape[0], (band[-1] + 1) * SCALE + stroke)
        x0, x1 = max(0, (cols[0] - 1) * SCALE), min(ink.shape[1], (cols[-1] + 2) * SCALE)
        # (with room above and below, to tell a rule from a letter's stem crossing it)
        top, bottom = max(0, y0 - 2 * stroke), min(ink.shape[0], y1 + 2 * stroke)
        out[y0:y1, x0:x1] |= _ruled(ink[top:bottom, x0:x1], stroke, length, DRIFT)[
            y0 - top:y1 - top]
    return out


def unruled(bw: Image.Image) -> Image.Image:
    """BW (mode "L", print black on white) without its ruled lines."""
    page = np.asarray(bw)
    ink = page < 128
    small = np.asarray(bw.reduce(SCALE)) < SMALL_INK
    stroke, length = max(2, round(STROKE * bw.width)), round(LONG * bw.width)
    gone = _horizontal(ink, small, stroke, length)
    # the columns' rules on the page without the rows': where a row's rule crossed one, it is
    # thin again, and goes with it
    gone |= _horizontal((ink & ~gone).T, small.T, stroke, length).T
    if not gone.any():
        return bw
    return Image.fromarray(np.where(gone, 255, page).astype(np.uint8))
