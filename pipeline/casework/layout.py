# SPDX-License-Identifier: AGPL-3.0-or-later
"""What the letter looks like beyond its words: the emblem, the signer's name kept whole, and a
signature block wide enough for that name.

A Word template cannot size itself to its content, so `drafting.render` calls these after
docxtpl: the emblem becomes an inline picture, and the signature block (every paragraph in the
style "Tanda Tangan") is widened to the left when the name would not fit on one line, keeping its
right edge and its centred lines, so a long name with several titles is never broken.
"""
from __future__ import annotations

import functools
import re
import shutil
import subprocess
from pathlib import Path

NBSP = "\u00a0"
SIGN_STYLE = "Tanda Tangan"
EMBLEM_HEIGHT_CM = 2.2
NAME_PT = 12.0
_FRONT_TITLE = re.compile(r"^(?:[A-Za-z]{1,5}\.)+$")     # Dr. Drs. Ir. H. Hj. Prof. dr.


def keep_titles(name: str) -> str:
    """'Dr. H. ANI, S.H., M.Si.' -> front titles glued to the first name word, back titles glued
    to the last: a line may break between the words of the name, never inside its titles."""
    name = re.sub(r"\s+", " ", name or "").strip()
    if not name:
        return name
    core, comma, back = name.partition(",")
    words = core.strip().split(" ")
    lead = 0
    while lead < len(words) - 1 and _FRONT_TITLE.match(words[lead]):
        lead += 1
    if lead:
        words = [NBSP.join(words[:lead + 1]), *words[lead + 1:]]
    core = " ".join(words)
    if comma:
        core += "," + NBSP + re.sub(r"\s*,\s*", ",", back.strip()).replace(",", "," + NBSP).replace(" ", NBSP)
    return core


@functools.lru_cache(maxsize=4)
def _font_file(pattern: str) -> str | None:
    """The file fontconfig gives for PATTERN (Arial -> Liberation Sans on a Debian server)."""
    if not shutil.which("fc-match"):
        return None
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True,
                             text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out if out and Path(out).is_file() else None


def text_width_pt(text: str, family: str = "Arial", size: float = NAME_PT,
                  bold: bool = True) -> float:
    """Printed width of TEXT in points, from the font LibreOffice will use; a generous estimate
    (0.62 em a character) when no font file can be found."""
    path = _font_file(f"{family}:bold" if bold else family)
    if path:
        try:
            from PIL import ImageFont
            font = ImageFont.truetype(path, int(size * 10))
            return font.getlength(text) / 10
        except (OSError, ValueError):
            pass
    return len(text) * size * 0.62


def _twips(length) -> int:
    return int(length.twips) if length is not None else 0


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace(NBSP, " ")).strip()


def fit_signature(doc, name: str) -> bool:
    """Make room for NAME on one line; True if a width changed.

    The default template's block (style "Tanda Tangan") is widened leftwards as a whole, so its
    lines stay centred together. In any other template the paragraph holding the name gets the
    room by a smaller left indent of its own.
    """
    from docx.shared import Pt, Twips
    name = _fold(name)
    if not name:
        return False
    section = doc.sections[-1]
    text = _twips(section.page_width) - _twips(section.left_margin) - _twips(section.right_margin)
    family = doc.styles["Normal"].font.name or "Arial"
    need = int(Pt(text_width_pt(name, family) + 8).twips)    # a little air on both sides
    changed = False
    for p in doc.paragraphs + [p for t in doc.tables for row in t.rows for c in row.cells
                               for p in c.paragraphs]:
        if _fold(p.text) != name:
            continue
        style = p.style if p.style is not None and p.style.name == SIGN_STYLE else None
        own = p.paragraph_format
        fmt = own if own.left_indent is not None or style is None else style.paragraph_format
        base = p.style.paragraph_format if p.style is not None else own
        left = _twips(fmt.left_indent if fmt.left_indent is not None else base.left_indent)
        right = _twips(own.right_indent if own.right_indent is not None else base.right_indent)
        if need <= text - left - right:
            continue
        fmt.left_indent = Twips(max(0, text - right - need))
        changed = True
    return changed


def emblem_image(tpl, path: str | None):
    """An InlineImage of the emblem for `{{ kop.lambang }}`, or "" when there is none."""
    if not path or not Path(path).is_file():
        return ""
    from docx.shared import Cm
    from docxtpl import InlineImage
    return InlineImage(tpl, str(path), height=Cm(EMBLEM_HEIGHT_CM))
