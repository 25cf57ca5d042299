# SPDX-License-Identifier: AGPL-3.0-or-later
"""Do the precedents find the planted near-duplicate, and how fast at 100,000 cases?

    .venv/bin/python benchmarks/precedents.py                      # SQLite and PostgreSQL
    .venv/bin/python benchmarks/precedents.py --database sqlite --history 5000 --large 100000

For each database, in a fresh schema migrated to head:
1. a history of HISTORY answered cases (`precedent_corpus.py`, each about a distinct topic,
   object, detail and circumstance) is bulk-inserted: agenda rows, then precedent rows with
   their stems, thousands per INSERT;
2. QUERIES of them are asked again, reworded by another OPD in another year; the share whose
   original is among the three precedents `casework.precedents.find` returns is the hit rate;
3. the same queries go to the bare baseline: rank-bm25's BM25Okapi scoring every precedent in
   memory (the same stems), its top three entries;
4. the history grows to LARGE cases (timed on the way at each of CHECKPOINTS, so a run cut
   short still says something) and both are timed per query (p50, p95; the baseline on its
   first BASELINE_TIMED queries), with the machine's load average printed beside them.

Each line is printed as soon as it is measured. PostgreSQL runs in a schema of its own in the
test database, dropped at the end, also when the run is stopped (Ctrl-C or SIGTERM).
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import precedent_corpus as corpus  # noqa: E402
from sqlalchemy import create_engine, func, select, text  # noqa: E402

from pipeline.casework import precedents  # noqa: E402
from pipeline.casework.precedent_text import question_key, terms  # noqa: E402
from pipeline.core.db import make_engine, migrate, sessions  # noqa: E402
from pipeline.core.models import AgendaEntry  # noqa: E402

PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
CHUNK = 5000
BASELINE_TIMED = 20     # rank-bm25 takes seconds per query at 100,000: fewer are enough


def rows_of(cases, first_id: int):
    """Agenda rows and precedent rows for CASES, ids from FIRST_ID."""
    now = datetime.now(timezone.utc)
    agenda, found = [], []
    for i, c in enumerate(cases):
        eid = first_id + i
        no = f"{eid:06d}/SM/ITDA/{c.year}"
        agenda.append({"id": eid, "status": "closed", "channel": "letter", "book": "incoming",
                       "agenda_no": no, "received_at": now, "opd_code": c.opd[0],
                       "opd_name": c.opd[1], "subject": c.hal})
        stems = terms(f"{c.hal} {c.question} {c.answer}")
        found.append({"entry_id": eid, "item": 1, "agenda_no": no, "number": f"700/{eid}/ITDA",
                      "verification_code": None, "opd_code": c.opd[0], "opd_name": c.opd[1],
                      "hal": c.hal, "answered_on": date(c.year, 6, 1), "question": c.question,
                      "answer": c.answer, "question_key": question_key(c.question),
                      "terms": " ".join(stems), "length": len(stems)})
    return agenda, found


def load(factory, cases, first_id: int, kind: str = "") -> float:
    """Bulk insert; returns seconds. Says how far it got every 20,000 cases."""
    start = time.perf_counter()
    for at in range(0, len(cases), CHUNK):
        agenda, found = rows_of(cases[at:at + CHUNK], first_id + at)
        with factory.begin() as s:
            s.execute(AgendaEntry.__table__.insert(), agenda)
            precedents.add(s, found)
        if kind and (at + CHUNK) % 20_000 == 0:
            print(f"{kind}: loaded {first_id + at + CHUNK - 1} cases in "
                  f"{time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    return time.perf_counter() - start


def ask(factory, query_case) -> tuple[list[int], float]:
    entry = AgendaEntry(id=None, letter={"hal": query_case.hal,
                                         "pertanyaan": [query_case.question]})
    start = time.perf_counter()
    with factory() as s:
        found = precedents.find(s, entry)
    return [f.entry_id for f in found], time.perf_counter() - start


class Baseline:
    """rank-bm25 over every precedent's stems, in memory: the whole history scored per query."""

    def __init__(self, factory):
        from rank_bm25 import BM25Okapi
        start = time.perf_counter()
        with factory() as s:
            rows = s.execute(select(precedents.Precedent.entry_id, precedents.Precedent.terms)
                             .order_by(precedents.Precedent.id)).all()
        self.ids = [r[0] for r in rows]
        self.bm25 = BM25Okapi([r[1].split() for r in rows], k1=precedents.K1, b=precedents.B)
        self.build = time.perf_counter() - start

    def ask(self, q) -> tuple[list[int], float]:
        start = time.perf_counter()
        scores = self.bm25.get_scores(terms(f"{q.hal} {q.question}"))
        top = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)[:3]
        return [self.ids[i] for i in top], time.perf_counter() - start


