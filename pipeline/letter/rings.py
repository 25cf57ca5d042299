"""A stamp's rings found by their shape, and taken out of the signer's lines.

A cap dinas is round: a ring 2.5-5 cm across, most often a second, thinner ring inside it, the
office's name lettered between the two. It is pressed over the left of the signature block, so
its rings cut through the first words of the signer's name. Where the stamp's ink is not told
apart by its colour or grey (a black stamp on a black-and-white scan; a ring whose thin line a
JPEG or a blurred photo made grey), the ring stays in the bitmap and is read as letters ("Yg TI
Nuflela" for "Ir. Nurlela"). A ring's shape tells it whatever its ink: a circle of a stamp's
size along which ink runs almost unbroken, with paper just outside it. Letters are far smaller,
and a line of text or a table's frame is no circle.

A circle is found on a coarse grid (one cell per 1.25 mm, a cell inked when any pixel in it is)
by matching rings of each radius against the ink (by FFT: the same work for every centre);
its centre and radius are then fitted to the inked pixels along it at full resolution. The
ink along each circle about that centre (of a ring's width or more) marks the rings. Their
pixels go, except where ink lies on both sides of the ring across it: a letter's stroke
crossing the ring stays whole.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

from pipeline.letter.blocks import A4_CM

R_MIN, R_MAX = 1.1, 2.7  # cm: a stamp's radius (2.5-5 cm across, with room for a worn scan)
CELL_PER_CM = 8  # the coarse grid on which circles are looked for
MATCH = 0.35  # a circle's ink share, less that just outside it, on the coarse grid
RING = 0.45  # of a circle about the centre: this share inked is a ring of the stamp
SURE = 0.75  # and one ring at least is inked this much (a stamp's outer ring is unbroken)
SURE_COLOURED = 0.4  # or this much in the stamp's colour (nothing else on the page has it)
WIDE_CM = 0.2  # a ring is no wider than this (a filled disc, an emblem, is no ring)
INNER = 0.4  # of the radius: no ring of a stamp's lies nearer the centre (its emblem)
ROOM_CM = 0.02  # how far across a ring a crossing stroke's ink is looked for
REACH_CM = 2 * R_MAX + 0.5  # a stamp crossing a line reaches no farther from it
MAX_WIDTH = 2 * 2480  # px: pages are read at ~300 dpi, A4's width 2480 px (ocr.py)
TRIES = 2  # stamps looked for in one region (two offices may stamp one letter)


def without_rings(bw: Image.Image, box: tuple[int, int, int, int],
                  coloured: Image.Image | None = None) -> Image.Image | None:
    """BOX of the bitmap BW (ink black) with the stamps' rings in it taken out, or None where
    no stamp's ring is found there. COLOURED, where given, marks (non-zero) the ink told by
    its colour, as BW stands: a coloured stamp's rings are looked for on it first, print being
    left out; then on BW's ink (a black stamp)."""
    if bw.width > MAX_WIDTH:
        return None  # (no page: a banner kept its width, and a ring there would be huge)
    ink = np.asarray(bw.crop(box).convert("L")) < 128
    per_cm = bw.width / A4_CM
    out, found = ink.copy(), False
    looks = [(np.asarray(coloured.crop(box)) > 0, SURE_COLOURED)] if coloured else []
    for look, sure in looks + [(ink, SURE)]:
        for cx, cy, r in _circles(look, per_cm):
            m = int(r * 1.25) + 2
            x0, y0 = max(0, int(cx) - m), max(0, int(cy) - m)
            part, seen = (a[y0:int(cy) + m, x0:int(cx) + m] for a in (ink, look))
            cx, cy, r = _fitted(seen, cx - x0, cy - y0, r, per_cm * 0.15)
            # (a thin inner ring the stamp's colour left grey is in the print's bitmap only)
            share = _along(seen | part, cx, cy, r)
            spans = [(a, b) for a, b in _rings(share, r) if b - a <= WIDE_CM * per_cm]
            if spans and max(_along(seen, cx, cy, r)[a:b + 1].max() for a, b in spans) >= sure:
                found = True
                gone = _ring_pixels(part, cx, cy, spans, max(2, round(per_cm * ROOM_CM)))
                out[y0:y0 + part.shape[0], x0:x0 + part.shape[1]] &= ~gone
        if found:
            break
    return Image.fromarray(np.where(out, 0, 255).astype(np.uint8)) if found else None


