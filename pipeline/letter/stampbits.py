"""What a stamp leaves before a scanned post's line: its ring and lettering read as marks,
a letter or digits ("». S KEPALA", "(S2 KABUPATEN"), or as small words before a line set in
capitals ("oo -_ KABUPATEN", "activ: KEPALA"). A post's own words stay: "DKI Jakarta", "UPT
Puskesmas", "P3A Kota", "Pj. Bupati", "a/n BUPATI", and the small words a post writes small
("dr. SOETOMO", "selaku PPKD", "pada SEKRETARIAT", "atas nama BUPATI", "a.n.", "plt.").
"""
from __future__ import annotations

import re

from pipeline.letter.lexicon import known

# marks before a post's line: a stamp's ring and lettering beside it ("». S KEPALA", "(S2
# KABUPATEN"), short bits with a mark in them, a lone letter or digits; not a word of the
# post ("DKI Jakarta", "UPT Puskesmas", "P3A Kota", "Pj. Bupati", "a/n BUPATI")
STAMP_BITS = re.compile(r"^(?:(?!a/n\s|dn[.,]\s)(?=\S{1,3}\s)(?:\S*[^\w.\s]\S*|[A-Za-z]|\d+)\s+)+"
                        r"(?=[A-Z][A-Za-z]{2,})")
# ... or small words before a line in capitals ("oo -_ KABUPATEN", "activ: KEPALA"): a post in
# capitals writes its "DAN" in capitals too; but its own small words stand so ("dr. SOETOMO",
# "selaku PPKD", "pada SEKRETARIAT", "atas nama BUPATI", "a.n.", "plt.")
SMALL_BIT = re.compile(r"[a-z]\S*|\S{0,2}[^\w.\s]\S{0,2}")
# ("dn,": a.n. misread, set right in scanpost)
OWN_SMALL = re.compile(r"(?:a/n|a\.?n\.?|dn[.,]|u\.?b\.?|p[l1i][th]\.?|pj\.?|dr\.|drg\.|c\.q\.|"
                       r"u\.p\.)$")


def stripped(text: str) -> str:
    """TEXT, a scanned post's line, without what the stamp left before it."""
    return _small_bits(STAMP_BITS.sub("", text))


def _small_bits(text: str) -> str:
    """TEXT, a scanned post's line, without the small words read before its capitals."""
    words = text.split()
    k = 0
    while k < len(words) and SMALL_BIT.fullmatch(words[k]) and not OWN_SMALL.match(words[k]) \
            and not known(words[k].strip(".,:;").lower()):
        k += 1
    return " ".join(words[k:]) if 0 < k < len(words) and re.match(r"[A-Z]{3,}\b", words[k]) \
        else text


UNSURE = 0.5  # tesseract's confidence in a line below which it may be the stamp's lettering
WORDY = 0.5  # of a line's letters: at least this share in words makes it a post's


def lettering(text: str, conf: float) -> bool:
    """Whether TEXT, a scanned line read CONF sure under a post's closing comma, is the stamp's
    lettering: read unsure, and most of its letters in bits ("ad arung yi de / f"), not in
    words of four letters or more that are capitalised, as a post's are, or Indonesian."""
    letters = re.findall(r"[A-Za-z]+", text)
    wordy = sum(len(t) for t in letters if len(t) >= 4 and (t[0].isupper() or known(t.lower())))
    return conf < UNSURE and wordy < WORDY * sum(map(len, letters))
