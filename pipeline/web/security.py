# SPDX-License-Identifier: AGPL-3.0-or-later
"""What every response and every form gets: strict headers, a bounded body, CSRF tokens.

CSRF uses a per-browser random value in an HttpOnly, SameSite=Strict cookie; each form carries
an HMAC of it under the office secret, and a POST whose field does not match is refused. A
page never needs JavaScript for it.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'; object-src 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),          # tracking codes live in URLs
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]
CSRF_COOKIE = "paraf_csrf"
CSRF_FIELD = "csrf"


class SecureHeaders:
    """Adds the security headers to every response, and no-store to pages that are not static."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        static = scope["path"].startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in names]
                if not static and b"cache-control" not in names:
                    extra.append((b"cache-control", b"no-store"))
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses a request body over MAX_BYTES with 413, whether or not it says its length."""

    def __init__(self, app: ASGIApp, max_bytes: int, page: bytes = b""):
        self.app, self.max_bytes = app, max_bytes
        self.page = page or "Berkas terlalu besar.".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            return await _too_large(send, self.page)
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise TooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except TooLarge:
            await _too_large(send, self.page)


class TooLarge(Exception):
    pass


async def _too_large(send: Send, body: bytes) -> None:
    kind = b"text/html" if body.lstrip().startswith(b"<") else b"text/plain"
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", kind + b"; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def new_browser_key() -> str:
    return secrets.token_urlsafe(32)


def csrf_token(secret: bytes, browser_key: str) -> str:
    return hmac.new(secret, b"csrf:" + browser_key.encode(), hashlib.sha256).hexdigest()


def csrf_ok(secret: bytes, browser_key: str | None, token: str | None) -> bool:
    if not browser_key or not token:
        return False
    return hmac.compare_digest(csrf_token(secret, browser_key), token)


def digest(value: str) -> str:
    """How tokens (sessions, tracking codes, confirmations) are stored: never in the clear."""
    return hashlib.sha256(value.encode()).hexdigest()
