# SPDX-License-Identifier: AGPL-3.0-or-later
"""Requests per second and latency of the web pages, through a real `paraf web` (uvicorn) on
loopback, with concurrent clients (closed loop: each sends its next request when answered).

    .venv/bin/python benchmarks/web.py                       # both parts, SQLite
    .venv/bin/python benchmarks/web.py --part public --clients 50 --seconds 20
    .venv/bin/python benchmarks/web.py --part books --db postgresql --entries 100000

Part "public" (issue 7): the form POST (a full registration: number, receipt mail queued,
the clerk's check step) and the tracking page, 50 clients. Bar: p95 <= 300 ms, SQLite, 2 cores.
Part "books" (issue 8): 100,000 seeded entries; the clerk's book page, a search and the entry
page, signed in, at 1 and at 10 concurrent clients. Bar: p95 <= 300 ms on SQLite and PostgreSQL.
The load generator runs on the same 2 cores as the server, so the figures are pessimistic.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx2 as httpx  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from webload import run  # noqa: E402

from pipeline.app import App  # noqa: E402
from pipeline.consult import flow as consultflow
from pipeline.core import workspace  # noqa: E402
from pipeline.core.config import load  # noqa: E402
from pipeline.web import accounts

PG_URL = os.environ.get("PARAF_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SECRET = "bench-secret-0123456789abcdef-0123456789"
PASSWORD = "kata-sandi-bench-123"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def make_workspace(folder: Path, url: str, port: int) -> Path:
    path = workspace.init(folder, intake="maildir://intake", smtp="file://outbox/sent",
                          database=url)
    config = path.read_text()
    for key, value in (("requests_per_address_hour", 10**9), ("requests_per_ip_hour", 10**9)):
        config = re.sub(rf"(?m)^{key} = \d+", f"{key} = {value}", config)
    config = config.replace('listen = "127.0.0.1:8080"', f'listen = "127.0.0.1:{port}"')
    # Plain http on loopback: a client that is not a browser sends no Secure cookie there.
    config = config.replace("secure_cookies = true", "secure_cookies = false")
    path.write_text(config)
    return path


class Server:
    """`paraf web` in its own process, as an office runs it."""

    def __init__(self, config: Path, port: int):
        self.url = f"http://127.0.0.1:{port}"
        env = {**os.environ, "PARAF_SECRET": SECRET}
        paraf = Path(sys.executable).with_name("paraf")
        self.proc = subprocess.Popen([str(paraf), "--config", str(config), "web"], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def __enter__(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/masuk").status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("paraf web did not start: " + self.proc.stderr.read().decode())

    def __exit__(self, *exc):
        self.proc.terminate()
        self.proc.wait(timeout=10)


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def public_part(folder: Path, url: str, clients: int, seconds: float) -> None:
    port = free_port()
    config = make_workspace(folder, url, port)
    app = App.open(load(config, env={**os.environ, "PARAF_SECRET": SECRET}))
    rules = consultflow.rules_of(app)
    opd = next(o for o in app.rules.opds if o.emails)
    form = {"name": "Siti Aminah, S.E.", "opd": opd.code, "position": "Bendahara",
            "email": opd.emails[0], "phone": "0285 421000", "bidang": rules.bidang[0],
            "wilayah": rules.wilayah[0],
            "purpose": "Meminta penjelasan tentang pertanggungjawaban belanja hibah.",
            "pertanyaan": ["Apakah hibah kepada ormas wajib melalui NPHD?",
                           "Bagaimana batas waktu laporan pertanggungjawaban?"]}
    with app.session() as s:
        payload = {k: form[k] for k in ("name", "position", "email", "phone", "bidang",
                                         "wilayah", "purpose")}
        payload.update(institution=opd.name, opd_code=opd.code, questions=form["pertanyaan"],
                       attachments=[], ip="127.0.0.1")
        code = consultflow.register_request(app, s, payload, datetime.now(timezone.utc)).code
    app.close()
    with Server(config, port) as server:
        async def get_token(c):
            return CSRF.search((await c.get("/")).text).group(1)

        async def post(c, token, _i):
            return await c.post("/permohonan", data={**form, "csrf": token})

        async def no_setup(c):
            return None

        async def track(c, _state, _i):
            return await c.get(f"/lacak/{code}")

        print(f"public pages, {clients} clients, {seconds:.0f} s each, SQLite:")
        print("  " + run("form POST (registers a case)", server.url, clients, seconds,
                         get_token, post, ok=lambda r: r.status_code == 200
                         and "Nomor agenda" in r.text).line())
        print("  " + run("tracking page", server.url, clients, seconds, no_setup, track,
                         ok=lambda r: r.status_code == 200).line())


def books_part(folder: Path, url: str, entries: int, seconds: float) -> None:
    from clerk_seed import seed
    port = free_port()
    config = make_workspace(folder, url, port)
    app = App.open(load(config, env={**os.environ, "PARAF_SECRET": SECRET}))
    started = time.perf_counter()
    seed(app, entries, random.Random(8))
    with app.session() as s:
        accounts.add(s, "dewi", "Dewi", "clerk", PASSWORD, official="agendaris",
                     actor="bench", now=datetime.now(timezone.utc))
    app.close()
    print(f"seeded {entries} entries in {time.perf_counter() - started:.0f} s")
    pages = {"book page": "/staf/agenda",
             "book, filtered (OPD + status)": "/staf/agenda?opd=opd-3&status=closed",
             "search, one common word": "/staf/agenda?q=honorarium",
             "search, two words": "/staf/agenda?q=gratifikasi+swakelola",
             "entry page": None}
    with Server(config, port) as server:
        # One sign-in for the whole run: the login page limits attempts per address.
        with httpx.Client(base_url=server.url) as browser:
            token = CSRF.search(browser.get("/masuk").text).group(1)
            browser.post("/masuk", data={"csrf": token, "username": "dewi",
                                         "password": PASSWORD})
            cookies = dict(browser.cookies)
        assert any(name.startswith(("paraf_session", "__Host-")) for name in cookies), cookies

        async def signed_in(c):
            c.cookies.update(cookies)
            return None

        for clients in (1, 10):
            print(f"  {clients} client(s), {seconds:.0f} s each:")
            for label, path in pages.items():
                async def get(c, _state, i, path=path):
                    target = path or f"/staf/entri/{1 + (i * 7919) % entries}"
                    return await c.get(target)
                print("    " + run(label, server.url, clients, seconds, signed_in, get,
                                   ok=lambda r: r.status_code == 200).line())


def database(kind: str, folder: Path):
    if kind == "sqlite":
        return f"sqlite:///{folder / 'paraf.db'}", None
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    return f"{PG_URL}?options=-csearch_path%3D{schema}", (admin, schema)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("public", "books", "all"), default="all")
    ap.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=15)
    ap.add_argument("--entries", type=int, default=100_000)
    args = ap.parse_args()
    for part in (("public", "books") if args.part == "all" else (args.part,)):
        folder = Path(tempfile.mkdtemp(prefix=f"paraf-bench-web-{part}-"))
        url, cleanup = database(args.db, folder)
        try:
            if part == "public":
                public_part(folder / "ws", url, args.clients, args.seconds)
            else:
                print(f"clerk's pages on {args.db}:")
                books_part(folder / "ws", url, args.entries, args.seconds)
        finally:
            if cleanup:
                admin, schema = cleanup
                with admin.connect() as conn:
                    conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
                admin.dispose()


if __name__ == "__main__":
    main()
