"""Counting days: table-driven cases; each expected date names where it comes from.

Holiday facts used below are those of the SKB 3 Menteri for 2024 and 2025 as carried by the
`holidays` package (categories public and government):
- 2024: 25 Dec Natal (public holiday), 26 Dec cuti bersama Natal.
- 2025: 28 Mar cuti bersama Nyepi, 29 Mar Nyepi (Sat), 31 Mar and 1 Apr Idul Fitri,
  2, 3, 4 and 7 Apr cuti bersama Idul Fitri.
"""

from __future__ import annotations

import datetime as dt

import pytest

from penetapan_cli.core.calendar import DayKind, NonWorkingDay, WorkCalendar
from penetapan_cli.core.counting import DayStatus, count_days, count_deadline
from penetapan_cli.core.rules import CountFrom, Roll, Unit
from penetapan_cli.sources.holidays import holidays_package_year

D = dt.date
CAL, WORK = Unit.CALENDAR, Unit.WORKING
AFTER, ON = CountFrom.AFTER, CountFrom.ON


@pytest.mark.parametrize(
    ("trigger", "days", "unit", "count_from", "cuti_working", "expected"),
    [
        # "3 hari setelah": Tue 4 Feb 2025 + 3 calendar days = Fri 7 Feb 2025 (Medan;
        # docs/legal-basis.md, "Counting days").
        (D(2025, 2, 4), 3, CAL, AFTER, False, D(2025, 2, 7)),
        # Calendar days run through weekends: Thu 6 Feb 2025 + 3 = Sun 9 Feb 2025, no roll.
        (D(2025, 2, 6), 3, CAL, AFTER, False, D(2025, 2, 9)),
        # Trigger on a Saturday, calendar days: Sat 8 Feb 2025 + 3 = Tue 11 Feb 2025.
        (D(2025, 2, 8), 3, CAL, AFTER, False, D(2025, 2, 11)),
        # Trigger on a Saturday, working days: Sun 9 skipped; Mon 10, Tue 11, Wed 12 Feb 2025.
        (D(2025, 2, 8), 3, WORK, AFTER, False, D(2025, 2, 12)),
        # Christmas 2024, working days from Mon 23 Dec: Tue 24 (1), 25 Natal and 26 cuti bersama
        # skipped, Fri 27 (2), weekend skipped, Mon 30 Dec (3).
        (D(2024, 12, 23), 3, WORK, AFTER, False, D(2024, 12, 30)),
        # Same, cuti bersama as working days: Tue 24 (1), 25 skipped, Thu 26 (2), Fri 27 (3).
        (D(2024, 12, 23), 3, WORK, AFTER, True, D(2024, 12, 27)),
        # Trigger on a holiday (Wed 25 Dec 2024): 26 cuti bersama skipped, Fri 27 (1),
        # weekend skipped, Mon 30 (2), Tue 31 Dec 2024 (3).
        (D(2024, 12, 25), 3, WORK, AFTER, False, D(2024, 12, 31)),
        # Idul Fitri 2025 from Thu 27 Mar: 28 Mar cuti, 29-30 weekend/Nyepi, 31 Mar-1 Apr Idul
        # Fitri, 2-4 Apr cuti, 5-6 weekend, 7 Apr cuti; Tue 8 (1), Wed 9 (2), Thu 10 Apr (3).
        (D(2025, 3, 27), 3, WORK, AFTER, False, D(2025, 4, 10)),
        # Same, cuti bersama as working days: Fri 28 Mar (1), Wed 2 Apr (2), Thu 3 Apr (3).
        (D(2025, 3, 27), 3, WORK, AFTER, True, D(2025, 4, 3)),
        # Same span in calendar days: Thu 27 Mar + 3 = Sun 30 Mar 2025, whatever the holidays.
        (D(2025, 3, 27), 3, CAL, AFTER, False, D(2025, 3, 30)),
        # "3 hari kerja terhitung sejak" a working day (Wed 5 Feb 2025): 5 (1), 6 (2), 7 (3).
        (D(2025, 2, 5), 3, WORK, ON, False, D(2025, 2, 7)),
        # "terhitung sejak" a Saturday (8 Feb 2025): day 1 is Mon 10; 11 (2), Wed 12 Feb (3).
        (D(2025, 2, 8), 3, WORK, ON, False, D(2025, 2, 12)),
        # "terhitung sejak" in calendar days: Wed 5 Feb 2025 is day 1, day 3 is Fri 7 Feb.
        (D(2025, 2, 5), 3, CAL, ON, False, D(2025, 2, 7)),
    ],
)
def test_count(
    trigger: dt.date,
    days: int,
    unit: Unit,
    count_from: CountFrom,
    cuti_working: bool,
    expected: dt.date,
    calendar: WorkCalendar,
    calendar_no_cuti: WorkCalendar,
) -> None:
    cal = calendar_no_cuti if cuti_working else calendar
    assert count_days(trigger, days, unit, count_from, Roll.NONE, cal).deadline == expected


