# SPDX-License-Identifier: AGPL-3.0-or-later
"""Engines, sessions and schema migrations (Alembic), for SQLite and PostgreSQL alike."""
from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib.resources import files
from typing import Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

GATE_TIMEOUT = 30.0          # seconds a writer waits for the gate, as SQLite's own busy timeout


class WriteGate:
    """One SQLite writer at a time, across threads and processes, handed on when released.

    SQLite's busy handler makes a waiting writer sleep and retry (1, 2, 5 ... 100 ms), so under
    load the lock goes to whoever happens to retry at the right moment, and a writer can wait
    seconds behind others that came later. Queueing on a thread lock and then on flock(2) on a
    file beside the database wakes the next writer the moment the lock is free. The kernel drops
    a dead process's flock, so a crash never leaves the gate shut.
    """

    def __init__(self, path: str | None):
        self.path = path
        self._threads = threading.Lock()
        self._fd: int | None = None

    def acquire(self) -> None:
        if not self._threads.acquire(timeout=GATE_TIMEOUT):
            raise sqlite3.OperationalError("database is locked (write gate timed out)")
        if self.path is not None:
            # opened for each hold and closed with it: an engine that is disposed (each App a
            # test or a command opens) leaves no descriptor behind, and a forked child never
            # shares its parent's lock
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
                fcntl.flock(self._fd, fcntl.LOCK_EX)
            except BaseException:
                self._close()
                self._threads.release()
                raise

    def release(self) -> None:
        self._close()
        self._threads.release()

    def _close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:                     # unlocked first: a child forked meanwhile holds a copy
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)


class _GatedConnection(sqlite3.Connection):
    """A SQLite connection that gives the write gate back when its transaction ends."""

    gate: WriteGate
    holding = False

    def take_gate(self) -> None:
        self.gate.acquire()
        self.holding = True

    def drop_gate(self) -> None:
        if self.holding:
            self.holding = False
            self.gate.release()

    def commit(self):
        try:
            super().commit()
        finally:
            self.drop_gate()

    def rollback(self):
        try:
            super().rollback()
        finally:
            self.drop_gate()

    def close(self):
        try:
            super().close()
        finally:
            self.drop_gate()


def _gate_path(url: str) -> str | None:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return os.path.abspath(database) + ".write-gate"


def make_engine(url: str, *, writer: bool = True) -> Engine:
    """SQLite gets WAL, foreign keys and write transactions that queue at a `WriteGate` and
    then take the lock up front, so writers neither fail half way nor busy-wait; PostgreSQL is
    used as it is.

    `writer=False` gives SQLite transactions that only read (plain BEGIN): under WAL they run
    beside the writer and each other instead of queueing for the write lock.
    """
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    connect_args: dict = {"timeout": GATE_TIMEOUT}
    if writer:
        gate = WriteGate(_gate_path(url))
        connect_args["factory"] = type("GatedConnection", (_GatedConnection,), {"gate": gate})
    engine = create_engine(url, connect_args=connect_args)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None          # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        if not writer:
            conn.exec_driver_sql("BEGIN")
            return
        dbapi_conn = conn.connection.dbapi_connection
        dbapi_conn.take_gate()
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            dbapi_conn.drop_gate()
            raise

    return engine


def utc(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything Paraf stores is UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=timezone.utc)


def upsert(session: Session, model):
    """An INSERT of MODEL that can say ON CONFLICT, in the session's dialect (PostgreSQL or
    SQLite): for rows two workers may create at the same moment."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(model)


def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed when the block ends, rolled back if it raises."""
    with factory() as session, session.begin():
        yield session


def alembic_config(engine: Engine):
    from alembic.config import Config as AlembicConfig
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(files("pipeline") / "migrations"))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to REVISION; safe to run on every start."""
    from alembic import command
    command.upgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
