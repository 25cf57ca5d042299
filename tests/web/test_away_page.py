# SPDX-License-Identifier: AGPL-3.0-or-later
"""The absence page: an Irban marks their own dinas luar and their paraf moves to the
delegate's queue; another official cannot mark someone else; the Inspektur can, and ends it."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from pipeline.core.models import Step
from pipeline.core.models_away import Absence
from tests.web.cases import letters, to_paraf, use_routing
from tests.web.conftest import csrf_of, sign_in


def open_parafs(app):
    with app.session() as s:
        return [(st.official, st.on_behalf_of) for st in s.scalars(
            select(Step).where(Step.status == "open", Step.kind == "paraf"))]


def test_an_official_marks_their_own_absence_and_the_inspector_ends_it(web_app, client):
    use_routing(web_app)
    letters(web_app, 1)
    to_paraf(web_app)
    assert open_parafs(web_app) == [("irban-1", None)]
    until = (date.today() + timedelta(days=5)).isoformat()
    sign_in(client, "hendro")                                   # irban-1
    page = client.get("/staf/ketidakhadiran")
    assert page.status_code == 200 and 'name="official"' not in page.text
    posted = client.post("/staf/ketidakhadiran", data={
        "csrf": csrf_of(client, "/staf/ketidakhadiran"), "reason": "dinas luar",
        "from": date.today().isoformat(), "to": until, "delegate": "irban-2",
        "official": "inspektur"})                    # ignored: an official marks only self
    assert posted.status_code == 303
    assert open_parafs(web_app) == [("irban-2", "irban-1")]
    with web_app.session() as s:
        assert [(a.official, a.set_by) for a in s.scalars(select(Absence))] == [
            ("irban-1", "web:hendro")]
    wrong = client.post("/staf/ketidakhadiran", data={
        "csrf": csrf_of(client, "/staf/ketidakhadiran"), "reason": "cuti",
        "from": until, "to": date.today().isoformat(), "delegate": "irban-2"})
    assert wrong.status_code == 422 and "sebelum tanggal mulai" in wrong.text

    sign_in(client, "rina")                                     # auditor-1a: not irban-1's
    with web_app.session() as s:
        absence_id = s.scalars(select(Absence.id)).one()
    refused = client.post("/staf/ketidakhadiran", data={
        "csrf": csrf_of(client, "/staf/ketidakhadiran"), "action": "end",
        "absence": str(absence_id)})
    assert refused.status_code == 403
    assert open_parafs(web_app) == [("irban-2", "irban-1")]

    sign_in(client, "bambang")                                  # the Inspektur
    page = client.get("/staf/ketidakhadiran")
    assert "Hendro Wibowo" in page.text and 'name="official"' in page.text
    ended = client.post("/staf/ketidakhadiran", data={
        "csrf": csrf_of(client, "/staf/ketidakhadiran"), "action": "end",
        "absence": str(absence_id)})
    assert ended.status_code == 303
    assert open_parafs(web_app) == [("irban-1", None)]


def test_the_absence_page_in_chromium(web_app, browser_page):
    """An Irban fills the form in a real browser (axe-core finds no violation); their paraf
    appears in the delegate's queue."""
    from .conftest import PASSWORD
    from .live import browser_sign_in, shot
    use_routing(web_app)
    letters(web_app, 1)
    to_paraf(web_app)
    page = browser_page
    browser_sign_in(page, "hendro", PASSWORD)
    page.wait_for_url("**/staf/tugas")
    page.click("a[href='/staf/ketidakhadiran']")
    page.wait_for_url("**/staf/ketidakhadiran")
    page.select_option("select[name=reason]", "dinas luar")
    page.fill("input[name=to]", (date.today() + timedelta(days=5)).isoformat())
    page.select_option("select[name=delegate]", "irban-2")
    shot(page, "away-form")
    page.click("button:has-text('Catat')")
    page.wait_for_url("**/staf/ketidakhadiran")
    assert "Ketidakhadiran Hendro" in page.locator(".notice").inner_text()
    assert page.locator("text=Ir. Slamet Riyadi").count() >= 1
    shot(page, "away-listed")
    assert open_parafs(web_app) == [("irban-2", "irban-1")]
    assert [e for e in page.console_errors if "status of 404" not in e] == []
