"""The post's last line read again as a line of its own, where the stamp spoilt it.

Permendagri 1/2023 sets the signer's post (jabatan) above the room to sign, ending with a
comma, and the stamp (cap dinas) is put half over the post's last line and half over the
signature: tesseract then reads that line as debris ("TA"), or its first word and a tall
piece of the ring ("Kabupaten SV"), and the post loses its region ("Kepala Dinas Pertanian
dan Ketahanan Pangan Kabupaten" for "... Kabupaten Halmahera Utara"). Where the post's lowest
line of print does not end with its comma, the line a pitch below it is read alone (--psm 7,
as namerow reads the name's), from the bitmap and from the darkest ink. A reading is taken
only where it reads as a post's last line: capitalised words (and "dan"), no digits or
degrees, ending with the comma; stamp lettering has no comma.
"""
from __future__ import annotations

import re
from statistics import median

from pipeline.letter.lines import Word
from pipeline.letter.marks import RANK
from pipeline.letter.bandread import read_lines
from pipeline.letter.namerow import LUT_CORES
from pipeline.letter.nameline import signer_rows
from pipeline.letter.signblock import PAD, TALL

POST_WORD = re.compile(r"^(?:[A-Z][A-Za-z'.-]*|dan|DAN)$")
SURE = 0.8  # tesseract's certainty of a word of print beside the stamp


def with_post_end(image, words: list[Word], run, timeout: float, langs: str, grey=None
                  ) -> list[Word]:
    """WORDS with the post's last line read again where the page's reading of it is spoilt
    (see the module's docstring); GREY, the page in grey, for the darkest ink's look."""
    rows, nip = signer_rows(words)
    if nip is None or not rows:
        return words
    h = median(w.bottom - w.top for w in nip)
    # (the name's lowest line: the row above it may be the post's own spoilt line, "Kabupaten
    # SV", taken for a wrapped name's first; a wrapped name's first line is no post's, a
    # pitch and more below it, past the room to sign)
    name_top = median(w.top for w in rows[-1])
    left, right = min(w.x0 for w in nip) - 4 * h, max(w.x1 for w in nip) + 8 * h
    lines: dict[tuple, list[Word]] = {}
    for w in words:
        if name_top - 12 * h < w.top < name_top - 0.5 * h and left < w.x0 < right:
            lines.setdefault(w.key, []).append(w)
    printed = sorted((sorted(r, key=lambda w: w.x0) for r in lines.values() if _print(r, h)),
                     key=lambda r: median(w.top for w in r))
    if len(printed) < 2:
        return words
    last, above = printed[-1], printed[-2]
    top = median(w.top for w in last)
    pitch = top - median(w.top for w in above)
    if last[-1].text.endswith(",") or not 0.9 * h < pitch < 2.5 * h or \
            top + pitch + 1.5 * h > name_top:
        return words  # the post ends with its comma, or no line of it stands below
    y = top + pitch
    box = (max(0, int(min(w.x0 for w in last + above) - h)), max(0, int(y - PAD * h)),
           min(image.width, int(right)), min(image.height, int(y + h + PAD * h)))
    band = image.crop(box)
    looks = [(band, box, ("post end", nip[0].key))]
    if grey is not None:
        looks.append((grey.crop(box).point(LUT_CORES), box, ("post end", nip[0].key)))
    for again in read_lines(looks, run, timeout, langs):
        text = " ".join(w.text for w in again)
        if again and text.endswith(",") and all(POST_WORD.match(w.text.rstrip(","))
                                                for w in again) \
                and any(len(w.text) >= 5 for w in again) and not RANK.search(text):
            # (the page's words of that line: their middle in the band, or their top, a bit
            # of the stamp boxed tall below it)
            gone = {id(w) for w in words if w.key not in (nip[0].key, rows[-1][0].key)
                    and w.x1 > box[0] and any(box[1] < at < box[3] for at in (
                        w.top, (w.top + w.bottom) / 2))}
            return [w for w in words if id(w) not in gone] + again
    return words


def _print(row: list[Word], h: float) -> bool:
    """Whether ROW holds a word of print: three letters or more, read surely, a line high."""
    return any(len(re.sub(r"[^A-Za-z]", "", w.text)) >= 3 and w.conf >= SURE
               and w.bottom - w.top <= TALL * h for w in row)
