"""PDF to lines: text layer with positions when it is real, OCR when it is missing or garbage.

PDFium (already present under pdfplumber) gives per-character boxes several times faster than
pdfminer. Pages are read one at a time and only while the letter still runs on (no signature
yet, or a Tembusan list may continue), so a long appendix behind the letter costs nothing.
"""
from __future__ import annotations

import io
import re
from difflib import SequenceMatcher

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.letter import readahead
from pipeline.letter.body import footer
from pipeline.letter.letterhead import GOV
from pipeline.letter.lines import Line, Word, from_words
from pipeline.letter.marks import NIP, TEMBUSAN
from pipeline.letter.model import Limits, Refused
from pipeline.letter.ocr import ocr_pil, render_pdf_page
from pipeline.letter.questions import ATTACHED, ATTACHMENT

LETTER_PAGES = 6
RULE_WIDTH, RULE_LENGTH = 2.5, 8.0  # pt: a cell's border is thin, and a line of text tall


def _open(data: bytes, limits: Limits) -> pdfium.PdfDocument:
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise Refused("encrypted PDF (password required)") from None
        raise Refused(f"corrupt PDF ({e})") from None
    n = len(doc)
    if n == 0:
        doc.close()
        raise Refused("PDF has no pages")
    if n > limits.max_pages:
        doc.close()
        raise Refused(f"PDF has {n} pages, limit is {limits.max_pages}")
    return doc


def _words(page) -> list[Word]:
    """Group characters into words by spaces, line changes and horizontal gaps."""
    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        text = tp.get_text_range(0, n) if n else ""
        height = page.get_height()
        words, cur, last = [], [], None
        for i, ch in enumerate(text[:n]):
            if ch.isspace():
                last = None
                if cur:
                    words.append(cur)
                    cur = []
                continue
            l, b, r, t = tp.get_charbox(i, loose=True)
            if r <= l and t <= b:
                continue
            box = (l, height - t, r, height - b)
            if last and (abs(box[3] - last[3]) > 0.5 * (box[3] - box[1])
                         or box[0] - last[2] > 0.25 * (box[3] - box[1]) + 1):
                words.append(cur)
                cur = []
            # PDFium marks a hyphen at a line's end as possibly soft (U+FFFE, or 0x02): it is
            # printed, so it is a hyphen
            cur.append(("-" if ch in "\ufffe\x02" else ch, box))
            last = box
        if cur:
            words.append(cur)
    finally:
        tp.close()
    out = []
    for w in words:
        size = max(c[1][3] - c[1][1] for c in w)
        bottom = max(c[1][3] for c in w)
        out.append(Word("".join(c[0] for c in w), w[0][1][0], w[-1][1][2],
                        bottom - size, bottom))
    return out


def _text_ok(words: list[Word]) -> bool:
    text = "".join(w.text for w in words)
    if len(text) < 40:
        return False
    letters = sum(c.isalpha() for c in text)
    vowels = sum(c in "aeiouAEIOU" for c in text)
    return letters / len(text) > 0.5 and vowels / max(letters, 1) > 0.2


def _scan_dpi(page, limits: Limits) -> int:
    """Render no finer than the scan itself; upscaling only costs OCR time."""
    best = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        l, b, r, t = obj.get_bounds()
        try:
            px_w, _ = obj.get_px_size()
        except pdfium.PdfiumError:
            continue
        if r - l > 100:
            best = max(best, px_w / ((r - l) / 72))
    return int(min(limits.ocr_dpi, max(best, 150))) if best else limits.ocr_dpi


def _rules(page) -> list[tuple[float, float, float]]:
    """The page's vertical rules as (x, top, bottom), top down: a table's cell borders, drawn
    as thin paths (Word and LibreOffice draw each border as one)."""
    height, out = page.get_height(), []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        if right - left <= RULE_WIDTH and top - bottom >= RULE_LENGTH:
            out.append(((left + right) / 2, height - top, height - bottom))
    return out


def _scan_image(page):
    """The page's scan itself when the page is one image (as scanners write it), else None."""
    w, h = page.get_width(), page.get_height()
    imgs = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
    if len(imgs) != 1:
        return None
    l, b, r, t = imgs[0].get_bounds()
    if (r - l) < 0.9 * w or (t - b) < 0.9 * h:
        return None
    try:
        return imgs[0].get_bitmap(render=False).to_pil()
    except (pdfium.PdfiumError, ValueError, OSError):
        return None


def _scan_of(page, limits: Limits):
    """A scanned page's image to read: its embedded image when there is one (colour kept, so
    stamps can be told from print), else the resolution to render it at (_ocr_page)."""
    img = _scan_image(page)
    if img is None or img.width * img.height > limits.max_pixels:
        return _scan_dpi(page, limits)
    return img


def _pixels(page, scan) -> int:
    if isinstance(scan, int):
        return int(page.get_width() * scan / 72) * int(page.get_height() * scan / 72)
    return scan.width * scan.height


def _ocr_page(data: bytes, scan, no: int, limits: Limits) -> list[Line]:
    """OCR of a scanned page: SCAN, its image, or the resolution to render it at."""
    if isinstance(scan, int):
        from PIL import Image

        scan = Image.open(io.BytesIO(render_pdf_page(data, no, scan, limits.seconds)))
    return ocr_pil(scan, no, limits.seconds)


