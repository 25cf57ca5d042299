# SPDX-License-Identifier: AGPL-3.0-or-later
"""How a page is declared: `@page(path, roles=...)` on a plain function of a `Ctx`.

The decorator does, once, what every page must: find the signed-in user and refuse the wrong
role (on the server, whatever the menu shows), read and CSRF-check a POSTed form, and run the
page's own code in a worker thread, since the database layer is synchronous. Pages register by
name in `PAGES`, like Mailman's rules; `create_app()` mounts them all.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Callable
from urllib.parse import quote
from zoneinfo import ZoneInfo

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from pipeline.app import App
from pipeline.core import events
from pipeline.core.db import utc
from pipeline.core.models import User, WebSession
from pipeline.web.security import CSRF_FIELD, csrf_ok, csrf_token, digest

PAGES: dict[str, Route] = {}
NOTICE_COOKIE = "paraf_notice"


@dataclass
class Upload:
    """A file a visitor sent, read into memory (the body size is bounded before this)."""
    filename: str
    content_type: str
    data: bytes


@dataclass
class Ctx:
    """What a page function gets: the request, the user, the form, and the app."""
    request: Request
    app: App
    user: User | None
    form: dict[str, list[str]] = field(default_factory=dict)
    files: dict[str, list[Upload]] = field(default_factory=dict)
    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    cookies: list[tuple[str, str, dict]] = field(default_factory=list)

    @property
    def cfg(self):
        return self.app.cfg

    @property
    def local_now(self) -> datetime:
        """The office's wall clock (WIB, WITA or WIT): what every shown or defaulted date uses."""
        return self.now.astimezone(ZoneInfo(self.cfg.office.timezone))

    @property
    def today(self) -> date:
        return self.local_now.date()

    def session(self):
        return self.app.session()

    def read(self):
        """A read-only transaction: for what a GET shows (it never queues behind writers)."""
        return self.app.reading()

    def value(self, name: str, default: str = "") -> str:
        values = self.form.get(name)
        return values[0].strip() if values else default

    def values(self, name: str) -> list[str]:
        return [v.strip() for v in self.form.get(name, []) if v.strip()]

    @property
    def actor(self) -> str:
        """How the user is named in the history: 'web:username'."""
        return f"web:{self.user.username}" if self.user else "web:visitor"

    @property
    def client(self) -> str:
        """The visitor's address (X-Forwarded-For only from a trusted proxy): every per-address
        limit keys on this."""
        from pipeline.web.clientip import client_address
        peer = self.request.client.host if self.request.client else None
        return client_address(peer, self.request.headers.getlist("x-forwarded-for"),
                              tuple(self.cfg.web.trusted_proxies))

    def render(self, template: str, status: int = 200, **context) -> Response:
        from pipeline.web.render import templates
        notice = self.request.cookies.get(NOTICE_COOKIE)
        response = templates(self.cfg).TemplateResponse(
            self.request, template, {"user": self.user, "csrf": self.csrf, "cfg": self.cfg,
                                     "notice": notice, **context}, status_code=status)
        if notice:
            response.delete_cookie(NOTICE_COOKIE, path="/")
        return self._finish(response)

    def redirect(self, url: str, notice: str | None = None) -> Response:
        response = RedirectResponse(url, status_code=303)
        if notice:
            response.set_cookie(NOTICE_COOKIE, notice[:300], max_age=120, path="/",
                                httponly=True, samesite="strict",
                                secure=self.cfg.web.secure_cookies)
        return self._finish(response)

    def _finish(self, response: Response) -> Response:
        for name, value, opts in self.cookies:
            response.set_cookie(name, value, **opts)
        return response

    @property
    def csrf(self) -> str:
        return csrf_token(self.cfg.secret, self.request.state.browser_key)

    def audit(self, kind: str, **data) -> None:
        """An office-chain event for an action that belongs to no case."""
        with self.session() as s:
            events.append_office_event(s, kind, actor=self.actor, at=self.now, data=data or None)


def download(data: bytes, filename: str, content_type: str | None) -> Response:
    """A file for saving, never for showing: attachment, its stored type, no sniffing, and a
    sandboxing CSP should a browser render it anyway (HTML or SVG from a mail)."""
    ctype = content_type if "/" in (content_type or "") else "application/octet-stream"
    ascii_name = "".join(c if 32 < ord(c) < 127 and c not in '"\\;' else "_" for c in filename)
    disposition = (f"attachment; filename=\"{ascii_name or 'berkas'}\"; "
                   f"filename*=UTF-8''{quote(filename, safe='')}")
    return Response(data, media_type=ctype, headers={
        "content-disposition": disposition, "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox"})


