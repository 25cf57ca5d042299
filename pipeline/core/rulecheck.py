# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf rules check`: every problem in officials.toml and routing.toml at once, by line.

Loading stops at the first error; a clerk editing the files wants the whole list, each with
the line where the entry starts, in words that say what to change. The checks reuse the
loaders' own per-entry parsers, so the two can never disagree about what is valid.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pipeline.casework import route as route_mod
from pipeline.casework.route import POSITION_RE, Rule, ordered
from pipeline.core import officials as officials_mod
from pipeline.core.errors import RulesError
from pipeline.core.officials import Official, by_code, superior_of
from pipeline.core.rules import load_opds


@dataclass(frozen=True)
class Problem:
    file: str
    line: int                  # where the entry starts; 0 when it is about the whole file
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else \
            f"{self.file}: {self.message}"


def header_lines(text: str, table: str) -> list[int]:
    """Line numbers (from 1) of each `[[table]]` header, in file order."""
    pattern = re.compile(r"^\s*\[\[\s*" + re.escape(table) + r"\s*\]\]\s*(#.*)?$")
    return [n for n, line in enumerate(text.splitlines(), 1) if pattern.match(line)]


def _entries(path: Path, table: str, parse, fallback, label: str,
             out: list[Problem]) -> list[tuple[int, object, bool]] | None:
    """(line, item, parsed) for each entry; a Problem for each that does not parse, which
    stays in the list as FALLBACK(row) so others that refer to it are not reported too.
    None when the file is not TOML at all."""
    text = path.read_text(encoding="utf-8")
    try:
        rows = tomllib.loads(text).get(table, [])
    except tomllib.TOMLDecodeError as err:
        at = re.search(r"line (\d+)", str(err))
        out.append(Problem(path.name, int(at.group(1)) if at else 0, f"not valid TOML: {err}"))
        return None
    if not isinstance(rows, list):
        out.append(Problem(path.name, 0, f"write each entry as a [[{table}]] table"))
        return None
    lines = header_lines(text, table)
    entries = []
    for i, row in enumerate(rows):
        line = lines[i] if i < len(lines) else 0
        try:
            entries.append((line, parse(row, f"{label} #{i + 1}"), True))
        except RulesError as err:
            out.append(Problem(path.name, line, str(err)))
            entries.append((line, fallback(row), False))
    return entries


def _text(row: dict, key: str) -> str:
    return row.get(key) if isinstance(row.get(key), str) else ""


def _official_stand_in(row: dict) -> Official:
    roles = row.get("roles") if isinstance(row.get("roles"), list) else []
    return Official(code=_text(row, "code"), name="", nip="", jabatan="", emails=(),
                    superior=_text(row, "superior"),
                    roles=("inspector",) if "inspector" in roles else ())


def _rule_stand_in(row: dict) -> Rule:
    return Rule(name=_text(row, "name"), order=None, assignee="", enabled=False,
                default=row.get("default") is True)


def _cross(path: Path, entries: list, problems_of, out: list[Problem]) -> None:
    items = tuple(item for _, item, _ in entries)
    for index, message in problems_of(items):
        out.append(Problem(path.name, entries[index][0] if index is not None else 0, message))


def _chain_problems(rule: Rule, officials: tuple[Official, ...]) -> list[str]:
    assignee = by_code(officials, rule.assignee)
    found = [] if assignee else [f"assignee '{rule.assignee}' is not an official in "
                                 f"officials.toml"]
    seen: dict[str, str] = {}
    for item in rule.chain:
        match = POSITION_RE.match(item)
        if match and assignee is None:
            continue
        if match:
            levels = int(match.group(1) or 1)
            who = superior_of(officials, assignee, levels)
            if who is None:
                found.append(f"'{item}' in chain goes above the top: {assignee.code} has fewer "
                             f"than {levels} superior(s) above them")
                continue
        else:
            who = by_code(officials, item)
            if who is None:
                found.append(f"'{item}' in chain is not an official in officials.toml")
                continue
        if who.is_inspector:
            found.append(f"'{item}' in chain is the Inspector ({who.code}), who signs after the "
                         f"chain; remove it from the chain")
        elif assignee and who.code == assignee.code:
            why = " (the superiors loop back)" if match else ""
            found.append(f"'{item}' in chain is the assignee {who.code}{why}, who drafts the "
                         f"reply and does not initial it")
        elif who.code in seen:
            found.append(f"{who.code} would initial twice ('{seen[who.code]}' and '{item}' in "
                         f"chain)")
        seen.setdefault(who.code, item)
    return found


