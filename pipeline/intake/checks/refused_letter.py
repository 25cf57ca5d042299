# SPDX-License-Identifier: AGPL-3.0-or-later
"""A message whose only letter-like files were refused as unsafe goes to the clerk: it may be
a real letter in a bad file, or an attack, and a person should decide."""
from pipeline.intake.checks import Check, Intake


def _test(intake: Intake) -> str | None:
    if intake.letter is None and intake.refused:
        return "; ".join(f"attachment '{name}' refused: {why}" for name, why in intake.refused)
    return None


check = Check("refused_letter", "No readable letter, and an attachment was refused as unsafe",
              _test)
