"""A line read several times, its letters settled by vote.

The signer's name is read alone from several looks at one band (as the page shows it, without
the signature's stroke, its darkest ink: namerow). The looks err in different letters: a stroke
through one letter in one look, a stamp's grey in another. Where the kept reading has a letter
and every other look reads the same other letter in its place, that letter is taken
("RIZAL SOLISTYO" beside "RAZALSULISTYO" and "RIZALSULISTYO" is "RIZAL SULISTYO"): a
letter-level majority, as ROVER combines several recognisers' outputs (Fiscus 1997). Only a
letter for a letter of the same case: spaces, marks and a word's length stay as the kept
reading has them, and two looks are not a majority.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher

from pipeline.letter.lines import Word


def voted(kept: list[Word], others: list[list[Word]]) -> list[Word]:
    """KEPT, one reading of a line, with each letter the other readings OTHERS all put in its
    place instead, where they outnumber the readings that agree with it."""
    text = " ".join(w.text for w in kept)
    if len(others) < 2 or not text:
        return kept
    agree = [1] * len(text)
    votes: list[Counter] = [Counter() for _ in text]
    for other in others:
        theirs = " ".join(w.text for w in other)
        for op, i1, i2, j1, j2 in SequenceMatcher(None, text, theirs, autojunk=False
                                                  ).get_opcodes():
            if op == "equal":
                for i in range(i1, i2):
                    agree[i] += 1
            elif op == "replace" and i2 - i1 == j2 - j1:
                for i, j in zip(range(i1, i2), range(j1, j2)):
                    votes[i][theirs[j]] += 1
    chars = list(text)
    for i, c in enumerate(text):
        if not votes[i]:
            continue
        alt, n = votes[i].most_common(1)[0]
        if n > agree[i] and c.isalpha() and alt.isalpha() and c.isupper() == alt.isupper():
            chars[i] = alt
    out, at = [], 0
    for w in kept:
        out.append(replace(w, text="".join(chars[at:at + len(w.text)])))
        at += len(w.text) + 1
    return out
