"""The error boundary (boundary.py) of both entry points: every way a run can end is an exit code
and at most one line on stderr, never a traceback — bad time zones, over-nested files, markup
in names, a full disk, closed or non-UTF-8 standard streams, Ctrl-C, a reader that went away.

Most cases run in-process through ``launch.main`` (the real entry point: the fast path for a
plain ``deadline``, Typer for the rest) with the standard streams replaced; only what needs a
real process (a closed pipe, the encoding of the real stdout) starts one.
"""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from penetapan_cli import boundary, launch
from penetapan_cli.cli import app
from penetapan_cli.core.errors import EXIT_INTERRUPTED, InputError
from penetapan_cli.render import terminal

runner = CliRunner()
KEEP: Any = object()
EXAMPLES = Path(__file__).parent.parent.parent / "examples"
TIMELINE = ["timeline", "--announced", "2024-12-09", "--as-of", "2024-12-09"]
# Every command that writes to stdout, in the form that writes the most.
COMMANDS = [
    ["deadline", "dismissed", "2025-02-04", "--explain", "--as-of", "2025-02-04"],
    ["deadline", "dismissed", "2025-02-04", "--format", "json", "--as-of", "2025-02-04"],
    ["--debug", "deadline", "dismissed", "2025-02-04", "--as-of", "2025-02-04"],
    ["outcomes"],
    ["rules"],
    ["rules", "show", "pkpu-18-2024"],
    ["holidays", "2025"],
    [*TIMELINE, "--explain"],
    [*TIMELINE, "--format", "ics"],
    ["batch", str(EXAMPLES / "pilkada-2024.csv"), "--as-of", "2025-02-05"],
]


def entry(
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *,
    stdout: Any = KEEP,
    stdin: Any = KEEP,
    stderr: Any = KEEP,
) -> tuple[int, str, str]:
    """``penetapan ARGV`` through the entry point, in-process: exit code, stdout, stderr."""
    monkeypatch.setattr(sys, "argv", ["penetapan", *argv])
    monkeypatch.setenv("PENETAPAN_LANG", "en")
    for name, stream in (("stdout", stdout), ("stdin", stdin), ("stderr", stderr)):
        if stream is not KEEP:
            monkeypatch.setattr(sys, name, stream)
    with pytest.raises(SystemExit) as exited:
        launch.main()
    out, err = capsys.readouterr()
    code = exited.value.code
    assert isinstance(code, int)
    return code, out, err


def one_line(err: str, fragment: str) -> None:
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    assert fragment in err, err


