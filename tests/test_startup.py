"""Start-up: the fast path of the entry point, what a one-off check imports, a broken cache.

The fast path (launch.py) runs `penetapan deadline ...` and `penetapan batch ...` without Typer;
it must agree with the Typer commands option for option and byte for byte, and hand everything
else to Typer.
"""

from __future__ import annotations

import enum
import inspect
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from penetapan_cli import cli
from penetapan_cli.commands.batch import run_batch
from penetapan_cli.commands.deadline import BASES, FORMATS, build_deadline_report, run_deadline
from penetapan_cli.core.outcomes import Outcome
from penetapan_cli.launch import (
    BATCH_ARGUMENTS,
    BATCH_OPTIONS,
    DEADLINE_ARGUMENTS,
    DEADLINE_OPTIONS,
    FLAG,
    PATH,
    TEXT,
    Options,
    parse_batch,
    parse_deadline,
    run_fast,
)
from penetapan_cli.sources.rulesets import load_rule_set, shipped_rule_sets

HEAVY = ("rich", "pydantic", "holidays", "python_calamine", "xlsxwriter")


def _typer_params(command: str) -> list[Any]:
    group: Any = typer.main.get_command(cli.app)
    return list(group.get_command(None, command).params)


FAST_COMMANDS = [
    ("deadline", DEADLINE_OPTIONS, DEADLINE_ARGUMENTS, (build_deadline_report, run_deadline)),
    ("batch", BATCH_OPTIONS, BATCH_ARGUMENTS, (run_batch,)),
]


@pytest.mark.parametrize(
    ("command", "fast_options", "fast_arguments", "functions"), FAST_COMMANDS, ids=lambda c: c
)
def test_fast_path_knows_exactly_the_options_of_the_typer_commands(
    command: str,
    fast_options: Options,
    fast_arguments: tuple[tuple[str, str], ...],
    functions: tuple[Any, ...],
) -> None:
    """When an option is added to `penetapan deadline` or `penetapan batch` in cli.py, teach
    launch.DEADLINE_OPTIONS or BATCH_OPTIONS (and the command's function) about it; until then
    this test fails, so the fast path can never silently ignore an option Typer would honour,
    or give a default Typer would not."""
    params = _typer_params(command)
    arguments = [(p.name, p.human_readable_name) for p in params if p.param_type_name == "argument"]
    assert tuple(arguments) == fast_arguments
    defaults = {
        name: p.default
        for function in functions
        for name, p in inspect.signature(function).parameters.items()
    }
    options = [p for p in params if p.param_type_name == "option"]
    assert sorted(o for p in options for o in p.opts) == sorted(fast_options)
    # In Typer's order, which decides which of two bad values an error names.
    assert list(dict.fromkeys(param for param, _ in fast_options.values())) == [
        p.name for p in options
    ]
    for p in options:
        kinds = {fast_options[flag] for flag in p.opts}
        assert len(kinds) == 1, p.opts
        ((name, kind),) = kinds
        assert name == p.name
        assert (p.secondary_opts, p.multiple, p.nargs, p.envvar) == ([], False, 1, None)
        default = p.default.value if isinstance(p.default, enum.Enum) else p.default
        assert defaults[name] == default, p.opts
        if kind == FLAG:
            assert p.is_flag
            assert default is False
        elif isinstance(kind, tuple):
            assert tuple(p.type.choices) == kind
            assert p.type.case_sensitive
        elif kind == PATH:
            assert (p.type.exists, p.type.resolve_path, p.type.allow_dash) == (False, False, False)
            # Typer refuses an existing path that cannot be read (the fast path leaves it to
            # Typer) and checks nothing else.
            assert (p.type.readable, p.type.writable) == (True, False)
            assert (p.type.file_okay, p.type.dir_okay) == (True, True)
        else:
            assert kind == TEXT
            assert p.type.name == "str"
    assert tuple(f.value for f in cli.Format) == FORMATS
    assert tuple(b.value for b in cli.Basis) == BASES


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["dismissed", "2025-02-04"], {"outcome": "dismissed", "notified": "2025-02-04"}),
        (
            ["--format", "json", "dismissed", "--basis=working", "4 Feb 2025", "--explain"],
            {
                "outcome": "dismissed",
                "notified": "4 Feb 2025",
                "fmt": "json",
                "basis": "working",
                "explain": True,
            },
        ),
        (
            ["no-petition", "today", "--closures", "c.txt", "--tz=WITA", "--as-of", "today"],
            {
                "outcome": "no-petition",
                "notified": "today",
                "closures": Path("c.txt"),
                "tz": "WITA",
                "as_of": "today",
            },
        ),
        (["", "2025-02-04"], {"outcome": "", "notified": "2025-02-04"}),
    ],
)
def test_fast_path_parses(argv: list[str], expected: dict[str, object]) -> None:
    assert parse_deadline(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["dismissed"],
        ["dismissed", "2025-02-04", "extra"],
        ["dismissed", "2025-02-04", "--help"],
        ["dismissed", "2025-02-04", "-h"],
        ["dismissed", "--", "2025-02-04"],
        ["dismissed", "-", "2025-02-04"],
        ["dismissed", "-1"],
        ["dismissed", "2025-02-04", "--format"],
        ["dismissed", "2025-02-04", "--format", "JSON"],
        ["dismissed", "2025-02-04", "--format="],
        ["dismissed", "2025-02-04", "--format", "json", "--format", "date"],
        ["dismissed", "2025-02-04", "--basis", "--explain"],
        ["dismissed", "2025-02-04", "--explain=yes"],
        ["dismissed", "2025-02-04", "--lang", "-x"],
        ["dismissed", "2025-02-04", "--form", "json"],
        ["dismissed", "2025-02-04", "--no-such-option", "x"],
    ],
)
def test_fast_path_leaves_the_rest_to_typer(argv: list[str]) -> None:
    assert parse_deadline(argv) is None


