# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf rules check`: every problem at once, each with the line where its entry starts."""
import shutil
from pathlib import Path

from pipeline.core.rulecheck import Problem, check_rules, header_lines, report
from tests.routing import DEFAULT_RULE, OFFICIALS, write_office

DEFAULTS = Path(__file__).parents[2] / "rules"


def lines_of(text: str, table: str = "rule") -> list[int]:
    return header_lines(text, table)


def messages(problems, file="routing.toml"):
    return [(p.line, p.message) for p in problems if p.file == file]


def test_the_shipped_defaults_pass_cleanly(tmp_path):
    """GIVEN the sample rules `paraf init` copies WHEN checked THEN there is nothing to fix."""
    folder = tmp_path / "rules"
    folder.mkdir()
    for name in ("opd.toml", "numbering.toml", "officials.toml", "routing.toml"):
        shutil.copy(DEFAULTS / name, folder / name)
    problems = check_rules(folder)
    assert problems == []
    assert report(problems, folder) == f"No problems found in {folder}."


def test_the_workflow_tests_routing_passes_with_the_shipped_officials(tmp_path):
    """GIVEN the routing tests/workflow writes over the sample WHEN checked THEN it is clean
    (a default rule may leave out its order)."""
    folder = tmp_path / "rules"
    folder.mkdir()
    for name in ("opd.toml", "officials.toml"):
        shutil.copy(DEFAULTS / name, folder / name)
    from tests.workflow.conftest import ROUTING
    (folder / "routing.toml").write_text(ROUTING, encoding="utf-8")
    assert check_rules(folder) == []


def test_an_intake_only_folder_has_nothing_to_check(tmp_path):
    folder = write_office(tmp_path / "r", "")
    (folder / "officials.toml").unlink()
    (folder / "routing.toml").unlink()
    assert check_rules(folder) == []


def test_one_file_without_the_other_is_reported(tmp_path):
    folder = write_office(tmp_path / "r", DEFAULT_RULE)
    (folder / "officials.toml").unlink()
    assert [str(p) for p in check_rules(folder)] == [
        "officials.toml: missing: officials.toml and routing.toml work together "
        "(run 'paraf init' for samples)"]


def test_unknown_officials_and_opds_are_named_by_line(tmp_path):
    """GIVEN rules naming an unknown assignee, an unknown chain member, an unknown OPD and a
    pemda no OPD has WHEN checked THEN each is reported at its rule's line."""
    text = '''# comment
[[rule]]
name = "A"
order = 1
opd = ["bpkad", "bpkda"]
assignee = "auditor-9"
chain = ["superior", "kepala"]

[[rule]]
name = "B"
order = 2
wilayah = ["Kota Pekalongan", "Kota Pekalongann"]
assignee = "irban-1"
''' + DEFAULT_RULE
    a, b, _ = lines_of(text)
    assert (a, b) == (2, 9)
    assert messages(check_rules(write_office(tmp_path / "r", text))) == [
        (2, "rule \"A\": assignee 'auditor-9' is not an official in officials.toml"),
        (2, "rule \"A\": 'kepala' in chain is not an official in officials.toml"),
        (2, "rule \"A\": OPD 'bpkda' is not in opd.toml; check the spelling of the code"),
        (9, "rule \"B\": wilayah 'Kota Pekalongann' is not the pemda of any OPD in opd.toml, "
            "so it never matches"),
    ]


def test_loops_and_the_inspector_in_a_chain_are_reported(tmp_path):
    """GIVEN chains that repeat an official, climb past the top, include the Inspector or the
    assignee WHEN checked THEN each mistake is one problem at its rule's line."""
    text = '''
[[rule]]
name = "Twice"
order = 1
sifat = ["Segera"]
assignee = "auditor-1"
chain = ["irban-1", "superior"]

[[rule]]
name = "Too high"
order = 2
sifat = ["Penting"]
assignee = "auditor-1"
chain = ["superior:3", "superior:4", "inspektur"]

[[rule]]
name = "Self"
order = 3
sifat = ["Biasa"]
assignee = "irban-1"
chain = ["irban-1"]
''' + DEFAULT_RULE
    twice, high, self_, _ = lines_of(text)
    assert messages(check_rules(write_office(tmp_path / "r", text))) == [
        (twice, "rule \"Twice\": irban-1 would initial twice ('irban-1' and 'superior' in chain)"),
        (high, "rule \"Too high\": 'superior:3' in chain is the Inspector (inspektur), who signs "
               "after the chain; remove it from the chain"),
        (high, "rule \"Too high\": 'superior:4' in chain goes above the top: auditor-1 has fewer "
               "than 4 superior(s) above them"),
        (high, "rule \"Too high\": 'inspektur' in chain is the Inspector (inspektur), who signs "
               "after the chain; remove it from the chain"),
        (self_, "rule \"Self\": 'irban-1' in chain is the assignee irban-1, who drafts the reply "
                "and does not initial it"),
    ]


