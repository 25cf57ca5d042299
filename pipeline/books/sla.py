# SPDX-License-Identifier: AGPL-3.0-or-later
"""The service promise: a written answer within N working days, and who is holding it up.

`open_cases` is the clerk's morning list (what is late, with whom); `turnaround` is the plain
data a monthly report needs (how long each hand-over takes, how often the promise is kept).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pipeline.books.rows import DEFAULT_ZONE, day_bound, local_date
from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry, Event, Step
from pipeline.core.states import OPEN, Status
from pipeline.core.workdays import Calendar

STEP_KINDS = ("disposition", "drafting", "paraf")
REACHED = (Status.INITIALLED.value, Status.SIGNED.value, Status.SENT.value, Status.CLOSED.value)


@dataclass
class SlaRow:
    """One open case against the promise; `days_left` < 0 means that many working days late."""
    entry_id: int
    agenda_no: str | None
    status: str
    opd: str | None
    hal: str | None
    received_on: date
    due_on: date
    days_left: int
    overdue: bool
    step_kind: str | None = None
    step_official: str | None = None
    step_due_at: datetime | None = None
    step_overdue: bool = False


def working_days_between(calendar: Calendar, start: date, end: date) -> int:
    """Working days in (START, END]; negative when END is before START."""
    if end < start:
        return -working_days_between(calendar, end, start)
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += calendar.is_working_day(day)
    return count


def due_date(entry: AgendaEntry, calendar: Calendar, zone: ZoneInfo, promise_days: int) -> date:
    """The date fixed at registration, or the promise counted from the day it arrived."""
    if entry.due_on:
        return entry.due_on
    return calendar.add_working_days(local_date(entry.received_at, zone), promise_days)


def open_cases(session: Session, calendar: Calendar, now: datetime, promise_days: int = 3, *,
               zone: str = DEFAULT_ZONE) -> list[SlaRow]:
    """Every open case, late ones first, then by due date; with the step it waits on."""
    tz = ZoneInfo(zone)
    now = utc(now)
    today = now.astimezone(tz).date()
    entries = session.scalars(select(AgendaEntry).where(
        AgendaEntry.status.in_([s.value for s in OPEN]))).all()
    steps: dict[int, Step] = {}
    if entries:
        for step in session.scalars(select(Step).where(
                Step.status == "open", Step.entry_id.in_([e.id for e in entries]))
                .order_by(Step.due_at, Step.id)):
            steps.setdefault(step.entry_id, step)       # the one due first
    rows = []
    for entry in entries:
        due = due_date(entry, calendar, tz, promise_days)
        overdue = due < today
        left = working_days_between(calendar, today, due)
        if overdue:
            left = min(left, -1)        # late on a weekend is still late
        step = steps.get(entry.id)
        letter = entry.letter or {}
        rows.append(SlaRow(
            entry_id=entry.id, agenda_no=entry.agenda_no, status=entry.status,
            opd=entry.opd_name or entry.opd_code, hal=letter.get("hal") or entry.subject,
            received_on=local_date(entry.received_at, tz), due_on=due, days_left=left,
            overdue=overdue, step_kind=step.kind if step else None,
            step_official=step.official if step else None,
            step_due_at=utc(step.due_at) if step else None,
            step_overdue=bool(step and utc(step.due_at) < now)))
    far = datetime.max.replace(tzinfo=now.tzinfo)
    rows.sort(key=lambda r: (not r.overdue, r.due_on, r.step_due_at or far, r.entry_id))
    return rows


def per_official(rows: list[SlaRow]) -> list[dict]:
    """Open cases per official holding the current step (None: nobody yet), most late first."""
    counts: dict[str | None, dict] = {}
    for row in rows:
        c = counts.setdefault(row.step_official, {"official": row.step_official, "open": 0,
                                                  "overdue": 0, "step_overdue": 0})
        c["open"] += 1
        c["overdue"] += row.overdue
        c["step_overdue"] += row.step_overdue
    return sorted(counts.values(),
                  key=lambda c: (-c["overdue"], -c["step_overdue"], -c["open"],
                                 c["official"] is None, c["official"] or ""))


def percentile(values: list[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (as numpy's default); None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


@dataclass
class Durations:
    """Hours from a step's opening to its closing, for one group of done steps."""
    count: int
    median_hours: float | None
    p90_hours: float | None

    @classmethod
    def of(cls, hours: list[float]) -> "Durations":
        return cls(len(hours), percentile(hours, 0.5), percentile(hours, 0.9))


@dataclass
class Turnaround:
    since: date | datetime
    until: date | datetime
    by_kind: dict[str, Durations] = field(default_factory=dict)
    by_official: dict[str, Durations] = field(default_factory=dict)
    by_kind_official: dict[tuple[str, str], Durations] = field(default_factory=dict)
    cases: int = 0                   # registered cases received in the period
    kept: int = 0                    # of those, initialled or beyond by their due date
    kept_share: float | None = None


def turnaround(session: Session, since: date | datetime, until: date | datetime, *,
               calendar: Calendar | None = None, promise_days: int = 3,
               zone: str = DEFAULT_ZONE) -> Turnaround:
    """Done steps closed in [SINCE, UNTIL] (local days) and cases received in that period.

    A case keeps the promise when its first move to initialled (or later) falls on or
    before its due date; cases never registered (incomplete, rejected...) are not counted.
    """
    tz = ZoneInfo(zone)
    calendar = calendar or Calendar()
    start, end = day_bound(since, tz, end=False), day_bound(until, tz, end=True)
    result = Turnaround(since, until)
    groups: dict[tuple[str, str], list[float]] = defaultdict(list)
    for step in session.scalars(select(Step).where(
            Step.status == "done", Step.closed_at.is_not(None),
            Step.closed_at >= start, Step.closed_at < end)):
        hours = (utc(step.closed_at) - utc(step.opened_at)).total_seconds() / 3600
        groups[(step.kind, step.official)].append(hours)
    kinds, officials = defaultdict(list), defaultdict(list)
    for (kind, official), hours in sorted(groups.items()):
        kinds[kind] += hours
        officials[official] += hours
        result.by_kind_official[(kind, official)] = Durations.of(hours)
    result.by_kind = {k: Durations.of(kinds.get(k, [])) for k in STEP_KINDS}
    result.by_kind.update({k: Durations.of(v) for k, v in kinds.items() if k not in STEP_KINDS})
    result.by_official = {o: Durations.of(v) for o, v in sorted(officials.items())}

    reached = (select(Event.entry_id, func.min(Event.at).label("at"))
               .where(Event.to_status.in_(REACHED)).group_by(Event.entry_id).subquery())
    query = (select(AgendaEntry, reached.c.at)
             .outerjoin(reached, reached.c.entry_id == AgendaEntry.id)
             .where(AgendaEntry.registered_at.is_not(None), AgendaEntry.book != "complaint",
                    AgendaEntry.received_at >= start, AgendaEntry.received_at < end))
    for entry, at in session.execute(query):
        result.cases += 1
        if at is not None and local_date(at, tz) <= due_date(entry, calendar, tz, promise_days):
            result.kept += 1
    result.kept_share = result.kept / result.cases if result.cases else None
    return result
