# SPDX-License-Identifier: AGPL-3.0-or-later
"""The web app over a real workspace and database, driven by Starlette's TestClient over
https (so Secure cookies are sent as a browser sends them), and staff accounts to sign in."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from starlette.testclient import TestClient

from pipeline.web import accounts
from tests.conftest import make_workspace

SECRET = "s3cret-for-tests-only-0123456789abcdef"
PASSWORD = "kata-sandi-uji-123"
# (username, role, official code) for one account of each role
STAFF = (("dewi", "clerk", "agendaris"), ("rina", "official", "auditor-1a"),
         ("hendro", "official", "irban-1"), ("bambang", "inspector", "inspektur"),
         ("admin", "admin", None))


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    """Argon2 at its cheapest for tests: the same code path, a fraction of the time. The
    office's server keeps argon2-cffi's defaults."""
    from argon2 import PasswordHasher
    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(accounts, "_hasher", cheap)
    monkeypatch.setattr(accounts, "_DUMMY", cheap.hash("dummy-password"))


@pytest.fixture
def web_app(tmp_path, db_url, monkeypatch):
    """An opened workspace with a token secret and one account per role."""
    monkeypatch.setenv("PARAF_SECRET", SECRET)
    app = make_workspace(tmp_path / "ws", db_url)
    now = datetime.now(timezone.utc)
    with app.session() as s:
        for username, role, official in STAFF:
            accounts.add(s, username, username.title(), role, PASSWORD, official=official,
                         actor="test", now=now)
    yield app
    app.close()


@pytest.fixture
def client(web_app):
    from pipeline.web import create_app
    with TestClient(create_app(web_app), base_url="https://testserver",
                    follow_redirects=False) as c:
        yield c


def csrf_of(client: TestClient, path: str) -> str:
    """The CSRF token of the form on PATH, as a browser would read it."""
    page = client.get(path)
    match = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert match, f"no CSRF field on {path} ({page.status_code})"
    return match.group(1)


def sign_in(client: TestClient, username: str, password: str = PASSWORD):
    return client.post("/masuk", data={"csrf": csrf_of(client, "/masuk"), "username": username,
                                        "password": password})


from tests.web.live import browser_page, chromium, live  # noqa: E402,F401  (fixtures)
