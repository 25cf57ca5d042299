"""The letter's body: its numbered and bulleted lists, its page footers and where its closing
begins (its lines cleaned first: bodyclean.py; questions.py chooses the list that asks)."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.letter.lines import Line, joined
from pipeline.letter.marks import (BULLET, CLOSING, ITEM, NIP, OCR_BULLET, OCR_UPPER, QUESTION,
                                   TEMBUSAN)

FOOTER = re.compile(r"(dokumen ini|ditandatangani secara elektronik|bsre|uu ite|halaman \d)", re.I)
# the e-signature note at the foot of each page ("Dokumen ini telah ditandatangani secara
# elektronik ..."), not "dokumen ini" in a sentence
NOTE = re.compile(r"\bdokumen\s+ini\b.{0,40}?tandatangan", re.I)
SHORT = 0.7  # of the page's width: a paragraph's last line ends well before the right margin
# a list number as a scan may read it: without its dot ("2 Bagaimana"), as a mark (">. Apakah"),
# or with a table's rule read before it ("'2 Mohon", "i 4 Bagaimana"); a quote may follow
OCR_NUMBER = re.compile(r"^\s*((?:[^\sA-Za-z]{1,3}|[A-Za-z])(?:\s+[^\sA-Za-z]{1,3})?)\s*[.),]?\s+"
                        r"[\"'\u201c\u201d\u2018\u2019|\[]?(?=[A-Z][a-z])(.*)$")


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "?", "!", ":", ";"))


def _continues(head: Line, text: str, ln: Line, last: Line | None = None) -> bool:
    """Is `ln` more of the item that starts at `head` (whose text so far is `text`)?

    Layout family "multi-line item": an item wraps either under its own text (hanging indent)
    or back to the left margin. A line at the margin after a finished sentence is the next
    paragraph (naskah dinas body: the closing paragraph follows the list), never more item.
    """
    if CLOSING.match(ln.text):
        return False
    if last is not None and last.x1 is not None and last.x1 < SHORT and (
            _ends_sentence(text) or ln.text[:1].isupper()):
        return False  # the item's paragraph ended in a short line: a new sentence is new
    if ln.para and ln.text[:1].isupper():
        return False  # a Word paragraph of its own that opens a sentence: not the item's text
    if _ends_sentence(text) and ln.text[:1].isupper() and last is not None and last is not head \
            and None not in (last.x0, ln.x0, head.x0) and last.x0 > head.x0 + 0.005 \
            and abs(ln.x0 - last.x0) > 0.006:
        return False  # the item wraps at its column: a sentence opening off it is a paragraph
    if head.x0 is not None and ln.x0 is not None:
        if ln.x0 > head.x0 + 0.25:  # the signature column, not the body
            return False
        if ln.x0 > head.x0 + 0.005:
            return True
        if last is not None and last is not head and last.x0 is not None and last.x0 > head.x0 + 0.005:
            return False  # the item wraps under its text (hanging): back at the margin is a new paragraph
        return not _ends_sentence(text)
    if ln.text[:1].isspace():  # typed text: an indented line continues the item
        return True
    return not _ends_sentence(text)


def _under(ln: Line, head: Line, text: str, sub: float | None) -> bool:
    """Whether LN, lettered after a blank line, is a sub-item of the numbered item HEAD (TEXT):
    the first where the item ends in a colon that opens it and LN's mark is set in from the
    item's; the next ones at the first's column SUB (a lettered list set in under an item that
    ended its sentence is a list of its own)."""
    if sub is not None:
        return ln.x0 is None or sub < 0 or abs(ln.x0 - sub) < 0.01
    return text.rstrip().endswith(":") and (
        None in (ln.x0, head.x0) or ln.x0 > head.x0 + 0.015)


def _marked_beside(lines: list[Line], i: int, start: int, end: int) -> bool:
    """Whether a line near LINES[i] opens with a bullet in its column: a scan's bullet read as
    an odd mark ("#", "e«") is one where others of its list are too, or, a list of one, right
    under the colon that opens it ("mohon petunjuk mengenai:" / "e Apakah …"); a speck alone
    is none."""
    ln = lines[i]
    above = next((o for o in reversed(lines[max(start, i - 3):i]) if not o.blank), None)
    return above is not None and above.text.rstrip().endswith(":") or any(
        not o.blank and bulleted(o) and (None in (o.x0, ln.x0) or abs(o.x0 - ln.x0) < 0.015)
        for o in lines[max(start, i - 6):i] + lines[i + 1:min(end, i + 7)])


def _first(m: re.Match) -> bool:
    """Item "1", "(1)" or "a": the start of a list."""
    return (m.group(1) or m.group(2) or m.group(3)) in ("1", "a")


def items(lines: list[Line], start: int, end: int) -> list[tuple[Line | None, list]]:
    """Numbered lists between start and end, each with the paragraph that introduces it.

    Items may be separated by blank lines; a list ends at a paragraph that is not more of its
    last item, or where a new list starts again at 1 / a.
    """
    lists, cur, kind, head, intro, gap, table = [], [], None, None, None, False, False
    number, aside, prev, turned, held, sub = None, False, None, False, None, None
    after = text_after(lines, start, end)
    for i in range(start, end):
        ln, last, prev = lines[i], prev, lines[i]
        if cur and not _ends_sentence(cur[-1][0]) and _page_foot(lines, i, after):
            prev, turned = last, True  # an unfinished item goes on overleaf, past the foot
            continue
        if turned:
            turned = False  # (overleaf, only a line that goes on with the item's sentence: in
            # lowercase, or at its wrapped lines' column; a paragraph of its own is no more of it)
            gap = not (ITEM.match(ln.text) or ln.text[:1].islower() or _at_column(ln, last, head))
        # (a bulleted list is a list too, numbered here in its order: "•", "-", Word's bullet)
        bullet = None if ITEM.match(ln.text) else BULLET.match(ln.text) or (
            ocr if ln.ocr and (ocr := OCR_BULLET.match(ln.text))
            and _marked_beside(lines, i, start, end) else None)
        m = ITEM.match(ln.text) or bullet and ITEM.match(
            f"{_due(number) if kind == '•' and number else '1'}. {bullet.group(1)}") \
            or _ocr_item(ln, kind, number, cur, gap, table)
        lost = not m and cur and not gap and _numberless(lines, i, end, cur, last, head, number)
        m = m or lost
        if m:
            k = "•" if bullet else "a" if m.group(3) else "1"
            label = m.group(1) or m.group(2) or m.group(3)
            if cur and k != kind and kind == "1" and not aside and (
                    not gap or _under(ln, head, cur[-1][0], sub)):  # a sub-list
                cur[-1], gap = (cur[-1][0] + " " + ln.text.strip(), cur[-1][1]), False
                if sub is None:  # (the sub-list's column, for its next items)
                    sub = -1.0 if ln.x0 is None else ln.x0
                continue
            if kind == "\u2022" and k != kind and held and held[2] == k \
                    and _follows(held[3], label):
                # a bulleted list set under a numbered item ("rincian ... sebagai berikut:
                # - Ketua ...") ends where the numbered list goes on: it is that item's
                lists = [x for x in lists if x[1] is not held[1]] + [(intro, cur)]
                intro, cur, kind, number, head, table = held
                aside, held = False, None
            elif k == "\u2022" and kind in ("1", "a") and cur:
                held = (intro, cur, kind, number, head, table)
            if aside and not (k == kind and _follows(number, label)):
                lists.append((intro, cur))        # the paragraph after the list ended it
                cur = []
            if cur and (k != kind or _first(m)):
                lists.append((intro, cur))
                cur = []
            if not cur:
                intro, table = _paragraph_above(lines, i, start), _tabled(lines, i, start)
            # (an item whose number was lost begins at its text: it wraps back to the numbers')
            kind, gap, number, aside, sub = k, False, label, False, None
            head = replace(ln, x0=head.x0) if lost else ln
            cur.append((m.group(4).strip(), ln))
        elif ln.blank:
            gap = True
        elif aside or (cur and not gap and _continues(head, cur[-1][0], ln, last)
                       and not _lead_in(lines, i, end, head, _ends_sentence(cur[-1][0]))):
            if not aside:
                cur[-1] = (joined(cur[-1][0], _unruled(ln, cur)), cur[-1][1])
        elif cur and not CLOSING.match(ln.text):
            # Layout family "answered list" (an answer letter, a nota dinas with notes): a
            # paragraph under an item, not part of its text. The list goes on if the next item
            # continues its numbering; anything else after it ends the list.
            aside = True
        elif cur:
            lists.append((intro, cur))
            cur, aside = [], False
    if cur:
        lists.append((intro, cur))
    return lists


def footer(lines: list[Line], k: int) -> bool:
    """Whether line K is its page's footer: a FOOTER line, or the line right under the
    e-signature note on its page (the note wrapped onto a line of its own: "BSSN"); never a
    list's item or the Tembusan, which may follow a note set under the signature."""
    text = lines[k].text
    if ITEM.match(text) or TEMBUSAN.match(text) or re.match(r"^\s*[-\u2022*\u2013]\s", text):
        return False
    return bool(FOOTER.search(text)) or k > 0 and lines[k - 1].page == lines[k].page and \
        NOTE.search(lines[k - 1].text) is not None