def test_fast_path_takes_only_plain_deadline_calls() -> None:
    assert run_fast(["--help"]) is None
    assert run_fast(["--debug", "deadline", "dismissed", "2025-02-04"]) is None
    assert run_fast(["outcomes"]) is None
    assert run_fast(["deadline", "--help"]) is None
    env = {"_PENETAPAN_COMPLETE": "bash_complete"}
    assert run_fast(["deadline", "dismissed", "2025-02-04"], env) is None
    assert run_fast(["batch", "in.csv"], env) is None
    # Typer names the variable after the program's name: any completion request is Typer's.
    assert run_fast(["batch", "in.csv"], {"_PEN_CHECK_COMPLETE": "bash_complete"}) is None
    assert run_fast(["batch", "--help"]) is None
    assert run_fast([]) is None


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["in.csv"], {"input_path": "in.csv"}),
        (
            ["-", "-o", "out.csv", "--output-format=jsonl", "--strict", "--date-order", "mdy"],
            {
                "input_path": "-",
                "output": Path("out.csv"),
                "output_format": "jsonl",
                "strict": True,
                "date_order": "mdy",
            },
        ),
        (
            ["--output=o.xlsx", "in.csv", "--ics", "k.ics", "--sheet", "Lembar 1", "--tz", "WIT"],
            {
                "input_path": "in.csv",
                "output": Path("o.xlsx"),
                "ics": Path("k.ics"),
                "sheet": "Lembar 1",
                "tz": "WIT",
            },
        ),
    ],
)
def test_fast_path_parses_a_batch(argv: list[str], expected: dict[str, object]) -> None:
    assert parse_batch(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["a.csv", "b.csv"],
        ["in.csv", "-o"],
        ["in.csv", "-o", ""],
        ["in.csv", "-o="],
        ["in.csv", "--output="],
        ["in.csv", "-o", "-"],  # a value that starts like an option: Typer decides
        ["in.csv", "-o=out.csv"],  # to Typer the value is "=out.csv"
        ["in.csv", "-oout.csv"],
        ["in.csv", "-o", "a.csv", "--output", "b.csv"],
        ["in.csv", "--input-format", "CSV"],
        ["in.csv", "--output-format", "ics"],
        ["in.csv", "--strict=1"],
        ["in.csv", "--format", "json"],  # deadline's option, not batch's
        ["in.csv", "-h"],
        ["--", "in.csv"],
    ],
)
def test_fast_path_leaves_other_batch_calls_to_typer(argv: list[str]) -> None:
    assert parse_batch(argv) is None


