"""Scanned pages and photos to lines, via poppler's pdftoppm and the tesseract CLI.

Tesseract's TSV gives word boxes, so the same column logic as for text PDFs applies; its own
line ids are used (not raw `top`) because they survive a slightly skewed scan.
"""
from __future__ import annotations

import io
import os
import re
import subprocess
import tempfile
import threading
import time
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Callable, TypeVar

from pipeline.letter import (columnread, handday, nameline, namerow, nomorline, postline,
                             tessapi)
from pipeline.letter.misreads import LABEL_WORDS, cleaned
from pipeline.letter.lines import Line, from_words
from pipeline.letter.titles import is_title
from pipeline.letter.tsv import words as tsv_words
from pipeline.letter.model import Limits, Refused

ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}
A4_WIDTH_300DPI = 2480
LANGS = "ind+eng"
UPSCALE_BELOW = 0.75  # of 300 dpi: scans at 200 dpi and phone photos are enlarged
# a speck before "SEMARANG, 27 Desember 2024" read as a mark (in the body, a bullet may be print,
# set apart by its space), or glued to the place as no print is ("_-Mangupura, 29 April 2026"),
# or a stamp's ring read as a digit ("0. Semarang, 13 April 2026": no list item stands there)
SPECK_BEFORE_DATE = re.compile(r"^(?:[^\w\s(\-\u2022]{1,3}\s+|[^A-Za-z0-9\s(\u2022]{1,3}"
                               r"|\d[.,]?\s+)(?=[A-Z][A-Za-z .'-]{1,40},\s*\d)")
# "Yth." read with its t and h run together, or its Y as a yen sign
YTH_MISREAD = re.compile(r"(?:Y(?:in|tn|ih)|\u00a5th)\.")
CHEVRON = {">", "\u00bb", "\u203a"}
# Indonesian with English: names, abbreviations and degrees read better with both models;
# print is dark on light paper: tesseract need not try each line inverted (its default)
PAGE_CMD = ["tesseract", "-", "-", "-l", LANGS, "--psm", "6", "-c", "tessedit_do_invert=0",
            "tsv"]
ABANDON_POLL = 0.05  # s: how soon a page's abandoned reading stops (readahead)
_STOP = threading.local()  # the event that abandons this thread's reading, if any
T = TypeVar("T")


def _run(cmd: list[str], stdin: bytes, timeout: float) -> bytes:
    stop = getattr(_STOP, "event", None)
    want = tessapi.spec(cmd)
    if want is not None and tessapi.available():
        return tessapi.run(want, stdin, timeout, stop)
    try:
        done = (subprocess.run(cmd, input=stdin, capture_output=True, timeout=timeout, env=ENV)
                if stop is None else _run_until(cmd, stdin, timeout, stop))
    except FileNotFoundError:
        raise Refused(f"{cmd[0]} is not installed; cannot read scanned letters") from None
    except subprocess.TimeoutExpired:
        raise Refused(f"{cmd[0]} took longer than {timeout:.0f} s") from None
    if done.returncode != 0:
        raise Refused(f"{cmd[0]} failed: {done.stderr.decode(errors='replace')[:200].strip()}")
    return done.stdout


def warm(readers: int) -> None:
    """The models a scanned page's reading loads (the page's and its bands', the name's line
    in English), loaded now for READERS threads, so that a reader forked after this (sandbox)
    does not load them again for each letter."""
    tessapi.warm(PAGE_CMD, readers)
    tessapi.warm(nameline.CMD, 1)


def abandonable(stop: threading.Event, read: Callable[[], T]) -> T:
    """READ's result, its tesseract and poppler runs killed once STOP is set (a page read
    ahead that the letter did not need: readahead)."""
    _STOP.event = stop
    try:
        return read()
    finally:
        _STOP.event = None


