# SPDX-License-Identifier: AGPL-3.0-or-later
"""Transient or permanent: what a failure says about the message, and poison messages.

Only the message's own content may make it `failed`. A full disk, a dropped database
connection or a killed helper process say nothing about the message: it stays where it is and
is read again. A message whose handling keeps dying (it kills the reader, or the worker, every
time) must not block the queue forever, so each start is counted, and a message that started
`[mailbox] poison_tries` (default 3) times without an outcome is recorded `failed` with the
last reason.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from pipeline.core.db import transaction, upsert
from pipeline.core.errors import Interrupted, is_transient  # noqa: F401 - used by intake
from pipeline.core.models import IntakeTry

LIMIT = 3                       # the default of [mailbox] poison_tries


def is_counted(err: BaseException) -> bool:
    """A transient fault that still counts as a try: a killed helper may be the message's
    doing (it may exhaust memory in a way the limits did not catch)."""
    return isinstance(err, Interrupted)


def begin(factory: sessionmaker[Session], digest: str, now: datetime) -> tuple[int, str | None]:
    """Count one more start of DIGEST; returns (earlier starts, their last error). One
    statement (an upsert), so two workers starting the same message both count."""
    with transaction(factory) as session:
        stmt = upsert(session, IntakeTry).values(sha256=digest, tries=1, updated_at=now)
        stmt = stmt.on_conflict_do_update(
            index_elements=[IntakeTry.sha256],
            set_={"tries": IntakeTry.tries + 1, "updated_at": now},
        ).returning(IntakeTry.tries, IntakeTry.last_error)
        tries_now, last = session.execute(stmt).one()
        return tries_now - 1, last


def end(session: Session, digest: str) -> None:
    """The message has its outcome (in SESSION's transaction): forget its starts."""
    session.execute(delete(IntakeTry).where(IntakeTry.sha256 == digest))


def after_fault(factory: sessionmaker[Session], digest: str, err: BaseException) -> None:
    """Record why this start ended without an outcome; a machine fault is not counted. Best
    effort: with the database away the count may stay one too high, never too low."""
    try:
        with transaction(factory) as session:
            row = session.get(IntakeTry, digest, with_for_update=True)
            if row is None:
                return
            row.last_error = f"{type(err).__name__}: {err}"[:2000]
            if not is_counted(err):
                row.tries = max(row.tries - 1, 0)
    except Exception:               # noqa: BLE001 - the fault itself may be the database
        pass


def poison_reason(tries: int, last: str | None) -> str:
    return (f"Pesan ini {tries} kali gagal diproses tanpa hasil (pemroses berhenti di "
            f"tengah jalan); pesan dipisahkan agar antrean tetap berjalan. Penyebab terakhir: "
            f"{last or 'tidak diketahui (proses pekerja berhenti)'}")