def _covers(earlier: Rule, later: Rule) -> bool:
    """True when every letter LATER matches is matched by EARLIER too."""
    norm = lambda values: {" ".join(v.casefold().split()) for v in values}  # noqa: E731
    return all(f in later.filters and norm(later.filters[f]) <= norm(values)
               for f, values in earlier.filters.items())


def _unreachable(rules: list[tuple[int, Rule]]) -> list[tuple[int, str]]:
    found, earlier, default = [], [], None
    line_of = {id(rule): line for line, rule in rules}
    for rule in ordered(tuple(r for _, r in rules)):
        if not rule.enabled:
            continue
        line = line_of[id(rule)]
        cover = next((e for e in earlier if _covers(e, rule)), None)
        if default is not None:
            found.append((line, f"rule \"{rule.name}\" (order {rule.order}) can never match: "
                                f"the default rule \"{default.name}\" (order {default.order}) "
                                f"comes first and catches everything; give it a lower order"))
        elif cover is not None:
            found.append((line, f"rule \"{rule.name}\" (order {rule.order}) can never match: "
                                f"rule \"{cover.name}\" (order {cover.order}) comes first and "
                                f"matches every letter this one would"))
        if rule.default:
            default = rule
        elif rule.stop_processing:
            earlier.append(rule)
    return found


def _signing_problems(path: Path, officials) -> list[Problem]:
    """The [signing] table: who signs while the Inspektur is away (core/signforms.py)."""
    from pipeline.core import signforms
    from pipeline.core.rules import _read_toml
    try:
        forms = signforms.parse(_read_toml(path), path.name)
    except RulesError as err:
        return [Problem(path.name, 0, str(err))]
    return [Problem(path.name, 0, message) for message in signforms.problems(forms, officials)]


def check_rules(rules_dir: Path) -> list[Problem]:
    """All problems in rules_dir's officials.toml and routing.toml, ordered by file and line."""
    rules_dir = Path(rules_dir)
    out: list[Problem] = []
    consult_path = rules_dir / "consultation.toml"
    if consult_path.exists():            # the public form's lists (issue 7)
        from pipeline.consult.rules import problems as consult_problems
        out.extend(Problem(consult_path.name, line, message) for line, message
                   in consult_problems(consult_path.read_text(encoding="utf-8")))
    copies_path = rules_dir / "tembusan.toml"
    if copies_path.exists():             # who gets copies of signed letters (issue 5)
        from pipeline.casework.tembusan import problems as copies_problems
        out.extend(Problem(copies_path.name, line, message) for line, message
                   in copies_problems(copies_path.read_text(encoding="utf-8")))
    survey_path = rules_dir / "survey.toml"
    if survey_path.exists():             # the satisfaction survey (issue 20)
        from pipeline.consult.survey_rules import problems as survey_problems
        out.extend(Problem(survey_path.name, 0, message)
                   for message in survey_problems(survey_path.read_text(encoding="utf-8")))
    status_path = rules_dir / "status.toml"
    if status_path.exists():             # status questions by mail (issue 19)
        from pipeline.intake.status_rules import problems as status_problems
        out.extend(Problem(status_path.name, line, message) for line, message
                   in status_problems(status_path.read_text(encoding="utf-8")))
    off_path, rt_path = rules_dir / "officials.toml", rules_dir / "routing.toml"
    if not off_path.exists() and not rt_path.exists():
        return out                       # an intake-only installation
    for path in (off_path, rt_path):
        if not path.exists():
            out.append(Problem(path.name, 0, "missing: officials.toml and routing.toml work "
                                             "together (run 'paraf init' for samples)"))
    opds = None
    try:
        opds = load_opds(rules_dir / "opd.toml")
    except RulesError as err:
        out.append(Problem("opd.toml", 0, f"{err} (OPD codes in routing.toml are not checked)"))
    people = None
    if off_path.exists():
        people = _entries(off_path, "official", officials_mod.parse_official,
                          _official_stand_in, "official", out)
        if people is not None:
            _cross(off_path, people, officials_mod.problems, out)
            from pipeline.consult.complaint_rules import check as complaint_problems
            out.extend(Problem("complaints.toml", 0, m) for m in complaint_problems(
                rules_dir, tuple(o for _, o, _ in people)))      # who answers complaints
            out.extend(_signing_problems(off_path, tuple(o for _, o, _ in people)))
    rules = _entries(rt_path, "rule", route_mod.parse_rule, _rule_stand_in, "rule", out) \
        if rt_path.exists() else None
    if rules is None:
        return sorted(out, key=lambda p: (p.file, p.line))
    _cross(rt_path, rules, route_mod.problems, out)
    rules = [(line, rule) for line, rule, parsed in rules if parsed]
    officials = tuple(o for _, o, _ in people or ())
    pemdas = {" ".join(o.pemda.casefold().split()) for o in opds or ()}
    for line, rule in rules:
        found = _chain_problems(rule, officials) if people is not None else []
        for code in rule.opd if opds is not None else ():
            if not any(o.code == code for o in opds):
                found.append(f"OPD '{code}' is not in opd.toml; check the spelling of the code")
        for wilayah in rule.wilayah if opds is not None else ():
            if " ".join(wilayah.casefold().split()) not in pemdas:
                found.append(f"wilayah '{wilayah}' is not the pemda of any OPD in opd.toml, "
                             f"so it never matches")
        out.extend(Problem(rt_path.name, line, f"rule \"{rule.name}\": {m}") for m in found)
    out.extend(Problem(rt_path.name, line, msg) for line, msg in _unreachable(rules))
    return sorted(out, key=lambda p: (p.file, p.line))


