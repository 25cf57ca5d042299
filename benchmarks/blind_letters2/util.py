"""Small helpers shared by content and style: weighted choice, line splitting, dates."""
from . import data as D


def pick_weighted(rng, pairs):
    """pairs: [(value, weight), ...]"""
    total = sum(w for _, w in pairs)
    r = rng.uniform(0, total)
    for v, w in pairs:
        r -= w
        if r <= 0:
            return v
    return pairs[-1][0]


def split_balanced(text, nlines):
    """Split words of text into nlines lines of similar length."""
    words = text.split()
    if nlines <= 1 or len(words) < nlines:
        return [text]
    target = len(text) / nlines
    lines, cur = [], []
    for w in words:
        if cur and len(" ".join(cur + [w])) > target * 1.08 and len(lines) < nlines - 1:
            lines.append(" ".join(cur))
            cur = []
        cur.append(w)
    lines.append(" ".join(cur))
    return lines


def fmt_date(d, style):
    m = D.MONTHS[d.month - 1]
    if style == "zero":
        return f"{d.day:02d} {m} {d.year}"
    if style == "upper":
        return f"{d.day} {m.upper()} {d.year}"
    return f"{d.day} {m} {d.year}"


def date_line(L, S):
    """Place and date as printed (both renderers)."""
    place = L["unit"]["place"].upper() if S["place_upper"] else L["unit"]["place"]
    return f"{place}, {fmt_date(L['date'], S['date_style'])}"


def header_rows(L, S):
    """(label, value) rows of the Nomor/Sifat/Lampiran/Hal block; absent Sifat/Lampiran are skipped."""
    labels = ["Nomor", "Sifat", "Lampiran", S["label_hal"]]
    if S["label_upper"]:
        labels = [x.upper() for x in labels]
    rows = [(labels[0], L["nomor"])]
    if L["sifat"]:
        rows.append((labels[1], L["sifat"]))
    if L["lampiran"]:
        rows.append((labels[2], L["lampiran"]))
    rows.append((labels[3], L["hal"]))
    return rows
