# SPDX-License-Identifier: AGPL-3.0-or-later
"""Crash suite (issue 16): real `paraf run` processes SIGKILLed at random moments during intake,
routing, reply handling and sending; afterwards every message has one entry, numbers have no
gap, every hand-over has one step, every planned mail went once (or is held as uncertain), and
the audit chain is valid.

`make test` runs the quick version below. `make faults` (PARAF_FAULTS=long) runs the long one:
10 seeds x 20 kills on SQLite and PostgreSQL, and 2 and 3 workers at once on PostgreSQL.
"""
from __future__ import annotations

import os

import pytest

from tests.faults.harness import crash_office, crash_run

LONG = os.environ.get("PARAF_FAULTS") == "long"
long_only = pytest.mark.skipif(not LONG, reason="the long crash suite runs with `make faults`")


@pytest.fixture
def crash_app(tmp_path, db_url, dovecot, smtp_server, monkeypatch):
    app = crash_office(tmp_path, db_url, dovecot, smtp_server, monkeypatch)
    yield app
    app.close()


def test_quick_crash_run(crash_app, dovecot, smtp_server, db_url):
    """GIVEN 4 letters and officials answering by mail WHEN the worker is SIGKILLed 5 times
    at random moments (two workers on PostgreSQL) and then left to finish THEN the invariants
    hold."""
    workers = 2 if db_url.startswith("postgresql") else 1
    report = crash_run(crash_app, dovecot, smtp_server, seed=1, kills=5, letters=4,
                       workers=workers)
    print(report)


def test_quick_crash_run_during_job_work(crash_app, dovecot, smtp_server, db_url):
    """GIVEN 6 letters WHEN a worker is SIGKILLed 4 times, each time while a reading job is
    claimed (two workers on PostgreSQL) THEN the claims are taken over after their lease, every
    job ends `done` once, and the invariants hold."""
    workers = 2 if db_url.startswith("postgresql") else 1
    report = crash_run(crash_app, dovecot, smtp_server, seed=7, kills=4, letters=6,
                       workers=workers, during_jobs=True)
    print(report)


@long_only
@pytest.mark.parametrize("seed", range(1, 11))
def test_long_crash_run(crash_app, dovecot, smtp_server, seed):
    """GIVEN 8 letters WHEN one worker is SIGKILLed 20 times at random moments THEN the
    invariants hold (10 seeds, each database)."""
    print(crash_run(crash_app, dovecot, smtp_server, seed=seed, kills=20, letters=8))


@long_only
@pytest.mark.parametrize("workers", [2, 3])
@pytest.mark.parametrize("seed", range(1, 4))
def test_long_crash_run_with_several_workers(crash_app, dovecot, smtp_server, db_url, seed,
                                             workers):
    """GIVEN 8 letters WHEN 2 or 3 workers run at once on PostgreSQL and one of them is
    SIGKILLed 20 times at random THEN the invariants hold."""
    if not db_url.startswith("postgresql"):
        pytest.skip("several workers share one mailbox on PostgreSQL")
    print(crash_run(crash_app, dovecot, smtp_server, seed=seed, kills=20, letters=8,
                    workers=workers))