def report(problems: list[Problem], rules_dir: Path | None = None) -> str:
    """The text `paraf rules check` prints."""
    if not problems:
        return f"No problems found in {rules_dir or 'the rules'}."
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found."
    return "\n".join([*(str(p) for p in problems), count])


def check_folder(rules_dir: Path) -> list[Problem]:
    """What `paraf rules check` reports for RULES_DIR, plus the files it loads first (opd.toml,
    numbering.toml, tembusan.toml): every problem, each with its line where known."""
    from pipeline.casework import tembusan
    from pipeline.core.rules import load_numbering
    rules_dir = Path(rules_dir)
    out = check_rules(rules_dir)
    for path in sorted(rules_dir.glob("*.toml")):
        try:
            tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as err:
            if not any(p.file == path.name for p in out):
                at = re.search(r"line (\d+)", str(err))
                out.append(Problem(path.name, int(at.group(1)) if at else 0,
                                   f"not valid TOML: {err}"))
        except UnicodeDecodeError:
            out.append(Problem(path.name, 0, "not UTF-8 text"))
    if (rules_dir / "numbering.toml").exists() and not any(
            p.file == "numbering.toml" for p in out):
        try:
            load_numbering(rules_dir / "numbering.toml")
        except RulesError as err:
            out.append(Problem("numbering.toml", 0, str(err).removeprefix("numbering.toml: ")))
    if (rules_dir / tembusan.FILE).exists() and not any(p.file == tembusan.FILE for p in out):
        try:
            tembusan.load(rules_dir)
        except RulesError as err:
            at = re.match(rf"{re.escape(tembusan.FILE)}:(\d+): (.*)", str(err), re.S)
            out.append(Problem(tembusan.FILE, int(at.group(1)), at.group(2)) if at else
                       Problem(tembusan.FILE, 0, str(err)))
    return sorted(out, key=lambda p: (p.file, p.line))


def check_candidate(rules_dir: Path, name: str, text: str) -> list[Problem]:
    """The problems the rules folder would have if NAME held TEXT: the folder is copied to a
    temporary one with the candidate in place and checked there; the live files are untouched.
    """
    import shutil
    import tempfile
    rules_dir = Path(rules_dir)
    with tempfile.TemporaryDirectory(prefix="paraf-rules-") as tmp:
        folder = Path(tmp)
        for path in rules_dir.glob("*.toml"):
            shutil.copy2(path, folder / path.name)
        (folder / name).write_text(text, encoding="utf-8")
        return check_folder(folder)
