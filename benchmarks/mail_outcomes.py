# SPDX-License-Identifier: AGPL-3.0-or-later
"""Issue 15, mail outcomes: how many generated OPD mails get the outcome they must get.

Run from the repository root:

    .venv/bin/python benchmarks/mail_outcomes.py --seeds 1 2 3
    .venv/bin/python benchmarks/mail_outcomes.py --seeds 1 --database postgresql+psycopg://postgres@127.0.0.1:5432/test

Each seed makes a fresh mailbox of 50+ mails (tests/mailbox_gen: Outlook, Gmail, Thunderbird
and phone envelopes; letters from tests/letters_gen in ZIPs, konsep letters, `Terlampir` with
nothing attached, spreadsheets alone, photos completing a case, follow-ups, re-sends,
automatic mail) and delivers them one by one to a fresh workspace's Maildir, running the
worker (`pipeline.worker.run_once`) after each. It prints one line per seed, the wrong mails,
and the total; it exits 1 when a seed is under 48 of 50.
"""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.core import workspace  # noqa: E402
from pipeline.app import App  # noqa: E402
from pipeline.core.config import load  # noqa: E402
from tests.intake.helpers import mail_in, run_until_idle  # noqa: E402
from tests.mailbox_gen import mailbox  # noqa: E402
from tests.mailbox_gen.score import run  # noqa: E402


def _schema(database: str, seed: int) -> str:
    """A private, empty schema on a PostgreSQL server, so seeds never see each other."""
    from sqlalchemy import create_engine, text
    name = f"mailout_{seed}_{int(time.time())}"
    with create_engine(database, isolation_level="AUTOCOMMIT").connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {name}"))
    return f"{database}?options=-csearch_path%3D{name}"


def one(seed: int, database: str | None) -> tuple[int, int, list]:
    with tempfile.TemporaryDirectory(prefix="paraf-mailout-") as tmp:
        url = _schema(database, seed) if database else f"sqlite:///{tmp}/paraf.db"
        path = workspace.init(Path(tmp) / "ws", intake="maildir://intake",
                              smtp="file://outbox/sent", database=url)
        app = App.open(load(path, env={}))
        try:
            results = run(app, mailbox(seed=seed), mail_in,
                          lambda a: run_until_idle(a, passes=2))
        finally:
            app.close()
    wrong = [(m.kind, m.client, m.outcome, seen) for m, seen, ok in results if not ok]
    return len(results) - len(wrong), len(results), wrong


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    ap.add_argument("--database", help="SQLAlchemy URL (default: a SQLite file per seed)")
    args = ap.parse_args()
    logging.disable(logging.WARNING)          # the worker's "PARAF_SECRET is not set" per pass
    total, right, failing = 0, 0, False
    for seed in args.seeds:
        started = time.monotonic()
        ok, n, wrong = one(seed, args.database)
        total, right = total + n, right + ok
        failing |= ok < 48 * n / 50
        kinds = Counter(k for k, *_ in wrong)
        print(f"seed {seed}: {ok}/{n} right outcomes ({time.monotonic() - started:.0f} s)"
              + (f"; wrong: {dict(kinds)}" if wrong else ""))
        for kind, client, want, seen in wrong:
            print(f"  {kind} ({client}): want {want}, got {seen}")
    print(f"mail outcomes: {right}/{total} right")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
