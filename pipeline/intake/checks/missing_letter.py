# SPDX-License-Identifier: AGPL-3.0-or-later
"""A consultation by letter needs the request letter (surat permohonan) itself."""
from pipeline.intake.checks import Check, Intake

MISSING = "surat permohonan"


def _test(intake: Intake) -> str | None:
    return f"missing: {MISSING}" if intake.letter is None else None


check = Check("missing_letter", "No request letter in the message", _test)
