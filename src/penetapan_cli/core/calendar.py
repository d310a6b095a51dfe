"""The working-day calendar: weekends, public holidays, cuti bersama and the user's closures.

Working day ("hari kerja", PMK 3/2024 Pasal 1 angka 32): Monday to Friday except the official
holidays set by the Government. Holidays and cuti bersama come from a ``YearSource`` that the
caller passes in (sources/holidays.py reads the ``holidays`` package); the calendar reads nothing.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from penetapan_cli.core.rules import Text


class DayKind(enum.Enum):
    WEEKEND = "weekend"
    PUBLIC_HOLIDAY = "public-holiday"
    CUTI_BERSAMA = "cuti-bersama"
    CLOSURE = "closure"


class NonWorkingDay(NamedTuple):
    date: dt.date
    kind: DayKind
    name: Text
    estimated: bool = False


class YearCoverage(NamedTuple):
    """What the holiday data knows of one year."""

    year: int
    has_cuti_bersama: bool
    estimated: tuple[NonWorkingDay, ...]


YearSource = Callable[[int], Sequence[NonWorkingDay]]
"""Gives the public holidays and cuti bersama of one year."""

_WEEKEND_NAMES: dict[int, Text] = {
    5: {"id": "Sabtu", "en": "Saturday"},
    6: {"id": "Minggu", "en": "Sunday"},
}


class WorkCalendar:
    """Answers whether a day is a working day, and why not."""

    def __init__(
        self,
        source: YearSource,
        *,
        cuti_bersama_working: bool = False,
        closures: Iterable[NonWorkingDay] = (),
    ) -> None:
        self._source = source
        self.cuti_bersama_working = cuti_bersama_working
        self.closures = tuple(closures)
        self._years: dict[int, dict[dt.date, list[NonWorkingDay]]] = {}
        self._coverage: dict[int, YearCoverage] = {}
        self._working: dict[int, list[int]] = {}
        # What callers derive from the data of a span of years (first, last), kept with the
        # data it comes from: deadline.coverage_warnings keeps its warnings here.
        self.spans: dict[tuple[int, int], Any] = {}

    def _year(self, year: int) -> dict[dt.date, list[NonWorkingDay]]:
        table = self._years.get(year)
        if table is None:
            entries = tuple(self._source(year))
            table = {}
            for day in entries + tuple(c for c in self.closures if c.date.year == year):
                table.setdefault(day.date, []).append(day)
            self._years[year] = table
            self._coverage[year] = YearCoverage(
                year=year,
                has_cuti_bersama=any(e.kind is DayKind.CUTI_BERSAMA for e in entries),
                estimated=tuple(e for e in entries if e.estimated),
            )
        return table

    def year_days(self, year: int) -> list[NonWorkingDay]:
        """Every listed non-working day of ``year`` (weekends aside), by date."""
        table = self._year(year)
        return [day for date in sorted(table) for day in table[date]]

    def coverage(self, year: int) -> YearCoverage:
        self._year(year)
        return self._coverage[year]

    def listed(self, date: dt.date) -> tuple[NonWorkingDay, ...]:
        """Holidays, cuti bersama and closures on ``date`` (weekends not included)."""
        return tuple(self._year(date.year).get(date, ()))

    @staticmethod
    def weekend(date: dt.date) -> NonWorkingDay | None:
        name = _WEEKEND_NAMES.get(date.weekday())
        return None if name is None else NonWorkingDay(date, DayKind.WEEKEND, name)

    def closed_because(self, date: dt.date) -> tuple[NonWorkingDay, ...]:
        """Why ``date`` is not a working day; empty when it is one."""
        weekend = self.weekend(date)
        reasons = tuple(
            day
            for day in self.listed(date)
            if not (day.kind is DayKind.CUTI_BERSAMA and self.cuti_bersama_working)
        )
        return ((weekend,) if weekend else ()) + reasons

    def is_working(self, date: dt.date) -> bool:
        return not self.closed_because(date)

    def working_days(self, year: int) -> list[int]:
        """The ordinals (``date.toordinal()``) of the working days of ``year``, in order.

        Built once per year from ``is_working``, so that a count of working days is a look-up
        in this index rather than a walk over days."""
        days = self._working.get(year)
        if days is None:
            start = dt.date(year, 1, 1).toordinal()
            end = dt.date(year + 1, 1, 1).toordinal() if year < dt.MAXYEAR else start + 365
            fromordinal = dt.date.fromordinal
            days = [o for o in range(start, end) if self.is_working(fromordinal(o))]
            self._working[year] = days
        return days

    def nth_working_day(self, first: dt.date, n: int) -> dt.date:
        """The ``n``-th working day (``n`` >= 1) on or after ``first``: ``first`` itself is the
        first when it is a working day."""
        if n < 1:
            raise ValueError(f"n must be at least 1, got {n}")
        year, ordinal = first.year, first.toordinal()
        while True:
            days = self.working_days(year)
            i = bisect.bisect_left(days, ordinal)
            if i + n <= len(days):
                return dt.date.fromordinal(days[i + n - 1])
            n -= len(days) - i
            year += 1

    def previous_working_day(self, date: dt.date) -> dt.date:
        """The last working day before ``date``, found in the index of working days rather
        than by a walk back over the days."""
        year, ordinal = date.year, date.toordinal()
        while True:
            days = self.working_days(year)
            i = bisect.bisect_left(days, ordinal)
            if i:
                return dt.date.fromordinal(days[i - 1])
            if year <= dt.MINYEAR:
                raise ValueError(f"no working day before {date.isoformat()}")
            year -= 1