def _pooled(ink: np.ndarray, f: int) -> np.ndarray:
    h, w = ink.shape[0] // f * f, ink.shape[1] // f * f
    return ink[:h, :w].reshape(h // f, f, w // f, f).any(axis=(1, 3))


def _circles(ink: np.ndarray, per_cm: float) -> list[tuple[float, float, float]]:
    """Circles of a stamp's size on INK: (x, y, radius) in pixels, roughly."""
    f = max(1, round(per_cm / CELL_PER_CM))
    cells = _pooled(ink, f)
    radii = range(int(R_MIN * per_cm / f), int(R_MAX * per_cm / f) + 1)
    if not cells.any() or min(cells.shape) < 2 * radii[0]:
        return []
    top = radii[-1] + 4
    yy, xx = np.mgrid[-top:top + 1, -top:top + 1]
    d = np.hypot(yy, xx)
    size = [1 << int(np.ceil(np.log2(n + 2 * top + 1))) for n in cells.shape]
    page = np.fft.rfft2(cells.astype(np.float32), size)
    out = []
    scores = []
    for r in radii:  # ink on the circle, less ink just outside it (a block of text has both)
        on, off = np.abs(d - r) < 0.75, np.abs(d - r - 2) < 0.75
        ring = np.fft.rfft2((on / on.sum() - off / off.sum())[::-1, ::-1], size)
        scores.append(np.fft.irfft2(page * ring, size)[top:top + cells.shape[0],
                                                       top:top + cells.shape[1]])
    scores = np.stack(scores)
    for _ in range(TRIES):
        k, y, x = np.unravel_index(np.argmax(scores), scores.shape)
        if scores[k, y, x] < MATCH:
            break
        r = radii[k]
        out.append(((x + 0.5) * f, (y + 0.5) * f, r * f))
        yy, xx = np.ogrid[:cells.shape[0], :cells.shape[1]]
        scores[:, np.hypot(yy - y, xx - x) < 2 * r] = 0  # (the next stamp is another)
    return out


def _fitted(ink: np.ndarray, cx: float, cy: float, r: float, tol: float
            ) -> tuple[float, float, float]:
    """The circle (x, y, radius) fitted to INK's pixels within TOL of the rough one, closer
    each round (least squares on x^2 + y^2 = 2ax + 2by + c)."""
    ys, xs = np.nonzero(ink)
    for t in (tol, tol / 2, tol / 3):
        near = np.abs(np.hypot(xs - cx, ys - cy) - r) < t
        if near.sum() < 20:
            break
        x, y = xs[near].astype(float), ys[near].astype(float)
        (a, b, c), *_ = np.linalg.lstsq(np.c_[2 * x, 2 * y, np.ones_like(x)], x * x + y * y,
                                        rcond=None)
        cx, cy, r = a, b, float(np.sqrt(max(c + a * a + b * b, 1.0)))
    return cx, cy, r


def _along(ink: np.ndarray, cx: float, cy: float, r: float) -> np.ndarray:
    """For each whole radius up to a little past R, the share of its circle that is inked."""
    ys, xs = np.nonzero(ink)
    n = int(r * 1.15) + 2
    d = np.round(np.hypot(xs - cx, ys - cy)).astype(int)
    hist = np.bincount(d[d < n], minlength=n)[:n]
    return hist / (2 * np.pi * np.maximum(np.arange(n), 1))


def _rings(share: np.ndarray, r: float) -> list[tuple[int, int]]:
    """The radii (first, last) of each ring: runs of circles inked over RING of their length."""
    spans, start = [], None
    for k, s in enumerate(share):
        if s >= RING and k > INNER * r:
            start = k if start is None else start
        elif start is not None:
            spans.append((start, k - 1))
            start = None
    if start is not None:
        spans.append((start, len(share) - 1))
    return spans


def _ring_pixels(ink: np.ndarray, cx: float, cy: float, spans, room: int) -> np.ndarray:
    """INK's pixels on the rings SPANS about (CX, CY), but those of a stroke crossing a ring:
    ink (within a pixel) both inside and outside it, ROOM past its edges along the radius."""
    h, w = ink.shape
    yy, xx = np.mgrid[:h, :w]
    d = np.maximum(np.hypot(xx - cx, yy - cy), 1.0)
    near = ink.copy()
    near[1:] |= ink[:-1]
    near[:-1] |= ink[1:]
    near[:, 1:] |= near[:, :-1].copy()
    near[:, :-1] |= near[:, 1:].copy()
    gone = np.zeros_like(ink)
    for a, b in spans:
        ys, xs = np.nonzero(ink & (d >= a - 1.5) & (d <= b + 1.5))
        ux, uy, dd = (xs - cx) / d[ys, xs], (ys - cy) / d[ys, xs], d[ys, xs]

        def probe(to: np.ndarray) -> np.ndarray:
            px = np.clip(np.round(cx + ux * to).astype(int), 0, w - 1)
            py = np.clip(np.round(cy + uy * to).astype(int), 0, h - 1)
            return near[py, px]

        crossing = probe(np.full_like(dd, a - 1.5 - room)) \
            & probe(np.full_like(dd, b + 1.5 + room))
        gone[ys[~crossing], xs[~crossing]] = True
    return gone


class Ringless:
    """Bands of one page without its stamps' rings: the rings are looked for once, in a
    region around the first band asked for, as high as a stamp may reach above and below it
    (REACH_CM), across the page."""

    def __init__(self, bw: Image.Image, coloured: Image.Image | None):
        self.bw, self.coloured, self.region, self.page = bw, coloured, None, None

    def band(self, box: tuple[int, int, int, int]) -> Image.Image | None:
        """BOX of the page without the rings, or None where no ring crosses it."""
        reach = int(REACH_CM * self.bw.width / A4_CM)
        if self.region is None:
            self.region = (0, max(0, box[1] - reach), self.bw.width,
                           min(self.bw.height, box[3] + reach))
            self.page = without_rings(self.bw, self.region, self.coloured)
        x0, y0, _, y1 = self.region
        if self.page is None or box[1] < y0 or box[3] > y1:
            return None
        if not self.ring_share(box):
            return None
        return self.page.crop((box[0] - x0, box[1] - y0, box[2] - x0, box[3] - y0))

    def ring_share(self, box: tuple[int, int, int, int]) -> float:
        """Of the page's ink in BOX (where band was asked for), the share that is a ring's."""
        x0, y0, _, y1 = self.region or (0, 0, 0, 0)
        if self.page is None or box[1] < y0 or box[3] > y1:
            return 0.0
        was = int((np.asarray(self.bw.crop(box).convert("L")) < 128).sum())
        left = self.page.crop((box[0] - x0, box[1] - y0, box[2] - x0, box[3] - y0)).histogram()[0]
        return max(0.0, 1 - left / was) if was else 0.0
