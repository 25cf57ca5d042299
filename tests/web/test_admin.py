# SPDX-License-Identifier: AGPL-3.0-or-later
"""The administrator: accounts with one-time passwords, and rules files checked before they
replace the live ones."""
from __future__ import annotations

import hashlib
import re

from sqlalchemy import select

from pipeline.core import events
from pipeline.core.models import Event, User

from .conftest import PASSWORD, csrf_of, sign_in


def office_events(app, kind: str) -> list[Event]:
    with app.session() as s:
        return s.scalars(select(Event).where(Event.entry_id.is_(None), Event.kind == kind)
                         .order_by(Event.id)).all()


def one_time(page: str) -> str:
    match = re.search(r'<code class="code otp">([^<]+)</code>', page)
    assert match, "no one-time password shown"
    return match.group(1)


def test_add_disable_reset_and_change_role(web_app, client):
    sign_in(client, "admin")
    token = csrf_of(client, "/staf/admin")
    added = client.post("/staf/admin/pengguna", data={
        "csrf": token, "action": "add", "username": "sari", "name": "Sari Utami",
        "role": "official", "official": "irban-2"})
    assert added.status_code == 200 and added.headers["cache-control"] == "no-store"
    password = one_time(added.text)
    assert password not in client.get("/staf/admin").text          # shown once
    assert office_events(web_app, "user_added")[-1].actor == "web:admin"
    with web_app.session() as s:
        sari = s.scalar(select(User).where(User.username == "sari"))
        assert (sari.role, sari.official, sari.must_change) == ("official", "irban-2", True)
        assert password not in str([e.data for e in s.scalars(select(Event))])

    other = client.__class__(client.app, base_url="https://testserver", follow_redirects=False)
    with other:
        assert sign_in(other, "sari", password).headers["location"] == "/staf/tugas"
        assert other.get("/staf/tugas").headers["location"] == "/kata-sandi"   # must change

    missing = client.post("/staf/admin/pengguna", data={
        "csrf": token, "action": "add", "username": "joko", "name": "Joko", "role": "official"})
    assert missing.status_code == 400
    unknown = client.post("/staf/admin/pengguna", data={
        "csrf": token, "action": "add", "username": "joko", "name": "Joko", "role": "official",
        "official": "tidak-ada"})
    assert unknown.status_code == 400 and "tidak ada dalam daftar pejabat" in unknown.text
    assert "officials.toml" not in unknown.text

    role = client.post("/staf/admin/pengguna", data={
        "csrf": token, "action": "role", "username": "sari", "role": "clerk", "official": ""})
    assert role.status_code == 303
    assert office_events(web_app, "user_role")[-1].data["after"] == {"role": "clerk",
                                                                      "official": None}
    asked = client.post("/staf/admin/pengguna", data={"csrf": token, "action": "reset",
                                                      "username": "rina"})
    assert asked.status_code == 200 and "Ya, atur ulang sandi" in asked.text
    assert 'class="code otp"' not in asked.text        # one click changed nothing
    with client.__class__(client.app, base_url="https://testserver",
                          follow_redirects=False) as still:
        assert sign_in(still, "rina", PASSWORD).status_code == 303
    reset = client.post("/staf/admin/pengguna", data={"csrf": token, "action": "reset",
                                                      "username": "rina", "confirm": "ya"})
    assert reset.status_code == 200
    fresh = one_time(reset.text)
    assert sign_in(client.__class__(client.app, base_url="https://testserver"),
                   "rina", PASSWORD).status_code == 401
    asked = client.post("/staf/admin/pengguna", data={"csrf": token, "action": "disable",
                                                      "username": "sari"})
    assert asked.status_code == 200 and "Ya, nonaktifkan" in asked.text
    with web_app.session() as s:
        assert s.scalar(select(User.active).where(User.username == "sari")) is True
    disabled = client.post("/staf/admin/pengguna", data={"csrf": token, "action": "disable",
                                                         "username": "sari", "confirm": "ya"})
    assert disabled.status_code == 303
    self_off = client.post("/staf/admin/pengguna", data={"csrf": token, "action": "disable",
                                                         "username": "admin", "confirm": "ya"})
    assert self_off.status_code == 400
    with web_app.session() as s:
        assert s.scalar(select(User.active).where(User.username == "sari")) is False
        assert events.verify(s) == []
    assert fresh and len(fresh) >= 10


