# SPDX-License-Identifier: AGPL-3.0-or-later
"""The walk-in desk in a real browser: the clerk records a visitor and downloads the form, the
Inspector disposes (by e-mail, as for letters), the official writes the answer, the clerk
downloads the completed copy. Screenshots: walkin-desk, walkin-case, walkin-answer."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from pipeline.core.models import AgendaEntry

from .conftest import PASSWORD
from .live import browser_sign_in, shot
from .test_walkin import SUMMARY, VISITOR, flat, inspector_replies, pdf_text


def sign_out(page) -> None:
    page.click("nav.staff button:has-text('Keluar')")
    page.wait_for_url("**/masuk")


def download(page, link_text: str) -> bytes:
    with page.expect_download() as info:
        page.click(f"a:has-text('{link_text}')")
    return Path(info.value.path()).read_bytes()


def test_a_walk_in_in_chromium(browser_page, web_app):
    page = browser_page
    browser_sign_in(page, "dewi", PASSWORD)
    page.wait_for_url("**/staf/agenda")
    page.goto("/staf/datang")
    page.console_errors.clear()
    for field in ("name", "nip", "position", "institution", "phone", "email"):
        page.fill(f"input[name={field}]", VISITOR[field])
    page.fill("textarea[name=purpose]", VISITOR["purpose"])
    questions = page.locator("textarea[name=question]")
    assert questions.count() == 3
    questions.nth(0).fill(VISITOR["question"][0])
    questions.nth(1).fill(VISITOR["question"][1])
    page.click("button:has-text('Catat dan siapkan formulir')")
    page.wait_for_url("**/staf/datang/*")
    assert "0001/KONS/ITDA/2026" in page.locator("[role=status]").inner_text()
    form = download(page, "Unduh formulir")
    assert form.startswith(b"%PDF") and "FORMULIR KONSULTASI" in pdf_text(form)
    with web_app.session() as s:
        entry_id = s.scalar(select(AgendaEntry.id).where(AgendaEntry.channel == "walk-in"))

    inspector_replies(web_app, "DISPOSISI KEPADA auditor-1a: Mohon dijawab hari ini.")
    sign_out(page)
    browser_sign_in(page, "rina", PASSWORD)
    page.wait_for_load_state()
    page.goto("/staf/datang/tugas")
    page.click("a:has-text('Tulis jawaban')")
    page.wait_for_url(f"**/staf/datang/{entry_id}/jawab")
    page.fill("textarea[name=summary]", SUMMARY)
    shot(page, "walkin-answer")
    page.click("button:has-text('Simpan jawaban')")
    page.wait_for_url("**/staf/datang/tugas")
    assert "tersimpan" in page.locator("[role=status]").inner_text()
    sign_out(page)

    browser_sign_in(page, "dewi", PASSWORD)
    page.wait_for_url("**/staf/agenda")
    page.goto(f"/staf/datang/{entry_id}")
    assert "selesai tepat waktu" in page.content()
    copy = download(page, "Unduh salinan")
    text = flat(pdf_text(copy))
    assert "SALINAN" in text and flat(SUMMARY) in text
    shot(page, "walkin-case")
    page.goto("/staf/datang")
    assert page.locator("table.walkin-list").inner_text().count("0001/KONS/ITDA/2026") == 1
    shot(page, "walkin-desk")
    assert page.console_errors == []
