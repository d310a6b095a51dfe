"""A hostile test's smaller findings: an empty -o, a workbook or UTF-16 file read as CSV, an
escape sequence in a region's name, and the weekday "Ahad"."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

runner = CliRunner(env={"PENETAPAN_LANG": "en"})
CASES = "outcome,notified_on\ndismissed,2025-02-04\n"


def invoke(args: list[str]) -> Result:
    from penetapan_cli.cli import app

    return runner.invoke(app, args)


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["-o", ""], "-o"),
        (["--output="], "--output"),
        (["--ics", ""], "--ics"),
        (["--closures", ""], "--closures"),
    ],
)
def test_an_empty_file_name_is_repeated_as_empty(
    tmp_path: Path, args: list[str], name: str
) -> None:
    source = tmp_path / "cases.csv"
    source.write_text(CASES, encoding="utf-8")
    result = invoke(["batch", str(source), *args])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"penetapan: {name}: the file name is empty (''); give a file name\n"


def test_a_workbook_read_as_csv_says_so(tmp_path: Path) -> None:
    source = tmp_path / "cases.csv"
    source.write_text(CASES, encoding="utf-8")
    book = tmp_path / "cases.xlsx"
    assert invoke(["batch", str(source), "-o", str(book), "--as-of", "2025-02-05"]).exit_code == 0
    result = invoke(["batch", str(book), "--input-format", "csv"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"penetapan: input {str(book)!r} is a spreadsheet file (.xlsx, .xls or .ods), not CSV; "
        "read it with --input-format xlsx (or xls, ods)\n"
    )


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_says_so(tmp_path: Path, codec: str) -> None:
    source = tmp_path / "cases.csv"
    source.write_bytes(CASES.encode(codec))
    result = invoke(["batch", str(source)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"penetapan: input {str(source)!r} looks like UTF-16 text (NUL bytes between the "
        'letters); save it as UTF-8 ("CSV UTF-8")\n'
    )


@pytest.mark.parametrize("command", ["deadline", "timeline"])
def test_control_characters_reach_no_calendar(tmp_path: Path, command: str) -> None:
    ics = tmp_path / "x.ics"
    region = "Kota\x1b[31mMedan\x07\tX"
    args = (
        ["deadline", "dismissed", "2025-02-04"]
        if command == "deadline"
        else ["timeline", "--announced", "2024-12-16"]
    )
    result = invoke([*args, "--region", region, "--ics", str(ics), "--as-of", "2025-02-05"])
    assert result.exit_code == 0, result.stderr
    text = ics.read_bytes().decode("utf-8")
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "Kota?[31mMedan?\tX" in text.replace("\r\n ", "")


def test_ahad_is_sunday() -> None:
    # Sun 9 Feb 2025 ("Ahad"); PKPU 18/2024 Pasal 57(1)(b): + 3 calendar days = Wed 12 Feb 2025.
    result = invoke(["deadline", "dismissed", "Ahad, 9 Februari 2025", "--format", "date"])
    assert (result.exit_code, result.stdout) == (0, "2025-02-12\n")
    wrong = invoke(["deadline", "dismissed", "Ahad, 10 Februari 2025", "--format", "date"])
    assert wrong.exit_code == 2
    assert "weekday does not match: 2025-02-10 is a Monday, not Ahad" in wrong.stderr
