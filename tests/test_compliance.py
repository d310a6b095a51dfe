"""Was the elected pair declared on time? ``--declared``, the batch column ``declared_on`` and
``timeline --declared``.

Every expected verdict follows from the rule (docs/legal-basis.md, "The rule": 3 calendar days
"setelah" the trigger, the trigger day not counted) and the calendar; the real 2025 cases are
those of docs/legal-basis.md, "Pilkada 2024 as it happened". A verdict is never compared with
a date the tool computed for the same test: each deadline is written out with its arithmetic.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app
from penetapan_cli.core.compliance import Compliance, check_declared, judge
from penetapan_cli.core.errors import InputError
from penetapan_cli.messages import LANGS, error_text, verdict_sentence, verdict_short

runner = CliRunner(env={"PENETAPAN_LANG": "en"})
D = dt.date


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def deadline_json(*args: str) -> dict[str, object]:
    code, out, err = run("deadline", *args, "--format", "json")
    assert code in (0, 3), err
    data: dict[str, object] = json.loads(out)
    return data


# --- the core --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("declared", "deadline", "earliest", "compliance", "days_late"),
    [
        # Kota Medan: not accepted Tue 4 Feb 2025, deadline Fri 7 Feb (4 Feb + 3), declared
        # Wed 5 Feb 2025 (docs/legal-basis.md, "Pilkada 2024 as it happened").
        (D(2025, 2, 5), D(2025, 2, 7), D(2025, 2, 4), Compliance.ON_TIME, 0),
        # On the last day, and on the trigger day itself: both within the period.
        (D(2025, 2, 7), D(2025, 2, 7), D(2025, 2, 4), Compliance.ON_TIME, 0),
        (D(2025, 2, 4), D(2025, 2, 7), D(2025, 2, 4), Compliance.ON_TIME, 0),
        # A day past the deadline is late by 1; February 2025 has 28 days, so a deadline of
        # Thu 27 Feb and a declaration on Mon 3 Mar are 4 calendar days apart (28, 1, 2, 3).
        (D(2025, 2, 8), D(2025, 2, 7), D(2025, 2, 4), Compliance.LATE, 1),
        (D(2025, 3, 3), D(2025, 2, 27), D(2025, 2, 24), Compliance.LATE, 4),
        # The day before the trigger: premature, even for an outcome without a deadline.
        (D(2025, 2, 3), D(2025, 2, 7), D(2025, 2, 4), Compliance.PREMATURE, 0),
        (D(2025, 2, 23), None, D(2025, 2, 24), Compliance.PREMATURE, 0),
        # Kabupaten Pasaman: PSU ordered Mon 24 Feb 2025, declared Fri 9 May 2025 after the new
        # cycle: no deadline from the order itself, so the tool cannot say.
        (D(2025, 5, 9), None, D(2025, 2, 24), Compliance.UNDETERMINED, None),
    ],
)
def test_judge(
    declared: dt.date,
    deadline: dt.date | None,
    earliest: dt.date,
    compliance: Compliance,
    days_late: int | None,
) -> None:
    verdict = judge(declared, deadline, earliest)
    assert (verdict.compliance, verdict.days_late) == (compliance, days_late)


def test_a_declaration_after_the_date_of_the_count_is_refused() -> None:
    check_declared(D(2025, 2, 5), D(2025, 2, 5))  # the day itself is fine
    with pytest.raises(InputError) as raised:
        check_declared(D(2025, 2, 6), D(2025, 2, 5))
    assert "2025-02-06 is after 2025-02-05" in error_text(raised.value, "en")


@pytest.mark.parametrize("compliance", list(Compliance))
@pytest.mark.parametrize("lang", LANGS)
def test_every_verdict_is_worded_in_both_languages(compliance: Compliance, lang: str) -> None:
    days = {Compliance.LATE: 2, Compliance.UNDETERMINED: None}.get(compliance, 0)
    deadline = None if compliance is Compliance.UNDETERMINED else D(2025, 2, 7)
    verdict = judge(D(2025, 2, 5), deadline, D(2025, 2, 4))._replace(
        compliance=compliance, days_late=days
    )
    sentence = verdict_sentence(verdict, lang, event="EVENT")
    assert sentence
    assert "{" not in sentence
    assert verdict_short(verdict, lang)
    assert "{" not in verdict_short(verdict, lang)


# --- penetapan deadline --declared -----------------------------------------------------------


def test_medan_card_says_on_time_and_cites_the_rule() -> None:
    # Not accepted Tue 4 Feb 2025 -> Fri 7 Feb 2025; declared Wed 5 Feb 2025.
    code, out, _ = run(
        "deadline", "dismissed", "2025-02-04", "--declared", "2025-02-05", "--lang", "id"
    )
    assert code == 0
    assert (
        "Penetapan dilakukan: Rabu, 5 Februari 2025 — penetapan tepat waktu (masih dalam batas "
        "waktu; batas akhir Jumat, 7 Februari 2025); PKPU 18/2024 Pasal 57 ayat (1) huruf b"
    ) in out


def test_late_days_are_calendar_days_whatever_the_unit() -> None:
    # --basis working: 3 working days after Tue 4 Feb 2025 are Wed 5, Thu 6, Fri 7 Feb 2025
    # (no holiday that week, SKB 3 Menteri 2025). Declared Mon 10 Feb: 3 calendar days late
    # (Sat 8, Sun 9, Mon 10), though only one working day.
    args = ("dismissed", "2025-02-04", "--basis", "working", "--declared", "2025-02-10")
    data = deadline_json(*args)
    assert (data["deadline"], data["compliance"], data["days_late"]) == ("2025-02-07", "late", 3)
    _, out, _ = run("deadline", *args, "--lang", "id")
    assert "penetapan terlambat 3 hari kalender (batas akhir Jumat, 7 Februari 2025)" in out
    _, out, _ = run("deadline", *args, "--lang", "en")
    assert "declared late by 3 calendar days (deadline Friday, 7 February 2025)" in out


def test_premature_names_the_trigger() -> None:
    # Declared Mon 3 Feb 2025, the day before the decision of Tue 4 Feb 2025 was notified.
    data = deadline_json("dismissed", "2025-02-04", "--declared", "2025-02-03")
    assert (data["compliance"], data["days_late"]) == ("premature", 0)
    _, out, _ = run(
        "deadline", "dismissed", "2025-02-04", "--declared", "03/02/2025", "--lang", "id"
    )
    assert (
        "penetapan dilakukan sebelum waktunya (prematur): sebelum putusan atau ketetapan MK " in out
    )
    assert "Selasa, 4 Februari 2025" in out


def test_json_fields_are_null_without_declared_and_keep_schema_1() -> None:
    data = deadline_json("dismissed", "2025-02-04")
    assert data["schema_version"] == 1
    assert (data["declared_on"], data["compliance"], data["days_late"]) == (None, None, None)
    data = deadline_json("dismissed", "2025-02-04", "--compare")
    comparison = data["comparison"]
    assert isinstance(comparison, list)
    assert all(o["compliance"] is None and o["days_late"] is None for o in comparison)


def test_pending_outcome_is_undetermined_and_still_exits_3() -> None:
    # Kabupaten Pasaman: PSU ordered Mon 24 Feb 2025; declared Fri 9 May 2025 after the PSU.
    code, out, _ = run(
        "deadline", "psu", "2025-02-24", "--declared", "2025-05-09", "--format", "json"
    )
    data = json.loads(out)
    assert code == 3
    assert (data["declared_on"], data["compliance"], data["days_late"]) == (
        "2025-05-09",
        "undetermined",
        None,
    )
    code, out, _ = run("deadline", "psu", "2025-02-24", "--declared", "2025-05-09", "--lang", "en")
    assert code == 3
    assert "check the new cycle's outcome and dates" in out


def test_exit_code_and_date_format_are_unchanged() -> None:
    plain = run("deadline", "rejected", "2025-02-24", "--format", "date")
    late = run("deadline", "rejected", "2025-02-24", "--format", "date", "--declared", "2025-03-03")
    assert plain == late
    assert plain[:2] == (0, "2025-02-27\n")


@pytest.mark.parametrize(
    ("declared", "message"),
    [
        (
            "2025-02-06",
            "penetapan: --declared 2025-02-06 is after 2025-02-05, the date of the count (today, "
            "or --as-of): a declaration that has not happened yet cannot be checked; check the "
            "date\n",
        ),
        (
            "2025-02-30",
            "penetapan: --declared: invalid date '2025-02-30': February 2025 has 28 days\n",
        ),
        ("kemarin", "penetapan: --declared: invalid date 'kemarin'"),
    ],
)
def test_bad_or_future_declared_is_refused_in_one_line(declared: str, message: str) -> None:
    for fmt in ("text", "json", "date"):
        code, out, err = run(
            "deadline", "dismissed", "2025-02-04", "--as-of", "2025-02-05",
            "--declared", declared, "--format", fmt,
        )  # fmt: skip
        assert (code, out) == (2, "")
        assert err.startswith(message)
        assert err.count("\n") == 1


def test_fast_path_gives_the_same_answer() -> None:
    from penetapan_cli.launch import parse_deadline

    kwargs = parse_deadline(["dismissed", "2025-02-04", "--declared", "2025-02-05"])
    assert kwargs is not None
    assert kwargs["declared"] == "2025-02-05"


def test_decided_gives_each_option_its_verdict() -> None:
    # Read out Tue 4 Feb 2025 -> Fri 7 Feb; notified Wed 5 Feb 2025 -> Sat 8 Feb. Declared
    # Sat 8 Feb 2025: late by 1 counted from the reading (the safe reading, top level), on time
    # counted from the notification.
    args = ("dismissed", "2025-02-05", "--decided", "2025-02-04", "--declared", "2025-02-08")
    data = deadline_json(*args)
    assert (data["compliance"], data["days_late"]) == ("late", 1)
    options = data["comparison"]
    assert isinstance(options, list)
    assert [(o["counted_from"], o["compliance"], o["days_late"]) for o in options] == [
        ("decided", "late", 1),
        ("notified", "on-time", 0),
    ]
    _, out, _ = run("deadline", *args, "--lang", "en")
    assert "declared late by 1 calendar day (deadline Friday, 7 February 2025)" in out
    table = out.split("Deadline by trigger date")[1].splitlines()  # piped: tab-separated
    assert table[1].split("\t")[3] == "declared"
    assert table[2].split("\t")[3] == "late by 1 calendar day"
    assert table[3].split("\t")[3] == "on time"
    # The same date a day earlier is on time under both: the card shows no verdict column.
    _, out, _ = run("deadline", *args[:-1], "2025-02-07", "--lang", "en")
    assert "declared" not in out.split("Deadline by trigger date")[1]


def test_top_level_verdict_follows_the_rule_set_in_use() -> None:
    # Read out Tue 4 Feb 2025. pkpu-2-2024-annex (5 days, as reported) -> Sun 9 Feb 2025;
    # pkpu-18-2024 and pkpu-19-2020 (3 days) -> Fri 7 Feb 2025. Declared Sat 8 Feb 2025.
    annex = deadline_json(
        "dismissed", "2025-02-04", "--rules", "pkpu-2-2024-annex", "--compare",
        "--declared", "2025-02-08",
    )  # fmt: skip
    assert (annex["compliance"], annex["days_late"]) == ("on-time", 0)
    options = annex["comparison"]
    assert isinstance(options, list)
    assert {o["rule_set"]: (o["compliance"], o["days_late"]) for o in options} == {
        "pkpu-2-2024-annex": ("on-time", 0),
        "pkpu-18-2024": ("late", 1),
        "pkpu-19-2020": ("late", 1),
    }
    default = deadline_json("dismissed", "2025-02-04", "--compare", "--declared", "2025-02-08")
    assert (default["compliance"], default["days_late"]) == ("late", 1)


# --- timeline --declared ---------------------------------------------------------------------


def timeline_json(*args: str) -> dict[str, object]:
    result = runner.invoke(app, ["timeline", *args, "--format", "json", "--as-of", "2025-06-01"])
    assert result.exit_code in (0, 3), result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_timeline_declaration_step_carries_the_verdict() -> None:
    # Kota Medan: notified Tue 4 Feb 2025 -> Fri 7 Feb 2025; declared Wed 5 Feb 2025.
    data = timeline_json(
        "--announced", "2024-12-16", "--registered", "2025-01-03", "--notified", "2025-02-04",
        "--outcome", "dismissed", "--declared", "2025-02-05",
    )  # fmt: skip
    assert data["declared"] == "2025-02-05"
    steps = data["steps"]
    assert isinstance(steps, list)
    declaration = [s for s in steps if s["kind"] == "declaration"]
    assert [(s["declared_on"], s["compliance"], s["days_late"]) for s in declaration] == [
        ("2025-02-05", "on-time", 0)
    ]
    assert all("compliance" not in s for s in steps if s["kind"] != "declaration")


def test_timeline_without_outcome_judges_under_every_rule() -> None:
    # Notified Mon 24 Feb 2025 -> Thu 27 Feb 2025 under huruf a and b; declared Mon 3 Mar 2025:
    # 4 calendar days late (28 Feb, 1, 2, 3 Mar); the follow-up rule has no deadline.
    data = timeline_json(
        "--announced", "2024-12-16", "--notified", "2025-02-24", "--declared", "2025-03-03"
    )
    steps = data["steps"]
    assert isinstance(steps, list)
    assert {
        s["id"]: (s["compliance"], s["days_late"]) for s in steps if s["kind"] == "declaration"
    } == {
        "declaration/57-1-a": ("late", 4),
        "declaration/57-1-b": ("late", 4),
        "declaration/57-follow-up": ("undetermined", None),
    }
    result = runner.invoke(
        app,
        ["timeline", "--announced", "2024-12-16", "--notified", "2025-02-24",
         "--declared", "2025-03-03", "--as-of", "2025-06-01", "--lang", "id"],
    )  # fmt: skip
    assert result.stdout.count("penetapan terlambat 4 hari kalender") == 2


def test_timeline_step_waiting_for_notified_has_no_verdict() -> None:
    data = timeline_json(
        "--announced", "2024-12-16", "--outcome", "dismissed", "--declared", "2025-02-05"
    )
    steps = data["steps"]
    assert isinstance(steps, list)
    (declaration,) = [s for s in steps if s["kind"] == "declaration"]
    assert declaration["status"] == "waiting"
    assert (declaration["declared_on"], declaration["compliance"]) == ("2025-02-05", None)


def test_timeline_refuses_a_future_declaration() -> None:
    result = runner.invoke(
        app,
        [
            "timeline",
            "--announced",
            "2024-12-16",
            "--declared",
            "2025-02-06",
            "--as-of",
            "2025-02-05",
        ],
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("penetapan: --declared 2025-02-06 is after 2025-02-05")


# --- batch -----------------------------------------------------------------------------------

SEASON = (
    # Kota Medan: Tue 4 Feb 2025 -> Fri 7 Feb 2025, declared Wed 5 Feb 2025: on time.
    "Kota Medan,tidak-dapat-diterima,2025-02-04,2025-02-05\n"
    # Final decision Mon 24 Feb 2025 -> Thu 27 Feb 2025; declared Mon 3 Mar 2025 (made-up
    # region): 4 calendar days late.
    "Kabupaten Contoh,ditolak,2025-02-24,03/03/2025\n"
    # Kabupaten Pasaman: PSU ordered Mon 24 Feb 2025, declared Fri 9 May 2025: undetermined.
    "Kabupaten Pasaman,psu,2025-02-24,9 Mei 2025\n"
    # No declaration date known: both columns empty.
    "Kota Binjai,dismissed,2025-02-04,\n"
    # An impossible date: that row's error, the others computed.
    "Kabupaten Karo,dismissed,2025-02-04,2025-02-30\n"
    # The day before the notification (made-up region): premature.
    "Kota Contoh,dismissed,2025-02-05,2025-02-04\n"
)


def run_batch(tmp_path: Path, text: str, *args: str) -> tuple[int, str, str]:
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["batch", str(path), "--as-of", "2025-06-01", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "header",
    ["declared_on", "Declared", "Tanggal Penetapan Paslon", "tanggal-penetapan-calon-terpilih"],
)
def test_batch_declared_column_adds_compliance(tmp_path: Path, header: str) -> None:
    code, out, err = run_batch(tmp_path, f"daerah,putusan,tanggal,{header}\n" + SEASON)
    assert code == 1  # the impossible date is an error row
    lines = out.splitlines()
    assert lines[0] == (
        f"daerah,putusan,tanggal,{header},trigger_date,deadline,status,days_left,rule,citation,"
        "error,compliance,days_late"
    )
    cells = [line.rsplit(",", 2)[1:] for line in lines[1:]]
    assert cells == [
        ["on-time", "0"],
        ["late", "4"],
        ["undetermined", ""],
        ["", ""],
        ["", ""],
        ["premature", "0"],
    ]
    assert (
        ",error,,,,declared_on: invalid date '2025-02-30': February 2025 has 28 days,," in lines[5]
    )
    assert err.splitlines()[-1] == (
        "penetapan batch: rows=6 ok=4 pending=1 errors=1 blank=0 on_time=1 late=1 premature=1 "
        "undetermined=1"
    )


def test_batch_tanggal_penetapan_alone_is_not_the_declaration(tmp_path: Path) -> None:
    text = "daerah,putusan,tanggal,Tanggal Penetapan\nKota Medan,dismissed,2025-02-04,2024-12-16\n"
    code, out, err = run_batch(tmp_path, text)
    assert code == 0
    assert out.splitlines()[0] == (
        "daerah,putusan,tanggal,Tanggal Penetapan,trigger_date,deadline,status,days_left,rule,"
        "citation,error"
    )
    assert err.splitlines()[-1] == "penetapan batch: rows=1 ok=1 pending=0 errors=0 blank=0"


def test_batch_without_the_column_is_unchanged(tmp_path: Path) -> None:
    """The same rows with and without a declared_on column: the first ten columns agree."""
    with_column = "daerah,putusan,tanggal,declared_on\n" + SEASON
    without = "\n".join(line.rsplit(",", 1)[0] for line in with_column.splitlines()) + "\n"
    _, out_with, _ = run_batch(tmp_path, with_column)
    _, out_without, err = run_batch(tmp_path, without)
    trimmed = [line.rsplit(",", 2)[0] for line in out_with.splitlines()]
    dropped = [",".join(c for i, c in enumerate(line.split(",")) if i != 3) for line in trimmed]
    # A row whose only fault is its declaration date has a deadline without the column.
    assert dropped[:5] + dropped[6:] == (
        out_without.splitlines()[:5] + out_without.splitlines()[6:]
    )
    assert "compliance" not in out_without
    assert "on_time=" not in err


def test_batch_jsonl_and_json_carry_the_verdict(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"region": "Kota Medan", "outcome": "dismissed", "notified_on": "2025-02-04", '
        '"declared": "2025-02-05"}\n'
        '{"region": "X", "outcome": "dismissed", "notified_on": "2025-02-04", "declared": null}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["batch", str(path), "--as-of", "2025-06-01"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["compliance"], r["days_late"]) for r in rows] == [("on-time", 0), (None, None)]
    result = runner.invoke(
        app, ["batch", str(path), "--as-of", "2025-06-01", "--output-format", "json"]
    )
    assert [r["compliance"] for r in json.loads(result.stdout)] == ["on-time", None]


def test_batch_future_declaration_is_that_rows_error(tmp_path: Path) -> None:
    text = (
        "outcome,notified_on,declared_on\n"
        "dismissed,2025-02-04,2025-06-02\n"
        "dismissed,2025-02-04,2025-02-05\n"
    )
    code, out, err = run_batch(tmp_path, text)
    assert code == 1
    lines = out.splitlines()
    assert "declared_on 2025-06-02 is after 2025-06-01" in lines[1]
    assert lines[2].endswith(",on-time,0")
    assert "errors=1 blank=0 on_time=1 late=0 premature=0 undetermined=0" in err


def test_batch_output_column_names_clash_only_with_the_declared_column(tmp_path: Path) -> None:
    # Without declared_on a "compliance" column is passed through as before...
    code, out, _ = run_batch(tmp_path, "outcome,notified_on,compliance\ndismissed,2025-02-04,x\n")
    assert code == 0
    assert out.splitlines()[1].startswith("dismissed,2025-02-04,x,2025-02-04,2025-02-07")
    # ...with it, the output would hold two: refused like any other output name.
    code, _, err = run_batch(
        tmp_path, "outcome,notified_on,declared_on,days_late\ndismissed,2025-02-04,,x\n"
    )
    assert code == 2
    assert "column 'days_late' has the name of an output column" in err
