# SPDX-License-Identifier: AGPL-3.0-or-later
"""The clerk's main path in Chromium: release a quarantined letter, find it in the book, export
the book; a hostile mail's payloads on the entry page never run. Screenshots are kept."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from openpyxl import load_workbook
from sqlalchemy import select

from pipeline.core.models import AgendaEntry
from tests.books import add_case, add_step, letter
from tests.intake.helpers import mail_in, run_until_idle
from tests.mails import fields, letter_mail

from .conftest import PASSWORD
from .live import browser_sign_in, shot
from .test_clerk import STRANGER, hostile_mail


def _intake(app) -> dict[str, int]:
    mail_in(app, letter_mail(letter=fields(901, hal="Konsultasi Dana BOS Afirmasi")))
    mail_in(app, letter_mail(sender="dinkes@pekalongankota.go.id", kind="pdf",
                             letter=fields(902, hal="Hibah bansos kesehatan",
                                           pengirim="Dinas Kesehatan Kota Pekalongan")))
    mail_in(app, letter_mail(sender=STRANGER, letter=fields(903, hal="Pengadaan swakelola")))
    mail_in(app, hostile_mail("penyerang@example.net"))
    run_until_idle(app)
    with app.session() as s:
        rows = s.scalars(select(AgendaEntry).order_by(AgendaEntry.id)).all()
        return {"letter": rows[0].id, "pdf": rows[1].id, "stranger": rows[2].id,
                "hostile": rows[3].id}


def test_clerk_releases_a_quarantined_letter_and_exports_the_book(browser_page, web_app,
                                                                   tmp_path):
    ids = _intake(web_app)
    page = browser_page
    browser_sign_in(page, "dewi", PASSWORD)
    page.wait_for_url("**/staf/agenda")
    page.console_errors.clear()             # the sign-in page's favicon
    page.goto("/staf/karantina")
    item = page.locator(f"#entri-{ids['stranger']}")
    assert item.is_visible()
    shot(page, "clerk-quarantine")
    item.locator("select[name=opd]").select_option("disdik-kota-pekalongan")
    item.locator("button:has-text('Lepas')").click()
    page.wait_for_url("**/staf/karantina")
    assert "Dicatat dengan Nomor Agenda 0003/SM/ITDA/2026" in page.locator(".notice").inner_text()
    assert page.locator(f"#entri-{ids['stranger']}").count() == 0
    with web_app.session() as s:
        assert s.get(AgendaEntry, ids["stranger"]).status == "registered"

    page.goto("/staf/agenda")
    page.fill("input[name=q]", "swakelola")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**q=swakelola**")
    assert page.locator("table.book tbody tr").count() == 1
    assert "0003/SM/ITDA/2026" in page.locator("table.book").inner_text()
    page.goto("/staf/agenda")
    shot(page, "clerk-book")
    with page.expect_download() as info:
        page.click("text=Unduh XLSX")
    target = tmp_path / "buku.xlsx"
    info.value.save_as(target)
    sheet = load_workbook(target).active
    numbers = [r[0].value for r in sheet.iter_rows(min_row=4)]
    assert numbers == [None, "0003/SM/ITDA/2026", "0002/SM/ITDA/2026", "0001/SM/ITDA/2026"]
    assert page.console_errors == []


def test_the_entry_page_in_chromium_runs_no_stored_payload(browser_page, web_app):
    ids = _intake(web_app)
    page = browser_page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    browser_sign_in(page, "dewi", PASSWORD)
    page.wait_for_url("**/staf/agenda")
    page.console_errors.clear()             # the sign-in page's favicon
    page.goto(f"/staf/entri/{ids['pdf']}")
    page.locator("img.page-preview").first.wait_for()
    assert page.evaluate("document.querySelector('img.page-preview').naturalWidth") > 100
    shot(page, "clerk-entry")
    page.goto(f"/staf/entri/{ids['hostile']}")
    page.click("details.mail-html summary")
    page.click("details.correct summary")
    page.wait_for_timeout(300)
    shot(page, "clerk-entry-hostile")
    page.goto("/staf/karantina")
    page.goto("/staf/agenda?q=xss")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('script, svg, iframe').length") == 0
    assert page.console_errors == []        # not even a CSP refusal: nothing tried to run


def test_the_sla_board_in_chromium(browser_page, web_app):
    now = datetime.now(timezone.utc)
    with web_app.session() as s:
        for n, (days, hal) in enumerate([(20, "Tindak lanjut LHP dana desa"),
                                         (9, "Kelebihan pembayaran honorarium"),
                                         (1, "Pengadaan barang swakelola"),
                                         (0, "Retribusi parkir")], start=1):
            case = add_case(s, n, received=now - timedelta(days=days),
                            status="disposed" if n % 2 else "drafted",
                            due_on=(now - timedelta(days=days - 4)).date(),
                            assignee="irban-2" if n % 2 else "irban-1",
                            letter_fields=letter(n, hal=hal))
            add_step(s, case, "drafting" if n % 2 else "paraf", "irban-2" if n % 2 else
                     "irban-1", opened=now - timedelta(days=days), due=now - timedelta(
                         days=days - 1))
    page = browser_page
    browser_sign_in(page, "dewi", PASSWORD)
    page.wait_for_url("**/staf/agenda")
    page.console_errors.clear()             # the sign-in page's favicon
    page.goto("/staf/sla")
    first = page.locator("table.sla tbody tr").first.inner_text()
    assert "Tindak lanjut LHP dana desa" in first
    shot(page, "clerk-sla")
    assert page.console_errors == []