def _run_until(cmd: list[str], stdin: bytes, timeout: float, stop: threading.Event
               ) -> subprocess.CompletedProcess:
    """CMD run as subprocess.run would, killed where STOP is set first. (Its input comes from
    a file: communicate, called again after a timeout, sends no more of an input it was given.)"""
    if stop.is_set():
        raise Refused("the page's reading was abandoned")
    deadline = time.monotonic() + timeout
    with tempfile.TemporaryFile(prefix="paraf-ocr-") as src:
        src.write(stdin)
        src.seek(0)
        with subprocess.Popen(cmd, stdin=src, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=ENV) as proc:
            while True:
                try:
                    out, err = proc.communicate(timeout=ABANDON_POLL)
                    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)
                except subprocess.TimeoutExpired:
                    if stop.is_set() or time.monotonic() > deadline:
                        proc.kill()
                        proc.communicate()
                        if stop.is_set():
                            raise Refused("the page's reading was abandoned") from None
                        raise


def ocr_png(png: bytes, page: int, timeout: float, image=None, grey=None, pen=None
            ) -> list[Line]:
    """Lines of a page image (PNG or PBM bytes); IMAGE, the same page (and GREY, it in grey),
    lets the signer's name be read again: alone, where the page's reading of it is spoilt
    (namerow), and for the Q the Indonesian model cannot write (nameline); PEN (a box to its
    crop with ink of every colour) a hand-written day (handday)."""
    tsv = _run(PAGE_CMD, png, timeout)
    words, width = tsv_words(tsv)
    for w in words:  # (as a word, so that the addressee's column is found by it: lines.ANCHOR)
        if YTH_MISREAD.fullmatch(w.text):
            w.text = "Yth."
    _colons(words)
    words = _read_once(words)
    if image is not None and words:
        if page == 1:
            words = columnread.reread(image, words, _run, timeout, LANGS)
        words = namerow.reread(image, words, _run, timeout, LANGS, grey)
        words = postline.with_post_end(image, words, _run, timeout, LANGS, grey)
        words = nameline.with_q(image, words, _run, timeout)
        if page == 1:
            words = nomorline.with_nomor(image, grey, words, _run, timeout, LANGS)
        look = pen or (grey if grey is not None else image).crop
        words = handday.with_day(look, words, _run, timeout)
    lines = _titles_joined(from_words(words, width, page, ocr=True))
    for ln in lines:
        ln.text = cleaned(ln.text)
        if ln.x0 is not None and ln.x0 > 0.4:  # where a letter dates itself, top or bottom right
            ln.text = SPECK_BEFORE_DATE.sub("", ln.text)
    return lines


def _read_once(words: list) -> list:
    """WORDS without one tesseract read twice: on a curved photo line it may fit two lines
    through one word's ink, and read a piece of it again as a word of its own ("B" inside
    "(BOSP)", a line of its own in a wrapped Hal). Such a word lies within the other's box, on
    another of its lines, and reads as letters of it; a word a stroke's stretched box covers
    reads as other letters, and stays."""
    def within(a, b) -> bool:
        inner = max(0, min(a.x1, b.x1) - max(a.x0, b.x0)) * max(
            0, min(a.bottom, b.bottom) - max(a.top, b.top))
        return inner >= 0.9 * (a.x1 - a.x0) * (a.bottom - a.top) > 0

    if len(words) < 2:
        return words
    by_top = sorted(words, key=lambda w: w.top)
    tops = [w.top for w in by_top]
    tall = max(w.bottom - w.top for w in words)
    twice = set()
    for w in words:
        mine = namerow.bare(w.text)
        # (a box holding W's starts at most its height above W's foot, and by W's foot)
        for o in by_top[bisect_left(tops, w.bottom - tall):bisect_right(tops, w.bottom)]:
            if o.key != w.key and mine and within(w, o) and mine in namerow.bare(o.text) and \
                    len(namerow.bare(o.text)) > len(mine):
                twice.add(id(w))
                break
    return [w for w in words if id(w) not in twice]


