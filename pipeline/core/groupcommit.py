# SPDX-License-Identifier: AGPL-3.0-or-later
"""Group commit: the small writes of many page requests share one transaction.

On SQLite every write transaction holds the database's only write lock, and for a short job
the fixed costs of a transaction (queueing for the lock, BEGIN, COMMIT, handing the lock to the
other server process) outweigh the job itself. One writer thread per process takes every job
that is waiting and runs them in one transaction, so the busier the form, the larger the
batches and the smaller each request's share of the lock. PostgreSQL gains the same way, with
one row lock on the agenda counter per batch.

A job is a function of a Session that adds and changes rows and returns what the page needs;
it does not commit, and it must be safe to run again. If any job of a batch fails, the batch
rolls back and each job runs again in a transaction of its own, so one bad request never sinks
the others, and the failing one gets its own error.
"""
from __future__ import annotations

import os
import queue
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Callable, TypeVar

from sqlalchemy.orm import Session, sessionmaker

from pipeline.core.db import transaction
from pipeline.core.errors import ParafError

T = TypeVar("T")
Job = Callable[[Session], T]


class GroupCommitTimeout(ParafError):
    """The writer did not get to a job in time (the database is stuck or overloaded)."""


class GroupCommit:
    def __init__(self, factory: sessionmaker[Session], *, max_batch: int = 64,
                 timeout: float = 60.0):
        self._factory = factory
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._start_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self.max_batch = max_batch
        self.timeout = timeout

    def run(self, job: Job[T]) -> T:
        """Run JOB in the next batch; returns its result once that batch has committed.
        Never call it while holding a write transaction of your own: the writer would wait
        for it."""
        future: Future = Future()
        self._jobs.put((job, future))
        self._ensure_writer()
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            if future.cancel():
                raise GroupCommitTimeout("the database writer did not take the request in "
                                         f"{self.timeout:.0f} s; nothing was saved") from None
            return future.result()          # it is being written now: wait for the outcome

    def close(self) -> None:
        if self._thread is not None and self._thread.is_alive() and self._pid == os.getpid():
            self._jobs.put(None)
            self._thread.join(timeout=self.timeout)

    def _ensure_writer(self) -> None:
        if self._thread is not None and self._thread.is_alive() and self._pid == os.getpid():
            return
        with self._start_lock:
            if self._thread is None or not self._thread.is_alive() or self._pid != os.getpid():
                self._pid = os.getpid()
                self._thread = threading.Thread(target=self._write, name="paraf-group-commit",
                                                daemon=True)
                self._thread.start()

    def _write(self) -> None:
        while True:
            item = self._jobs.get()
            if item is None:
                return
            batch = [item]
            while len(batch) < self.max_batch:
                try:
                    item = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if item is None:                     # close() after this batch
                    self._jobs.put(None)
                    break
                batch.append(item)
            self._commit([(job, f) for job, f in batch if f.set_running_or_notify_cancel()])

    def _commit(self, batch: list[tuple[Job, Future]]) -> None:
        if not batch:
            return
        try:
            with transaction(self._factory) as session, session.no_autoflush:
                results = [job(session) for job, _future in batch]
        except Exception as err:
            if len(batch) == 1:
                batch[0][1].set_exception(err)
                return
            for job, future in batch:               # find the culprit: each on its own
                try:
                    with transaction(self._factory) as session:
                        result = job(session)
                except Exception as one:
                    future.set_exception(one)
                else:
                    future.set_result(result)
            return
        for (_job, future), result in zip(batch, results):
            future.set_result(result)
