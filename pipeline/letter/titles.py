"""A name's front titles, as a signature block prints them before the name.

Haji and Hajjah (H., Hj.), the doctorate and the professions (Dr., dr., drg., drh., apt., Ir.),
the old first degrees (Drs., Dra.), the professor (Prof.), Raden (R.), Kyai Haji (KH.) and
Teuku (Tgk.) stand before the name, in this form or in capitals ("DRS. H. AHMAD YANI"). A name
opens with them, so a short word before one is a stamp's ring read as text ("Ar. H." for
"Ir. H.", "NC Dra."), but for the words a name itself may hold there (BEFORE_TITLE).
"""
from __future__ import annotations

import re

TITLE = re.compile(r"^(?:H|Hj|Dr|dr|drg|drh|apt|Ir|Drs|Dra|Prof|R|KH|Tgk)\.$")
# words a name may hold before a front title: Banten's Tubagus, the Sundanese Raden, the
# Javanese Raden Rara, Nyonya, a pharmacist's and a nurse's titles, an initial, the Bugis Andi,
# the Balinese I and Ni ("Tb. H. ACE", "A. H. NASUTION", "Andi H. MAPPATOBA")
BEFORE_TITLE = re.compile(r"^(?:Tb|Rd|Rr|Ny|Apt|Ns|[A-Z])\.$|^(?:Andi|I|Ni)$", re.I)


def is_title(word: str) -> bool:
    """Whether WORD is a front title as printed or in capitals ("Drs.", "DRS.")."""
    return bool(TITLE.match(word) or TITLE.match(word[:1] + word[1:].lower()))


def before_title(words: list[str]) -> set[int]:
    """Which of a name's first WORDS are a stamp's: short words before a front title among
    the first three that no name holds there."""
    lead = next((k for k, w in enumerate(words[:3]) if is_title(w)), 0)
    return {k for k in range(lead) if len(re.sub(r"\W", "", words[k])) <= 3
            and not BEFORE_TITLE.match(words[k]) and not is_title(words[k])}
