"""Bad input for `deadline`, `outcomes` and `holidays`: one line naming it, the documented exit
code, never a traceback. Each case is a row; docs/exit-codes.md counts them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app

runner = CliRunner()
OK = ["dismissed", "2025-02-04"]


def files(tmp: Path) -> dict[str, Path]:
    (tmp / "dir").mkdir()
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp / "latin1.txt").write_bytes("2025-02-05 Libur daerah caf\xe9\n".encode("latin-1"))
    (tmp / "huge.txt").write_text("2025-02-05 " + "x" * 1_000_000 + "\n", encoding="utf-8")
    (tmp / "words.txt").write_text("closed on Friday\n", encoding="utf-8")
    (tmp / "impossible.txt").write_text("2025-02-30 Bad\n", encoding="utf-8")
    return {p.name: p for p in tmp.iterdir()}


DATE_CASES = [
    ("2025-02-30", "February 2025 has 28 days"),
    ("2025-13-01", "'2025-13-01'"),
    ("0/1/2025", "'0/1/2025'"),
    ("31/04/2025", "'31/04/2025'"),
    ("1999-12-31", "'1999-12-31'"),
    ("2101-01-01", "'2101-01-01'"),
    ("2025/02/04", "'2025/02/04'"),
    ("02/04", "'02/04'"),
    ("04/02/25", "'04/02/25'"),
    ("1738627200", "'1738627200'"),
    ("1738627200000", "'1738627200000'"),
    ("20250204", "'20250204'"),
    ("", "empty"),
    ("   ", "empty"),
    ("\u0662\u0660\u0662\u0665-\u0660\u0662-\u0660\u0664", "invalid date"),
    ("\uff12\uff10\uff12\uff15-\uff10\uff12-\uff10\uff14", "invalid date"),
    ("2025-02-04T00:00", "'2025-02-04T00:00'"),
    ("4 Febuary 2025", "'4 Febuary 2025'"),
    ("tomorrow", "'tomorrow'"),
    ("Senin, 4 Februari 2025", "weekday does not match"),
    ("4/2-2025", "'4/2-2025'"),
    ("2025-02-04\n2025-02-05", "invalid date"),
    ("9" * 200, "..."),
]


@pytest.mark.parametrize(("value", "fragment"), DATE_CASES)
def test_bad_notified_date(value: str, fragment: str) -> None:
    check(["deadline", "dismissed", value], 2, fragment)


@pytest.mark.parametrize(("value", "fragment"), DATE_CASES[:8])
def test_bad_as_of_date(value: str, fragment: str) -> None:
    check(["deadline", *OK, "--as-of", value], 2, fragment)


# --declared: every bad date, and a date after the date of the count (today or --as-of).
DECLARED_CASES = [
    *((["--declared", value], fragment) for value, fragment in DATE_CASES),
    (["--as-of", "2025-02-05", "--declared", "2025-02-06"], "--declared 2025-02-06 is after"),
    (["--declared", "2100-12-31"], "--declared 2100-12-31 is after"),
]


@pytest.mark.parametrize(("args", "fragment"), DECLARED_CASES)
@pytest.mark.parametrize("command", ["deadline", "timeline"])
def test_bad_declared_date(command: str, args: list[str], fragment: str) -> None:
    head = ["deadline", *OK] if command == "deadline" else ["timeline", "--announced", "2024-12-16"]
    assert check([*head, *args], 2, fragment).startswith("penetapan: --declared")


OUTCOME_CASES = [
    ("", "empty outcome"),
    ("xyz", "unknown outcome 'xyz'"),
    ("dismised", "did you mean 'dismissed'"),
    ("ditolakk", "did you mean 'ditolak'"),
    ("psu2", "unknown outcome 'psu2'"),
    ("tidak-dapat", "unknown outcome 'tidak-dapat'"),
    ("granted!", "unknown outcome 'granted!'"),
    ("\u202edismissed", "unknown outcome"),
]


@pytest.mark.parametrize(("value", "fragment"), OUTCOME_CASES)
def test_bad_outcome(value: str, fragment: str) -> None:
    check(["deadline", value, "2025-02-04"], 2, fragment)


FILE_CASES = [
    ("missing.txt", "not found"),
    ("dir", "is a directory"),
    ("binary.txt", "not UTF-8"),
    ("latin1.txt", "not UTF-8"),
    ("words.txt", "line 1"),
    ("impossible.txt", "line 1: invalid date '2025-02-30'"),
]


@pytest.mark.parametrize(("name", "fragment"), FILE_CASES)
@pytest.mark.parametrize("command", ["deadline", "holidays"])
def test_bad_closures_file(tmp_path: Path, name: str, fragment: str, command: str) -> None:
    path = files(tmp_path).get(name, tmp_path / name)
    args = (
        ["deadline", *OK, "--basis", "working"] if command == "deadline" else ["holidays", "2025"]
    )
    check([*args, "--closures", str(path)], 2, fragment)


def test_odd_but_valid_closures_files(tmp_path: Path) -> None:
    found = files(tmp_path)
    for name in ("empty.txt", "huge.txt"):
        result = runner.invoke(
            app,
            [
                "deadline",
                *OK,
                "--basis",
                "working",
                "--closures",
                str(found[name]),
                "--format",
                "date",
            ],
        )
        # huge.txt closes Wed 5 Feb 2025: Thu 6 (1), Fri 7 (2), weekend, Mon 10 Feb 2025 (3).
        # empty.txt closes nothing: Wed 5, Thu 6, Fri 7 Feb 2025 are working days 1-3.
        expected = "2025-02-10\n" if name == "huge.txt" else "2025-02-07\n"
        assert (result.exit_code, result.stdout) == (0, expected)


OPTION_CASES = [
    (["deadline", *OK, "--lang", "fr"], 2, "invalid --lang 'fr'"),
    (["deadline", *OK, "--lang", ""], 2, "invalid --lang ''"),
    (["deadline", *OK, "--tz", "Mars/Base"], 2, "unknown time zone 'Mars/Base'"),
    (["deadline", *OK, "--tz", ""], 2, "unknown time zone"),
    (["deadline", *OK, "--format", "xml"], 2, "'xml'"),
    (["deadline", *OK, "--basis", "weekly"], 2, "'weekly'"),
    (["deadline", *OK, "--explain", "--format", "date"], 2, "--explain cannot be used"),
    (["deadline", *OK, "--nope"], 2, "--nope"),
    (["deadline", "dismissed"], 2, "NOTIFIED"),
    (["deadline", *OK, "extra"], 2, "extra"),
    (["holidays", "1999"], 2, "year 1999 is out of range"),
    (["holidays", "2101"], 2, "year 2101 is out of range"),
    (["holidays", "abc"], 2, "'abc'"),
    (["holidays", "--", "-5"], 2, "invalid year '-5'"),
    # YEAR takes ASCII digits only, as dates do: no other script's digits, no underscore.
    (["holidays", "\u0662\u0660\u0662\u0665"], 2, "invalid year '\u0662\u0660\u0662\u0665'"),
    (["holidays", "\uff12\uff10\uff12\uff15"], 2, "invalid year '\uff12\uff10\uff12\uff15'"),
    (["holidays", "2_025"], 2, "invalid year '2_025': expected a year written in the digits 0-9"),
    (["holidays", "+2025"], 2, "invalid year '+2025'"),
    (["holidays", " 2025"], 2, "invalid year ' 2025'"),
    (["holidays", "02025"], 2, "invalid year '02025'"),
    (["holidays", "9" * 5000], 2, "invalid year '9999999999999999...'"),
    (["holidays", ""], 2, "invalid year ''"),
    (["outcomes", "--format", "date"], 2, "'date'"),
    (["nope"], 2, "No such command 'nope'"),
    (["deadline", "rejected", "2028-03-01", "--basis", "working", "--strict"], 4, "--strict"),
    (["deadline", "rejected", "2027-03-08", "--basis", "working", "--strict"], 4, "2027"),
]


@pytest.mark.parametrize(("args", "code", "fragment"), OPTION_CASES)
def test_bad_options(args: list[str], code: int, fragment: str) -> None:
    check(args, code, fragment)


def test_env_language_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PENETAPAN_LANG", "jv")
    check(["deadline", *OK], 2, "invalid PENETAPAN_LANG 'jv'")


def check(args: list[str], code: int, fragment: str) -> str:
    """Exit ``code``, nothing on stdout, one line on stderr holding ``fragment``; that line."""
    result = runner.invoke(app, args)
    err = result.stderr
    assert result.exit_code == code, (args, result.stdout, err)
    assert "Traceback" not in err + result.stdout
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert fragment in err, (fragment, err)
    first, *more = err.splitlines()
    problems = re.search(r"^penetapan: rule file '[^']*': (\d+) problems: ", first)
    if problems:  # a rule file's further problems, one line each (at most 20)
        assert len(more) == min(int(problems.group(1)), 21) - 1, err
        assert all(line.startswith(first[: problems.start(1)]) for line in more), err
    else:
        assert not more, err
    assert result.stdout == ""
    return err


def test_internal_error_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import penetapan_cli.core.compare

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated fault")

    monkeypatch.setattr(penetapan_cli.core.compare, "compute_deadline", broken)
    check(["deadline", *OK], 70, "internal error (RuntimeError: simulated fault)")
    result = runner.invoke(app, ["--debug", "deadline", *OK])
    assert isinstance(result.exception, RuntimeError)


def rule_files(tmp: Path) -> dict[str, Path]:
    from penetapan_cli.sources.rulesets import RULESETS_DIR

    good = (RULESETS_DIR / "pkpu-18-2024.toml").read_text(encoding="utf-8")
    variants = {
        "malformed.toml": "id = [unclosed\n",
        "negative.toml": good.replace("days = 3", "days = -3", 1),
        "zero.toml": good.replace("days = 3", "days = 0", 1),
        "text-days.toml": good.replace("days = 3", 'days = "three"', 1),
        "unit.toml": good.replace('unit = "calendar"', 'unit = "lunar"', 1),
        "outcome.toml": good.replace('outcomes = ["no-petition"]', 'outcomes = ["maybe"]', 1),
        "empty.toml": "",
    }
    for name, text in variants.items():
        (tmp / name).write_text(text, encoding="utf-8")
    (tmp / "binary.toml").write_bytes(b"\x00\xff\xfe" * 50)
    (tmp / "dir.toml").mkdir()
    return {p.name: p for p in tmp.iterdir()}


RULE_FILE_CASES = [
    ("malformed.toml", "not valid TOML"),
    ("negative.toml", "rules[0].days"),
    ("zero.toml", "rules[0].days"),
    ("text-days.toml", "rules[0].days"),
    ("unit.toml", "rules[0].unit"),
    ("outcome.toml", "rules[0].outcomes"),
    ("empty.toml", "empty.toml"),
    ("binary.toml", "binary.toml"),
    ("dir.toml", "is a directory"),
    ("missing.toml", "not found"),
]


@pytest.mark.parametrize(("name", "fragment"), RULE_FILE_CASES)
@pytest.mark.parametrize(
    "command",
    [
        ["deadline", *OK],
        ["outcomes"],
        ["timeline", "--announced", "2024-12-16"],
        ["rules", "show"],
    ],
    ids=lambda c: c[0],
)
def test_bad_rule_file(tmp_path: Path, name: str, fragment: str, command: list[str]) -> None:
    path = rule_files(tmp_path).get(name, tmp_path / name)
    if command == ["rules", "show"]:
        check([*command, str(path)], 2, fragment)
    else:
        check([*command, "--rules", str(path)], 2, fragment)


TIMELINE_CASES = [
    (["--announced", "2025-01-10", "--registered", "2025-01-03"], "is before --announced"),
    (["--announced", "2024-12-16", "--notified", "2024-12-01"], "2024-12-01"),
    (["--announced", "2024-12-16", "--outcome", "psu", "--order-days", "-5",
      "--notified", "2025-02-24"], "--order-days -5"),
    (["--announced", "2024-12-16", "--outcome", "psu", "--order-days", "0",
      "--notified", "2025-02-24"], "--order-days 0"),
    (["--announced", "2024-12-16", "--order-days", "60"], "--order-days needs --outcome"),
    (["--announced", "2024-12-16", "--outcome", "dismissed", "--order-days", "60"],
     "not to outcome 'dismissed'"),
    (["--announced", "32/12/2024"], "'32/12/2024'"),
    (["--announced", ""], "empty"),
    # every date is optional, but one is needed: with none, the message names them all
    (["--outcome", "dismissed"], "--announced (the result announced), --registered"),
    (["--declared", "2025-02-05"], "no date given"),
    (["--registered", "2025-01-03", "--date-order", "ymd"], "'ymd'"),
    (["--announced", "2024-12-16", "--outcome", "maybe"], "unknown outcome 'maybe'"),
    (["--announced", "2024-12-16", "--format", "pdf"], "'pdf'"),
    (["--announced", "2027-12-20", "--registered", "2028-01-05", "--strict"], "--strict"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "fragment"), TIMELINE_CASES)
def test_bad_timeline_input(args: list[str], fragment: str) -> None:
    code = 4 if "--strict" in args else 2
    check(["timeline", *args], code, fragment)


DEADLINE_COMBINATIONS = [
    (["deadline", "dismissed", "2025-02-04", "--decided", "2025-02-05"], "--decided"),
    (["deadline", "no-petition", "2025-01-06", "--decided", "2025-01-03"], "no-petition"),
    (["deadline", *OK, "--rules", ""], "empty --rules"),
    (["deadline", *OK, "--rules", "pkpu-99-2099"], "unknown rule set 'pkpu-99-2099'"),
]


@pytest.mark.parametrize(("args", "fragment"), DEADLINE_COMBINATIONS)
def test_conflicting_deadline_options(args: list[str], fragment: str) -> None:
    check(args, 2, fragment)