CLOSURES = "2025-02-06 Rapat pleno\n"

SAME_OUTPUT = [
    ["dismissed", "2025-02-04", "--format", "date"],
    ["dismissed", "2025-02-04", "--format", "json", "--as-of", "2025-02-05"],
    ["dismissed", "2025-02-04", "--as-of", "2025-02-05", "--lang", "id"],
    ["dismissed", "2025-02-04", "--as-of", "2025-02-05", "--lang", "en", "--explain"],
    ["rejected", "2025-03-27", "--basis", "working", "--format", "json", "--as-of", "2025-03-27"],
    ["rejected", "2025-03-27", "--basis=working", "--no-cuti-bersama", "--format=date"],
    ["rejected", "27/03/2025", "--basis", "working", "--explain", "--lang", "en", "--as-of",
     "2025-03-28", "--tz", "WIT"],
    ["dismissed", "2025-02-04", "--basis", "working", "--closures", "CLOSURES", "--format",
     "json", "--explain", "--as-of", "2025-02-04"],
    ["no-petition", "2025-01-03", "--format", "date", "--lang", "id"],
    ["revote", "2025-02-24", "--format", "date"],
    ["psu", "2025-02-24", "--format", "json", "--as-of", "2025-02-25"],
    ["revote", "2025-02-24", "--lang", "id", "--as-of", "2025-02-25"],
    ["dismised", "2025-02-04"],
    ["", "2025-02-04"],
    ["dismissed", "2025-02-30"],
    ["dismissed", "1720569600"],
    ["dismissed", "2025-02-04", "--format", "date", "--explain"],
    ["dismissed", "2025-02-04", "--lang", "fr"],
    ["dismissed", "2025-02-04", "--tz", "Mars/Olympus"],
    ["dismissed", "2025-02-04", "--tz", "Asia/Jakarta", "--format", "date"],
    ["dismissed", "2025-02-04", "--closures", "missing.txt", "--basis", "working"],
    ["dismissed", "2025-02-04", "--as-of", "yesterday"],
    ["dismissed", "2025-02-04", "--compare", "--format", "json", "--as-of", "2025-02-04"],
    ["dismissed", "2025-02-05", "--decided", "2025-02-04", "--format", "date"],
    ["dismissed", "2025-02-05", "--decided=2025-02-06"],
    ["rejected", "2025-02-24", "--rules", "pkpu-19-2020", "--region", "Kota Medan",
     "--format", "json", "--as-of", "2025-02-24"],
    ["rejected", "2025-02-24", "--rules", "no-such-rules"],
    ["rejected", "2028-03-01", "--basis", "working", "--strict"],
    ["dismissed", "2025-02-04", "--ics", "out.ics", "--format", "date"],
]  # fmt: skip


