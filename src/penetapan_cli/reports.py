"""The report of each command: what a command computed, ready for any renderer.

A command (commands/) parses its input once, computes with the core and returns one of these;
each renderer (render/) turns a report into one format. A report holds the language chosen and
the names the command line gives to the facts the core speaks of, so that no renderer needs to
know an option.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from penetapan_cli.core.facts import name_facts

if TYPE_CHECKING:  # annotations only: a one-off check imports no more than it computes with
    import datetime as dt
    from collections.abc import Mapping

    from penetapan_cli.core.calendar import NonWorkingDay, WorkCalendar, YearCoverage
    from penetapan_cli.core.compare import Comparison
    from penetapan_cli.core.compliance import Verdict
    from penetapan_cli.core.errors import Message
    from penetapan_cli.core.outcomes import Outcome
    from penetapan_cli.core.rules import Rule, RuleSet, Text
    from penetapan_cli.core.timeline import Timeline


class DeadlineReport(NamedTuple):
    """``penetapan deadline``: the comparison's first option is the active rule set counted
    from the earliest trigger given; it has one option unless ``--compare`` or ``--decided``."""

    lang: str
    notified_on: dt.date  # NOTIFIED as given
    comparison: Comparison
    compared: bool  # --compare or --decided: the options are shown and in the JSON
    all_rule_sets: bool  # --compare: the options span the shipped rule sets
    explain: bool
    cuti_working: bool  # --no-cuti-bersama
    region: str | None
    calendar: WorkCalendar
    verdicts: tuple[Verdict, ...] | None = None  # --declared: one per option, in order
    month_view: bool = False  # --calendar: the month grid(s) after the card

    @property
    def safe_deadline(self) -> dt.date | None:
        return self.comparison.safe_deadline

    @property
    def deadline_day_off(self) -> tuple[NonWorkingDay, ...]:
        """Why the deadline (the rule set in use, from the earliest trigger) is not a working
        day: a weekend, holiday, cuti bersama or closure; empty when it is one, or there is
        none. A calendar-day deadline is not moved (docs/legal-basis.md), but the officer must
        see that it falls on a day off."""
        deadline = self.comparison.primary.result.deadline
        return () if deadline is None else self.calendar.closed_because(deadline)

    @property
    def verdict(self) -> Verdict | None:
        """The verdict under the rule set in use, counted from the earliest trigger given."""
        return self.verdicts[0] if self.verdicts else None

    @property
    def verdicts_differ(self) -> bool:
        """The options do not all give the same verdict (the card then shows each)."""
        if not self.verdicts:
            return False
        return len({(v.compliance, v.days_late) for v in self.verdicts}) > 1

    @property
    def warnings(self) -> list[str]:
        """Each distinct warning of every option, in order."""
        found = [w for o in self.comparison.options for w in o.result.warnings]
        if not found:  # the usual case: no catalogue to load
            return []
        from penetapan_cli.messages import word

        return list(dict.fromkeys(word(w, self.lang) for w in found))


class TimelineReport(NamedTuple):
    lang: str
    timeline: Timeline
    names: Mapping[str, str]  # fact -> the command line's name for it
    explain: bool
    region: str | None
    calendar: WorkCalendar

    def option(self, fact: str) -> str:
        return self.names.get(fact, fact)

    def text(self, text: Text | Message) -> str:
        """A core text in the report's language, its facts named as the command line does."""
        from penetapan_cli.messages import word

        return name_facts(word(text, self.lang), self.names)


class OutcomesReport(NamedTuple):
    lang: str
    rule_set: RuleSet
    rows: tuple[tuple[Outcome, tuple[str, ...], Rule], ...]  # outcome, aliases, rule
    names: Mapping[Outcome, str]  # the outcome's name in ``lang``


class HolidaysReport(NamedTuple):
    lang: str
    year: int
    days: tuple[NonWorkingDay, ...]
    coverage: YearCoverage
    cuti_working: bool  # --no-cuti-bersama
    holidays_version: str | None

    def working(self, day: NonWorkingDay) -> bool:
        """A listed day that counts as a working day (cuti bersama with --no-cuti-bersama)."""
        from penetapan_cli.core.calendar import DayKind

        return day.kind is DayKind.CUTI_BERSAMA and self.cuti_working


class RuleSetsReport(NamedTuple):
    lang: str
    rule_sets: tuple[RuleSet, ...]


class RuleSetReport(NamedTuple):
    lang: str
    rule_set: RuleSet
    shipped: bool
