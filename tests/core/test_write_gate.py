# SPDX-License-Identifier: AGPL-3.0-or-later
"""SQLite's writers queue at the write gate: across processes, a killed writer never leaves
it shut, and a nested write fails with a clear error instead of hanging."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from sqlalchemy import select, text

from pipeline.core import db
from pipeline.core.db import make_engine, migrate, sessions, transaction
from pipeline.core.models import Counter

HOLDER = textwrap.dedent("""
    import sys, time
    from sqlalchemy import text
    from pipeline.core.db import make_engine, sessions, transaction
    with transaction(sessions(make_engine(sys.argv[1]))) as s:
        s.execute(text("UPDATE counters SET value = value + 1 WHERE name = 'gate'"))
        print("holding", flush=True)
        time.sleep(60)
""")


@pytest.fixture
def url(tmp_path):
    url = f"sqlite:///{tmp_path / 'paraf.db'}"
    engine = make_engine(url)
    migrate(engine)
    with transaction(sessions(engine)) as s:
        s.add(Counter(name="gate", year=0, value=0))
    engine.dispose()
    return url


def test_a_writer_killed_inside_its_transaction_does_not_block_the_next(url):
    """GIVEN another process inside a write transaction WHEN it is killed THEN a writer
    waiting here goes on at once, and the killed one's change is not in the database."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, url], stdout=subprocess.PIPE,
                              text=True, cwd=os.getcwd())
    assert holder.stdout.readline().strip() == "holding"
    factory = sessions(make_engine(url))
    done = threading.Event()

    def write():
        with transaction(factory) as s:
            s.execute(text("UPDATE counters SET value = value + 10 WHERE name = 'gate'"))
        done.set()

    writer = threading.Thread(target=write)
    writer.start()
    assert not done.wait(0.5)                        # queued behind the other process
    killed = time.monotonic()
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert done.wait(5)
    assert time.monotonic() - killed < 2
    writer.join()
    with factory() as s:
        assert s.scalar(select(Counter.value).where(Counter.name == "gate")) == 10


def test_a_nested_write_in_one_thread_fails_clearly_instead_of_hanging(url, monkeypatch):
    monkeypatch.setattr(db, "GATE_TIMEOUT", 0.3)
    factory = sessions(make_engine(url))
    with transaction(factory) as outer:
        outer.execute(text("UPDATE counters SET value = 1 WHERE name = 'gate'"))
        started = time.monotonic()
        with pytest.raises(Exception, match="write gate timed out"):
            with transaction(factory) as inner:
                inner.execute(text("UPDATE counters SET value = 2 WHERE name = 'gate'"))
        assert time.monotonic() - started < 2
    with factory() as s:                               # the gate was given back
        assert s.scalar(select(Counter.value).where(Counter.name == "gate")) == 1


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_engines_opened_and_disposed_leave_no_descriptor_behind(url):
    """GIVEN a process that opens a database, writes and disposes of it 100 times (every
    command, every web worker's restart, every test) THEN it holds no more open files than
    before: the gate's file is held only while a write is."""
    before = _open_descriptors()
    for n in range(100):
        engine = make_engine(url)
        with transaction(sessions(engine)) as s:
            s.execute(text("UPDATE counters SET value = value + 1 WHERE name = 'gate'"))
        engine.dispose()
    assert _open_descriptors() <= before + 1
    with sessions(make_engine(url))() as s:
        assert s.scalar(select(Counter.value).where(Counter.name == "gate")) == 100
