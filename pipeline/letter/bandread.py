"""A band of a scanned page read alone, as one line, and its reading tidied as a name's.

namerow and postline read the lines of the signature block again, each band cut from the page
and read by tesseract as a single line (--psm 7), all in one run (tsv.read_bands). A band cut
around a name also takes in what stands beside it: the stamp's ring and star, the signature's
strokes. Such a reading is tidied as a name's line before it is weighed: marks before and
after the name go, a Balinese "I" read as a stroke is an "I" again, a title boxed where the
ring is stands back beside the name.
"""
from __future__ import annotations

import re
from dataclasses import replace
from statistics import median

from pipeline.letter.degrees import mended
from pipeline.letter.lines import Word
from pipeline.letter.nameline import LINE_SECONDS
from pipeline.letter.titles import (BALINESE, BIRTH_ORDER, is_title, mended as mended_title,
                                    reads_as_title)
from pipeline.letter.tsv import read_bands

GLUED_I = re.compile(r"^[|{\[(!1A-Z](?=[A-Z])")
SPACED = 1.0  # of the name's height: a word's space, no wider
SPARSE = 0.3  # of the ink density of the line's words after it: a stamp's specks
# two words in capitals with a stop between them and no space
CAPITALS_STOP = re.compile(r"\b([A-Z]{3,})\.(?=[A-Z]{3,}\b)")
RUN_TOGETHER = re.compile(r"(?<=[a-z],)(?=[A-Z][a-z]{0,3}\.)"
                          r"|(?<=[a-z]{4})(?=[A-Z][a-z]{2,}[,.]?(?:\s|$))")


def read_lines(looks: list[tuple], run, timeout: float, langs: str) -> list[list[Word]]:
    """The words of each of LOOKS (an image of the page's band at BOX, and the KEY of the row
    it gives), read as one line each, in one run of tesseract (tsv.read_bands)."""
    if not looks:
        return []
    read = read_bands([look.convert("1") for look, _, _ in looks],
                      [(box, key) for _, box, key in looks], run, min(timeout, LINE_SECONDS),
                      langs)
    return [_closed(_trimmed(_balinese(_in_order(again)))) for again in read] \
        if read is not None else [[] for _ in looks]


def _in_order(again: list[Word]) -> list[Word]:
    """AGAIN, one line's words in tesseract's reading order, each box kept between its
    neighbours': a word joined to an underline is boxed as wide as the line ("NASUTION," from
    the band's left edge to past the degrees), and sorted by its box it would stand first."""
    for w, nxt in zip(again, again[1:]):
        if w.x1 > nxt.x0 and w.x0 < nxt.x0:
            w.x1 = max(w.x0 + 1, nxt.x0 - 1)
    for prev, w in zip(again, again[1:]):
        if w.x0 < prev.x1 and w.x1 > prev.x1:
            w.x0 = min(w.x1 - 1, prev.x1 + 1)
    return again


def specks(again: list[Word], bw, box) -> set[int]:
    """The ids of AGAIN's words before the line's print whose ink is specks: what a stamp
    leaves of its ring and lettering once its colour or grey is taken out, which tesseract
    reads as short words ("On SS MARYATI"). Print, bold or not, fills its letters' boxes
    several times as densely. (Not a front title the ring cut: it is print.) BW: the image
    the words were read from, at BOX."""
    again = sorted(again, key=lambda w: w.x0)
    dense = [_density(w, bw, box) for w in again]
    n = 0
    while n < len(again) - 2 and not reads_as_title(again[n].text, again[n].conf) \
            and (dense[n] < SPARSE * median(dense[n + 1:]) or not re.search(
                r"[A-Za-z]", again[n].text)):  # (a mark among them: "| SN Prof.")
        n += 1
    return {id(w) for w in again[:n]}


def _density(w: Word, bw, box) -> float:
    """The share of black in W's box on BW, the image at BOX read."""
    x0, top = int(w.x0) - box[0], int(w.top) - box[1]
    cut = bw.crop((x0, top, max(x0, int(w.x1) - box[0]) + 1,
                   max(top, int(w.bottom) - box[1]) + 1)).convert("L")
    return sum(cut.histogram()[:128]) / max(1, cut.width * cut.height)


