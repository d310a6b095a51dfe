"""CLI: --rules, penetapan rules, --compare, --decided, timeline and --ics (exit codes and exact
machine output)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import icalendar
import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app
from penetapan_cli.core.rules import DEFAULT_RULE_SET
from penetapan_cli.sources.rulesets import RULESETS_DIR

runner = CliRunner()
ENV = {"PENETAPAN_LANG": "en", "NO_COLOR": "1", "COLUMNS": "100"}
AS_OF = ["--as-of", "2025-02-05"]


def run(*args: str) -> Any:
    return runner.invoke(app, list(args), env=ENV)


def as_json(*args: str) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code in (0, 3), result.stderr
    return json.loads(result.stdout)


def test_rules_lists_the_shipped_sets() -> None:
    data = as_json("rules")
    assert data["default"] == "pkpu-18-2024"
    assert [(r["id"], r["status"], r["default"]) for r in data["rule_sets"]] == [
        ("pkpu-18-2024", "in-force", True),
        ("pkpu-19-2020", "superseded", False),
        ("pkpu-2-2024-annex", "reported-unverified", False),
    ]
    text = run("rules")
    assert text.exit_code == 0
    assert "pkpu-2-2024-annex" in text.stdout
    assert "reported-unverified" in text.stdout


def test_rules_show_prints_every_rule_with_citation() -> None:
    data = as_json("rules", "show", "pkpu-2-2024-annex")
    assert data["status"] == "reported-unverified"
    assert [r["id"] for r in data["rules"]] == [
        "annex-no-petition",
        "annex-decision",
        "annex-follow-up",
    ]
    decision = data["rules"][1]
    assert (decision["days"], decision["unit"], decision["count_from"]) == (5, "calendar", "after")
    assert decision["citation"]["quote"] == "verbatim"
    assert "olemah.com" in decision["citation"]["source"]
    assert any("unverified" in n["text"] for n in decision["notices"])
    text = run("rules", "show", "pkpu-19-2020")
    assert text.exit_code == 0
    assert "salinan putusan Mahkamah Konstitusi diterima" in " ".join(text.stdout.split())
    assert "Pasal 54 ayat (5)" in text.stdout


def test_rules_show_validates_a_user_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    default = (RULESETS_DIR / f"{DEFAULT_RULE_SET}.toml").read_text(encoding="utf-8")
    path.write_text(default.replace('unit = "calendar"', 'unit = "weeks"', 1), encoding="utf-8")
    result = run("rules", "show", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"penetapan: rule file {str(path)!r}: rules[0].unit (rule '57-1-a'): expected "
        "'calendar' or 'working', got 'weeks'\n"
    )
    result = run("deadline", "dismissed", "2025-02-04", "--rules", str(path))
    assert result.exit_code == 2
    assert "rules[0].unit" in result.stderr


def test_rules_unknown_name() -> None:
    result = run("deadline", "dismissed", "2025-02-04", "--rules", "pkpu-99")
    assert result.exit_code == 2
    assert result.stderr == (
        "penetapan: unknown rule set 'pkpu-99': expected one of pkpu-18-2024, pkpu-19-2020, "
        "pkpu-2-2024-annex or the path of a .toml file\n"
    )


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        # PKPU 18/2024 Pasal 57(1)(b): 3 calendar days after Tue 4 Feb 2025 -> Fri 7 Feb 2025
        ("pkpu-18-2024", "2025-02-07"),
        # PKPU 19/2020 Pasal 54(6): 3 days after the copy is received -> Fri 7 Feb 2025
        ("pkpu-19-2020", "2025-02-07"),
        # PKPU 2/2024 annex, as reported: 5 days after -> Sun 9 Feb 2025
        ("pkpu-2-2024-annex", "2025-02-09"),
    ],
)
def test_deadline_rules_option(rules: str, expected: str) -> None:
    result = run("deadline", "dismissed", "2025-02-04", "--rules", rules, "--format", "date")
    assert result.exit_code == 0
    assert result.stdout == expected + "\n"


def test_a_rule_set_not_in_force_says_so() -> None:
    result = run(
        "deadline", "dismissed", "2025-02-04", "--rules", "pkpu-19-2020", "--format", "date"
    )
    assert result.stdout == "2025-02-07\n"
    assert result.stderr.startswith(
        "note: rule set pkpu-19-2020 is superseded: The 2020 Pilkada rule, for comparison; PKPU "
        "18/2024 governs Pilkada 2024.\n"
    )
    assert "note: rule set" not in run("deadline", "dismissed", "2025-02-04").stderr


def test_deadline_with_a_user_rule_file(tmp_path: Path) -> None:
    path = tmp_path / "draft.toml"
    default = (RULESETS_DIR / f"{DEFAULT_RULE_SET}.toml").read_text(encoding="utf-8")
    path.write_text(
        default.replace('id = "pkpu-18-2024"', 'id = "draft-4"').replace("days = 3", "days = 4"),
        encoding="utf-8",
    )
    data = as_json("deadline", "rejected", "2025-02-24", "--rules", str(path))
    # the user's rule: 4 calendar days after Mon 24 Feb 2025 -> Fri 28 Feb 2025
    assert (data["deadline"], data["rule"]["id"]) == ("2025-02-28", "draft-4/57-1-b")


def test_outcomes_rules_option() -> None:
    data = as_json("outcomes", "--rules", "pkpu-19-2020")
    assert data["rule_set"] == "pkpu-19-2020"
    assert {r["outcome"]: r["rule"] for r in data["outcomes"]}["no-petition"] == (
        "pkpu-19-2020/54-5"
    )


def test_compare_json() -> None:
    data = as_json("deadline", "dismissed", "2025-02-04", "--compare", *AS_OF)
    assert data["deadline"] == "2025-02-07"
    assert data["safe_deadline"] == "2025-02-07"
    assert data["decided_on"] is None
    assert data["counted_from"] == "notified"
    assert [
        (c["rule_set"], c["active"], c["rule"], c["deadline"], c["days_left"], c["safe"])
        for c in data["comparison"]
    ] == [
        ("pkpu-18-2024", True, "pkpu-18-2024/57-1-b", "2025-02-07", 2, True),
        ("pkpu-19-2020", False, "pkpu-19-2020/54-6", "2025-02-07", 2, True),
        ("pkpu-2-2024-annex", False, "pkpu-2-2024-annex/annex-decision", "2025-02-09", 4, False),
    ]


def test_compare_date_is_the_safe_one_even_with_the_annex_active() -> None:
    result = run(
        "deadline", "no-petition", "2025-01-03", "--compare", "--rules", "pkpu-2-2024-annex",
        "--format", "date",
    )  # fmt: skip
    assert result.exit_code == 0
    # PKPU 18/2024 Pasal 57(1)(a): 3 calendar days after Fri 3 Jan 2025 -> Mon 6 Jan 2025
    # (the annex reading would give Wed 8 Jan 2025)
    assert result.stdout == "2025-01-06\n"
    data = as_json(
        "deadline", "no-petition", "2025-01-03", "--compare", "--rules", "pkpu-2-2024-annex"
    )
    assert (data["deadline"], data["safe_deadline"]) == ("2025-01-08", "2025-01-06")
    assert [c["safe"] for c in data["comparison"]] == [False, True, True]


def test_compare_text_marks_safe() -> None:
    result = run("deadline", "dismissed", "2025-02-04", "--compare", *AS_OF)
    assert result.exit_code == 0
    assert result.stdout.count("SAFE") == 2
    assert "Safe date (the earliest): Friday, 7 February 2025" in result.stdout


def test_decided_json_shows_both_and_marks_the_reading_safe() -> None:
    data = as_json("deadline", "dismissed", "2025-02-05", "--decided", "2025-02-04", *AS_OF)
    assert (data["notified_on"], data["decided_on"]) == ("2025-02-05", "2025-02-04")
    assert (data["counted_from"], data["trigger_date"]) == ("decided", "2025-02-04")
    # 3 calendar days after the reading (Tue 4 Feb) -> Fri 7 Feb 2025;
    # after the notification (Wed 5 Feb) -> Sat 8 Feb 2025
    assert (data["deadline"], data["safe_deadline"], data["days_left"]) == (
        "2025-02-07",
        "2025-02-07",
        2,
    )
    assert [(c["counted_from"], c["deadline"], c["safe"]) for c in data["comparison"]] == [
        ("decided", "2025-02-07", True),
        ("notified", "2025-02-08", False),
    ]
    result = run("deadline", "dismissed", "2025-02-05", "--decided", "2025-02-04", *AS_OF)
    assert "decision read out (--decided)" in result.stdout
    assert result.stdout.count("SAFE") == 1


def test_decided_format_date() -> None:
    result = run(
        "deadline", "rejected", "26/02/2025", "--decided", "24 Februari 2025", "--format", "date"
    )
    # 3 calendar days after Mon 24 Feb 2025 -> Thu 27 Feb 2025
    assert (result.exit_code, result.stdout) == (0, "2025-02-27\n")


def test_decided_after_notified_exits_2() -> None:
    result = run("deadline", "dismissed", "2025-02-04", "--decided", "2025-02-05")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "penetapan: --decided 2025-02-05 is after the notification date 2025-02-04: a decision "
        "is read out before (or on the day) its notification reaches the KPU; check the two "
        "dates\n"
    )


def test_decided_with_no_petition_exits_2() -> None:
    result = run("deadline", "no-petition", "2025-01-06", "--decided", "2025-01-03")
    assert result.exit_code == 2
    assert result.stderr.startswith("penetapan: --decided does not apply to no-petition")


def test_plain_deadline_json_has_the_new_keys_empty() -> None:
    data = as_json("deadline", "dismissed", "2025-02-04")
    assert (data["decided_on"], data["comparison"], data["region"]) == (None, None, None)
    assert (data["counted_from"], data["trigger_date"]) == ("notified", "2025-02-04")
    assert data["safe_deadline"] == data["deadline"] == "2025-02-07"


def test_deadline_ics_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "medan.ics"
    result = run(
        "deadline", "dismissed", "2025-02-04", "--ics", str(path), "--region", "Kota Medan",
        "--format", "date",
    )  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout == "2025-02-07\n"
    assert result.stderr.endswith(f"note: wrote 1 event to {str(path)!r}\n")
    (event,) = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart") == dt.date(2025, 2, 7)
    assert "Kota Medan" in str(event["summary"])


def test_deadline_ics_pending_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "psu.ics"
    result = run("deadline", "psu", "2025-02-24", "--ics", str(path))
    assert result.exit_code == 3
    assert not path.exists()
    assert f"note: no deadline yet: {str(path)!r} not written" in result.stderr


TIMELINE_2024 = ["timeline", "--announced", "2024-12-16", "--registered", "2025-01-03"]


def test_timeline_json_2024() -> None:
    data = as_json(*TIMELINE_2024, "--notified", "2025-02-04", "--outcome", "dismissed", *AS_OF)
    assert data["status"] == "ok"
    assert [
        (s["id"], s["status"], s["deadline"], s["days_left"], s["counted_from"])
        for s in data["steps"]
    ] == [
        # UU 10/2016 Pasal 157(5): Mon 16, Tue 17, Wed 18 Dec 2024
        ("petition", "ok", "2024-12-18", -49, "announced"),
        # Pasal 157(8): 45 working days counted from Fri 3 Jan 2025 -> Tue 11 Mar 2025
        ("mk-decision", "ok", "2025-03-11", 34, "registered"),
        # PKPU 18/2024 Pasal 57(1)(b): 3 calendar days after Tue 4 Feb 2025 -> Fri 7 Feb 2025
        ("declaration", "ok", "2025-02-07", 2, "notified"),
    ]
    petition = data["steps"][0]
    assert petition["citation"]["article"] == "Pasal 157 ayat (5)"
    assert (petition["days"], petition["unit"], petition["count_from"]) == (3, "working", "on")
    assert "trace" not in petition


def test_timeline_waiting_steps() -> None:
    data = as_json("timeline", "--announced", "2024-12-16")
    assert [(s["id"], s["status"], s["waiting_for"]) for s in data["steps"]] == [
        ("petition", "ok", []),
        ("mk-decision", "waiting", ["--registered"]),
        ("declaration/57-1-a", "waiting", ["--notified"]),
        ("declaration/57-1-b", "waiting", ["--notified"]),
        ("declaration/57-follow-up", "pending", []),
    ]
    text = run("timeline", "--announced", "2024-12-16")
    assert text.exit_code == 0
    assert "waiting for --registered" in text.stdout


def test_timeline_revote_exits_3_and_writes_ics(tmp_path: Path) -> None:
    path = tmp_path / "pasaman.ics"
    args = [*TIMELINE_2024, "--decided", "2025-02-24", "--outcome", "psu", "--order-days", "60"]
    result = run(*args, "--ics", str(path), "--region", "Kabupaten Pasaman")
    assert result.exit_code == 3
    assert result.stderr.endswith(f"note: wrote 3 events to {str(path)!r}\n")
    events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    # petition Wed 18 Dec 2024; MK limit Tue 11 Mar 2025; 60 days from Mon 24 Feb 2025 (day 1)
    # -> Thu 24 Apr 2025 (the Pasaman re-vote was held on Sat 19 Apr 2025)
    assert [e.decoded("dtstart") for e in events] == [
        dt.date(2024, 12, 18),
        dt.date(2025, 3, 11),
        dt.date(2025, 4, 24),
    ]
    data = as_json(*args)
    assert data["status"] == "pending"
    assert [(s["id"], s["status"], s["deadline"]) for s in data["steps"]][2:] == [
        ("declaration", "pending", None),
        ("order", "ok", "2025-04-24"),
        ("next-cycle", "waiting", None),
    ]


def test_timeline_format_ics_on_stdout() -> None:
    result = run(*TIMELINE_2024, "--format", "ics")
    assert result.exit_code == 0
    events = icalendar.Calendar.from_ical(result.stdout.encode()).walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [dt.date(2024, 12, 18), dt.date(2025, 3, 11)]


def test_timeline_explain_has_traces() -> None:
    data = as_json(*TIMELINE_2024, "--explain")
    mk = data["steps"][1]
    counted = [d for d in mk["trace"] if d["status"] == "counted"]
    assert (len(counted), counted[0]["date"], counted[-1]["date"]) == (
        45,
        "2025-01-03",
        "2025-03-11",
    )
    text = run(*TIMELINE_2024, "--explain")
    assert "Isra" in text.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--registered", "2024-12-01"],
            "penetapan: --registered 2024-12-01 is before --announced 2024-12-16: the MK "
            "registers cases after the result is announced; check the dates\n",
        ),
        (
            ["--notified", "2025-02-30"],
            "penetapan: --notified: invalid date '2025-02-30': February 2025 has 28 days\n",
        ),
        (
            ["--order-days", "60", "--outcome", "rejected"],
            "penetapan: --order-days applies to an MK order (revote, recount, recapitulation), "
            "not to outcome 'rejected'\n",
        ),
    ],
)
def test_timeline_bad_input(args: list[str], message: str) -> None:
    result = run("timeline", "--announced", "2024-12-16", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message


@pytest.mark.parametrize(
    ("args", "absent"),
    [
        (["deadline", "dismissed", "2025-02-04", "--compare", "--format", "date"], ["pydantic"]),
        (
            ["deadline", "dismissed", "2025-02-04", "--rules", "pkpu-19-2020", "--format", "json"],
            ["pydantic", "icalendar"],
        ),
        (["timeline", "--announced", "2024-12-16", "--format", "json"], ["pydantic", "icalendar"]),
    ],
)
def test_shipped_rules_do_not_import_the_heavy_edges(args: list[str], absent: list[str]) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from penetapan_cli.cli import main\n"
        f"sys.argv = ['penetapan', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {absent!r} if m in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip().splitlines()[-1] == "[]"
