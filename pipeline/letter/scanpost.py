"""A signer's post as a scan reads it, set right.

Permendagri 1/2023 prints the post (jabatan) above the room to sign: it opens with the acting
mark or the office ("a.n.", "Plt.", "Kepala", "Sekretaris", "Camat" ...) and names the unit.
On a scan the stamp's ring and lettering, pressed half over the post, are read before it as
marks and short words ("os 22 GAMAT PENEBEL", "wet... SEKRETARIS"), the acting mark is misread
("Pit.", "dn,"), and a letter of the office's word is confused ("SERRETARIS", "GAMAT"). What
a post cannot hold goes, and the office's words are spelt as the naskah dinas spells them.
"""
from __future__ import annotations

import re

from pipeline.letter.scanname import without_marks

# the words that open a post or a post within a chain ("a.n. Camat X / Sekretaris Kecamatan")
HEADS = ("kepala", "sekretaris", "camat", "lurah", "direktur", "inspektur", "bupati",
         "walikota", "gubernur")
# an acting mark or a signing-for mark, its stops as printed or lost ("a.n", "ub.", "Pjs.")
ACT = re.compile(r"^(?:a\.?n\.?|a/n\.?|u\.?b\.?|p[l1i][th]\.?|plh\.?|pjs?\.?|pgs\.?|pth\.?)[,:]?$",
                 re.I)
# a misread "a.n." or "u.b." ("dn,", "a,n.", "u,b")
SIGNING_FOR = re.compile(r"^[ad4][.,/]?n[.,;]?$|^u[.,]?b[.,;]?$", re.I)
# the office's words of a post a scan may misread by one letter (a stamp's ring crossing it):
# the heads, and the unit's long words; not the short ones, which places are one letter off
# ("Muara Badak", "Minas", "Bagan Sinembah" are no misread "Badan", "Dinas")
OFFICE_WORDS = HEADS + ("sekretariat", "kecamatan", "kelurahan", "subbagian", "kabupaten",
                        "provinsi", "pelaksana")
ALIEN = re.compile("[#\u00b0~^*=<>\u00ab\u00bb\u00a2\u00a3\u00a5\u00a7\u00a9\u00ae\u2122"
                   "\u00ac\u00b1]")  # (not "|": a Roman numeral's I is read so, "Wilayah |V")
SHORTEST = 5  # letters: shorter words are too many one letter apart ("kota", "koto", "kita")


def scanned_post(jabatan: str) -> str | None:
    """JABATAN as a scan read it, without the stamp's remnants before it, its acting mark
    and its office's words as printed."""
    # stamp ink read as marks: tokens without letters go (the post's closing comma may come
    # out as a dot; or glued to its first capital: "‘Kepala Dinas"; "(Plt.)" keeps its bracket)
    jabatan = re.sub(r"^(?:[^A-Za-z\s]{1,4}\s+)*(?:[^\w\s(]{1,3}(?=[A-Z]))?", "",
                     without_marks(jabatan)).rstrip(",.")
    # a post is printed in letters, digits and its words' stops, commas, slashes, hyphens and
    # brackets: a token that opens with another mark is the stamp's ("#75"), but for a word
    # of letters the mark is glued to ("°DAN"); one after a word is a speck ("Negeri 2»")
    jabatan = " ".join(ALIEN.sub("", t) for t in jabatan.split() if not ALIEN.search(t)
                       or re.fullmatch(r"[A-Za-z]{2,}[.,]?", ALIEN.sub("", t))
                       or not ALIEN.match(t) and re.fullmatch(r"\w+[.,]?", ALIEN.sub("", t)))
    # nor does a post open with a lone lowercase letter ("a, Kepala Dinas"; a.n., u.b., an.,
    # plt. are words of their own and stay)
    jabatan = re.sub(r"^(?:[a-z][,.;:']?\s+)+(?=[A-Z])", "", jabatan)
    # "Plt." (pelaksana tugas) read "Pit." or "P1t.", "Plh." (pelaksana harian) read "Pih.", its
    # stop read as marks ("Pit?", "Plt...", "Plt:", "Pih-Kepala"): no post opens with such a
    # word; nor with stamp bits before them ("et 3")
    jabatan = re.sub(r"^(?:(?!a/n|an\.|a\.n|u\.b|ub\.)\S{1,3}\s+){0,3}?"
                     r"P[i1lL]([thTH])(?:[.,:]?\s|[.,:?'\u2019-]{1,3}\s?)(?=[A-Z])",
                     lambda m: ("PL" if m.group(1).isupper() else "Pl") + m.group(1) + ". ",
                     jabatan)
    # no post opens with the preposition "Kepada": it is "Kepala" with its l read d
    jabatan = re.sub(r"^((?:Pl[th]\.|Pj\.)\s+)?K(EPADA|epada)\b", lambda m: (
        m.group(1) or "") + ("KEPALA" if m.group(2).isupper() else "Kepala"), jabatan)
    return _opening(_spelt(_inner_bits(jabatan))) or None


