"""Tests for `penetapan batch`: CSV quirks, row accounting, formats, exit codes, output files.

Expected dates come from PKPU 18/2024 Pasal 57 ayat (1) and the 2025 holiday data, as noted
beside each. CLI tests run `penetapan_cli.cli.app` through typer's CliRunner.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import icalendar
import pytest
from typer.testing import CliRunner, Result

from penetapan_cli import files
from penetapan_cli.batch import columns
from penetapan_cli.batch import compute as computing
from penetapan_cli.batch import read as reading
from penetapan_cli.batch import run as running
from penetapan_cli.cli import app
from penetapan_cli.core.calendar import NonWorkingDay
from penetapan_cli.core.errors import InputError
from penetapan_cli.messages import error_text
from penetapan_cli.sources.holidays import holidays_package_year

runner = CliRunner(env={"PENETAPAN_LANG": "en"})  # stderr labels in English
AS_OF = ["--as-of", "2025-02-05"]
RESULT = ["trigger_date", "deadline", "status", "days_left", "rule", "citation", "error"]
RULE_A, CITE_A = "pkpu-18-2024/57-1-a", "PKPU 18/2024 Pasal 57 ayat (1) huruf a"
RULE_B, CITE_B = "pkpu-18-2024/57-1-b", "PKPU 18/2024 Pasal 57 ayat (1) huruf b"
RULE_NEXT = "pkpu-18-2024/57-follow-up"
CITE_NEXT = "PKPU 18/2024 Pasal 57 ayat (1), dengan amar putusan MK"
# PKPU 18/2024 Pasal 57(1)(b): 3 calendar days after Tue 4 Feb 2025 -> Fri 7 Feb 2025;
# counted from --as-of Wed 5 Feb 2025, 2 days are left. trigger_date is the date read.
MEDAN = ["2025-02-04", "2025-02-07", "ok", "2", RULE_B, CITE_B, ""]


def run(args: Sequence[str], stdin: bytes | str | None = None) -> Result:
    return runner.invoke(app, ["batch", *args], input=stdin)


def table(output: Result | str, delimiter: str = ",") -> list[list[str]]:
    """The rows of CSV output, read from its bytes (Result.stdout turns CRLF into LF)."""
    text = output if isinstance(output, str) else output.stdout_bytes.decode("utf-8")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def summary(result: Result) -> str:
    return result.stderr.splitlines()[-1]


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- the basic contract ----------------------------------------------------------------------


def test_medan_row_gives_every_result_column() -> None:
    result = run(
        ["-", *AS_OF],
        "region,case_number,outcome,notified_on\n"
        "Kota Medan,220/PHPU.WAKO-XXIII/2025,dismissed,2025-02-04\n",
    )
    assert result.exit_code == 0
    assert table(result) == [
        ["region", "case_number", "outcome", "notified_on", *RESULT],
        ["Kota Medan", "220/PHPU.WAKO-XXIII/2025", "dismissed", "2025-02-04", *MEDAN],
    ]
    assert summary(result) == "penetapan batch: rows=1 ok=1 pending=0 errors=0 blank=0"


def test_pending_row_has_no_deadline_and_exit_0() -> None:
    # PKPU 18/2024 Pasal 57(1) with the MK's order: a re-vote starts a new cycle, no date yet.
    result = run(["-", *AS_OF], "outcome,notified_on\npsu,2025-02-24\n")
    assert result.exit_code == 0
    assert table(result)[1] == [
        "psu", "2025-02-24", "2025-02-24", "", "pending", "", RULE_NEXT, CITE_NEXT, ""
    ]  # fmt: skip
    assert summary(result) == "penetapan batch: rows=1 ok=0 pending=1 errors=0 blank=0"
    assert any(
        line.startswith("next step (1 row from row 1): ") for line in result.stderr.splitlines()
    )


def test_notices_named_once_on_stderr_with_row_counts() -> None:
    # Unsettled law is surfaced, not hidden: each distinct notice once, with how many rows.
    result = run(
        ["-", *AS_OF, "--lang", "en"],
        "outcome,notified_on\nno-petition,2025-01-06\ndismissed,2025-02-04\ndismissed,2025-02-05\n",
    )
    lines = result.stderr.splitlines()
    assert lines[0].startswith("notice (3 rows from row 1): Day count unsettled")
    assert lines[1].startswith("notice (2 rows from row 2): Trigger unsettled")
    assert len(lines) == 3


def test_days_left_is_a_plain_number_even_when_negative() -> None:
    # 57(1)(b): 4 Feb 2025 + 3 calendar days = Fri 7 Feb 2025; as of Mon 10 Feb, 3 days overdue.
    result = run(["-", "--as-of", "2025-02-10"], "outcome,notified_on\ndismissed,2025-02-04\n")
    assert table(result)[1][2:6] == ["2025-02-04", "2025-02-07", "ok", "-3"]


def test_bad_rows_in_the_middle_keep_every_row_in_order() -> None:
    data = (
        "id,outcome,notified_on\n"
        "1,dismissed,2025-02-04\n"
        "2,nonsense,2025-02-04\n"
        "\n"
        "4,psu,2025-02-24\n"
        "5,dismissed,2025-02-30\n"
        ",,\n"
        "7,no-petition,2025-01-06\n"
        "8,dismissed\n"
        "9,rejected,2025-02-24\n"
    )
    result = run(["-", *AS_OF], data)
    assert result.exit_code == 1
    rows = table(result)[1:]
    assert [r[0] for r in rows] == ["1", "2", "", "4", "5", "", "7", "8", "9"]
    assert [r[5] for r in rows] == [
        "ok", "error", "blank", "pending", "error", "blank", "ok", "error", "ok"
    ]  # fmt: skip
    # 57(1)(a): Mon 6 Jan 2025 + 3 = Thu 9 Jan; 57(1)(b): Mon 24 Feb 2025 + 3 = Thu 27 Feb.
    assert [r[4] for r in rows if r[5] == "ok"] == ["2025-02-07", "2025-01-09", "2025-02-27"]
    # trigger_date: the date read, also on a row whose outcome is wrong; empty when unreadable.
    assert [r[3] for r in rows] == [
        "2025-02-04", "2025-02-04", "", "2025-02-24", "", "", "2025-01-06", "", "2025-02-24"
    ]  # fmt: skip
    assert [r[-1] for r in rows][2] == ""  # a blank row is no error
    assert [r[-1] for r in rows][5] == ""
    assert [r[-1] for r in rows][7] == "row 8 (line 9): 2 fields, but the header has 3"
    assert summary(result) == "penetapan batch: rows=9 ok=3 pending=1 errors=3 blank=2"


@pytest.mark.parametrize(
    ("outcome", "notified"),
    [
        ("nonsense", "2025-02-04"),
        ("dismisal", "2025-02-04"),
        ("", "2025-02-04"),
        ("dismissed", "2025-02-30"),
        ("dismissed", "04/02/25"),
        ("dismissed", "1720569600"),
        ("dismissed", ""),
        ("dismissed", "2025-02-04T10:00"),
    ],
)
def test_row_error_is_the_message_of_the_deadline_command(outcome: str, notified: str) -> None:
    single = runner.invoke(app, ["deadline", outcome, notified, *AS_OF])
    assert single.exit_code == 2
    expected = single.stderr.removeprefix("penetapan: ").rstrip("\n")
    out = io.StringIO()
    csv.writer(out).writerows([["outcome", "notified_on"], [outcome, notified]])
    result = run(["-", *AS_OF], out.getvalue())
    assert result.exit_code == 1
    assert table(result)[1][-1] == expected


# --- real-world CSV --------------------------------------------------------------------------


def test_bom_semicolons_and_crlf() -> None:
    data = "\ufeffDaerah;Putusan;Tanggal\r\nKota Medan;tidak-dapat-diterima;2025-02-04\r\n"
    result = run(["-", *AS_OF], data.encode("utf-8"))
    assert result.exit_code == 0
    # The BOM is not part of the first column's name; the output keeps the input's ';'.
    assert result.stdout.splitlines()[0] == "Daerah;Putusan;Tanggal;" + ";".join(RESULT)
    assert table(result, ";")[1] == ["Kota Medan", "tidak-dapat-diterima", "2025-02-04", *MEDAN]


def test_semicolon_header_with_commas_inside_names() -> None:
    data = 'outcome;notified_on;"catatan, bebas"\ndismissed;2025-02-04;"a, b"\n'
    result = run(["-", *AS_OF], data)
    assert table(result, ";")[1] == ["dismissed", "2025-02-04", "a, b", *MEDAN]


def test_quoted_fields_with_embedded_newlines_stay_one_row() -> None:
    data = (
        "outcome,note,notified_on\r\n"
        'dismissed,"line one\r\nline two, with comma",2025-02-04\r\n'
        "rejected,x,2025-02-24\r\n"
    )
    result = run(["-", *AS_OF], data)
    assert result.exit_code == 0
    rows = table(result)
    assert len(rows) == 3
    assert rows[1] == ["dismissed", "line one\r\nline two, with comma", "2025-02-04", *MEDAN]
    assert rows[2][:5] == ["rejected", "x", "2025-02-24", "2025-02-24", "2025-02-27"]  # 24 Feb + 3


def test_unclosed_quote_is_reported_with_its_lines() -> None:
    data = (
        "outcome,notified_on,note\n"
        "dismissed,2025-02-04,ok\n"
        'dismissed,"2025-02-04\n'
        "rejected,2025-02-24\n"
    )
    result = run(["-", *AS_OF], data)
    rows = table(result)
    assert len(rows) == 3
    assert rows[2][-1] == (
        "row 2 (lines 3-4): 2 fields, but the header has 3; check for a quote opened on line 3 "
        "and never closed"
    )


def test_line_break_in_a_date_cell_points_at_the_quote() -> None:
    data = 'outcome,notified_on\ndismissed,"2025-02-04\n"\n'
    result = run(["-", *AS_OF], data)
    assert table(result)[1][-1] == (
        "row 1 (lines 2-3): the notified_on cell holds a line break; check for a quote opened "
        "on line 2 and never closed"
    )


def test_non_utf8_bytes_are_an_error_row_with_its_number() -> None:
    data = (
        b"region,outcome,notified_on\n"
        b"Kota A,dismissed,2025-02-04\n"
        b"Kab. Pidi\xe9,dismissed,2025-02-04\n"  # Latin-1, as an old export would write it
        b"Kota C,dismissed,2025-02-04\n"
    )
    result = run(["-", *AS_OF], data)
    assert result.exit_code == 1
    rows = table(result)  # the output stays valid UTF-8
    assert [r[5] for r in rows[1:]] == ["ok", "error", "ok"]
    assert rows[2][0] == "Kab. Pidi\ufffd"
    assert rows[2][-1] == (
        "row 2 (line 3): column 'region' is not UTF-8 text (bytes 0xE9); save the file as UTF-8 "
        '("CSV UTF-8")'
    )


def test_non_ascii_utf8_is_fine() -> None:
    data = "daerah,outcome,notified_on\nKab. Pidië — Aceh,dismissed,4 Februari 2025\n"
    result = run(["-", *AS_OF], data.encode("utf-8"))
    assert result.exit_code == 0
    assert table(result)[1] == ["Kab. Pidië — Aceh", "dismissed", "4 Februari 2025", *MEDAN]


def test_formula_cells_are_neutralised_but_our_numbers_are_not() -> None:
    data = (
        'outcome,notified_on,a,b,c,d,e,"=bad"\n'
        'dismissed,2025-02-04,=HYPERLINK("http://x"),+62812,-5,@SUM(A1),"\tx",\n'
    )
    result = run(["-", "--as-of", "2025-02-10"], data)
    rows = table(result)
    assert rows[0][7] == "'=bad"
    assert rows[1][2:8] == ['\'=HYPERLINK("http://x")', "'+62812", "'-5", "'@SUM(A1)", "'\tx", ""]
    assert rows[1][11] == "-3"  # days_left: 7 Feb 2025 is 3 days before 10 Feb


def test_extra_columns_pass_through_in_their_order() -> None:
    data = "z,outcome,y,notified_on,x\n1,dismissed,2,2025-02-04,3\n"
    rows = table(run(["-", *AS_OF], data))
    assert rows == [
        ["z", "outcome", "y", "notified_on", "x", *RESULT],
        ["1", "dismissed", "2", "2025-02-04", "3", *MEDAN],
    ]


@pytest.mark.parametrize(
    "header",
    [
        "Outcome,Notified On",
        " OUTCOME , notified-on ",
        "hasil,tanggal",
        "Putusan,Tanggal Pemberitahuan",
        "putusan,TANGGAL_PEMBERITAHUAN",
    ],
)
def test_header_names_are_case_and_space_insensitive_with_aliases(header: str) -> None:
    result = run(["-", *AS_OF], f"{header}\ndismissed,2025-02-04\n")
    assert result.exit_code == 0
    assert table(result)[1][2:] == MEDAN


def test_trailing_empty_cells_beyond_the_header_are_tolerated() -> None:
    result = run(["-", *AS_OF], "outcome,notified_on\ndismissed,2025-02-04,,\n")
    assert result.exit_code == 0
    assert table(result)[1] == ["dismissed", "2025-02-04", *MEDAN]


def test_extra_values_beyond_the_header_are_an_error() -> None:
    result = run(["-", *AS_OF], "outcome,notified_on\ndismissed,2025-02-04,surprise\n")
    assert result.exit_code == 1
    assert table(result)[1][-1] == "row 1 (line 2): 3 fields, but the header has 2"


def test_header_only_gives_header_only() -> None:
    result = run(["-", *AS_OF], "outcome,notified_on\n")
    assert result.exit_code == 0
    assert result.stdout == "outcome,notified_on," + ",".join(RESULT) + "\n"
    assert summary(result) == "penetapan batch: rows=0 ok=0 pending=0 errors=0 blank=0"


# --- per-row overrides -----------------------------------------------------------------------


def test_per_row_basis_overrides_the_command_line() -> None:
    data = (
        "outcome,notified_on,basis\n"
        "dismissed,2025-02-07,\n"
        "dismissed,2025-02-07,calendar\n"
        "dismissed,2025-02-07, Working \n"
    )
    plain = table(run(["-", *AS_OF], data))
    working = table(run(["-", *AS_OF, "--basis", "working"], data))
    # Fri 7 Feb 2025 + 3 calendar days = Mon 10 Feb; + 3 working days (Mon 10, Tue 11,
    # Wed 12; no holiday in February 2025) = Wed 12 Feb 2025.
    assert [r[4] for r in plain[1:]] == ["2025-02-10", "2025-02-10", "2025-02-12"]
    assert [r[4] for r in working[1:]] == ["2025-02-12", "2025-02-10", "2025-02-12"]


def test_per_row_no_cuti_bersama_overrides_the_command_line() -> None:
    data = (
        "outcome,notified_on,basis,no_cuti_bersama\n"
        "dismissed,2025-01-24,working,\n"
        "dismissed,2025-01-24,working,ya\n"
        "dismissed,2025-01-24,working,false\n"
        "dismissed,2025-01-24,working,1\n"
    )
    # 3 working days after Fri 24 Jan 2025: Mon 27 (Isra Mi'raj), Tue 28 (cuti bersama Imlek,
    # SKB 3 Menteri 2025) and Wed 29 (Imlek) are skipped -> Thu 30, Fri 31, Mon 3 Feb 2025.
    # With cuti bersama as working days, Tue 28 counts -> Tue 28, Thu 30, Fri 31 Jan 2025.
    default = table(run(["-", *AS_OF], data))
    flag = table(run(["-", *AS_OF, "--no-cuti-bersama"], data))
    assert [r[5] for r in default[1:]] == ["2025-02-03", "2025-01-31", "2025-02-03", "2025-01-31"]
    assert [r[5] for r in flag[1:]] == ["2025-01-31", "2025-01-31", "2025-02-03", "2025-01-31"]


def test_bad_override_values_are_row_errors() -> None:
    data = (
        "outcome,notified_on,basis,no_cuti_bersama\n"
        "dismissed,2025-02-04,hours,\n"
        "dismissed,2025-02-04,,maybe\n"
    )
    result = run(["-", *AS_OF], data)
    assert result.exit_code == 1
    rows = table(result)
    assert rows[1][-1] == "invalid basis 'hours': expected calendar or working"
    assert rows[2][-1] == (
        "invalid no_cuti_bersama 'maybe': expected true/false, yes/no, ya/tidak or 1/0"
    )


# --- whole-input errors: exit 2 before any output --------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            "outcome,date\ndismissed,2025-02-04\n",
            "missing required column 'notified_on' (or tanggal, tanggal_pemberitahuan); "
            "columns found (read with delimiter ','): 'outcome', 'date'",
        ),
        (
            "region;case\nx;y\n",
            "missing required columns 'outcome' (or hasil, putusan) and 'notified_on' (or "
            "tanggal, tanggal_pemberitahuan); columns found (read with delimiter ';'): "
            "'region', 'case'",
        ),
        ("", "is empty: expected a header row naming the columns outcome and notified_on"),
        (
            "\noutcome,notified_on\n",
            "line 1 is blank; the first line must be the header naming the columns outcome and "
            "notified_on",
        ),
        (
            "outcome,hasil,notified_on\n",
            "columns 'outcome' and 'hasil' both give outcome; keep one",
        ),
        (
            "outcome,notified_on,Status\n",
            "column 'Status' has the name of an output column; rename or remove it (the output "
            "adds trigger_date, deadline, status, days_left, rule, citation, error)",
        ),
        (
            # an input that already has trigger_date, as one with deadline: refused, not mixed
            "outcome,notified_on,Trigger Date\n",
            "column 'Trigger Date' has the name of an output column; rename or remove it (the "
            "output adds trigger_date, deadline, status, days_left, rule, citation, error)",
        ),
    ],
)
def test_unusable_input_exits_2_before_writing(tmp_path: Path, data: str, message: str) -> None:
    path = write(tmp_path, "cases.csv", data)
    result = run([str(path), *AS_OF])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        result.stderr
        == f"penetapan: input {str(path)!r}{'' if message.startswith('is') else ':'} {message}\n"
    )


def test_non_utf8_header_exits_2(tmp_path: Path) -> None:
    path = write(tmp_path, "cases.csv", b"outcome,tanggal_pemberitahuan,d\xe9but\nx,y,z\n")
    result = run([str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"penetapan: input {str(path)!r}: the header is not UTF-8 text (bytes 0xE9 in column "
        "'d\ufffdbut'); save the file as UTF-8 (\"CSV UTF-8\")\n"
    )


def test_utf16_spreadsheet_export_exits_2(tmp_path: Path) -> None:
    path = write(tmp_path, "cases.csv", "outcome,notified_on\n".encode("utf-16"))
    result = run([str(path)])
    assert result.exit_code == 2
    assert "looks like UTF-16 text (NUL bytes between the letters); save it as UTF-8" in (
        result.stderr
    )


def test_missing_file_and_directory_exit_2(tmp_path: Path) -> None:
    missing = run([str(tmp_path / "nope.csv")])
    assert (missing.exit_code, missing.stderr) == (
        2,
        f"penetapan: input {str(tmp_path / 'nope.csv')!r} not found\n",
    )
    directory = run([str(tmp_path)])
    assert (directory.exit_code, directory.stderr) == (
        2,
        f"penetapan: input {str(tmp_path)!r} is a directory\n",
    )


@pytest.mark.parametrize(
    ("name", "data", "args", "message"),
    [
        (
            "cases.csv",
            "outcome,notified_on\n",
            ["--input-format", "jsonl"],
            "line 1 is not JSON (Expecting value at column 1); JSON Lines input needs one JSON "
            "object per line",
        ),
        (
            "cases.jsonl",
            '[{"outcome": "dismissed"}]\n',
            [],
            "line 1 is an array, not a JSON object; JSON Lines input needs one JSON object per "
            "line",
        ),
        (
            "cases.jsonl",
            '{"outcome": "dismissed"}\n',
            [],
            "missing required column 'notified_on' (or tanggal, tanggal_pemberitahuan); "
            "columns found: 'outcome'",
        ),
    ],
)
def test_wrong_format_exits_2(
    tmp_path: Path, name: str, data: str, args: list[str], message: str
) -> None:
    path = write(tmp_path, name, data)
    result = run([str(path), *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"penetapan: input {str(path)!r}: {message}\n"


def test_json_array_files_are_refused_and_a_text_file_named_xlsx_too(tmp_path: Path) -> None:
    for name, hint in (
        ("a.json", ": a JSON array is not read"),
        ("a.xlsx", " cannot be read as an xlsx workbook: it is not one"),
    ):
        path = write(tmp_path, name, "[]")
        result = run([str(path)])
        assert result.exit_code == 2
        assert result.stderr.startswith(f"penetapan: input {str(path)!r}{hint}")


def test_json_output_refuses_duplicate_column_names() -> None:
    result = run(["-", "--output-format", "json"], "outcome,notified_on,x,x\n")
    assert result.exit_code == 2
    assert result.stderr == (
        "penetapan: standard input: column 'x' appears twice; JSON output needs unique column "
        "names\n"
    )


def test_bad_run_options_exit_2_before_reading() -> None:
    result = run(["-", "--as-of", "2025-02-30"], "outcome,notified_on\n")
    assert (result.exit_code, result.stdout) == (2, "")
    # --as-of is read by one function for every command, which names the option.
    assert result.stderr == (
        "penetapan: --as-of: invalid date '2025-02-30': February 2025 has 28 days\n"
    )


# --- JSON Lines and JSON ---------------------------------------------------------------------


def test_jsonl_in_jsonl_out() -> None:
    data = (
        '{"region": "Kota Medan", "outcome": "dismissed", "notified_on": "2025-02-04", "n": 1}\n'
        '{"region": "Kab. Karo", "outcome": "withdrawn", "notified_on": "2025-02-07", '
        '"basis": "working", "no_cuti_bersama": true, "other": [1, 2]}\n'
    )
    result = run(["-", "--input-format", "jsonl", *AS_OF], data)
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0] == {
        "region": "Kota Medan", "outcome": "dismissed", "notified_on": "2025-02-04", "n": 1,
        "trigger_date": "2025-02-04", "deadline": "2025-02-07", "status": "ok", "days_left": 2,
        "rule": RULE_B, "citation": CITE_B, "error": None,
    }  # fmt: skip
    # Every key of each object is kept; Fri 7 Feb 2025 + 3 working days = Wed 12 Feb 2025.
    assert list(lines[1])[:6] == [
        "region",
        "outcome",
        "notified_on",
        "basis",
        "no_cuti_bersama",
        "other",
    ]
    assert (lines[1]["other"], lines[1]["deadline"], lines[1]["days_left"]) == (
        [1, 2],
        "2025-02-12",
        7,
    )


def test_jsonl_bad_lines_are_error_rows() -> None:
    data = (
        b'{"outcome": "dismissed", "notified_on": "2025-02-04"}\n'
        b"\n"
        b'{"outcome": "dismissed", "notified_on": \n'
        b'["dismissed"]\n'
        b'{"outcome": "dismissed", "notified_on": 20250204}\n'
        b'{"outcome": "dismissed", "notified_on": "2025-02-04", "Outcome": "x"}\n'
        b'{"outcome": "dismissed", "notified_on": "caf\xe9"}\n'
        b'{"outcome": "dismissed", "notified_on": "2025-02-04", "status": "mine"}\n'
        b'{"outcome": "dismissed", "tanggal": "2025-02-04"}\n'
    )
    result = run(["-", "--input-format", "jsonl", *AS_OF], data)
    assert result.exit_code == 1
    errors = [json.loads(line)["error"] for line in result.stdout.splitlines()]
    assert errors == [
        None,
        None,  # a blank line: status blank, no error
        "row 3 (line 3): not valid JSON (Expecting value at column 41)",
        "row 4 (line 4): an array, not a JSON object",
        "invalid date '20250204': a bare number is not a date (no timestamps or YYYYMMDD); "
        "expected YYYY-MM-DD, DD/MM/YYYY or '4 Februari 2025'",
        "row 6 (line 6): keys 'outcome' and 'Outcome' are the same column",
        "row 7 (line 7): not UTF-8 text (byte 0xE9 at column 45)",
        "row 8 (line 8): key 'status' has the name of an output column (its value is replaced "
        "in the output)",
        None,  # an alias of notified_on on a later line is still read
    ]


def test_jsonl_to_csv_uses_the_first_object_keys() -> None:
    data = (
        '{"region": "A", "outcome": "dismissed", "notified_on": "2025-02-04"}\n'
        '{"Outcome": "dismissed", "Notified On": "2025-02-04", "Region": "B"}\n'
        '{"region": "C", "outcome": "dismissed", "notified_on": "2025-02-04", "extra": 1}\n'
        '{"outcome": "dismissed", "notified_on": "2025-02-04"}\n'
    )
    result = run(["-", "--input-format", "jsonl", "--output-format", "csv", *AS_OF], data)
    rows = table(result)
    assert rows[0] == ["region", "outcome", "notified_on", *RESULT]
    assert rows[1] == ["A", "dismissed", "2025-02-04", *MEDAN]
    assert rows[2] == ["B", "dismissed", "2025-02-04", *MEDAN]
    assert rows[3][0] == "C"
    assert rows[3][-1] == (
        "row 3 (line 3): key 'extra' not among the keys of line 1, which are the CSV output's "
        "columns"
    )
    assert rows[4] == ["", "dismissed", "2025-02-04", *MEDAN]


def test_json_output_is_one_streamed_array() -> None:
    data = "outcome,notified_on\ndismissed,2025-02-04\nnonsense,2025-02-04\n"
    result = run(["-", "--output-format", "json", *AS_OF], data)
    assert result.exit_code == 1
    first = (
        '{"outcome": "dismissed", "notified_on": "2025-02-04", "trigger_date": "2025-02-04", '
        '"deadline": "2025-02-07", '
        f'"status": "ok", "days_left": 2, "rule": "{RULE_B}", "citation": "{CITE_B}", '
        '"error": null}'
    )
    assert result.stdout.startswith("[\n" + first + ",\n{")
    assert result.stdout.endswith("}\n]\n")
    assert [r["status"] for r in json.loads(result.stdout)] == ["ok", "error"]


def test_json_output_of_no_rows_is_an_empty_array() -> None:
    result = run(["-", "--output-format", "json"], "outcome,notified_on\n")
    assert (result.exit_code, result.stdout) == (0, "[]\n")


def test_csv_and_jsonl_give_the_same_results() -> None:
    rows = [
        ("no-petition", "2025-01-06", ""),
        ("dismissed", "4 Februari 2025", ""),
        ("gugur", "05/02/2025", "working"),
        ("psu", "2025-02-24", ""),
        ("ditolak", "2025-02-30", ""),
        ("granted", "2025-02-24", "weeks"),
        ("", "2025-02-04", ""),
    ]
    out = io.StringIO()
    csv.writer(out).writerows([("outcome", "notified_on", "basis"), *rows])
    jsonl = "".join(
        json.dumps({"outcome": o, "notified_on": d, "basis": b}) + "\n" for o, d, b in rows
    )
    from_csv = run(["-", "--output-format", "jsonl", *AS_OF], out.getvalue())
    from_jsonl = run(["-", "--input-format", "jsonl", *AS_OF], jsonl)
    assert from_csv.exit_code == from_jsonl.exit_code == 1

    def results(text: str) -> list[list[object]]:
        return [[json.loads(line)[k] for k in RESULT] for line in text.splitlines()]

    assert results(from_csv.stdout) == results(from_jsonl.stdout)
    assert len(results(from_csv.stdout)) == len(rows)


# --- output files ----------------------------------------------------------------------------


def test_output_file_appears_complete(tmp_path: Path) -> None:
    source = write(tmp_path, "cases.csv", "outcome,notified_on\ndismissed,2025-02-04\n")
    target = tmp_path / "out" / "deadlines.csv"
    target.parent.mkdir()
    result = run([str(source), "-o", str(target), *AS_OF])
    assert (result.exit_code, result.stdout) == (0, "")
    assert table(target.read_text(encoding="utf-8"))[1] == ["dismissed", "2025-02-04", *MEDAN]
    assert sorted(p.name for p in target.parent.iterdir()) == ["deadlines.csv"]


def test_output_file_is_replaced_and_keeps_its_mode(tmp_path: Path) -> None:
    source = write(tmp_path, "cases.csv", "outcome,notified_on\ndismissed,2025-02-04\n")
    target = write(tmp_path, "deadlines.csv", "old\n")
    target.chmod(0o640)
    assert run([str(source), "-o", str(target), *AS_OF]).exit_code == 0
    header = target.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("outcome,notified_on,trigger_date,deadline")
    assert target.stat().st_mode & 0o777 == 0o640


def test_failed_run_leaves_existing_output_untouched(tmp_path: Path) -> None:
    source = write(tmp_path, "cases.csv", "outcome,date\ndismissed,2025-02-04\n")
    target = write(tmp_path, "deadlines.csv", "previous run\n")
    result = run([str(source), "-o", str(target)])
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.csv", "deadlines.csv"]


def test_interrupted_run_leaves_no_partial_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = "".join(f"dismissed,2025-02-{d:02d}\n" for d in range(1, 29))
    source = write(tmp_path, "cases.csv", "outcome,notified_on\n" + rows + "stop,2025-02-04\n")
    target = write(tmp_path, "deadlines.csv", "previous run\n")
    real = computing.Calculator.compute

    def compute(self: computing.Calculator, fields: dict[str, str]) -> computing.Computed:
        if fields["outcome"] == "stop":
            raise KeyboardInterrupt  # as Ctrl-C would, after 28 rows were written
        return real(self, fields)

    monkeypatch.setattr(computing.Calculator, "compute", compute)
    result = run([str(source), "-o", str(target), *AS_OF])
    assert result.exit_code == 130
    assert result.stderr == "penetapan: interrupted\n"
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.csv", "deadlines.csv"]


def test_refuses_to_write_over_the_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "outcome,notified_on\ndismissed,2025-02-04\n"
    source = write(tmp_path, "cases.csv", text)
    (tmp_path / "link.csv").symlink_to(source)
    monkeypatch.chdir(tmp_path)
    for target in ("cases.csv", str(source), "./sub/../cases.csv", "link.csv"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        result = run(["cases.csv", "-o", target])
        assert result.exit_code == 2
        assert result.stderr == (
            "penetapan: refusing to write the output over the input file 'cases.csv': choose "
            "another -o path\n"
        )
    assert source.read_text(encoding="utf-8") == text


def test_output_into_a_missing_directory_exits_2(tmp_path: Path) -> None:
    source = write(tmp_path, "cases.csv", "outcome,notified_on\n")
    target = tmp_path / "nowhere" / "out.csv"
    result = run([str(source), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"penetapan: cannot write {str(target)!r}: directory {str(target.parent)!r} not found\n"
    )


def test_atomic_output_removes_its_temporary_file_on_error(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"

    def write_half_then_fail() -> None:
        with files.atomic_output(target) as fh:
            fh.write("half a row")
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_half_then_fail()
    assert list(tmp_path.iterdir()) == []


# --- streaming, memory, the calendar and the cache -------------------------------------------


class _CountingInput(io.RawIOBase):
    """An input that knows how much of itself has been read."""

    def __init__(self, data: bytes) -> None:
        self.data, self.position = data, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        chunk = self.data[self.position : self.position + min(len(buffer), 4096)]
        buffer[: len(chunk)] = chunk
        self.position += len(chunk)
        return len(chunk)


def _rows(n: int) -> bytes:
    dates = ["2025-02-04", "2025-02-05", "4 Februari 2025", "2025-02-24"]
    lines = [f"Kab {i},dismissed,{dates[i % 4]},catatan {i}\n" for i in range(n)]
    return ("region,outcome,notified_on,note\n" + "".join(lines)).encode()


def test_rows_are_written_before_the_input_is_read_to_the_end(
    new_calculator: Callable[..., computing.Calculator],
) -> None:
    data = _rows(20_000)
    raw = _CountingInput(data)
    read_when_first_written: list[int] = []

    class Sink(io.StringIO):
        def write(self, text: str) -> int:
            if not read_when_first_written and "2025-02-07" in text:
                read_when_first_written.append(raw.position)
            return super().write(text)

    source = reading.read_csv(io.BufferedReader(raw), label="test")
    result = running.run(source, Sink(), "csv", new_calculator())
    assert result.rows == 20_000
    assert read_when_first_written[0] < len(data) / 10


def test_memory_does_not_grow_with_the_number_of_rows(
    new_calculator: Callable[..., computing.Calculator],
) -> None:
    def peak(n: int) -> int:
        data = _rows(n)

        class Discard(io.TextIOBase):
            def write(self, text: str) -> int:
                return len(text)

        tracemalloc.start()
        try:
            source = reading.read_csv(io.BytesIO(data), label="test")
            running.run(source, Discard(), "csv", new_calculator())
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(2_000), peak(40_000)
    # BytesIO holds the input itself; what the run allocates besides must not scale.
    assert large - len(_rows(40_000)) < (small - len(_rows(2_000))) * 1.5 + 64 * 1024


def test_one_calendar_per_cuti_setting_and_one_holiday_load_per_year(
    new_calculator: Callable[..., computing.Calculator],
) -> None:
    loads: list[int] = []

    def source(year: int) -> tuple[NonWorkingDay, ...]:
        loads.append(year)
        return holidays_package_year(year)

    calculator = new_calculator(year_source=source, cache_size=4)
    cuti = ["", "ya", "tidak", "1"]
    lines = [
        f"dismissed,2025-01-{day:02d},working,{cuti[day % 4]}\n"
        for day in range(1, 29)
        for _ in range(5)
    ]
    data = ("outcome,notified_on,basis,no_cuti_bersama\n" + "".join(lines)).encode()
    summary = running.run(
        reading.read_csv(io.BytesIO(data), label="t"), io.StringIO(), "csv", calculator
    )
    assert summary.rows == 140
    assert sorted(calculator.calendars) == [False, True]
    assert sorted(loads) == [2025, 2025]  # one load of 2025 per calendar, for 140 rows
    assert len(calculator.cache) <= 4


def test_a_tiny_cache_gives_the_same_output_and_counts(
    new_calculator: Callable[..., computing.Calculator],
) -> None:
    data = _rows(3_000)
    outputs, notes = [], []
    for size in (1, 3, columns.CACHE_SIZE):
        out = io.StringIO()
        summary = running.run(
            reading.read_csv(io.BytesIO(data), label="t"),
            out,
            "csv",
            new_calculator(cache_size=size),
        )
        outputs.append(out.getvalue())
        notes.append([(m.kind, m.first_row, m.rows) for m in summary.messages])
    assert outputs[0] == outputs[1] == outputs[2]
    assert notes[0] == notes[1] == notes[2]
    # 57(1)(b) carries two notices; 3,000 dismissed rows, every one of them counted.
    assert notes[0] == [("notice", 1, 3000), ("notice", 1, 3000)]


# --- small parts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Tanggal Pemberitahuan", "tanggal_pemberitahuan"),
        ("  NOMOR-perkara ", "nomor_perkara"),
        ("notified__on", "notified_on"),
        ("No Cuti Bersama", "no_cuti_bersama"),
        ("NotifiedOn", "notified_on"),
        ("Out-come", "outcome"),
    ],
)
def test_column_key(name: str, key: str) -> None:
    assert columns.column_key(name) == columns.column_key(key)
    assert columns.column_key(name) != columns.column_key(key + "x")


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+62", "'+62"),
        ("-5", "'-5"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("", ""),
        ("2025-02-04", "2025-02-04"),
    ],
)
def test_neutralise(cell: str, written: str) -> None:
    assert columns.neutralise(cell) == written


def test_format_from_the_file_name() -> None:
    assert reading.format_for(None) == "csv"
    assert reading.format_for("a.CSV") == "csv"
    assert reading.format_for("a.txt") == "csv"
    assert reading.format_for("a.jsonl") == "jsonl"
    assert reading.format_for("a.ndjson") == "jsonl"
    with pytest.raises(InputError):
        reading.format_for("a.json")


def test_lone_surrogate_from_a_json_escape_is_the_rows_error() -> None:
    # No output may carry a lone surrogate (it is not Unicode text): the row is an error, and
    # the value is shown as U+FFFD (docs/batch.md, "JSON Lines, strictly").
    data = '{"outcome": "dismissed", "notified_on": "2025-02-04", "note": "\\ud800"}\n'
    result = run(["-", "--input-format", "jsonl", *AS_OF], data)
    assert result.exit_code == 1
    row = json.loads(result.stdout)
    assert (row["note"], row["status"]) == ("\ufffd", "error")
    as_csv = run(["-", "--input-format", "jsonl", "--output-format", "csv", *AS_OF], data)
    assert table(as_csv)[1][2] == "\ufffd"


def test_messages_in_indonesian() -> None:
    result = run(["-", *AS_OF, "--lang", "id"], "outcome,notified_on\npsu,2025-02-24\n")
    assert result.stderr.splitlines()[0].startswith(
        "tindak lanjut (1 baris, mulai baris 1): Batas akhir penetapan belum dapat ditentukan."
    )
    assert (
        result.stderr.splitlines()[-1] == "penetapan batch: rows=1 ok=0 pending=1 errors=0 blank=0"
    )


def test_holiday_data_warnings_are_surfaced_once() -> None:
    # The holiday data lists no cuti bersama for 2030 (no SKB 3 Menteri yet), and its Islamic
    # holidays are estimates: a working-day count there carries warnings, as `deadline` does.
    data = "outcome,notified_on,basis\n" + "dismissed,2030-03-01,working\n" * 3
    result = run(["-", *AS_OF], data)
    single = runner.invoke(
        app, ["deadline", "dismissed", "2030-03-01", "--basis", "working", "--lang", "en"]
    )
    expected = [
        line.removeprefix("warning: ")
        for line in single.stderr.splitlines()
        if line.startswith("warning: ")
    ]
    assert expected
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning")]
    assert warnings == [f"warning (3 rows from row 1): {text}" for text in expected]


def test_atomic_output_reports_a_write_failure_and_cleans_up(tmp_path: Path) -> None:
    import errno

    target = tmp_path / "out.csv"

    def write_until_the_disk_is_full() -> None:
        with files.atomic_output(target) as fh:
            fh.write("half a row")
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(InputError) as raised:
        write_until_the_disk_is_full()
    assert re.search(
        r"^cannot write '.*out\.csv': No space left on device$", error_text(raised.value, "en")
    )
    assert list(tmp_path.iterdir()) == []


# --- --rules and --strict --------------------------------------------------------------------


def test_rules_option_changes_dates_rules_and_citations() -> None:
    data = "outcome,notified_on\nno-petition,2025-01-06\ndismissed,2025-02-04\npsu,2025-02-24\n"
    result = run(["-", *AS_OF, "--rules", "pkpu-19-2020"], data)
    assert result.exit_code == 0
    # PKPU 19/2020 Pasal 54(5): 3 days after Mon 6 Jan 2025 -> Thu 9 Jan 2025; 54(6): 3 days
    # after Tue 4 Feb 2025 -> Fri 7 Feb 2025; a re-vote order (54(7)) gives no date yet.
    assert [r[3:] for r in table(result)[1:]] == [
        ["2025-01-09", "ok", "-27", "pkpu-19-2020/54-5", "PKPU 19/2020 Pasal 54 ayat (5)", ""],
        ["2025-02-07", "ok", "2", "pkpu-19-2020/54-6", "PKPU 19/2020 Pasal 54 ayat (6)", ""],
        ["", "pending", "", "pkpu-19-2020/54-7-follow-up", "PKPU 19/2020 Pasal 54 ayat (7)", ""],
    ]
    # A rule set that is not in force says so once, first, as `deadline` does.
    assert result.stderr.splitlines()[0].startswith("note: rule set pkpu-19-2020 is superseded")


def test_rules_option_matches_the_deadline_command_row_by_row() -> None:
    data = "outcome,notified_on\nno-petition,2025-01-06\ndismissed,2025-02-04\n"
    result = run(["-", *AS_OF, "--rules", "pkpu-2-2024-annex", "--output-format", "jsonl"], data)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    for row in rows:
        single = runner.invoke(
            app,
            ["deadline", row["outcome"], row["notified_on"], *AS_OF, "--format", "json",
             "--rules", "pkpu-2-2024-annex"],
        )  # fmt: skip
        expected = json.loads(single.stdout)
        assert (row["deadline"], row["rule"]) == (expected["deadline"], expected["rule"]["id"])
    # The reported annex reading, 5 calendar days: Mon 6 Jan 2025 -> Sat 11 Jan 2025;
    # Tue 4 Feb 2025 -> Sun 9 Feb 2025.
    assert [r["deadline"] for r in rows] == ["2025-01-11", "2025-02-09"]


def test_rules_option_accepts_a_users_file(tmp_path: Path) -> None:
    from penetapan_cli.sources.rulesets import RULESETS_DIR

    text = (RULESETS_DIR / "pkpu-18-2024.toml").read_text(encoding="utf-8")
    mine = write(tmp_path, "mine.toml", text.replace('id = "pkpu-18-2024"', 'id = "mine"', 1))
    result = run(["-", *AS_OF, "--rules", str(mine)], "outcome,notified_on\ndismissed,2025-02-04\n")
    assert result.exit_code == 0
    # The same rule as PKPU 18/2024 Pasal 57(1)(b), under the user's rule-set id.
    assert table(result)[1][3:7] == ["2025-02-07", "ok", "2", "mine/57-1-b"]


@pytest.mark.parametrize(
    ("rules", "fragment"),
    [("pkpu-99-2099", "unknown rule set 'pkpu-99-2099'"), ("", "empty --rules")],
)
def test_bad_rules_option_exits_2_before_reading(rules: str, fragment: str) -> None:
    result = run(["-", "--rules", rules], "outcome,notified_on\ndismissed,2025-02-04\n")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("penetapan: ")
    assert fragment in result.stderr
    assert result.stderr.count("\n") == 1


def test_strict_turns_an_undecreed_year_into_an_error_row() -> None:
    data = (
        "region,outcome,notified_on,basis\n"
        "A,dismissed,2025-02-04,\n"
        "B,rejected,2028-03-01,working\n"
        "C,dismissed,2025-02-07,working\n"
        "D,rejected,2028-03-01,\n"
    )
    single = runner.invoke(
        app, ["deadline", "rejected", "2028-03-01", "--basis", "working", "--strict"]
    )
    assert single.exit_code == 4
    message = single.stderr.removeprefix("penetapan: ").rstrip("\n")
    result = run(["-", *AS_OF, "--strict", "--output-format", "jsonl"], data)
    assert result.exit_code == 1  # row errors, --strict refusals included: exit 1, not 4
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["region"] for r in rows] == ["A", "B", "C", "D"]
    assert [r["status"] for r in rows] == ["ok", "error", "ok", "ok"]
    assert rows[1]["error"] == message
    # 57(1)(b): Tue 4 Feb 2025 + 3 calendar days = Fri 7 Feb; Fri 7 Feb 2025 + 3 working days
    # (Mon 10, Tue 11, Wed 12; 2025 is decreed) = Wed 12 Feb; 2028 in calendar days never
    # consults the holiday data: Wed 1 Mar 2028 + 3 = Sat 4 Mar 2028.
    assert [r["deadline"] for r in rows] == ["2025-02-07", None, "2025-02-12", "2028-03-04"]
    assert summary(result) == "penetapan batch: rows=4 ok=3 pending=0 errors=1 blank=0"
    # Without --strict the same row is computed, with the warnings on stderr.
    lenient = run(["-", *AS_OF, "--output-format", "jsonl"], data)
    assert lenient.exit_code == 0
    assert json.loads(lenient.stdout.splitlines()[1])["deadline"] == "2028-03-06"
    assert "warning (1 row from row 2)" in lenient.stderr


def test_strict_error_cell_in_csv_is_neutralised_like_any_text_cell() -> None:
    # The message starts with '-' ("--strict: ..."), which a spreadsheet would run as a
    # formula: in CSV it gets the leading quote every such cell gets.
    result = run(
        ["-", *AS_OF, "--strict"], "outcome,notified_on,basis\nrejected,2028-03-01,working\n"
    )
    assert result.exit_code == 1
    assert table(result)[1][-1].startswith("'--strict: the working-day count from 2028-03-01 to")


# --- --ics -----------------------------------------------------------------------------------


def _events(path: Path) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def _reminder(event: icalendar.Event) -> dt.date:
    (alarm,) = event.walk("VALARM")
    start = dt.datetime.combine(event.decoded("dtstart"), dt.time())
    return (start + alarm.decoded("trigger")).date()


ICS_ROWS = (
    "region,case_number,outcome,notified_on,no_cuti_bersama\n"
    "Kota Medan,220/PHPU.WAKO-XXIII/2025,dismissed,2025-02-04,\n"
    "Kota Medan,221/PHPU.WAKO-XXIII/2025,dismissed,2025-02-05,\n"
    "Kabupaten Pasaman,25/PHPU.BUP-XXIII/2025,psu,2025-02-24,\n"
    ",,no-petition,2025-01-06,\n"
    "Kota X,,nonsense,2025-02-04,\n"
    "Kota Binjai,,dismissed,2025-01-27,ya\n"
    "Kota Medan,220/PHPU.WAKO-XXIII/2025,dismissed,2025-02-04,\n"
)


def test_ics_has_one_event_per_ok_row_in_order(tmp_path: Path) -> None:
    source = write(tmp_path, "cases.csv", ICS_ROWS)
    path = tmp_path / "deadlines.ics"
    result = run([str(source), "--ics", str(path), *AS_OF, "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 1  # the nonsense row
    assert result.stderr.splitlines()[0] == f"note: wrote 5 events to {str(path)!r}"
    events = _events(path)
    # Rows 1, 2, 4, 6 and 7 are ok; the re-vote (pending) and the bad row have no event.
    # PKPU 18/2024 Pasal 57(1)(b): Tue 4 Feb 2025 + 3 = Fri 7 Feb; Wed 5 Feb + 3 = Sat 8 Feb;
    # Mon 27 Jan + 3 = Thu 30 Jan 2025. 57(1)(a): Mon 6 Jan 2025 + 3 = Thu 9 Jan 2025.
    assert [e.decoded("dtstart") for e in events] == [
        dt.date(2025, 2, 7),
        dt.date(2025, 2, 8),
        dt.date(2025, 1, 9),
        dt.date(2025, 1, 30),
        dt.date(2025, 2, 7),
    ]
    title = "Last day to declare the elected pair"
    assert [str(e["summary"]) for e in events] == [
        f"{title} \u2014 Kota Medan (not accepted (dismissal))",
        f"{title} \u2014 Kota Medan (not accepted (dismissal))",
        f"{title} (no petition registered)",
        f"{title} \u2014 Kota Binjai (not accepted (dismissal))",
        f"{title} \u2014 Kota Medan (not accepted (dismissal))",
    ]
    assert str(events[0]["description"]).startswith("Case number: 220/PHPU.WAKO-XXIII/2025\n")
    assert str(events[1]["description"]).startswith("Case number: 221/PHPU.WAKO-XXIII/2025\n")
    assert "PKPU 18/2024 Pasal 57 ayat (1) huruf b" in str(events[0]["description"])
    # Two cases of one region are two events; a repeated row gets its own event too.
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == 5
    # Reminders on the working day before, each with the row's calendar: Thu 6 Feb for Fri
    # 7 Feb 2025; for Thu 30 Jan 2025 with no_cuti_bersama=ya, Tue 28 Jan (cuti bersama Imlek
    # counted as working; Wed 29 Jan is Imlek itself), not Fri 24 Jan.
    assert _reminder(events[0]) == dt.date(2025, 2, 6)
    assert _reminder(events[3]) == dt.date(2025, 1, 28)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.csv", "deadlines.ics", "out.csv"]


def test_ics_uids_are_stable_and_match_the_deadline_command(tmp_path: Path) -> None:
    source = write(tmp_path, "cases.csv", ICS_ROWS)
    first, second = tmp_path / "1.ics", tmp_path / "2.ics"
    run([str(source), "--ics", str(first), *AS_OF])
    run([str(source), "--ics", str(second), "--as-of", "2025-02-06"])
    assert [str(e["uid"]) for e in _events(first)] == [str(e["uid"]) for e in _events(second)]
    # A row without a case number is the event `deadline --region` writes: importing both
    # updates one event.
    single = tmp_path / "binjai.ics"
    runner.invoke(
        app,
        ["deadline", "dismissed", "2025-01-27", "--region", "Kota Binjai", "--ics", str(single)],
    )
    (binjai,) = _events(single)
    assert str(binjai["uid"]) == str(_events(first)[3]["uid"])


@pytest.mark.parametrize("lang", ["en", "id"])
def test_ics_events_are_those_the_deadline_command_writes(tmp_path: Path, lang: str) -> None:
    """The events of a batch are built from lines its results share, kept per rule and
    notices (RowEvents): each row's event, without a case number, is the one
    ``deadline OUTCOME DATE --region REGION --ics`` writes (title, description, date, reminder
    and UID), for every outcome with a day count, so for every rule and set of notices, on
    days whose counts skip holidays and cuti bersama, on both bases."""
    from penetapan_cli.core.outcomes import Outcome
    from penetapan_cli.sources.rulesets import load_rule_set

    rules = load_rule_set()
    outcomes = [o.value for o in Outcome if rules.rule_for(o).days is not None]
    rows = [
        (f"Kota {i}", outcome, day, basis)
        for i, (outcome, day, basis) in enumerate(
            (outcome, day, basis)
            for outcome in outcomes
            for day, basis in (("2025-02-04", ""), ("2025-03-27", "working"))
        )
    ]
    data = "region,outcome,notified_on,basis\n" + "".join(",".join(r) + "\n" for r in rows)
    source = write(tmp_path, "cases.csv", data)
    path = tmp_path / "batch.ics"
    result = run([str(source), "--ics", str(path), "--lang", lang, *AS_OF])
    assert result.exit_code == 0, result.stderr
    events = _events(path)
    assert len(events) == len(rows)  # every row ok: each outcome counts a number of days
    # The lines after the count differ by rule and notices: several kinds in one file.
    shared = {str(e["description"]).split("\n", 1)[1] for e in events}
    assert len(shared) >= 3, shared
    for (region, outcome, day, basis), event in zip(rows, events, strict=True):
        single = tmp_path / "single.ics"
        options = ["--basis", basis] if basis else []
        args = ["deadline", outcome, day, "--region", region, "--ics", str(single), "--lang"]
        done = runner.invoke(app, [*args, lang, *options, *AS_OF])
        assert done.exit_code == 0, done.stderr
        (expected,) = _events(single)
        for name in ("summary", "description", "uid"):
            assert str(event[name]) == str(expected[name]), (outcome, day, name)
        assert event.decoded("dtstart") == expected.decoded("dtstart")
        assert _reminder(event) == _reminder(expected)


def test_ics_from_json_lines_finds_region_in_any_line(tmp_path: Path) -> None:
    data = (
        '{"outcome": "dismissed", "notified_on": "2025-02-04"}\n'
        '{"Daerah": "Kota Medan", "Nomor Perkara": "220", "outcome": "withdrawn", '
        '"notified_on": "2025-02-05"}\n'
    )
    path = tmp_path / "x.ics"
    result = run(["-", "--input-format", "jsonl", "--ics", str(path), *AS_OF], data)
    assert result.exit_code == 0
    events = _events(path)
    # 57(1)(b): Tue 4 Feb 2025 + 3 = Fri 7 Feb; Wed 5 Feb + 3 = Sat 8 Feb 2025.
    assert [e.decoded("dtstart") for e in events] == [dt.date(2025, 2, 7), dt.date(2025, 2, 8)]
    assert str(events[1]["summary"]).endswith("\u2014 Kota Medan (withdrawn)")
    assert str(events[1]["description"]).startswith("Case number: 220\n")


def test_ics_in_indonesian(tmp_path: Path) -> None:
    path = tmp_path / "x.ics"
    data = "daerah,putusan,tanggal\nKota Medan,tidak-dapat-diterima,2025-02-04\n"
    run(["-", "--ics", str(path), "--lang", "id", *AS_OF], data)
    (event,) = _events(path)
    assert str(event["summary"]).startswith("Batas akhir penetapan pasangan calon terpilih")


def test_ics_without_any_ok_row_is_not_written(tmp_path: Path) -> None:
    path = write(tmp_path, "old.ics", "previous calendar\n")
    data = "outcome,notified_on\npsu,2025-02-24\nnonsense,2025-02-04\n"
    result = run(["-", "--ics", str(path), *AS_OF], data)
    assert result.exit_code == 1
    assert (
        result.stderr.splitlines()[0] == f"note: no row has a deadline: {str(path)!r} not written"
    )
    assert path.read_text(encoding="utf-8") == "previous calendar\n"
    assert [p.name for p in tmp_path.iterdir()] == ["old.ics"]


def test_ics_follows_the_rule_set(tmp_path: Path) -> None:
    path = tmp_path / "x.ics"
    data = "region,outcome,notified_on\nKota Medan,dismissed,2025-02-04\n"
    run(["-", "--ics", str(path), "--rules", "pkpu-2-2024-annex", *AS_OF], data)
    (event,) = _events(path)
    # The reported annex reading: 5 calendar days after Tue 4 Feb 2025 -> Sun 9 Feb 2025.
    assert event.decoded("dtstart") == dt.date(2025, 2, 9)
    assert "pkpu-2-2024-annex" in str(event["description"])


@pytest.mark.parametrize("which", ["input", "output"])
def test_ics_refuses_the_input_and_output_paths(tmp_path: Path, which: str) -> None:
    text = "outcome,notified_on\ndismissed,2025-02-04\n"
    source = write(tmp_path, "cases.csv", text)
    target = write(tmp_path, "out.csv", "previous run\n")
    ics = source if which == "input" else target
    result = run([str(source), "-o", str(target), "--ics", str(ics)])
    assert (result.exit_code, result.stdout) == (2, "")
    expected = (
        f"penetapan: refusing to write the calendar over the input file {str(source)!r}: choose "
        "another --ics path\n"
        if which == "input"
        else f"penetapan: --ics {str(target)!r} and -o {str(target)!r} are the same file: "
        "choose two paths\n"
    )
    assert result.stderr == expected
    assert source.read_text(encoding="utf-8") == text
    assert target.read_text(encoding="utf-8") == "previous run\n"


# --- found by fuzzing (tests/adversarial/test_fuzz_batch.py) ---------------------------------


def test_a_lone_carriage_return_in_a_cell_is_quoted_in_csv_output() -> None:
    # Python 3.11's csv writer with "\n" line ends leaves a bare "\r" unquoted; every reader
    # would then split the row in two.
    data = 'outcome,notified_on,"no\rte"\ndismissed,2025-02-04,"a\rb"\n'
    result = run(["-", *AS_OF], data)
    assert result.exit_code == 0
    assert result.stdout_bytes.count(b"\n") == 2  # LF line ends, one per row
    assert table(result) == [
        ["outcome", "notified_on", "no\rte", *RESULT],
        ["dismissed", "2025-02-04", "a\rb", *MEDAN],
    ]
    jsonl = '{"outcome": "dismissed", "notified_on": "2025-02-04", "note": "a\\rb"}\n'
    as_csv = run(["-", "--input-format", "jsonl", "--output-format", "csv", *AS_OF], jsonl)
    assert table(as_csv)[1] == ["dismissed", "2025-02-04", "a\rb", *MEDAN]


@pytest.mark.parametrize("end", ['"\n', '"\r', '"\r\n', '"x\n'])
def test_quote_left_open_at_the_end_is_an_error_row(end: str) -> None:
    data = f"outcome,notified_on\ndismissed,2025-02-04\ndismissed,{end}"
    result = run(["-", *AS_OF], data)
    assert result.exit_code == 1
    rows = table(result)
    assert len(rows) == 3  # the output reads back as the header and two rows
    assert rows[1] == ["dismissed", "2025-02-04", *MEDAN]
    assert rows[2][-1] == "row 2 (line 3): a quote opened on line 3 is never closed"


# --- writing never destroys data: -o and --ics -----------------------------------------------
# (With test_failed_run_leaves_existing_output_untouched, test_interrupted_run_leaves_no_partial
# _output and the atomic_output tests above, and the SIGTERM test in test_batch_examples.py.)


class _FailingFile:
    """A file object that raises ``error`` once more than ``limit`` characters (or bytes) were
    written to it, or on ``flush`` when ``limit`` is None; everything else goes to ``fh``."""

    def __init__(self, fh: Any, limit: int | None, error: OSError) -> None:
        self._fh, self._limit, self._error, self._written = fh, limit, error, 0

    def write(self, data: Any) -> int:
        self._written += len(data)
        if self._limit is not None and self._written > self._limit:
            raise self._error
        return int(self._fh.write(data))

    def flush(self) -> None:
        if self._limit is None:
            raise self._error
        self._fh.flush()

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)


def _disk_full() -> OSError:
    import errno

    return OSError(errno.ENOSPC, "No space left on device")


def _fail_temporary(monkeypatch: pytest.MonkeyPatch, name: str, limit: int | None) -> None:
    """The temporary file that becomes ``name`` (opened by files.atomic_write through
    ``files._open``) fails with a full disk; every other file opens as usual."""
    import builtins

    def failing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        fh = builtins.open(file, *args, **kwargs)  # noqa: SIM115 (closed by the caller)
        if Path(str(file)).name.startswith(f".{name}."):
            return _FailingFile(fh, limit, _disk_full())
        return fh

    monkeypatch.setattr(files, "_open", failing_open)


def _fail_output(monkeypatch: pytest.MonkeyPatch, limit: int | None) -> None:
    """The -o file fails with a full disk."""
    _fail_temporary(monkeypatch, "deadlines.csv", limit)


def _fail_calendar(monkeypatch: pytest.MonkeyPatch, limit: int | None) -> None:
    """The --ics file fails with a full disk."""
    _fail_temporary(monkeypatch, "deadlines.ics", limit)


SAFETY_ROWS = 300
SAFETY_INPUT = "region,outcome,notified_on\n" + "".join(
    f"Kab {i},dismissed,2025-02-04\n" for i in range(SAFETY_ROWS)
)


def _safety_files(tmp_path: Path) -> tuple[Path, Path, Path]:
    source = write(tmp_path, "cases.csv", SAFETY_INPUT)
    target = write(tmp_path, "deadlines.csv", "previous run\n")
    calendar = write(tmp_path, "deadlines.ics", "previous calendar\n")
    return source, target, calendar


def _untouched(tmp_path: Path, target: Path, calendar: Path) -> None:
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert calendar.read_text(encoding="utf-8") == "previous calendar\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cases.csv",
        "deadlines.csv",
        "deadlines.ics",
    ]


def _complete(target: Path, calendar: Path) -> None:
    """Both files hold the whole new run: every row, every event."""
    rows = table(target.read_text(encoding="utf-8"))
    assert len(rows) == SAFETY_ROWS + 1
    # 57(1)(b): Tue 4 Feb 2025 + 3 calendar days = Fri 7 Feb 2025, for every row.
    assert {r[4] for r in rows[1:]} == {"2025-02-07"}
    assert len(_events(calendar)) == SAFETY_ROWS


@pytest.mark.parametrize(
    "limit",
    [0, 100, 15_000, None],
    ids=["header", "first-rows", "mid-rows", "final-flush"],
)
def test_full_disk_on_the_output_keeps_both_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int | None
) -> None:
    source, target, calendar = _safety_files(tmp_path)
    _fail_output(monkeypatch, limit)
    result = run([str(source), "-o", str(target), "--ics", str(calendar), *AS_OF])
    assert result.exit_code == 2
    assert result.stderr == f"penetapan: cannot write {str(target)!r}: No space left on device\n"
    _untouched(tmp_path, target, calendar)
    monkeypatch.undo()  # the disk has room again: the next run replaces both, complete
    assert run([str(source), "-o", str(target), "--ics", str(calendar), *AS_OF]).exit_code == 0
    _complete(target, calendar)


@pytest.mark.parametrize(
    "limit", [0, 500, 250_000, None], ids=["header", "first-event", "mid-events", "end"]
)
def test_full_disk_on_the_calendar_keeps_both_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int | None
) -> None:
    """Events are written as the rows go by, so a full disk there stops the run before the
    output is renamed; at the very end (the calendar's last write) the output was not renamed
    either, since the calendar is completed after it only once the output is complete."""
    source, target, calendar = _safety_files(tmp_path)
    _fail_calendar(monkeypatch, limit)
    result = run([str(source), "-o", str(target), "--ics", str(calendar), *AS_OF])
    assert result.exit_code == 2
    message = f"penetapan: calendar file {str(calendar)!r} cannot be written: No space left"
    assert result.stderr == message + " on device\n"
    if limit is None:  # flush at the very end: the output was already complete and renamed
        assert len(table(target.read_text(encoding="utf-8"))) == SAFETY_ROWS + 1
        assert calendar.read_text(encoding="utf-8") == "previous calendar\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "cases.csv",
            "deadlines.csv",
            "deadlines.ics",
        ]
    else:
        _untouched(tmp_path, target, calendar)


OUTPUT_NAMES = ("deadlines.csv", "deadlines.ics")


@pytest.mark.parametrize("which", ["deadlines.csv", "deadlines.ics"])
def test_a_failed_rename_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    import errno

    source, target, calendar = _safety_files(tmp_path)
    real = files._replace
    renamed: list[str] = []

    def replace(src: Any, dst: Any) -> None:
        if Path(dst).name == which:
            raise OSError(errno.EACCES, "Permission denied")
        if Path(dst).name in OUTPUT_NAMES:  # not the holiday tables a cold cache writes
            renamed.append(Path(dst).name)
        real(src, dst)

    monkeypatch.setattr(files, "_replace", replace)
    result = run([str(source), "-o", str(target), "--ics", str(calendar), *AS_OF])
    assert result.exit_code == 2
    if which == "deadlines.csv":
        assert result.stderr == f"penetapan: cannot write {str(target)!r}: Permission denied\n"
        _untouched(tmp_path, target, calendar)  # the calendar waits for the output
        assert renamed == []
    else:
        assert result.stderr == (
            f"penetapan: calendar file {str(calendar)!r} cannot be written: Permission denied\n"
        )
        assert renamed == ["deadlines.csv"]  # the output is complete; the old calendar stays
        assert len(table(target.read_text(encoding="utf-8"))) == SAFETY_ROWS + 1
        assert calendar.read_text(encoding="utf-8") == "previous calendar\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "cases.csv",
            "deadlines.csv",
            "deadlines.ics",
        ]


@pytest.mark.parametrize("at_row", [1, SAFETY_ROWS // 2, SAFETY_ROWS])
def test_interrupted_in_the_middle_keeps_both_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, at_row: int
) -> None:
    source, target, calendar = _safety_files(tmp_path)
    lines = SAFETY_INPUT.splitlines(keepends=True)
    lines[at_row] = "Kab X,stop,2025-02-04\n"  # row at_row: its own outcome, computed once
    source.write_text("".join(lines), encoding="utf-8")
    real = computing.Calculator.compute

    def compute(self: computing.Calculator, fields: dict[str, str]) -> computing.Computed:
        if fields["outcome"] == "stop":
            raise KeyboardInterrupt  # as Ctrl-C would, with at_row - 1 rows written
        return real(self, fields)

    monkeypatch.setattr(computing.Calculator, "compute", compute)
    result = run([str(source), "-o", str(target), "--ics", str(calendar), *AS_OF])
    assert (result.exit_code, result.stderr) == (130, "penetapan: interrupted\n")
    _untouched(tmp_path, target, calendar)


def test_old_files_stay_in_place_until_the_run_is_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While rows are being written, -o and --ics still hold the previous run; then both are
    replaced by complete files, the output first."""
    source, target, calendar = _safety_files(tmp_path)
    seen: list[tuple[str, str]] = []
    real = computing.Calculator.compute

    def compute(self: computing.Calculator, fields: dict[str, str]) -> computing.Computed:
        seen.append((target.read_text(encoding="utf-8"), calendar.read_text(encoding="utf-8")))
        return real(self, fields)

    monkeypatch.setattr(computing.Calculator, "compute", compute)
    renamed: list[str] = []
    real_replace = files._replace

    def replace(src: Any, dst: Any) -> None:
        if Path(dst).name in OUTPUT_NAMES:  # not the holiday tables a cold cache writes
            renamed.append(Path(dst).name)
        real_replace(src, dst)

    monkeypatch.setattr(files, "_replace", replace)
    result = run([str(source), "-o", str(target), "--ics", str(calendar), *AS_OF])
    assert result.exit_code == 0
    assert seen == [("previous run\n", "previous calendar\n")]  # one distinct key, cached
    assert renamed == ["deadlines.csv", "deadlines.ics"]
    _complete(target, calendar)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "cases.csv",
        "deadlines.csv",
        "deadlines.ics",
    ]


