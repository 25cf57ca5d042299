"""A name's front titles, as a signature block prints them before the name.

Haji and Hajjah (H., Hj.), the doctorate and the professions (Dr., dr., drg., drh., apt., Ir.,
and the nurse's Ners, Ns.), the old first degrees (Drs., Dra.), the professor (Prof.), Raden
(R.), Kyai Haji (KH.) and Teuku (Tgk.) stand before the name, in this form or in capitals
("DRS. H. AHMAD YANI"). A Balinese name puts "I" (or "Ni") before its birth-order or caste
name, which no other name does alone: OCR reads that I as a stroke or an l.
"""
from __future__ import annotations

import re

TITLE = re.compile(r"^(?:H|Hj|Dr|dr|drg|drh|apt|Ir|Drs|Dra|Prof|Ns|R|KH|Tgk)\.$")
# a front title that opens a name, with its space, as printed or in capitals (not R., KH., Tgk.:
# a ring's letter before a name is read so too)
FRONT = r"(?:H|Hj|HJ|Dr|DR|dr|drg|drh|apt|Ir|IR|Drs|DRS|Dra|DRA|Prof|PROF|Ns|NS)\.\s"


def is_title(word: str) -> bool:
    """Whether WORD is a front title as printed or in capitals ("Drs.", "DRS.")."""
    return bool(TITLE.match(word) or TITLE.match(word[:1] + word[1:].lower()))


# the names a Balinese "I" stands before (Gusti read "Gysti" under a signature's stroke)
BALINESE = re.compile(r"^(?:(?:G[a-z]st[il]|Made|Wayan|Nyoman|Ketut|Komang|Putu|Kadek|Nengah|"
                      r"Gede|Dewa)\b|Gst\.)", re.I)
# the birth-order names among them, which no other name ends with ("Agusti" does with Gusti)
BIRTH_ORDER = re.compile(r"^(?:Made|Wayan|Nyoman|Ketut|Komang|Putu|Kadek|Nengah|Gede)\b", re.I)


# the front titles of three letters or more, which a scan may read a letter off ("prs." for
# "Drs." where a ring cuts the D's stem); shorter ones are a letter off too many other words
LONG = ("Drs.", "Dra.", "drg.", "drh.", "apt.", "Prof.", "Tgk.")
UNSURE = 0.5  # tesseract's confidence in a word below which it may be one letter off


def mended(word: str, conf: float) -> str:
    """WORD, read in a front title's place (before the name), as the front title it is: with
    its dot read as a comma or colon ("drg," "Dr:"), or, read unsure, one letter off a title
    of three letters or more and off no other ("prs." for "Drs."). Else as read."""
    if is_title(word):
        return word
    for end in (",", ":", ";", ".,", ",."):
        if word.endswith(end) and is_title(word[:-len(end)] + "."):
            return word[:-len(end)] + "."
    near = [t for t in LONG if conf < UNSURE and len(t) == len(word) and word.endswith(".")
            and sum(a != b for a, b in zip(t.lower(), word.lower())) == 1]
    if len(near) != 1:
        return word
    return near[0].upper() if word[1:-1].isupper() else near[0]


def reads_as_title(word: str, conf: float = 1.0) -> bool:
    """Whether WORD, read CONF sure in a title's place, is a front title once mended."""
    return is_title(mended(word, conf))
