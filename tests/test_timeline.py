"""The timeline of the 2024 season (docs/legal-basis.md, "Pilkada 2024 as it happened").

Working days use the `holidays` package for Indonesia (public holidays and cuti bersama, SKB 3
Menteri). The non-working weekdays that matter here:
  2024: Wed 25 Dec (Christmas), Thu 26 Dec (cuti bersama Christmas).
  2025: Wed 1 Jan (New Year), Mon 27 Jan (Isra Mi'raj), Tue 28 Jan (cuti bersama Imlek),
        Wed 29 Jan (Imlek), Fri 28 Mar (cuti bersama Nyepi), Mon 31 Mar - Mon 7 Apr (Idul Fitri
        and cuti bersama).
"""

from __future__ import annotations

import datetime as dt

import pytest

from penetapan_cli.core.calendar import WorkCalendar
from penetapan_cli.core.counting import DayStatus
from penetapan_cli.core.errors import InputError
from penetapan_cli.core.outcomes import Outcome
from penetapan_cli.core.timeline import StepKind, StepStatus, Timeline, build_timeline
from penetapan_cli.messages import error_text, word
from penetapan_cli.sources.holidays import holidays_package_year
from penetapan_cli.sources.rulesets import load_limits, load_rule_set

CALENDAR = WorkCalendar(holidays_package_year)
LIMITS = load_limits()
DEFAULT = load_rule_set("pkpu-18-2024")
REGISTERED = dt.date(2025, 1, 3)  # the MK registered 310 cases in the e-BRPK on Fri 3 Jan 2025


def timeline(announced: dt.date, calendar: WorkCalendar = CALENDAR, **kw: object) -> Timeline:
    return build_timeline(
        announced,
        rule_set=kw.pop("rule_set", DEFAULT),  # type: ignore[arg-type]
        limits=LIMITS,
        calendar=calendar,
        **kw,  # type: ignore[arg-type]
    )


def step(result: Timeline, step_id: str) -> tuple[StepStatus, dt.date | None]:
    found = next(s for s in result.steps if s.id == step_id)
    return found.status, found.deadline


@pytest.mark.parametrize(
    ("announced", "expected"),
    [
        # UU 10/2016 Pasal 157(5): 3 working days counted from Mon 16 Dec 2024:
        # Mon 16 (1), Tue 17 (2), Wed 18 (3) -> Wed 18 Dec 2024 (petitions closed 18 Dec 2024)
        (dt.date(2024, 12, 16), dt.date(2024, 12, 18)),
        # KPU DKI Jakarta announced on Sun 8 Dec 2024 and gave Wed 11 Dec 2024 (idntimes.com):
        # Sunday is not day 1; Mon 9 (1), Tue 10 (2), Wed 11 (3)
        (dt.date(2024, 12, 8), dt.date(2024, 12, 11)),
        # KPU Ogan Komering Ilir announced on Thu 5 Dec 2024 (sumeks.disway.id):
        # Thu 5 (1), Fri 6 (2), Mon 9 (3) -> Mon 9 Dec 2024
        (dt.date(2024, 12, 5), dt.date(2024, 12, 9)),
        # Over Christmas: Mon 23 (1), Tue 24 (2), Wed 25 Christmas and Thu 26 cuti bersama
        # skipped, Fri 27 (3) -> Fri 27 Dec 2024
        (dt.date(2024, 12, 23), dt.date(2024, 12, 27)),
    ],
)
def test_petition_window(announced: dt.date, expected: dt.date) -> None:
    assert step(timeline(announced), "petition") == (StepStatus.OK, expected)


def test_petition_window_without_cuti_bersama() -> None:
    # --no-cuti-bersama: Thu 26 Dec 2024 counts: Mon 23 (1), Tue 24 (2), Thu 26 (3)
    result = timeline(
        dt.date(2024, 12, 23), WorkCalendar(holidays_package_year, cuti_bersama_working=True)
    )
    assert step(result, "petition") == (StepStatus.OK, dt.date(2024, 12, 26))