@pytest.mark.parametrize("argv", SAME_OUTPUT, ids=" ".join)
def test_fast_path_output_equals_typer(
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PENETAPAN_LANG", "en")
    monkeypatch.setenv("COLUMNS", "100")
    (tmp_path / "CLOSURES").write_text(CLOSURES, encoding="utf-8")
    typer_result = CliRunner().invoke(cli.app, ["deadline", *argv])
    code = run_fast(["deadline", *argv], {})
    fast = capsys.readouterr()
    assert code == typer_result.exit_code
    assert fast.out == typer_result.stdout
    assert fast.err == typer_result.stderr


ROWS = (
    "region,outcome,notified_on,basis\n"
    "Kota Medan,dismissed,2025-02-04,\n"
    "Kabupaten Contoh,rejected,27/03/2025,working\n"
    "Kota Binjai,psu,2025-02-24,\n"
    "Kota Contoh,dismised,2025-02-04,\n"
    "Kota Lain,dismissed,2025-02-30,\n"
)
SAME_BATCH_OUTPUT = [
    ["rows.csv", "--as-of", "2025-02-05"],
    ["rows.csv", "--as-of", "2025-02-05", "--lang", "id"],
    ["rows.csv", "--as-of=2025-02-05", "--output-format", "json", "--basis", "working"],
    ["rows.csv", "--as-of", "2025-02-05", "-o", "out.csv", "--no-cuti-bersama"],
    ["rows.csv", "--as-of", "2025-02-05", "--output", "out.jsonl", "--lang", "id"],
    ["rows.csv", "--as-of", "2025-02-05", "--strict", "--date-order", "mdy"],
    ["rows.csv", "--as-of", "2025-02-05", "--closures", "CLOSURES", "--basis", "working"],
    ["rows.csv", "--as-of", "2025-02-05", "--ics", "out.ics", "-o", "out.csv"],
    ["rows.csv", "--rules", "pkpu-19-2020", "--as-of", "2025-02-05", "--tz", "WITA"],
    ["rows.csv", "--rules", "no-such-rules"],
    ["rows.csv", "--as-of", "yesterday", "--input-format", "jsonl"],
    ["rows.csv", "--as-of", "2025-02-05", "--sheet", "Lembar1"],
    ["missing.csv"],
    ["rows.csv", "--lang", "fr"],
    ["rows.csv", "--tz", "Mars/Olympus"],
    ["rows.csv", "-o", "rows.csv"],
    # Bytes a terminal not set to UTF-8 passed (kept as lone surrogates): named alike.
    ["in\udce9.csv"],
    ["rows.csv", "--lang", "i\udce9"],
    ["rows.csv", "--sheet", "x\udce9", "--as-of", "2025-02-05"],
]  # fmt: skip


@pytest.mark.parametrize("argv", SAME_BATCH_OUTPUT, ids=ascii)
def test_fast_path_batch_output_equals_typer(
    argv: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The same exit code, stdout, stderr and output file, through both paths. The expected
    deadlines themselves are checked in the batch tests; here only that both paths agree."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PENETAPAN_LANG", "en")
    (tmp_path / "CLOSURES").write_text(CLOSURES, encoding="utf-8")
    outputs = ("out.csv", "out.jsonl")

    def written() -> dict[str, bytes]:
        (tmp_path / "rows.csv").write_text(ROWS, encoding="utf-8")  # again: -o rows.csv
        found = {n: (tmp_path / n).read_bytes() for n in outputs if (tmp_path / n).exists()}
        for name in outputs:
            (tmp_path / name).unlink(missing_ok=True)
        return found

    written()
    typer_result = CliRunner().invoke(cli.app, ["batch", *argv])
    typer_files = written()
    code = run_fast(["batch", *argv], {})
    fast = capsys.readouterr()
    assert code == typer_result.exit_code
    assert fast.out == typer_result.stdout
    assert fast.err == typer_result.stderr
    assert written() == typer_files


def test_fast_path_reports_an_internal_error_like_typer(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> object:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("penetapan_cli.core.compare.compute_deadline", broken)
    argv = ["deadline", "dismissed", "2025-02-04", "--format", "date"]
    typer_result = CliRunner().invoke(cli.app, argv)
    code = run_fast(argv, {})
    fast = capsys.readouterr()
    assert code == typer_result.exit_code == 70
    assert fast.err == typer_result.stderr
    assert fast.err.startswith("penetapan: internal error (ZeroDivisionError: boom)")


def _run(
    code: str, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args, "-c", code],
        capture_output=True,
        text=True,
        env=os.environ | (env or {}),
        check=False,
    )


IMPORTS_OF = """
import sys
sys.argv = ["penetapan", "deadline", "dismissed", "2025-02-04", "--format", "date"]
from {module} import main
try:
    main()
finally:
    heavy = [m for m in {heavy!r} if m in sys.modules]
    sys.stderr.write("loaded: " + " ".join(heavy) + "|typer=" + str("typer" in sys.modules) + "\\n")
"""


@pytest.mark.parametrize(
    ("module", "loads_typer"),
    [("penetapan_cli.launch", False), ("penetapan_cli.cli", True)],
)
def test_a_calendar_day_check_imports_no_heavy_library(module: str, loads_typer: bool) -> None:
    """Through the entry point (fast path) and through the Typer app alike; the second one
    also guards the choice of Typer version (0.29 imports pydantic on every call)."""
    done = _run(IMPORTS_OF.format(module=module, heavy=HEAVY))
    # PKPU 18/2024 Pasal 57(1)(b): 3 calendar days after Tue 4 Feb 2025 -> Fri 7 Feb 2025.
    assert done.stdout == "2025-02-07\n"
    assert done.returncode == 0
    assert done.stderr.splitlines()[-1] == f"loaded: |typer={loads_typer}"


CARD_IMPORTS = """
import sys
sys.argv = ["penetapan", "deadline", "dismissed", "2025-02-04", "--as-of", "2025-02-05"]
from penetapan_cli.launch import main
try:
    main()
finally:
    heavy = [m for m in {heavy!r} if m in sys.modules]
    sys.stderr.write("loaded: " + " ".join(heavy) + "|typer=" + str("typer" in sys.modules) + "\\n")
"""


def test_the_text_card_imports_no_rich(warm_cache_dir: Path) -> None:
    """The card is plain lines, styled or not by the same code (rich is for tables on a
    terminal and the progress bar); benchmarks/startup.py times it under a pseudo-terminal.
    With a filled holiday cache, as a user's second check has, whatever --holiday-cache says."""
    env = {"NO_COLOR": "", "TERM": "xterm", "PENETAPAN_NO_CACHE": ""}
    done = _run(
        CARD_IMPORTS.format(heavy=HEAVY), env={**env, "PENETAPAN_CACHE_DIR": str(warm_cache_dir)}
    )
    assert done.returncode == 0, done.stderr
    # PKPU 18/2024 Pasal 57(1)(b): 3 calendar days after Tue 4 Feb 2025 -> Fri 7 Feb 2025.
    assert "Friday, 7 February 2025" in done.stdout
    assert done.stderr.splitlines()[-1] == "loaded: |typer=False"


SPREADSHEET_LIBRARIES = ("python_calamine", "xlsxwriter")
BATCH_IMPORTS = """
import sys
sys.argv = ["penetapan", "batch", "-", "--as-of", "2025-02-05", *{extra!r}]
from penetapan_cli.launch import main
try:
    main()
finally:
    sys.stderr.write("loaded: " + " ".join(m for m in {names!r} if m in sys.modules) + "\\n")
"""


def test_a_csv_batch_imports_no_spreadsheet_library_nor_typer() -> None:
    """The spreadsheet libraries are for spreadsheets: a CSV batch does not load them. Nor
    Typer: a plain batch call takes the fast path, as scripts that run one batch per file do."""
    names = (*SPREADSHEET_LIBRARIES, "typer")
    done = subprocess.run(
        [sys.executable, "-c", BATCH_IMPORTS.format(names=names, extra=[])],
        input="outcome,notified_on\nrejected,2025-02-04\n",
        capture_output=True,
        text=True,
        env=os.environ | {"PENETAPAN_LANG": "en"},
        check=False,
    )
    # PKPU 18/2024 Pasal 57(1)(b): 3 calendar days after Tue 4 Feb 2025 -> Fri 7 Feb 2025.
    assert done.stdout.splitlines()[1].startswith("rejected,2025-02-04,2025-02-04,2025-02-07,ok,2,")
    assert done.stderr.splitlines()[-1] == "loaded: "


def test_a_batch_calendar_loads_neither_icalendar_nor_the_timeline(tmp_path: Path) -> None:
    """``batch --ics`` writes icalendar's bytes without icalendar (the tests compare), and its
    events without the timeline or the reports: about 9 ms of a run whose batch alone takes a
    few hundred (docs/performance.md)."""
    names = ("icalendar", "penetapan_cli.core.timeline", "penetapan_cli.reports")
    ics = tmp_path / "x.ics"
    done = subprocess.run(
        [sys.executable, "-c", BATCH_IMPORTS.format(names=names, extra=["--ics", str(ics)])],
        input="region,outcome,notified_on\nKota Medan,rejected,2025-02-04\n",
        capture_output=True,
        text=True,
        env=os.environ | {"PENETAPAN_LANG": "en"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert ics.read_bytes().count(b"BEGIN:VEVENT") == 1
    assert done.stderr.splitlines()[-1] == "loaded: "


# 3 working days after Thu 27 Mar 2025 (--basis working): Fri 28 Mar (cuti bersama Nyepi),
# Sat 29 (Nyepi), Sun 30, Mon 31 Mar and Tue 1 Apr (Idul Fitri), Wed 2-Fri 4 Apr (cuti bersama),
# Sat 5, Sun 6, Mon 7 Apr (cuti bersama) are skipped -> Tue 8, Wed 9, Thu 10 Apr 2025
# (SKB 3 Menteri 2025 as listed by the holidays package; PKPU 18/2024 Pasal 57(1)(b) counts 3).
WORKING_ARGV = ["deadline", "rejected", "2025-03-27", "--basis", "working", "--format", "date"]
WORKING_ANSWER = "2025-04-10\n"


@pytest.mark.parametrize(
    "breakage", ["garbage", "truncated", "a directory", "unwritable", "no cache"]
)
def test_a_broken_cache_still_gives_the_right_answer(
    tmp_path: Path, breakage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the command, in process: a fresh process adds nothing here (no table is kept in
    memory between calls; test_holiday_cache.py covers each kind of damage file by file)."""
    cache = tmp_path / "cache"
    env = {"PENETAPAN_CACHE_DIR": str(cache), "PENETAPAN_NO_CACHE": ""}
    runner = CliRunner()
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    first = runner.invoke(cli.app, WORKING_ARGV)
    assert first.stdout == WORKING_ANSWER
    table = cache / "holidays-ID-2025.json"
    assert table.is_file()
    if breakage == "garbage":
        table.write_bytes(b"\x00garbage\n[[]]")
    elif breakage == "truncated":
        table.write_bytes(table.read_bytes()[:100])
    elif breakage == "a directory":
        table.unlink()
        table.mkdir()
    elif breakage == "unwritable":
        blocker = tmp_path / "file"
        blocker.write_text("not a directory")
        env["PENETAPAN_CACHE_DIR"] = str(blocker / "cache")
    else:
        env["PENETAPAN_NO_CACHE"] = "1"
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    again = runner.invoke(cli.app, WORKING_ARGV)
    assert (again.exit_code, again.stdout) == (0, WORKING_ANSWER)
    assert again.exception is None or isinstance(again.exception, SystemExit)
    assert "Traceback" not in again.stderr


@pytest.mark.parametrize("name", shipped_rule_sets())
def test_shipped_rule_sets_load_without_a_validation_framework(name: str) -> None:
    """The one-off check reads the shipped TOML with the standard library only (pydantic stays
    out: see the import test above); each outcome has exactly one rule."""
    rule_set = load_rule_set(name)
    for outcome in Outcome:
        assert sum(outcome in rule.outcomes for rule in rule_set.rules) == 1, outcome
