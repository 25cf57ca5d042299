# SPDX-License-Identifier: AGPL-3.0-or-later
"""Out-of-office notices, bounces and list mail are recorded but never registered or answered,
so two robots can never mail each other forever."""
from pipeline.intake.checks import Check, Intake

_BOUNCERS = ("mailer-daemon@", "postmaster@")


def machine(msg) -> str | None:
    """Why MSG (a ParsedMessage) was sent by a machine, or None when a person sent it."""
    if msg.auto_submitted:
        return "automatic message (Auto-Submitted / Precedence header)"
    if msg.from_addr and msg.from_addr.startswith(_BOUNCERS):
        return f"delivery report from {msg.from_addr}"
    return None


def _test(intake: Intake) -> str | None:
    return machine(intake.message)


check = Check("auto_reply", "The message was sent by a machine, not a person", _test)
