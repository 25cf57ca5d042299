"""Indonesian dates as letters write them ("12 Maret 2026", "12-03-2026", "12 Mar 2026")."""
from __future__ import annotations

import datetime as dt
import difflib
import re

MONTHS = {
    "januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5,
    "juni": 6, "juli": 7, "agustus": 8, "september": 9, "oktober": 10,
    "november": 11, "nopember": 11, "desember": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10, "december": 12,
}
# the month as a letter's number writes it ("…/Disdik/VII/2026"), January first
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
ABBR = {"jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "mei": 5, "jun": 6, "jul": 7,
        "agu": 8, "ags": 8, "agt": 8, "aug": 8, "agst": 8, "sep": 9, "sept": 9, "okt": 10,
        "oct": 10, "nov": 11, "nop": 11, "des": 12, "dec": 12}

WORD_DATE = re.compile(r"\b(\d{1,2})\s*[-/.\s]\s*([A-Za-z]{3,10})\.?\s*[-/.\s]?\s*((?:19|20)\d{2})\b")
NUM_DATE = re.compile(r"\b(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*((?:19|20)\d{2})\b")
# (the comma after the place may come out of a scan as a dot: "Pemalang. 17 Februari 2026")
PLACE_DATE = re.compile(r"^\s*([A-Z][A-Za-z .'-]{1,40}?)\s*[,.]\s*(.+)$")


def month_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS[w]
    if w in ABBR:
        return ABBR[w]
    if len(w) >= 5:  # OCR slips: "Ju1i", "Februar1"
        hit = difflib.get_close_matches(w, MONTHS, n=1, cutoff=0.75)
        if hit:
            return MONTHS[hit[0]]
    return None


def find_date(text: str) -> tuple[str, int] | None:
    """The first date in `text` as ISO "YYYY-MM-DD", with its offset; None if there is none."""
    found = []
    for m in WORD_DATE.finditer(text):
        mon = month_number(m.group(2))
        if mon:
            found.append((m.start(), int(m.group(1)), mon, int(m.group(3))))
            break
    for m in NUM_DATE.finditer(text):
        found.append((m.start(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
        break
    for start, d, mo, y in sorted(found):
        try:
            return dt.date(y, mo, d).isoformat(), start
        except ValueError:
            continue
    return None


def place_date(text: str) -> str | None:
    """ISO date of a "Place, 12 Maret 2026" line, the way a letter dates itself."""
    m = PLACE_DATE.match(text)
    if not m:
        return None
    hit = find_date(m.group(2))
    if hit and hit[1] <= 2:
        return hit[0]
    return None


def alone_date(text: str) -> str | None:
    """A date standing alone on its line ("3 Maret 2026", "03-03-2026"), not inside a sentence."""
    text = re.sub(r"^[\s\-:;.,|]+", "", text)  # a colon a scan read as "-" or ";"
    hit = find_date(text)
    if hit and hit[1] <= 1 and len(text.strip()) <= 22:
        return hit[0]
    return None
