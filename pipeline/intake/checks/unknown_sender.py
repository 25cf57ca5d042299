# SPDX-License-Identifier: AGPL-3.0-or-later
"""Only OPDs in rules/opd.toml may open a case by e-mail; anyone else waits for the clerk."""
from pipeline.intake.checks import Check, Intake


def _test(intake: Intake) -> str | None:
    return None if intake.who.opd else f"sender is not a known OPD: {intake.who.how}"


check = Check("unknown_sender", "The sender is not an OPD in the directory", _test)
