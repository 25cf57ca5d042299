# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf web`: one ASGI app (Starlette) for the public form and tracking pages and for the
staff's pages, server-rendered, usable without JavaScript and on a phone.

Every page is declared in `pages/` with `@page` and mounted here by name.
"""
from __future__ import annotations

import contextlib
import sys
from importlib import import_module
from importlib.resources import files

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pipeline.app import App
from pipeline.core.errors import ConfigError
from pipeline.web import health
from pipeline.web.clientip import networks
from pipeline.web.page import PAGES
from pipeline.web.security import CSRF_COOKIE, BodyLimit, SecureHeaders, new_browser_key

# The page modules; each registers its pages on import.
MODULES = ("auth", "public", "verification", "consultation", "walkin", "clerk", "desk",
           "official", "inspector", "admin", "survey", "complaint", "away")


def load_pages() -> None:
    for name in MODULES:
        try:
            import_module(f"{__name__}.pages.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"{__name__}.pages.{name}":
                raise


class BrowserKey:
    """Gives each browser a random key (HttpOnly, SameSite=Strict) that CSRF tokens bind to."""

    def __init__(self, app: ASGIApp, secure: bool):
        self.app, self.secure = app, secure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        key = request.cookies.get(CSRF_COOKIE)
        fresh = not key or len(key) > 64
        if fresh:
            key = new_browser_key()
        scope.setdefault("state", {})["browser_key"] = key

        async def send_cookie(message: Message) -> None:
            if fresh and message["type"] == "http.response.start":
                cookie = (f"{CSRF_COOKIE}={key}; Path=/; HttpOnly; SameSite=Strict"
                          + ("; Secure" if self.secure else ""))
                message["headers"] = list(message.get("headers", [])) + [
                    (b"set-cookie", cookie.encode())]
            await send(message)

        await self.app(scope, receive, send_cookie)


async def http_error(request: Request, exc: HTTPException) -> Response:
    from pipeline.web.render import templates
    app: App = request.app.state.paraf
    try:
        return templates(app.cfg).TemplateResponse(
            request, "error.html", {"status": exc.status_code, "detail": exc.detail,
                                    "user": None, "csrf": "", "cfg": app.cfg, "notice": None},
            status_code=exc.status_code)
    except Exception:                     # an error page must never fail itself
        return PlainTextResponse(str(exc.detail), status_code=exc.status_code)


def too_large_page(app: App) -> bytes:
    """What a visitor whose upload is over the limit reads: the limits, and that the form
    they filled is still in their browser (Back keeps it), instead of a bare text line."""
    from pipeline.web.render import templates
    web = app.cfg.web
    detail = (f"Kiriman Anda melebihi batas ukuran: paling banyak {web.max_files} berkas, "
              f"masing-masing paling besar {web.max_file_bytes // 1_000_000} MB. Isian formulir "
              "Anda masih tersimpan di peramban: tekan tombol Kembali pada peramban, ganti atau "
              "perkecil berkas, lalu kirim kembali.")
    html = templates(app.cfg).env.get_template("error.html").render(
        status=413, detail=detail, user=None, csrf="", cfg=app.cfg, notice=None)
    return html.encode()


def create_app(app: App) -> Starlette:
    """The web app over an opened `App`; needs PARAF_SECRET (it signs forms and tokens)."""
    if not app.cfg.secret:
        raise ConfigError("config: the environment variable PARAF_SECRET must be set to serve "
                          "the web pages (it protects their forms)")
    load_pages()
    web = app.cfg.web
    networks(tuple(web.trusted_proxies))          # a wrong entry stops the start, not a page
    limit = web.max_files * web.max_file_bytes + 1_000_000
    @contextlib.asynccontextmanager
    async def lifespan(_site):
        # Pages run in worker threads. Most of a form post's wait is for the group commit,
        # which holds no interpreter lock, so enough threads make its batches large. The
        # writer thread holds SQLite's write lock while it runs Python, and gets the
        # interpreter back after each statement within a millisecond instead of the default
        # five, so the lock is not held while it waits for other threads.
        anyio.to_thread.current_default_thread_limiter().total_tokens = web.threads
        sys.setswitchinterval(0.001)
        yield

    site = Starlette(
        lifespan=lifespan,
        routes=[*health.ROUTES, *PAGES.values(),
                Mount("/static", StaticFiles(directory=str(files("pipeline") / "web" / "static")),
                      name="static")],
        exception_handlers={HTTPException: http_error})
    site.state.paraf = app
    site.add_middleware(BrowserKey, secure=web.secure_cookies)
    site.add_middleware(BodyLimit, max_bytes=limit, page=too_large_page(app))
    site.add_middleware(SecureHeaders)
    return site
