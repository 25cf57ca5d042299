# SPDX-License-Identifier: AGPL-3.0-or-later
"""How long people wait for Paraf, beside how long the mail server itself takes (issue 25).

One run against a real Dovecot (IMAP IDLE) and an SMTP sink (aiosmtpd), both on loopback, with
`paraf run` (one or more worker processes) and `paraf web` running as an office runs them:

* floor: a bare IDLE client (imapclient, nothing else) seeing each appended message;
* delivery -> receipt: a letter appended to the inbox until its receipt reaches the sink;
* reply -> next request: the Inspector's SETUJU to a disposition request appended, until the
  drafter's request reaches the sink;
* web post -> receipt: a public form POST answered, until its receipt reaches the sink.

Each is printed as p50/p95/max, and the p95 above the floor's p95 (the bar: <= 1.5 s).

    .venv/bin/python benchmarks/latency.py                       # SQLite, one worker
    .venv/bin/python benchmarks/latency.py --database postgresql --workers 2
    .venv/bin/python benchmarks/latency.py --kind pdf --n 15 --gap 2
"""
from __future__ import annotations

import argparse
import email
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from email import policy
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx2 as httpx  # noqa: E402
from imapclient import IMAPClient  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from pipeline.core import workspace  # noqa: E402
from tests.mails import fields, letter_mail  # noqa: E402
from tests.servers.dovecot import Dovecot  # noqa: E402
from tests.servers.smtp import running_smtp_server  # noqa: E402
from tests.workflow.conftest import ROUTING, SECRET, Mailroom  # noqa: E402

PG_URL = os.environ.get("PARAF_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
INSPEKTUR = "inspektur@inspektorat.example.go.id"
BAR = 1.5
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class Sink:
    """When each message reached the SMTP server, by its In-Reply-To or recipient."""

    def __init__(self, server):
        self.server, self.seen = server, []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self):
        while not self._stop.is_set():
            while len(self.seen) < len(self.server.messages):
                got = self.server.messages[len(self.seen)]
                self.seen.append((time.monotonic(), got,
                                  email.message_from_bytes(got.raw, policy=policy.default)))
            time.sleep(0.002)

    def first(self, match, timeout=60.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for at, got, msg in list(self.seen):
                if match(got, msg):
                    return at, msg
            time.sleep(0.005)
        return None, None

    def stop(self):
        self._stop.set()


class Floor:
    """A bare IDLE client: when it hears of each new message in the inbox."""

    def __init__(self, dovecot):
        self.client = IMAPClient(dovecot.host, dovecot.port, ssl=False, timeout=10)
        self.client.login(dovecot.user, dovecot.password)
        self.client.select_folder("INBOX", readonly=True)
        self.heard: list[float] = []
        self._stop = threading.Event()
        self.client.idle()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self):
        while not self._stop.is_set():
            for resp in self.client.idle_check(timeout=0.2):
                if len(resp) >= 2 and resp[1] == b"EXISTS":
                    self.heard.append(time.monotonic())

    def next_after(self, moment: float, timeout=10.0) -> float | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            later = [t for t in self.heard if t >= moment]
            if later:
                return later[0]
            time.sleep(0.002)
        return None

    def stop(self):
        self._stop.set()
        self._thread.join(2)
        try:
            self.client.idle_done()
            self.client.logout()
        except Exception:
            pass


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database(kind: str, folder: Path):
    if kind == "sqlite":
        return f"sqlite:///{folder / 'paraf.db'}", lambda: None
    schema = f"lat_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE SCHEMA {schema}"))

    def drop():
        with admin.connect() as c:
            c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    return f"{PG_URL}?options=-csearch_path%3D{schema}", drop


