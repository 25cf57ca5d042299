# SPDX-License-Identifier: AGPL-3.0-or-later
"""The clerk reads the books and the SLA board from the command line, and exports the book."""
from __future__ import annotations

import json

from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli.main import cli
from tests.intake.helpers import mail_in, run_until_idle
from tests.mails import fields, letter_mail


def test_the_clerk_reads_and_exports_the_books(app, tmp_path):
    """GIVEN two registered letters and a quarantined message WHEN the clerk asks for the
    incoming book, a search, an export and the SLA board THEN each shows what it should."""
    mail_in(app, letter_mail(letter=fields(901, hal="Konsultasi Dana BOS")))
    mail_in(app, letter_mail(letter=fields(902)))
    mail_in(app, letter_mail(sender="stranger@example.com"))
    run_until_idle(app)
    runner = CliRunner()
    base = ["--config", str(app.cfg.base_dir / "config.toml")]
    book = json.loads(runner.invoke(cli, base + ["agenda", "in", "--json"]).output)
    assert [r["agenda_no"] for r in book][:2] == ["0001/SM/ITDA/2026", "0002/SM/ITDA/2026"]
    found = json.loads(runner.invoke(cli, base + ["agenda", "in", "--json", "--search",
                                                  "dana bos"]).output)
    assert [r["letter_no"] for r in found] == ["400.3/1001/Disdik/2026"]
    out = runner.invoke(cli, base + ["agenda", "in", "--xlsx", str(tmp_path / "buku.xlsx"),
                                     "--status", "registered"])
    assert out.exit_code == 0, out.output
    sheet = load_workbook(tmp_path / "buku.xlsx").active
    assert [c.value for c in sheet[3]][:3] == ["No. Agenda", "Tanggal Diterima", "Nomor Surat"]
    assert sheet.max_row == 5
    assert json.loads(runner.invoke(cli, base + ["agenda", "out", "--json"]).output) == []
    board = runner.invoke(cli, base + ["sla"])
    assert "0001/SM/ITDA/2026" in board.output and "working days" in board.output