def pct(values, p: float) -> float:
    return statistics.quantiles(values, n=100)[int(p) - 1] * 1000 if len(values) > 1 else 0.0


def fresh(kind: str):
    if kind == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="paraf-precedents-"))
        return make_engine(f"sqlite:///{folder / 'paraf.db'}"), None
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    return make_engine(f"{PG}?options=-csearch_path%3D{schema}"), (admin, schema)


def timed_at(engine, factory, kind: str, asked, timed: int) -> dict:
    """Both searches timed per query on what is loaded now (the baseline on fewer queries)."""
    if kind == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("ANALYZE precedents"))
    base = Baseline(factory)
    ask(factory, asked[0][1])                        # warm the stem cache and the pool
    db_times, bm_times, big_hits = [], [], 0
    for target, q in asked[:timed]:
        got, took = ask(factory, q)
        big_hits += target in got
        db_times.append(took)
        if len(bm_times) < BASELINE_TIMED:
            bm_times.append(base.ask(q)[1])
    with factory() as s:
        count = s.scalar(select(func.count()).select_from(precedents.Precedent))
    return {"large": count, "hit_db_large": big_hits / min(timed, len(asked)),
            "timed": len(db_times),
            "db_p50_ms": round(pct(db_times, 50), 1), "db_p95_ms": round(pct(db_times, 95), 1),
            "bm25_build_s": round(base.build, 1), "bm25_timed": len(bm_times),
            "bm25_p50_ms": round(pct(bm_times, 50), 1),
            "bm25_p95_ms": round(pct(bm_times, 95), 1)}


def report_history(kind: str, r: dict) -> None:
    print(f"{kind}: planted match in top 3 at {r['history']} cases: "
          f"db {r['hit_db']:.1%}, rank-bm25 {r['hit_bm25']:.1%} ({r['queries']} queries); "
          f"load {r['rows_per_s']} cases/s; load average {os.getloadavg()[0]:.1f}", flush=True)


def report_large(kind: str, r: dict) -> None:
    print(f"{kind}: at {r['large']} cases: db p50 {r['db_p50_ms']} ms, p95 "
          f"{r['db_p95_ms']} ms over {r['timed']} queries (top 3 {r['hit_db_large']:.1%}); "
          f"rank-bm25 p50 {r['bm25_p50_ms']} ms, p95 {r['bm25_p95_ms']} ms over "
          f"{r['bm25_timed']} queries (built in {r['bm25_build_s']} s); load "
          f"{r['large_rows_per_s']} cases/s; load average {os.getloadavg()[0]:.1f}", flush=True)


def run(kind: str, history: int, queries: int, large: int, timed: int, seed: int,
        checkpoints: tuple[int, ...] = ()) -> dict:
    rng = random.Random(seed)
    engine, pg = fresh(kind)
    try:
        migrate(engine)
        factory = sessions(engine)
        keys = rng.sample(corpus.keys(), history)
        cases = [corpus.case(rng, k) for k in keys]
        secs = load(factory, cases, 1)
        planted = rng.sample(range(history), queries)
        asked = [(i + 1, corpus.reword(cases[i], rng)) for i in planted]
        base = Baseline(factory)
        hits = {"db": 0, "bm25": 0}
        for target, q in asked:
            hits["db"] += target in ask(factory, q)[0]
            hits["bm25"] += target in base.ask(q)[0]
        out = {"database": kind, "history": history, "queries": queries,
               "load_s": round(secs, 1), "rows_per_s": round(history / secs),
               "hit_db": hits["db"] / queries, "hit_bm25": hits["bm25"] / queries}
        report_history(kind, out)
        loaded = history
        for size in sorted({c for c in checkpoints if history < c < large} | {large}):
            more = [corpus.case(rng) for _ in range(size - loaded)]
            secs = load(factory, more, loaded + 1, kind)
            out.update(timed_at(engine, factory, kind, asked, timed), large_load_s=round(secs, 1),
                       large_rows_per_s=round((size - loaded) / secs))
            loaded = size
            report_large(kind, out)
        return out
    finally:
        engine.dispose()
        if pg:
            admin, schema = pg
            with admin.connect() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    ap.add_argument("--history", type=int, default=5000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--large", type=int, default=100_000)
    ap.add_argument("--timed", type=int, default=200, help="queries timed at LARGE")
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--checkpoints", default="",
                    help="sizes between HISTORY and LARGE to time too, e.g. 25000,50000")
    a = ap.parse_args()
    checkpoints = tuple(int(c) for c in a.checkpoints.split(",") if c.strip())
    kinds = ("sqlite", "postgresql") if a.database == "both" else (a.database,)
    signal.signal(signal.SIGTERM, _stop)         # killed at a deadline: still drop the schema
    for kind in kinds:
        run(kind, a.history, a.queries, a.large, a.timed, a.seed, checkpoints)


def _stop(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


if __name__ == "__main__":
    main()
