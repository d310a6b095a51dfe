"""Counting days: "N hari setelah X" and "N hari kerja terhitung sejak X", with a full trace."""

from __future__ import annotations

import datetime as dt
import enum
from typing import NamedTuple

from penetapan_cli.core.calendar import NonWorkingDay, WorkCalendar
from penetapan_cli.core.rules import CountFrom, Roll, Unit

ONE_DAY = dt.timedelta(days=1)
MAX_DAYS = 3660  # no rule counts ten years; a bound that keeps every count finite


class DayStatus(enum.Enum):
    TRIGGER = "trigger"  # the trigger day, not counted
    COUNTED = "counted"
    SKIPPED = "skipped"  # not a working day
    ROLLED = "rolled"  # the last day moved forward to this working day


class TraceDay(NamedTuple):
    date: dt.date
    status: DayStatus
    number: int | None = None
    reasons: tuple[NonWorkingDay, ...] = ()


class Count(NamedTuple):
    deadline: dt.date
    trace: tuple[TraceDay, ...]
    consulted_calendar: bool  # whether any day's working status decided the result


def count_days(
    trigger: dt.date,
    days: int,
    unit: Unit,
    count_from: CountFrom,
    roll: Roll,
    calendar: WorkCalendar,
    *,
    annotate: bool = False,
) -> Count:
    """Count ``days`` from ``trigger``.

    Calendar days: day 1 is the day after the trigger ("setelah"), or the trigger itself
    ("terhitung sejak"). Working days: non-working days are skipped; "terhitung sejak" makes the
    trigger day 1 when it is a working day. ``annotate`` adds, for calendar days, why a counted
    day is not a working day (information only: it does not change the count).
    """
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be between 1 and {MAX_DAYS}, got {days}")
    trace: list[TraceDay] = []
    number = 0
    date = trigger
    first = trigger if count_from is CountFrom.ON else trigger + ONE_DAY
    if first != trigger:
        reasons = calendar.closed_because(trigger) if annotate else ()
        trace.append(TraceDay(trigger, DayStatus.TRIGGER, None, reasons))
    date = first
    working = unit is Unit.WORKING
    while True:
        reasons = calendar.closed_because(date) if (working or annotate) else ()
        if working and reasons:
            trace.append(TraceDay(date, DayStatus.SKIPPED, None, reasons))
        else:
            number += 1
            trace.append(TraceDay(date, DayStatus.COUNTED, number, reasons))
            if number == days:
                break
        date += ONE_DAY
    consulted = working
    if roll is Roll.NEXT_WORKING_DAY and not working:
        consulted = True
        while not calendar.is_working(date):
            date += ONE_DAY
            reasons = calendar.closed_because(date)
            trace.append(
                TraceDay(date, DayStatus.SKIPPED if reasons else DayStatus.ROLLED, None, reasons)
            )
    return Count(deadline=date, trace=tuple(trace), consulted_calendar=consulted)


def count_deadline(
    trigger: dt.date,
    days: int,
    unit: Unit,
    count_from: CountFrom,
    roll: Roll,
    calendar: WorkCalendar,
) -> tuple[dt.date, bool]:
    """The deadline of ``count_days`` and whether the calendar decided it, without the trace.

    The same count, done with the calendar's index of working days (``nth_working_day``): a
    look-up per count instead of a walk over its days. tests/test_counting.py checks that both
    give the same deadline for every start date, unit, start and roll over several years.
    """
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be between 1 and {MAX_DAYS}, got {days}")
    first = trigger if count_from is CountFrom.ON else trigger + ONE_DAY
    if unit is Unit.WORKING:
        return calendar.nth_working_day(first, days), True
    last = first + dt.timedelta(days=days - 1)
    if roll is Roll.NEXT_WORKING_DAY:
        return calendar.nth_working_day(last, 1), True
    return last, False
