# SPDX-License-Identifier: AGPL-3.0-or-later
"""A requester whose case was answered fills the survey on a phone in a real Chromium (no
account, nothing typed but taps), axe-core finds nothing, and the Inspector's report shows
the quarter's index. Screenshots: 390-survei, 390-survei-terkirim, 390-survei-terpakai,
laporan-ikm."""
from __future__ import annotations

from sqlalchemy import select

from pipeline.books import evaluation
from pipeline.consult import survey, walkin
from pipeline.consult.survey_models import SurveyInvitation
from pipeline.core.db import utc
from tests.books.test_ikm import HAND

from .conftest import PASSWORD
from .live import SHOTS, browser_sign_in, shot
from .surveys import answered_walkin, token_of
from .test_browser_phone import PHONE, overflow
from .test_survey import post


def test_a_requester_fills_the_survey_on_a_phone(web_app, chromium, live, client):
    ids = [answered_walkin(web_app, 40 + i) for i in range(5)]
    token = token_of(web_app, ids[0])
    # axe-core and the layout check run scripts: a phone with JavaScript for looking...
    looking = chromium.new_context(base_url=live.url, viewport=PHONE, locale="id-ID",
                                   is_mobile=True, has_touch=True)
    look = looking.new_page()
    look.goto(f"/survei/{token}")
    assert look.locator("fieldset").count() == 10
    assert overflow(look) == []
    shot(look, "390-survei")
    # ...and one without, for filling it in: nothing on the page needs a script.
    phone = chromium.new_context(base_url=live.url, viewport=PHONE, locale="id-ID",
                                 java_script_enabled=False, is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.goto(f"/survei/{token}")
    page.click("button[type=submit]")                     # nothing chosen: the browser's own
    assert page.url.endswith(f"/survei/{token}")          # required check keeps the page
    for element, value in zip(survey.ELEMENTS, HAND[0]):
        page.locator(f"input[name={element.code}][value='{value}']").check()
        label = page.locator(f"label:has(input[name={element.code}][value='{value}'])")
        assert label.inner_text().strip() == element.labels[value - 1]
    page.fill("textarea[name=komentar]", "Petugas ramah; mohon papan informasi diperjelas.")
    page.click("button[type=submit]")
    assert page.locator("h1").inner_text() == "Terima kasih"
    page.screenshot(path=str(SHOTS / "390-survei-terkirim.png"), full_page=True)
    phone.close()
    look.goto(f"/survei/{token}")
    assert look.locator("h1").inner_text() == "Survei sudah diisi"
    shot(look, "390-survei-terpakai")
    looking.close()
    with web_app.session() as s:
        row = s.scalar(select(SurveyInvitation).where(SurveyInvitation.entry_id == ids[0]))
        assert row.answers == HAND[0]
        assert row.comment == "Petugas ramah; mohon papan informasi diperjelas."
        local = walkin.today_local(web_app.cfg, utc(row.answered_at))

    for entry_id, values in zip(ids[1:], HAND[1:]):
        assert post(client, token_of(web_app, entry_id), values).status_code == 200
    since, until = evaluation.quarter(f"{local.year}Q{(local.month - 1) // 3 + 1}")
    desk = chromium.new_context(base_url=live.url, viewport={"width": 1366, "height": 900},
                                locale="id-ID")
    page = desk.new_page()
    browser_sign_in(page, "bambang", PASSWORD)
    page.goto(f"/staf/laporan?dari={since.isoformat()}&sampai={until.isoformat()}")
    assert "83,33 · mutu B (Baik)" in page.locator("section.ikm").inner_text()
    shot(page, "laporan-ikm")
    desk.close()
