# SPDX-License-Identifier: AGPL-3.0-or-later
"""The authorization matrix: every page declared with @page (whoever added it), against every
role and an anonymous visitor, for GET and POST; and each official against another official's
steps. Checked on the server, whatever the menu shows."""
from __future__ import annotations

import sys

import pytest
from starlette.convertors import IntegerConvertor
from starlette.testclient import TestClient

from pipeline.web import load_pages
from pipeline.web.page import PAGES

from .cases import letters, open_step, to_drafting, to_paraf, use_routing
from .conftest import STAFF, csrf_of, sign_in

load_pages()
USERS = {role: username for username, role, _ in STAFF if username != "hendro"}
ROLES = (None, "clerk", "official", "inspector", "admin")       # None: anonymous


def roles_of(name: str):
    """The roles a page was declared with (the function keeps them as .roles)."""
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("pipeline.web.pages."):
            fn = getattr(module, name, None)
            if callable(fn) and hasattr(fn, "roles"):
                return fn.roles
    raise AssertionError(f"page {name} not found in pipeline.web.pages")


def url(route) -> str:
    """The route's path with dummy parameters (a number, or a word)."""
    params = {k: "1" if isinstance(c, IntegerConvertor) else "x"
              for k, c in route.param_convertors.items()}
    return route.path_format.format(**params)


MATRIX = [(name, route) for name, route in sorted(PAGES.items())]


def test_the_matrix_covers_every_page():
    assert {"my_tasks", "my_task", "inspector_signing", "admin_rules", "login_page"} \
        <= {name for name, _ in MATRIX}
    for name, _ in MATRIX:
        roles_of(name)


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "anonymous")
def test_every_page_refuses_the_roles_it_is_not_for(web_app, role):
    from pipeline.web import create_app
    checked = 0
    with TestClient(create_app(web_app), base_url="https://testserver",
                    follow_redirects=False) as client:
        if role:
            assert sign_in(client, USERS[role]).status_code == 303
        token = csrf_of(client, "/masuk")
        for name, route in MATRIX:
            roles = roles_of(name)
            path = url(route)
            if roles is None:                        # public: reachable by everyone
                if "GET" in route.methods:
                    assert client.get(path).status_code not in (401, 403), name
                continue
            allowed = role is not None and (roles == () or role in roles)
            for method in ("GET", "POST"):
                if method not in route.methods or (allowed and method == "POST"):
                    continue                 # an allowed POST would act (e.g. sign out)
                response = client.request(method, path, data={"csrf": token}
                                          if method == "POST" else None)
                checked += 1
                where = f"{method} {path} ({name}) as {role or 'anonymous'}"
                if role is None:
                    assert response.status_code == 303, where
                    assert response.headers["location"].startswith("/masuk"), where
                elif not allowed:
                    assert response.status_code == 403, where
                elif method == "GET":
                    assert response.status_code < 500, where
                    assert not response.headers.get("location", "").startswith("/masuk"), where
    assert checked > 10


def test_each_official_is_refused_on_another_officials_steps(web_app):
    """rina's drafting step, hendro's paraf step and the Inspector's disposition step: each is
    403 for every signed-in user but its owner (and a redirect to the login when anonymous)."""
    from pipeline.web import create_app
    use_routing(web_app)
    letters(web_app, 1)
    to_paraf(web_app)
    paraf = open_step(web_app, "paraf", "irban-1")
    letters(web_app, 1, start=900)
    to_drafting(web_app)
    drafting = open_step(web_app, "drafting", "auditor-1a")
    letters(web_app, 1, start=950)
    disposition = open_step(web_app, "disposition", "inspektur")
    owners = {drafting.id: "rina", paraf.id: "hendro", disposition.id: "bambang"}
    steps = {s.id: s for s in (drafting, paraf, disposition)}
    for username in (None, "dewi", "rina", "hendro", "bambang", "admin"):
        with TestClient(create_app(web_app), base_url="https://testserver",
                        follow_redirects=False) as client:
            if username:
                sign_in(client, username)
            token = csrf_of(client, "/masuk")
            for step_id, owner in owners.items():
                step = steps[step_id]
                paths = [f"/staf/tugas/{step_id}", f"/staf/tugas/{step_id}/konsep.docx",
                         f"/staf/tugas/{step_id}/surat/1"]
                who = f"{username or 'anonymous'} on {owner}'s step"
                if username == owner:
                    assert client.get(paths[0]).status_code == 200, who
                    continue
                responses = [client.get(p) for p in paths] + [client.post(paths[0], data={
                    "csrf": token, "revision": step.revision, "stage": step.stage,
                    "action": "approve"})]
                if username is None:
                    assert all(r.status_code == 303 for r in responses), who
                else:
                    assert [r.status_code for r in responses] == [403] * 4, who
    for step in (drafting, paraf, disposition):                  # nobody else moved them
        assert open_step(web_app, step.kind, step.official).id == step.id
