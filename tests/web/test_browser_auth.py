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
