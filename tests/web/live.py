# SPDX-License-Identifier: AGPL-3.0-or-later
"""A real browser against a real server: uvicorn on a loopback port, Playwright driving
Debian's Chromium (Playwright cannot download its own browser here), screenshots kept under
test-output/screenshots for a person to look at."""
from __future__ import annotations

import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("PARAF_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(os.environ.get("PARAF_TEST_OUTPUT", Path(__file__).parents[2] / "test-output")) \
    / "screenshots"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-extensions", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving the web app in a thread; `url` is http://localhost:PORT, a secure
    context for the browser, so Secure and __Host- cookies work as on https."""

    def __init__(self, asgi):
        import uvicorn
        self.port = free_port()
        self.url = f"http://localhost:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(asgi, host="127.0.0.1", port=self.port,
                                                    log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live(web_app):
    from pipeline.web import create_app
    with LiveServer(create_app(web_app)) as server:
        yield server


@pytest.fixture(scope="module")
def chromium():
    # Per module, not per session: Playwright's sync API keeps an event loop running in the
    # main thread while it is open, and asyncio.run() (pyHanko's signing and validation in
    # tests/signing) refuses to start under it; closing it after each browser module frees it.
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is not installed at {CHROMIUM} (make test-deps)")
        pytest.skip("Chromium is not installed (make test-deps)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium, live):
    """A fresh browser context (no cookies) on the live server; console errors fail the test."""
    context = chromium.new_context(base_url=live.url, viewport={"width": 1280, "height": 900},
                                   locale="id-ID")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.console_errors = errors
    yield page
    context.close()


def violations(page) -> list[str]:
    """axe-core's violations on the page (WCAG rules), as 'rule: element' lines."""
    from axe_playwright_python.sync_playwright import Axe
    result = Axe().run(page)
    return [f"{v['id']}: {n['target']}" for v in result.response["violations"]
            for n in v["nodes"]]


def shot(page, name: str) -> Path:
    """Save a full-page screenshot as test-output/screenshots/NAME.png; every page a test
    looks at is also checked with axe-core, which must find no violation."""
    found = violations(page)
    assert found == [], (name, found)
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / (re.sub(r"[^a-z0-9_-]+", "-", name.lower()) + ".png")
    page.screenshot(path=str(path), full_page=True)
    return path


def browser_sign_in(page, username: str, password: str) -> None:
    page.goto("/masuk")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
