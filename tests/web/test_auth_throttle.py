# SPDX-License-Identifier: AGPL-3.0-or-later
"""Wrong passwords slow the guesser down per account and per address, and never lock the real
user out; behind the office's reverse proxy, per-address limits key on the real visitor."""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from pipeline.core import events
from pipeline.core.errors import ConfigError
from pipeline.core.models import Event
from pipeline.web import page as page_module
from pipeline.web import throttle
from pipeline.web.clientip import client_address

from .conftest import csrf_of, sign_in
from .publicform import submit

START = datetime(2026, 12, 4, 1, 0, tzinfo=timezone.utc)


class Clock:
    """The pages' clock, moved by the test (Ctx.now comes from page.datetime.now)."""

    def __init__(self, monkeypatch):
        self.now = START
        clock = self

        class Frozen(datetime):
            @classmethod
            def now(cls, tz=None):
                return clock.now
        monkeypatch.setattr(page_module, "datetime", Frozen)

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def _set_web(app, **values):
    app.cfg = dataclasses.replace(app.cfg, web=dataclasses.replace(app.cfg.web, **values))


def _client(web_app, peer: str):
    from pipeline.web import create_app
    return TestClient(create_app(web_app), base_url="https://testserver",
                      follow_redirects=False, client=(peer, 40000))


def _login(client, username, password, forwarded: str | None = None):
    headers = {"x-forwarded-for": forwarded} if forwarded else {}
    token = csrf_of(client, "/masuk")
    return client.post("/masuk", data={"csrf": token, "username": username,
                                       "password": password}, headers=headers)


def test_wrong_passwords_slow_down_but_the_real_user_always_gets_in(client, web_app, clock):
    """GIVEN an attacker guessing rina's password over and over
    WHEN the real rina signs in while the attack goes on
    THEN after the free failures each guess waits 1, 2, 4 … s (capped at 60 s), guesses during
    the wait are refused unchecked and do not extend it, and rina gets in after at most the
    cap, with the same message whether or not the account exists."""
    for _ in range(5):
        assert sign_in(client, "rina", "tebakan-salah!").status_code == 401
    waits = []
    for _ in range(10):
        refused = sign_in(client, "rina", "tebakan-salah!")
        assert refused.status_code == 429 and "Terlalu banyak percobaan" in refused.text
        waits.append(int(refused.headers["retry-after"]))
        for _ in range(3):                             # hammering during the wait changes nothing
            assert sign_in(client, "rina", "x").headers["retry-after"] == str(waits[-1])
        clock.advance(waits[-1])
        assert sign_in(client, "rina", "tebakan-salah!").status_code == 401
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60, 60, 60]
    clock.advance(59)
    assert sign_in(client, "rina").status_code == 429             # still within the cap ...
    clock.advance(1)
    assert sign_in(client, "rina").status_code == 303             # ... and never longer
    for _ in range(5):                                  # a success forgets the account's failures
        assert sign_in(client, "rina", "lagi-salah!!").status_code == 401
    with web_app.session() as s:
        kinds = [e.kind for e in s.scalars(select(Event).where(Event.entry_id.is_(None)))]
        assert "user_locked" not in kinds and events.verify(s) == []


def test_unknown_names_are_throttled_alike(client, clock):
    """GIVEN six wrong tries for a real account and for a name that does not exist
    WHEN the sixth is answered
    THEN both get the same delay: the throttle tells nothing about which names exist."""
    answers = {}
    for name in ("rina", "tidak-ada"):
        for _ in range(5):
            sign_in(client, name, "tebakan-salah!")
        answers[name] = sign_in(client, name, "tebakan-salah!")
    assert {r.status_code for r in answers.values()} == {429}
    assert answers["rina"].headers["retry-after"] == answers["tidak-ada"].headers["retry-after"]


def test_one_address_spraying_many_accounts_is_slowed(client, clock):
    """GIVEN one address trying one password against 30 different names
    WHEN it tries a 31st name
    THEN it must wait, though that name never failed before."""
    for k in range(throttle.FREE_PER_ADDRESS):
        assert sign_in(client, f"pegawai{k}", "Rahasia2026!").status_code == 401
    assert sign_in(client, "dewi", "Rahasia2026!").status_code == 429


