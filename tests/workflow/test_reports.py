# SPDX-License-Identifier: AGPL-3.0-or-later
"""The consultation report of a case and the period report with its chart."""
from __future__ import annotations

import io

import docx
from click.testing import CliRunner
from PIL import Image

from pipeline.cli.main import cli

from .test_paraf_by_email import approve, to_drafting


def test_the_reports_tell_who_answered_what_and_how_fast(wf, dovecot, mailroom, tmp_path):
    """GIVEN a case initialled by three officials WHEN the clerk makes the consultation report
    and the period report THEN the first names the questions, the disposition, the answers and
    every step; the second counts the steps and carries a chart."""
    to_drafting(wf, dovecot, mailroom)
    for code in ("irban-3", "kasubag-umum", "sekretaris"):
        approve(wf, mailroom, code)
    runner = CliRunner()
    base = ["--config", str(wf.cfg.base_dir / "config.toml"), "report"]
    out = runner.invoke(cli, base + ["entry", "0001/SM/ITDA/2026", "--out",
                                     str(tmp_path / "laporan.docx")])
    assert out.exit_code == 0, out.output
    document = docx.Document(tmp_path / "laporan.docx")
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "LAPORAN LAYANAN KONSULTASI" in text
    assert "Kepada auditor-3a" in text and "surat pernyataan" in text
    assert "Paraf" in cells and "irban-3" in cells and "0001/SM/ITDA/2026" in cells
    out = runner.invoke(cli, base + ["period", "--from", "2026-01-01", "--to", "2026-12-31",
                                     "--out", str(tmp_path / "periode.docx")])
    assert out.exit_code == 0, out.output
    cells = "\n".join(c.text for t in docx.Document(tmp_path / "periode.docx").tables
                      for row in t.rows for c in row.cells)
    assert "Paraf\n3" in cells and "Penyusunan jawaban\n1" in cells
    chart = Image.open(io.BytesIO((tmp_path / "periode.png").read_bytes()))
    assert chart.size == (900, 420)
