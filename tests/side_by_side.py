# SPDX-License-Identifier: AGPL-3.0-or-later
"""Two (or more) workers at once: each its own App on one office's configuration, in its own
thread, released together; what any of them raised is returned for the test to assert on."""
from __future__ import annotations

import threading
from typing import Callable

from pipeline.app import App


def side_by_side(app: App, work: Callable[[int, App], object], n: int = 2) -> list[Exception]:
    workers = [App.open(app.cfg, migrate=False) for _ in range(n)]
    start, errors = threading.Barrier(n), []

    def run(i: int) -> None:
        start.wait()
        try:
            work(i, workers[i])
        except Exception as err:          # noqa: BLE001 - surfaced by the test's assertion
            errors.append(err)
    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    [w.close() for w in workers]
    return errors
