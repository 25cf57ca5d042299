# SPDX-License-Identifier: AGPL-3.0-or-later
"""The cases waiting to be started (routed and sent for disposition), and the claim that lets
only one worker start each."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.core import states
from pipeline.core.models import AgendaEntry, Step


def cases_to_start(session: Session) -> list[int]:
    """Registered cases that have no disposition and no open step yet."""
    return list(session.scalars(_waiting().order_by(AgendaEntry.id)))


def claim_to_start(session: Session, entry_id: int) -> AgendaEntry | None:
    """ENTRY_ID locked for this transaction if it still waits to be started, else None: a
    case another worker holds (SKIP LOCKED on PostgreSQL; SQLite's write gate lets one writer
    in at a time) or has started meanwhile is left alone."""
    return session.scalar(_waiting().with_only_columns(AgendaEntry)
                          .where(AgendaEntry.id == entry_id)
                          .with_for_update(skip_locked=True))


def _waiting():
    has_step = select(Step.entry_id).where(Step.status == "open")
    return select(AgendaEntry.id).where(
        AgendaEntry.status == states.Status.REGISTERED.value, AgendaEntry.id.not_in(has_step),
        AgendaEntry.book != "complaint")       # a complaint has its own step from the start

