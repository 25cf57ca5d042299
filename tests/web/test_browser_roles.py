# SPDX-License-Identifier: AGPL-3.0-or-later
"""Each role's main path in a real Chromium: an official initials a draft, the Inspector
disposes and signs a batch of three, the administrator adds an account. Screenshots are kept
under test-output/screenshots for a person to look at."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.cli.main import cli
from pipeline.core.models import AgendaEntry, OutgoingLetter
from pipeline.signing.convert import soffice

from .cases import letters, open_step, to_initialled, to_paraf, use_routing
from .conftest import PASSWORD
from .live import browser_sign_in, shot

KEY_PASSPHRASE = "kunci rahasia uji 42"


def watch(page) -> None:
    """Record every response of the page's own that failed (the browser's favicon.ico probe is
    not one: it shows only as a console 404 with no URL)."""
    page.failed = []
    page.on("response", lambda r: page.failed.append(f"{r.status} {r.url}")
            if r.status >= 400 and r.request.resource_type != "document" else None)


def clean(page, expected=()) -> bool:
    errors = [e for e in page.console_errors if "status of 404" not in e
              and not any(x in e for x in expected)]
    assert errors == [] and page.failed == [], (errors, page.failed)
    page.console_errors.clear()
    return True


def statuses(app) -> list[str]:
    with app.session() as s:
        return list(s.scalars(select(AgendaEntry.status).order_by(AgendaEntry.id)))


def test_an_official_initials_a_draft_in_chromium(web_app, browser_page):
    use_routing(web_app)
    letters(web_app, 2)
    to_paraf(web_app)
    step = open_step(web_app, "paraf", "irban-1")
    page = browser_page
    watch(page)
    browser_sign_in(page, "hendro", PASSWORD)
    page.wait_for_url("**/staf/tugas")
    assert page.locator("table.tasks tbody tr").count() == 2
    shot(page, "official-queue")
    page.click(f"a[href='/staf/tugas/{step.id}']")
    page.wait_for_url(f"**/staf/tugas/{step.id}")
    assert page.locator("text=Apakah pengembalian kelebihan").count() == 1
    shot(page, "official-step")
    page.click("button:has-text('Beri paraf')")
    page.wait_for_url("**/staf/tugas")
    assert "Paraf tercatat" in page.locator(".notice").inner_text()
    assert page.locator("table.tasks tbody tr").count() == 1
    assert statuses(web_app)[0] == "initialled"
    assert clean(page)


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_the_inspector_disposes_and_signs_a_batch_of_three_in_chromium(web_app, browser_page,
                                                                         tmp_path):
    use_routing(web_app)
    (tmp_path / "pass").write_text(KEY_PASSPHRASE + "\n")
    made = CliRunner().invoke(cli, ["--config", str(web_app.cfg.base_dir / "config.toml"),
                                    "keys", "create-test", "--passphrase-file",
                                    str(tmp_path / "pass")])
    assert made.exit_code == 0, made.output
    letters(web_app, 3)
    to_initialled(web_app)
    letters(web_app, 2, start=900)                 # two more wait for disposition
    page = browser_page
    watch(page)
    page.set_default_timeout(120_000)              # one LibreOffice run for the batch
    browser_sign_in(page, "bambang", PASSWORD)
    page.wait_for_url("**/staf/inspektur")
    assert page.locator("article.disposition").count() == 2
    shot(page, "inspector-dispositions")
    first = page.locator("article.disposition").first
    first.locator("select[name=target]").select_option("irban-1")
    first.locator("textarea[name=notes]").nth(1).fill("Mohon dijawab langsung oleh Irban I.")
    first.locator("button:has-text('Disposisikan')").click()
    page.wait_for_url("**/staf/inspektur")
    assert page.locator("article.disposition").count() == 1
    assert open_step(web_app, "drafting", "irban-1")

    page.click("nav.staff a:has-text('Tanda Tangan')")
    page.wait_for_url("**/staf/tandatangan")
    assert page.locator("table.batch tbody tr").count() == 3
    shot(page, "inspector-signing")
    page.fill("input[name=passphrase]", "bukan kuncinya")
    page.click("button:has-text('Tandatangani semua')")
    assert "Kata sandi kunci salah" in page.locator("[role=alert]").inner_text()
    assert statuses(web_app)[:3] == ["initialled"] * 3
    assert page.locator("input[name=passphrase]").input_value() == ""   # never sent back
    assert clean(page, expected=["status of 400"])     # the refused form itself, nothing else
    page.fill("input[name=passphrase]", KEY_PASSPHRASE)
    page.click("button:has-text('Tandatangani semua')")
    page.wait_for_url("**/staf/tandatangan")
    notice = page.locator(".notice").inner_text()
    assert "3 surat ditandatangani" in notice and "700/3/ITDA/2026" in notice
    with web_app.session() as s:
        assert [l.number for l in s.scalars(select(OutgoingLetter).order_by(
            OutgoingLetter.seq))] == [f"700/{n}/ITDA/2026" for n in (1, 2, 3)]
    shot(page, "inspector-signed")

    page.click("nav.staff a:has-text('Laporan')")
    page.wait_for_url("**/staf/laporan")
    page.fill("input[name=dari]", "2026-01-01")
    page.fill("input[name=sampai]", "2026-12-31")
    page.click("button:has-text('Tampilkan')")
    page.wait_for_load_state("networkidle")
    assert page.locator("img.chart").evaluate("img => img.naturalWidth") == 900
    shot(page, "inspector-report")
    assert clean(page)


def test_the_admin_adds_an_account_in_chromium(web_app, browser_page):
    page = browser_page
    watch(page)
    browser_sign_in(page, "admin", PASSWORD)
    page.wait_for_url("**/staf/admin")
    form = page.locator("form.add-user")
    form.locator("input[name=username]").fill("sari")
    form.locator("input[name=name]").fill("Sari Utami, S.E.")
    form.locator("select[name=role]").select_option("official")
    form.locator("select[name=official]").select_option("irban-2")
    form.locator("button").click()
    page.wait_for_load_state()
    assert len(page.locator("code.otp").inner_text()) >= 12
    shot(page, "admin-users")
    page.click("nav.staff a:has-text('Aturan')")
    page.wait_for_url("**/staf/admin/aturan")
    page.click("nav.tabs a:has-text('routing.toml')")
    page.wait_for_url("**berkas=routing.toml")
    live = web_app.cfg.rules_path / "routing.toml"
    before = live.read_bytes()
    page.fill("textarea[name=content]", '[[rule]]\nname = "Semua"\ndefault = true\n'
              'assignee = "tidak-ada"\n')
    page.click("button:has-text('Periksa dan terapkan')")
    assert "routing.toml:1" in page.locator("ul.problems").inner_text()
    assert live.read_bytes() == before                     # the live file is untouched
    shot(page, "admin-rules")
    page.console_errors.clear()                            # the refused form answered 400
    assert clean(page)