def test_roll_forward_moves_a_sunday_to_monday(calendar: WorkCalendar) -> None:
    # Thu 6 Feb 2025 + 3 calendar days = Sun 9 Feb; rolled forward to Mon 10 Feb 2025.
    counted = count_days(D(2025, 2, 6), 3, CAL, AFTER, Roll.NEXT_WORKING_DAY, calendar)
    assert counted.deadline == D(2025, 2, 10)
    assert [t.status for t in counted.trace[-2:]] == [DayStatus.COUNTED, DayStatus.ROLLED]
    assert counted.consulted_calendar


def test_roll_forward_over_idul_fitri(calendar: WorkCalendar) -> None:
    # Mon 31 Mar 2025 (Idul Fitri) is day 3 after Fri 28 Mar; 1 Apr holiday, 2-4 Apr cuti,
    # 5-6 weekend, 7 Apr cuti: the first working day is Tue 8 Apr 2025.
    counted = count_days(D(2025, 3, 28), 3, CAL, AFTER, Roll.NEXT_WORKING_DAY, calendar)
    assert counted.deadline == D(2025, 4, 8)


def test_trace_lists_every_day_with_reasons(calendar: WorkCalendar) -> None:
    counted = count_days(D(2024, 12, 23), 3, WORK, AFTER, Roll.NONE, calendar)
    rows = [(t.date.day, t.status, t.number, [r.kind for r in t.reasons]) for t in counted.trace]
    assert rows == [
        (23, DayStatus.TRIGGER, None, []),
        (24, DayStatus.COUNTED, 1, []),
        (25, DayStatus.SKIPPED, None, [DayKind.PUBLIC_HOLIDAY]),
        (26, DayStatus.SKIPPED, None, [DayKind.CUTI_BERSAMA]),
        (27, DayStatus.COUNTED, 2, []),
        (28, DayStatus.SKIPPED, None, [DayKind.WEEKEND]),
        (29, DayStatus.SKIPPED, None, [DayKind.WEEKEND]),
        (30, DayStatus.COUNTED, 3, []),
    ]
    assert counted.trace[2].reasons[0].name == {"id": "Hari Raya Natal", "en": "Christmas Day"}


def test_calendar_count_does_not_consult_the_calendar() -> None:
    def no_source(year: int) -> tuple[()]:
        raise AssertionError(f"holiday data for {year} was read for a calendar-day count")

    counted = count_days(D(2025, 2, 4), 3, CAL, AFTER, Roll.NONE, WorkCalendar(no_source))
    assert counted.deadline == D(2025, 2, 7)
    assert not counted.consulted_calendar


@pytest.mark.parametrize("days", [0, -1, 3661])
def test_days_out_of_bounds(days: int, calendar: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="days must be between"):
        count_days(D(2025, 2, 4), days, CAL, AFTER, Roll.NONE, calendar)


# --- the indexed count (batch) against the day-by-day count ----------------------------------

