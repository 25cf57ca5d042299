"""A scanned PDF's next page read beside the page before it, on a second core.

Most of a scanned page's reading time is tesseract on one thread (OMP_THREAD_LIMIT=1), and most
scanned letters run to a second page, which holds their questions' end and their signature. So
while one page is read on the reader's own thread, the next is read on another, where the
machine has a second core: a two-page letter takes about the time of its longer page. The page
read ahead may turn out to be no letter's (an attachment after a letter that ended): its
reading is then abandoned, its tesseract stopped (at its next word, in-process: tessapi; a CLI
run killed), and nothing waits for it (ocr.abandonable).

Only a page no finer than a 300-dpi scan is read ahead: two finer pages read at once could
pass the reader's memory limit (Limits.memory_mb), where one at a time stays well within it.
"""
from __future__ import annotations

import os
import threading
from concurrent.futures import Future
from typing import Callable

from pipeline.letter.ocr import abandonable

# pixels of a page read ahead, and of the page beside it: an F4 page at 300 dpi (2550 x 3900)
# (measured: two 600-dpi colour pages at once passed 768 MB, one at a time took 413 MB)
PIXELS = 10_500_000


def possible() -> bool:
    """Whether this machine has a second core to read a page ahead on."""
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # pragma: no cover - not Linux
        return (os.cpu_count() or 1) > 1


def threads() -> int:
    """How many threads read a letter's pages at once: two where a page can be read ahead."""
    return 2 if possible() else 1


class Ahead:
    """The one page being read ahead of the letter's reading, if any."""

    def __init__(self) -> None:
        self.pending: tuple[int, Future, threading.Event] | None = None

    def begin(self, no: int, read: Callable[[], tuple]) -> None:
        """Page NO read by READ on a thread of its own, abandonable (see drop)."""
        stop, done = threading.Event(), Future()

        def run() -> None:
            done.set_running_or_notify_cancel()
            try:
                done.set_result(abandonable(stop, read))
            except BaseException as e:  # noqa: BLE001 - raised where the page is wanted
                done.set_exception(e)
        try:
            threading.Thread(target=run, name=f"paraf-page-{no}", daemon=True).start()
        except RuntimeError:  # (the interpreter is shutting down: the page is read in turn)
            return
        self.pending = (no, done, stop)

    def take(self, no: int) -> tuple | None:
        """What READ gave for page NO where it was read ahead (what it raised, raised), else
        None: the page is read in turn."""
        if self.pending is None or self.pending[0] != no:
            return None
        done, self.pending = self.pending[1], None
        return done.result()

    def drop(self) -> None:
        """The page read ahead abandoned: the letter ended before it."""
        if self.pending is not None:
            self.pending[2].set()
            self.pending = None
