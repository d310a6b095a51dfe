"""The deadline service under the default rule set (PKPU 18/2024 Pasal 57 ayat (1))."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from penetapan_cli.core.calendar import DayKind, WorkCalendar
from penetapan_cli.core.deadline import compute_deadline
from penetapan_cli.core.errors import ClosuresFileError
from penetapan_cli.core.outcomes import Outcome
from penetapan_cli.core.rules import RuleSet, Unit
from penetapan_cli.messages import error_text
from penetapan_cli.sources.closures import read_closures
from penetapan_cli.sources.holidays import holidays_package_year

D = dt.date

# Huruf a: no petition, 3 calendar days after the BRPK letter. Huruf b: every decision that
# ends the dispute, 3 calendar days after notification; a partial grant ordering the KPU to
# correct its own decree (correction) too, as the safe reading (docs/legal-basis.md).
HURUF_A = {Outcome.NO_PETITION}
HURUF_B = {
    Outcome.DISMISSED,
    Outcome.WITHDRAWN,
    Outcome.LAPSED,
    Outcome.NOT_COMPETENT,
    Outcome.REJECTED,
    Outcome.GRANTED,
    Outcome.CORRECTION,
}
FOLLOW_UP = {Outcome.REVOTE, Outcome.RECOUNT, Outcome.RECAPITULATION}


def test_outcome_groups_cover_every_outcome() -> None:
    assert set(Outcome) == HURUF_A | HURUF_B | FOLLOW_UP


@pytest.mark.parametrize("outcome", sorted(HURUF_A | HURUF_B, key=lambda o: o.value))
def test_every_deciding_outcome_gets_three_calendar_days(
    outcome: Outcome, rule_set: RuleSet, calendar: WorkCalendar
) -> None:
    # Mon 24 Feb 2025 (final decisions; docs/legal-basis.md, "Pilkada 2024 as it happened")
    # + 3 calendar days = Thu 27 Feb 2025.
    result = compute_deadline(outcome, D(2025, 2, 24), rule_set=rule_set, calendar=calendar)
    assert result.deadline == D(2025, 2, 27)
    assert result.status == "ok"
    assert result.unit is Unit.CALENDAR
    article = "huruf a" if outcome in HURUF_A else "huruf b"
    assert result.rule.citation.article == f"Pasal 57 ayat (1) {article}"
    assert result.notices, "the unsettled day count must be surfaced"


@pytest.mark.parametrize("outcome", sorted(FOLLOW_UP, key=lambda o: o.value))
def test_orders_give_no_deadline_and_say_what_comes_next(
    outcome: Outcome, rule_set: RuleSet, calendar: WorkCalendar
) -> None:
    result = compute_deadline(outcome, D(2025, 2, 24), rule_set=rule_set, calendar=calendar)
    assert result.deadline is None
    assert result.status == "pending"
    assert result.days_left is None
    assert result.rule.follow_up is not None
    assert "Pasal 157 ayat (5)" in result.rule.follow_up["en"]
    assert "no-petition" in result.rule.follow_up["id"]


def test_medan_2025(rule_set: RuleSet, calendar: WorkCalendar) -> None:
    # docs/legal-basis.md, "Pilkada 2024 as it happened": Kota Medan, case
    # 220/PHPU.WAKO-XXIII/2025, not accepted on Tue 4 Feb 2025;
    # deadline Fri 7 Feb 2025; the KPU Medan declared on Wed 5 Feb 2025, two days early.
    result = compute_deadline(
        Outcome.DISMISSED, D(2025, 2, 4), rule_set=rule_set, calendar=calendar, as_of=D(2025, 2, 5)
    )
    assert result.deadline == D(2025, 2, 7)
    assert result.days_left == 2
    assert any("KPU Medan" in n["en"] for n in result.notices)


def test_no_petition_2025(rule_set: RuleSet, calendar: WorkCalendar) -> None:
    # docs/legal-basis.md, "Pilkada 2024 as it happened": regions without a petition declared
    # on 7-9 Jan 2025; a BRPK letter received on Mon 6 Jan 2025 (an illustrative date) gives
    # Thu 9 Jan 2025.
    result = compute_deadline(
        Outcome.NO_PETITION, D(2025, 1, 6), rule_set=rule_set, calendar=calendar
    )
    assert result.deadline == D(2025, 1, 9)


def test_countdown_overdue_and_due_today(rule_set: RuleSet, calendar: WorkCalendar) -> None:
    def left(as_of: dt.date) -> int | None:
        return compute_deadline(
            Outcome.REJECTED, D(2025, 2, 24), rule_set=rule_set, calendar=calendar, as_of=as_of
        ).days_left

    # Deadline Thu 27 Feb 2025.
    assert left(D(2025, 2, 27)) == 0
    assert left(D(2025, 3, 1)) == -2
    assert left(D(2025, 2, 24)) == 3


def test_working_basis_is_an_override(rule_set: RuleSet, calendar: WorkCalendar) -> None:
    # Thu 27 Mar 2025 + 3 working days over Nyepi and Idul Fitri 2025 = Thu 10 Apr 2025
    # (see test_counting for the day-by-day reasoning).
    result = compute_deadline(
        Outcome.REJECTED, D(2025, 3, 27), rule_set=rule_set, calendar=calendar, basis=Unit.WORKING
    )
    assert result.deadline == D(2025, 4, 10)
    assert result.basis_override
    assert result.warnings == ()  # 2025 is decreed: cuti bersama listed, nothing estimated
    same = compute_deadline(
        Outcome.REJECTED, D(2025, 3, 27), rule_set=rule_set, calendar=calendar, basis=Unit.CALENDAR
    )
    assert not same.basis_override
    assert same.deadline == D(2025, 3, 30)


def test_year_without_decreed_data_warns(rule_set: RuleSet, calendar: WorkCalendar) -> None:
    # The holidays package lists no cuti bersama for 2028 and estimates its Islamic holidays.
    result = compute_deadline(
        Outcome.REJECTED, D(2028, 3, 1), rule_set=rule_set, calendar=calendar, basis=Unit.WORKING
    )
    from penetapan_cli.messages import word

    text = " ".join(word(w, "en") for w in result.warnings)
    assert "no cuti bersama for 2028" in text
    assert "estimates" in text
    assert result.estimated_years == (2028,)


def test_calendar_basis_needs_no_coverage_warning(
    rule_set: RuleSet, calendar: WorkCalendar
) -> None:
    result = compute_deadline(Outcome.REJECTED, D(2028, 3, 1), rule_set=rule_set, calendar=calendar)
    assert result.deadline == D(2028, 3, 4)
    assert result.warnings == ()


def test_closures_file_adds_non_working_days(tmp_path: Path, rule_set: RuleSet) -> None:
    closures = tmp_path / "closures.txt"
    closures.write_text(
        "# office closed for a flood\n2025-02-05 Banjir\n\n2025-02-06  # no name\n",
        encoding="utf-8",
    )
    days = read_closures(closures)
    assert [(d.date, d.kind, d.name["id"]) for d in days] == [
        (D(2025, 2, 5), DayKind.CLOSURE, "Banjir"),
        (D(2025, 2, 6), DayKind.CLOSURE, "Penutupan kantor / office closure"),
    ]
    calendar = WorkCalendar(holidays_package_year, closures=days)
    # Tue 4 Feb 2025 + 3 working days with 5-6 Feb closed: Fri 7 (1), Mon 10 (2), Tue 11 (3).
    result = compute_deadline(
        Outcome.DISMISSED, D(2025, 2, 4), rule_set=rule_set, calendar=calendar, basis=Unit.WORKING
    )
    assert result.deadline == D(2025, 2, 11)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("2025-02-30 Bad\n", "line 1: invalid date '2025-02-30'"),
        ("# ok\n05/02/2025 Day-first\n", "line 2: expected an ISO date"),
    ],
)
def test_closures_file_errors(tmp_path: Path, content: str, message: str) -> None:
    closures = tmp_path / "closures.txt"
    closures.write_text(content, encoding="utf-8")
    with pytest.raises(ClosuresFileError) as raised:
        read_closures(closures)
    assert re.search(message, error_text(raised.value, "en"))


def test_closures_file_missing(tmp_path: Path) -> None:
    with pytest.raises(ClosuresFileError) as raised:
        read_closures(tmp_path / "nope.txt")
    assert re.search("not found", error_text(raised.value, "en"))
