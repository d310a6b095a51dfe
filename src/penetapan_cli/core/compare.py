"""Unsettled law, made visible: one deadline under several rule sets and trigger dates.

Two points are unsettled (docs/legal-basis.md, "Unsettled points"): which regulation's day
count applies (``--compare`` counts under every shipped rule set) and which event starts the
count for an MK decision: its reading or the notification that reaches the KPU later
(``--decided``). Every option is computed; the earliest deadline is the safe one.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from typing import Any, NamedTuple

from penetapan_cli.core.calendar import WorkCalendar
from penetapan_cli.core.deadline import DeadlineResult, compute_deadline
from penetapan_cli.core.errors import InputError
from penetapan_cli.core.outcomes import Outcome
from penetapan_cli.core.rules import RuleSet, Unit


class TriggerKind(enum.Enum):
    DECIDED = "decided"  # the MK read the decision out (--decided)
    NOTIFIED = "notified"  # the trigger the rule names reached the KPU (NOTIFIED)


class Option(NamedTuple):
    rule_set: RuleSet
    active: bool  # the rule set the user chose (--rules, else the default)
    trigger_kind: TriggerKind
    trigger_date: dt.date
    result: DeadlineResult
    safe: bool  # this option gives the earliest deadline of all


class Comparison(NamedTuple):
    options: tuple[Option, ...]

    @property
    def primary(self) -> Option:
        """The active rule set counted from the earliest trigger given."""
        return self.options[0]

    @property
    def safe_deadline(self) -> dt.date | None:
        dates = [o.result.deadline for o in self.options if o.result.deadline is not None]
        return min(dates) if dates else None

    def own_trigger(self, option: Option) -> bool:
        """``option``'s rule counts from another event than the rule in use, whose event the
        trigger date given is (PKPU 19/2020 Pasal 54 ayat (5): the BRPK registration, not the
        MK's letter): its date here is that given date, not its own event's."""
        return option.result.rule.trigger != self.primary.result.rule.trigger

    def other_triggers(self) -> tuple[Option, ...]:
        """One option per rule of another rule set that counts from its own event."""
        found: dict[str, Option] = {}
        for option in self.options:
            if not option.active and self.own_trigger(option):
                found.setdefault(option.rule_set.qualified_id(option.result.rule), option)
        return tuple(found.values())

    @property
    def safe(self) -> Option | None:
        """The first option giving the safe deadline (the active rule set wins a tie)."""
        return next((o for o in self.options if o.safe), None)


def check_decided(outcome: Outcome, notified_on: dt.date, decided_on: dt.date | None) -> None:
    """``--decided`` must not follow the notification, and does not apply to huruf a."""
    if decided_on is None:
        return
    if outcome is Outcome.NO_PETITION:
        raise InputError("deadline.decided_no_petition")
    if decided_on > notified_on:
        raise InputError(
            "deadline.decided_after",
            decided_date=decided_on.isoformat(),
            notified_date=notified_on.isoformat(),
        )


def compare_deadlines(
    outcome: Outcome,
    notified_on: dt.date,
    *,
    rule_sets: Sequence[RuleSet],
    calendar: WorkCalendar,
    decided_on: dt.date | None = None,
    basis: Unit | None = None,
    as_of: dt.date | None = None,
    explain: bool = False,
    strict: bool = False,
) -> Comparison:
    """The deadline under each rule set (the first is the active one), from each trigger date.

    With ``decided_on`` earlier than ``notified_on`` each rule set is counted from both; the
    reading comes first. Options whose deadline is the earliest are marked safe.
    """
    if not rule_sets:
        raise ValueError("compare_deadlines needs at least one rule set")
    check_decided(outcome, notified_on, decided_on)
    triggers = [(TriggerKind.NOTIFIED, notified_on)]
    if decided_on is not None and decided_on != notified_on:
        triggers.insert(0, (TriggerKind.DECIDED, decided_on))
    computed = [
        (rule_set, index == 0, kind, date)
        for index, rule_set in enumerate(rule_sets)
        for kind, date in triggers
    ]
    options: dict[str, Any] = {"basis": basis, "as_of": as_of, "explain": explain, "strict": strict}
    results = [
        compute_deadline(outcome, date, rule_set=rule_set, calendar=calendar, **options)
        for rule_set, _, _, date in computed
    ]
    dates = [r.deadline for r in results if r.deadline is not None]
    earliest = min(dates) if dates else None
    return Comparison(
        tuple(
            Option(
                rule_set=rule_set,
                active=active,
                trigger_kind=kind,
                trigger_date=date,
                result=result,
                safe=earliest is not None and result.deadline == earliest,
            )
            for (rule_set, active, kind, date), result in zip(computed, results, strict=True)
        )
    )
