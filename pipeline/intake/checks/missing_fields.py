# SPDX-License-Identifier: AGPL-3.0-or-later
"""A letter the agenda cannot be kept by (no number or no subject) is incomplete."""
from pipeline.intake.checks import Check, Intake

LABELS = {"nomor": "nomor surat", "hal": "hal (perihal) surat"}


def missing(letter) -> list[str]:
    return [LABELS[f] for f in ("nomor", "hal") if not getattr(letter, f, None)]


def _test(intake: Intake) -> str | None:
    if intake.letter is None:
        return None
    gaps = missing(intake.letter)
    return "missing: " + ", ".join(gaps) if gaps else None


check = Check("missing_fields", "The letter has no number or no subject", _test)
