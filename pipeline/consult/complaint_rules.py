# SPDX-License-Identifier: AGPL-3.0-or-later
"""rules/complaints.toml: the target for answering a complaint and who answers it.

A complaint goes to the superior of the official complained about, never to that official:
an official listed as absent is passed over (one level further up), a hierarchy that ends goes
to the Inspektur, and a complaint about the Inspektur to `over_inspector`.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import RulesError
from pipeline.core.officials import Official, by_code, inspector, superior_of

FILE = "complaints.toml"
_KEYS = {"working_days", "over_inspector", "absent"}


@dataclass(frozen=True)
class ComplaintRules:
    working_days: int = 5
    over_inspector: str = "sekretaris"
    absent: tuple[str, ...] = ()


def load(rules_dir: Path) -> ComplaintRules:
    """The rules, or the defaults when the office has no complaints.toml yet."""
    path = Path(rules_dir) / FILE
    if not path.exists():
        return ComplaintRules()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise RulesError(f"{FILE}: not valid TOML: {err}") from None
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise RulesError(f"{FILE}: unknown key '{unknown[0]}' (allowed: {', '.join(sorted(_KEYS))})")
    days = data.get("working_days", 5)
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 60:
        raise RulesError(f"{FILE}: 'working_days' must be a whole number from 1 to 60")
    over = data.get("over_inspector", "sekretaris")
    absent = data.get("absent", [])
    if not isinstance(over, str) or not isinstance(absent, list) or not all(
            isinstance(a, str) for a in absent):
        raise RulesError(f"{FILE}: 'over_inspector' is a code in quotes, 'absent' a list of codes")
    return ComplaintRules(working_days=days, over_inspector=over.strip(),
                          absent=tuple(a.strip() for a in absent))


def handler_for(officials: tuple[Official, ...], about: Official | None,
                rules: ComplaintRules, away: frozenset[str] = frozenset()) -> Official:
    """Who answers a complaint about ABOUT (None: nobody named, the Inspektur). Those listed
    absent in the rules, and those AWAY today (`paraf away`), are passed over, one level up."""
    top = inspector(officials)
    if about is None:
        return top
    cur = superior_of(officials, about)
    while cur is not None and (cur.code in rules.absent or cur.code in away
                               or cur.code == about.code):
        cur = superior_of(officials, cur)
    if cur is None:
        cur = top if top.code != about.code else by_code(officials, rules.over_inspector)
    if cur is None or cur.code == about.code:
        raise RulesError(f"{FILE}: nobody may answer a complaint about {about.code}; set "
                         f"'over_inspector' to an official's code")
    return cur


def check(rules_dir: Path, officials: tuple[Official, ...]) -> list[str]:
    """`paraf rules check`: the file reads, and its codes are officials."""
    try:
        rules = load(rules_dir)
    except RulesError as err:
        return [str(err).removeprefix(f"{FILE}: ")]
    codes = {o.code for o in officials}
    return [f"'{c}' is not an official in officials.toml"
            for c in (rules.over_inspector, *rules.absent) if c and c not in codes]