def test_behind_the_proxy_each_visitor_has_their_own_address_limit(web_app, clock):
    """GIVEN Paraf behind the office's reverse proxy (10.0.0.5, listed in trusted_proxies)
    WHEN one visitor sprays 30 names and a second visitor, through the same proxy, signs in
    THEN the first is slowed, the second is not, and an X-Forwarded-For the first visitor
    writes himself cannot move him to a fresh address."""
    _set_web(web_app, trusted_proxies=["10.0.0.0/29"])
    with _client(web_app, "10.0.0.5") as proxy:
        for k in range(throttle.FREE_PER_ADDRESS):
            assert _login(proxy, f"pegawai{k}", "Rahasia2026!",
                          "198.51.100.7").status_code == 401
        assert _login(proxy, "budi", "Rahasia2026!", "198.51.100.7").status_code == 429
        spoof = "203.0.113.99, 198.51.100.7"       # the left entry is the visitor's own writing
        assert _login(proxy, "budi", "Rahasia2026!", spoof).status_code == 429
        assert _login(proxy, "dewi", "kata-sandi-uji-123", "198.51.100.8").status_code == 303


def test_without_trusted_proxies_x_forwarded_for_is_ignored(web_app, clock):
    """GIVEN no trusted proxy configured
    WHEN a visitor sends a different X-Forwarded-For with each guess
    THEN every guess counts against his real address."""
    with _client(web_app, "192.0.2.10") as direct:
        for k in range(throttle.FREE_PER_ADDRESS):
            assert _login(direct, f"pegawai{k}", "x" * 12, f"203.0.113.{k}").status_code == 401
        assert _login(direct, "dewi", "x" * 12, "203.0.113.200").status_code == 429


def test_the_form_rate_limit_counts_visitors_behind_the_proxy_separately(web_app, clock):
    """GIVEN the public form limited to 1 request per address and hour, behind the proxy
    WHEN two visitors send a request each through the same proxy, and the first a second one
    THEN both first requests pass and the first visitor's second is refused."""
    _set_web(web_app, trusted_proxies=["10.0.0.5"], requests_per_ip_hour=1,
             requests_per_address_hour=10)
    with _client(web_app, "10.0.0.5") as proxy:
        def send(visitor):
            proxy.headers["x-forwarded-for"] = visitor
            return submit(proxy).status_code
        assert [send("198.51.100.1"), send("198.51.100.2"), send("198.51.100.1")] == \
            [200, 200, 429]


@pytest.mark.parametrize("peer, header, want", [
    ("10.0.0.5", ["198.51.100.7"], "198.51.100.7"),
    ("10.0.0.5", ["203.0.113.1, 198.51.100.7, 10.0.0.6"], "198.51.100.7"),
    ("10.0.0.5", ["203.0.113.1", "198.51.100.7"], "198.51.100.7"),   # two headers
    ("10.0.0.5", ["[2001:db8::1]:443"], "2001:db8::1"),
    ("10.0.0.5", ["198.51.100.7:5555"], "198.51.100.7"),
    ("10.0.0.5", ["nonsense"], "10.0.0.5"),
    ("10.0.0.5", ["198.51.100.7, nonsense"], "10.0.0.5"),
    ("10.0.0.5", [], "10.0.0.5"),
    ("10.0.0.5", ["10.0.0.6"], "10.0.0.6"),                          # only proxies: the first
    ("192.0.2.1", ["198.51.100.7"], "192.0.2.1"),                    # not a proxy: ignored
    ("testclient", ["198.51.100.7"], "testclient"),
])
def test_client_address_takes_the_right_most_untrusted_hop(peer, header, want):
    """GIVEN a peer and X-Forwarded-For headers WHEN the client address is taken with
    10.0.0.0/29 trusted THEN it is the right-most address that is not a trusted proxy."""
    assert client_address(peer, header, ("10.0.0.0/29",)) == want


def test_a_wrong_trusted_proxy_stops_the_server_at_start(web_app):
    """GIVEN trusted_proxies with a host name in it WHEN the web app is built THEN it stops
    with a config error naming the entry."""
    from pipeline.web import create_app
    _set_web(web_app, trusted_proxies=["proxy.kantor.lan"])
    with pytest.raises(ConfigError, match="proxy.kantor.lan"):
        create_app(web_app)
