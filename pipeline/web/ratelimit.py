# SPDX-License-Identifier: AGPL-3.0-or-later
"""Sliding-window rate limits kept in the database, so they hold across processes and restarts.

`within` only reads, so a page can check its limits before it queues for the write lock and
record the hit in the transaction that does its real work; `allow` is both at once. Old hits
are pruned by the worker, not on every request.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.orm import Session

from pipeline.core.models import RateHit

KEEP = timedelta(days=1)          # longer than any window a page uses
_USED = (select(func.count()).select_from(RateHit)     # built once: every form post asks it
         .where(RateHit.bucket == bindparam("bucket"), RateHit.key == bindparam("key"),
                RateHit.at >= bindparam("since")))


def within(session: Session, bucket: str, key: str, *, limit: int, window: timedelta,
           now: datetime) -> bool:
    """True if KEY has made fewer than LIMIT hits in BUCKET within WINDOW."""
    used = session.connection().scalar(_USED, {"bucket": bucket, "key": key,
                                               "since": now - window})
    return used < limit


def recent(session: Session, bucket: str, key: str, since: datetime) -> tuple[int, datetime | None]:
    """How many hits KEY has in BUCKET since SINCE, and when the last one was."""
    count, last = session.execute(
        select(func.count(), func.max(RateHit.at)).where(
            RateHit.bucket == bucket, RateHit.key == key, RateHit.at >= since)).one()
    return count, last


def record(session: Session, bucket: str, key: str, now: datetime) -> None:
    session.add(RateHit(bucket=bucket, key=key, at=now))


def allow(session: Session, bucket: str, key: str, *, limit: int, window: timedelta,
          now: datetime, count: bool = True) -> bool:
    """True if KEY is within its limit; counts this hit when COUNT."""
    if not within(session, bucket, key, limit=limit, window=window, now=now):
        return False
    if count:
        record(session, bucket, key, now)
    return True


def prune(session: Session, now: datetime) -> int:
    return session.execute(delete(RateHit).where(RateHit.at < now - KEEP)).rowcount or 0