def session_cookie(cfg) -> str:
    """`__Host-` binds the cookie to this origin (needs Secure, Path=/, no Domain)."""
    return "__Host-paraf" if cfg.web.secure_cookies else "paraf_session"


def user_for(app: App, request: Request, now: datetime) -> User | None:
    token = request.cookies.get(session_cookie(app.cfg))
    if not token:
        return None
    with app.reading() as s:
        row = s.get(WebSession, digest(token))
        if row is None or utc(row.expires_at) <= now:
            return None
        user = s.get(User, row.user_id)
        if user is None or not user.active:
            return None
        s.expunge(user)
        return user


def clock() -> datetime:
    """The time a request is served at (UTC); one place, so a test can set the clock."""
    return datetime.now(timezone.utc)


def page(path: str, *, roles: tuple[str, ...] | None = (), methods=("GET",),
         max_files: int = 0) -> Callable:
    """Declare a page. roles=None: public; roles=(): any signed-in user; else those roles."""
    def register(fn: Callable[[Ctx], Response]) -> Callable[[Ctx], Response]:
        async def endpoint(request: Request) -> Response:
            if request.method == "HEAD":        # pages branch on GET vs POST; the server
                request.scope["method"] = "GET"  # still sends no body for HEAD
            app: App = request.app.state.paraf
            now = clock()
            user = (await run_in_threadpool(user_for, app, request, now)
                    if request.cookies.get(session_cookie(app.cfg)) else None)
            if roles is not None:
                if user is None:
                    return RedirectResponse(f"/masuk?next={request.url.path}", status_code=303)
                if roles and user.role not in roles:
                    raise HTTPException(403, "Anda tidak berwenang membuka halaman ini.")
                if user.must_change and fn.__name__ not in ("change_password", "logout"):
                    return RedirectResponse("/kata-sandi", status_code=303)
            ctx = Ctx(request, app, user, now=now)
            if request.method == "POST":
                form = await request.form(max_files=max_files, max_fields=200,
                                          max_part_size=64 * 1024)
                try:
                    if not csrf_ok(app.cfg.secret, request.state.browser_key,
                                   _first(form, CSRF_FIELD)):
                        raise HTTPException(403, "Formulir kedaluwarsa atau tidak sah; "
                                                 "muat ulang halaman dan coba lagi.")
                    ctx.form, ctx.files = await _read(form)
                finally:
                    await form.close()
            return await run_in_threadpool(fn, ctx)

        name = fn.__name__
        if name in PAGES:
            raise RuntimeError(f"two pages are named '{name}'")
        PAGES[name] = Route(path, endpoint, methods=list(methods), name=name)
        fn.roles = roles
        return fn
    return register


def _first(form: FormData, name: str) -> str | None:
    value = form.get(name)
    return value if isinstance(value, str) else None


async def _read(form: FormData) -> tuple[dict, dict]:
    fields: dict[str, list[str]] = {}
    files: dict[str, list[Upload]] = {}
    for key, value in form.multi_items():
        if isinstance(value, UploadFile):
            if value.filename:
                files.setdefault(key, []).append(Upload(
                    value.filename, value.content_type or "application/octet-stream",
                    await value.read()))
        else:
            fields.setdefault(key, []).append(value)
    return fields, files


def login(ctx: Ctx, user: User) -> None:
    """Start a session for USER: a fresh random token in the cookie, its hash in the table."""
    import secrets
    token = secrets.token_urlsafe(32)
    hours = ctx.cfg.web.session_hours
    with ctx.session() as s:
        s.add(WebSession(token_hash=digest(token), user_id=user.id, created_at=ctx.now,
                         expires_at=ctx.now + timedelta(hours=hours)))
    ctx.cookies.append((session_cookie(ctx.cfg), token, dict(
        max_age=int(hours * 3600), path="/", httponly=True, samesite="strict",
        secure=ctx.cfg.web.secure_cookies)))


def logout(ctx: Ctx) -> None:
    token = ctx.request.cookies.get(session_cookie(ctx.cfg))
    if token:
        with ctx.session() as s:
            row = s.get(WebSession, digest(token))
            if row is not None:
                s.delete(row)
    ctx.cookies.append((session_cookie(ctx.cfg), "", dict(
        max_age=0, path="/", httponly=True, samesite="strict",
        secure=ctx.cfg.web.secure_cookies)))