ROUTING_BAD = '''[[rule]]
name = "Semua"
default = true
assignee = "auditor-1a"
chain = ["superior"]

[[rule]]
name = "Kosong"
order = 5
assignee = "tidak-ada"
'''
ROUTING_GOOD = '''[[rule]]
name = "Semua"
default = true
assignee = "auditor-2a"
chain = ["superior"]
'''


def test_a_rules_edit_is_checked_before_it_replaces_the_live_file(web_app, client):
    live = web_app.cfg.rules_path / "routing.toml"
    original = live.read_bytes()
    sign_in(client, "admin")
    listing = client.get("/staf/admin/aturan")
    assert listing.status_code == 200 and "officials.toml" in listing.text
    page = client.get("/staf/admin/aturan?berkas=routing.toml")
    base = re.search(r'name="base" value="([0-9a-f]+)"', page.text).group(1)
    token = csrf_of(client, "/staf/admin/aturan?berkas=routing.toml")
    bad = client.post("/staf/admin/aturan", data={"csrf": token, "berkas": "routing.toml",
                                                  "base": base, "content": ROUTING_BAD})
    assert bad.status_code == 400
    assert "routing.toml:7" in bad.text and "tidak-ada" in bad.text     # the line of the rule
    assert live.read_bytes() == original and not live.with_name("routing.toml.bak").exists()
    broken = client.post("/staf/admin/aturan", data={"csrf": token, "berkas": "routing.toml",
                                                     "base": base, "content": "[[rule]\nx"})
    assert broken.status_code == 400 and "TOML" in broken.text
    good = client.post("/staf/admin/aturan", data={"csrf": token, "berkas": "routing.toml",
                                                   "base": base, "content": ROUTING_GOOD})
    assert good.status_code == 303, good.text
    assert live.read_text() == ROUTING_GOOD
    assert live.with_name("routing.toml.bak").read_bytes() == original
    changed = office_events(web_app, "rules_changed")[-1]
    assert changed.actor == "web:admin" and changed.data == {
        "file": "routing.toml", "sha256_before": hashlib.sha256(original).hexdigest(),
        "sha256_after": hashlib.sha256(ROUTING_GOOD.encode()).hexdigest()}
    assert web_app.workflow.route.__self__.routing[0].assignee == "auditor-2a"  # reloaded
    stale = client.post("/staf/admin/aturan", data={"csrf": token, "berkas": "routing.toml",
                                                    "base": base, "content": ROUTING_GOOD})
    assert stale.status_code == 409                      # edited since that page was loaded
    outside = client.post("/staf/admin/aturan", data={"csrf": token, "berkas": "../config.toml",
                                                      "base": base, "content": "x"})
    assert outside.status_code == 404
    assert client.get("/staf/admin/aturan?berkas=../config.toml").status_code == 404


def test_a_new_account_is_welcomed_and_a_reset_one_is_told_so(web_app, client):
    """GIVEN an account the administrator just made, and one whose password was reset WHEN
    each signs in THEN the new one is welcomed (not told of a reset) and the other is told."""
    sign_in(client, "admin")
    token = csrf_of(client, "/staf/admin")
    made = client.post("/staf/admin/pengguna", data={
        "csrf": token, "action": "add", "username": "sari", "name": "Sari", "role": "clerk"})
    reset = client.post("/staf/admin/pengguna", data={"csrf": token, "action": "reset",
                                                      "username": "dewi", "confirm": "ya"})
    for username, page, expected, not_expected in (
            ("sari", made, "Akun Anda baru dibuat", "diatur ulang"),
            ("dewi", reset, "diatur ulang oleh administrator", "baru dibuat")):
        with client.__class__(client.app, base_url="https://testserver") as browser:
            sign_in(browser, username, one_time(page.text))
            text = browser.get("/kata-sandi").text
            assert expected in text and not_expected not in text
