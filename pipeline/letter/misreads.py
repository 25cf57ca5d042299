"""A scanned line's text with OCR's usual misreadings set right.

Each fix is one misreading seen on scans and photos, with the reason it can only be a misreading
(a mark standing alone between words, a "q" that is no Indonesian word, an I of a Roman numeral
read as l). They apply to a line as tesseract gave it, and again to a value joined from several
lines (a question that wraps), where a misreading may straddle the join ("golongan" / "Il").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from pipeline.letter.lexicon import known
from pipeline.letter.lines import Line
from pipeline.letter.numerals import agreed

LABEL_WORDS = {"nomor", "no", "sifat", "lampiran", "lamp", "hal", "perihal", "dari", "kepada",
               "tanggal", "tembusan", "yth"}
# an inspectorate's Wilayah I read "Wilayah |" before its Inspektorat or at the line's end;
# first, as the marks' rule below drops a lone "|" (not a table's rule: a line of more bars)
FIXES = [(re.compile(r"^(?!.*\|.*\|)(.*\b(?:Wilayah|WILAYAH)\s+)\|"
                     r"(?=\s+(?:Inspektorat|INSPEKTORAT)\b|\s*[,.;)]?$)"), r"\1I"),
         (re.compile(r"\bY\s?th\b\.?"), "Yth."), (re.compile(r"\bNIP\s*[.,:]\s*"), "NIP. "),
         # marks standing alone are stamp edges and specks, not print ("Inspektur — Daerah")
         # (a speck read as "_" may take a dot or comma with it: "Daerah _. Kota"), also at a
         # line's end ("Dinas Kesehatan _" above the unit's second line)
         (re.compile(r"(?<=\S) [\u2014\u201c\u201d\u00a3\u00ab\u00bb|_~\u00b0\u2022*]+[.,]?(?= \S|$)"), ""),
         (re.compile(r"^[_~]+[.,]? (?=\S)"), ""),  # at its start (a bullet there may be print)
         (re.compile(r"(?<= )_+(?=[a-z])"), ""),  # or glued to a word's start ("biaya _inap")
         # an "=" alone at a line's end (inside a line it may be a sum's: "2 x Rp5.000 = Rp10.000")
         (re.compile(r"(?<=[\w.)]) =+$"), ""),
         # a rule's dash read as an opening quote glued to an item's first word, never closed
         (re.compile(r"^(\d{1,2}[.)] )[\u201c\u2018]+(?=[A-Z][a-z])(?!.*[\u201d\u2019\"'])"), r"\1"),
         # a speck read as "q" (no Indonesian word is a lone q), or as a colon between two
         # words of a sentence ("dalam satu : bulan"), not after a label ("Perihal : permohonan")
         (re.compile(r"(?<=\S) q(?= \S|$)"), ""),
         (re.compile(r"\b(\w*[a-z]) :(?= [a-z]{2})"),
          lambda m: m.group(0) if m.group(1).lower() in LABEL_WORDS else m.group(1)),
         # "Plt." (pelaksana tugas, an acting official) with its l read as i: no word is "Pit."
         (re.compile(r"\bPit\.(?=[\s),]|$)"), "Plt."),
         # the Nomor label with its o read as a, or its m as rn: no word is "Nomar" or "Nornor"
         (re.compile(r"^N[o0](?:m|rn)[a0]r(?=\s*[:.])|^N[o0]rn[o0]r(?=\s*[:.])"), "Nomor"),
         # and the Perihal label with its "ri" read as n, or an i or l as another stroke
         # ("Penhal :", "Perihai :"),
         # the Lampiran label with its m as rn ("Larnpiran :"): no word is so spelt
         (re.compile(r"^Pe(?:n|r[il1!|])ha[li1!|](?=\s*[:.;])", re.I),
          lambda m: "PERIHAL" if m.group(0).isupper() else "Perihal"),
         (re.compile(r"^La(?:rn|m)p[l1!|]ran(?=\s*[:.;])|^Larnpiran(?=\s*[:.;])", re.I),
          lambda m: "LAMPIRAN" if m.group(0).isupper() else "Lampiran"),
         # a speck before a word: "dan .Kota Magelang", or at a line's start, ".Ruang"
         (re.compile(r"(?:(?<= )|^)\.(?=[A-Z][a-z])"), ""),
         # or specks read as dots glued before a word (PUEBI spaces an ellipsis off the word
         # after it: "RISET ...DAN INOVASI" is a speck's)
         (re.compile(r"(?<= )\.{2,}(?=[A-Za-z]{2})"), ""),
         (re.compile(r"(?<=[A-Z]) (?=[A-Z],)"), ""),  # "PRASETY O," -> "PRASETYO,"
         # a prefix's hyphen before an acronym read with a space after it ("non- ASN"; a
         # suspended "pra- dan pascasarjana" goes on in small letters)
         (re.compile(r"(?<=[a-z]-) (?=[A-Z]{2,}\b)"), ""),
         # rupiah are written "Rp200.000.000,00" (dots between thousands, a decimal comma):
         # a scan reads the comma as a dot
         (re.compile(r"(\bRp\s?\d{1,3}(?:\.\d{3})+)\.(\d{2})\b"), r"\1,\2"),
         # a civil servant's golongan, an eselon and an inspectorate's Wilayah are numbered in
         # Roman numerals; a scan reads their I as l, 1, !, | or [ ("golongan Il", "eselon [il"),
         (re.compile(r"\b((?:[Gg]olongan|GOLONGAN|[Ee]selon|ESELON|Wilayah|WILAYAH)\s+)"
                     r"([Il1|!\[][Il1|!\[\]it]{0,2})(?=[\s,.;:/)?]|$)"),
          lambda m: m.group(1) + "I" * len(m.group(2))),
         # or III's first two run together as an N ("eselon INI"; in a line in capitals, or
         # after another word, "INI" is "this": "PEGAWAI GOLONGAN INI", "wilayah INI")
         (re.compile(r"\b([Ee]selon|[Gg]olongan)\s+INI(?=[\s,.;:/)?]|$)"), r"\1 III")]


def cleaned(text: str) -> str:
    """A scanned line's text with OCR's usual misreadings set right (FIXES), and each number
    written in digits and words as its words say (numerals)."""
    for rx, good in FIXES:
        text = rx.sub(good, text)
    return agreed(text)


# the letters a scan confuses inside a word: l and i are one stroke apart, and "!" and "|" are
# an l or an i with a speck ("Pegawa!", "teriambat"); a "!" may also be a speck after a whole
# word ("Operasional!"): no naskah dinas writes an exclamation mark; e and o differ by a bar,
# and an m's arches parted read "rn"; an h's ascender lost reads n ("nonorarium"), and an l
# crossed by a speck reads f ("febih")
CONFUSED = {"l": ["i"], "i": ["l"], "!": ["l", "i", ""], "|": ["l"], "e": ["o"], "o": ["e"],
            "rn": ["m"], "n": ["h"], "f": ["l"]}
LONG = 8  # letters
FEWEST = 5  # letters: shorter words are too many one letter apart
LONGEST = 30  # letters: a run of letters longer is no word a page's width holds
WORD = re.compile(r"(?<![\w!|])[A-Za-z!|]{3,}(?![\w!|])")
SPLIT = re.compile(r"(?<![\w.])([A-HJ-UWYZ]) ([a-z]{3,})\b")  # (I, V, X: Roman numerals)


def respelt(lines: list[Line]) -> list[Line]:
    """Scanned LINES with each word a reader would not know, one confused letter off a word it
    would, spelt as that word; and a word cut after its capital made whole. Known are the
    words the letter itself spells so elsewhere, and Indonesian words (lexicon). Names in
    capitals, acronyms and words without a vowel ("plt", "pln") stay."""
    counts = Counter(w.lower() for ln in lines if ln.ocr for w in WORD.findall(ln.text))

    def fit(word: str, own: bool) -> int:
        """3 the letter spells it so elsewhere; else how surely it is Indonesian (lexicon)."""
        low = word.lower()
        return 0 if not word.isalpha() else 3 if counts[low] > own else known(low)

    def fits(word: str, k: int, c: str, good: str) -> int:
        """How well WORD with its letters C at K read as GOOD stands; 0 where not taken."""
        other = word[:k] + good + word[k + len(c):]
        if c in "!|":  # a mark in a word is surely misread
            return fit(other, False)
        if c == "f":  # taken only for a root word as it stands, in a word in small letters
            # of five or more ("fat", a Sifat label cut short, is no misread "lat")
            f = fit(other, False)
            return f if f >= 2 and word.islower() and len(word) >= FEWEST else 0
        if c in ("e", "o", "rn", "n"):  # a round letter's bar lost or smudged in, an m's
            # arches parted, an h's ascender lost: taken only for a root word as it stands, and
            # only in a long word, which few names and loanwords are one such letter off
            # ("Kensultasi", "Bagairnana"; "Ambon" is no misread "amben", nor "toner" of
            # "tener", "kepling" of "kopling")
            f = fit(other, False)
            return f if f >= 2 and len(word) >= LONG else 0
        f = fit(other, False)
        if not other.isalpha() or word[0].isupper() and not counts[other.lower()] and not (
                len(word) >= LONG and f >= 2):
            return 0  # a capitalised word may be a name: only the letter's own spelling sets
            # its l or i right ("Jawa" and "Bali" are no misreadings of "lawa" and "ball"),
            # or a root word as it stands for a long one, as few names are ("Konsuitasi")
        # an i read for an l is the usual misreading; an l read for an i must give a root word
        # as it stands ("diklat" is no misread "dikiat", which stems to "kiat")
        return f if c == "i" or f >= 2 else 0

    def one(m: re.Match) -> str:
        word = m.group(0)
        if len(word) > LONGEST or fit(word, True) or re.search(r"[A-Z]", word[1:]) \
                or not re.search(r"[aeiouAEIOU]", word):
            return word
        scored = [(fits(word, k, c, good), word[:k] + good + word[k + len(c):])
                  for k in range(len(word)) for c, goods in CONFUSED.items()
                  if word.startswith(c, k) for good in goods]
        best = max(scored, default=(0, word))
        return best[1] if best[0] else word

    def whole(m: re.Match) -> str:
        """A word OCR cut after its capital ("D enpasar"): joined where the letter spells it
        so elsewhere, or the piece is no word; "kelas A dan B", "Blok C nomor" stay."""
        word = m.group(1) + m.group(2)
        return word if counts[word.lower()] or not fit(m.group(2), True) else m.group(0)
    return [replace(ln, text=SPLIT.sub(whole, WORD.sub(one, ln.text))) if ln.ocr else ln
            for ln in lines]
