# SPDX-License-Identifier: AGPL-3.0-or-later
"""officials.toml: loaded into frozen Officials, every mistake named with its entry."""
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from pipeline.core.errors import RulesError
from pipeline.core.officials import by_code, by_email, load_officials, superior_of
from tests.routing import OFFICIALS

DEFAULTS = Path(__file__).parents[2] / "rules"


def load(tmp_path, text):
    path = tmp_path / "officials.toml"
    path.write_text(text, encoding="utf-8")
    return load_officials(path)


def test_a_valid_file_loads_into_frozen_officials(tmp_path):
    """GIVEN five officials WHEN loaded THEN NIPs lose their spaces, addresses are lower case,
    and the objects cannot be changed."""
    officials = load(tmp_path, OFFICIALS)
    assert [o.code for o in officials] == ["inspektur", "sekretaris", "irban-1", "auditor-1",
                                           "irban-2"]
    irban = by_code(officials, "irban-1")
    assert irban.nip == "197409211999031003" and irban.superior == "sekretaris"
    assert by_code(officials, "auditor-1").emails == ("rina@inspektorat.example.go.id",)
    assert officials[0].is_inspector and not irban.is_inspector
    with pytest.raises(FrozenInstanceError):
        irban.name = "x"


def test_lookup_by_address_ignores_case_and_spaces(tmp_path):
    """GIVEN the officials WHEN looked up by address THEN case and spaces do not matter, and an
    unknown or empty address finds nobody."""
    officials = load(tmp_path, OFFICIALS)
    assert by_email(officials, " RINA@inspektorat.example.go.id ").code == "auditor-1"
    assert by_email(officials, "someone@else.go.id") is None
    assert by_email(officials, None) is None and by_code(officials, "nobody") is None


def test_superiors_are_walked_level_by_level(tmp_path):
    officials = load(tmp_path, OFFICIALS)
    auditor = by_code(officials, "auditor-1")
    assert superior_of(officials, auditor).code == "irban-1"
    assert superior_of(officials, auditor, 3).code == "inspektur"
    assert superior_of(officials, auditor, 4) is None


def test_the_shipped_sample_loads(tmp_path):
    """GIVEN the sample officials.toml WHEN loaded THEN it has one Inspektur at the top, four
    Irban under them and a clerk."""
    officials = load_officials(DEFAULTS / "officials.toml")
    tops = [o for o in officials if not o.superior]
    assert [o.code for o in tops] == ["inspektur"] and tops[0].is_inspector
    assert sum(o.jabatan.startswith("Inspektur Pembantu") for o in officials) == 4
    assert [o.code for o in officials if "clerk" in o.roles] == ["agendaris"]
    assert all(e.endswith("@inspektorat.example.go.id") for o in officials for e in o.emails)


def _spoil(old: str, new: str) -> str:
    assert old in OFFICIALS
    return OFFICIALS.replace(old, new, 1)


@pytest.mark.parametrize("text, message", [
    (_spoil('jabatan = "Inspektur Daerah"\n', ""), r"official #1: 'jabatan' is required"),
    (_spoil('roles = ["inspector"]', 'roles = ["inspector"]\ntelepon = "0285"'),
     r"official #1: unknown key 'telepon'"),
    (_spoil('"196905121994031005"', '"19690512199403100"'), r"#1 \(inspektur\): NIP .*18 digits"),
    (_spoil('"196905121994031005"', '"1969051219940310AB"'), r"NIP .*18 digits"),
    (_spoil('["irban2@inspektorat.example.go.id"]', '["irban2 at inspektorat"]'),
     r"official #5 \(irban-2\): 'irban2 at inspektorat' is not an e-mail address"),
    (_spoil('code = "irban-2"', 'code = "irban-1"'), r"official #5: code 'irban-1' is used twice"),
    (_spoil('["irban2@inspektorat.example.go.id"]', '["IRBAN1@inspektorat.example.go.id"]'),
     r"official #5: irban-2: address irban1@.* already belongs to irban-1"),
    (_spoil('superior = "irban-1"', 'superior = "irban-9"'),
     r"official #4: auditor-1: superior 'irban-9' is not an official"),
    (_spoil('superior = "sekretaris"', 'superior = "auditor-1"'),
     r"the superiors go round in a loop \(irban-1 → auditor-1 → irban-1\)"),
    (_spoil('roles = ["inspector"]', ''), r"the file: no official has roles = \[\"inspector\"\]"),
    (_spoil('superior = "inspektur"\n', 'superior = "inspektur"\nroles = ["inspector"]\n'),
     r"official #2: sekretaris: a second official with the role 'inspector'"),
    (_spoil('roles = ["inspector"]', 'roles = ["boss"]'), r"unknown role 'boss'"),
    (_spoil('emails = ["Rina@Inspektorat.example.go.id"]', 'emails = []'), r"'emails' is required"),
    (OFFICIALS + "\n[official\n", r"not valid TOML"),
])
def test_each_mistake_is_refused_with_its_entry(tmp_path, text, message):
    """GIVEN officials.toml with one mistake WHEN loaded THEN RulesError names the file, the
    entry and what is wrong."""
    with pytest.raises(RulesError, match=message) as err:
        load(tmp_path, text)
    assert "officials.toml" in str(err.value)
