# SPDX-License-Identifier: AGPL-3.0-or-later
"""Working days: weekends, Indonesian public holidays and the office's extra days off."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=16)
def _national(year: int) -> frozenset[date]:
    return frozenset(holidays.Indonesia(years=year))


class Calendar:
    """EXTRA holds cuti bersama and local days off, as ISO dates from config."""

    def __init__(self, extra: list[str] | tuple[str, ...] = ()):
        self.extra = frozenset(date.fromisoformat(d) for d in extra)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in _national(day.year) and day not in self.extra

    def add_working_days(self, start: date, days: int) -> date:
        """The date DAYS working days after START (START itself not counted)."""
        day = start
        while days > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                days -= 1
        return day


class OfficeHours:
    """Working time: the office's daily hours on working days, for step targets in hours."""

    def __init__(self, calendar: Calendar, zone: str, hours: str = "07:30-16:00"):
        from zoneinfo import ZoneInfo
        start, end = hours.split("-")
        self.calendar = calendar
        self.zone = ZoneInfo(zone)
        self.open = time.fromisoformat(start)
        self.close = time.fromisoformat(end)
        self.day = (datetime.combine(date.min, self.close)
                    - datetime.combine(date.min, self.open)).total_seconds() / 3600

    def add(self, start: datetime, hours: float) -> datetime:
        """START plus HOURS of working time (time outside office hours does not count)."""
        moment = start.astimezone(self.zone)
        left = timedelta(hours=hours)
        while True:
            day = moment.date()
            opens = datetime.combine(day, self.open, self.zone)
            closes = datetime.combine(day, self.close, self.zone)
            if not self.calendar.is_working_day(day) or moment >= closes:
                moment = datetime.combine(day + timedelta(days=1), self.open, self.zone)
                continue
            moment = max(moment, opens)
            if moment + left <= closes:
                return (moment + left).astimezone(start.tzinfo)
            left -= closes - moment
            moment = datetime.combine(day + timedelta(days=1), self.open, self.zone)
