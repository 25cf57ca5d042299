# SPDX-License-Identifier: AGPL-3.0-or-later
"""Signing in with a real browser: the cookie holds, the CSP causes no console errors."""
from __future__ import annotations

from .conftest import PASSWORD
from .live import browser_sign_in, shot


def test_clerk_signs_in_and_out_in_chromium(browser_page):
    page = browser_page
    page.goto("/masuk")
    shot(page, "login")
    browser_sign_in(page, "dewi", PASSWORD)
    page.wait_for_url("**/staf/agenda")
    page.console_errors.clear()
    page.goto("/kata-sandi")            # a page every signed-in user has
    assert page.locator("nav.staff").is_visible()
    assert "Dewi" in page.locator(".who").inner_text()
    page.click("nav.staff button:has-text('Keluar')")
    page.wait_for_url("**/masuk")
    assert "Anda telah keluar" in page.content()
    assert page.console_errors == []


def test_wrong_password_in_chromium_shows_the_error(browser_page):
    browser_sign_in(browser_page, "dewi", "salah-sekali-123")
    assert browser_page.locator("[role=alert]").is_visible()


def test_after_wrong_passwords_chromium_is_asked_to_wait_then_signs_in(browser_page, monkeypatch):
    """GIVEN five wrong passwords for dewi in a real browser
    WHEN she tries again at once, and again after the wait
    THEN she first reads, in Indonesian, how many seconds to wait, and then gets in: a wait,
    never a lock-out. (The server's clock is held still, then moved on: on a loaded machine a
    browser's sixth try can take longer than the one-second wait itself.)"""
    from datetime import datetime, timedelta, timezone

    from pipeline.web import page as pages
    moment = [datetime.now(timezone.utc)]
    monkeypatch.setattr(pages, "clock", lambda: moment[0])
    page = browser_page
    for _ in range(5):
        browser_sign_in(page, "dewi", "salah-sekali-123")
    browser_sign_in(page, "dewi", PASSWORD)
    alert = page.locator("[role=alert]").inner_text()
    assert "Terlalu banyak percobaan masuk" in alert and "1 detik" in alert
    shot(page, "login-throttled")
    moment[0] += timedelta(seconds=1.2)
    browser_sign_in(page, "dewi", PASSWORD)
    page.wait_for_url("**/staf/agenda")
    assert [e for e in page.console_errors if "Failed to load resource" not in e] == []
