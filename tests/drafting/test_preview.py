"""The PDF preview through LibreOffice, which is optional on a Paraf machine."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from pipeline.casework import drafting
from pipeline.signing import convert
from tests.drafting import ANSWERS, INSPECTOR, OFFICE, entry

HAVE_SOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))


def _draft() -> bytes:
    return drafting.render(drafting.default_template(),
                           drafting.context_for(entry(), OFFICE, INSPECTOR, ANSWERS))


def test_no_libreoffice_gives_none(monkeypatch):
    """GIVEN no soffice/libreoffice on PATH WHEN a preview is asked for THEN None, no error."""
    monkeypatch.setattr(convert.shutil, "which", lambda name: None)
    assert drafting.preview_pdf(_draft()) is None


def test_failing_converter_gives_none(monkeypatch, tmp_path):
    """GIVEN a 'soffice' that exits without writing a PDF WHEN previewing THEN None."""
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setattr(convert.shutil, "which", lambda name: str(fake))
    assert drafting.preview_pdf(_draft(), timeout=10) is None


def test_hanging_converter_is_killed(monkeypatch, tmp_path):
    """GIVEN a 'soffice' that hangs WHEN previewing with a short timeout THEN None, promptly."""
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30 &\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setattr(convert.shutil, "which", lambda name: str(fake))
    assert drafting.preview_pdf(_draft(), timeout=0.5) is None


@pytest.mark.skipif(not HAVE_SOFFICE, reason="LibreOffice is not installed")
def test_real_conversion_embeds_an_arial_metric_font(tmp_path):
    """GIVEN LibreOffice and the fonts the setup installs WHEN the draft (Arial) is converted
    THEN a PDF comes back whose every font is embedded and is Arial or the metric-compatible
    Liberation Sans, never a wider fallback such as DejaVu Sans."""
    pdf = drafting.preview_pdf(_draft())
    assert pdf is not None and pdf.startswith(b"%PDF")
    (tmp_path / "x.pdf").write_bytes(pdf)
    rows = subprocess.run(["pdffonts", str(tmp_path / "x.pdf")], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    assert rows
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert emb == "yes", row
        assert re.search(r"\+(LiberationSans|Arial)", name), row
