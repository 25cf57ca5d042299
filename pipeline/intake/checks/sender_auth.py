# SPDX-License-Identifier: AGPL-3.0-or-later
"""A letter whose sender fails authentication (pipeline.core.senderauth) waits for the clerk.

It is quarantined, not registered, so no receipt goes to an address that may be forged; the
clerk may still release it after checking with the OPD by telephone.
"""
from pipeline.intake.checks import Check, Intake


def _test(intake: Intake) -> str | None:
    sender = intake.sender
    return None if sender is None or sender.ok else sender.reason


check = Check("sender_auth", "The sender failed authentication (SPF/DKIM/DMARC)", _test)
