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
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher

from pipeline.letter.lines import Word

LONGEST = 200  # characters: a name's line is shorter; alignment time grows with the square
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
