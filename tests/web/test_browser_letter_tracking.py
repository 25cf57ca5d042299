# SPDX-License-Identifier: AGPL-3.0-or-later
"""The tracking page of a letter's case (issue 19) in a real Chromium, desktop and phone:
readable, no axe-core violation; screenshots under test-output/screenshots."""
from __future__ import annotations

import re

from sqlalchemy import select

from pipeline.core.models import AgendaEntry

from .cases import letters, to_paraf, use_routing
from .live import shot


def test_a_letters_tracking_link_in_chromium(browser_page, web_app):
    """GIVEN a letter by mail waiting for its first paraf WHEN its receipt's tracking link is
    opened THEN the page names the stage, the role and the due date, on a desktop and on a
    phone-sized screen, without horizontal scrolling."""
    use_routing(web_app)
    letters(web_app, 1)
    to_paraf(web_app)
    receipt = next(p for p in (web_app.cfg.outbox_path).rglob("*.eml")
                   if b"Tanda Terima" in p.read_bytes())
    text = re.sub(rb"=\r?\n", b"", receipt.read_bytes()).decode("utf-8", "replace")
    code = re.search(r"/lacak/([A-Za-z0-9_-]{22})", text).group(1)
    page = browser_page
    page.goto(f"/lacak/{code}")
    main = page.inner_text("main")
    assert "paraf 1 dari 1" in main and "Inspektur Pembantu Wilayah I" in main
    assert "Tenggat jawaban" in main
    with web_app.session() as s:
        assert s.scalars(select(AgendaEntry.tracking_hash)).one()
    shot(page, "letter-tracking")
    page.set_viewport_size({"width": 375, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, "letter-tracking-phone")
