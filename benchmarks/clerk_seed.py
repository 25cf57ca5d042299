# SPDX-License-Identifier: AGPL-3.0-or-later
"""Seed N agenda entries (with events and dispositions) into a fresh workspace database and
time the clerk's pages: the book, a search, the entry page (p50/p95 over repeated requests).

    .venv/bin/python benchmarks/clerk_seed.py --n 100000 --db sqlite
    .venv/bin/python benchmarks/clerk_seed.py --n 100000 --db postgresql   # private schema

Rows are written with bulk Core inserts (search_text computed by pipeline.books.search, as the
mapper event would); the pages are requested through the real ASGI app, signed in as a clerk.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, insert, text  # noqa: E402

from pipeline.app import App  # noqa: E402
from pipeline.books.search import search_text_of  # noqa: E402
from pipeline.core import workspace  # noqa: E402
from pipeline.core.config import load  # noqa: E402
from pipeline.core.models import AgendaEntry, Disposition, Event  # noqa: E402
from pipeline.web import accounts

PG_URL = os.environ.get("PARAF_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SECRET = "bench-secret-0123456789abcdef-0123456789"
WORDS = ("hibah bansos honorarium perjalanan dinas pengadaan barang jasa tindak lanjut LHP "
         "kelebihan pembayaran aset daerah pajak retribusi BOS dana desa gratifikasi "
         "benturan kepentingan SPIP reviu RKA laporan keuangan pertanggungjawaban kontrak "
         "adendum jaminan pelaksanaan denda keterlambatan swakelola").split()
OPDS = [(f"opd-{i}", name) for i, name in enumerate(
    ["Dinas Pendidikan", "Dinas Kesehatan", "Dinas Pekerjaan Umum", "Badan Keuangan Daerah",
     "Sekretariat Daerah", "Dinas Sosial", "Dinas Perhubungan", "Kecamatan Barat",
     "Kecamatan Timur", "Dinas Pertanian", "Badan Kepegawaian", "Dinas Pariwisata"] * 3)]
STATUSES = (["registered"] * 10 + ["disposed"] * 10 + ["drafted"] * 5 + ["initialled"] * 3
            + ["sent"] * 30 + ["closed"] * 30 + ["incomplete"] * 3 + ["quarantined"]
            + ["failed"] + ["duplicate"] * 2 + ["rejected"])
OFFICIALS = ["irban-1", "irban-2", "irban-3", "irban-4", "auditor-1a", "auditor-2a"]


def seed(app: App, n: int, rng: random.Random) -> None:
    start = datetime(2024, 1, 2, tzinfo=timezone.utc)
    span = (datetime(2026, 11, 28, tzinfo=timezone.utc) - start).total_seconds()
    moments = sorted(start + timedelta(seconds=rng.random() * span) for _ in range(n))
    seq: dict[tuple[str, int], int] = {}
    batch = 5000
    with app.engine.begin() as conn:
        for lo in range(0, n, batch):
            entries, evs, disps = [], [], []
            for i in range(lo, min(n, lo + batch)):
                eid = i + 1
                book = "consultation" if i % 10 == 9 else "incoming"
                channel = "letter" if book == "incoming" else rng.choice(("web", "walk-in"))
                status = rng.choice(STATUSES)
                at = moments[i]
                numbered = status not in ("quarantined", "failed", "duplicate", "rejected")
                agenda_no = year = s = None
                if numbered:
                    year = at.year
                    s = seq[(book, year)] = seq.get((book, year), 0) + 1
                    agenda_no = f"{s:04d}/{'SM' if book == 'incoming' else 'KONS'}/ITDA/{year}"
                code, name = rng.choice(OPDS)
                topic = " ".join(rng.sample(WORDS, 3))
                letter = {"nomor": f"{rng.randint(100, 999)}/{rng.randint(1, 9999)}/"
                                   f"{code.upper()}/{at.year}",
                          "tanggal": at.date().isoformat(), "sifat": "Biasa",
                          "lampiran": "1 (satu) berkas", "hal": f"Permohonan konsultasi {topic}",
                          "pengirim": name, "tujuan": "Inspektur Daerah",
                          "penandatangan": {"nama": f"Pejabat {rng.randint(1, 500)}",
                                            "nip": "19" + str(rng.randint(10**15, 10**16 - 1)),
                                            "jabatan": f"Kepala {name}"},
                          "tembusan": [], "pertanyaan": [
                              f"Bagaimana mekanisme {' '.join(rng.sample(WORDS, 4))}?",
                              f"Apakah {' '.join(rng.sample(WORDS, 5))} diperbolehkan?"]}
                row = dict(id=eid, channel=channel, book=book, status=status,
                           agenda_no=agenda_no, agenda_year=year, agenda_seq=s,
                           received_at=at, registered_at=at if numbered else None,
                           due_on=(at + timedelta(days=4)).date() if numbered else None,
                           sender_email=f"tu@{code}.example.go.id", sender_name=name,
                           opd_code=code, opd_name=name, subject=f"Konsultasi {topic}",
                           message_id=f"<{uuid.uuid4().hex}@{code}.example.go.id>",
                           letter=letter, letter_nomor=letter["nomor"], event_head="0" * 64,
                           requester=None, consultation=None, letter_meta={"provenance": {}})
                row["search_text"] = search_text_of(SimpleNamespace(**row))
                entries.append(row)
                evs.append(dict(entry_id=eid, kind="register", from_status="new",
                                to_status="registered", actor="paraf", at=at,
                                prev_hash=None, hash="1" * 64))
                evs.append(dict(entry_id=eid, kind="receipted", from_status="registered",
                                to_status="registered", actor="paraf", at=at,
                                prev_hash="1" * 64, hash="0" * 64))
                if status in ("disposed", "drafted", "initialled", "sent", "closed"):
                    who = rng.choice(OFFICIALS)
                    disps.append(dict(entry_id=eid, assignee=who, chain=[who], rule="bench",
                                      trail=[], instructions=None, decided_by="inspektur",
                                      decided_at=at))
            conn.execute(insert(AgendaEntry.__table__), entries)
            conn.execute(insert(Event.__table__), evs)
            if disps:
                conn.execute(insert(Disposition.__table__), disps)
    with app.engine.begin() as conn:
        conn.execute(text("ANALYZE"))


def timed(client, path: str, rounds: int) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1) + 0.5)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    ap.add_argument("--rounds", type=int, default=40)
    args = ap.parse_args()
    rng = random.Random(8)
    folder = Path(tempfile.mkdtemp(prefix="paraf-bench-"))
    schema = None
    if args.db == "sqlite":
        url = f"sqlite:///{folder / 'paraf.db'}"
    else:
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    os.environ["PARAF_SECRET"] = SECRET
    try:
        path = workspace.init(folder / "ws", intake="maildir://intake",
                              smtp="file://outbox/sent", database=url)
        app = App.open(load(path, env=os.environ))
        t0 = time.perf_counter()
        seed(app, args.n, rng)
        print(f"seeded {args.n} entries on {args.db} in {time.perf_counter() - t0:.1f} s")
        now = datetime.now(timezone.utc)
        with app.session() as s:
            accounts.add(s, "dewi", "Dewi", "clerk", "kata-sandi-uji-123", official=None,
                         actor="bench", now=now)
        from starlette.testclient import TestClient

        from pipeline.web import create_app
        with TestClient(create_app(app), base_url="https://testserver",
                        follow_redirects=False) as client:
            import re
            page = client.get("/masuk")
            token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
            client.post("/masuk", data={"csrf": token, "username": "dewi",
                                        "password": "kata-sandi-uji-123"})
            paths = {
                "book (page 1)": "/staf/agenda",
                "book (page 40)": "/staf/agenda?hal=40",
                "book filtered (OPD + status)": "/staf/agenda?opd=opd-3&status=closed",
                "book by official": "/staf/agenda?pejabat=irban-2",
                "search, common word": "/staf/agenda?q=honorarium",
                "search, two words": "/staf/agenda?q=gratifikasi+swakelola",
                "search, rare number": f"/staf/agenda?q={args.n // 2:04d}/SM",
                "consultation book + search": "/staf/agenda?buku=konsultasi&q=pajak",
                "entry page": f"/staf/entri/{args.n // 2}",
            }
            for label, url_path in paths.items():
                timed(client, url_path, 3)                  # warm up
                p50, p95 = timed(client, url_path, args.rounds)
                print(f"{label:<32} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
        app.close()
    finally:
        if schema:
            with admin.connect() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()


if __name__ == "__main__":
    main()
