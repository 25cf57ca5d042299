# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf rules check` reads the [signing] table of officials.toml (who signs while the
Inspektur is away), and the absence words an official may reply with."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from pipeline.casework.away_words import read
from pipeline.core.rulecheck import check_folder

RULES = Path(__file__).resolve().parents[2] / "rules"


@pytest.fixture
def rules(tmp_path):
    shutil.copytree(RULES, tmp_path / "rules")
    return tmp_path / "rules"


def messages(folder) -> list[str]:
    return [p.message for p in check_folder(folder)]


def test_the_example_signing_rules_pass(rules):
    assert not [m for m in messages(rules) if "[signing]" in m]


@pytest.mark.parametrize("table, expected", [
    ('atas_nama = ["penting"]', "unknown kind of letter 'penting'"),
    ('atas_nama_oleh = "wakil"', "'wakil' is not an official"),
    ('atas_nama_oleh = "inspektur"', "cannot sign a.n. themselves"),
    ('plt = "ya"', "plt must be true or false"),
    ('ttd = true', "unknown key 'ttd'"),
])
def test_a_wrong_signing_table_is_reported(rules, table, expected):
    path = rules / "officials.toml"
    text = path.read_text()
    key = table.split(" =")[0]
    lines = [ln for ln in text.splitlines() if not ln.startswith(f"{key} =")]
    path.write_text("\n".join(lines).replace("[signing]", f"[signing]\n{table}") + "\n")
    assert any(expected in m for m in messages(rules)), messages(rules)


TODAY = date(2026, 12, 4)


@pytest.mark.parametrize("text, reason, end, delegate", [
    ("CUTI s.d. 12 Desember", "cuti", date(2026, 12, 12), None),
    ("DINAS LUAR s.d. 12-12-2026", "dinas luar", date(2026, 12, 12), None),
    ("Sakit s/d 12 Desember 2026\n\nmohon maaf", "sakit", date(2026, 12, 12), None),
    ("IZIN sampai dengan 2026-12-15, Plt. irban-2", "izin", date(2026, 12, 15), "irban-2"),
    ("cuti s.d. 3 Jan", "cuti", date(2027, 1, 3), None),          # next year's 3 January
    ("DL s.d. 8/12/26 pengganti sekretaris@inspektorat.example.go.id", "dinas luar",
     date(2026, 12, 8), "sekretaris@inspektorat.example.go.id"),
])
def test_absence_words_are_read(text, reason, end, delegate):
    got = read(text, TODAY)
    assert (got.reason, got.end, got.delegate) == (reason, end, delegate)


@pytest.mark.parametrize("text", [
    "SETUJU", "Saya cuti s.d. 12 Desember", "cuti s.d. 31 Februari", "CUTI",
    "1. Dapat, kecuali pegawai cuti s.d. 5 Desember.", "CUTI s.d. besok",
])
def test_other_replies_are_not_absences(text):
    assert read(text, TODAY) is None
