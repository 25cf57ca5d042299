# SPDX-License-Identifier: AGPL-3.0-or-later
"""Signing in: the right password works, wrong ones say nothing, cookies are locked down.
(Throttling of wrong passwords: test_auth_throttle.py.)"""
from __future__ import annotations

from sqlalchemy import select

from pipeline.core.models import Event
from pipeline.web import accounts

from .conftest import PASSWORD, csrf_of, sign_in


def test_login_sets_a_locked_down_session_cookie_and_lands_on_the_role_home(client):
    response = sign_in(client, "dewi")
    assert response.status_code == 303
    assert response.headers["location"] == "/staf/agenda"
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("__Host-"))
    for flag in ("HttpOnly", "Secure", "SameSite=strict", "Path=/"):
        assert flag.lower() in cookie.lower()
    assert "domain" not in cookie.lower()


def test_wrong_password_says_the_same_as_unknown_user(client):
    wrong = sign_in(client, "dewi", "not-the-password")
    unknown = sign_in(client, "nobody", "not-the-password")
    assert wrong.status_code == unknown.status_code == 401
    assert "salah" in wrong.text
    message = lambda r: r.text.split('role="alert">')[1].split("<")[0]
    assert message(wrong) == message(unknown)


def test_a_post_without_the_csrf_token_is_refused(client):
    response = client.post("/masuk", data={"username": "dewi", "password": PASSWORD})
    assert response.status_code == 403
    response = client.post("/masuk", data={"csrf": "0" * 64, "username": "dewi",
                                           "password": PASSWORD})
    assert response.status_code == 403


def test_logout_ends_the_session_on_the_server(client):
    sign_in(client, "dewi")
    assert client.get("/staf").status_code == 303
    token = csrf_of(client, "/kata-sandi")
    stolen = dict(client.cookies)
    client.post("/keluar", data={"csrf": token})
    client.cookies.clear()
    for name, value in stolen.items():
        client.cookies.set(name, value)
    assert client.get("/kata-sandi").headers["location"].startswith("/masuk")


def test_disabled_account_cannot_sign_in_and_loses_its_session(client, web_app):
    from datetime import datetime, timezone
    sign_in(client, "rina")
    assert client.get("/kata-sandi").status_code == 200
    with web_app.session() as s:
        accounts.disable(s, "rina", actor="test", now=datetime.now(timezone.utc))
    assert client.get("/kata-sandi").status_code == 303
    assert sign_in(client, "rina").status_code == 401


def test_reset_password_must_be_changed_before_anything_else(client, web_app):
    from datetime import datetime, timezone
    with web_app.session() as s:
        accounts.reset(s, "dewi", "sementara-12345", actor="test",
                       now=datetime.now(timezone.utc))
    assert sign_in(client, "dewi", "sementara-12345").status_code == 303
    assert client.get("/staf").headers["location"] == "/kata-sandi"
    response = client.post("/kata-sandi", data={"csrf": csrf_of(client, "/kata-sandi"),
                                                "old": "sementara-12345",
                                                "new": "baru-sekali-98765",
                                                "again": "baru-sekali-98765"})
    assert response.status_code == 303
    assert client.get("/staf").headers["location"] == "/staf/agenda"


def test_every_page_carries_the_strict_security_headers(client):
    response = client.get("/masuk")
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_an_oversized_body_is_refused_before_it_is_read(client, web_app):
    limit = web_app.cfg.web.max_files * web_app.cfg.web.max_file_bytes + 1_000_000
    response = client.post("/masuk", content=b"x" * (limit + 1),
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413


def test_a_head_request_is_answered_like_a_get_and_logs_no_failed_login(client, web_app):
    assert client.head("/masuk").status_code == 200
    with web_app.session() as s:
        kinds = [e.kind for e in s.scalars(select(Event).where(Event.entry_id.is_(None)))]
    assert "login_failed" not in kinds
