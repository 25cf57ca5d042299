"""A scanned or extracted body's lines cleaned before its lists are read: page numbers
("- 2 -"), scanner specks and a page's top blank lines go, a list number a scan misread ("l."
for "1.") or left on a line of its own is set right, so that a list or a Tembusan that runs
over a page stays one."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.letter.degrees import only_degrees
from pipeline.letter.lines import Line
from pipeline.letter.marks import ITEM, QUESTION, WRAPPED_NIP

# a word, a number's part, or a degree on the line under a name ("M.Si.", "IPM.")
WORDLIKE = re.compile(r"\b(?=[A-Za-z]*[AEIOUaeiou])[A-Za-z]{4,}\b|\w/\w|\b[A-Z][A-Za-z]{1,3}\.")
RULED_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*\|\s*(?=[A-Z])")
ONE = re.compile(r"^\s*(?:[|lI!i]|[Ll]l|Il)\s*[.)](?=\s|$)")
LONE_MARKER = re.compile(r"^\s*(\(?\d{1,2}[.)]|[a-zA-Z][.)])\s*$")
NOISE = re.compile(r"^\s*[-\u2013]?\s*\d{1,3}\s*[-\u2013]?\s*$")


def _noise(ln: Line) -> bool:
    t = ln.text.strip()
    if NOISE.match(t):
        return True
    if ln.ocr and t:  # scanner specks read as "ha -vmL———— 5555"
        alnum = sum(c.isalnum() for c in t)
        marks = sum(c in ".,()/ " for c in t)  # degrees "S.T., M.T." are half dots and commas
        # a short line read with low confidence is a speck, unless it holds a word or a part
        # of a number: tesseract doubts words with a "/" ("Barang/Jasa", "/DPMPTSP/II/202")
        return alnum / max(len(t) - marks, 1) < 0.6 or (
            ln.conf < 0.5 and alnum < 12 and not WORDLIKE.search(t))
    return False


def _numbers(ln: Line, before: list[Line], after: list[Line]) -> bool:
    """Is LN a list's number alone on its line ("1." tabbed off its text), the one due (the
    next follows, and no item above has it or a later one)? OCR doubts a mark that short."""
    if not (m := re.match(r"^\s*\(?(\d{1,2})[.)]\s*$", ln.text)):
        return False
    n = int(m.group(1))
    numbered = (re.match(r"^\s*\(?(\d{1,2})\s*[.)]", o.text) for o in before)
    above = [int(a.group(1)) for a in numbered if a]
    return not any(a >= n for a in above) and any(
        re.match(rf"^\s*\(?{n + 1}\s*[.)]", o.text) for o in after)


def _edge_speck(ln: Line) -> bool:
    """A mark at the page's very edge, beyond any margin of print: a photo's paper edge, a
    punched hole or a binder's shadow read as "4", "q" or "FE" beside every line. (A list's
    number standing alone at the left margin is kept: LONE_MARKER joins it to its text.)"""
    t = ln.text.strip()
    return (ln.ocr and ln.x0 is not None and ln.x1 is not None and ln.x1 - ln.x0 < 0.02
            and (ln.x0 > 0.9 or ln.x1 < 0.12) and sum(c.isalnum() for c in t) <= 2
            and not LONE_MARKER.match(t))


def _year_tail(ln: Line, out: list[Line]) -> bool:
    """A bare "5" or "26" under a number cut in its year ("…/II/202"), or a faint "12026" under
    a Nomor row without its year: the number wrapped in a narrow cell (a naskah dinas number
    ends with its four-digit year), not a page number or a speck."""
    return ln.text.strip().isdigit() and any(
        re.search(r"/(?:19|20)\d{0,2}$", o.text.strip()) or (
            re.match(r"^\s*(nomor|no)\b", o.text, re.I) and not re.search(r"(19|20)\d{2}$", o.text))
        for o in out[-2:])


def nip_tail(ln: Line, above: Line | None) -> bool:
    """The last digits of a NIP wrapped in a narrow box ("NIP. 19680314 199010 1" / "006")."""
    m = above is not None and WRAPPED_NIP.match(above.text.strip())
    return bool(m) and len(re.sub(r"\D", "", m.group(1) + ln.text)) == 18


def name_tail(ln: Line, above: Line | None) -> bool:
    """The rest of a name's degrees on a line of their own under the name's line, which ends
    with a comma after a degree ("H. RONAL, S.E., M.M.," / "Ak."): short, so read unsure."""
    return above is not None and re.search(r"\.,\s*$", above.text) is not None \
        and only_degrees(ln.text)


def _before(ln: Line) -> str:
    """The lettered items above LN ("1." read "|.", "i.", "l.") that make it a letter of theirs:
    any of a-h for most (a sub-list's "i." and "ii." under "a." too), "k." for "l." (which no
    list opens with)."""
    return "k" if re.match(r"^\s*l\s*[.)]", ln.text) else "[a-h]"


def _one(ln: Line, after: list[Line]) -> bool:
    """Whether LN, opening with a mark like "1." ("|.", "l."), is item 1: a "2." follows, or its
    lettered sub-list, set in from it ("l. Berkaitan …, mohon penjelasan:" / "a. Bagaimana")."""
    if any(re.match(r"^\s*2\s*[.)]", o.text) for o in after):
        return True
    sub = next((o for o in after if not o.blank), None)
    return sub is not None and re.match(r"^\s*a\s*[.)]", sub.text) is not None \
        and None not in (sub.x0, ln.x0) and sub.x0 > ln.x0 + 0.015


# a bullet as a scan reads it alone: a round letter or a round or starred mark (not a rule's
# or a speck's dash, "=", "-", "~", "_", nor a sentence's mark)
LONE_BULLET = re.compile(r"\s*[eoc\u2022\u00b7*+#\u00ab\u00bb\u00b0\u00a2\u00a9\u00ae@]\s*")
ROW = 0.006  # of the page's width: two lines whose tops stand this near are one row
BODY = 0.35  # of the page's width: a list's bullet stands left of this, in the body's column


def _lone_bullet(ln: Line, nxt: Line) -> bool:
    """Whether scanned line LN is a bullet alone, read as a line apart from its item's text NXT
    beside it on its row ("e" | "Apakah tanah …"): tesseract doubts a mark that small. (A
    speck beside the signer's name, in the signature's column, is none.)"""
    return ln.ocr and nxt.ocr and LONE_BULLET.fullmatch(ln.text) is not None and None not in (
        ln.top, nxt.top, ln.x0, nxt.x0) and abs(ln.top - nxt.top) < ROW and ln.x0 < BODY \
        and ln.x0 + 0.01 < nxt.x0 < ln.x0 + 0.08 and nxt.text[:1].isupper()


def clean(lines: list[Line]) -> list[Line]:
    """Without page numbers ("- 2 -"), scanner specks and the blank lines on top of a page,
    so that a list or a Tembusan that runs over a page stays one."""
    out: list[Line] = []
    # (each line that is a bullet alone, its text the next line beside it)
    lone = [_lone_bullet(a, b) for a, b in zip(lines, lines[1:])] + [False]
    for k, ln in enumerate(lines):
        if lone[k]:
            continue
        if k and lone[k - 1]:  # (its text beside it, read as a line apart)
            ln = replace(ln, text="\u2022 " + ln.text.strip(), x0=lines[k - 1].x0)
        if ln.ocr and ONE.match(ln.text) and _one(ln, lines[k + 1:k + 8]) \
                and not any(re.match(rf"^\s*{_before(ln)}\s*[.)]", o.text)
                            for o in lines[max(0, k - 12):k]):
            ln = replace(ln, text=ONE.sub("1.", ln.text))  # "1." read "|." before a "2."
            # (in a lettered list, "i." after "h." is item i: a sub-list may follow it)
        if ln.ocr and RULED_NUMBER.match(ln.text) and QUESTION.search(ln.text):
            # "1 |Mohon": a table's rule after its number (a row of names is no question)
            ln = replace(ln, text=RULED_NUMBER.sub(r"\1. ", ln.text))
        if _edge_speck(ln) or (_noise(ln) and not _year_tail(ln, out)
                                and not nip_tail(ln, out[-1] if out else None)
                                and not name_tail(ln, out[-1] if out else None)
                                and not _numbers(ln, lines[max(0, k - 12):k],
                                                 lines[k + 1:k + 8])):
            continue
        if ln.blank and (not out or out[-1].page != ln.page):
            continue
        if out and LONE_MARKER.match(out[-1].text) and not ln.blank and not ITEM.match(ln.text) \
                and out[-1].page == ln.page:
            # a list number on a line of its own ("c." set apart by a tab, or a scan that
            # read it as its own line): the item's text is the line that follows
            mark = out.pop()
            ln = replace(ln, text=f"{mark.text.strip()} {ln.text.strip()}", x0=mark.x0)
        out.append(ln)
    return out
