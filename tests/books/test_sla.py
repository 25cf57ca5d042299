# SPDX-License-Identifier: AGPL-3.0-or-later
"""The three-working-day promise: open cases, who holds them, and how long steps take."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest

from pipeline.books import sla
from pipeline.core.workdays import Calendar
from tests.books import UTC, add_case, add_step

WIB = ZoneInfo("Asia/Jakarta")
INDEPENDENCE = date(2026, 8, 17)
NOW = datetime(2026, 8, 18, 10, tzinfo=WIB)          # Tuesday after the holiday


def test_the_chosen_dates_are_real_holidays():
    """GIVEN the holidays package WHEN asked about 2026 THEN 17 August is a Monday holiday
    (so 14 August is the Friday before it) and Christmas is a Friday."""
    assert INDEPENDENCE in holidays.Indonesia(years=2026) and INDEPENDENCE.weekday() == 0
    assert date(2026, 12, 25) in holidays.Indonesia(years=2026)


@pytest.fixture
def cases(app):
    with app.session() as s:
        friday = add_case(s, 1, received=datetime(2026, 8, 14, 9, tzinfo=WIB))   # no due_on
        add_step(s, friday, "disposition", "inspektur", opened=datetime(2026, 8, 14, 9, tzinfo=WIB),
                 due=datetime(2026, 8, 17, 9, tzinfo=WIB))
        late = add_case(s, 2, received=datetime(2026, 8, 10, 9, tzinfo=WIB), status="drafted",
                        due_on=date(2026, 8, 13))
        add_step(s, late, "paraf", "irban-3", opened=datetime(2026, 8, 12, tzinfo=WIB),
                 due=datetime(2026, 8, 14, 16, tzinfo=WIB))
        add_step(s, late, "paraf", "sekretaris", opened=datetime(2026, 8, 12, tzinfo=WIB),
                 due=datetime(2026, 8, 25, tzinfo=WIB), stage=1)     # the next level
        add_step(s, late, "drafting", "auditor-9", opened=datetime(2026, 8, 10, tzinfo=WIB),
                 hours=5)
        less = add_case(s, 3, received=datetime(2026, 8, 11, 9, tzinfo=WIB), status="disposed",
                        due_on=date(2026, 8, 14))
        add_step(s, less, "drafting", "auditor-1a", opened=datetime(2026, 8, 14, tzinfo=WIB),
                 due=datetime(2026, 8, 20, tzinfo=WIB))
        add_case(s, 4, received=datetime(2026, 8, 18, 8, tzinfo=WIB), status="incomplete")
        add_case(s, 5, received=datetime(2026, 8, 3, 8, tzinfo=WIB), status="closed",
                 due_on=date(2026, 8, 6))
    return app


def test_a_friday_case_before_a_holiday_is_due_after_weekend_and_holiday(cases):
    """GIVEN a case received on Friday 14 August 2026 without a stored due date WHEN the
    promise is computed THEN Saturday, Sunday and Monday 17 August are skipped: due Thursday
    20 August, two working days left on Tuesday 18; an extra day off pushes it one more."""
    with cases.session() as s:
        rows = {r.agenda_no: r for r in sla.open_cases(s, Calendar(), NOW)}
        extra = {r.agenda_no: r for r in sla.open_cases(s, Calendar(["2026-08-19"]), NOW)}
    friday = rows["001/INSP/2026"]
    assert friday.received_on == date(2026, 8, 14)
    assert friday.due_on == date(2026, 8, 20) and friday.days_left == 2 and not friday.overdue
    assert (friday.step_kind, friday.step_official, friday.step_overdue) == (
        "disposition", "inspektur", True)
    assert extra["001/INSP/2026"].due_on == date(2026, 8, 21)
    assert extra["001/INSP/2026"].days_left == 2                   # 19 August is off


def test_overdue_cases_come_first_and_are_counted_per_official(cases):
    """GIVEN two late cases, one on time, one incomplete and one closed WHEN listed THEN the
    closed one is absent, late ones lead (latest due first) with negative working days, the
    current step is the one due first, and the summary counts per official."""
    with cases.session() as s:
        rows = sla.open_cases(s, Calendar(), NOW)
    assert [r.agenda_no for r in rows] == ["002/INSP/2026", "003/INSP/2026", "001/INSP/2026",
                                           "004/INSP/2026"]
    late, less, _, incomplete = rows
    assert (late.overdue, late.days_left) == (True, -2)     # Friday 14 and Tuesday 18
    assert (less.overdue, less.days_left) == (True, -1)
    assert (late.step_official, late.step_overdue) == ("irban-3", True)
    assert (less.step_official, less.step_overdue) == ("auditor-1a", False)
    assert incomplete.due_on == date(2026, 8, 21) and incomplete.step_kind is None
    assert sla.per_official(rows) == [
        {"official": "irban-3", "open": 1, "overdue": 1, "step_overdue": 1},
        {"official": "auditor-1a", "open": 1, "overdue": 1, "step_overdue": 0},
        {"official": "inspektur", "open": 1, "overdue": 0, "step_overdue": 1},
        {"official": None, "open": 1, "overdue": 0, "step_overdue": 0},
    ]


def test_late_on_a_weekend_is_still_late(cases):
    """GIVEN a case due on Friday 14 August WHEN listed on Saturday THEN no working day has
    passed, yet it is one day late (never zero); the working-day count skips the Christmas
    holiday and the weekend after it."""
    with cases.session() as s:
        rows = {r.agenda_no: r for r in sla.open_cases(s, Calendar(),
                                                       datetime(2026, 8, 15, 10, tzinfo=WIB))}
    assert (rows["003/INSP/2026"].overdue, rows["003/INSP/2026"].days_left) == (True, -1)
    cal = Calendar()
    assert sla.working_days_between(cal, date(2026, 12, 24), date(2026, 12, 29)) == 2
    assert sla.working_days_between(cal, date(2026, 12, 29), date(2026, 12, 24)) == -2


def test_turnaround_gives_median_and_p90_per_step_and_official(app):
    """GIVEN done steps of known lengths in March (plus open, superseded and April ones)
    WHEN the turnaround is computed THEN counts, medians and 90th percentiles match, and the
    promise share counts initialled-or-later by the local due date."""
    start = datetime(2026, 3, 2, 1, tzinfo=UTC)
    with app.session() as s:
        kept = add_case(s, 1, received=start, status="initialled", due_on=date(2026, 3, 5),
                        moved={"initial": datetime(2026, 3, 5, 8, tzinfo=UTC)})
        add_case(s, 2, received=start, status="initialled", due_on=date(2026, 3, 5),
                 moved={"initial": datetime(2026, 3, 5, 20, tzinfo=UTC)})   # 6 March WIB
        add_case(s, 3, received=start, status="disposed", due_on=date(2026, 3, 5))
        add_case(s, 4, received=start, status="sent", due_on=date(2026, 3, 5),
                 moved={"initial": datetime(2026, 3, 3, tzinfo=UTC),
                        "sign": datetime(2026, 3, 4, tzinfo=UTC)})
        add_case(s, 5, received=start, status="incomplete")
        for hours in (1, 2, 3, 4):
            add_step(s, kept, "disposition", "inspektur", opened=start, hours=hours)
        add_step(s, kept, "drafting", "auditor-1a", opened=start, hours=10)
        for hours in (15, 5):
            add_step(s, kept, "paraf", "irban-3", opened=start, hours=hours)
        add_step(s, kept, "paraf", "irban-3", opened=start)                      # open
        add_step(s, kept, "paraf", "irban-3", opened=start + timedelta(days=40), hours=99)
        sup = add_step(s, kept, "paraf", "sekretaris", opened=start, hours=1)
        sup.status = "superseded"
    with app.session() as s:
        t = sla.turnaround(s, date(2026, 3, 1), date(2026, 3, 31))
    assert t.by_kind["disposition"] == sla.Durations(4, 2.5, pytest.approx(3.7))
    assert t.by_kind["drafting"] == sla.Durations(1, 10.0, 10.0)
    assert t.by_kind["paraf"] == sla.Durations(2, 10.0, pytest.approx(14.0))
    assert set(t.by_official) == {"inspektur", "auditor-1a", "irban-3"}
    assert t.by_official["irban-3"].count == 2
    assert t.by_kind_official[("paraf", "irban-3")].median_hours == 10.0
    assert (t.cases, t.kept, t.kept_share) == (4, 2, 0.5)
