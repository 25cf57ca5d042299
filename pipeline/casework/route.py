# SPDX-License-Identifier: AGPL-3.0-or-later
"""Routing (rules/routing.toml): which official drafts the reply and who initials it.

Rules are rows in the manner of paperless-ngx mail rules (`order`, `enabled`, filters, an
action, `stop_processing`), walked by a tiny engine that records every filter it tried, so
`paraf rules explain` can say why a case went where it went. The engine does no I/O.

Semantics, kept simple on purpose:
- Enabled rules are tried by `order` (equal orders: file order). Within a rule every filter
  given must match; within a filter any one value is enough. An empty filter is not used.
- The first matching rule with `stop_processing = true` (the default) decides. A matching rule
  with `stop_processing = false` is remembered and the search goes on: a later matching rule
  takes over; if none does, the remembered one stands.
- The rule with `default = true` (exactly one, no filters) ends the search: it applies only
  when no rule matched before it. It may leave out `order`, and is then tried last.
- `chain` names officials by code, or by position from the assignee: "superior" (one level
  up) or "superior:N" (N levels up). The assignee drafts and so never initials their own
  draft; the Inspector signs after the chain and is never in it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.core.errors import RulesError
from pipeline.core.officials import Official, by_code, superior_of
from pipeline.core.rules import Opd, _read_toml, texts

MODES = ("auto", "confirm")
FILTERS = ("opd", "wilayah", "words", "sifat")
_KEYS = {"name", "order", "enabled", "default", *FILTERS, "assignee", "chain", "mode",
         "stop_processing"}
POSITION_RE = re.compile(r"^superior(?::(\d+))?$")


@dataclass(frozen=True)
class Rule:
    name: str
    order: int | None                    # None only for the default rule: tried last
    assignee: str
    chain: tuple[str, ...] = ()
    enabled: bool = True
    default: bool = False
    opd: tuple[str, ...] = ()
    wilayah: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    sifat: tuple[str, ...] = ()
    mode: str | None = None              # None: the office's [workflow] disposition
    stop_processing: bool = True

    @property
    def filters(self) -> dict[str, tuple[str, ...]]:
        return {f: getattr(self, f) for f in FILTERS if getattr(self, f)}


@dataclass(frozen=True)
class RouteInput:
    """What the rules may look at: plain data, taken from an agenda entry."""
    opd_code: str = ""
    pemda: str = ""
    hal: str = ""
    subject: str = ""
    questions: tuple[str, ...] = ()
    sifat: str = ""

    @classmethod
    def from_entry(cls, entry, opds: tuple[Opd, ...]) -> RouteInput:
        letter = entry.letter or {}
        opd = next((o for o in opds if o.code == entry.opd_code), None)
        return cls(opd_code=entry.opd_code or "", pemda=opd.pemda if opd else "",
                   hal=letter.get("hal") or "", subject=entry.subject or "",
                   questions=tuple(q for q in letter.get("pertanyaan") or () if q),
                   sifat=letter.get("sifat") or "")


@dataclass(frozen=True)
class Route:
    rule: str
    assignee: Official
    chain: tuple[Official, ...]
    mode: str | None
    trail: tuple[dict, ...]              # JSON-ready: stored on the disposition


# --- loading -----------------------------------------------------------------------------------

def parse_rule(row: dict, where: str) -> Rule:
    """One [[rule]] table into a Rule; RulesError names WHERE and the key at fault."""
    unknown = sorted(set(row) - _KEYS)
    if unknown:
        raise RulesError(f"{where}: unknown key '{unknown[0]}' "
                         f"(allowed: {', '.join(sorted(_KEYS))})")
    if not isinstance(row.get("name"), str) or not row["name"].strip():
        raise RulesError(f"{where}: 'name' is required")
    where = f"{where} \"{row['name']}\""
    order = row.get("order")
    if (order is None and not row.get("default")) or order is not None and (
            not isinstance(order, int) or isinstance(order, bool)):
        raise RulesError(f"{where}: 'order' is required and must be a whole number")
    for key in ("enabled", "default", "stop_processing"):
        if key in row and not isinstance(row[key], bool):
            raise RulesError(f"{where}: '{key}' must be true or false")
    if not isinstance(row.get("assignee"), str) or not row["assignee"].strip():
        raise RulesError(f"{where}: 'assignee' (the code of the official who drafts) is required")
    mode = row.get("mode")
    if mode is not None and mode not in MODES:
        raise RulesError(f"{where}: mode '{mode}' must be \"auto\" or \"confirm\"")
    chain = texts(row.get("chain", []), "chain", where)
    for item in chain:
        if item.startswith("superior") and not POSITION_RE.match(item):
            raise RulesError(f"{where}: '{item}' in chain: write \"superior\" or "
                             f"\"superior:2\" (a number of levels up)")
        if POSITION_RE.match(item) and item != "superior" and int(item.split(":")[1]) < 1:
            raise RulesError(f"{where}: '{item}' in chain: the number of levels must be 1 or more")
    rule = Rule(name=row["name"].strip(), order=order, assignee=row["assignee"].strip(),
                chain=chain, enabled=row.get("enabled", True), default=row.get("default", False),
                mode=mode, stop_processing=row.get("stop_processing", True),
                **{f: texts(row.get(f, []), f, where) for f in FILTERS})
    if rule.default and rule.filters:
        raise RulesError(f"{where}: the default rule catches everything else and may have no "
                         f"filters (remove {', '.join(rule.filters)})")
    if rule.default and not rule.enabled:
        raise RulesError(f"{where}: the default rule cannot be disabled")
    return rule


def problems(rules: tuple[Rule, ...]) -> list[tuple[int | None, str]]:
    """What is wrong across rules, as (index of the rule at fault or None, message)."""
    found: list[tuple[int | None, str]] = []
    names: dict[str, int] = {}
    for i, rule in enumerate(rules):
        key = rule.name.casefold()
        if key in names:
            found.append((i, f"the name \"{rule.name}\" is used by rule #{names[key] + 1} too; "
                             f"explanations would be ambiguous"))
        names.setdefault(key, i)
    defaults = [i for i, r in enumerate(rules) if r.default]
    if not defaults:
        found.append((None, "no rule has default = true; add one that catches every other "
                            "letter, or some letters would go nowhere"))
    for i in defaults[1:]:
        found.append((i, f"a second default rule (the first is \"{rules[defaults[0]].name}\")"))
    return found


def load_routing(path: Path) -> tuple[Rule, ...]:
    """Read and validate routing.toml; rules come back in the order they are tried."""
    data = _read_toml(path)
    rows = data.get("rule", [])
    if not isinstance(rows, list):
        raise RulesError(f"{path.name}: write each rule as a [[rule]] table")
    rules = tuple(parse_rule(row, f"{path.name}: rule #{i}") for i, row in enumerate(rows, 1))
    for index, message in problems(rules):
        where = f"rule #{index + 1}" if index is not None else "the file"
        raise RulesError(f"{path.name}: {where}: {message}")
    return ordered(rules)


def ordered(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """RULES in the order they are tried; equal orders keep their file order."""
    return tuple(sorted(rules, key=lambda r: (r.order is None, r.order or 0)))


# --- matching ----------------------------------------------------------------------------------

def _norm(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .")


@lru_cache(maxsize=512)
def word_pattern(word: str) -> re.Pattern:
    """Whole words, case-insensitive, any spacing inside a phrase; "aset*" also finds
    "asetnya" (a trailing * allows Indonesian suffixes)."""
    prefix = word.endswith("*")
    parts = [re.escape(p) for p in word.rstrip("*").split()]
    tail = r"\w*" if prefix else ""
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + tail + r"(?!\w)", re.IGNORECASE)


def _in_list(field: str, value: str, wanted: tuple[str, ...], what: str) -> dict:
    if not value:
        return {"filter": field, "matched": False, "detail": f"the case has no {what}"}
    hit = next((w for w in wanted if _norm(w) == _norm(value)), None)
    listed = ", ".join(f"'{w}'" for w in wanted)
    if hit:
        return {"filter": field, "matched": True, "detail": f"{what} '{value}' is listed"}
    return {"filter": field, "matched": False, "detail": f"{what} '{value}' is not one of {listed}"}


def _words(case: RouteInput, words: tuple[str, ...]) -> dict:
    places = [("hal", case.hal), ("subject", case.subject)]
    places += [(f"question {n}", q) for n, q in enumerate(case.questions, 1)]
    for word in words:
        for place, text in places:
            if text and word_pattern(word).search(text):
                return {"filter": "words", "matched": True, "detail": f"'{word}' is in the {place}"}
    listed = ", ".join(f"'{w}'" for w in words)
    return {"filter": "words", "matched": False,
            "detail": f"none of {listed} is in the hal, subject or questions"}


def try_rule(rule: Rule, case: RouteInput) -> list[dict]:
    """Every filter of RULE tried against CASE, in the order they are written."""
    tries = []
    for field, wanted in rule.filters.items():
        if field == "opd":
            tries.append(_in_list(field, case.opd_code, wanted, "OPD"))
        elif field == "wilayah":
            tries.append(_in_list(field, case.pemda, wanted, "pemda"))
        elif field == "sifat":
            tries.append(_in_list(field, case.sifat, wanted, "sifat"))
        else:
            tries.append(_words(case, wanted))
    return tries


# --- deciding ----------------------------------------------------------------------------------

def resolve_chain(rule: Rule, officials: tuple[Official, ...]) -> tuple[Official, ...]:
    """(assignee, *chain) as officials; RulesError when the rule cannot be carried out."""
    assignee = by_code(officials, rule.assignee)
    if assignee is None:
        raise RulesError(f"rule \"{rule.name}\": assignee '{rule.assignee}' is not an official")
    chain: list[Official] = []
    for item in rule.chain:
        match = POSITION_RE.match(item)
        if match:
            levels = int(match.group(1) or 1)
            found = superior_of(officials, assignee, levels)
            if found is None:
                raise RulesError(f"rule \"{rule.name}\": '{item}' goes above the top: "
                                 f"{assignee.code} has fewer than {levels} superior(s)")
        else:
            found = by_code(officials, item)
            if found is None:
                raise RulesError(f"rule \"{rule.name}\": '{item}' in chain is not an official")
        if found.is_inspector:
            raise RulesError(f"rule \"{rule.name}\": '{item}' is the Inspector, who signs after "
                             f"the chain and is never in it")
        if any(o.code == found.code for o in chain):
            raise RulesError(f"rule \"{rule.name}\": {found.code} would initial twice "
                             f"('{item}' in chain)")
        if found.code != assignee.code:
            chain.append(found)
    return (assignee, *chain)


def route(rules: tuple[Rule, ...], officials: tuple[Official, ...], opds: tuple[Opd, ...],
          case: RouteInput) -> Route:
    """The rule that decides CASE, its assignee and resolved chain, and the trail of tries."""
    if not case.pemda and case.opd_code:
        opd = next((o for o in opds if o.code == case.opd_code), None)
        case = RouteInput(case.opd_code, opd.pemda if opd else "", case.hal, case.subject,
                          case.questions, case.sifat)
    trail: list[dict] = []
    chosen: Rule | None = None
    for rule in ordered(rules):
        step = {"rule": rule.name, "order": rule.order, "matched": False, "filters": []}
        trail.append(step)
        if not rule.enabled:
            step["note"] = "disabled"
            continue
        if rule.default:
            if chosen is None:
                chosen = rule
                step.update(matched=True, note="default: no rule matched before it")
            else:
                step["note"] = f"default not needed: \"{chosen.name}\" matched"
            break
        step["filters"] = try_rule(rule, case)
        if all(f["matched"] for f in step["filters"]):
            step["matched"] = True
            chosen = rule
            if rule.stop_processing:
                break
            step["note"] = "stop_processing = false: later rules may take over"
    if chosen is None:
        raise RulesError("routing.toml: no rule matched and there is no default rule")
    assignee, *chain = resolve_chain(chosen, officials)
    return Route(chosen.name, assignee, tuple(chain), chosen.mode, tuple(trail))


# --- explaining --------------------------------------------------------------------------------

def explain_trail(trail) -> list[str]:
    """The tries of a stored trail, one line per rule and per filter, in English."""
    lines = []
    for step in trail:
        verdict = "matched" if step["matched"] else "no match"
        if step.get("note") == "disabled":
            verdict = "skipped (disabled)"
        order = "last" if step["order"] is None else step["order"]
        head = f"  [{order}] \"{step['rule']}\": {verdict}"
        note = step.get("note")
        lines.append(head + (f" ({note})" if note and note != "disabled" else ""))
        for f in step.get("filters", []):
            lines.append(f"      {'yes' if f['matched'] else 'no '} {f['filter']}: {f['detail']}")
    return lines


def explain(decided: Route) -> list[str]:
    """Why DECIDED went where it went, for `paraf rules explain`."""
    chain = " → ".join(o.label() for o in decided.chain) or "(nobody)"
    mode = decided.mode or "the office setting ([workflow] disposition in config.toml)"
    tried = {step["rule"] for step in decided.trail}
    return [f"Routed by rule \"{decided.rule}\".",
            f"Drafted by: {decided.assignee.label()} [{decided.assignee.code}]",
            f"Initialled by: {chain}; then the Inspector signs.",
            f"Disposition mode: {mode}.",
            f"Rules tried in order ({len(tried)}; later ones were not needed):",
            *explain_trail(decided.trail)]