def read_pdf(data: bytes, limits: Limits) -> tuple[list[Line], str]:
    """The letter's lines, page by page while it runs on (_letter_ends); a scanned page's next
    page read beside it (readahead)."""
    doc = _open(data, limits)
    lines: list[Line] = []
    ocr_used = False
    last = min(len(doc), LETTER_PAGES)
    ahead = readahead.Ahead() if readahead.possible() else None
    try:
        for no in range(1, last + 1):
            got = ahead and ahead.take(no)
            if not got:
                got = _read_page(data, doc, no, limits, ahead if no < last else None)
            if no > 1:
                got = (_drop_running_header(lines, got[0]), got[1])
            lines.extend(got[0])
            ocr_used |= got[1]
            if _letter_ends(lines, no):
                break
    finally:
        if ahead:
            ahead.drop()
        doc.close()
    return lines, ("scan" if ocr_used else "pdf")


def _read_page(data: bytes, doc, no: int, limits: Limits, ahead) -> tuple[list[Line], bool]:
    """Page NO's lines, and whether it was scanned; a scan's next page begun beside it on
    AHEAD (readahead.Ahead, or None)."""
    page = doc[no - 1]
    try:
        words = _words(page)
        if _text_ok(words):
            return from_words(words, page.get_width(), no, rules=_rules(page)), False
        scan = _scan_of(page, limits)
        if ahead is not None and _pixels(page, scan) <= readahead.PIXELS:
            _begin(data, doc, no + 1, limits, ahead)
        return _ocr_page(data, scan, no, limits), True
    except pdfium.PdfiumError as e:
        raise Refused(f"corrupt PDF page {no} ({e})") from None
    finally:
        page.close()


def _begin(data: bytes, doc, no: int, limits: Limits, ahead) -> None:
    """Page NO's OCR begun on AHEAD, where it is a scan no finer than readahead.PIXELS. Not
    where loading it fails: it is loaded again where the letter wants it, and fails there as
    it would have (a page after the letter's end may be broken). PDFium stays on this thread,
    which is the only one it may run on; the image goes off it as a copy of PDFium's buffer."""
    try:
        page = doc[no - 1]
    except pdfium.PdfiumError:
        return
    try:
        if _text_ok(_words(page)):
            return  # (a text page costs no time to read in turn)
        scan = _scan_of(page, limits)
        if _pixels(page, scan) > readahead.PIXELS:
            return
        scan = scan if isinstance(scan, int) else scan.copy()
    except Exception:  # noqa: BLE001 - see above
        return
    finally:
        page.close()
    ahead.begin(no, lambda: (_ocr_page(data, scan, no, limits), True))


def _letter_ends(lines: list[Line], no: int) -> bool:
    """Whether the letter ends with page NO, whose LINES are read: signed, and neither a
    forwarded letter nor its Tembusan list nor its questions going on overleaf."""
    nips = [i for i, ln in enumerate(lines) if NIP.search(ln.text)]
    if not nips:
        return False
    after = lines[nips[-1]:]
    if any(GOV.match(ln.text) for ln in after):
        return False  # a new letterhead after the signature: a forwarded letter follows
    if any(TEMBUSAN.match(ln.text) for ln in after) or no > lines[nips[-1]].page:
        # (a letter whose questions are "sebagaimana terlampir" has them on the
        # attachment after it: its pages are read on to the attachment)
        if not _list_runs_on(after) and (any(ATTACHMENT.match(ln.text) for ln in after)
                                         or not any(ATTACHED.search(ln.text)
                                                    for ln in lines[:nips[-1]])):
            return True
    return False


def _drop_running_header(first: list[Line], got: list[Line]) -> list[Line]:
    """A letterhead or page header repeated on top of every page is not more of the letter."""
    k = 0
    while k < len(got) and k < len(first) and _same(got[k], first[k]):
        k += 1
    if k < 2:
        return got
    while k < len(got) and got[k].blank:
        k += 1
    return got[k:]


def _same(a: Line, b: Line) -> bool:
    """The same printed line: read twice by OCR it may differ in a letter or two."""
    if a.text == b.text:
        return True
    return a.ocr and b.ocr and SequenceMatcher(None, a.text.lower(), b.text.lower()).ratio() > 0.9


LAST_COPY = re.compile(r"^\W{0,3}(?:\d{1,2}\W{1,2}\s*)?(?:arsip|pertinggal)\b", re.I)


def _list_runs_on(lines: list[Line]) -> bool:
    """True when the page ends inside the Tembusan list, which may continue overleaf, or on
    its heading ("Tembusan:" at the foot of the page, the names on the next)."""
    # (an electronically signed letter's footer, "Dokumen ini telah ditandatangani …", is
    # printed under the list on every page)
    filled = [ln for k, ln in enumerate(lines) if not ln.blank and not footer(lines, k)]
    if filled and TEMBUSAN.match(filled[-1].text) and not TEMBUSAN.match(filled[-1].text).group(1):
        return True
    # (the page ending in the list, marked or not, with or without its ";" (which a scan may
    # read as ","), the one next page is read, and copies.tembusan tells if the list goes on:
    # a page of text is cheap to read, and a scan's next page is one page's OCR)
    # (not after "Arsip" or "Pertinggal", the office's own copy, which a list names last, nor
    # after an entry closed with a stop, the list's last)
    if filled and any(TEMBUSAN.match(ln.text) and ln.page == filled[-1].page
                      for ln in filled[:-1]) and not LAST_COPY.search(filled[-1].text) \
            and not filled[-1].text.rstrip().endswith("."):
        return True
    return bool(filled) and re.match(r"^\s*(\d+\s*[.)]|[-\u2022\u2013*])", filled[-1].text) is not None \
        and filled[-1].text.rstrip().endswith((";",) + ((":",) if filled[-1].ocr else ())) \
        and len(lines) < 60  # (a scan reads the item's ";" as ":")
