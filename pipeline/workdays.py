# SPDX-License-Identifier: AGPL-3.0-or-later
"""Working days: weekends, Indonesian public holidays and the office's extra days off."""
from __future__ import annotations

from datetime import date, timedelta
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