def _colons(words) -> None:
    """A label's colon that a phone photo's blur read as a chevron (its two dots run into one
    stroke: "Lampiran > 2 (dua) lembar", "Dari > Kepala Bagian ...") set back to a colon, so
    that the row holds together however far its value stands (lines._segments). Only right
    after a heading row's label: no naskah dinas prints a ">" there."""
    by_row: dict = {}
    for w in words:
        by_row.setdefault(w.key, []).append(w)
    for row in by_row.values():
        row.sort(key=lambda w: w.x0)
        for prev, w in zip(row, row[1:]):
            if w.text in CHEVRON and prev.text.rstrip(".").lower() in LABEL_WORDS:
                w.text = ":"


def _titles_joined(lines: list[Line]) -> list[Line]:
    """LINES with a name's front titles read as a line of their own ("Dr. Ir.") joined to the
    name beside them on the same row ("Andi Nurfaidah …"): a column edge the row above sets
    (the post's line, lines.from_words) may part them, and no line holds titles alone."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev and prev.text.split() and all(is_title(t) for t in prev.text.split()) \
                and None not in (prev.top, ln.top, prev.x1, ln.x0) \
                and abs(prev.top - ln.top) < 0.008 and -0.005 < ln.x0 - prev.x1 < 0.03:
            out[-1] = replace(ln, text=f"{prev.text} {ln.text}", x0=prev.x0,
                              conf=min(prev.conf, ln.conf))
            continue
        out.append(ln)
    return out


def render_pdf_page(data: bytes, page: int, dpi: int, timeout: float) -> bytes:
    with tempfile.TemporaryDirectory(prefix="paraf-ocr-") as tmp:
        src = os.path.join(tmp, "in.pdf")
        with open(src, "wb") as fh:
            fh.write(data)
        return _run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page),
                     "-singlefile", src], b"", timeout)


def ocr_image(data: bytes, limits: Limits) -> list[Line]:
    """A photo or scan sent as JPG/PNG/TIFF: bounded in pixels, upright, grey, ~300 dpi wide."""
    from PIL import Image, ImageOps

    from pipeline.letter.scanprep import page_shaped

    Image.MAX_IMAGE_PIXELS = limits.max_pixels
    try:
        img = Image.open(io.BytesIO(data))
        if img.width * img.height > limits.max_pixels:
            raise Refused(f"image has {img.width * img.height / 1e6:.0f} megapixels, "
                          f"limit is {limits.max_pixels / 1e6:.0f}")
        img = ImageOps.exif_transpose(img)
        img.load()
        if not page_shaped(img):
            raise Refused(f"image is not shaped like a page ({img.width} x {img.height} pixels)")
    except Image.DecompressionBombError:
        raise Refused(f"image exceeds {limits.max_pixels / 1e6:.0f} megapixels") from None
    except (OSError, SyntaxError, ValueError) as e:
        raise Refused(f"corrupt image: {e}") from None
    return ocr_pil(img, 1, limits.seconds)


def ocr_pil(img, page: int, timeout: float) -> list[Line]:
    """A page image, cleaned and straightened (scanprep), read by tesseract as a bitmap."""
    from pipeline.letter.scanprep import page_shaped, pen_ink, prepare_page

    if not page_shaped(img):
        width = None  # a sliver or a banner: enlarged to a page's width, a memory bomb
    elif img.width > A4_WIDTH_300DPI * 1.3 or img.width < A4_WIDTH_300DPI * UPSCALE_BELOW:
        # tesseract reads best at ~300 dpi; a 200-dpi scan or a phone photo (150-200 dpi) has
        # thin strokes that break apart at binarization unless the page is enlarged first
        # (measured on the generated scans: 94.5 -> 95.9 % of fields, +0.17 s CPU a page)
        width = A4_WIDTH_300DPI
    else:
        width = None
    buf = io.BytesIO()
    bw, grey = prepare_page(img, width)
    bw = bw.convert("1", dither=0)
    bw.save(buf, "PPM")  # 1-bit PBM: nothing to decode
    return ocr_png(buf.getvalue(), page, timeout, bw, grey,
                   lambda box: pen_ink(img, grey, box))
