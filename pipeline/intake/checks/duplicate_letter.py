# SPDX-License-Identifier: AGPL-3.0-or-later
"""The same letter sent again (same file, or same OPD and letter number) joins the first case."""
from pipeline.intake.checks import Check, Intake


def _test(intake: Intake) -> str | None:
    prior = intake.prior
    if prior is None:
        return None
    first = prior.agenda_no or f"#{prior.entry_id}"
    how = "the same file" if prior.by == "file" else "the same OPD and letter number"
    return f"already received as {first} ({how})"


check = Check("duplicate_letter", "This letter was registered before", _test)
