# SPDX-License-Identifier: AGPL-3.0-or-later
"""A complaint filed on the tracking page in a real Chromium (axe-core on every page looked
at), answered by the superior on the staff pages, shown to the requester, and counted on the
SLA board and by `paraf report period`."""
from __future__ import annotations

import io
import re
from zoneinfo import ZoneInfo

from click.testing import CliRunner
from docx import Document

from pipeline.cli.main import cli
from pipeline.core.db import utc

from .conftest import PASSWORD
from .live import browser_sign_in, shot
from .test_complaints import SUPERIOR_OF, account_for, answered_case, complaints


def test_a_complaint_in_chromium_from_the_tracking_page_to_the_report(browser_page, client,
                                                                     web_app, tmp_path):
    code, _, official = answered_case(client, web_app)
    superior = SUPERIOR_OF[official]
    username = account_for(web_app, superior)
    page = browser_page
    missing = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    page.goto(f"/lacak/{code}")
    page.wait_for_selector("#pengaduan")
    shot(page, "tracking-complaint-form")
    page.set_viewport_size({"width": 390, "height": 844})          # a phone
    page.fill("textarea[name=pengaduan]", "Jawaban diterima lewat dari tiga hari kerja, dan "
                                          "pertanyaan kedua belum dijawab.")
    page.click("text=Kirim pengaduan")
    page.wait_for_selector("text=Pengaduan Anda telah kami terima")
    notice = page.content()
    number = re.search(r"\d{4}/PENG/ITDA/\d{4}", notice).group(0)
    assert "Sedang ditangani" in notice
    shot(page, "tracking-complaint-filed-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    browser_sign_in(page, username, PASSWORD)
    page.goto("/staf/tugas")
    page.locator("tr", has_text=number).locator("text=Buka").click()
    page.wait_for_selector("text=Tanggapi pengaduan")
    shot(page, "staff-complaint-task")
    page.fill("textarea[name=notes]", "Mohon maaf. Jawaban pertanyaan kedua kami kirimkan "
                                      "hari ini; petugas kami telah diingatkan.")
    page.click("text=Kirim tanggapan")
    page.wait_for_selector("text=Tanggapan atas pengaduan tercatat")
    page.context.clear_cookies()
    page.goto(f"/lacak/{code}")
    page.wait_for_selector("text=Telah ditanggapi")
    assert "petugas kami telah diingatkan" in page.content()
    shot(page, "tracking-complaint-answered")
    assert missing == []                    # (the favicon is the browser's own request)
    assert [e for e in page.console_errors if "Failed to load resource" not in e] == []

    browser_sign_in(page, "dewi", PASSWORD)
    page.goto("/staf/sla")
    figures = page.locator(".complaint-figures").inner_text()
    assert "1 diterima, 1 ditanggapi, 1 dalam batas waktu" in figures, figures
    shot(page, "sla-board-complaints")

    (c,) = complaints(web_app)
    today = utc(c.filed_at).astimezone(ZoneInfo(web_app.cfg.office.timezone)).date()
    out = tmp_path / "triwulan.docx"
    result = CliRunner().invoke(cli, ["--config", str(web_app.cfg.base_dir / "config.toml"),
                                      "report", "period", "--from", str(today),
                                      "--to", str(today), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Pengaduan: 1 diterima, 1 ditanggapi, 1 dalam batas waktu" in result.output
    text = "\n".join(cell.text for table in Document(io.BytesIO(out.read_bytes())).tables
                     for row in table.rows for cell in row.cells)
    assert number in text and "Telah ditanggapi" in text