def snapshot(directory: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


# --- time zones -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tz",
    ["Asia", "Asia/", "A" * 300, "../../etc/passwd", "/etc/passwd", "Asia/../Asia/Jakarta", "",
     " ", "Asia/Jakarta\x00", "Asia/\udcff", "Mars/Olympus"],
    ids=["directory", "slash", "300 chars", "dotdot", "absolute", "inner dotdot", "empty",
         "blank", "nul", "surrogate", "unknown"],
)  # fmt: skip
@pytest.mark.parametrize(
    "command",
    [["deadline", "dismissed", "2025-02-04"], TIMELINE[:3], ["batch", "-"]],
    ids=["deadline", "timeline", "batch"],
)
def test_a_bad_time_zone_is_one_line(
    tz: str,
    command: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = entry([*command, "--tz", tz], monkeypatch, capsys)
    assert (code, out) == (2, "")
    # Bytes that are not UTF-8 are refused where they enter, as in any option.
    bad = "penetapan: --tz: 'Asia/\\xff' is not UTF-8 text (bytes 0xFF)"
    one_line(err, bad if tz == "Asia/\udcff" else "penetapan: unknown time zone ")
    assert len(err) < 250


# --- deeply nested files ----------------------------------------------------------------------

NESTED = {
    "arrays.toml": "id = " + "[" * 3000 + "]" * 3000 + "\n",
    "tables.toml": "id = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
    "arrays-600.toml": "id = " + "[" * 600 + "]" * 600 + "\n",
}


@pytest.mark.parametrize("name", NESTED)
@pytest.mark.parametrize(
    "command",
    [
        ["deadline", "dismissed", "2025-02-04", "--rules"],
        ["rules", "show"],
        ["outcomes", "--rules"],
        [*TIMELINE, "--rules"],
    ],
    ids=["deadline", "rules show", "outcomes", "timeline"],
)
def test_a_deeply_nested_rule_file_is_one_line(
    name: str,
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / name
    path.write_text(NESTED[name], encoding="utf-8")
    before = snapshot(tmp_path)
    code, out, err = entry([*command, str(path)], monkeypatch, capsys)
    assert (code, out) == (2, "")
    one_line(err, f"rule file {str(path)!r}")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("line", [1, 2])
def test_a_deeply_nested_json_lines_row(
    line: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    good = '{"outcome": "dismissed", "notified_on": "2025-02-04"}\n'
    deep = '{"outcome": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
    path = tmp_path / "in.jsonl"
    path.write_text(deep if line == 1 else good + deep, encoding="utf-8")
    code, out, err = entry(["batch", str(path), "--as-of", "2025-02-04"], monkeypatch, capsys)
    assert "Traceback" not in err
    if line == 1:  # the header line: nothing can be processed
        assert (code, out) == (2, "")
        one_line(err, "line 1: nested more than 100 levels deep")
    else:  # a row: an error row, the others computed
        assert code == 1
        assert "row 2 (line 2): nested more than 100 levels deep" in out
        assert "2025-02-07" in out


# --- rich markup in names ---------------------------------------------------------------------

MARKUP_NAMES = ["[/b]", "[bold red]x", "[link=https://example.org]y", "a\\", "[/]"]


def _closures(tmp_path: Path) -> Path:
    path = tmp_path / "closures.txt"
    lines = [f"2025-02-0{5 + i} Libur {name}" for i, name in enumerate(MARKUP_NAMES[:3])]
    lines += [f"2024-12-1{i} Tutup {name}" for i, name in enumerate(MARKUP_NAMES)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["holidays", "2025"],
        ["holidays", "2024"],
        ["deadline", "dismissed", "2025-02-04", "--explain", "--basis", "working"],
        ["deadline", "dismissed", "2025-02-04", "--explain", "--basis", "working", "--compare"],
        [*TIMELINE, "--explain", "--registered", "2024-12-18"],
    ],
    ids=["holidays", "holidays 2024", "deadline --explain", "--compare", "timeline --explain"],
)
@pytest.mark.parametrize("drawn", [False, True], ids=["piped", "drawn"])
def test_names_with_markup_are_printed_as_written(
    command: list[str],
    drawn: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Piped (tab-separated tables) and as on a terminal (tables drawn by rich, which reads
    markup: every cell must be escaped)."""
    monkeypatch.setenv("COLUMNS", "300")
    monkeypatch.setattr(terminal, "is_terminal", lambda stream: drawn)
    path = _closures(tmp_path)
    before = snapshot(tmp_path)
    extra = ["--as-of", "2025-02-04"] if command[0] == "deadline" else []
    code, out, err = entry([*command, "--closures", str(path), *extra], monkeypatch, capsys)
    assert code == 0, err
    assert "Traceback" not in err
    assert "internal error" not in err
    year = "2024" if "2024" in command or "timeline" in command else "2025"
    shown = MARKUP_NAMES if year == "2024" else MARKUP_NAMES[:3]
    for name in shown:
        assert name in out, (name, out)
    assert snapshot(tmp_path) == before


def test_the_outcomes_title_keeps_its_rule_set_tag(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On a terminal, where the table has its title (piped, a listing is its header and rows)."""
    monkeypatch.setattr(terminal, "is_terminal", lambda stream: True)
    code, out, _ = entry(["outcomes"], monkeypatch, capsys)
    assert code == 0
    assert "[pkpu-18-2024]" in out.splitlines()[0]


# --- standard output that cannot be written ---------------------------------------------------


class _Bytes(io.BufferedIOBase):
    """A stdout byte stream whose writes fail with ``error``."""

    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise self.error


def _failing_stdout(error: BaseException) -> io.TextIOWrapper:
    return io.TextIOWrapper(_Bytes(error), encoding="utf-8")


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_full_disk_is_one_line(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    code, _, err = entry(argv, monkeypatch, capsys, stdout=_failing_stdout(full))
    assert code == 2
    one_line(err, f"penetapan: cannot write standard output: {os.strerror(errno.ENOSPC)}")


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_broken_pipe_is_a_silent_141(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))
    code, _, err = entry(argv, monkeypatch, capsys, stdout=_failing_stdout(broken))
    assert code == 141
    assert "penetapan:" not in err
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_closed_stdout_is_one_line(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = entry(argv, monkeypatch, capsys, stdout=None)
    assert code == 2
    one_line(err, "penetapan: cannot write standard output: it is closed")


def test_batch_to_a_file_needs_no_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.csv"
    argv = ["batch", str(EXAMPLES / "pilkada-2024.csv"), "--as-of", "2025-02-05", "-o", str(out)]
    code, _, err = entry(argv, monkeypatch, capsys, stdout=None)
    assert code == 0, err
    assert "deadline,status" in out.read_text(encoding="utf-8").splitlines()[0]


def test_a_closed_stdin_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = entry(["batch", "-"], monkeypatch, capsys, stdin=None)
    assert (code, out) == (2, "")
    one_line(err, "penetapan: cannot read standard input: it is closed")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["deadline", "dismissed", "2025-02-30"], 2),
        (["deadline", "dismissed", "2025-02-04", "--format", "date"], 0),
        (["outcomes", "--no-such-option"], 2),
        (["holidays", "2025"], 0),
    ],
)
def test_a_closed_stderr_changes_only_what_is_seen(
    argv: list[str],
    expected: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, _ = entry(argv, monkeypatch, capsys, stderr=None)
    assert code == expected


# --- encodings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "latin-1"])
def test_text_falls_back_to_ascii_and_machine_formats_stay_utf8(
    encoding: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    closures = tmp_path / "c.txt"
    closures.write_text("2025-02-05 Libur café \u2014 \u201cpleno\u201d \u0110\u4e00\n", "utf-8")
    base = ["deadline", "dismissed", "2025-02-04", "--as-of", "2025-02-04", "--lang", "id"]
    base += ["--basis", "working", "--closures", str(closures), "--region", "Kota Bénin"]

    def run(*extra: str) -> bytes:
        raw = io.BytesIO()
        stdout = io.TextIOWrapper(raw, encoding=encoding)
        code, _, err = entry([*base, *extra], monkeypatch, capsys, stdout=stdout)
        assert code == 0, err
        return raw.getvalue()

    text = run("--explain").decode(encoding)
    assert "2025 - putusan atau ketetapan MK" in text or "2025 \u2014 putusan atau" in text
    assert "Libur caf" in text
    if encoding == "ascii":
        assert text.isascii()
        assert 'Libur cafe - "pleno" ??' in text
    machine = run("--format", "json")
    assert "Kota Bénin".encode() in machine
    assert "café \u2014 \u201cpleno\u201d".encode() not in machine  # no --explain: no trace
    assert run("--format", "date") == b"2025-02-10\n"


def test_ascii_fallback_of_every_kind_of_character() -> None:
    assert "Bénin — “x” … Đ 一 \udcff".encode("ascii", errors=boundary.TEXT_FALLBACK) == (
        b'Benin - "x" ... ? ? ?'
    )


def test_the_real_stdout_in_ascii(tmp_path: Path) -> None:
    """PYTHONIOENCODING=ascii (a legacy console): the card falls back, JSON stays UTF-8."""
    argv = [sys.executable, "-m", "penetapan_cli", "deadline", "dismissed", "2025-02-04"]
    argv += ["--as-of", "2025-02-04", "--lang", "id", "--region", "Kota Bénin"]
    env = os.environ | {"PYTHONIOENCODING": "ascii", "NO_COLOR": "1"}
    card = subprocess.run(argv, capture_output=True, env=env, cwd=tmp_path, check=False)
    assert card.returncode == 0, card.stderr
    assert card.stdout.isascii()
    assert b"2025 - putusan atau ketetapan MK" in card.stdout
    data = subprocess.run(
        [*argv, "--format", "json"], capture_output=True, env=env, cwd=tmp_path, check=False
    )
    assert data.returncode == 0, data.stderr
    assert '"region": "Kota Bénin"'.encode() in data.stdout


# --- Ctrl-C -------------------------------------------------------------------------------------


def test_ctrl_c_in_a_command_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    def command() -> int:
        raise KeyboardInterrupt

    assert boundary.run(command) == EXIT_INTERRUPTED == launch.EXIT_INTERRUPTED
    assert capsys.readouterr() == ("", "penetapan: interrupted\n")


class _Interrupting(types.ModuleType):
    """A module whose names are still loading when Ctrl-C comes."""

    def __getattr__(self, name: str) -> Any:
        raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("module", "argv"),
    [
        ("penetapan_cli.cli", ["outcomes"]),
        ("penetapan_cli.boundary", ["deadline", "dismissed", "2025-02-04"]),
        ("penetapan_cli.commands.deadline", ["deadline", "dismissed", "2025-02-04"]),
        ("penetapan_cli.commands.outcomes", ["outcomes"]),
    ],
)
def test_ctrl_c_while_modules_load_is_one_line(
    module: str,
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, module, _Interrupting(module))
    code, out, err = entry(argv, monkeypatch, capsys)
    assert (code, out, err) == (130, "", "penetapan: interrupted\n")


@pytest.mark.parametrize("error", [KeyboardInterrupt, typer.Abort])
def test_ctrl_c_and_abort_under_typer_are_one_line(
    error: type[BaseException],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def interrupted(**kwargs: object) -> int:
        raise error

    monkeypatch.setattr("penetapan_cli.commands.outcomes.run_outcomes", interrupted)
    code, out, err = entry(["outcomes"], monkeypatch, capsys)
    assert (code, out, err) == (130, "", "penetapan: interrupted\n")


# --- the boundary itself ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "code", "line"),
    [
        (InputError("bad value"), 2, "penetapan: bad value\n"),
        (BrokenPipeError(), 141, ""),
        (ZeroDivisionError("boom"), 70, "penetapan: internal error (ZeroDivisionError: boom)"),
        (OSError(errno.EIO, "stray"), 70, "please report it"),
        (RecursionError(), 70, "internal error (RecursionError"),
        (SystemExit(3), 3, ""),
    ],
)
def test_every_outcome_is_a_code_and_at_most_one_line(
    error: BaseException, code: int, line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def command() -> int:
        raise error

    assert boundary.run(command) == code
    err = capsys.readouterr().err
    assert err.count("\n") == (1 if line else 0)
    assert line in err


def test_a_bug_under_debug_still_shows_its_traceback() -> None:
    def command() -> int:
        raise boundary.Escaped(ZeroDivisionError("boom"), debug=True)

    with pytest.raises(ZeroDivisionError):
        boundary.run(command)


def test_the_boundary_leaves_the_standard_streams_as_it_found_them() -> None:
    stdout, stderr = sys.stdout, sys.stderr
    assert boundary.run(lambda: print("x") or 0) == 0
    assert (sys.stdout, sys.stderr) == (stdout, stderr)
    assert runner.invoke(app, ["outcomes", "--format", "json"]).exit_code == 0
    assert (sys.stdout, sys.stderr) == (stdout, stderr)


# --- a reader that goes away (a real pipe) ------------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="a POSIX pipe whose reader is already gone")
@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_vanished_reader_is_a_silent_141(argv: list[str], tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first write: deterministic EPIPE
    try:
        done = subprocess.run(
            [sys.executable, "-m", "penetapan_cli", *argv],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=os.environ | {"PENETAPAN_LANG": "en"},
            cwd=tmp_path,
            check=False,
        )
    finally:
        os.close(write_end)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 141, err
    assert "Exception ignored" not in err
    assert "Traceback" not in err
    assert "penetapan:" not in err
