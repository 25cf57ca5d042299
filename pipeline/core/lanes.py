# SPDX-License-Identifier: AGPL-3.0-or-later
"""Lanes: each worker job in a thread of its own, run the moment it is kicked.

A job that is kicked while it runs runs once more right after, so a wake-up that arrives during
a run is never lost, and a job never runs twice at once (no "maximum number of running
instances" skips). The scheduler's interval jobs only kick, as a safety net.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable

log = logging.getLogger(__name__)


class Lane:
    def __init__(self, name: str, job: Callable[["Lane"], object], stop: threading.Event):
        self.name, self.job, self.stop = name, job, stop
        self.kicked = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"paraf-{name}", daemon=True)

    def kick(self) -> None:
        self.kicked.set()

    def start(self) -> "Lane":
        self.thread.start()
        return self

    def wait_for_more(self, seconds: float) -> bool:
        """Inside the job: wait up to SECONDS for another kick (to batch work); True if one
        came, and then it is taken."""
        if self.kicked.wait(seconds) and not self.stop.is_set():
            self.kicked.clear()
            return True
        return False

    def _run(self) -> None:
        while True:
            self.kicked.wait()
            if self.stop.is_set():
                return
            self.kicked.clear()
            try:
                self.job(self)
            except Exception:                  # noqa: BLE001 - the lane must keep running
                log.exception("%s failed; it runs again on the next wake-up", self.name)


class Lanes(dict):
    """Lanes by topic; `kick(topics)` is what wake-ups call."""

    def __init__(self, stop: threading.Event):
        super().__init__()
        self.stop = stop

    def add(self, name: str, job: Callable[[Lane], object]) -> Lane:
        self[name] = lane = Lane(name, job, self.stop)
        return lane

    def kick(self, topics) -> None:
        for topic in topics:
            lane = self.get(topic)
            if lane is not None:
                lane.kick()

    def start(self) -> None:
        for lane in self.values():
            lane.start()

    def halt(self, timeout: float) -> list[str]:
        """Stop every lane; returns the names of those still busy after TIMEOUT seconds."""
        self.stop.set()
        for lane in self.values():
            lane.kick()
        end = time.monotonic() + timeout
        for lane in self.values():
            if lane.thread.ident is not None:
                lane.thread.join(max(0.0, end - time.monotonic()))
        return [lane.name for lane in self.values() if lane.thread.is_alive()]
