"""The command line through typer's CliRunner: exit codes and exact machine output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app

runner = CliRunner()
EXAMPLES = Path(__file__).parent.parent / "examples"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_date_format_prints_the_bare_date() -> None:
    # PKPU 18/2024 Pasal 57(1)(b): Mon 24 Feb 2025 + 3 calendar days = Thu 27 Feb 2025.
    code, out, _ = run("deadline", "rejected", "2025-02-24", "--format", "date")
    assert (code, out) == (0, "2025-02-27\n")


@pytest.mark.parametrize(
    "date",
    [
        "2025-02-04",
        "04/02/2025",
        "4-2-2025",
        "4 Februari 2025",
        "4 Feb 2025",
        "4 February 2025",
        "Selasa, 4 Februari 2025",
    ],
)
def test_every_date_form_gives_the_medan_deadline(date: str) -> None:
    # docs/legal-basis.md, "Pilkada 2024 as it happened": Kota Medan, not accepted on
    # Tue 4 Feb 2025 → Fri 7 Feb 2025.
    code, out, _ = run("deadline", "dismissed", date, "--format", "date")
    assert (code, out) == (0, "2025-02-07\n")


def test_json_object() -> None:
    code, out, err = run(
        "deadline", "no-petition", "06/01/2025", "--format", "json", "--as-of", "2025-01-07"
    )
    assert code == 0
    data = json.loads(out)
    # PKPU 18/2024 Pasal 57(1)(a): Mon 6 Jan 2025 + 3 calendar days = Thu 9 Jan 2025.
    assert data["schema_version"] == 1
    assert data["outcome"] == "no-petition"
    assert data["notified_on"] == "2025-01-06"
    assert data["deadline"] == "2025-01-09"
    assert data["status"] == "ok"
    assert data["days_left"] == 2
    assert data["rule"]["id"] == "pkpu-18-2024/57-1-a"
    assert {k: data["rule"][k] for k in ("days", "unit", "count_from", "roll")} == {
        "days": 3,
        "unit": "calendar",
        "count_from": "after",
        "roll": "none",
    }
    assert data["rule"]["citation"]["article"] == "Pasal 57 ayat (1) huruf a"
    assert data["rule"]["citation"]["quote"] == "verbatim"
    assert data["warnings"] == []
    assert data["estimated_years"] == []
    assert data["holidays_version"]
    assert "trace" not in data
    assert err == ""


def test_json_trace_with_explain() -> None:
    _, out, _ = run(
        "deadline",
        "rejected",
        "2024-12-23",
        "--basis",
        "working",
        "--format",
        "json",
        "--explain",
        "--as-of",
        "2024-12-23",
    )
    data = json.loads(out)
    # Working days from Mon 23 Dec 2024: 24 (1), 25 Natal, 26 cuti bersama, 27 (2),
    # weekend, Mon 30 Dec 2024 (3) — SKB 3 Menteri 2024.
    assert data["deadline"] == "2024-12-30"
    assert data["basis"] == "working"
    assert data["basis_override"] is True
    assert [(d["date"], d["status"], d["number"]) for d in data["trace"]] == [
        ("2024-12-23", "trigger", None),
        ("2024-12-24", "counted", 1),
        ("2024-12-25", "skipped", None),
        ("2024-12-26", "skipped", None),
        ("2024-12-27", "counted", 2),
        ("2024-12-28", "skipped", None),
        ("2024-12-29", "skipped", None),
        ("2024-12-30", "counted", 3),
    ]
    assert data["trace"][3]["reasons"] == [
        {"kind": "cuti-bersama", "name": "Christmas Joint Holiday", "estimated": False}
    ]


def test_no_cuti_bersama_option() -> None:
    # Same span with cuti bersama as working days: Tue 24 (1), Thu 26 (2), Fri 27 Dec 2024 (3).
    code, out, _ = run(
        "deadline",
        "rejected",
        "2024-12-23",
        "--basis",
        "working",
        "--no-cuti-bersama",
        "--format",
        "date",
    )
    assert (code, out) == (0, "2024-12-27\n")


def test_closures_option() -> None:
    # examples/closures-2025.txt closes 5-6 Feb 2025: Tue 4 Feb + 3 working days = Tue 11 Feb.
    code, out, _ = run(
        "deadline",
        "dismissed",
        "2025-02-04",
        "--basis",
        "working",
        "--closures",
        str(EXAMPLES / "closures-2025.txt"),
        "--format",
        "date",
    )
    assert (code, out) == (0, "2025-02-11\n")


def test_text_output_indonesian() -> None:
    code, out, _ = run(
        "deadline",
        "tidak-dapat-diterima",
        "4 Februari 2025",
        "--explain",
        "--lang",
        "id",
        "--as-of",
        "2025-02-05",
    )
    assert code == 0
    flat = " ".join(out.split())
    # GLOSARIUM.md: "batas akhir" for the deadline, "sisa waktu N hari" for the days left
    assert "Batas akhir: Jumat, 7 Februari 2025" in flat
    assert "Status: sisa waktu 2 hari (per Rabu, 5 Februari 2025)" in flat
    assert "Amar putusan MK: permohonan tidak dapat diterima (dismissed)" in flat
    assert "Dihitung setelah: Selasa, 4 Februari 2025" in flat
    assert "PKPU 18/2024 Pasal 57 ayat (1) huruf b" in flat
    assert "Catatan hukum: Peristiwa awal penghitungan belum pasti" in flat
    assert "Rincian hari" in flat
    assert "\x1b[" not in out


@pytest.mark.parametrize(
    ("as_of", "countdown"),
    [
        ("2025-02-04", "3 days left"),
        ("2025-02-07", "due today"),
        ("2025-02-09", "overdue by 2 days"),
    ],
)
def test_text_countdown_english(as_of: str, countdown: str) -> None:
    code, out, _ = run("deadline", "dismissed", "2025-02-04", "--lang", "en", "--as-of", as_of)
    assert code == 0
    assert "Deadline: Friday, 7 February 2025" in out
    assert countdown in " ".join(out.split())


def test_language_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PENETAPAN_LANG", "id")
    _, out, _ = run("deadline", "dismissed", "2025-02-04", "--as-of", "2025-02-04")
    assert "Batas akhir: Jumat, 7 Februari 2025" in out
    monkeypatch.delenv("PENETAPAN_LANG")
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    _, out, _ = run("deadline", "dismissed", "2025-02-04", "--as-of", "2025-02-04")
    assert "Batas akhir: Jumat, 7 Februari 2025" in out
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    _, out, _ = run("deadline", "dismissed", "2025-02-04", "--as-of", "2025-02-04")
    assert "Deadline: Friday, 7 February 2025" in out


def test_pending_outcome_exits_3() -> None:
    code, out, err = run("deadline", "psu", "2025-02-24", "--format", "json")
    assert code == 3
    data = json.loads(out)
    assert (data["deadline"], data["status"], data["days_left"]) == (None, "pending", None)
    assert "Pasal 157 ayat (5)" in data["follow_up"]
    code, out, err = run("deadline", "psu", "2025-02-24", "--format", "date")
    assert (code, out) == (3, "")
    assert "No declaration deadline yet" in err


def test_coverage_warning_goes_to_stderr() -> None:
    code, out, err = run(
        "deadline", "rejected", "2028-03-01", "--basis", "working", "--format", "date"
    )
    assert code == 0
    # 1 Mar 2028 is a Wednesday; the 2028 data lists nothing on 2-6 Mar: Thu 2 (1), Fri 3 (2),
    # weekend skipped, Mon 6 Mar 2028 (3).
    assert out == "2028-03-06\n"
    assert "warning: The holiday data lists no cuti bersama for 2028" in err


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["deadline", "dismissed", "2025-02-30"], "invalid date '2025-02-30'"),
        (["deadline", "dismissed", "04/02/25"], "'04/02/25'"),
        (["deadline", "dismissed", "1738627200"], "'1738627200'"),
        (["deadline", "dismised", "2025-02-04"], "did you mean 'dismissed'"),
        (["deadline", "dismissed", "2025-02-04", "--lang", "fr"], "invalid --lang 'fr'"),
        (["deadline", "dismissed", "2025-02-04", "--tz", "Mars/Base"], "unknown time zone"),
        (["deadline", "dismissed", "2025-02-04", "--as-of", "yesterday"], "'yesterday'"),
        # Run in an empty tmp_path: missing.txt names tmp_path / "missing.txt", which is absent.
        (["deadline", "dismissed", "2025-02-04", "--closures", "missing.txt"], "not found"),
        (["deadline", "dismissed", "2025-02-04", "--explain", "--format", "date"], "--explain"),
        (["holidays", "1900"], "year 1900 is out of range"),
    ],
)
def test_bad_input_one_line_exit_2(
    args: list[str], fragment: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("penetapan: ")
    assert fragment in err


def test_usage_error_exit_2() -> None:
    code, _, err = run("deadline", "dismissed", "2025-02-04", "--basis", "weekly")
    assert code == 2
    assert "weekly" in err


def test_outcomes_json_lists_every_outcome() -> None:
    code, out, _ = run("outcomes", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [o["outcome"] for o in data["outcomes"]] == [
        "no-petition",
        "dismissed",
        "withdrawn",
        "lapsed",
        "not-competent",
        "rejected",
        "granted",
        "revote",
        "recount",
        "recapitulation",
        "correction",
    ]
    assert data["outcomes"][1]["aliases"] == ["tidak-dapat-diterima", "tidak-lanjut", "dismissal"]
    assert data["outcomes"][7]["days"] is None


def test_outcomes_text() -> None:
    code, out, _ = run("outcomes", "--lang", "id")
    assert code == 0
    assert "belum dapat" in out  # "belum dapat ditentukan", folded in a narrow table
    assert "huruf a" in out


def test_holidays_json_2025() -> None:
    code, out, _ = run("holidays", "2025", "--format", "json", "--lang", "id")
    assert code == 0
    data = json.loads(out)
    days = {(d["date"], d["kind"]) for d in data["days"]}
    # SKB 3 Menteri 2025 (as amended Aug 2025): 18 Aug is cuti bersama, 31 Mar Idul Fitri.
    assert ("2025-08-18", "cuti-bersama") in days
    assert ("2025-03-31", "public-holiday") in days
    assert data["has_cuti_bersama"] is True
    assert data["estimated"] is False


def test_holidays_flags_estimates_2028() -> None:
    code, out, _ = run("holidays", "2028", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert data["estimated"] is True
    assert any(d["estimated"] for d in data["days"])
    assert data["has_cuti_bersama"] is False


def test_holidays_text_with_closures() -> None:
    code, out, _ = run("holidays", "2025", "--closures", str(EXAMPLES / "closures-2025.txt"))
    assert code == 0
    assert "office closure" in out
    assert "banjir" in out


def test_version() -> None:
    from penetapan_cli import __version__

    code, out, _ = run("--version")
    assert (code, out) == (0, f"penetapan {__version__}\n")


def test_every_command_and_option_has_help() -> None:
    """Every command (built as it would be to run) and each of its options has help text."""
    import typer.main

    def walk(command: Any, path: str) -> list[str]:
        missing = [] if command.help else [path]
        missing += [f"{path} {p.name}" for p in command.params if not getattr(p, "help", None)]
        for name in getattr(command, "list_commands", lambda ctx: [])(None):
            missing += walk(command.get_command(None, name), f"{path} {name}")
        return missing

    root = typer.main.get_command(app)
    assert sorted(root.list_commands(None)) == [  # type: ignore[attr-defined]
        "batch",
        "deadline",
        "holidays",
        "outcomes",
        "rules",
        "timeline",
    ]
    assert walk(root, "penetapan") == []


def test_root_help_lists_commands_without_building_them() -> None:
    import typer.main

    from penetapan_cli.cli import _Unbuilt

    root: Any = typer.main.get_command(app)
    with root.make_context("penetapan", [], resilient_parsing=True) as ctx:
        text = root.get_help(ctx)
    assert "rules     List the rule sets" in text
    assert "batch     Compute the deadlines of many regions" in text
    assert all(isinstance(c, _Unbuilt) for c in root.commands.values())
    built = root.get_command(ctx, "deadline")
    assert not isinstance(built, _Unbuilt)
    assert "--basis" in [opt for p in built.params for opt in p.opts]
