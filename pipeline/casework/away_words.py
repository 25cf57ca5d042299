# SPDX-License-Identifier: AGPL-3.0-or-later
"""Reading an absence from an official's reply: `CUTI s.d. 12 Desember`, `DINAS LUAR s.d.
12-12-2026`, `SAKIT mulai 3 Desember s.d. 5 Desember, Plt. irban-2` … and dates typed by hand.

Only the first non-empty line counts, and it must begin with the reason: a drafter's answer
that mentions "cuti" in a sentence is never read as an absence."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.letter.dates import month_number

REASON_WORDS = {"cuti": "cuti", "dinas luar": "dinas luar", "dl": "dinas luar",
                "perjalanan dinas": "dinas luar", "sakit": "sakit", "izin": "izin",
                "ijin": "izin", "tugas belajar": "tugas belajar", "diklat": "diklat",
                "pelatihan": "diklat"}
_DATE = (r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}"
         r"|\d{1,2}\s+[A-Za-z]{3,10}\.?(?:\s+\d{4})?")
_REASON = "|".join(sorted((re.escape(w) for w in REASON_WORDS), key=len, reverse=True))
LINE = re.compile(
    rf"^\s*(?P<reason>{_REASON})\b[\s,:;-]*"
    rf"(?:(?:mulai|dari|tanggal|tgl\.?)?\s*(?P<start>{_DATE})\s*)?"
    rf"(?:s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|hingga|–|-)\s*(?:tanggal\s+|tgl\.?\s*)?"
    rf"(?P<end>{_DATE})"
    rf"(?:[\s,;.]+(?:plt\.?|pengganti|diganti(?:kan)?(?:\s+oleh)?|kepada|delegasi)\s*:?\s*"
    rf"(?P<delegate>[\w.@+-]+))?[\s.]*$", re.I)


@dataclass(frozen=True)
class AbsenceWords:
    reason: str
    start: date | None
    end: date
    delegate: str | None          # a code or an address, as written


def read_date(text: str, today: date) -> date | None:
    """'12 Desember', '12 Desember 2026', '12-12-2026', '12/12/26', '2026-12-12'; a date
    without its year is the next such day from TODAY on."""
    text = text.strip().rstrip(".")
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            return date.fromisoformat("-".join(p.zfill(2) for p in text.split("-")))
        m = re.fullmatch(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{2,4})", text)
        if m:
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return date(year, int(m[2]), int(m[1]))
        m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]{3,10})\.?(?:\s+(\d{4}))?", text)
        if m and (month := month_number(m[2])):
            if m[3]:
                return date(int(m[3]), month, int(m[1]))
            day = date(today.year, month, int(m[1]))
            return day if day >= today else date(today.year + 1, month, int(m[1]))
    except ValueError:              # 31 Februari, 13-13-2026
        return None
    return None


def read(text: str, today: date) -> AbsenceWords | None:
    """The absence the first line of TEXT declares, or None when it declares none."""
    first = next((line for line in (text or "").splitlines() if line.strip()), "")
    m = LINE.match(first)
    if not m:
        return None
    end = read_date(m["end"], today)
    start = read_date(m["start"], today) if m["start"] else None
    if end is None or (m["start"] and start is None):
        return None
    reason = REASON_WORDS[" ".join(m["reason"].lower().split())]
    return AbsenceWords(reason, start, end, m["delegate"])
