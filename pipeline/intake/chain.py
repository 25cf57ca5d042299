# SPDX-License-Identifier: AGPL-3.0-or-later
"""The intake chain: rows of (check, action) walked in order; the first hit decides.

Every check that ran is remembered with its result, so `paraf show` can say why a message
became what it became.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.intake.checks import Intake, registry
from pipeline.intake.checks.draft_letter import NUMBERED
from pipeline.intake.checks.missing_fields import missing as missing_fields
from pipeline.intake.checks.missing_letter import MISSING as NO_LETTER

INTAKE_CHAIN: tuple[tuple[str, str], ...] = (
    ("auto_reply", "reject"),
    ("sender_auth", "quarantine"),
    ("unknown_sender", "quarantine"),
    ("refused_letter", "quarantine"),
    ("draft_letter", "incomplete"),
    ("duplicate_letter", "duplicate"),
    ("missing_letter", "incomplete"),
    ("missing_fields", "incomplete"),
)


@dataclass(frozen=True)
class Verdict:
    action: str                      # register | incomplete | duplicate | quarantine | reject
    reason: str | None
    missing: tuple[str, ...]
    hits: tuple[dict, ...]


def decide(intake: Intake, chain=INTAKE_CHAIN) -> Verdict:
    checks = registry()
    hits = []
    for name, action in chain:
        reason = checks[name](intake)
        hits.append({"check": name, "hit": reason is not None, "reason": reason})
        if reason is not None:
            gaps: tuple[str, ...] = ()
            if name == "draft_letter":
                gaps = (NUMBERED,)
            elif action == "incomplete":
                gaps = (NO_LETTER,) if intake.letter is None else tuple(
                    missing_fields(intake.letter))
            return Verdict(action, reason, gaps, tuple(hits))
    return Verdict("register", None, (), tuple(hits))
