"""What users actually write: old month spellings, spreadsheet dates, month-first exports
(--date-order), partial grants, swapped arguments, and the KPU-decree correction outcome.

Expected dates come from PKPU 18/2024 Pasal 57 ayat (1) huruf b (docs/legal-basis.md): 3
calendar days after the trigger, the day itself not counted, no roll-forward.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app
from penetapan_cli.launch import run_fast
from penetapan_cli.messages import ERRORS, LANGS, OUTCOME_NAMES

runner = CliRunner()
AS_OF = ["--as-of", "2025-02-05"]


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


# --- point 5: dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "date",
    ["4 Pebruari 2025", "4 PEB 2025", "4-Feb-2025", "04-peb-2025", "Selasa, 4 Pebruari 2025"],
)
def test_letter_and_spreadsheet_forms_give_the_medan_deadline(date: str) -> None:
    # Kota Medan, not accepted on Tue 4 Feb 2025 -> Fri 7 Feb 2025 (docs/legal-basis.md,
    # "Pilkada 2024 as it happened").
    code, out, _ = run("deadline", "dismissed", date, "--format", "date")
    assert (code, out) == (0, "2025-02-07\n")


def test_nopember_is_november() -> None:
    # 57(1)(b): Tue 4 Nov 2025 + 3 calendar days = Fri 7 Nov 2025.
    code, out, _ = run("deadline", "rejected", "4 Nopember 2025", "--format", "date")
    assert (code, out) == (0, "2025-11-07\n")


def test_two_digit_year_in_a_spreadsheet_date_is_refused_and_says_why() -> None:
    code, out, err = run("deadline", "dismissed", "4-Feb-25", "--format", "date")
    assert (code, out) == (2, "")
    assert err == (
        "penetapan: invalid date '4-Feb-25': the year must have 4 digits (e.g. 4-Feb-2025); "
        "two-digit years are ambiguous\n"
    )


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        # day first (the rule): 2/4/2025 is Wed 2 Apr 2025 -> + 3 = Sat 5 Apr 2025
        ([], "2025-04-05"),
        (["--date-order", "dmy"], "2025-04-05"),
        # month first: 2/4/2025 is Tue 4 Feb 2025 -> Fri 7 Feb 2025
        (["--date-order", "mdy"], "2025-02-07"),
        (["--date-order=mdy"], "2025-02-07"),
    ],
)
def test_date_order_on_deadline_typer_and_fast_path(order: list[str], expected: str) -> None:
    argv = ["deadline", "dismissed", "2/4/2025", "--format", "date", *order]
    code, out, _ = run(*argv)
    assert (code, out) == (0, expected + "\n")
    assert run_fast(argv, environ={}) == 0  # the fast path takes it (its output: test_startup)


def test_date_order_applies_to_every_date_the_deadline_command_reads() -> None:
    # --decided 2/3/2025 month first is Mon 3 Feb 2025 -> Thu 6 Feb 2025, the safe date (the
    # notification 2/4/2025 is Tue 4 Feb -> Fri 7 Feb); --as-of 2/5/2025 is Wed 5 Feb 2025.
    code, out, _ = run(
        "deadline", "dismissed", "2/4/2025", "--decided", "2/3/2025", "--as-of", "2/5/2025",
        "--date-order", "mdy", "--format", "json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert (data["notified_on"], data["deadline"], data["as_of"]) == (
        "2025-02-04",
        "2025-02-06",
        "2025-02-05",
    )


def test_date_order_does_not_touch_iso_dates() -> None:
    code, out, _ = run("deadline", "dismissed", "2025-02-04", "--date-order", "mdy", "--format",
                       "date")  # fmt: skip
    assert (code, out) == (0, "2025-02-07\n")


def test_bad_date_order_is_a_usage_error() -> None:
    code, out, err = run("deadline", "dismissed", "2/4/2025", "--date-order", "ymd")
    assert (code, out) == (2, "")
    assert "--date-order" in err
    assert "'ymd'" in err


def test_date_order_on_timeline() -> None:
    # --announced 12/8/2024 month first is Sun 8 Dec 2024 (KPU DKI Jakarta's announcement);
    # UU 10/2016 Pasal 157(5): 3 working days counted from it -> Wed 11 Dec 2024
    # (docs/legal-basis.md; the source quoted in limits.toml).
    code, out, _ = run(
        "timeline", "--announced", "12/8/2024", "--date-order", "mdy", "--format", "json",
        "--as-of", "2024-12-09",
    )  # fmt: skip
    assert code == 0
    steps = {s["id"]: s for s in json.loads(out)["steps"]}
    assert (steps["petition"]["trigger_date"], steps["petition"]["deadline"]) == (
        "2024-12-08",
        "2024-12-11",
    )


def test_batch_date_order_and_trigger_date_column() -> None:
    data = "region,outcome,notified_on\nA,dismissed,2/4/2025\nB,dismissed,4-Feb-2025\n"
    for order, first in ((["--date-order", "mdy"], "2025-02-04"), ([], "2025-04-02")):
        result = runner.invoke(app, ["batch", "-", *AS_OF, "--output-format", "jsonl", *order],
                               input=data)  # fmt: skip
        assert result.exit_code == 0
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        # trigger_date comes after the input's columns and before deadline
        assert list(rows[0])[:5] == ["region", "outcome", "notified_on", "trigger_date", "deadline"]
        assert [r["trigger_date"] for r in rows] == [first, "2025-02-04"]
        # 4 Feb 2025 -> Fri 7 Feb 2025; 2 Apr 2025 (day first) -> Sat 5 Apr 2025
        assert [r["deadline"] for r in rows] == [
            "2025-02-07" if first == "2025-02-04" else "2025-04-05",
            "2025-02-07",
        ]


def test_date_order_applies_to_the_declaration_date_too() -> None:
    # Kota Medan: notified Tue 4 Feb 2025 -> Fri 7 Feb 2025; declared Wed 5 Feb 2025, on time
    # (docs/legal-basis.md, "Pilkada 2024 as it happened"), both written month first.
    code, out, _ = run(
        "deadline", "dismissed", "2/4/2025", "--declared", "2/5/2025", "--date-order", "mdy",
        "--as-of", "2025-06-01", "--format", "json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert (data["deadline"], data["declared_on"], data["compliance"]) == (
        "2025-02-07",
        "2025-02-05",
        "on-time",
    )
    result = runner.invoke(
        app,
        ["batch", "-", "--date-order", "mdy", "--as-of", "2025-06-01", "--output-format", "jsonl"],
        input="outcome,notified_on,declared_on\ndismissed,2/4/2025,2/8/2025\n",
    )
    row = json.loads(result.stdout)
    # declared Sat 8 Feb 2025, one calendar day after Fri 7 Feb 2025
    assert (row["trigger_date"], row["deadline"], row["compliance"], row["days_late"]) == (
        "2025-02-04",
        "2025-02-07",
        "late",
        1,
    )


# --- point 6: outcomes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "dikabulkan sebagian",
        "Dikabulkan Sebagian",
        "dikabulkan-sebagian",
        "mengabulkan untuk sebagian",
        "partially granted",
        "granted in part",
        "partial grant",
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_a_partial_grant_is_refused_with_the_choices(written: str, lang: str) -> None:
    code, out, err = run("deadline", written, "2025-02-24", "--lang", lang)
    assert (code, out) == (2, "")
    expected = ERRORS["outcome.partial_grant"][lang].format(shown=written)
    assert err == f"penetapan: {expected}\n"
    for choice in ("dikabulkan", "psu", "penghitungan-suara-ulang", "rekapitulasi-ulang",
                   "perbaikan-keputusan"):  # fmt: skip
        assert choice in err
    assert "did you mean" not in err  # no longer "did you mean 'dikabulkan'"


def test_a_partial_grant_in_a_batch_is_an_error_row_with_the_choices() -> None:
    result = runner.invoke(
        app,
        ["batch", "-", *AS_OF, "--output-format", "jsonl"],
        input="outcome,notified_on\ndikabulkan sebagian,2025-02-24\n",
    )
    assert result.exit_code == 1
    row = json.loads(result.stdout)
    assert row["status"] == "error"
    assert row["trigger_date"] == "2025-02-24"  # the date was read; the outcome was not
    assert row["error"] == ERRORS["outcome.partial_grant"]["en"].format(shown="dikabulkan sebagian")


@pytest.mark.parametrize("lang", LANGS)
def test_swapped_arguments_say_so(lang: str) -> None:
    code, out, err = run("deadline", "4 Februari 2025", "ditolak", "--lang", lang)
    assert (code, out) == (2, "")
    assert (
        err
        == "penetapan: "
        + ERRORS["outcome.swapped"][lang].format(outcome="4 Februari 2025", date="ditolak")
        + "\n"
    )
    assert "penetapan deadline OUTCOME DATE" in err
    # the fast path gives the same line
    assert run_fast(["deadline", "2025-02-04", "dismissed", "--lang", lang], environ={}) == 2


def test_a_date_as_outcome_with_no_outcome_after_it_is_an_unknown_outcome() -> None:
    code, _, err = run("deadline", "2025-02-04", "2025-02-05")
    assert code == 2
    assert err.startswith("penetapan: unknown outcome '2025-02-04'")


def test_correction_jayapura_2025() -> None:
    # Jayapura, 274/PHPU.BUP-XXIII/2025: granted in part on Mon 24 Feb 2025 (the final
    # decisions, docs/legal-basis.md), the KPU ordered to correct its decree while the tally
    # stands. Huruf b, the safe reading: 24 Feb + 3 calendar days = Thu 27 Feb 2025.
    code, out, _ = run(
        "deadline", "perbaikan-keputusan", "2025-02-24", "--format", "json", "--as-of",
        "2025-02-25", "--lang", "en",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert (data["outcome"], data["deadline"], data["rule"]["id"]) == (
        "correction",
        "2025-02-27",
        "pkpu-18-2024/57-1-b",
    )
    # The unsettled point is shown, not decided silently.
    assert any(
        "274/PHPU.BUP-XXIII/2025" in n and "corrected KPU decree" in n for n in data["notices"]
    )


@pytest.mark.parametrize("rules", ["pkpu-18-2024", "pkpu-19-2020", "pkpu-2-2024-annex"])
def test_every_shipped_rule_set_gives_correction_a_deadline_and_its_notice(rules: str) -> None:
    code, out, _ = run("deadline", "correction", "2025-02-24", "--rules", rules, "--format",
                       "json", "--as-of", "2025-02-25", "--lang", "id")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["deadline"] is not None
    assert any("belum pasti" in n.lower() and "274/PHPU" in n for n in data["notices"])


def test_correction_has_names_in_both_languages_and_is_listed() -> None:
    from penetapan_cli.core.outcomes import Outcome

    names = OUTCOME_NAMES[Outcome.CORRECTION.value]
    assert set(names) == set(LANGS)
    assert "memperbaiki keputusan" in names["id"]
    code, out, _ = run("outcomes", "--format", "json")
    assert code == 0
    listed = {o["outcome"]: o for o in json.loads(out)["outcomes"]}
    assert listed["correction"]["aliases"] == ["perbaikan-keputusan"]
    assert listed["correction"]["days"] == 3


# --- point 10: a timeline from what the user knows ----------------------------------------------


def _steps(*args: str) -> tuple[dict[str, object], dict[str, dict[str, object]]]:
    code, out, err = run("timeline", *args, "--format", "json", "--as-of", "2025-02-05")
    assert code == 0, err
    data = json.loads(out)
    return data, {str(s["id"]): s for s in data["steps"]}


def test_timeline_from_the_notification_alone() -> None:
    # An officer at the MK stage knows only the notification: Kota Medan, Tue 4 Feb 2025 ->
    # Fri 7 Feb 2025 (57(1)(b), docs/legal-basis.md); the earlier steps wait for their dates.
    data, steps = _steps("--notified", "2025-02-04", "--outcome", "dismissed")
    assert data["announced"] is None
    assert (steps["petition"]["status"], steps["petition"]["waiting_for"]) == (
        "waiting",
        ["--announced"],
    )
    assert (steps["mk-decision"]["status"], steps["mk-decision"]["waiting_for"]) == (
        "waiting",
        ["--registered"],
    )
    assert (steps["declaration"]["status"], steps["declaration"]["deadline"]) == (
        "ok",
        "2025-02-07",
    )


def test_timeline_waiting_steps_say_what_they_wait_for_in_text() -> None:
    code, out, _ = run("timeline", "--notified", "2025-02-04", "--outcome", "dismissed",
                       "--as-of", "2025-02-05", "--lang", "en")  # fmt: skip
    assert code == 0
    assert "Last day to petition the MK: waiting for --announced" in out
    assert "Last day for the MK's decision: waiting for --registered" in out
    assert "Friday, 7 February 2025" in out


def test_timeline_from_the_reading_alone_counts_every_rule_from_it() -> None:
    # Final decisions read out on Mon 24 Feb 2025 + 3 calendar days = Thu 27 Feb 2025 (57(1)(b));
    # no-petition (57(1)(a)) has no MK decision to count from, so it waits for --notified.
    _, steps = _steps("--decided", "2025-02-24")
    assert steps["declaration/57-1-b"]["deadline"] == "2025-02-27"
    assert steps["declaration/57-1-b"]["counted_from"] == "decided"
    assert steps["declaration/57-1-a"]["waiting_for"] == ["--notified"]
    assert steps["petition"]["waiting_for"] == ["--announced"]


def test_timeline_calendar_file_from_the_notification_alone() -> None:
    code, out, _ = run("timeline", "--notified", "2025-02-04", "--outcome", "dismissed",
                       "--format", "ics")  # fmt: skip
    assert code == 0
    assert "DTSTART;VALUE=DATE:20250207" in out
    assert out.count("BEGIN:VEVENT") == 1  # only the step with a date


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_with_no_date_names_the_dates_it_takes(lang: str) -> None:
    from penetapan_cli.core.facts import name_facts
    from penetapan_cli.options import OPTION_NAMES

    for args in ([], ["--outcome", "dismissed"], ["--outcome", "psu", "--order-days", "60"]):
        code, out, err = run("timeline", *args, "--lang", lang)
        assert (code, out) == (2, "")
        expected = name_facts(ERRORS["timeline.no_date"][lang], OPTION_NAMES)
        assert err == f"penetapan: {expected}\n"
        for option in ("--announced", "--registered", "--decided", "--notified"):
            assert option in err