def text_after(lines: list[Line], start: int, end: int) -> list[int]:
    """For each line from START to END, the index of the first line from it on that is text:
    neither blank nor footer (END where none is). One pass: a run of blank lines costs no
    more than its length."""
    after = [end] * (end + 1)
    for j in range(end - 1, start - 1, -1):
        after[j] = j if not lines[j].blank and not footer(lines, j) else after[j + 1]
    return after


def _page_foot(lines: list[Line], i: int, after: list[int]) -> bool:
    """Whether line I, a blank or a footer (the e-signature's note, "Halaman 1 dari 2"), stands
    at its page's foot: the next line of text (AFTER, text_after's) is on a later page."""
    j = after[i]
    return j != i and j < len(after) - 1 and lines[j].page > lines[i].page


def _at_column(ln: Line, last: Line | None, head: Line) -> bool:
    """Whether LN starts where the item's wrapped lines do (LAST, its latest, is one)."""
    return None not in (ln.x0, head.x0) and last is not None and last is not head and \
        last.x0 is not None and last.x0 > head.x0 + 0.005 and abs(ln.x0 - last.x0) <= 0.01


def _paragraph_above(lines: list[Line], i: int, start: int) -> Line | None:
    """The paragraph just above line I (the lead-in of a list), as one line."""
    while i > start and lines[i - 1].blank:
        i -= 1
    k = i
    while k > start and not lines[k - 1].blank and not ITEM.match(lines[k - 1].text) and i - k < 5:
        k -= 1
    if k == i:
        return None
    return Line(" ".join(ln.text.strip() for ln in lines[k:i]), lines[k].page, lines[k].x0)


