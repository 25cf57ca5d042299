# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf rules check` over rules/status.toml, the phrases of a status question (issue 19)."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.core.errors import RulesError
from pipeline.core.rulecheck import check_folder
from pipeline.intake.status_rules import load

DEFAULTS = Path(__file__).parents[2] / "rules"
BROKEN = '''phrases = ["sudah sampai mana", "Sudah  sampai mana?", "ada lampiran susulan"]
content_words = ["susulan"]
max_words = 1000
per_address = "lima"
window = 60
'''


def test_the_shipped_status_rules_pass(tmp_path):
    """GIVEN the sample status.toml WHEN checked THEN nothing is reported and it loads."""
    shutil.copy(DEFAULTS / "status.toml", tmp_path / "status.toml")
    assert check_folder(tmp_path) == []
    assert "sudah sampai mana" in load(tmp_path).phrases


def test_every_problem_is_named_with_its_line_by_the_command(tmp_path):
    """GIVEN a status.toml with a twice-listed phrase, a phrase a content word blocks, numbers
    out of range and an unknown key WHEN `paraf rules check` runs THEN each is reported at its
    line, the command fails, and the worker refuses to load the file."""
    from pipeline.core import workspace
    config = workspace.init(tmp_path / "ws", database=f"sqlite:///{tmp_path / 'p.db'}")
    folder = tmp_path / "ws" / "rules"
    (folder / "status.toml").write_text(BROKEN)
    found = [(p.line, p.message) for p in check_folder(folder) if p.file == "status.toml"]
    text = "\n".join(m for _, m in found)
    assert (1, "'phrases' lists \"sudah sampai mana\" twice") in found
    assert "can never match" in text and "'max_words' must be" in text
    assert "'per_address' must be" in text
    assert (5, "unknown key 'window' (allowed: content_words, max_words, per_address, phrases, "
               "window_minutes)") in found
    with pytest.raises(RulesError, match="status.toml"):
        load(folder)
    done = subprocess.run([sys.executable, "-m", "pipeline", "--config", str(config), "rules",
                           "check"], capture_output=True, text=True)
    assert done.returncode != 0 and "status.toml:1:" in done.stdout + done.stderr
