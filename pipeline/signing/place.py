# SPDX-License-Identifier: AGPL-3.0-or-later
"""Where the electronic signature block goes: in the signature space of the letter itself.

A naskah dinas leaves blank lines between the signer's jabatan and name for the signature.
The block is put there, found in the converted PDF from the positions of the text, so any
template works (the office's own included): the last line above the signer's name line, in
the name's column, is the jabatan. When that space is too small, the block goes to the
nearest free space of the signature column on the same page, and when the page has none, to a
new last page. It never lies over anything the letter prints: every candidate is checked
against every glyph, rule and image of the page.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pdfplumber

MIN_HEIGHT = 34.0     # below this the QR code is too small for a phone camera (pt)
MAX_HEIGHT = 64.0
PAD = 2.0             # clearance from the text above and below (pt)
MARGIN = 28.0         # keep the block this far inside the paper's edge (pt)


@dataclass(frozen=True)
class Placement:
    page: int                                   # 0-based page index in the final PDF
    box: tuple[float, float, float, float]      # x1, y1, x2, y2 in PDF points, origin bottom-left
    new_page: bool = False                      # the caller must append a blank page first
    in_signature_space: bool = False            # between jabatan and name, as it should be
    page_size: tuple[float, float] = (595.0, 842.0)     # of the last page (a new one copies it)


@dataclass(frozen=True)
class _Line:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _lines(page) -> list[_Line]:
    words = page.extract_words(keep_blank_chars=False, use_text_flow=True)
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        for row in rows:
            if abs(row[0]["top"] - w["top"]) < 3 and abs(row[0]["bottom"] - w["bottom"]) < 4:
                row.append(w)
                break
        else:
            rows.append([w])
    out = []
    for row in rows:
        # One visual row may hold separate columns (a table): split at wide horizontal gaps.
        row.sort(key=lambda w: w["x0"])
        part = [row[0]]
        for w in row[1:]:
            if w["x0"] - part[-1]["x1"] > 24:
                out.append(_join(part))
                part = []
            part.append(w)
        out.append(_join(part))
    return sorted(out, key=lambda ln: ln.top)


def _join(words: list[dict]) -> _Line:
    return _Line(min(w["x0"] for w in words), max(w["x1"] for w in words),
                 min(w["top"] for w in words), max(w["bottom"] for w in words),
                 " ".join(w["text"] for w in words))


def _obstacles(page) -> list[tuple[float, float, float, float]]:
    """Everything inked on the page, as (x0, top, x1, bottom) boxes."""
    boxes = [(c["x0"], c["top"], c["x1"], c["bottom"]) for c in page.chars
             if c.get("text", "").strip()]
    for kind in (page.lines, page.rects, page.curves, page.images):
        boxes += [(o["x0"], o["top"], o["x1"], o["bottom"]) for o in kind]
    return boxes


def _clear(box, obstacles) -> bool:
    x0, top, x1, bottom = box
    return not any(o[0] < x1 and o[2] > x0 and o[1] < bottom and o[3] > top for o in obstacles)


def _name_line(lines: list[_Line], name: str) -> int | None:
    """Index of the last line that holds the signer's name (or its first words, wrapped)."""
    wanted = _norm(name)
    for i in range(len(lines) - 1, -1, -1):
        text = _norm(lines[i].text)
        if wanted in text or (len(text) >= 8 and wanted.startswith(text)):
            return i
    return None


def _column(page_width: float, center: float, width: float) -> tuple[float, float]:
    x0 = min(max(center - width / 2, MARGIN), page_width - MARGIN - width)
    return max(x0, MARGIN), max(x0, MARGIN) + width


def find(pdf: bytes, name: str, width: float) -> Placement:
    """The block's page and box for a letter PDF signed by NAME; WIDTH is the block's width
    at full height (it scales with the height that fits).

    The page is the one holding the signer's name, searched from the back (the Tembusan may
    run onto a page of its own); the last page when the name is not found at all.
    """
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        last = len(doc.pages) - 1
        for number in range(last, -1, -1):
            page = doc.pages[number]
            lines = _lines(page)
            idx = _name_line(lines, name)
            if idx is not None or number == 0:
                break
        if idx is None:
            number, page = last, doc.pages[last]
            lines = _lines(page)
        w, h = float(page.width), float(page.height)
        obstacles = _obstacles(page)
        center = (lines[idx].x0 + lines[idx].x1) / 2 if idx is not None else w * 0.7
        if idx is not None:
            placed = _in_signature_space(lines, idx, obstacles, w, center, width)
            if placed is not None:
                x0, top, x1, bottom = placed
                return Placement(number, (x0, h - bottom, x1, h - top), in_signature_space=True)
        free = _free_band(obstacles, w, h, center, width,
                          start=lines[idx].bottom if idx is not None else MARGIN)
        if free is not None:
            x0, top, x1, bottom = free
            return Placement(number, (x0, h - bottom, x1, h - top))
        if number != last:          # no room by the name: the free space of the last page
            free = _free_band(_obstacles(doc.pages[last]), w, h, center, width, start=MARGIN)
            if free is not None:
                x0, top, x1, bottom = free
                return Placement(last, (x0, h - bottom, x1, h - top))
        x0, x1 = _column(w, center, width)
    return Placement(last + 1, (x0, h - MARGIN * 3 - MAX_HEIGHT, x1, h - MARGIN * 3),
                     new_page=True, page_size=(w, h))


def _in_signature_space(lines, idx, obstacles, page_width, center, width):
    name = lines[idx]
    above = [ln for ln in lines[:idx] if ln.bottom <= name.top + 1
             and ln.x0 < name.x1 + 40 and ln.x1 > name.x0 - 40]
    # No line above: the page broke inside the signature area, and the jabatan ended the
    # page before; the space above the name at the top of this page is the signature space.
    ceiling = max(ln.bottom for ln in above) if above else MARGIN
    top, bottom = ceiling + PAD, name.top - PAD
    height = min(bottom - top, MAX_HEIGHT)
    if height < MIN_HEIGHT:
        return None
    mid = (top + bottom) / 2
    top, bottom = mid - height / 2, mid + height / 2
    block_width = width * height / MAX_HEIGHT
    x0, x1 = _column(page_width, center, block_width)
    box = (x0, top, x1, bottom)
    return box if _clear(box, obstacles) else None


def _free_band(obstacles, page_width, page_height, center, width, start: float):
    """The free box nearest below START (then above it) in the signature column."""
    height = MAX_HEIGHT
    x0, x1 = _column(page_width, center, width)
    start = max(start, MARGIN)
    candidates = [y for y in _steps(start, page_height - MARGIN - height)]
    candidates += [y for y in _steps(MARGIN, start)][::-1]
    for top in candidates:
        for lo, hi in ((x0, x1), _column(page_width, page_width - MARGIN - width / 2, width)):
            box = (lo, top, hi, top + height)
            if _clear(box, obstacles):
                return box
    return None


def _steps(start: float, stop: float, step: float = 4.0):
    y = start
    while y <= stop:
        yield y
        y += step
