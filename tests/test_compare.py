"""--compare and --decided: every option computed, the earliest deadline marked safe."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from penetapan_cli.core.calendar import WorkCalendar
from penetapan_cli.core.compare import TriggerKind, check_decided, compare_deadlines
from penetapan_cli.core.errors import InputError
from penetapan_cli.core.outcomes import FOLLOW_UP_OUTCOMES, Outcome
from penetapan_cli.messages import error_text
from penetapan_cli.sources.holidays import holidays_package_year
from penetapan_cli.sources.rulesets import load_rule_set, shipped_rule_sets

CALENDAR = WorkCalendar(holidays_package_year)
DEFAULT = load_rule_set("pkpu-18-2024")
RULE_2020 = load_rule_set("pkpu-19-2020")
ANNEX = load_rule_set("pkpu-2-2024-annex")
ALL = [DEFAULT, RULE_2020, ANNEX]
# docs/legal-basis.md, "Pilkada 2024 as it happened": Medan not accepted on Tue 4 Feb 2025.
FEB4 = dt.date(2025, 2, 4)
FEB5 = dt.date(2025, 2, 5)


def test_decided_earlier_gives_both_and_the_reading_is_safe() -> None:
    comparison = compare_deadlines(
        Outcome.DISMISSED, FEB5, rule_sets=[DEFAULT], calendar=CALENDAR, decided_on=FEB4
    )
    got = [(o.trigger_kind, o.trigger_date, o.result.deadline, o.safe) for o in comparison.options]
    assert got == [
        # PKPU 18/2024 Pasal 57(1)(b): 3 calendar days after Tue 4 Feb 2025 -> Fri 7 Feb 2025
        (TriggerKind.DECIDED, FEB4, dt.date(2025, 2, 7), True),
        # ... and after Wed 5 Feb 2025 -> Sat 8 Feb 2025 (no roll-forward)
        (TriggerKind.NOTIFIED, FEB5, dt.date(2025, 2, 8), False),
    ]
    assert comparison.safe_deadline == dt.date(2025, 2, 7)
    assert comparison.primary.trigger_kind is TriggerKind.DECIDED
    assert comparison.safe is comparison.options[0]


def test_decided_same_day_is_one_option() -> None:
    comparison = compare_deadlines(
        Outcome.REJECTED, FEB4, rule_sets=[DEFAULT], calendar=CALENDAR, decided_on=FEB4
    )
    assert [(o.trigger_kind, o.result.deadline) for o in comparison.options] == [
        (TriggerKind.NOTIFIED, dt.date(2025, 2, 7))
    ]


def test_decided_after_notified_is_rejected() -> None:
    with pytest.raises(InputError) as caught:
        check_decided(Outcome.DISMISSED, FEB4, FEB5)
    assert error_text(caught.value, "en") == (
        "decided 2025-02-05 is after the notification date 2025-02-04: a decision is read out "
        "before (or on the day) its notification reaches the KPU; check the two dates"
    )


def test_decided_does_not_apply_to_no_petition() -> None:
    with pytest.raises(InputError) as raised:
        compare_deadlines(
            Outcome.NO_PETITION,
            FEB5,
            rule_sets=[DEFAULT],
            calendar=CALENDAR,
            decided_on=FEB4,
        )
    assert re.search("decided does not apply to no-petition", error_text(raised.value, "en"))


def test_compare_marks_the_earliest_safe() -> None:
    comparison = compare_deadlines(Outcome.DISMISSED, FEB4, rule_sets=ALL, calendar=CALENDAR)
    got = [(o.rule_set.id, o.active, o.result.deadline, o.safe) for o in comparison.options]
    assert got == [
        # PKPU 18/2024 Pasal 57(1)(b): 3 calendar days after Tue 4 Feb 2025 -> Fri 7 Feb 2025
        ("pkpu-18-2024", True, dt.date(2025, 2, 7), True),
        # PKPU 19/2020 Pasal 54(6): 3 days after the copy is received -> Fri 7 Feb 2025
        ("pkpu-19-2020", False, dt.date(2025, 2, 7), True),
        # PKPU 2/2024 annex as reported: 5 days after -> Sun 9 Feb 2025
        ("pkpu-2-2024-annex", False, dt.date(2025, 2, 9), False),
    ]
    assert comparison.safe_deadline == dt.date(2025, 2, 7)


def test_compare_with_the_annex_active_finds_the_earlier_rule() -> None:
    comparison = compare_deadlines(
        Outcome.NO_PETITION, dt.date(2025, 1, 3), rule_sets=[ANNEX, DEFAULT], calendar=CALENDAR
    )
    # annex reading: 5 days after Fri 3 Jan 2025 -> Wed 8 Jan 2025 (the active set)
    assert comparison.primary.result.deadline == dt.date(2025, 1, 8)
    assert not comparison.primary.safe
    # PKPU 18/2024 Pasal 57(1)(a): 3 calendar days after Fri 3 Jan 2025 -> Mon 6 Jan 2025
    assert comparison.safe_deadline == dt.date(2025, 1, 6)
    safe = comparison.safe
    assert safe is not None
    assert safe.rule_set.id == "pkpu-18-2024"


def test_compare_with_decided_counts_every_rule_set_from_both() -> None:
    comparison = compare_deadlines(
        Outcome.GRANTED,
        dt.date(2025, 2, 26),
        rule_sets=ALL,
        calendar=CALENDAR,
        decided_on=dt.date(2025, 2, 24),
    )
    assert len(comparison.options) == 6
    # Final decisions read on Mon 24 Feb 2025: 3 calendar days after -> Thu 27 Feb 2025
    assert [o.rule_set.id for o in comparison.options if o.safe] == [
        "pkpu-18-2024",
        "pkpu-19-2020",
    ]
    assert comparison.safe_deadline == dt.date(2025, 2, 27)


@pytest.mark.parametrize("outcome", sorted(FOLLOW_UP_OUTCOMES, key=lambda o: o.value))
def test_compare_follow_up_has_no_safe_date(outcome: Outcome) -> None:
    comparison = compare_deadlines(outcome, dt.date(2025, 2, 24), rule_sets=ALL, calendar=CALENDAR)
    assert comparison.safe_deadline is None
    assert comparison.safe is None
    assert not any(o.safe for o in comparison.options)


def test_compare_needs_a_rule_set() -> None:
    with pytest.raises(ValueError, match="at least one rule set"):
        compare_deadlines(Outcome.DISMISSED, FEB4, rule_sets=[], calendar=CALENDAR)


DEADLINE_OUTCOMES = [o for o in Outcome if o not in FOLLOW_UP_OUTCOMES]


@settings(max_examples=60, deadline=None)
@given(
    outcome=st.sampled_from([o for o in DEADLINE_OUTCOMES if o is not Outcome.NO_PETITION]),
    decided=st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)),
    gap=st.integers(0, 20),
)
def test_safe_is_never_later_than_any_option(outcome: Outcome, decided: dt.date, gap: int) -> None:
    notified = decided + dt.timedelta(days=gap)
    comparison = compare_deadlines(
        outcome,
        notified,
        rule_sets=[load_rule_set(n) for n in shipped_rule_sets()],
        calendar=CALENDAR,
        decided_on=decided,
    )
    safe = comparison.safe_deadline
    assert safe is not None
    for option in comparison.options:
        assert option.result.deadline is not None
        assert safe <= option.result.deadline
        assert option.safe == (option.result.deadline == safe)
    assert comparison.primary.result.deadline is not None
    assert comparison.primary.trigger_date == decided
