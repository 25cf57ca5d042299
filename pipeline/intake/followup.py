# SPDX-License-Identifier: AGPL-3.0-or-later
"""A follow-up letter sent in the thread of an earlier case is a new letter, linked to it.

In naskah dinas every letter an OPD sends carries its own number from the OPD's agenda. A
message in the thread of a booked case that carries a signed letter with a *different* number
is therefore a new letter (a further question, a reply to Inspektorat's answer, a letter
supplying data): it gets its own agenda number, and both cases show the link. The same number
again is the same letter sent again (linked or a duplicate, as before); a letter answering an
incomplete case completes that case; a konsep (blank sequence) is never a letter of its own.
"""
from __future__ import annotations

import re

from pipeline.core import states
from pipeline.intake.checks.draft_letter import is_draft_number
from pipeline.intake.register import ACTOR


def _same(a: str | None, b: str | None) -> bool:
    def norm(x):
        return re.sub(r"\s+", "", (x or "")).lower()
    return norm(a) == norm(b)


def follows_up(earlier, reading) -> bool:
    """Whether READING, found in the thread of the EARLIER case, is a new letter."""
    nomor = getattr(reading, "nomor", None)
    if not nomor or is_draft_number(nomor) or not getattr(reading, "hal", None):
        return False
    if earlier.agenda_no is None or earlier.status == states.Status.INCOMPLETE:
        return False            # unbooked, or waiting for this very letter: completion
    return bool(earlier.letter_nomor) and not _same(nomor, earlier.letter_nomor)


def link(entry, earlier, now, message_id) -> None:
    """Show the link on both cases: the clerk sees it in the agenda and in each history."""
    entry.letter_meta = {**(entry.letter_meta or {}), "follows": earlier.agenda_no,
                         "follows_id": earlier.id}
    states.note(entry, "linked", actor=ACTOR, at=now, message_id=message_id,
                data={"how": "follows", "agenda_no": earlier.agenda_no})
    states.note(earlier, "linked", actor=ACTOR, at=now, message_id=message_id,
                data={"how": "followed_by", "agenda_no": entry.agenda_no})
