"""The letter Q in the signer's name, which the Indonesian OCR model cannot write.

Tesseract's Indonesian model has no "Q" in its character set, so a page read with it (first,
beside English) spells "IQBAL" as "IOBAL" and "TAQWA" as "TAOWA". Names are where a Q stands
in an Indonesian letter. The name's lines (the one or two above the rank and NIP) that hold an
"O" are read again as single lines with the English model alone, and a word is taken from that
reading only where it differs by Q for O: nothing else of the page's reading changes. About
0.1 s of CPU for each such line.
"""
from __future__ import annotations

import io
import re
from statistics import median

from pipeline.letter.lines import Word
from pipeline.letter.marks import RANK
from pipeline.letter.model import Refused
from pipeline.letter.nip import nip_match
PAD = 12  # px around a line at ~300 dpi
LINE_SECONDS = 5.0  # one line of a name; the page's own budget is not spent on it
VOWELS = set("AIUEO")
CMD = ["tesseract", "-", "-", "-l", "eng", "--psm", "7"]  # the English model has the Q


def name_rows(words: list[Word]) -> list[list[Word]]:
    """The one or two lines above the NIP (past the rank): the name, wrapped or not."""
    return signer_rows(words)[0]


def signer_rows(words: list[Word]) -> tuple[list[list[Word]], list[Word] | None]:
    """The name's rows (see name_rows) and the NIP's row, or None where there is no NIP."""
    groups: dict[tuple, list[Word]] = {}
    for w in words:
        groups.setdefault(w.key, []).append(w)
    rows = sorted(groups.values(), key=lambda ws: median(w.top for w in ws))
    nip = next((k for k in range(len(rows) - 1, -1, -1)
                if nip_match(" ".join(w.text for w in rows[k]))), None)
    out: list[list[Word]] = []
    for row in reversed(rows[max(0, (nip or 0) - 4):nip or 0]):
        text = " ".join(w.text for w in row)
        if RANK.search(text) or not re.search(r"[A-Za-z]{3}", text):
            continue
        if text.rstrip().endswith(",") and not re.search(r"\b[A-Z][a-z]{0,3}\.", text):
            break  # the post's last line (it ends with a comma)
        out.insert(0, row)
        if len(out) == 2:
            break
    return out, (rows[nip] if nip is not None else None)


def _q_for_o(page: str, eng: str) -> bool:
    """Whether ENG is PAGE with a Q for an O, each Q where a name can have one: the Arabic
    qaf is written with a vowel beside it ("IQBAL", "TAQWA", "RAFIQ", "QOMAR"), so a Q after
    a consonant that no vowel follows is the English model's misread O ("WIBOWQ")."""
    return len(page) == len(eng) and "Q" in eng and all(
        a == b or (a == "O" and b == "Q" and (
            eng[k - 1:k].upper() in VOWELS or eng[k + 1:k + 2].upper() in VOWELS))
        for k, (a, b) in enumerate(zip(page, eng)))


def with_q(image, words: list[Word], run, timeout: float) -> list[Word]:
    """WORDS with the name's Q where the page's reading has an O in its place."""
    for row in name_rows(words):
        if not any("O" in w.text for w in row):
            continue
        box = (max(0, int(min(w.x0 for w in row)) - PAD), max(0, int(min(w.top for w in row)) - PAD),
               min(image.width, int(max(w.x1 for w in row)) + PAD),
               min(image.height, int(max(w.bottom for w in row)) + PAD))
        buf = io.BytesIO()
        image.crop(box).save(buf, "PNG")
        try:  # a second look only: if it fails, the page's reading stands
            eng = run(CMD, buf.getvalue(), min(timeout, LINE_SECONDS))
        except Refused:
            continue
        again = eng.decode("utf-8", errors="replace").split()
        for w in row:
            hit = next((t for t in again if _q_for_o(w.text, t)), None)
            if hit:
                w.text = hit
    return words
