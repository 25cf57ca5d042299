# SPDX-License-Identifier: AGPL-3.0-or-later
"""SIGTERM and SIGINT noted without a lock, for a main thread that polls for its stop.

A handler that set a `threading.Event` itself can deadlock: Python runs the handler in the main
thread between bytecodes, and if that thread was inside the Event's own `with self._cond` (as
`Event.wait` is, briefly, on every call) the handler waits forever for a lock its own thread
holds. Appending to a list takes no lock.
"""
from __future__ import annotations

import signal
import threading
from typing import Callable

STOPPING = (signal.SIGTERM, signal.SIGINT)


def note_signals() -> tuple[list[int], Callable[[], object]]:
    """The list the stop signals are appended to, and how to put the old handlers back; off
    the main thread (where handlers cannot be set) the list stays empty."""
    signalled: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        return signalled, lambda: None
    old = {sig: signal.getsignal(sig) for sig in STOPPING}
    for sig in old:
        signal.signal(sig, lambda signum, _frame: signalled.append(signum))
    return signalled, lambda: [signal.signal(sig, handler) for sig, handler in old.items()]
