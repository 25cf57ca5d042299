# SPDX-License-Identifier: AGPL-3.0-or-later
"""GET /healthz and GET /metrics: for the load balancer and for Prometheus, not for people.

/healthz says only whether the process serves and its database answers, so anyone may ask.
/metrics holds counts without personal data, but they still tell an outsider how busy the office
is, so it answers only (a) a request bearing `Authorization: Bearer $PARAF_METRICS_TOKEN` when
that variable is set, or otherwise (b) a direct connection from the machine itself. A request
that came through the reverse proxy (it carries X-Forwarded-For or Forwarded) is never "from
the machine itself", even though the proxy connects from loopback.
"""
from __future__ import annotations

import hmac
import ipaddress
import os
from datetime import datetime, timezone

from sqlalchemy import text
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

TOKEN_ENV = "PARAF_METRICS_TOKEN"
PROM_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def _reachable(app) -> bool:
    try:
        with app.engine.connect() as conn:
            conn.execute(text("select 1"))
        return True
    except Exception:                  # any driver error: the database does not answer
        return False


async def healthz(request: Request) -> PlainTextResponse:
    ok = await run_in_threadpool(_reachable, request.app.state.paraf)
    return PlainTextResponse("ok\n" if ok else "database unreachable\n",
                             status_code=200 if ok else 503,
                             headers={"Cache-Control": "no-store"})


def allowed(request: Request, env=os.environ) -> bool:
    token = env.get(TOKEN_ENV)
    if token:
        given = request.headers.get("authorization", "")
        return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())
    if "x-forwarded-for" in request.headers or "forwarded" in request.headers:
        return False
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _render(app) -> str:
    from pipeline.books.metrics import prometheus, snapshot
    with app.session() as session:
        return prometheus(snapshot(session, datetime.now(timezone.utc)))


async def metrics(request: Request) -> PlainTextResponse:
    if not allowed(request):
        return PlainTextResponse("forbidden\n", status_code=403)
    body = await run_in_threadpool(_render, request.app.state.paraf)
    return PlainTextResponse(body, media_type=PROM_TYPE, headers={"Cache-Control": "no-store"})


ROUTES = [Route("/healthz", healthz, methods=["GET", "HEAD"]),
          Route("/metrics", metrics, methods=["GET"])]