@pytest.mark.parametrize("events", [True, False])
def test_results_keep_their_count_only_for_calendar_events(
    new_calculator: Callable[..., computing.Calculator], events: bool
) -> None:
    """Without --ics a result does not keep the count it comes from (memory with full caches,
    docs/performance.md); with it, the count and its calendar are there for the events. The
    columns are the same either way."""
    data = b"outcome,notified_on,basis\ndismissed,2025-02-04,\nno-petition,2025-01-06,working\n"
    source = running.open_source(io.BytesIO(data), "csv", "csv", "test")
    counts = dict.fromkeys(columns.STATUSES, 0)
    pairs = list(computing.compute_rows(source, new_calculator(events=events), counts))
    assert [c.cells[:3] for _, c in pairs] == [
        # PKPU 18/2024 Pasal 57 ayat (1) huruf b: 3 days after the notification of 4 Feb 2025
        ("2025-02-04", "2025-02-07", "ok"),
        # PKPU 18/2024 Pasal 57 ayat (1) huruf a, counted in working days (basis working):
        # the three working days after Monday 6 Jan 2025 are 7, 8 and 9 January
        ("2025-01-06", "2025-01-09", "ok"),
    ]
    for _, computed in pairs:
        assert (computed.result is not None) is events
        assert (computed.calendar is not None) is events
