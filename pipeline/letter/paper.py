"""The sheet of a phone photo, apart from the desk it lies on.

A letter photographed on a desk or a table takes in what lies around the sheet: wood, cloth, a
dark mat. Once the page's colour and light are evened out (scanprep) that surround is texture,
which tesseract reads as words at the page's edges ("RECS Eocene", "Ra", "Pe") and the fields
beside them take in: a Tembusan list with words of wood grain after it, a signature block whose
name gives way to a body word. The sheet is the bright paper; the desk is darker and runs in
from the photo's edges all around. So the dark that reaches the edges, on a thumbnail where
print no longer shows, is painted white before the page is read.

A flatbed scan or a screenshot has paper to its edges, and nothing is painted. Nor where the
dark touches only part of the edges: a full-bleed picture or a dark kop at the top of a sheet
touches one side, a desk surrounds the sheet.
"""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

SPAN = 155  # px: the thumbnail's width, ~1/16 of an A4 page at 300 dpi: letters are gone
DARK = 0.6  # of the paper's brightness: a desk, in shade or lit, is darker than this
AROUND = 0.5  # of the photo's edge pixels: a desk around the sheet reaches this many
PAPER = 90  # percentile of the thumbnail's brightness: the paper, which most of a photo is


def without_desk(img: Image.Image) -> Image.Image:
    """IMG with the desk around its sheet painted white, or IMG itself where it shows none
    (or where IMG is neither grey nor RGB: a bitonal or palette scan is no phone photo)."""
    if img.mode not in ("L", "RGB", "RGBA"):
        return img
    small = img.reduce(max(1, round(img.width / SPAN))).convert("L")
    small = small.filter(ImageFilter.MaxFilter(3))
    grey = np.asarray(small, dtype=np.float32)
    if grey.shape[0] < 3 or grey.shape[1] < 3:
        return img
    dark = grey < DARK * np.percentile(grey, PAPER)
    edge = np.concatenate([dark[0], dark[-1], dark[1:-1, 0], dark[1:-1, -1]])
    if edge.mean() < AROUND:
        return img
    desk = np.zeros_like(dark)
    desk[0], desk[-1], desk[:, 0], desk[:, -1] = dark[0], dark[-1], dark[:, 0], dark[:, -1]
    while True:  # the dark joined to the edges, a step at a time (a few hundred steps at most)
        grown = desk.copy()
        grown[1:] |= desk[:-1]
        grown[:-1] |= desk[1:]
        grown[:, 1:] |= desk[:, :-1]
        grown[:, :-1] |= desk[:, 1:]
        grown &= dark
        if (grown == desk).all():
            break
        desk = grown
    # (one thumbnail pixel into the sheet too: the shade along its edge, the JPEG's blur)
    mask = Image.fromarray(desk.astype(np.uint8) * 255).filter(ImageFilter.MaxFilter(3))
    mask = np.asarray(mask)
    out, white = img.copy(), "white"
    sx, sy = img.width / mask.shape[1], img.height / mask.shape[0]
    for row, line in enumerate(mask > 0):  # (runs of rows painted: one composite of the
        steps = np.diff(np.concatenate([[0], line.astype(np.int8), [0]]))  # page is slower)
        for x0, x1 in zip(np.nonzero(steps == 1)[0], np.nonzero(steps == -1)[0]):
            out.paste(white, (round(x0 * sx), round(row * sy), round(x1 * sx),
                              round((row + 1) * sy)))
    return out
