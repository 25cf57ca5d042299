# SPDX-License-Identifier: AGPL-3.0-or-later
"""rules/survey.toml: how long a survey link lives and how many answers an element needs
before the index reports it. Absent file: the defaults below."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import RulesError

FILE = "survey.toml"
# PermenPANRB 14/2017 sizes a survey's sample from the population served (Krejcie and
# Morgan's table) and sets no per-element minimum. An office answering a few dozen
# consultations a quarter cannot reach those samples, so the default is our documented
# choice: below 5 answers one respondent moves an element's mean by more than 0.6 of the
# 1-4 scale, and the grade would say more about that person than about the service.
MIN_RESPONSES = 5
VALID_DAYS = 30


@dataclass(frozen=True)
class SurveyRules:
    min_responses: int = MIN_RESPONSES
    valid_days: int = VALID_DAYS


def problems(text: str) -> list[str]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        return [f"not valid TOML: {err}"]
    out = [f"unknown key '{k}' (allowed: min_responses, valid_days)"
           for k in sorted(set(data) - {"min_responses", "valid_days"})]
    for key, low, high in (("min_responses", 1, 10_000), ("valid_days", 1, 366)):
        value = data.get(key, low)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            out.append(f"'{key}' must be a whole number from {low} to {high}")
    return out


def load(rules_dir: Path) -> SurveyRules:
    path = Path(rules_dir) / FILE
    if not path.exists():
        return SurveyRules()
    text = path.read_text(encoding="utf-8")
    found = problems(text)
    if found:
        raise RulesError(f"{FILE}: {found[0]}")
    data = tomllib.loads(text)
    return SurveyRules(min_responses=data.get("min_responses", MIN_RESPONSES),
                       valid_days=data.get("valid_days", VALID_DAYS))
