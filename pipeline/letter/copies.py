"""The Tembusan (carbon copies) list at a naskah dinas' foot: who else receives the letter.

Permendagri 1/2023 sets it after the signature block, under "Tembusan" (with or without its
colon), as a numbered or unnumbered list, maybe run over onto the next page; some letters put
the first recipient on the label's line.
"""
from __future__ import annotations

import re

from pipeline.letter.body import footer, text_after
from pipeline.letter.lines import Line, joined
from pipeline.letter.marks import TEMBUSAN

# whom a copy goes to: an official's post or an office, the person concerned, or the archive
RECIPIENT = re.compile(r"^\W{0,3}(?:(?:Yth|Kepada)\.?\s+)?(?:(?:Bapak|Ibu|Sdr|Saudara)\.?\s+)?"
                       r"(?:Kepala|Ketua|Wakil|Bupati|Wali|Walikota|Gubernur|Sekretaris|Sekda|"
                       r"Inspektur|Inspektorat|Camat|Lurah|Direktur|Asisten|Menteri|Dirjen|"
                       r"Pimpinan|Anggota|Kabag|Kasubag|Kabid|Pejabat|Bendahara|Rektor|Dekan|"
                       r"Komandan|Kapolres|Kapolda|Dandim|Kajari|Plt|Plh|Pj|Dinas|Badan|Kantor|"
                       r"Sekretariat|Bagian|Biro|DPRD|BPKAD|Arsip|Pertinggal|Yang\s+bersangkutan)\b",
                       re.I)
ENCLOSURE = re.compile(r"^\s*lampiran\b", re.I)  # an enclosure's heading ("LAMPIRAN SURAT ...")
# an item's mark: a number (a scan reads 1 as | or l, the dot as a comma), or a bullet
BULLET = re.compile(r"^\s*(?:[\d|Il]{1,2}\s*[.,)]|[-\u2022*\u2013\u00b7>,])\s*(\S.*)$")


def _overleaf(run: list[Line], k: int, after: list[int], last: Line, marked: bool) -> bool:
    """Whether the list broken at RUN[k] (a blank, a footer, on either side of the page's
    turn) after its line LAST goes on at the next page's top (AFTER: body.text_after's for
    RUN)."""
    nxt = run[after[k]] if after[k] < len(run) else None
    mark = nxt.text.lstrip()[:1] if nxt is not None else ""
    if marked and mark and mark in "-\u2022*" and nxt.page == last.page \
            and mark == last.text.lstrip()[:1] and _recipient(nxt.text):
        return True  # a bulleted list set apart by a blank before its last entry ("- Arsip")
    return nxt is not None and _goes_on(nxt, last, marked)


def _recipient(text: str) -> bool:
    """Whether TEXT, an item maybe marked, names whom a copy goes to: an official or an office
    (Permendagri 1/2023 sends the Tembusan to officials), or the archive."""
    b = BULLET.match(text)
    return RECIPIENT.match(b.group(1) if b else text) is not None


def _goes_on(nxt: Line, last: Line, marked: bool) -> bool:
    """Whether NXT, the next page's first line, goes on with the list whose line LAST ended
    the page before: a marked item, or, a list unmarked, a line where its items stand.
    Nothing but an enclosure follows a Tembusan, and an enclosure's page opens with a
    heading: "LAMPIRAN ...", in capitals, or ending with a colon."""
    if nxt.page <= last.page:
        return False
    # (the list's ";" says it goes on; else the line must name a recipient: an enclosure's
    # page may open with its own numbered or dashed list, "1. Data guru yang mengajukan cuti")
    if BULLET.match(nxt.text):
        return last.text.rstrip().endswith(";") or _recipient(nxt.text)
    return not marked and None not in (nxt.x0, last.x0) and abs(nxt.x0 - last.x0) < 0.02 \
        and not ENCLOSURE.match(nxt.text) and not nxt.text.isupper() \
        and not nxt.text.rstrip().endswith(":") and _recipient(nxt.text)


