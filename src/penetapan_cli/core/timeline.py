"""The dispute season as one timeline: petition window, MK decision, declaration, follow-up.

Pure: the caller passes every date, the rule set, the statutory limits and the calendar. A step
the inputs do not reach is returned as waiting for the fact (by field name) that would reach it,
so a legal division can lay out the season from whatever it knows (the announcement, or only
the MK's notification) and fill it in as the dates become known.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

from penetapan_cli.core.calendar import WorkCalendar
from penetapan_cli.core.compliance import Verdict, check_declared, judge
from penetapan_cli.core.counting import MAX_DAYS, Count, TraceDay, count_days
from penetapan_cli.core.deadline import DECLARATION_TITLE, checked_coverage
from penetapan_cli.core.errors import InputError, Message
from penetapan_cli.core.facts import fact
from penetapan_cli.core.outcomes import FOLLOW_UP_OUTCOMES, Outcome
from penetapan_cli.core.rules import Citation, CountFrom, Limit, Roll, Rule, RuleSet, Text, Unit


class StepKind(enum.Enum):
    PETITION = "petition"  # UU 10/2016 Pasal 157 ayat (5)
    MK_DECISION = "mk-decision"  # Pasal 157 ayat (8)
    DECLARATION = "declaration"  # the active rule set
    ORDER = "order"  # an MK order to re-vote, recount or re-recapitulate
    NEXT_CYCLE = "next-cycle"  # the new result, a new petition window, the rules again


class StepStatus(enum.Enum):
    OK = "ok"  # the date is computed
    WAITING = "waiting"  # an input is missing (waiting_for names it)
    PENDING = "pending"  # no deadline by law yet: a follow-up cycle comes first


@dataclasses.dataclass(frozen=True)
class Alternative:
    """The same step counted from a later trigger (e.g. the notification after the reading)."""

    counted_from: str
    trigger_date: dt.date
    deadline: dt.date


@dataclasses.dataclass(frozen=True)
class Step:
    id: str
    kind: StepKind
    title: Text | Message  # Text: from limits.toml; Message: a step the core names
    status: StepStatus
    citation: Citation
    trigger: Text | Message
    counted_from: str | None = None  # the input the date counts from: announced, registered...
    trigger_date: dt.date | None = None
    days: int | None = None
    unit: Unit | None = None
    count_from: CountFrom | None = None
    roll: Roll | None = None
    deadline: dt.date | None = None
    waiting_for: tuple[str, ...] = ()  # the facts (core/facts.py) the step waits for
    outcomes: tuple[Outcome, ...] = ()
    rule_id: str | None = None
    notices: tuple[Text | Message, ...] = ()  # Text: a rule's own; Message: the catalogue's
    note: Text | Message | None = None
    trace: tuple[TraceDay, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    verdict: Verdict | None = None  # a declaration step, with the declaration date given


@dataclasses.dataclass(frozen=True)
class Timeline:
    announced: dt.date | None
    registered: dt.date | None
    decided: dt.date | None
    notified: dt.date | None
    outcome: Outcome | None
    order_days: int | None
    rule_set: RuleSet
    steps: tuple[Step, ...]
    warnings: tuple[Message, ...]
    estimated_years: tuple[int, ...]
    as_of: dt.date | None
    declared: dt.date | None = None

    @property
    def pending(self) -> bool:
        """The outcome orders a new cycle: no declaration deadline yet."""
        return self.outcome in FOLLOW_UP_OUTCOMES

    @property
    def first_date(self) -> dt.date | None:
        """The earliest date given (the announcement when known), None without any."""
        return next(
            (d for d in (self.announced, self.registered, self.decided, self.notified) if d),
            None,
        )

    def days_left(self, step: Step) -> int | None:
        if step.deadline is None or self.as_of is None:
            return None
        return (step.deadline - self.as_of).days


# The steps the core names itself (the others take their titles from limits.toml), by key;
# DECLARATION_TITLE is core/deadline.py's.
NEXT_CYCLE_TITLE = Message("timeline.next_cycle_title")
NEXT_CYCLE_TRIGGER = Message("timeline.next_cycle_trigger")
NEXT_CYCLE_NOTE = Message("timeline.next_cycle_note")
ORDER_FROM_NOTIFIED = Message("timeline.order_from_notified")


def _late_decision_warning(decision: dt.date, limit: dt.date, source: str) -> Message:
    return Message(
        "timeline.late_decision",
        decision=decision.isoformat(),
        source=source,
        limit=limit.isoformat(),
    )


def check_order(
    announced: dt.date | None,
    registered: dt.date | None,
    decided: dt.date | None,
    notified: dt.date | None,
    outcome: Outcome | None,
) -> None:
    """The dates must follow the order of the season; say which pair is out of order."""
    named = [
        ("announced", announced),
        ("registered", registered),
        ("decided", decided),
        ("notified", notified),
    ]
    for i, (early_name, early) in enumerate(named):
        for late_name, late in named[i + 1 :]:
            if early is not None and late is not None and late < early:
                raise InputError(
                    "timeline.order",
                    late=fact(late_name),
                    late_date=late.isoformat(),
                    early=fact(early_name),
                    early_date=early.isoformat(),
                    why=Message(f"timeline.order.{early_name}.{late_name}"),
                )
    if decided is not None and outcome is Outcome.NO_PETITION:
        raise InputError("timeline.decided_no_petition")


def _period(source: Rule | Limit, *, days: int | None = None) -> dict[str, Any]:
    """The step fields a rule or a limit gives: citation, trigger and counting (none for a rule
    without days, which has no deadline by law); ``days`` for an order, set by the decision."""
    days = source.days if days is None else days
    counted = days is not None or isinstance(source, Limit)
    return {
        "citation": source.citation,
        "trigger": source.trigger,
        "days": days,
        "unit": source.unit if counted else None,
        "count_from": source.count_from if counted else None,
        "roll": source.roll if counted else None,
    }


def _counted(
    base: Step, counted_from: str, trigger_date: dt.date, count: Count, explain: bool, **more: Any
) -> Step:
    """``base`` with the date counted from ``trigger_date`` (the fact ``counted_from``)."""
    return dataclasses.replace(
        base,
        status=StepStatus.OK,
        counted_from=counted_from,
        trigger_date=trigger_date,
        deadline=count.deadline,
        trace=count.trace if explain else (),
        **more,
    )


def _limit_step(
    limit: Limit,
    kind: StepKind,
    trigger_date: dt.date | None,
    counted_from: str,
    calendar: WorkCalendar,
    explain: bool,
) -> tuple[Step, Count | None]:
    assert limit.days is not None
    base = Step(
        id=limit.id,
        kind=kind,
        title=limit.title,
        status=StepStatus.WAITING,
        **_period(limit),
        notices=limit.notices,
    )
    if trigger_date is None:
        return dataclasses.replace(base, waiting_for=(counted_from,)), None
    counted = count_days(
        trigger_date,
        limit.days,
        limit.unit,
        limit.count_from,
        limit.roll,
        calendar,
        annotate=explain,
    )
    return _counted(base, counted_from, trigger_date, counted, explain), counted


def _rule_notices(rule: Rule, outcome: Outcome | None) -> tuple[Text, ...]:
    if outcome is not None:
        return rule.notices_for(outcome)
    unique: list[Text] = []
    for notice in rule.notices:
        if notice.text not in unique:
            unique.append(notice.text)
    return tuple(unique)


def _declaration_step(
    rule: Rule,
    step_id: str,
    outcome: Outcome | None,
    rule_set: RuleSet,
    decided: dt.date | None,
    notified: dt.date | None,
    calendar: WorkCalendar,
    explain: bool,
) -> tuple[Step, list[Count]]:
    outcomes = (outcome,) if outcome is not None else rule.outcomes
    base = Step(
        id=step_id,
        kind=StepKind.DECLARATION,
        title=DECLARATION_TITLE,
        status=StepStatus.WAITING,
        **_period(rule),
        outcomes=outcomes,
        rule_id=rule_set.qualified_id(rule),
        notices=_rule_notices(rule, outcome),
    )
    use_decided = decided is not None and Outcome.NO_PETITION not in outcomes
    triggers = [("decided", decided)] if use_decided else []
    if notified is not None and notified != (decided if use_decided else None):
        triggers.append(("notified", notified))
    if rule.days is None:
        note: Text | Message | None = rule.follow_up
        if outcome is None and rule.follow_up is not None:
            note = Message("timeline.pending_no_outcome", follow_up=rule.follow_up)
        first = next(((name, date) for name, date in triggers if date is not None), None)
        return dataclasses.replace(
            base,
            status=StepStatus.PENDING,
            note=note,
            counted_from=first[0] if first else None,
            trigger_date=first[1] if first else None,
        ), []
    counts = [
        (
            name,
            date,
            count_days(date, rule.days, rule.unit, rule.count_from, rule.roll, calendar,
                       annotate=explain),
        )
        for name, date in triggers
        if date is not None
    ]  # fmt: skip
    if not counts:
        return dataclasses.replace(base, waiting_for=("notified",)), []
    safe_name, safe_date, safe = min(counts, key=lambda c: c[2].deadline)
    return _counted(
        base,
        safe_name,
        safe_date,
        safe,
        explain,
        alternatives=tuple(
            Alternative(name, date, c.deadline) for name, date, c in counts if c is not safe
        ),
    ), [c for _, _, c in counts]


def build_timeline(
    announced: dt.date | None,
    *,
    rule_set: RuleSet,
    limits: Mapping[str, Limit],
    calendar: WorkCalendar,
    registered: dt.date | None = None,
    decided: dt.date | None = None,
    notified: dt.date | None = None,
    outcome: Outcome | None = None,
    order_days: int | None = None,
    as_of: dt.date | None = None,
    explain: bool = False,
    strict: bool = False,
    declared: dt.date | None = None,
) -> Timeline:
    """Every step of the season that the given dates reach; the others wait for an input.
    Every date is optional: without ``announced`` the petition window waits for it.

    ``strict`` refuses (CoverageError) a working-day count that touches a year whose holiday
    data is not decreed, instead of warning.
    """
    check_order(announced, registered, decided, notified, outcome)
    if declared is not None and as_of is not None:
        check_declared(declared, as_of)
    if order_days is not None:
        if outcome is None:
            raise InputError("timeline.order_days_needs_outcome")
        if outcome not in FOLLOW_UP_OUTCOMES:
            raise InputError("timeline.order_days_outcome", outcome=outcome.value)
        if not 1 <= order_days <= MAX_DAYS:
            raise InputError("timeline.order_days_range", days=order_days, most=MAX_DAYS)

    steps: list[Step] = []
    working_counts: list[tuple[dt.date, Count]] = []
    warnings: list[Message] = []

    petition, counted = _limit_step(
        limits["petition"], StepKind.PETITION, announced, "announced", calendar, explain
    )
    steps.append(petition)
    if counted is not None and announced is not None:
        working_counts.append((announced, counted))

    mk_limit: dt.date | None = None
    if outcome is not Outcome.NO_PETITION:
        mk_step, counted = _limit_step(
            limits["mk-decision"], StepKind.MK_DECISION, registered, "registered", calendar,
            explain,
        )  # fmt: skip
        steps.append(mk_step)
        if counted is not None and registered is not None:
            working_counts.append((registered, counted))
            mk_limit = counted.deadline

    rules = [rule_set.rule_for(outcome)] if outcome is not None else list(rule_set.rules)
    for rule in rules:
        step_id = "declaration" if outcome is not None else f"declaration/{rule.id}"
        step, counts = _declaration_step(
            rule, step_id, outcome, rule_set, decided, notified, calendar, explain
        )
        if declared is not None and step.status is not StepStatus.WAITING:
            verdict = judge(declared, step.deadline, step.trigger_date)
            step = dataclasses.replace(step, verdict=verdict)
        steps.append(step)
        for c in counts:
            if c.consulted_calendar and step.trigger_date is not None:
                working_counts.append((step.trigger_date, c))

    decision_date = decided if decided is not None else notified
    if (
        mk_limit is not None
        and decision_date is not None
        and outcome is not None
        and outcome is not Outcome.NO_PETITION
        and decision_date > mk_limit
    ):
        source = fact("decided" if decided is not None else "notified")
        warnings.append(_late_decision_warning(decision_date, mk_limit, source))

    if outcome in FOLLOW_UP_OUTCOMES:
        order = limits["order"]
        order_step = Step(
            id=order.id,
            kind=StepKind.ORDER,
            title=order.title,
            status=StepStatus.WAITING,
            **_period(order, days=order_days),
            outcomes=(outcome,) if outcome is not None else (),
            notices=order.notices,
        )
        missing = [] if order_days is not None else ["order_days"]
        if decision_date is None:
            missing.append("decided")
        if missing:
            order_step = dataclasses.replace(order_step, waiting_for=tuple(missing))
        else:
            assert order_days is not None
            assert decision_date is not None
            counted = count_days(
                decision_date,
                order_days,
                order.unit,
                order.count_from,
                order.roll,
                calendar,
                annotate=explain,
            )
            notices = order.notices + ((ORDER_FROM_NOTIFIED,) if decided is None else ())
            counted_from = "decided" if decided is not None else "notified"
            order_step = _counted(
                order_step, counted_from, decision_date, counted, explain, notices=notices
            )
        steps.append(order_step)
        petition_limit = limits["petition"]
        steps.append(
            Step(
                id="next-cycle",
                kind=StepKind.NEXT_CYCLE,
                title=NEXT_CYCLE_TITLE,
                status=StepStatus.WAITING,
                **(_period(petition_limit) | {"trigger": NEXT_CYCLE_TRIGGER}),
                waiting_for=("announced",),
                note=NEXT_CYCLE_NOTE,
            )
        )

    estimated: list[int] = []
    for first, counted_days in working_counts:
        if not counted_days.consulted_calendar:
            continue
        found, years = checked_coverage(calendar, first, counted_days.deadline, strict=strict)
        warnings.extend(w for w in found if w not in warnings)
        estimated.extend(y for y in years if y not in estimated)
    inputs = (announced, registered, decided, notified, outcome, order_days)
    return Timeline(
        *inputs,
        rule_set=rule_set,
        steps=tuple(steps),
        warnings=tuple(warnings),
        estimated_years=tuple(sorted(estimated)),
        as_of=as_of,
        declared=declared,
    )
