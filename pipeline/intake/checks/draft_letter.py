# SPDX-License-Identifier: AGPL-3.0-or-later
"""A draft (konsep) is not yet a letter: its Nomor has a blank where the sequence goes.

In naskah dinas the number is `classification code / sequence / unit / year`, and the sequence
is given by the sending unit's agenda only when the head has signed. A konsep circulated for
comment therefore leaves that part blank (`700/    /Inspt`, `…/…/2026`, `700/ ... /BPKAD`,
`400.3/___/Disdik/2026`). Such a file cannot be booked by its number, so the case is incomplete
and the numbered letter is asked for; it completes the case when sent in the same thread.
"""
import re

from pipeline.intake.checks import Check, Intake

NUMBERED = ("surat yang telah bernomor dan ditandatangani (yang Saudara kirim masih berupa "
            "konsep)")
# Not letters: a lone `X` is a Roman month (`900/1826/Rakyat/X/2025`), never a blank.
_BLANK = re.compile(r"^[\s.…_\-*]*$")


def is_draft_number(nomor: str | None) -> bool:
    """True when a part of the number between slashes is empty, dots, dashes or underscores."""
    if not nomor or "/" not in nomor:
        return False
    return any(_BLANK.match(segment) for segment in nomor.split("/"))


def _test(intake: Intake) -> str | None:
    nomor = getattr(intake.letter, "nomor", None)
    return f"draft letter: the number {nomor!r} has no sequence" \
        if is_draft_number(nomor) else None


check = Check("draft_letter", "The letter is a konsep whose number is still blank", _test)
