# SPDX-License-Identifier: AGPL-3.0-or-later
"""Who is away today and who holds their steps (read-only; `away.py` changes things)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.core.models_away import Absence
from pipeline.core.officials import Official


@dataclass(frozen=True)
class Holder:
    official: Official             # who holds the owner's steps today
    absence: Absence | None        # the owner's absence, None when the owner holds them


def today(cfg, now: datetime) -> date:
    return now.astimezone(ZoneInfo(cfg.office.timezone)).date()


def current(session: Session, code: str, day: date) -> Absence | None:
    """CODE's absence running on DAY, the latest set first."""
    return session.scalar(select(Absence).where(
        Absence.official == code, Absence.starts_on <= day, Absence.ends_on >= day,
        Absence.ended_at.is_(None)).order_by(Absence.id.desc()).limit(1))


def holder(session: Session, by_code: dict[str, Official], owner: Official, day: date
           ) -> Holder:
    """Who holds OWNER's steps on DAY: OWNER, or the delegate (followed while away too)."""
    absence = current(session, owner.code, day)
    if absence is None:
        return Holder(owner, None)
    seen, cur = {owner.code}, by_code.get(absence.delegate)
    while cur is not None and cur.code not in seen:
        seen.add(cur.code)
        onward = current(session, cur.code, day)
        if onward is None or onward.delegate not in by_code:
            return Holder(cur, absence)
        cur = by_code[onward.delegate]
    return Holder(owner, None)          # everyone in the loop is away: it stays with the owner


def listing(session: Session, day: date | None = None) -> list[Absence]:
    """Absences not ended and not yet over on DAY (every one when DAY is None)."""
    query = select(Absence).order_by(Absence.starts_on, Absence.id)
    if day is not None:
        query = query.where(Absence.ended_at.is_(None), Absence.ends_on >= day)
    return list(session.scalars(query))


