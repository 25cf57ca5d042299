"""Underlines and pen strokes through the signer's name, taken out before it is read again.

A naskah dinas often underlines the signer's name, and the wet signature's tail is drawn
across it. Tesseract reads such a line badly: the underline joins the letters' feet into one
shape, and a stroke through the name cuts words off ("Drs. EKO" for "Drs. EKO PRASETYO"). Both
are thin lines far longer than any stroke of a letter. A pixel belongs to one when the ink above
and below it is no thicker than a pen line (STROKE of the line's height) and its row carries
such thin ink unbroken for LONG line heights; rows are joined DRIFT pixels up and down, so that
a sloping tail counts. Only those thin pixels go: where a line crosses a letter's stem, the stem
is thicker and stays.

A signature's loops may also come down onto the name from above without crossing it as a line;
the band is then read also cut to its letters' rows (letters_only).
"""
from __future__ import annotations

import numpy as np
from PIL import Image

STROKE = 0.16  # of the line's height: a pen line or an underline; a bold stem is thicker
LONG = 1.5  # line heights: longer than a letter's bar (T, E), as long as two letters
DRIFT = 2  # px up and down at ~300 dpi: a tail sloping up to ~10 degrees stays one run
CORE_INK = 0.35  # of the densest row's ink: a row of the letters' bodies, not of a stroke
ABOVE, BELOW = 1.3, 0.45  # line heights above and below the baseline: capitals, descenders
LOWEST = 0.5  # of the densest half line's ink: a run as dense may be the letters' bodies
SLIVER = 0.2  # of a line's height: less cut off is no other look


def _vertical_runs(ink: np.ndarray) -> np.ndarray:
    """For each inked pixel, the height of the unbroken ink above and below it, itself included."""
    up, down = np.zeros(ink.shape, np.int32), np.zeros(ink.shape, np.int32)
    up[0], down[-1] = ink[0], ink[-1]
    for i in range(1, len(ink)):
        up[i] = (up[i - 1] + 1) * ink[i]
        down[-1 - i] = (down[-i] + 1) * ink[-1 - i]
    return up + down - 1


def _long_rows(thin: np.ndarray, length: float) -> np.ndarray:
    """Where a row of THIN (joined DRIFT px up and down) runs unbroken for LENGTH px or more."""
    joined = thin.copy()
    for k in range(1, DRIFT + 1):
        joined[k:] |= thin[:-k]
        joined[:-k] |= thin[k:]
    edge = np.zeros((len(thin), 1), np.int8)
    steps = np.diff(np.concatenate([edge, joined.astype(np.int8), edge], axis=1), axis=1)
    starts, ends = np.nonzero(steps == 1), np.nonzero(steps == -1)
    out = np.zeros(thin.shape, bool)
    for row, x0, x1 in zip(starts[0], starts[1], ends[1]):  # runs come in the same order
        if x1 - x0 >= length:
            out[row, x0:x1] = True
    return out


def unstruck(band: Image.Image, height: float) -> tuple[Image.Image, int]:
    """BAND (a bitmap, ink black) without its underlines and pen strokes, and how many pixels
    were taken out; HEIGHT is a line's height in pixels."""
    grey = np.asarray(band.convert("L"))
    ink = grey < 128
    if ink.shape[0] < 2 or not ink.any():
        return band, 0
    thin = ink & (_vertical_runs(ink) <= max(2, round(STROKE * height)))
    gone = thin & _long_rows(thin, LONG * height)
    count = int(gone.sum())
    if not count:
        return band, 0
    return Image.fromarray(np.where(gone, 255, grey).astype(np.uint8)), count


def letters_only(band: Image.Image, height: float) -> tuple[int, int] | None:
    """The rows of BAND (a bitmap, ink black, one line of print a HEIGHT high) that hold its
    letters, from their capitals' tops to their descenders, where a stroke stands above or
    below them (a signature's loops over a name, the next line's tops): the line's baseline
    is where the lowest run of rows as dense as its letters' bodies ends. None where nothing
    would be cut off."""
    ink = (np.asarray(band.convert("L")) < 128).sum(axis=1)
    if not ink.any():
        return None
    # (the letters' bodies fill a run of rows half a line high, the lowest such run in a band
    # cut around a name: a signature's loops over it may be as dense, but stand higher)
    body = np.convolve(ink, np.ones(max(1, round(0.5 * height))), "same")
    rich = np.nonzero(body >= LOWEST * body.max())[0]
    low = rich[np.nonzero(np.diff(rich) > 1)[0][-1] + 1] if (np.diff(rich) > 1).any() else rich[0]
    base = low + int(np.argmax(body[low:rich[-1] + 1]))
    dense = ink >= CORE_INK * ink[max(0, base - round(0.25 * height)):base + 1 + round(
        0.25 * height)].max()
    while base + 1 < len(ink) and (dense[base + 1] or base + 2 < len(ink) and dense[base + 2]):
        base += 1
    top, bottom = max(0, round(base - ABOVE * height)), min(len(ink), round(base + BELOW * height))
    cuts = ink[:top].any() and top >= SLIVER * height or \
        ink[bottom:].any() and len(ink) - bottom >= SLIVER * height
    return (top, bottom) if cuts else None
