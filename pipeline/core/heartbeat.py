# SPDX-License-Identifier: AGPL-3.0-or-later
"""The worker's pulse in the database, where the web process and `paraf status` can read it."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from pipeline.core.db import transaction, utc
from pipeline.core.models import Heartbeat


def beat(factory: sessionmaker[Session], name: str, at: datetime, detail: dict | None = None):
    """Record that job NAME completed at AT (one row per job, overwritten)."""
    with transaction(factory) as session:
        row = session.get(Heartbeat, name, with_for_update=True)
        if row is None:
            session.add(Heartbeat(name=name, at=at, detail=detail))
        else:
            row.at, row.detail = at, detail


def last(session: Session) -> dict[str, datetime]:
    return {row.name: utc(row.at) for row in session.scalars(select(Heartbeat))}
