"""A line read several times, its letters settled by vote.

The signer's name is read alone from several looks at one band (as the page shows it, without
the signature's stroke, its darkest ink: namerow). The looks may err in different letters: a
stroke through one letter in one look, a stamp's grey in another. Where the kept reading has a
letter and the other looks put one other letter in its place, more of them than agree with the
kept reading, that letter is taken ("RIZAL SOLISTYO" beside "RAZALSULISTYO" and
"RIZALSULISTYO" is "RIZAL SULISTYO"): a letter-level majority, as ROVER combines several
recognisers' outputs (Fiscus 1997). With the kept reading and one other look there is no
majority. Only a Latin letter for a letter of the same case, and only in a word without a dot:
a title, a degree or an initial ("Ir.", "S.Pd.", "M.") is a few letters, and one misread is
another real one ("Dr.", "S.Pa."). Spaces, marks and a word's length stay as the kept reading
has them.

Whole words are voted the same way, by place: the looks are of one band, so a word of one
reading stands where the other readings put theirs. Where most of the other readings put one
other word (or run of words) where the kept reading has its own, each of them a word a name
is made of, and tesseract is surer of them, theirs is taken: the ring's edge read as a
letter after a title is one look's error ("HM." beside "H.", "H.", "OM."). Looks of one
bitmap may share an error, read less surely than the letter right ("HANDAYANL" twice beside
"HANDAYANI,"): hence the surer; and so the readings of one image count as one voice: the
band and the band without the signature's stroke are one bitmap's, which read "Hermian" where
the darkest ink and the band without the rings read "Herman". A word no other reading has,
or one the others miss, stays: a look may drop a word, and one may read what the others
miss. Nor is a degree, a title or an initial voted (a misread of one is another real one:
"Dra." / "Drs."), nor are a name's words joined or parted ("SRI WAHYUNI" / "SRIAWAHYUNI",
"AL-AMIN" / "AL AMIN"): only short words may be ("HiT" beside "H." "I", "AN DI" beside
"ANDI").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher
from typing import Callable

from pipeline.letter.lines import Word
from pipeline.letter.titles import is_title

LONGEST = 200  # characters: a name's line is shorter; alignment time grows with the square
# a degree ("M.Kes") or an initial ("M."); with a front title (titles.is_title), a word the
# vote leaves as read: each a misread of another real one ("Dra." / "Drs.", "Hj." / "H.")
DOTTED = re.compile(r"\.\w|^[A-Z]\.$")
ALIKE = 0.5  # of two readings' letters in common: one place's words read twice
LATIN = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def voted(kept: list[Word], others: list[list[Word]]) -> list[Word]:
    """KEPT, one reading of a line, with a letter the other readings OTHERS put in its place
    instead where more of them do so than agree with it (counting KEPT)."""
    text = " ".join(w.text for w in kept)
    if len(others) < 2 or not text or len(text) > LONGEST:
        return kept
    agree = [1] * len(text)
    votes: list[Counter] = [Counter() for _ in text]
    for other in others:
        theirs = " ".join(w.text for w in other)[:2 * LONGEST]
        for op, i1, i2, j1, j2 in SequenceMatcher(None, text, theirs, autojunk=False
                                                  ).get_opcodes():
            if op == "equal":
                for i in range(i1, i2):
                    agree[i] += 1
            elif op == "replace" and i2 - i1 == j2 - j1:
                for i, j in zip(range(i1, i2), range(j1, j2)):
                    votes[i][theirs[j]] += 1
    dotted = {i for w, at in _starts(kept) if "." in w.text for i in range(at, at + len(w.text))}
    chars = list(text)
    for i, c in enumerate(text):
        if not votes[i] or i in dotted:
            continue
        alt, n = votes[i].most_common(1)[0]
        if n > agree[i] and {c, alt} <= LATIN and c.isupper() == alt.isupper():
            chars[i] = alt
    return [replace(w, text="".join(chars[at:at + len(w.text)])) for w, at in _starts(kept)]


def _starts(kept: list[Word]) -> list[tuple[Word, int]]:
    """Each word of KEPT with where it begins in the line's text (words joined by a space)."""
    out, at = [], 0
    for w in kept:
        out.append((w, at))
        at += len(w.text) + 1
    return out


def words_voted(kept: list[Word], others: list[list[Word]], fits: Callable[[str], bool],
                sources: list | None = None) -> list[Word]:
    """KEPT with the words at a place that most of OTHERS read otherwise, alike, instead, where
    those words all FIT (are a name's), more readings give them than agree with KEPT's, and
    tesseract is surer of them (see the module's docstring). SOURCES: the image each reading
    was read from, KEPT's first; readings of one image count as one voice (default: each
    reading its own)."""
    if len(others) < 2:
        return kept
    readings = [kept] + others
    sources = list(range(len(readings))) if sources is None else sources
    if len(sources) != len(readings):
        raise ValueError("one source for each reading, KEPT's first")
    out: list[Word] = []
    for slot in _slots(readings):
        mine = tuple(w.text for w in slot[0])
        said = [tuple(w.text for w in ws) for ws in slot]
        voices = _voices(said, sources)
        votes = Counter(t for t in said[1:] if t)
        best = max(votes, key=lambda t: (voices[t], votes[t], t == mine), default=mine)
        theirs = max((ws for ws in slot[1:] if tuple(w.text for w in ws) == best),
                     key=sureness, default=slot[0])
        if mine and best != mine and voices[best] >= 2 and voices[best] > voices[mine] \
                and not any((is_title(t) or DOTTED.search(t)) and t not in best for t in mine) \
                and (len(best) == len(mine) or not any(
                    fits(t) and len(re.sub(r"\W", "", t)) >= 4 for t in mine)) \
                and all(map(fits, best)) and _alike(" ".join(mine), " ".join(best)) \
                and sureness(theirs) > sureness(slot[0]):
            out += theirs
        else:
            out += slot[0]
    return out


def _voices(said: list[tuple], sources: list) -> Counter:
    """How many images speak for each of SAID, the words each reading gives at one place
    (SOURCES: the image each was read from): an image speaks for what most of its readings
    give, and, split evenly, for each side (the band read "HM." with the signature's stroke
    and "H." without it)."""
    by: dict = {}
    for source, words in zip(sources, said):
        by.setdefault(source, Counter())[words] += 1
    voices: Counter = Counter()
    for counts in by.values():
        most = max(counts.values())
        voices.update(t for t, n in counts.items() if n == most)
    return voices


def sureness(words: list[Word]) -> float:
    """Tesseract's mean confidence in WORDS."""
    return sum(w.conf for w in words) / len(words) if words else 0.0


def _alike(a: str, b: str) -> bool:
    """Whether A and B are one word's readings, not two words a place's boxes misaligned."""
    return SequenceMatcher(None, a.lower(), b.lower(), autojunk=False).ratio() >= ALIKE


def _slots(readings: list[list[Word]]) -> list[list[list[Word]]]:
    """The places along a line that READINGS of it share: runs of words whose boxes overlap,
    each as the words each reading has there (in reading order)."""
    marked = sorted(((w.x0, k, w) for k, ws in enumerate(readings) for w in ws),
                    key=lambda m: m[:2])
    slots: list[list[list[Word]]] = []
    end = None
    for x0, k, w in marked:
        if end is None or x0 >= end:
            slots.append([[] for _ in readings])
            end = w.x1
        slots[-1][k].append(w)
        end = max(end, w.x1)
    return slots
