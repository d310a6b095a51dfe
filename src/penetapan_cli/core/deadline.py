"""The declaration deadline for one region: the rule, the count, the warnings and notices."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from penetapan_cli.core.calendar import WorkCalendar
from penetapan_cli.core.counting import TraceDay, count_days, count_deadline
from penetapan_cli.core.errors import CoverageError, Message
from penetapan_cli.core.outcomes import Outcome
from penetapan_cli.core.rules import Roll, Rule, RuleSet, Text, Unit

DECLARATION_TITLE = Message("timeline.declaration_title")
"""What a declaration deadline is called: the timeline's step and the calendar event, which a
batch writes without loading the timeline."""


class DeadlineResult(NamedTuple):
    outcome: Outcome
    trigger_date: dt.date  # the date counted from: the notification, or the reading
    rule_set: RuleSet
    rule: Rule
    unit: Unit | None  # the unit counted in; None when there is no deadline yet
    basis_override: bool  # the user's --basis replaced the rule's unit
    deadline: dt.date | None
    as_of: dt.date | None
    trace: tuple[TraceDay, ...]
    warnings: tuple[Message, ...]  # worded by the catalogue (messages.ERRORS, coverage.*)
    notices: tuple[Text, ...]
    estimated_years: tuple[int, ...]

    @property
    def status(self) -> str:
        return "pending" if self.deadline is None else "ok"

    @property
    def ignores_closures(self) -> bool:
        """Whether no office closure can move this deadline: it is counted in calendar days
        and its last day is never moved (a closure then changes nothing)."""
        return self.unit is Unit.CALENDAR and self.rule.roll is Roll.NONE

    @property
    def days_left(self) -> int | None:
        if self.deadline is None or self.as_of is None:
            return None
        return (self.deadline - self.as_of).days


def checked_coverage(
    calendar: WorkCalendar, first: dt.date, last: dt.date, *, strict: bool
) -> tuple[tuple[Message, ...], tuple[int, ...]]:
    """``coverage_warnings`` of a working-day count from ``first`` to ``last``; with ``strict``
    a year whose holiday data is not decreed refuses the count (CoverageError) instead."""
    warnings, estimated = coverage_warnings(calendar, first, last)
    if strict and warnings:
        raise CoverageError(
            "strict.coverage",
            first=first.isoformat(),
            last=last.isoformat(),
            warnings=warnings,
        )
    return warnings, estimated


def coverage_warnings(
    calendar: WorkCalendar, first: dt.date, last: dt.date
) -> tuple[tuple[Message, ...], tuple[int, ...]]:
    """Warnings for each year in ``first..last`` whose holiday dates are not all decreed, and
    those years.

    They depend on the calendar and the span of years alone, and a batch asks for the same
    span for thousands of counts: each span's answer is kept on the calendar
    (``WorkCalendar.spans``) and shared, so the warnings are built once."""
    span = (first.year, last.year)
    found = calendar.spans.get(span)
    if found is None:
        warnings: list[Message] = []
        estimated_years: list[int] = []
        for year in range(first.year, last.year + 1):
            cover = calendar.coverage(year)
            if not cover.has_cuti_bersama and not calendar.cuti_bersama_working:
                warnings.append(Message("coverage.no_cuti_bersama", year=year))
            if cover.estimated:
                estimated_years.append(year)
                # the holidays' names are data, in each language the holiday data gives
                days = {
                    lang: ", ".join(f"{d.date.isoformat()} {d.name[lang]}" for d in cover.estimated)
                    for lang in cover.estimated[0].name
                }
                warnings.append(Message("coverage.estimated", year=year, days=days))
        found = calendar.spans[span] = (tuple(warnings), tuple(estimated_years))
    return found


def compute_deadline(
    outcome: Outcome,
    trigger_date: dt.date,
    *,
    rule_set: RuleSet,
    calendar: WorkCalendar,
    basis: Unit | None = None,
    as_of: dt.date | None = None,
    explain: bool = False,
    strict: bool = False,
    trace: bool = True,
) -> DeadlineResult:
    """The latest date to declare the elected pair after ``outcome``, counted from
    ``trigger_date`` (the notification that reached the KPU, or the reading of the decision).

    ``basis`` overrides the rule's unit; ``as_of`` is "today" for the countdown (the caller
    decides what today is); ``explain`` annotates calendar-day traces with holiday names;
    ``strict`` refuses (CoverageError) a count that touches a year whose data is not decreed.
    ``trace=False`` leaves the trace empty and counts with the calendar's index of working days
    (``count_deadline``: the same deadline, without a walk over the days).
    """
    rule = rule_set.rule_for(outcome)
    notices = rule.notices_for(outcome)
    if rule.days is None:
        return DeadlineResult(
            outcome, trigger_date, rule_set, rule, None, False, None, as_of, (), (), notices, ()
        )
    unit = basis or rule.unit
    days_trace: tuple[TraceDay, ...] = ()
    if trace:
        counted = count_days(
            trigger_date, rule.days, unit, rule.count_from, rule.roll, calendar, annotate=explain
        )
        deadline, days_trace, consulted = counted
    else:
        deadline, consulted = count_deadline(
            trigger_date, rule.days, unit, rule.count_from, rule.roll, calendar
        )
    warnings: tuple[Message, ...] = ()
    estimated: tuple[int, ...] = ()
    if consulted:
        warnings, estimated = checked_coverage(calendar, trigger_date, deadline, strict=strict)
    overridden = basis is not None and basis is not rule.unit
    return DeadlineResult(
        outcome, trigger_date, rule_set, rule, unit, overridden, deadline, as_of, days_trace,
        warnings, notices, estimated,
    )  # fmt: skip