def test_a_position_that_loops_back_through_superiors_is_reported(tmp_path):
    """GIVEN superiors that go round (irban-1 ↔ auditor-1) WHEN a chain climbs them THEN both
    the loop in officials.toml and the chain coming back to the assignee are reported."""
    officials = OFFICIALS.replace('superior = "sekretaris"', 'superior = "auditor-1"')
    text = '[[rule]]\nname = "Up"\norder = 1\ndefault = true\nassignee = "auditor-1"\n' \
           'chain = ["superior", "superior:2"]\n'
    problems = check_rules(write_office(tmp_path / "r", text, officials=officials))
    irban_line = lines_of(officials, "official")[2]
    assert [str(p) for p in problems] == [
        f"officials.toml:{irban_line}: irban-1: the superiors go round in a loop "
        f"(irban-1 → auditor-1 → irban-1)",
        f"officials.toml:{lines_of(officials, 'official')[3]}: auditor-1: the superiors go "
        f"round in a loop (auditor-1 → irban-1 → auditor-1)",
        "routing.toml:1: rule \"Up\": 'superior:2' in chain is the assignee auditor-1 (the "
        "superiors loop back), who drafts the reply and does not initial it",
    ]


def test_unreachable_rules_are_reported(tmp_path):
    """GIVEN a rule after the default, a rule with the same filters as an earlier one, and one
    narrower than an earlier one WHEN checked THEN all three are unreachable; a wider rule, a
    disabled earlier rule and a stop_processing = false rule hide nothing."""
    text = DEFAULT_RULE + '''
[[rule]]
name = "After default"
order = 1000
sifat = ["Segera"]
assignee = "irban-1"

[[rule]]
name = "Aset"
order = 10
words = ["aset", "hibah"]
assignee = "irban-1"

[[rule]]
name = "Aset again"
order = 20
words = ["ASET", "hibah"]
assignee = "auditor-1"

[[rule]]
name = "Aset from BPKAD"
order = 30
opd = ["bpkad"]
words = ["aset"]
assignee = "auditor-1"

[[rule]]
name = "Wider"
order = 40
words = ["aset", "tanah"]
assignee = "auditor-1"

[[rule]]
name = "Off"
order = 5
enabled = false
assignee = "auditor-1"

[[rule]]
name = "Fall through"
order = 6
sifat = ["Penting"]
stop_processing = false
assignee = "auditor-1"

[[rule]]
name = "Penting"
order = 7
sifat = ["Penting"]
assignee = "auditor-1"
'''
    default, after, _, again, bpkad, *_ = lines_of(text)
    assert messages(check_rules(write_office(tmp_path / "r", text))) == [
        (after, 'rule "After default" (order 1000) can never match: the default rule "Lainnya" '
                '(order 999) comes first and catches everything; give it a lower order'),
        (again, 'rule "Aset again" (order 20) can never match: rule "Aset" (order 10) comes '
                'first and matches every letter this one would'),
        (bpkad, 'rule "Aset from BPKAD" (order 30) can never match: rule "Aset" (order 10) '
                'comes first and matches every letter this one would'),
    ]


def test_duplicate_names_and_a_missing_default_are_reported(tmp_path):
    text = '''
[[rule]]
name = "Same"
order = 1
sifat = ["Segera"]
assignee = "irban-1"

[[rule]]
name = "same"
order = 2
sifat = ["Biasa"]
assignee = "irban-1"
'''
    first, second = lines_of(text)
    assert messages(check_rules(write_office(tmp_path / "r", text))) == [
        (0, "no rule has default = true; add one that catches every other letter, or some "
            "letters would go nowhere"),
        (second, 'the name "same" is used by rule #1 too; explanations would be ambiguous'),
    ]


def test_every_broken_entry_is_reported_not_just_the_first(tmp_path):
    """GIVEN two broken officials and a broken rule WHEN checked THEN all three are listed with
    their lines, and the report counts them."""
    officials = OFFICIALS.replace('"198304102009022006"', '"123"').replace(
        'superior = "inspektur"\n', 'superior = "inspektur"\ntelepon = "1"\n', 1)
    routing = DEFAULT_RULE + ('\n[[rule]]\nname = "X"\norder = 1\nmode = "fast"\n'
                              'assignee = "irban-1"\n')
    problems = check_rules(write_office(tmp_path / "r", routing, officials=officials))
    off = lines_of(officials, "official")
    assert [(p.file, p.line) for p in problems] == [
        ("officials.toml", off[1]), ("officials.toml", off[3]),
        ("routing.toml", lines_of(routing)[1])]
    assert "unknown key 'telepon'" in problems[0].message
    assert "NIP '123' must have exactly 18 digits" in problems[1].message
    text = report(problems)
    assert text.splitlines()[-1] == "3 problems found."
    assert text.splitlines()[2] == ('routing.toml:8: rule #2 "X": mode \'fast\' must be "auto" '
                                   'or "confirm"')


def test_invalid_toml_is_reported_at_its_line(tmp_path):
    routing = DEFAULT_RULE + '\n[[rule]]\nname = "X\n'
    problems = check_rules(write_office(tmp_path / "r", routing))
    assert len(problems) == 1 and problems[0].line == 9      # the line of the open quote
    assert problems[0].message.startswith("not valid TOML")


def test_a_broken_opd_file_is_reported_and_opd_codes_are_not_checked(tmp_path):
    routing = DEFAULT_RULE + ('\n[[rule]]\nname = "X"\norder = 1\nopd = ["nope"]\n'
                              'assignee = "irban-1"\n')
    problems = check_rules(write_office(tmp_path / "r", routing, opds='[[opd]]\ncode = "x"\n'))
    assert problems == [Problem("opd.toml", 0, "opd.toml: OPD #1: 'code' and 'name' are "
                                               "required (OPD codes in routing.toml are not "
                                               "checked)")]
