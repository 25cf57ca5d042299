# SPDX-License-Identifier: AGPL-3.0-or-later
"""Sliding-window rate limits kept in the database, so they hold across processes and restarts."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..models import RateHit


def allow(session: Session, bucket: str, key: str, *, limit: int, window: timedelta,
          now: datetime, count: bool = True) -> bool:
    """True if KEY has made fewer than LIMIT hits in BUCKET within WINDOW; counts this one."""
    since = now - window
    session.execute(delete(RateHit).where(RateHit.bucket == bucket, RateHit.at < now - window * 4))
    used = session.scalar(select(func.count()).select_from(RateHit).where(
        RateHit.bucket == bucket, RateHit.key == key, RateHit.at >= since))
    if used >= limit:
        return False
    if count:
        session.add(RateHit(bucket=bucket, key=key, at=now))
    return True
