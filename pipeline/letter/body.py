"""The letter's body: numbered questions, the signature block and the Tembusan list."""
from __future__ import annotations

import re

from pipeline.letter.dates import place_date
from pipeline.letter.lines import Line

ITEM = re.compile(r"^\s*(?:(\d{1,2})\s*[.),]|\((\d{1,2})\)|([a-z])\s*[.)])\s+(\S.*)$")
CLOSING = re.compile(r"^\s*(demikian|atas perhatian|terima kasih|wassalam)", re.I)
NIP = re.compile(r"\bNIP\b\.?\s*[:.]?\s*([0-9OoIl|\s]{18,32})")
RANK = re.compile(r"^\s*(pembina|penata|pengatur|juru)\b|\b(I|II|III|IV)\s*/\s*[a-e]\b", re.I)
SKIP = re.compile(r"^\s*(\(?ttd\.?\)?|cap|ditandatangani|tertanda|t\.t\.d)", re.I)
TEMBUSAN = re.compile(r"^\s*tembusan\b[^:]*:?\s*(.*)$", re.I)
BULLET = re.compile(r"^\s*(?:[\d|Il]{1,2}\s*[.)]|[-\u2022*\u2013\u00b7>])\s*(\S.*)$")
FOOTER = re.compile(r"(dokumen ini|ditandatangani secara elektronik|bsre|uu ite|halaman \d)", re.I)
NOISE = re.compile(r"^\s*[-\u2013]?\s*\d{1,3}\s*[-\u2013]?\s*$")


def _noise(ln: Line) -> bool:
    t = ln.text.strip()
    if NOISE.match(t):
        return True
    if ln.ocr and t:  # scanner specks read as "ha -vmL———— 5555"
        alnum = sum(c.isalnum() for c in t)
        return alnum / len(t) < 0.5 or (ln.conf < 0.5 and alnum < 12)
    return False


def clean(lines: list[Line]) -> list[Line]:
    return [ln for ln in lines if not _noise(ln)]


def _near(a: Line, b: Line, tol: float = 0.03) -> bool:
    return a.x0 is None or b.x0 is None or b.x0 >= a.x0 - tol


def _items(lines: list[Line], start: int, end: int) -> list[list[tuple[str, Line]]]:
    """Numbered lists between start and end; each item is its text and its first line."""
    lists, cur, kind, head = [], [], None, None
    for ln in lines[start:end]:
        m = ITEM.match(ln.text)
        if m:
            k = "a" if m.group(3) else "1"
            if cur and k != kind and kind == "1":  # a sub-list inside a question
                cur[-1] = (cur[-1][0] + " " + ln.text.strip(), cur[-1][1])
                continue
            if cur and k != kind:
                lists.append(cur)
                cur = []
            kind, head = k, ln
            cur.append((m.group(4).strip(), ln))
        elif cur and not ln.blank and _near(head, ln) and not (
                head.x0 is not None and ln.x0 is not None and ln.x0 > head.x0 + 0.25):
            if cur[-1][0].endswith("?") and head.x0 is not None and ln.x0 is not None \
                    and ln.x0 < head.x0 - 0.01:
                lists.append(cur)
                cur = []
                continue
            cur[-1] = (cur[-1][0] + " " + ln.text.strip(), cur[-1][1])
        elif cur:
            lists.append(cur)
            cur = []
    if cur:
        lists.append(cur)
    return lists


def questions(lines: list[Line], start: int, end: int) -> tuple[list[str], Line | None]:
    best, best_score = [], 0.0
    for lst in _items(lines, start, end):
        asks = sum(t.endswith("?") for t, _ in lst)
        score = asks * 2 + len(lst) * 0.1
        if score > best_score:
            best, best_score = lst, score
    return [re.sub(r"\s+", " ", t) for t, _ in best], (best[0][1] if best else None)


def closing_index(lines: list[Line], start: int) -> int:
    for i in range(start, len(lines)):
        if CLOSING.match(lines[i].text) or NIP.search(lines[i].text) or TEMBUSAN.match(lines[i].text):
            return i
    return len(lines)


def signature(lines: list[Line], start: int) -> tuple[dict | None, Line | None, int]:
    """Name, NIP and post of the signer; also returns the index just after the NIP line."""
    for i in range(start, len(lines)):
        m = NIP.search(lines[i].text)
        if not m:
            continue
        raw = m.group(1).translate(str.maketrans("OoIl|", "00111"))
        digits = re.sub(r"\D", "", raw)[:18]
        j = i - 1
        while j > start and (lines[j].blank or RANK.search(lines[j].text) or SKIP.match(lines[j].text)):
            j -= 1
        nama = lines[j].text.strip().strip("()_ ") if j > start else None
        name_line = lines[j]
        post, k = [], j - 1
        while k > start and (lines[k].blank or SKIP.match(lines[k].text)):
            k -= 1
        while k > start and len(post) < 4:
            ln = lines[k]
            if ln.blank or CLOSING.match(ln.text) or ITEM.match(ln.text) or TEMBUSAN.match(ln.text):
                break
            if ln.x0 is not None and name_line.x0 is not None and abs(ln.x0 - name_line.x0) > 0.06:
                break
            if ln.x0 is None and (len(ln.text) > 110 or ln.text.rstrip().endswith(".")):
                break
            if not place_date(ln.text):
                post.insert(0, ln.text.strip())
            k -= 1
        jabatan = re.sub(r"\s+", " ", " ".join(post)).strip().rstrip(",").strip() or None
        sig = {"nama": nama, "nip": digits if len(digits) == 18 else None, "jabatan": jabatan}
        return sig, lines[i], i + 1
    return None, None, start


def tembusan(lines: list[Line], start: int) -> tuple[list[str], Line | None]:
    for i in range(start, len(lines)):
        m = TEMBUSAN.match(lines[i].text)
        if not m:
            continue
        rest = [Line(m.group(1), lines[i].page, lines[i].x0)] if m.group(1).strip() else []
        items, marked = [], None
        for ln in rest + lines[i + 1:]:
            if FOOTER.search(ln.text):
                break
            if ln.blank:
                if items:
                    break
                continue
            b = BULLET.match(ln.text)
            if marked is None:
                marked = bool(b)
            if b or not marked:
                items.append((b.group(1) if b else ln.text).strip())
            else:
                items[-1] += " " + ln.text.strip()
        out = []
        for t in items:
            t = re.sub(r"^(kepada\s+)?yth\.?\s*", "", t, flags=re.I)
            t = re.sub(r"\s*\((sebagai laporan|untuk diketahui)\)\s*", " ", t, flags=re.I)
            t = re.sub(r"\s+", " ", t).strip().rstrip(";:,.").strip()
            if t:
                out.append(t)
        return out, lines[i]
    return [], None