def make_workspace(folder: Path, url: str, dovecot, smtp, port: int) -> Path:
    config = workspace.init(folder, intake=dovecot.url(), smtp=smtp.url(), database=url)
    body = config.read_text()
    for key, value in (("requests_per_address_hour", 10**9), ("requests_per_ip_hour", 10**9)):
        body = re.sub(rf"(?m)^{key} = \d+", f"{key} = {value}", body)
    body = body.replace('listen = "127.0.0.1:8080"', f'listen = "127.0.0.1:{port}"')
    body = body.replace("secure_cookies = true", "secure_cookies = false")
    config.write_text(body)
    (folder / "rules" / "routing.toml").write_text(ROUTING)
    return config


def spawn(config: Path, *args: str, log: Path) -> subprocess.Popen:
    env = {**os.environ, "PARAF_SECRET": SECRET}
    return subprocess.Popen([sys.executable, "-m", "pipeline", "--config", str(config), *args],
                            env=env, stdout=open(log, "ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def wait_log(log: Path, text_: str, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and text_ in log.read_text(errors="replace"):
            return
        time.sleep(0.05)
    raise RuntimeError(f"'{text_}' never appeared in {log}:\n{log.read_text(errors='replace')}")


def stop_all(procs: list[subprocess.Popen]) -> None:
    """SIGTERM every process (workers stop cleanly), then wait; SIGKILL the stubborn."""
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def line(name: str, values: list[float], floor95: float | None = None) -> str:
    if not values:
        return f"  {name:<26} no samples"
    ordered = sorted(values)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    out = (f"  {name:<26} n={len(values):>3}  p50 {statistics.median(values):6.3f} s  "
           f"p95 {p95:6.3f} s  max {max(values):6.3f} s")
    if floor95 is not None:
        above = p95 - floor95
        out += f"  p95 above floor {above:+.3f} s {'ok' if above <= BAR else 'MISSED'}"
    return out


def p95(values):
    ordered = sorted(values)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)] if ordered else 0.0


