# SPDX-License-Identifier: AGPL-3.0-or-later
"""A stop that something holds up still ends within the deadline, saying where it waited."""
from __future__ import annotations

import subprocess
import sys
import time

HELD = """
import threading
from pipeline import worker
worker._end_by(0.5)
lock = threading.Lock()
lock.acquire()
lock.acquire()                  # never returns: only the deadline ends this process
"""


def test_a_stop_held_up_by_a_lock_ends_at_the_deadline_and_names_the_wait():
    """GIVEN a worker whose main thread waits on a lock nothing will release while stopping
    WHEN the stop deadline passes THEN the process ends with status 0 (what it held is left
    for the next start) and says on stderr which thread waited, in which function."""
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-c", HELD], capture_output=True, text=True,
                          timeout=30)
    took = time.monotonic() - began
    assert done.returncode == 0, done.stderr
    assert took < 10, took
    assert "stopping took over 0.5 s" in done.stderr
    assert "MainThread in <module>" in done.stderr, done.stderr
