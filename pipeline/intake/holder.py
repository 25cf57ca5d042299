# SPDX-License-Identifier: AGPL-3.0-or-later
"""One worker holds each mailbox, so several workers share one without stepping on each other.

On PostgreSQL the holder takes a session advisory lock on its own connection; the server drops
the lock the moment that connection ends, and TCP keepalives (10 s idle, 5 s apart, 3 probes)
end it within about 25 s when the holder's machine dies, so another worker takes over within a
minute. On SQLite (one machine) an flock(2) on a file beside the database does the same, and
the kernel drops it when the process dies. The others wait and ask again every RETRY seconds.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)
RETRY = 15.0
KEEPALIVE = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5,
             "keepalives_count": 3}


def lock_key(mailbox: str) -> int:
    """A signed 64-bit advisory-lock key for MAILBOX (its name, never its password)."""
    return int.from_bytes(hashlib.sha256(mailbox.encode()).digest()[:8], "big", signed=True)


class MailboxHolder:
    def __init__(self, database_url: str, mailbox: str):
        self.url, self.mailbox = database_url, mailbox
        self.key = lock_key(mailbox)
        self._conn = None
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._conn is not None or self._fd is not None

    def hold(self) -> bool:
        """Take the mailbox if no one holds it, or check that we still do; True when ours."""
        if self.url.startswith("postgresql"):
            return self._hold_postgres()
        return self._hold_file()

    def release(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()                 # ends the session: the lock goes with it
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)

    def _hold_postgres(self) -> bool:
        import psycopg
        if self._conn is not None:
            try:
                self._conn.execute("SELECT 1")
                return True
            except psycopg.Error:
                log.warning("%s: lost the connection that held the mailbox", self.mailbox)
                self.release()
        url = make_url(self.url).set(drivername="postgresql")
        try:
            conn = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True,
                                   connect_timeout=10, **KEEPALIVE)
        except psycopg.Error as err:
            log.warning("%s: cannot ask who holds the mailbox: %s", self.mailbox, err)
            return False
        got = conn.execute("SELECT pg_try_advisory_lock(%s)", (self.key,)).fetchone()[0]
        if not got:
            conn.close()
            return False
        self._conn = conn
        log.info("%s: this worker holds the mailbox", self.mailbox)
        return True

    def _hold_file(self) -> bool:
        if self._fd is not None:
            return True
        database = make_url(self.url).database
        if not database or database == ":memory:" or database.startswith("file:"):
            self._fd = os.open(os.devnull, os.O_RDONLY)     # nothing to share with
            return True
        path = f"{os.path.abspath(database)}.mailbox-{self.key & 0xFFFFFFFF:08x}"
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        log.info("%s: this worker holds the mailbox", self.mailbox)
        return True