def _lead_in(lines: list[Line], i: int, end: int, head: Line, ended: bool = False) -> bool:
    """Whether the line at I opens the paragraph that leads into a new list: it runs to a
    colon right above an item 1 / a, or a bullet. At the margin: after an item whose last
    stop a scan lost (its "." read ","), such a line would otherwise be taken for more of that
    item; or, after an item that ENDED its sentence, anywhere (a paragraph's first line
    indented near the items' wrapped lines: "Adapun hal-hal ... sebagai berikut:")."""
    if head.x0 is None or lines[i].x0 is None or lines[i].x0 > head.x0 + 0.005 and not ended:
        return False
    for j in range(i, min(end, i + 8)):
        if lines[j].blank or _marked(lines[j]):
            nxt = next((ln for ln in lines[j:end] if not ln.blank), None)
            m = ITEM.match(nxt.text) if nxt else None
            return bool(m and _first(m) or nxt and not m and _marked(nxt)) and j > i \
                and lines[j - 1].text.rstrip().endswith(":")
    return False


def bulleted(ln: Line) -> bool:
    """Whether LN opens with a bullet, or on a scan a mark read for one."""
    return bool(BULLET.match(ln.text) or ln.ocr and OCR_BULLET.match(ln.text))


def _marked(ln: Line) -> bool:
    """Whether LN opens with a list's number, letter or bullet."""
    return bool(ITEM.match(ln.text)) or bulleted(ln)


def _column(cur: list[tuple[str, Line]]) -> float | None:
    """Where the numbers of the list CUR stand: the rightmost item's start, since a scan may
    read a table's rule into the start of some items, never after it."""
    return max((h.x0 for _, h in cur if h.x0 is not None), default=None)


def _unruled(ln: Line, cur: list[tuple[str, Line]]) -> str:
    """An item's next line without the mark a scan reads from a table's rule before it: the
    line starts left of the items' numbers ("Kg tersendiri", "i menunggu")."""
    column = _column(cur)
    if ln.ocr and ln.x0 is not None and column is not None and ln.x0 < column - 0.01:
        # (a mark, a lone letter or two consonants: not "ke", "di" or a number wrapped there)
        return re.sub(r"^\s*(?:[^\w\s]{1,2}|[A-Za-z]|[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z]{2})\s+(?=[a-z])",
                      "", ln.text)
    return ln.text


def _tabled(lines: list[Line], i: int, start: int) -> bool:
    """Whether the list that starts at line I is a table's rows: a "No" heads its column."""
    above = [ln for ln in lines[max(start, i - 4):i] if not ln.blank]
    return any(re.match(r"^\W{0,2}No\b\.?", ln.text) for ln in above)


