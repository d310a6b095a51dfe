"""Hostile batch command lines on which the fast path (launch.py) and the Typer app disagreed.

The fast path claims the same exit code, stdout, stderr and files as the Typer command for every
command line it takes, and leaves every other to Typer. A hostile comparison of both found two
kinds of command line where it did not: two values that are not UTF-8 (named in another order),
and a path option naming a file that exists but cannot be read (Typer refuses it; the fast path
replaced a write-only output file). The first must now agree; the second must be left to Typer.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from penetapan_cli import cli
from penetapan_cli.launch import parse_batch, run_fast

ROWS = "region,outcome,notified_on\nKota Medan,dismissed,2025-02-04\nKota Binjai,psu,04/02/2025\n"


def _both(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[tuple[int | None, str, str], tuple[int, str, str]]:
    assert parse_batch(argv[1:]) is not None  # the fast path takes this command line
    typer_result = CliRunner().invoke(cli.app, argv)
    code = run_fast(argv, {})
    fast = capsys.readouterr()
    return (code, fast.out, fast.err), (
        typer_result.exit_code,
        typer_result.stdout,
        typer_result.stderr,
    )


# Two values that are not UTF-8 text (bytes a terminal not set to UTF-8 passed, kept as lone
# surrogates): Typer names the first in the command's parameter order. The fast path named the
# first on the command line; launch.parse_args now gives the values in Typer's order.
TWO_UNDECODABLE = [
    ["batch", "rows.csv", "--tz", "\udce9", "--lang", "\udce9"],
    ["batch", "rows.csv", "--rules", "r\udce9", "--sheet", "s\udce9"],
    ["batch", "rows.csv", "--as-of", "2025\udcff", "--lang", "\udce9n"],
]


@pytest.fixture
def rows_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding rows.csv, messages in English."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PENETAPAN_LANG", "en")
    (tmp_path / "rows.csv").write_text(ROWS, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("argv", TWO_UNDECODABLE, ids=ascii)
def test_two_undecodable_values_are_named_alike(
    argv: list[str], rows_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fast, typer = _both(argv, capsys)
    assert fast == typer


def _as_an_unprivileged_user(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """Make ``os.access`` answer for ``paths`` from their mode bits, as it does for a user
    without the privilege to read any file (root reads everything)."""
    real_access = os.access
    unreadable = {p.resolve() for p in paths}

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.R_OK and Path(os.fsdecode(path)).resolve() in unreadable:  # type: ignore[arg-type]
            return False
        return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)


# An existing path the user cannot read: Typer's Path type refuses it before the command runs
# (exit 2, "... is not readable", nothing written). The fast path used not to check, and ran the
# batch, replacing a write-only output file or reporting the closures file its own way; it now
# leaves such a command line to Typer.
UNREADABLE = [
    (["batch", "rows.csv", "--as-of", "2025-02-05", "-o", "wo.csv"], "wo.csv"),
    (["batch", "rows.csv", "--as-of", "2025-02-05", "--output=wo.csv"], "wo.csv"),
    (["batch", "rows.csv", "--as-of", "2025-02-05", "--ics", "wo.ics"], "wo.ics"),
    (["batch", "rows.csv", "--as-of", "2025-02-05", "--closures", "locked.txt"], "locked.txt"),
    # The deadline command's fast path parses its options the same way.
    (["deadline", "dismissed", "2025-02-04", "--ics", "wo.ics"], "wo.ics"),
]


@pytest.mark.parametrize(("argv", "name"), UNREADABLE, ids=ascii)
def test_an_unreadable_path_option_is_handled_alike(
    argv: list[str],
    name: str,
    rows_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = rows_dir / name
    before = "2025-02-06\n" if name == "locked.txt" else "kept\n"

    def reset() -> None:
        target.write_text(before, encoding="utf-8")
        target.chmod(0o000 if name == "locked.txt" else 0o200)  # write-only output

    def content() -> bytes:
        target.chmod(0o600)
        data = target.read_bytes()
        target.unlink()
        return data

    _as_an_unprivileged_user(monkeypatch, target)
    reset()
    typer_result = CliRunner().invoke(cli.app, argv)
    typer_file = content()
    assert typer_result.exit_code == 2
    assert "is not readable" in typer_result.stderr
    assert typer_file == before.encode()
    reset()
    code = run_fast(argv, {})
    fast = capsys.readouterr()
    fast_file = content()
    # Left to Typer (whose answer is above): nothing run, written or said here.
    assert (code, fast.out, fast.err) == (None, "", "")
    assert fast_file == typer_file