def mended_line(again: list[Word]) -> list[Word]:
    """AGAIN, a name's line, with a front title a stamp spoilt as that title (titles.mended),
    and a degree read unsure and a letter off a listed one as that one (degrees; not in a
    post's line, postline, where no title or degree stands)."""
    for w, nxt in zip(again, again[1:]):
        # (a front title's place: before a title or a word of the name, not a degree, and
        # before the name's words: an initial after them is the name's, "ANDI R, SH"; so is
        # a word after a name's abbreviation, "MUH.")
        if nxt.text[:1].isupper() and (is_title(nxt.text) or "." not in nxt.text):
            w.text = mended_title(w.text, w.conf)
        if not is_title(w.text) and (len(re.sub(r"\W", "", w.text)) >= 4 or re.fullmatch(
                r"[A-Z][A-Za-z]{1,3}\.", w.text)):
            break
        if w.text.endswith(","):
            break  # (the degrees follow the name's comma; its titles stand before)
    for w in again:
        # (two names a lost space glued, "HandayaniAnggraini": no name has a capital inside
        # after four small letters; "MacDonald", "FitzGerald" have it sooner;
        # a degree glued to the comma before it, "Anggraini,S.Kom."; nor does a name hold a
        # slash: a signature's stroke through the space, "EUIS/KOMALASARI"; not between
        # two degrees typed so, "SH/MH")
        w.text = RUN_TOGETHER.sub(" ", RUN_TOGETHER.sub(" ", mended(w.text, w.conf)))
        w.text = re.sub(r"(?<=[A-Za-z]{3})/(?=[A-Z][A-Za-z]{2})", " ", w.text)
        # (nor a stop between two words in capitals: a speck in their space, "RENI.ANGGRAINI";
        # an initial's stop follows one letter, "M.NUR", and a degree's holds small ones)
        # (a title in capitals keeps its stop, "DRS. HERMAN")
        w.text = CAPITALS_STOP.sub(lambda m: m[1] + (". " if is_title(m[1] + ".") else " "),
                                   w.text)
    return again


def _balinese(again: list[Word]) -> list[Word]:
    """AGAIN with a Balinese name's "I" read as a stroke ("Ir. | Gusti"): Balinese names put
    "I" (or "Ni") before the birth-order or caste name, which no other name does alone. A
    ring crossing that I may make it a bracket or another capital glued to the name
    ("{Nyoman", "FKETUT"): no name begins with a bracket, nor a letter before a Balinese
    name."""
    for w, nxt in zip(again, again[1:]):
        # (or as a small letter or a "!" a word's space before the name: the ring's arc
        # crossing the I's stem makes it a "t", an "f"; a capital is a letter of its own, "M"
        # for "NI", and a dot, a quote or a dash a speck: many names print no I, "WAYAN
        # KOSTER")
        if BALINESE.match(nxt.text) and (w.text in ("|", "l", "1") or len(w.text) == 1 and (
                (w.text.islower() or w.text == "!")
                and nxt.x0 - w.x1 < SPACED * (nxt.bottom - nxt.top))):
            w.text = "I"
    out = []
    for w in again:
        # (a capital only before a birth-order name: "AGUSTI" is a name of its own)
        if GLUED_I.match(w.text) and BALINESE.match(w.text[1:]) and (
                not w.text[0].isalpha() or BIRTH_ORDER.match(w.text[1:])):
            cut = w.x0 + (w.x1 - w.x0) / len(w.text)
            out += [replace(w, text="I", x1=cut), replace(w, text=w.text[1:], x0=cut)]
        else:
            out.append(w)
    return out


def _closed(again: list[Word]) -> list[Word]:
    """AGAIN, one line's words, its first not boxed far from the next in a box too narrow for
    its letters: tesseract may box a title spoilt by a stamp's ring where the ring is ("H."
    boxed at the band's left edge, a third of a letter wide, three letters from "AGUS"), and
    the page's lines would then part the name there. (Only the first: a mark boxed so after
    the name is debris, and stays apart from it.) Nor does a front title stand far from the
    word after it: the gap is a word the ring hid ("drg. [I] Nyoman"), and the title goes
    with the name (debris before it stays apart, and goes as a line of its own)."""
    if len(again) > 1:
        h, (w, nxt) = median(w.bottom - w.top for w in again), again[:2]
        if nxt.x0 - w.x1 > 1.5 * h and w.x1 - w.x0 < 0.5 * h * len(w.text):
            w.x0, w.x1 = nxt.x0 - 0.4 * h - (w.x1 - w.x0), nxt.x0 - 0.4 * h
        for w, nxt in reversed(list(zip(again, again[1:]))):
            if is_title(w.text) and nxt.x0 - w.x1 > 1.5 * h:
                w.x0, w.x1 = nxt.x0 - 0.4 * h - (w.x1 - w.x0), nxt.x0 - 0.4 * h
    return again


def _trimmed(again: list[Word]) -> list[Word]:
    while again and not re.search(r"[A-Za-z]", again[0].text):
        again.pop(0)  # stamp debris before the name: a name begins with a letter
    if again:  # ... even where the debris is glued to it ("2RUDI,", "\u2018RIZAL")
        again[0].text = re.sub(r"^[^A-Za-z]+(?=[A-Z])", "", again[0].text)
    # a stamp's star or lettering after the name, read as "7" or "|", or as a small letter or
    # two, which no name ends with (") h" after "S.T."; but a Batak name's first line may end
    # with "br", boru, before the clan's name wrapped)
    while again and (not re.search(r"[A-Za-z]", again[-1].text)
                     or len(again) > 1 and re.fullmatch(r"\W*[a-z]{1,2}\W*", again[-1].text)
                     and re.sub(r"\W", "", again[-1].text).upper() != "BR"):
        again.pop()
    if again:  # ... or glued to its last word ("MPH”"): a name ends in a letter, dot or comma
        again[-1].text = re.sub(r"(?<=[A-Za-z.,])[^A-Za-z.,]+$", "", again[-1].text)
    return again
