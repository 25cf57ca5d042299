# SPDX-License-Identifier: AGPL-3.0-or-later
"""The pages on a phone (390×844) and a desktop (1366×768) in a real Chromium: nothing a user
must reach sticks out past the screen's edge, and axe-core finds no accessibility violation.
Screenshots land in test-output/screenshots."""
from __future__ import annotations

import pytest

from .conftest import PASSWORD
from .live import browser_sign_in, shot, violations

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
PAGES = {
    "dewi": ("/staf/agenda", "/staf/agenda?buku=konsultasi", "/staf/karantina", "/staf/sla",
             "/staf/konsultasi", "/staf/datang"),
    "bambang": ("/staf/inspektur", "/staf/tandatangan", "/staf/laporan"),
    "admin": ("/staf/admin",),
}


def overflow(page) -> list[str]:
    """Links, buttons and fields whose right edge lies past the viewport, links whose text is
    cut inside their own box, and the page's own width when it scrolls sideways."""
    return page.evaluate("""() => {
        const w = document.documentElement.clientWidth, out = [];
        const main = document.querySelector('main'), style = getComputedStyle(main);
        const inner = main.getBoundingClientRect().right - parseFloat(style.paddingRight);
        if (document.documentElement.scrollWidth > w + 1)
            out.push('page ' + document.documentElement.scrollWidth + ' > ' + w);
        for (const el of document.querySelectorAll('header a, nav a, main a, button, input, select')) {
            if (el.closest('.table-wrap')) continue;       // tables scroll inside their box
            const r = el.getBoundingClientRect();
            const name = (el.innerText || el.name || el.tagName).trim();
            const edge = el.closest('main') ? inner : w;    // main's content box, or the screen
            if (r.width && r.right > edge + 1) out.push(name + ' ends at ' + Math.round(r.right));
            else if (el.tagName == 'A' && el.scrollWidth > el.clientWidth + 1)
                out.push(name + ' is cut inside its box');
        }
        return out;
    }""")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_staff_pages_fit_the_screen(web_app, chromium, live, viewport):
    """GIVEN each role signed in WHEN its pages are opened on a phone and a desktop THEN no tab,
    link or button is cut off at the right edge."""
    for username, paths in PAGES.items():
        context = chromium.new_context(base_url=live.url, viewport=viewport, locale="id-ID")
        page = context.new_page()
        browser_sign_in(page, username, PASSWORD)
        page.wait_for_load_state()
        for path in paths:
            page.goto(path)
            assert overflow(page) == [], (username, path)
            assert violations(page) == [], (username, path)
            shot(page, f"{viewport['width']}-{path.strip('/').replace('/', '-')}")
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_public_form_fits_the_screen(web_app, chromium, live, viewport):
    context = chromium.new_context(base_url=live.url, viewport=viewport, locale="id-ID")
    page = context.new_page()
    page.goto("/")
    assert overflow(page) == []
    assert violations(page) == []
    shot(page, f"{viewport['width']}-public-form")
    context.close()