_CLOSURES = (  # a user's closures across a year end, to check they enter the index too
    NonWorkingDay(D(2024, 12, 31), DayKind.CLOSURE, {"id": "Tutup", "en": "Closed"}),
    NonWorkingDay(D(2025, 1, 2), DayKind.CLOSURE, {"id": "Tutup", "en": "Closed"}),
)


@pytest.mark.parametrize("cuti_working", [False, True])
@pytest.mark.parametrize("closures", [(), _CLOSURES], ids=["no-closures", "closures"])
def test_indexed_count_equals_the_walk_over_days(
    cuti_working: bool, closures: tuple[NonWorkingDay, ...]
) -> None:
    # Every start date from 1 Dec 2023 to 31 Jan 2026 (Christmas and New Year twice, Idul Fitri
    # 2024 and 2025 with their cuti bersama, year ends crossed), every unit, start and roll.
    walk = WorkCalendar(holidays_package_year, cuti_bersama_working=cuti_working, closures=closures)
    index = WorkCalendar(
        holidays_package_year, cuti_bersama_working=cuti_working, closures=closures
    )
    trigger = D(2023, 12, 1)
    while trigger <= D(2026, 1, 31):
        for days in (1, 3, 14):
            for unit in (CAL, WORK):
                for count_from in (AFTER, ON):
                    for roll in (Roll.NONE, Roll.NEXT_WORKING_DAY):
                        counted = count_days(trigger, days, unit, count_from, roll, walk)
                        fast = count_deadline(trigger, days, unit, count_from, roll, index)
                        assert fast == (counted.deadline, counted.consulted_calendar), (
                            trigger, days, unit, count_from, roll
                        )  # fmt: skip
        trigger += dt.timedelta(days=1)


def test_indexed_count_over_many_years(calendar: WorkCalendar) -> None:
    # 260 working days reach into the next year from any start: the index walks year by year.
    for trigger in (D(2024, 6, 3), D(2024, 12, 24), D(2025, 3, 27)):
        counted = count_days(trigger, 260, WORK, AFTER, Roll.NONE, calendar)
        assert count_deadline(trigger, 260, WORK, AFTER, Roll.NONE, calendar) == (
            counted.deadline,
            True,
        )


def test_nth_working_day_checks_its_argument(calendar: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        calendar.nth_working_day(D(2025, 2, 4), 0)


@pytest.mark.parametrize("days", [0, -1, 3661])
def test_indexed_days_out_of_bounds(days: int, calendar: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="days must be between"):
        count_deadline(D(2025, 2, 4), days, CAL, AFTER, Roll.NONE, calendar)


@pytest.mark.parametrize("cuti_working", [False, True])
@pytest.mark.parametrize("closures", [(), _CLOSURES], ids=["no-closures", "closures"])
def test_previous_working_day_equals_the_walk_back(
    cuti_working: bool, closures: tuple[NonWorkingDay, ...]
) -> None:
    # The calendar reminder's day (render/ics.py): the last working day before each date from
    # 1 Dec 2023 to 31 Jan 2026, by the index, against a walk back with is_working.
    calendar = WorkCalendar(
        holidays_package_year, cuti_bersama_working=cuti_working, closures=closures
    )
    date = D(2023, 12, 1)
    while date <= D(2026, 1, 31):
        day = date - dt.timedelta(days=1)
        while not calendar.is_working(day):
            day -= dt.timedelta(days=1)
        assert calendar.previous_working_day(date) == day, date
        date += dt.timedelta(days=1)


def test_previous_working_day_across_new_year(calendar: WorkCalendar) -> None:
    # Thu 2 Jan 2025: 1 Jan is New Year's Day (public holiday) and Tue 31 Dec 2024 a working
    # day (SKB 3 Menteri 2024: cuti bersama on 26 Dec only), so the index of 2024 answers.
    assert calendar.previous_working_day(D(2025, 1, 2)) == D(2024, 12, 31)
