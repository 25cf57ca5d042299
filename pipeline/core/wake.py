# SPDX-License-Identifier: AGPL-3.0-or-later
"""Hand work on the moment it is committed: a wake-up for the job that takes it next.

A transaction that leaves work for another job (mail in the outbox, a case to dispatch, a
signing to carry out) names that job with `after_commit(session, TOPIC)`. When, and only when,
the transaction commits:

* in this process, every `listen()`er is called at once (the worker runs the job right away);
* on PostgreSQL, `pg_notify('paraf_wake', topics)` is sent inside the transaction, so other
  processes and machines (`Listener`) hear it exactly when the commit is visible;
* on SQLite, a UDP datagram goes to each worker on this machine: a worker binds a loopback
  port and writes it to `<database>.wake/<pid>` beside the database file (the same place the
  write gate lives), so the web process and the CLI wake it without any setting.

A lost wake-up costs only time: the worker's interval jobs stay as the safety net.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy import event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

OUTBOX, DISPATCH, SIGNING, CLOSE = "outbox", "dispatch", "signing", "close"
CHANNEL = "paraf_wake"
_KEY = "paraf.wake"
_listeners: list[Callable[[set[str]], None]] = []


def after_commit(session: Session, *topics: str) -> None:
    """Wake TOPICS when SESSION's transaction commits (forgotten if it rolls back)."""
    session.info.setdefault(_KEY, set()).update(topics)


def listen(callback: Callable[[set[str]], None]) -> Callable[[], None]:
    """Call CALLBACK(topics) after each commit in this process that wakes; returns an undo."""
    _listeners.append(callback)
    return lambda: _listeners.remove(callback) if callback in _listeners else None


def fire(topics: Iterable[str], url: str | None = None) -> None:
    """Wake TOPICS now: this process's listeners, and the local SQLite workers of URL."""
    topics = set(topics)
    if not topics:
        return
    for callback in list(_listeners):
        try:
            callback(topics)
        except Exception:                      # noqa: BLE001 - a wake-up never breaks a commit
            log.exception("wake-up listener failed")
    if url is not None and url.startswith("sqlite"):
        _send_datagrams(url, topics)


def ring(engine, *topics: str) -> None:
    """Wake TOPICS now, outside any transaction: for work whose last piece is not in the
    database (a mail whose file is written after the commit that planned it)."""
    if engine.dialect.name == "postgresql":
        try:
            with engine.connect() as conn:
                conn.execute(select(func.pg_notify(CHANNEL, ",".join(sorted(topics)))))
                conn.commit()
        except Exception:                      # noqa: BLE001 - the safety net still runs
            log.warning("wake-up not sent; the worker's interval job will find the work")
    fire(topics, str(engine.url) if engine.dialect.name == "sqlite" else None)


@event.listens_for(Session, "before_commit")
def _notify_postgres(session: Session) -> None:
    topics = session.info.get(_KEY)
    if not topics:
        return
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        session.execute(select(func.pg_notify(CHANNEL, ",".join(sorted(topics)))))


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    topics = session.info.pop(_KEY, None)
    if topics:
        bind = session.get_bind()
        fire(topics, str(bind.url) if bind.dialect.name == "sqlite" else None)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_KEY, None)


# -- SQLite: datagrams on loopback ------------------------------------------------------------
def wake_dir(url: str) -> Path | None:
    """`<database>.wake/` beside a SQLite file; None for an in-memory database."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(os.path.abspath(database) + ".wake")


def _send_datagrams(url: str, topics: set[str]) -> None:
    folder = wake_dir(url)
    if folder is None or not folder.is_dir():
        return
    payload = ",".join(sorted(topics)).encode()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for entry in folder.iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue                       # this process heard it already
            try:
                port = int(entry.read_text().strip())
                sock.sendto(payload, ("127.0.0.1", port))
            except (OSError, ValueError):
                continue


def _forget_the_dead(folder: Path) -> None:
    """Remove the entries of workers that died without cleaning up (SIGKILL)."""
    for entry in folder.iterdir():
        if entry.name.isdigit():
            try:
                os.kill(int(entry.name), 0)
            except ProcessLookupError:
                entry.unlink(missing_ok=True)
            except PermissionError:         # alive, under another user
                pass


class Listener:
    """Hears other processes' wake-ups for one database and calls CALLBACK(topics); runs in
    its own thread until `stop()`."""

    def __init__(self, url: str, callback: Callable[[set[str]], None], tick: float = 0.5):
        self.url, self.callback, self.tick = url, callback, tick
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="paraf-wake", daemon=True)
        self._ready = threading.Event()
        self._path: Path | None = None

    def start(self) -> "Listener":
        self._thread.start()
        self._ready.wait(5)
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self.tick + 0.5)
        if self._path is not None:
            self._path.unlink(missing_ok=True)

    def _run(self) -> None:
        if self.url.startswith("postgresql"):
            self._run_postgres()
        else:
            self._run_udp()

    def _run_udp(self) -> None:
        folder = wake_dir(self.url)
        if folder is None:
            self._ready.set()
            return
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.bind(("127.0.0.1", 0))
            sock.settimeout(self.tick)
            folder.mkdir(exist_ok=True)
            _forget_the_dead(folder)
            self._path = folder / str(os.getpid())
            tmp = folder / f".{os.getpid()}.tmp"
            tmp.write_text(str(sock.getsockname()[1]))
            tmp.replace(self._path)
            self._ready.set()
            while not self._stop.is_set():
                try:
                    data = sock.recv(512)
                except (TimeoutError, socket.timeout):
                    continue
                self._deliver(data.decode(errors="replace"))

    def _run_postgres(self) -> None:
        import psycopg
        url = make_url(self.url).set(drivername="postgresql")
        pause = 1.0
        while not self._stop.is_set():
            try:
                with psycopg.connect(url.render_as_string(hide_password=False),
                                     autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._ready.set()
                    pause = 1.0
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=self.tick):
                            self._deliver(note.payload)
            except Exception as err:               # noqa: BLE001 - reconnect and listen again
                self._ready.set()
                if self._stop.is_set():
                    return
                log.warning("wake-up listener: %s; listening again in %.0f s", err, pause)
                self._stop.wait(pause)
                pause = min(pause * 2, 30.0)

    def _deliver(self, payload: str) -> None:
        topics = {t for t in payload.split(",") if t}
        if topics:
            try:
                self.callback(topics)
            except Exception:                      # noqa: BLE001
                log.exception("wake-up callback failed")