def _inner_bits(jabatan: str) -> str:
    """JABATAN without the stamp's bits read between its words: a run of dots ("0...": no
    post has an ellipsis); a mark glued to a bit in small letters ("(ss dan"); in a post
    printed in capitals, a short word in small letters without a stop ("No"; its own small
    words are abbreviations: "a.n.", "dr.") or a capital and a digit ("H1 SEKRETARIS"); two
    lone digits in a row ("Latihan 0 1 Kerja"; "SMP N 1" is a post's). A bracket opened
    before a word of the post and never closed is a speck too ("Kabupaten (Kampar"). (A
    two-letter bit in title case, "Ss Sekretaris", cannot be told from a place's or an
    abbreviation's: "Gampong Ie Masen", "Camat Tj Priok", "RSUD Dr Soetomo".)"""
    words = jabatan.split()
    capitals = all(w.isupper() for w in words if len(re.sub(r"[^A-Za-z]", "", w)) >= 3)
    one = [len(w) == 1 and w.isdigit() for w in words]  # (two such in a row: "0 1 Kerja")
    words = [w for k, w in enumerate(words) if k == 0 or not (
        one[k] and (one[k - 1] or k + 1 < len(words) and one[k + 1]) or
        re.fullmatch(r"[^A-Za-z]{0,2}[.\u2026]{2,}", w)
        or re.fullmatch(r"[^\w\s.]+[a-z]{1,2}", w)
        or capitals and (re.fullmatch(r"[A-Za-z]{1,3}", w) and not w.isupper()
                         or re.fullmatch(r"[A-Z]\d", w))
        and not ACT.match(w))]  # ("an", "ub": an acting mark without its stops)
    return " ".join(w[1:] if k and w.startswith("(") and len(w) > 1 and ")" not in " ".join(
        words[k:]) else w for k, w in enumerate(words))


def _spelt(jabatan: str) -> str:
    """JABATAN with each word one letter off an office's word (same length) spelt as that
    word, in the word's case; an office's word whose last letter was read apart
    ("SEKRETARI S") whole; and a "dan" glued to the next word apart."""
    def whole(m: re.Match) -> str:
        return m.group(1) + m.group(2) if _office(m.group(1) + m.group(2)) else m.group(0)
    jabatan = re.sub(r"\b([A-Za-z]{4,}) ([A-Za-z])\b(?!\.)", whole, jabatan)
    # "dan" glued to the word after it, or joined by a speck read as a hyphen ("danPencatatan",
    # "dan-Kawasan", "DAN-UKM"): no post's word is so written (a place may be: "DANUREJAN")
    jabatan = re.sub(r"\bdan-?(?=[A-Z][a-z])|\bDAN-(?=[A-Z]{2,})", lambda m: m.group(0)[:3] + " ",
                     jabatan)
    return re.sub(r"\b[A-Za-z]{%d,}\b" % SHORTEST, lambda m: _office(m.group(0)) or m.group(0),
                  jabatan)


def _office(word: str) -> str | None:
    """The office's word WORD is or is one letter off, in WORD's case; None if none."""
    low = word.lower()
    if not (word.isupper() or word[0].isupper() and word[1:].islower()):
        return None
    for good in OFFICE_WORDS:
        if len(good) == len(low) and sum(a != b for a, b in zip(good, low)) <= 1:
            return good.upper() if word.isupper() else good.capitalize()
    return None


def _opening(jabatan: str) -> str:
    """JABATAN from its first office's word or acting mark, where what the scan read before it
    is stamp debris (short bits, marks, digits: "os 22 CAMAT", "wet... SEKRETARIS") or the end
    of a sentence of the body ("… Sandi Negara. KEPALA BADAN"); a misread "a.n." or "u.b."
    before it ("dn, CAMAT X", "a,n Bupati") is "a.n." or "u.b."."""
    words = jabatan.split()
    at = next((k for k, w in enumerate(words) if ACT.match(w.strip("()"))
               or RING_MARK.sub("", w).lower().rstrip(",") in HEADS), None)  # ("(Plt.) Kepala")
    if not at:
        return jabatan
    before, rest = words[:at], words[at:]
    if SIGNING_FOR.match(before[-1]):
        mark = "u.b." if before[-1][0] in "uU" else "a.n."
        return " ".join(([] if _debris(before[:-1]) else before[:-1]) + [mark] + rest)
    # (a mark glued to the office's word is the ring's, which crosses the bits before it too:
    # "LS /KEPALA", "Lo :Kepala"; print sets no mark before a post's word)
    if _debris(before) or before[-1].endswith(".") and len(before) >= 2 or RING_MARK.match(
            rest[0]):
        return " ".join([RING_MARK.sub("", rest[0])] + rest[1:])
    return jabatan


RING_MARK = re.compile(r"^[^\w(]+(?=[A-Za-z])")


def _debris(words: list[str]) -> bool:
    """Whether WORDS read before a post are a stamp's bits: each with a digit or a mark in it
    ("22", "wet...", "Psp\u201d"), or a short word in small letters ("os"); not an acronym
    of the post's ("KPA", "UPT"), nor a word."""
    return all(re.search(r"[^A-Za-z,]", w) or len(w) <= 3 and not w.isupper() for w in words)
