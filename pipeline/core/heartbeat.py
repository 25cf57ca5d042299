# SPDX-License-Identifier: AGPL-3.0-or-later
"""The worker's pulse in the database, where the web process and `paraf status` can read it."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from pipeline.core.db import transaction, utc
from pipeline.core.models import Heartbeat


def beat(factory: sessionmaker[Session], name: str, at: datetime, detail: dict | None = None):
    """Record that job NAME completed at AT (one row per job, overwritten). An upsert, because
    several workers beat for the same job at the same moment."""
    with transaction(factory) as session:
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        session.execute(insert(Heartbeat).values(name=name, at=at, detail=detail)
                        .on_conflict_do_update(index_elements=["name"],
                                               set_={"at": at, "detail": detail}))


def last(session: Session) -> dict[str, datetime]:
    return {row.name: utc(row.at) for row in session.scalars(select(Heartbeat))}
