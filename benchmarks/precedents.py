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
4. the history grows to LARGE cases and both are timed per query (p50, p95; the baseline on
   its first BASELINE_TIMED queries), with the machine's load average printed beside them.
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


def load(factory, cases, first_id: int) -> float:
    """Bulk insert; returns seconds."""
    start = time.perf_counter()
    for at in range(0, len(cases), CHUNK):
        agenda, found = rows_of(cases[at:at + CHUNK], first_id + at)
        with factory.begin() as s:
            s.execute(AgendaEntry.__table__.insert(), agenda)
            precedents.add(s, found)
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


def run(kind: str, history: int, queries: int, large: int, timed: int, seed: int) -> dict:
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
        more = [corpus.case(rng) for _ in range(large - history)]
        secs = load(factory, more, history + 1)
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
        out.update({"large": count, "large_load_s": round(secs, 1),
                    "large_rows_per_s": round((large - history) / secs),
                    "hit_db_large": big_hits / min(timed, len(asked)),
                    "db_p50_ms": round(pct(db_times, 50), 1),
                    "db_p95_ms": round(pct(db_times, 95), 1),
                    "bm25_build_s": round(base.build, 1),
                    "bm25_p50_ms": round(pct(bm_times, 50), 1),
                    "bm25_p95_ms": round(pct(bm_times, 95), 1)})
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
    a = ap.parse_args()
    kinds = ("sqlite", "postgresql") if a.database == "both" else (a.database,)
    for kind in kinds:
        r = run(kind, a.history, a.queries, a.large, a.timed, a.seed)
        print(f"{kind}: planted match in top 3 at {r['history']} cases: "
              f"db {r['hit_db']:.1%}, rank-bm25 {r['hit_bm25']:.1%} ({r['queries']} queries); "
              f"load {r['rows_per_s']} cases/s", flush=True)
        print(f"{kind}: at {r['large']} cases: db p50 {r['db_p50_ms']} ms, p95 "
              f"{r['db_p95_ms']} ms (top 3 {r['hit_db_large']:.1%}); rank-bm25 p50 "
              f"{r['bm25_p50_ms']} ms, p95 {r['bm25_p95_ms']} ms (built in "
              f"{r['bm25_build_s']} s); load {r['large_rows_per_s']} cases/s; "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