SPECKED = re.compile(r"^\s*[a-z]([a-z])\s*[.)]\s+(?=[A-Z])(\S.*)$")


def _ocr_item(ln: Line, kind: str | None, number: str | None, cur: list[tuple[str, Line]],
              gap: bool = False, table: bool = False) -> re.Match | None:
    """The item due next in the list CUR (last numbered NUMBER) where a scan lost its
    number's shape: a capital read for a lowercase letter ("C." after b), a number misread
    at the numbers' column after an item that ended ("2 Bagaimana", ">. Apakah"), or no
    number at all after an item closed by ";" (or "?" in a table) before a line that asks."""
    if not ln.ocr or not number or not cur:
        return None
    text, column = cur[-1][0], _column(cur)
    due = _due(number)
    m = OCR_UPPER.match(ln.text) if kind == "a" else None
    if m:
        return ITEM.match(f"{due}. {m.group(2)}") if _follows(number, m.group(1).lower()) else None
    m = OCR_NUMBER.match(ln.text)
    ended = _ends_sentence(text) or re.search(r"\?\W$", text.rstrip())  # "?;" read "?,"
    # (the letter due with a speck read as a letter before it, at the letters' column: "ce.")
    speck = SPECKED.match(ln.text) if kind == "a" else None
    if speck and speck.group(1) == due and ended and None not in (ln.x0, column) \
            and ln.x0 <= column + 0.008:
        return ITEM.match(f"{due}. {speck.group(2)}")
    if (m and ended and ln.x0 is not None and column is not None
            and ln.x0 <= column + 0.008 and re.sub(r"\D", "", m.group(1)) in ("", due)
            and (re.search(r"\d", m.group(1)) or re.match(r"^\s*\S+\s*[.),]", ln.text))):
        # (without a digit, the mark must carry a number's stop: "- Pegawai" is a bullet)
        return ITEM.match(f"{due}. {m.group(2)}")
    # no number at all: at the items' text column, right after an item the list's ";" closed
    # (or, in a table's rows, a question that ended), a line opening with a question's word
    # asks anew; elsewhere a second question may belong to its item ("... TPP? Bagaimana jika")
    closed = text.rstrip().endswith(";") or (table and text.rstrip().endswith("?"))
    if (closed and not gap and QUESTION.match(ln.text.strip()) and ln.x0 is not None
            and column is not None and ln.x0 > column + 0.005):
        return ITEM.match(f"{due}. {ln.text.strip()}")
    return None


def _numberless(lines: list[Line], i: int, end: int, cur: list[tuple[str, Line]],
                last: Line | None, head: Line, number: str | None) -> re.Match | None:
    """Line I as the next item (after NUMBER) of a scanned list of questions whose number the
    scan lost: the item before asked and ended its paragraph there (its last line short, at
    the wrapped column), and line I opens a sentence at that column, a paragraph that ends
    asking. (A paragraph there that ends otherwise, an answer under its question, is the item's
    aside, though it says "berapa pun" or "kapan".)"""
    ln = lines[i]
    if not (ln.ocr and number and ln.text[:1].isupper() and cur[-1][0].rstrip().endswith("?")
            and last is not None and last.x1 is not None and last.x1 < SHORT
            and _at_column(ln, last, head) and not CLOSING.match(ln.text)):
        return None
    k = i
    while k + 1 < end and k - i < 5 and not (lines[k + 1].blank or ITEM.match(lines[k + 1].text)
                                             or CLOSING.match(lines[k + 1].text)):
        k += 1
    due = _due(number)
    asks = lines[k].text.rstrip().endswith("?")
    return ITEM.match(f"{due}. {ln.text.strip()}") if asks else None


def _due(number: str) -> str:
    """The label of the item after item NUMBER (3 after 2, c after b)."""
    return str(int(number) + 1) if number.isdigit() else chr(ord(number[-1]) + 1)


def _follows(number: str | None, label: str | None) -> bool:
    """Whether item LABEL is the one after item NUMBER (2 after 1, b after a)."""
    if not number or not label:
        return False
    if number.isdigit() and label.isdigit():
        return int(label) == int(number) + 1
    return len(number) == len(label) == 1 and ord(label) == ord(number) + 1


def closing_index(lines: list[Line], start: int) -> int:
    for i in range(start, len(lines)):
        if CLOSING.match(lines[i].text) or NIP.search(lines[i].text) or TEMBUSAN.match(lines[i].text):
            return i
    return len(lines)
