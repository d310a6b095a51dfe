"""Properties of counting that must hold for any trigger (real Indonesian calendar 2020-2030)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from penetapan_cli.core.calendar import WorkCalendar
from penetapan_cli.core.counting import DayStatus, count_days
from penetapan_cli.core.rules import CountFrom, Roll, Unit
from penetapan_cli.sources.holidays import holidays_package_year

CALENDARS = {
    False: WorkCalendar(holidays_package_year),
    True: WorkCalendar(holidays_package_year, cuti_bersama_working=True),
}

triggers = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 6, 30))
units = st.sampled_from(list(Unit))
froms = st.sampled_from(list(CountFrom))
rolls = st.sampled_from(list(Roll))
days = st.integers(min_value=1, max_value=60)
cuti = st.booleans()


@settings(max_examples=300, deadline=None)
@given(triggers, days, units, froms, rolls, cuti)
def test_deadline_never_before_trigger(
    trigger: dt.date, n: int, unit: Unit, cf: CountFrom, roll: Roll, cuti_working: bool
) -> None:
    counted = count_days(trigger, n, unit, cf, roll, CALENDARS[cuti_working])
    assert counted.deadline >= trigger


@settings(max_examples=300, deadline=None)
@given(triggers, days, froms, cuti)
def test_working_deadline_is_working_day_with_n_counted(
    trigger: dt.date, n: int, cf: CountFrom, cuti_working: bool
) -> None:
    calendar = CALENDARS[cuti_working]
    counted = count_days(trigger, n, Unit.WORKING, cf, Roll.NONE, calendar)
    assert calendar.is_working(counted.deadline)
    start = trigger if cf is CountFrom.ON else trigger + dt.timedelta(days=1)
    span = (counted.deadline - start).days + 1
    working = [
        d for d in (start + dt.timedelta(days=i) for i in range(span)) if calendar.is_working(d)
    ]
    assert len(working) == n
    assert [t.date for t in counted.trace if t.status is DayStatus.COUNTED] == working


@settings(max_examples=300, deadline=None)
@given(triggers, st.integers(min_value=1, max_value=40), days, units, froms, rolls, cuti)
def test_later_trigger_never_earlier_deadline(
    trigger: dt.date, shift: int, n: int, unit: Unit, cf: CountFrom, roll: Roll, cuti_working: bool
) -> None:
    calendar = CALENDARS[cuti_working]
    early = count_days(trigger, n, unit, cf, roll, calendar)
    late = count_days(trigger + dt.timedelta(days=shift), n, unit, cf, roll, calendar)
    assert late.deadline >= early.deadline


@settings(max_examples=200, deadline=None)
@given(triggers, days, cuti)
def test_calendar_days_are_plain_addition(trigger: dt.date, n: int, cuti_working: bool) -> None:
    counted = count_days(
        trigger, n, Unit.CALENDAR, CountFrom.AFTER, Roll.NONE, CALENDARS[cuti_working]
    )
    assert counted.deadline == trigger + dt.timedelta(days=n)
