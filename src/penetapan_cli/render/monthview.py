"""The month view of a count (``deadline --calendar``): the month grids from the trigger to the
deadline, weeks from Monday to Sunday, each day marked with symbols, so that it reads the same
without colour, piped, and in an ASCII console.

Under each week's dates a line of marks: ``>`` the trigger date, the number of each counted
day, ``!`` the deadline, ``-`` a weekend skipped, ``*`` a public holiday, ``+`` cuti bersama,
``x`` an office closure (these three on every day of the months shown). A day can carry
several: ``3!`` is day 3 and the deadline, ``>*`` a trigger date that is a holiday.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt

from penetapan_cli import reports
from penetapan_cli.core.calendar import DayKind, WorkCalendar
from penetapan_cli.core.counting import DayStatus, TraceDay
from penetapan_cli.core.rules import Unit
from penetapan_cli.messages import (
    DAY_KINDS,
    LABELS,
    MONTH_VIEW,
    format_date,
    month_name,
    weekday_name,
)
from penetapan_cli.render.terminal import BOLD, GREEN, Console

TRIGGER = ">"
DEADLINE = "!"
WEEKEND = "-"
KIND_MARKS = {DayKind.PUBLIC_HOLIDAY: "*", DayKind.CUTI_BERSAMA: "+", DayKind.CLOSURE: "x"}
MIN_WIDTH = 5  # a cell: "  Sen", "   27", "  >*"


def day_marks(
    date: dt.date,
    *,
    trigger: dt.date,
    deadline: dt.date,
    trace: dict[dt.date, TraceDay],
    calendar: WorkCalendar,
) -> str:
    """The marks of one day (see the module's docstring); "" for a plain day."""
    marks = TRIGGER if date == trigger else ""
    day = trace.get(date)
    if day is not None and day.status is DayStatus.COUNTED:
        marks += str(day.number)
    if date == deadline:
        marks += DEADLINE
    reasons = calendar.closed_because(date)
    kinds = [r.kind for r in reasons if r.kind is not DayKind.WEEKEND]
    if kinds:
        marks += KIND_MARKS[kinds[0]]
    elif day is not None and day.status is DayStatus.SKIPPED:
        marks += WEEKEND
    return marks


def _months(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def render_month_view(console: Console, report: reports.DeadlineReport) -> None:
    """The month grids of the card's count (its first option), a legend and the days off."""
    lang = report.lang
    option = report.comparison.primary
    result = option.result
    if result.deadline is None or result.unit is None:
        return  # no deadline yet: the card says what happens next
    trigger, deadline, calendar = option.trigger_date, result.deadline, report.calendar
    trace = {day.date: day for day in result.trace}
    months = _months(trigger, deadline)
    shown = [
        dt.date(year, month, day)
        for year, month in months
        for day in range(1, month_calendar.monthrange(year, month)[1] + 1)
    ]
    marks = {
        d: day_marks(d, trigger=trigger, deadline=deadline, trace=trace, calendar=calendar)
        for d in shown
    }
    width = max(MIN_WIDTH, *(len(m) + 2 for m in marks.values()))
    weekdays = [weekday_name(dt.date(2024, 1, 1 + i), lang)[:3] for i in range(7)]  # Mon 1 Jan

    def cell(text: str, date: dt.date | None = None) -> str:
        padded = text.rjust(width)
        if date == deadline:
            return console.style(padded, BOLD, GREEN)
        if date == trigger:
            return console.bold(padded)
        return padded

    console.print()
    console.print(console.bold(MONTH_VIEW["title"][lang]))
    key = "working_days" if result.unit is Unit.WORKING else "calendar_days"
    console.print(MONTH_VIEW[key][lang])
    for year, month in months:
        console.print()
        console.print(console.bold(f"{month_name(month, lang)} {year}"))
        console.print("".join(cell(name) for name in weekdays).rstrip())
        for week in month_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
            days = [d if d.month == month else None for d in week]
            console.print("".join(cell(str(d.day), d) if d else cell("") for d in days).rstrip())
            line = "".join(cell(marks[d], d) if d else cell("") for d in days)
            if line.strip():
                console.print(line.rstrip())
    _legend(console, lang, shown, calendar)


def _legend(console: Console, lang: str, shown: list[dt.date], calendar: WorkCalendar) -> None:
    console.print()
    console.print(f"{console.bold(MONTH_VIEW['legend'][lang])}:")
    entries = [
        (TRIGGER, MONTH_VIEW["trigger"][lang]),
        ("1 2 3", MONTH_VIEW["counted"][lang]),
        (DEADLINE, MONTH_VIEW["deadline"][lang]),
        (WEEKEND, MONTH_VIEW["weekend"][lang]),
        *((mark, DAY_KINDS[kind.value][lang]) for kind, mark in KIND_MARKS.items()),
    ]
    for mark, meaning in entries:
        console.print(f"  {mark:5} {meaning}")
    days_off = [
        (d, r) for d in shown for r in calendar.closed_because(d) if r.kind is not DayKind.WEEKEND
    ]
    if days_off:
        console.print()
        console.print(f"{console.bold(MONTH_VIEW['days_off'][lang])}:")
        for d, reason in days_off:
            name = reason.name[lang]
            if reason.estimated:
                name += f" ({LABELS['estimated'][lang]})"
            console.print(f"  {KIND_MARKS[reason.kind]} {format_date(d, lang)}: {name}")