def test_mk_decision_limit_2025() -> None:
    # UU 10/2016 Pasal 157(8), 45 working days counted from Fri 3 Jan 2025 (MK 105/PUU-XIII/2015):
    #   Fri 3 Jan (1); 6-10 Jan (2-6); 13-17 Jan (7-11); 20-24 Jan (12-16);
    #   27 Isra Mi'raj, 28 cuti bersama Imlek, 29 Imlek skipped, Thu 30-Fri 31 Jan (17-18);
    #   3-7 Feb (19-23); 10-14 Feb (24-28); 17-21 Feb (29-33); 24-28 Feb (34-38);
    #   3-7 Mar (39-43); Mon 10 Mar (44), Tue 11 Mar (45) -> Tue 11 Mar 2025.
    # The MK scheduled its last final decisions for 7-11 March 2025.
    result = timeline(dt.date(2024, 12, 16), registered=REGISTERED)
    status, limit = step(result, "mk-decision")
    assert (status, limit) == (StepStatus.OK, dt.date(2025, 3, 11))
    assert limit is not None
    # The dismissal-stage decisions (4-5 Feb 2025) and the final ones (24 Feb 2025) lie before it.
    assert dt.date(2025, 2, 4) < dt.date(2025, 2, 5) < dt.date(2025, 2, 24) < limit
    mk = next(s for s in result.steps if s.id == "mk-decision")
    counted = [d for d in mk.trace if d.status is DayStatus.COUNTED]
    assert len(counted) == 0  # no trace without explain
    explained = timeline(dt.date(2024, 12, 16), registered=REGISTERED, explain=True)
    mk = next(s for s in explained.steps if s.id == "mk-decision")
    counted = [d for d in mk.trace if d.status is DayStatus.COUNTED]
    assert len(counted) == 45
    assert counted[0].date == REGISTERED
    skipped_weekdays = [
        d.date for d in mk.trace if d.status is DayStatus.SKIPPED and d.date.weekday() < 5
    ]
    assert skipped_weekdays == [dt.date(2025, 1, 27), dt.date(2025, 1, 28), dt.date(2025, 1, 29)]


def test_mk_decision_limit_with_cuti_bersama_as_working_day() -> None:
    # Tue 28 Jan 2025 counts as day 17, so day 45 is Mon 10 Mar 2025
    result = timeline(
        dt.date(2024, 12, 16),
        WorkCalendar(holidays_package_year, cuti_bersama_working=True),
        registered=REGISTERED,
    )
    assert step(result, "mk-decision") == (StepStatus.OK, dt.date(2025, 3, 10))


def test_only_announced_waits_for_the_rest() -> None:
    result = timeline(dt.date(2024, 12, 16))
    got = [(s.id, s.status, s.waiting_for) for s in result.steps]
    assert got == [
        ("petition", StepStatus.OK, ()),
        ("mk-decision", StepStatus.WAITING, ("registered",)),
        ("declaration/57-1-a", StepStatus.WAITING, ("notified",)),
        ("declaration/57-1-b", StepStatus.WAITING, ("notified",)),
        ("declaration/57-follow-up", StepStatus.PENDING, ()),
    ]
    assert not result.pending


def test_medan_dismissed() -> None:
    # Kota Medan (220/PHPU.WAKO-XXIII/2025): not accepted on Tue 4 Feb 2025;
    # PKPU 18/2024 Pasal 57(1)(b): 3 calendar days after -> Fri 7 Feb 2025
    result = timeline(
        dt.date(2024, 12, 16),
        registered=REGISTERED,
        notified=dt.date(2025, 2, 4),
        outcome=Outcome.DISMISSED,
    )
    assert [s.kind for s in result.steps] == [
        StepKind.PETITION,
        StepKind.MK_DECISION,
        StepKind.DECLARATION,
    ]
    assert step(result, "declaration") == (StepStatus.OK, dt.date(2025, 2, 7))
    assert result.warnings == ()


def test_decided_before_notified_is_the_safe_declaration() -> None:
    result = timeline(
        dt.date(2024, 12, 16),
        registered=REGISTERED,
        decided=dt.date(2025, 2, 4),
        notified=dt.date(2025, 2, 6),
        outcome=Outcome.REJECTED,
    )
    declaration = next(s for s in result.steps if s.id == "declaration")
    # 3 calendar days after the reading (Tue 4 Feb) -> Fri 7 Feb; after Thu 6 Feb -> Sun 9 Feb
    assert (declaration.counted_from, declaration.deadline) == ("decided", dt.date(2025, 2, 7))
    assert [(a.counted_from, a.deadline) for a in declaration.alternatives] == [
        ("notified", dt.date(2025, 2, 9))
    ]


def test_no_petition_has_no_mk_step_and_counts_from_the_letter() -> None:
    result = timeline(
        dt.date(2024, 12, 16),
        registered=REGISTERED,
        notified=dt.date(2025, 1, 6),
        outcome=Outcome.NO_PETITION,
    )
    assert [s.id for s in result.steps] == ["petition", "declaration"]
    # PKPU 18/2024 Pasal 57(1)(a): 3 calendar days after Mon 6 Jan 2025 -> Thu 9 Jan 2025
    # (regions without a petition declared on 7-9 Jan 2025)
    assert step(result, "declaration") == (StepStatus.OK, dt.date(2025, 1, 9))


