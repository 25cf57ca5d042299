"""Underlines and pen strokes through the signer's name, taken out before it is read again.

A naskah dinas often underlines the signer's name, and the wet signature's tail is drawn
across it. Tesseract reads such a line badly: the underline joins the letters' feet into one
shape, and a stroke through the name cuts words off ("Drs. EKO" for "Drs. EKO PRASETYO"). Both
are thin lines far longer than any stroke of a letter. A pixel belongs to one when the ink above
and below it is no thicker than a pen line (STROKE of the line's height) and its row carries
such thin ink unbroken for LONG line heights; rows are joined DRIFT pixels up and down, so that
a sloping tail counts. Only those thin pixels go: where a line crosses a letter's stem, the stem
is thicker and stays.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

STROKE = 0.16  # of the line's height: a pen line or an underline; a bold stem is thicker
LONG = 1.5  # line heights: longer than a letter's bar (T, E), as long as two letters
DRIFT = 2  # px up and down at ~300 dpi: a tail sloping up to ~10 degrees stays one run


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