@contextmanager
def running_office(database_kind: str, workers: int, prefix: str):
    """Dovecot, an SMTP sink, a workspace on DATABASE_KIND, WORKERS `paraf run` processes and
    `paraf web`, all started and ready; everything is stopped and removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    url, drop = database(database_kind, folder)
    procs: list[subprocess.Popen] = []
    try:
        with Dovecot() as dovecot, running_smtp_server() as smtp:
            os.environ["PARAF_IMAP_PASSWORD"] = dovecot.password
            port = free_port()
            config = make_workspace(folder / "ws", url, dovecot, smtp, port)
            subprocess.run([sys.executable, "-m", "pipeline", "--config", str(config),
                            "migrate"], check=False, capture_output=True)
            logs: list[Path] = []

            def start_workers(count: int) -> list[subprocess.Popen]:
                """COUNT more `paraf run` processes, started and ready."""
                fresh = [folder / f"worker-{len(logs) + i}.log" for i in range(count)]
                started = [spawn(config, "-v", "run", log=log) for log in fresh]
                procs.extend(started)
                logs.extend(fresh)
                for log in fresh:
                    wait_log(log, "paraf worker started")
                return started

            start_workers(workers)
            if workers:
                wait_log(logs[0], "connected, UIDVALIDITY")
            web_log = folder / "web.log"
            procs.append(spawn(config, "web", log=web_log))
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 30
            while True:
                try:
                    if httpx.get(base + "/permohonan").status_code < 500:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(web_log.read_text(errors="replace"))
                time.sleep(0.2)
            yield SimpleNamespace(dovecot=dovecot, smtp=smtp, base=base, logs=logs,
                                  workers=procs[:workers], url=url, folder=folder,
                                  start_workers=start_workers)
    finally:
        stop_all(procs)
        drop()


def run(args) -> int:
    with running_office(args.database, args.workers, "paraf-latency-") as office:
        dovecot, smtp, base = office.dovecot, office.smtp, office.base
        sink, floor = Sink(smtp), Floor(dovecot)
        mailroom = Mailroom(smtp, dovecot)
        time.sleep(1.0)
        floors, receipts, replies, posts = [], [], [], []
        requests = []
        # 1. letters -> receipts
        for i in range(args.n):
            raw = letter_mail(letter=fields(5000 + i), kind=args.kind)
            mid = email.message_from_bytes(raw, policy=policy.default)["Message-ID"]
            began = time.monotonic()
            dovecot.append("INBOX", raw)
            heard = floor.next_after(began)
            if heard:
                floors.append(heard - began)
            at, _ = sink.first(lambda g, m, mid=mid: str(m["In-Reply-To"] or "") == mid
                               and "disdik" in ",".join(g.rcpt_tos))
            if at:
                receipts.append(at - began)
            at, request = sink.first(lambda g, m, no=None: INSPEKTUR in g.rcpt_tos
                                     and m not in requests and m["Subject"] and
                                     "Disposisi" in str(m["Subject"]) and
                                     str(m["X-Paraf-Agenda"]) not in
                                     {str(r["X-Paraf-Agenda"]) for r in requests})
            if request is not None:
                requests.append(request)
            time.sleep(args.gap)
        # 2. the Inspector's SETUJU -> the drafter's request
        for request in requests:
            agenda = str(request["X-Paraf-Agenda"])
            began = time.monotonic()
            mailroom.reply(request, INSPEKTUR, "SETUJU")
            heard = floor.next_after(began)
            if heard:
                floors.append(heard - began)
            at, _ = sink.first(lambda g, m, a=agenda: str(m["X-Paraf-Agenda"]) == a
                               and "Susun Jawaban" in str(m["Subject"] or ""))
            if at:
                replies.append(at - began)
            time.sleep(args.gap)
        # 3. web form -> receipt
        with httpx.Client(base_url=base) as client:
            for i in range(args.n):
                token = CSRF.search(client.get("/").text).group(1)
                address = f"warga{i}.{uuid.uuid4().hex[:6]}@example.org"
                form = {"name": "Siti Aminah", "opd": "disdik-kota-pekalongan", "institution_other": "",
                        "position": "Bendahara", "email": address, "phone": "0285 421000",
                        "bidang": "Keuangan dan Aset Daerah",
                        "wilayah": "Kecamatan Pekalongan Utara",
                        "purpose": "Meminta penjelasan tentang belanja hibah.",
                        "pertanyaan": ["Apakah hibah wajib melalui NPHD?"], "csrf": token}
                began = time.monotonic()
                response = client.post("/permohonan", data=form)
                if response.status_code != 200:
                    print(f"  web post {i}: HTTP {response.status_code}")
                at, _ = sink.first(lambda g, m, a=address: a in g.rcpt_tos, timeout=30)
                if at:
                    posts.append(at - began)
                time.sleep(args.gap / 2)
        floor.stop()
        sink.stop()
        f95 = p95(floors)
        print(f"latency, {args.database}, {args.workers} worker(s), {args.kind} letters, "
              f"{args.n} each, {args.gap:.1f} s apart (CPU cores: {os.cpu_count()})")
        print(line("IDLE floor (bare client)", floors))
        print(line("delivery -> receipt", receipts, f95))
        print(line("reply -> next request", replies, f95))
        print(line("web post -> receipt", posts, None) + "  (no IMAP in the path)")
        ok = all(p95(v) - f95 <= BAR for v in (receipts, replies)) and p95(posts) <= BAR \
            and len(receipts) == len(replies) == len(posts) == args.n
        if len(receipts) != args.n or len(replies) != args.n or len(posts) != args.n:
            print(f"  MISSING samples: receipts {len(receipts)}, replies {len(replies)}, "
                  f"posts {len(posts)} of {args.n}")
        return 0 if ok else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--kind", choices=("docx", "pdf"), default="docx")
    parser.add_argument("--n", type=int, default=15)
    parser.add_argument("--gap", type=float, default=2.0)
    raise SystemExit(run(parser.parse_args()))


if __name__ == "__main__":
    main()
