# SPDX-License-Identifier: AGPL-3.0-or-later
"""Where the electronic signature block goes: in the signature space of the letter itself.

A naskah dinas leaves blank lines between the signer's jabatan and name for the signature.
The block is put there, found in the converted PDF from the positions of the text (pdfium's
glyph boxes: a tenth of the time pdfminer takes, which counted in a batch of 50), so any
template works (the office's own included): the last line above the signer's name line, in
the name's column, is the jabatan. When that space is too small, the block goes to the
nearest free space of the signature column on the same page, and when the page has none, to a
new last page. It never lies over anything the letter prints: every candidate is checked
against every glyph, rule and image of the page.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass

import pypdfium2 as pdfium

MIN_HEIGHT = 34.0     # below this the QR code is too small for a phone camera (pt)
MAX_HEIGHT = 64.0
PAD = 2.0             # clearance from the text above and below (pt)
PDFIUM = threading.Lock()   # one PDFium call at a time in this process (web threads, lanes)
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


def _glyphs(page, height: float) -> tuple[list[dict], list[dict]]:
    """(words, ink): words as the text stream splits them, with the font's line height
    (pdfium's loose boxes), and every visible glyph's tight box; top-down coordinates."""
    textpage = page.get_textpage()
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count)
    words: list[list[dict]] = [[]]
    ink = []
    for i in range(min(count, len(text))):
        if text[i].isspace():
            words.append([])
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        ink.append({"x0": left, "x1": right, "top": height - top, "bottom": height - bottom})
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        words[-1].append({"x0": left, "x1": right, "top": height - top,
                          "bottom": height - bottom, "text": text[i]})
    return [{"x0": min(c["x0"] for c in w), "x1": max(c["x1"] for c in w),
             "top": min(c["top"] for c in w), "bottom": max(c["bottom"] for c in w),
             "text": "".join(c["text"] for c in w)} for w in words if w], ink


def _lines(words: list[dict]) -> list[_Line]:
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


def _obstacles(page, height: float, glyphs: list[dict]) -> list[tuple[float, float, float,
                                                                       float]]:
    """Everything inked on the page, as (x0, top, x1, bottom) boxes: each glyph, and each
    path, image or shading."""
    boxes = [(g["x0"], g["top"], g["x1"], g["bottom"]) for g in glyphs]
    for obj in page.get_objects(max_depth=8):
        if obj.type in (pdfium.raw.FPDF_PAGEOBJ_PATH, pdfium.raw.FPDF_PAGEOBJ_IMAGE,
                        pdfium.raw.FPDF_PAGEOBJ_SHADING):
            left, bottom, right, top = obj.get_bounds()
            boxes.append((left, height - top, right, height - bottom))
    return boxes


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[_Line]
    obstacles: list[tuple[float, float, float, float]]


def _read(doc, number: int) -> _Page:
    page = doc[number]
    width, height = page.get_size()
    words, ink = _glyphs(page, height)
    return _Page(number, width, height, _lines(words), _obstacles(page, height, ink))


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
    with PDFIUM:            # PDFium is not thread-safe: two signers at once crashed the process
        doc = pdfium.PdfDocument(pdf)
        try:
            last = len(doc) - 1
            page = idx = None
            for number in range(last, -1, -1):
                page = _read(doc, number)
                idx = _name_line(page.lines, name)
                if idx is not None:
                    break
            if idx is None:
                page = _read(doc, last)
            return _place(doc, page, idx, name, width)
        finally:
            doc.close()


def _place(doc, page: _Page, idx: int | None, name: str, width: float) -> Placement:
    last = len(doc) - 1
    w, h, lines = page.width, page.height, page.lines
    center = (lines[idx].x0 + lines[idx].x1) / 2 if idx is not None else w * 0.7
    if idx is not None:
        placed = _in_signature_space(lines, idx, page.obstacles, w, center, width)
        if placed is not None:
            x0, top, x1, bottom = placed
            return Placement(page.number, (x0, h - bottom, x1, h - top),
                             in_signature_space=True)
    free = _free_band(page.obstacles, w, h, center, width,
                      start=lines[idx].bottom if idx is not None else MARGIN)
    if free is not None:
        x0, top, x1, bottom = free
        return Placement(page.number, (x0, h - bottom, x1, h - top))
    if page.number != last:         # no room by the name: the free space of the last page
        free = _free_band(_read(doc, last).obstacles, w, h, center, width, start=MARGIN)
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