def test_revote_pasaman() -> None:
    # Pasaman: PSU ordered on Mon 24 Feb 2025, re-vote held on Sat 19 Apr 2025.
    # A 60-day order "sejak putusan diucapkan", the reading day as day 1:
    # 24-28 Feb (1-5), 1-31 Mar (6-36), 1-24 Apr (37-60) -> Thu 24 Apr 2025
    result = timeline(
        dt.date(2024, 12, 16),
        registered=REGISTERED,
        decided=dt.date(2025, 2, 24),
        outcome=Outcome.REVOTE,
        order_days=60,
    )
    assert result.pending
    got = [(s.id, s.status, s.deadline) for s in result.steps]
    assert got == [
        ("petition", StepStatus.OK, dt.date(2024, 12, 18)),
        ("mk-decision", StepStatus.OK, dt.date(2025, 3, 11)),
        ("declaration", StepStatus.PENDING, None),
        ("order", StepStatus.OK, dt.date(2025, 4, 24)),
        ("next-cycle", StepStatus.WAITING, None),
    ]
    assert dt.date(2025, 4, 19) <= dt.date(2025, 4, 24)
    next_cycle = result.steps[-1]
    assert next_cycle.waiting_for == ("announced",)
    assert next_cycle.note is not None
    assert next_cycle.note is not None
    assert "{announced}" in word(next_cycle.note, "en")  # named --announced by the CLI


def test_recapitulation_order_from_notified_says_so() -> None:
    # 30 days from Mon 24 Feb 2025 (day 1): 24-28 Feb (1-5), 1-25 Mar (6-30) -> Tue 25 Mar 2025
    result = timeline(
        dt.date(2024, 12, 16),
        notified=dt.date(2025, 2, 24),
        outcome=Outcome.RECAPITULATION,
        order_days=30,
    )
    order = next(s for s in result.steps if s.id == "order")
    assert (order.status, order.deadline, order.counted_from) == (
        StepStatus.OK,
        dt.date(2025, 3, 25),
        "notified",
    )
    assert any("{decided}" in word(n, "en") for n in order.notices)


def test_revote_without_order_days_waits() -> None:
    result = timeline(dt.date(2024, 12, 16), outcome=Outcome.REVOTE)
    order = next(s for s in result.steps if s.id == "order")
    assert order.waiting_for == ("order_days", "decided")


def test_late_decision_is_warned() -> None:
    result = timeline(
        dt.date(2024, 12, 16),
        registered=REGISTERED,
        decided=dt.date(2025, 3, 12),
        outcome=Outcome.REJECTED,
    )
    assert [word(w, "en") for w in result.warnings] == [
        "The decision date 2025-03-12 ({decided}) is after the MK's limit 2025-03-11 (UU 10/2016 "
        "Pasal 157 ayat (8)); check the dates given."
    ]


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        (
            {"registered": dt.date(2024, 12, 1)},
            "registered 2024-12-01 is before announced 2024-12-16: the MK registers cases "
            "after the result is announced; check the dates",
        ),
        (
            {"registered": REGISTERED, "notified": dt.date(2025, 1, 2)},
            "notified 2025-01-02 is before registered 2025-01-03: the notification comes "
            "after the BRPK registration; check the dates",
        ),
        (
            {"decided": dt.date(2025, 2, 5), "notified": dt.date(2025, 2, 4)},
            "notified 2025-02-04 is before decided 2025-02-05: a decision is read out before "
            "(or on the day) its notification reaches the KPU; check the dates",
        ),
        (
            {"registered": REGISTERED, "decided": dt.date(2025, 1, 2)},
            "decided 2025-01-02 is before registered 2025-01-03: the MK decides a case after "
            "registering it; check the dates",
        ),
        (
            {"decided": dt.date(2025, 2, 4), "outcome": Outcome.NO_PETITION},
            "decided does not apply to no-petition: with no petition there is no MK decision, "
            "and the deadline counts from the MK's letter on the BRPK registrations (notified)",
        ),
        (
            {"order_days": 60},
            "order_days needs outcome revote, recount or recapitulation (the order it counts)",
        ),
        (
            {"order_days": 60, "outcome": Outcome.REJECTED},
            "order_days applies to an MK order (revote, recount, recapitulation), not to "
            "outcome 'rejected'",
        ),
        (
            {"order_days": 0, "outcome": Outcome.REVOTE},
            "order_days 0: expected 1 to 3660 days",
        ),
    ],
)
def test_bad_inputs_are_named(kw: dict[str, object], message: str) -> None:
    with pytest.raises(InputError) as caught:
        timeline(dt.date(2024, 12, 16), **kw)
    assert error_text(caught.value, "en") == message


def test_other_rule_set_counts_its_own_way() -> None:
    result = timeline(
        dt.date(2024, 12, 16),
        rule_set=load_rule_set("pkpu-2-2024-annex"),
        notified=dt.date(2025, 2, 4),
        outcome=Outcome.DISMISSED,
    )
    # annex reading as reported: 5 calendar days after Tue 4 Feb 2025 -> Sun 9 Feb 2025
    assert step(result, "declaration") == (StepStatus.OK, dt.date(2025, 2, 9))
    declaration = next(s for s in result.steps if s.id == "declaration")
    assert declaration.rule_id == "pkpu-2-2024-annex/annex-decision"
