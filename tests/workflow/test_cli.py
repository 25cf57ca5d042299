# SPDX-License-Identifier: AGPL-3.0-or-later
"""The clerk's view of the workflow: rules check, rules explain, the steps queue, show."""
from __future__ import annotations

from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.worker import run_once

from .test_paraf_by_email import INSPEKTUR, register_letter


def test_rules_explain_and_the_queue_follow_a_case(wf, dovecot, mailroom):
    """GIVEN a registered letter WHEN the clerk asks THEN rules explain names the rule and its
    reasons, the queue shows the Inspector's disposition; after it, the chain that was set."""
    register_letter(wf, dovecot)
    runner = CliRunner()
    base = ["--config", str(wf.cfg.base_dir / "config.toml")]
    check = runner.invoke(cli, base + ["rules", "check"])
    assert check.exit_code == 0 and "No problems found" in check.output
    before = runner.invoke(cli, base + ["rules", "explain", "0001/SM/ITDA/2026"])
    assert 'rule "Pendidikan"' in before.output and "Not disposed yet" in before.output
    queue = runner.invoke(cli, base + ["steps", "--official", "inspektur"])
    assert "0001/SM/ITDA/2026" in queue.output and "disposition" in queue.output
    mailroom.reply(mailroom.last_to(INSPEKTUR), INSPEKTUR, "DISPOSISI KEPADA auditor-1a: "
                   "mohon dijawab paling lambat besok")
    run_once(wf)
    after = runner.invoke(cli, base + ["rules", "explain", "0001/SM/ITDA/2026"])
    assert "to auditor-1a" in after.output and "paling lambat besok" in after.output
    assert "irban-1" in after.output            # the chain re-read for the new drafter
    shown = runner.invoke(cli, base + ["show", "0001/SM/ITDA/2026"])
    assert "drafting" in shown.output and "auditor-1a" in shown.output


def test_rules_check_names_the_line_of_a_bad_rule(wf):
    routing = wf.cfg.rules_path / "routing.toml"
    routing.write_text(routing.read_text() + '\n[[rule]]\nname = "Salah"\norder = 5\n'
                       'assignee = "tidak-ada"\n')
    out = CliRunner().invoke(cli, ["--config", str(wf.cfg.base_dir / "config.toml"), "rules",
                                   "check"])
    assert out.exit_code == 1
    assert "routing.toml:" in out.output and "tidak-ada" in out.output
