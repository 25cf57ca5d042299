# SPDX-License-Identifier: AGPL-3.0-or-later
"""Every date a page shows, defaults or puts in a file name is the office's (WIB by default),
not UTC: just after midnight in Jakarta it is still yesterday in UTC."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from pipeline.web import page as page_mod
from tests.web.conftest import sign_in

LATE_UTC = datetime(2026, 12, 3, 23, 30, tzinfo=timezone.utc)     # 06:30 WIB on 4 December


@pytest.fixture
def late_evening_utc(monkeypatch):
    monkeypatch.setattr(page_mod, "clock", lambda: LATE_UTC)


def test_the_report_period_ends_today_in_the_office(client, late_evening_utc):
    """GIVEN 23:30 UTC on 3 December (06:30 WIB on the 4th) WHEN the Inspector opens the period
    report without choosing dates THEN the period ends on 4 December, the office's today."""
    sign_in(client, "bambang")
    page = client.get("/staf/laporan")
    assert page.status_code == 200
    assert 'name="sampai" value="2026-12-04"' in page.text


def test_the_book_export_is_named_by_the_office_date(client, late_evening_utc):
    """GIVEN 23:30 UTC WHEN the clerk exports the incoming book THEN the file name carries the
    office's date (4 December), not the UTC one."""
    sign_in(client, "dewi")
    response = client.get("/staf/agenda.xlsx?buku=masuk")
    assert response.status_code == 200
    name = re.search(r'filename="?([^";]+)', response.headers["content-disposition"]).group(1)
    assert name.endswith("-20261204.xlsx"), name


def test_an_office_in_wit_sees_its_own_date(client, web_app, monkeypatch):
    """GIVEN 15:30 UTC on 3 December (22:30 WIB, but 00:30 WIT on the 4th) WHEN an office in
    WIB and then one in Jayapura open the report THEN each sees its own today."""
    monkeypatch.setattr(page_mod, "clock", lambda: datetime(2026, 12, 3, 15, 30,
                                                            tzinfo=timezone.utc))
    sign_in(client, "bambang")
    assert 'name="sampai" value="2026-12-03"' in client.get("/staf/laporan").text
    object.__setattr__(web_app.cfg.office, "timezone", "Asia/Jayapura")
    assert 'name="sampai" value="2026-12-04"' in client.get("/staf/laporan").text


def test_the_inspector_menu_reaches_what_the_inspector_may_read(client):
    """GIVEN the Inspector signed in WHEN any staff page is shown THEN the menu links the books,
    the web requests and the SLA board, each of which opens for them."""
    sign_in(client, "bambang")
    menu = client.get("/staf/inspektur").text
    for path in ("/staf/agenda", "/staf/konsultasi", "/staf/sla", "/staf/laporan"):
        assert f'href="{path}"' in menu, path
        assert client.get(path).status_code == 200, path
