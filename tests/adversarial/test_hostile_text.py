"""A hostile test of text that is not text: bytes a terminal not set to UTF-8 passes in an
option, and lone surrogates in JSON Lines. Neither may crash a renderer (exit 70) or reach an
output that must be UTF-8 (a lone surrogate in JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from penetapan_cli import launch

MEDAN = "M\udce9dan"  # b"M\xe9dan" (Latin-1) as Python keeps it from the command line
EXPECTED = (
    "penetapan: --region: 'M\\xe9dan' is not UTF-8 text (bytes 0xE9); set the terminal to "
    "UTF-8 and type the value again\n"
)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PENETAPAN_LANG", "en")


def test_the_fast_path_refuses_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ics = tmp_path / "med.ics"
    argv = ["deadline", "dismissed", "2025-02-04", "--region", MEDAN, "--ics", str(ics)]
    assert launch.parse_deadline(argv[1:]) is not None  # the fast path takes it
    assert launch.run_fast(argv) == 2
    assert capsys.readouterr().err == EXPECTED
    assert not ics.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--announced", "2024-12-16", "--region", MEDAN, "--ics", "{tmp}/tl.ics"],
        ["timeline", "--announced", "2024-12-16", "--region", MEDAN, "--format", "ics"],
        ["timeline", "--announced", "2024-12-16", "--region", MEDAN, "--format", "json"],
        ["deadline", "dismissed", "2025-02-04", "--region", MEDAN, "--compare"],
    ],
)
def test_the_typer_app_refuses_it(tmp_path: Path, args: list[str]) -> None:
    from penetapan_cli.cli import app

    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stderr == EXPECTED
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_an_argument_is_named_too(capsys: pytest.CaptureFixture[str]) -> None:
    assert launch.run_fast(["deadline", "dismiss\udce9d", "2025-02-04"]) == 2
    assert capsys.readouterr().err.startswith("penetapan: OUTCOME: 'dismiss\\xe9d' is not UTF-8")


def test_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["deadline", "dismissed", "2025-02-04", "--region", MEDAN, "--lang", "id"]
    assert launch.run_fast(argv) == 2
    assert capsys.readouterr().err == (
        "penetapan: --region: 'M\\xe9dan' bukan teks UTF-8 (byte 0xE9); atur terminal ke "
        "UTF-8, lalu ketik ulang nilainya\n"
    )


def test_a_file_name_may_hold_any_bytes(tmp_path: Path) -> None:
    """A path is not text: a Latin-1 file name is still written."""
    from penetapan_cli.cli import app

    out = tmp_path / "M\udce9dan.ics"
    result = CliRunner().invoke(
        app, ["timeline", "--announced", "2024-12-16", "--region", "Medan", "--ics", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert out.exists()


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_a_lone_surrogate_in_json_lines_is_that_rows_error(tmp_path: Path, fmt: str) -> None:
    from penetapan_cli.cli import app

    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"region": "A", "outcome": "dismissed", "notified_on": "2025-02-04"}\n'
        '{"region": "B\\ud800", "outcome": "dismissed", "notified_on": "2025-02-04"}\n'
        '{"region": "C\\ud83d\\ude00", "outcome": "dismissed", "notified_on": "2025-02-04"}\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["batch", str(path), "--output-format", fmt, "--as-of", "2025-02-05"]
    )
    assert result.exit_code == 1, result.stderr
    out = result.stdout_bytes.decode("utf-8")  # strict: no surrogate got through
    assert "\\ud800" not in out.replace("such as \\\\ud800", "").replace("such as \\ud800", "")
    assert "row 2 (line 2): key 'region' holds text that is not valid Unicode" in out
    assert "C\U0001f600" in out or "C\\ud83d\\ude00" in out  # a proper pair stays
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
        assert [r["status"] for r in rows] == ["ok", "error", "ok"]
        assert rows[1]["region"] == "B\ufffd"


# --- a declaration that only later JSON Lines rows carry ---------------------------------------

LATE = (
    '{"region": "A", "outcome": "dismissed", "notified_on": "2025-02-04"}\n'
    '{"region": "B", "outcome": "dismissed", "notified_on": "2025-02-04", '
    '"declared_on": "2025-02-20"}\n'
    '{"region": "C", "outcome": "dismissed", "notified_on": "2025-02-04", '
    '"tanggal_penetapan_paslon": "30/02/2025"}\n'
    '{"region": "D", "outcome": "dismissed", "notified_on": "2025-02-04", "basis": "working"}\n'
)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_a_declaration_only_in_later_rows_is_never_ignored(tmp_path: Path, fmt: str) -> None:
    from penetapan_cli.cli import app

    path = tmp_path / "audit.jsonl"
    path.write_text(LATE, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["batch", str(path), "--output-format", fmt, "--as-of", "2025-06-01"]
    )
    assert result.exit_code == 1, result.stderr
    # D's basis is honoured; CSV output has no column for it (a key not on line 1: an error).
    counts = "ok=1 pending=0 errors=3" if fmt == "csv" else "ok=2 pending=0 errors=2"
    assert f"rows=4 {counts}" in result.stderr
    for row, key in ((2, "declared_on"), (3, "tanggal_penetapan_paslon")):
        assert (
            f"row {row} (line {row}): key '{key}' (the declaration date) is not a key of line 1"
        ) in result.stdout


def test_a_declaration_on_line_1_is_judged_on_every_row(tmp_path: Path) -> None:
    from penetapan_cli.cli import app

    path = tmp_path / "audit.jsonl"
    path.write_text(
        LATE.replace(
            '"notified_on": "2025-02-04"}', '"notified_on": "2025-02-04", "declared_on": null}', 1
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["batch", str(path), "--output-format", "jsonl", "--as-of", "2025-06-01"]
    )
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    # PKPU 18/2024 Pasal 57(1)(b): Tue 4 Feb 2025 + 3 calendar days = Fri 7 Feb 2025; declared
    # on Thu 20 Feb 2025: 13 days late.
    assert rows[1]["days_late"] == 13
    assert rows[2]["status"] == "error"  # 30/02/2025 is no date
    assert "30/02/2025" in rows[2]["error"]
