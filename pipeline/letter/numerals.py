"""Numbers written twice, in digits and in words: "5 (lima) tahun", "30% (tiga puluh persen)".

Permendagri 1/2023 has a naskah dinas write a number in its body with its words in brackets
after it, so the words tell what the digits were where a scan misread them: "S (lima)" is a
5 and "3096 (tiga puluh persen)" is 30%, tesseract's usual reading of "%". Only a misreading
of that kind is set right; digits that say another number stay as printed.
"""
from __future__ import annotations

import re

UNITS = {"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
         "delapan": 8, "sembilan": 9}
# "se-" is "one": sepuluh, sebelas, seratus, seribu stand alone in a number's words
ONE_OF = {"sepuluh": 10, "sebelas": 11, "seratus": 100}
# the letters a scan reads for digits (a digit's shape); "96" for "%" is handled apart
AS_DIGIT = str.maketrans("OoDIl|SsBZz", "00011155822")
# digits (or what a scan made of them) and their words in brackets
WRITTEN_TWICE = re.compile(r"(?<![\w.,/%])([0-9OoDIl|SsBZz]{1,7}%?)(\s?\()"
                           r"((?:[a-z]+\s){0,7}[a-z]+)(\))")


def value(words: str) -> int | None:
    """The number WORDS say ("dua ratus lima puluh ribu" 250000), or None where they are no
    number's words."""
    total = group = pending = 0
    seen = False
    for w in words.lower().split():
        if w in UNITS:
            if seen and pending:
                return None  # two digits' words in a row ("dua tiga") say no number
            pending, seen = UNITS[w], True
            continue
        if w in ONE_OF:
            group += ONE_OF[w]
        elif w == "belas" and pending:
            group += 10 + pending
        elif w == "puluh" and pending:
            group += 10 * pending
        elif w == "ratus" and pending:
            group += 100 * pending
        elif w in ("ribu", "seribu"):
            total += 1000 * (group + pending or 1) if w == "ribu" else 1000
            group = 0
        else:
            return None
        pending, seen = 0, True
    return total + group + pending if seen else None


def _agreed(m: re.Match) -> str:
    digits, words = m.group(1), m.group(3)
    if digits == "I":
        return m.group(0)  # a Roman numeral ("Tahap I (satu)"), printed so
    percent = words.endswith(" persen")
    n = value(words[:-len(" persen")] if percent else words)
    if n is None:
        return m.group(0)
    want = f"{n}%" if percent else str(n)
    read = digits.translate(AS_DIGIT)
    if read == want or percent and read in (f"{n}96", f"{n}9%"):
        return want + m.group(2) + words + m.group(4)
    return m.group(0)


def agreed(text: str) -> str:
    """TEXT (a scan's) with each number written twice set to what its words say, where the
    digits were misread as letters of a digit's shape or "%" as "96"."""
    return WRITTEN_TWICE.sub(_agreed, text) if "(" in text else text