def _no_room(last: Line, ln: Line, margin: float | None) -> bool:
    """Whether LN's first word would not have fit at the end of LAST, a line of the same
    page, before MARGIN (where the body's full lines end): the line was broken there."""
    if margin is None or ln.page != last.page or None in (last.x0, last.x1) or not ln.text:
        return False
    letter = (last.x1 - last.x0) / max(len(last.text), 1)
    return last.x1 + letter * (len(ln.text.split()[0]) + 1) > margin


def _parted(before: str, after: str, above: str) -> bool:
    """Whether the last word of BEFORE and the first of AFTER stand together in ABOVE."""
    a, b = before.split(), after.split()
    return bool(a and b) and f"{a[-1]} {b[0]}".lower() in above


def tembusan(lines: list[Line], start: int) -> tuple[list[str], Line | None]:
    for i in range(start, len(lines)):
        m = TEMBUSAN.match(lines[i].text)
        if not m:
            continue
        rest = [Line(m.group(1), lines[i].page, lines[i].x0)] if m.group(1).strip() else []
        items, marked, widest, last = [], None, 0.0, lines[i]
        above = re.sub(r"\s+", " ", " ".join(ln.text for ln in lines[:i])).lower()
        full = sorted(ln.x1 for ln in lines[:i] if ln.x1 is not None and ln.x1 > 0.6)
        margin = full[len(full) // 2] if len(full) >= 3 else None  # the body's justified end
        run = rest + lines[i + 1:]
        after = text_after(run, 0, len(run))
        for k, ln in enumerate(run):
            if footer(run, k) or (ln.blank and items):
                if not items or _overleaf(run, k, after, last, bool(marked)):
                    continue  # the page's foot: the list goes on at the next page's top
                break
            if ln.blank:
                continue
            b = BULLET.match(ln.text)
            if ln.ocr and not b and not re.search(r"[A-Za-z0-9]{2}", ln.text):
                continue  # a speck at the page's edge ("q", ";"), not the item's next line
            if marked and not b and items and k and ln.page != run[k - 1].page:
                break  # a numbered list's item does not run on overleaf: the next page is another part
            if items and ln.page != last.page and not _goes_on(ln, last, bool(marked)):
                break  # overleaf, only more of the list goes on with it
            if marked is None:
                marked = bool(b)
            # an unmarked item that filled its line without the list's ";" wraps onto the next;
            # so does one whose line had no room left for this line's first word, where the
            # break parts a phrase the letter writes whole above ("Provinsi Nusa" / "Tenggara
            # Timur"), or this line opens in small letters, as no recipient does
            # (not a line that names a recipient where its item's ";" was left off: "Inspektur
            # Pembantu Wilayah IV …" / "Kepala Badan …")
            wraps = not marked and items and items[-1][-1] not in ";,.:" and (any(
                t.endswith(";") for t in items) and (run[k - 1].x1 or 0) >= 0.9 * widest
                and not _recipient(ln.text)
                or _no_room(last, ln, margin) and (ln.text[:1].islower() or _parted(
                    items[-1], ln.text, above)))
            if (b or not marked) and not wraps:
                items.append((b.group(1) if b else ln.text).strip())
            else:
                items[-1] = joined(items[-1], ln.text)
            widest, last = max(widest, ln.x1 or 0), ln
        out = []
        for t in items:
            if lines[i].ocr:  # a scan's bullets read as "5", ". ", ": 2."; specks as "q"
                if not re.search(r"[A-Za-z]{3}", t):
                    continue
                t = re.sub(r"^[^A-Za-z]{1,12}(?=[A-Z])", "", t)
            t = re.sub(r"^(kepada\s+)?(yth\.?|y[a-z]{1,2}\.)\s*", "", t, flags=re.I)  # OCR: "Yin."
            t = re.sub(r"\s+", " ", t).strip().rstrip(";:,. ")  # ("laporan): ," a speck after it)
            if t:
                out.append(t)
        return out, lines[i]
    return [], None
