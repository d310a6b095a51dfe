"""Bad input for `batch`: files, rows and options. Each case is a row, counted in docs.

Every case checks the documented exit code and that no traceback reaches the user. A failure of
the whole input (exit 2) is one line on stderr that names the input, and nothing is written. A
bad row (exit 1) is an `error` row whose `error` cell says what was wrong, while every good row
around it is still computed with its date, and the output rows come in input order.

The good rows used around bad ones, and their dates:
- r1: dismissed notified Tue 4 Feb 2025 -> PKPU 18/2024 Pasal 57(1)(b): 3 calendar days ->
  Fri 7 Feb 2025;
- r3: no-petition notified Mon 6 Jan 2025 -> Pasal 57(1)(a): 3 calendar days -> Thu 9 Jan 2025.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from penetapan_cli import files
from penetapan_cli.cli import app

runner = CliRunner(env={"PENETAPAN_LANG": "en"})
AS_OF = ["--as-of", "2025-02-05"]
R1_DEADLINE = "2025-02-07"  # 57(1)(b): Tue 4 Feb 2025 + 3 calendar days
R3_DEADLINE = "2025-01-09"  # 57(1)(a): Mon 6 Jan 2025 + 3 calendar days
CSV_HEADER = "id,outcome,notified_on,note\n"
CSV_R1 = "r1,dismissed,2025-02-04,a\n"
CSV_R3 = "r3,no-petition,2025-01-06,c\n"
JSONL_R1 = '{"id": "r1", "outcome": "dismissed", "notified_on": "2025-02-04"}\n'
JSONL_R3 = '{"id": "r3", "outcome": "no-petition", "notified_on": "2025-01-06"}\n'
HUGE = "x" * 2_000_000  # a 2 MB cell
BLANK = "(blank)"
CUT = "holds 2,000,000 characters, more than 131,072; cut to its first 1,000 here"


def batch(args: Sequence[str], stdin: bytes | str | None = None) -> Result:
    return runner.invoke(app, ["batch", *args], input=stdin)


def no_traceback(result: Result) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


def whole_input_failure(result: Result, fragment: str, names: str, code: int = 2) -> None:
    """Exit ``code``, nothing on stdout, one line on stderr naming ``names`` and ``fragment``."""
    no_traceback(result)
    assert result.exit_code == code, (result.stdout[:300], result.stderr)
    assert result.stdout == ""
    assert result.stderr.startswith("penetapan"), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert names in result.stderr, (names, result.stderr)
    assert fragment in result.stderr, (fragment, result.stderr)


def output_rows(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def good_rows_kept(result: Result, errors: list[str | None]) -> list[dict[str, Any]]:
    """Exit 1; r1 first and r3 last, both computed; in between, error rows with ``errors``
    (None: any message that names its row; BLANK: a blank row, which is no error)."""
    no_traceback(result)
    assert result.exit_code == 1, result.stderr
    rows = output_rows(result)
    assert len(rows) == len(errors) + 2
    first, *middle, last = rows
    assert (first["id"], first["status"], first["deadline"]) == ("r1", "ok", R1_DEADLINE)
    assert (last["id"], last["status"], last["deadline"]) == ("r3", "ok", R3_DEADLINE)
    for number, (row, error) in enumerate(zip(middle, errors, strict=True), start=2):
        assert row["status"] == ("blank" if error == BLANK else "error")
        assert row["deadline"] is None
        if error is None:
            assert row["error"].startswith(f"row {number} (line")
        elif error == BLANK:
            assert row["error"] is None
        else:
            assert row["error"] == error
    ok, blank = 2, errors.count(BLANK)
    bad = len(errors) - blank
    summary = (
        f"penetapan batch: rows={ok + bad + blank} ok={ok} pending=0 errors={bad} blank={blank}"
    )
    assert result.stderr.splitlines()[-1] == summary
    return rows


# --- whole files that cannot be processed: exit 2, one line naming the input -----------------


def _utf16(text: str) -> bytes:
    return text.encode("utf-16")


WHOLE_FILE_CASES: list[tuple[str, str, bytes | None, list[str], str]] = [
    # (case, file name, content (None: the file does not exist), options, message fragment)
    ("missing", "missing.csv", None, [], "not found"),
    ("empty", "empty.csv", b"", [], "is empty: expected a header row"),
    ("bom-only", "bom.csv", b"\xef\xbb\xbf", [], "is empty"),
    ("blank-first-line", "blank.csv", b"\r\noutcome,notified_on\r\n", [], "line 1 is blank"),
    ("binary", "binary.csv", bytes(range(256)) * 4, [], "missing required columns"),
    ("utf16-bom", "utf16.csv", _utf16(CSV_HEADER + CSV_R1), [], "looks like UTF-16 text"),
    (
        "utf16-le-no-bom",
        "utf16le.csv",
        (CSV_HEADER + CSV_R1).encode("utf-16-le"),
        [],
        "looks like UTF-16 text (NUL bytes between the letters); save it as UTF-8",
    ),
    (
        "latin1-header",
        "latin1.csv",
        "outcome,notified_on,daerah pemilihan \xe9\n".encode("latin-1"),
        [],
        "the header is not UTF-8 text (bytes 0xE9 in column",
    ),
    (
        "huge-header-cell",
        "hugeheader.csv",
        f"outcome,notified_on,{HUGE}\n{CSV_R1}".encode(),
        [],
        "the header cannot be read as CSV: column 3 holds 2,000,000 characters, more than 131,072",
    ),
    (
        "huge-header-line",
        "hugeline.csv",
        f"{HUGE}\n{CSV_R1}".encode(),
        [],
        "the header cannot be read as CSV: column 1 holds 2,000,000 characters, more than 131,072",
    ),
    (
        "duplicated-header",
        "dup.csv",
        b"outcome,Outcome,notified_on\ndismissed,dismissed,2025-02-04\n",
        [],
        "columns 'outcome' and 'Outcome' both give outcome; keep one",
    ),
    (
        "duplicated-header-alias",
        "alias.csv",
        b"tanggal,outcome,Notified On\n2025-02-04,dismissed,2025-02-04\n",
        [],
        "columns 'tanggal' and 'Notified On' both give notified_on; keep one",
    ),
    (
        "duplicated-header-json-output",
        "dupx.csv",
        b"outcome,notified_on,x,x\ndismissed,2025-02-04,1,2\n",
        ["--output-format", "json"],
        "column 'x' appears twice; JSON output needs unique column names",
    ),
    (
        "header-names-an-output-column",
        "status.csv",
        b"outcome,notified_on,Deadline\n",
        [],
        "column 'Deadline' has the name of an output column",
    ),
    ("header-without-required", "cols.csv", b"region,date\nA,2025-02-04\n", [], "missing"),
    ("jsonl-empty", "empty.jsonl", b"", [], "is empty: expected JSON Lines"),
    ("jsonl-only-blank", "blank.jsonl", b"\n  \n\r\n", [], "holds only blank lines"),
    ("jsonl-array", "array.jsonl", b'[{"outcome": "dismissed"}]\n', [], "line 1 is an array"),
    ("jsonl-string", "string.jsonl", b'"outcome"\n', [], "line 1 is a string"),
    ("jsonl-number", "number.jsonl", b"42\n", [], "line 1 is a number"),
    ("jsonl-null", "null.jsonl", b"null\n", [], "line 1 is null"),
    ("jsonl-boolean", "true.jsonl", b"true\n", [], "line 1 is a boolean"),
    ("jsonl-broken", "broken.jsonl", b'{"outcome": \n', [], "line 1 is not JSON"),
    ("jsonl-binary", "binary.jsonl", bytes(range(256)) * 4, [], "line 1 is not JSON"),
    ("jsonl-utf16", "utf16.jsonl", _utf16(JSONL_R1), [], "line 1 is not UTF-8 text (byte 0xFF"),
    (
        "jsonl-latin1",
        "latin1.jsonl",
        '{"outcome": "dismissed", "notified_on": "2025-02-04", "d": "\xe9"}\n'.encode("latin-1"),
        [],
        "line 1 is not UTF-8 text (byte 0xE9 at column 61)",
    ),
    (
        "jsonl-without-required",
        "keys.jsonl",
        b'{"outcome": "dismissed"}\n',
        [],
        "missing required column 'notified_on'",
    ),
    ("csv-read-as-jsonl", "cases.csv", CSV_HEADER.encode(), ["--input-format", "jsonl"], "JSON"),
    (
        "jsonl-read-as-csv",
        "cases.jsonl",
        JSONL_R1.encode(),
        ["--input-format", "csv"],
        "missing required",
    ),
    ("json-array-file", "cases.json", b"[]", [], "a JSON array is not read"),
    ("broken-xlsx", "cases.xlsx", b"PK\x03\x04", [], "cannot be read as an xlsx workbook"),
    ("empty-xlsx", "cases.xlsx", b"", [], "is empty: expected an xlsx workbook"),
    ("text-as-xlsx", "cases.xlsx", CSV_HEADER.encode(), [], "it is not one"),
    ("zip-as-xls", "cases.xls", b"PK\x03\x04", [], "is not an xls workbook"),
    ("broken-xls", "cases.xls", b"\xd0\xcf\x11\xe0" * 64, [], "cannot be read as an xls"),
    ("broken-ods", "cases.ods", b"PK\x03\x04", [], "cannot be read as an ods workbook"),
]


@pytest.mark.parametrize(
    ("name", "content", "args", "fragment"),
    [case[1:] for case in WHOLE_FILE_CASES],
    ids=[case[0] for case in WHOLE_FILE_CASES],
)
def test_unusable_file(
    tmp_path: Path, name: str, content: bytes | None, args: list[str], fragment: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    target = tmp_path / "out.csv"
    target.write_text("previous run\n", encoding="utf-8")
    result = batch([str(path), *args, *AS_OF, "-o", str(target)])
    whole_input_failure(result, fragment, f"input {str(path)!r}")
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        {"out.csv"} | ({name} if content is not None else set())
    )


def test_input_is_a_directory(tmp_path: Path) -> None:
    whole_input_failure(batch([str(tmp_path)]), "is a directory", f"input {str(tmp_path)!r}")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root can read a file whatever its mode",
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.csv"
    path.write_text(CSV_HEADER + CSV_R1, encoding="utf-8")
    path.chmod(0o000)
    try:
        result = batch([str(path)])
    finally:
        path.chmod(0o600)
    whole_input_failure(result, "Permission denied", f"cannot read input {str(path)!r}")


def test_unreadable_file_whoever_runs_the_tests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same refusal, simulated, so that it is tested when the suite runs as root too."""
    path = tmp_path / "locked.csv"
    path.write_text(CSV_HEADER + CSV_R1, encoding="utf-8")

    real_open = open

    def refuse(file: Any, mode: str = "r", **kwargs: Any) -> Any:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", file)
        return real_open(file, mode, **kwargs)

    monkeypatch.setattr(files, "_open", refuse)
    whole_input_failure(batch([str(path)]), "Permission denied", f"cannot read input {str(path)!r}")


def test_read_error_in_the_middle_of_the_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fails while rows are read: exit 2 naming the input, no partial output."""
    import errno

    path = tmp_path / "cases.csv"
    path.write_text(CSV_HEADER + CSV_R1 * 5000, encoding="utf-8")
    target = tmp_path / "out.csv"
    target.write_text("previous run\n", encoding="utf-8")
    real_open = open

    class Failing(io.BufferedReader):
        reads = 0

        def read1(self, size: int = -1) -> bytes:
            Failing.reads += 1
            if Failing.reads > 3:
                raise OSError(errno.EIO, "Input/output error")
            return super().read1(size)

        def readinto1(self, buffer: Any) -> int:
            Failing.reads += 1
            if Failing.reads > 3:
                raise OSError(errno.EIO, "Input/output error")
            return super().readinto1(buffer)

    def failing_open(file: Any, mode: str = "r", **kwargs: Any) -> Any:
        if file != str(path):
            return real_open(file, mode, **kwargs)
        return Failing(real_open(file, "rb", buffering=0), buffer_size=4096)

    monkeypatch.setattr(files, "_open", failing_open)
    result = batch([str(path), "-o", str(target)])
    whole_input_failure(result, "Input/output error", f"cannot read input {str(path)!r}")
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.csv", "out.csv"]


STDIN_CASES = [
    ("empty", b"", [], "is empty"),
    ("binary", bytes(range(256)) * 4, [], "missing required columns"),
    ("utf16", _utf16(CSV_HEADER), [], "looks like UTF-16 text"),
    ("jsonl-array", b"[1, 2]\n", ["--input-format", "jsonl"], "line 1 is an array"),
    ("jsonl-empty", b"", ["--input-format", "jsonl"], "is empty: expected JSON Lines"),
]


@pytest.mark.parametrize(
    ("data", "args", "fragment"),
    [case[1:] for case in STDIN_CASES],
    ids=[case[0] for case in STDIN_CASES],
)
def test_unusable_standard_input(data: bytes, args: list[str], fragment: str) -> None:
    whole_input_failure(batch(["-", *args], data), fragment, "standard input")


# --- files that are odd but usable -----------------------------------------------------------


def test_header_only_gives_a_header_only_output(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(CSV_HEADER, encoding="utf-8")
    result = batch([str(path)])
    no_traceback(result)
    assert result.exit_code == 0
    assert (
        result.stdout
        == "id,outcome,notified_on,note,trigger_date,deadline,status,days_left,rule,citation,"
        "error\n"
    )
    assert result.stderr == (
        "warning: the input has a header but no data row\n"
        "penetapan batch: rows=0 ok=0 pending=0 errors=0 blank=0\n"
    )


def test_huge_cell_in_json_lines_is_read(tmp_path: Path) -> None:
    """JSON Lines has no field limit: a 2 MB value is passed through and the row computed."""
    path = tmp_path / "cases.jsonl"
    huge = json.dumps({"id": "r2", "outcome": "dismissed", "notified_on": "2025-02-04", "n": HUGE})
    path.write_text(JSONL_R1 + huge + "\n" + JSONL_R3, encoding="utf-8")
    result = batch([str(path), *AS_OF])
    no_traceback(result)
    assert result.exit_code == 0
    rows = output_rows(result)
    assert [(r["id"], r["deadline"]) for r in rows] == [
        ("r1", R1_DEADLINE),
        ("r2", R1_DEADLINE),  # the same outcome and date as r1
        ("r3", R3_DEADLINE),
    ]
    assert rows[1]["n"] == HUGE


# --- files with bad rows: exit 1, every good row computed, in order --------------------------


def _bad_csv_rows() -> list[tuple[str, bytes, list[str | None]]]:
    latin1 = "r2,dismissed,2025-02-04,caf\xe9\n".encode("latin-1")
    return [
        (
            "latin1-row",
            latin1,
            [
                "row 2 (line 3): column 'note' is not UTF-8 text (bytes 0xE9); save the file as "
                'UTF-8 ("CSV UTF-8")'
            ],
        ),
        (
            "huge-cell",
            f"r2,dismissed,2025-02-04,{HUGE}\n".encode(),
            [f"row 2 (line 3): column 'note' {CUT}"],
        ),
        (
            "huge-quoted-cell",
            f'r2,dismissed,2025-02-04,"{HUGE}"\n'.encode(),
            [f"row 2 (line 3): column 'note' {CUT}"],
        ),
        (
            "huge-line",
            f"{HUGE}\n".encode(),
            [f"row 2 (line 3): 1 fields, but the header has 4 (column 'id' {CUT})"],
        ),
        # bytes 0-255 four times: 0x0A and 0x0D break it into lines; each is an error row
        # (between 0x0A and 0x0D, the line of 0x0B and 0x0C is whitespace: a blank row)
        ("binary-rows", bytes(range(256)) * 4 + b"\n", [None, BLANK] * 4 + [None]),
        ("too-few-fields", b"r2,dismissed\n", ["row 2 (line 3): 2 fields, but the header has 4"]),
        (
            "too-many-fields",
            b"r2,dismissed,2025-02-04,a,b\n",
            ["row 2 (line 3): 5 fields, but the header has 4"],
        ),
        (
            "quote-closed-a-line-late",
            b'r2,dismissed,"2025-02-04\n",a\n',
            [
                "row 2 (lines 3-4): the notified_on cell holds a line break; check for a quote "
                "opened on line 3 and never closed"
            ],
        ),
        (
            "nul-in-date",
            b"r2,dismissed,2025-02\x00-04,a\n",
            [
                "invalid date '2025-02\\x00-04': contains a control or special space character "
                "(U+0000)"
            ],
        ),
    ]


BAD_CSV_ROWS = _bad_csv_rows()


@pytest.mark.parametrize(
    ("middle", "errors"),
    [case[1:] for case in BAD_CSV_ROWS],
    ids=[case[0] for case in BAD_CSV_ROWS],
)
def test_bad_rows_in_a_csv_file(tmp_path: Path, middle: bytes, errors: list[str | None]) -> None:
    path = tmp_path / "cases.csv"
    path.write_bytes(CSV_HEADER.encode() + CSV_R1.encode() + middle + CSV_R3.encode())
    result = batch([str(path), *AS_OF, "--output-format", "jsonl"])
    good_rows_kept(result, errors)


def test_quote_never_closed_takes_the_rest_of_the_file_into_one_error_row(tmp_path: Path) -> None:
    """A quote opened and never closed makes the rest of the file one field: the rows before it
    are computed, and it is one error row that says where the quote opened."""
    path = tmp_path / "cases.csv"
    tail = 'r4,dismissed,"2025-02-04,a\nr5,dismissed,2025-02-04,b\n'
    path.write_text(CSV_HEADER + CSV_R1 + CSV_R3 + tail, encoding="utf-8")
    result = batch([str(path), *AS_OF, "--output-format", "jsonl"])
    no_traceback(result)
    assert result.exit_code == 1
    rows = output_rows(result)
    assert [(r["id"], r["deadline"]) for r in rows] == [
        ("r1", R1_DEADLINE),
        ("r3", R3_DEADLINE),
        ("r4", None),
    ]
    assert rows[2]["error"] == (
        "row 3 (lines 4-5): 3 fields, but the header has 4; check for a quote opened on line 4 "
        "and never closed"
    )


BAD_JSONL_ROWS: list[tuple[str, bytes, str]] = [
    ("array", b'["r2", "dismissed"]\n', "row 2 (line 2): an array, not a JSON object"),
    ("string", b'"r2"\n', "row 2 (line 2): a string, not a JSON object"),
    ("number", b"2\n", "row 2 (line 2): a number, not a JSON object"),
    ("null", b"null\n", "row 2 (line 2): null, not a JSON object"),
    ("boolean", b"false\n", "row 2 (line 2): a boolean, not a JSON object"),
    ("broken", b'{"id": "r2", \n', "row 2 (line 2): not valid JSON (Expecting property name "
     "enclosed in double quotes at column 14)"),
    ("latin1", '{"id": "r2", "note": "caf\xe9"}\n'.encode("latin-1"),
     "row 2 (line 2): not UTF-8 text (byte 0xE9 at column 26)"),
    ("utf16", '{"id": "r2"}'.encode("utf-16-le") + b"\n",
     "row 2 (line 2): not valid JSON (Expecting property name enclosed in double quotes at "
     "column 2)"),
    ("same-key-twice", b'{"id": "r2", "outcome": "dismissed", "OUTCOME": "rejected"}\n',
     "row 2 (line 2): keys 'outcome' and 'OUTCOME' are the same column"),
    ("output-key", b'{"id": "r2", "error": "none"}\n',
     "row 2 (line 2): key 'error' has the name of an output column (its value is replaced in "
     "the output)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("middle", "error"),
    [case[1:] for case in BAD_JSONL_ROWS],
    ids=[case[0] for case in BAD_JSONL_ROWS],
)
def test_bad_lines_in_a_json_lines_file(tmp_path: Path, middle: bytes, error: str) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_bytes(JSONL_R1.encode() + middle + JSONL_R3.encode())
    good_rows_kept(batch([str(path), *AS_OF]), [error])


# --- bad values in a row: the message `penetapan deadline` gives for them --------------------


DATE_VALUES = [
    "2025-02-30",
    "31/04/2025",
    "2025-13-01",
    "0/1/2025",
    "29/02/2025",
    "04/02/25",
    "4 Feb 25",
    "2/4/25",
    "1738627200",
    "1738627200000",
    "20250204",
    "2025-02-04T10:00",
    "2025-02-04 10:00",
    "2025-02-04T00:00:00Z",
    "",
    "   ",
    "\t",
    "\u0662\u0660\u0662\u0665-\u0660\u0662-\u0660\u0664",  # Arabic-Indic digits
    "\u0968\u0966\u0968\u096b-\u0966\u0968-\u0966\u096a",  # Devanagari digits
    "\uff12\uff10\uff12\uff15-\uff10\uff12-\uff10\uff14",  # fullwidth digits
    "1999-12-31",
    "2101-01-01",
    "02/04",
    "2025/02/04",
    "Senin, 4 Februari 2025",  # 4 Feb 2025 is a Tuesday
    "4 Febuary 2025",
    "tomorrow",
    "9" * 200,
    "2025-02-04\u200b",
]
OUTCOME_VALUES = [
    "",
    "   ",
    "xyz",
    "dismised",
    "ditolakk",
    "psu2",
    "granted!",
    "\u202edismissed",
    "=dismissed",
    "dismissed rejected",
]


def deadline_message(outcome: str, notified: str) -> str:
    """What `penetapan deadline OUTCOME NOTIFIED` prints for these values (exit 2)."""
    single = runner.invoke(app, ["deadline", outcome, notified, *AS_OF])
    assert single.exit_code == 2, single.stdout
    assert single.stderr.count("\n") == 1
    return single.stderr.removeprefix("penetapan: ").rstrip("\n")


def values_input(fmt: str, r2: dict[str, Any]) -> bytes:
    """r1, then a row with ``r2``'s values, then r3, as CSV or JSON Lines."""
    columns = ["id", "outcome", "notified_on", "basis", "no_cuti_bersama"]
    rows: list[dict[str, Any]] = [
        {"id": "r1", "outcome": "dismissed", "notified_on": "2025-02-04"},
        {"id": "r2", "outcome": "dismissed", "notified_on": "2025-02-04", **r2},
        {"id": "r3", "outcome": "no-petition", "notified_on": "2025-01-06"},
    ]
    if fmt == "jsonl":
        return "".join(json.dumps(r) + "\n" for r in rows).encode("utf-8")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([[r.get(c, "") for c in columns] for r in rows])
    return out.getvalue().encode("utf-8")


def row_case(fmt: str, r2: dict[str, Any], error: str) -> None:
    result = batch(
        ["-", "--input-format", fmt, "--output-format", "jsonl", *AS_OF], values_input(fmt, r2)
    )
    rows = good_rows_kept(result, [error])
    assert rows[1]["id"] == "r2"


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("value", DATE_VALUES)
def test_bad_date_in_a_row(fmt: str, value: str) -> None:
    row_case(fmt, {"notified_on": value}, deadline_message("dismissed", value))


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("value", OUTCOME_VALUES)
def test_bad_outcome_in_a_row(fmt: str, value: str) -> None:
    row_case(fmt, {"outcome": value}, deadline_message(value, "2025-02-04"))


DECLARED_VALUES = [v for v in DATE_VALUES if v.strip()] + ["2025-02-06"]  # after --as-of


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("value", DECLARED_VALUES)
def test_bad_declaration_date_in_a_row(fmt: str, value: str) -> None:
    """A date ``deadline --declared`` refuses is that row's error, naming the column; the rows
    around it are judged (r1: Tue 4 Feb 2025 -> Fri 7 Feb, declared Wed 5 Feb: on time; r3:
    Mon 6 Jan 2025 -> Thu 9 Jan, declared Fri 10 Jan: 1 calendar day late)."""
    single = runner.invoke(
        app, ["deadline", "dismissed", "2025-02-04", *AS_OF, "--declared", value]
    )
    assert single.exit_code == 2
    assert single.stderr.count("\n") == 1
    error = "declared_on" + single.stderr.removeprefix("penetapan: --declared").rstrip("\n")
    rows = [
        {"id": "r1", "outcome": "dismissed", "notified_on": "2025-02-04"},
        {"id": "r2", "outcome": "dismissed", "notified_on": "2025-02-04"},
        {"id": "r3", "outcome": "no-petition", "notified_on": "2025-01-06"},
    ]
    for row, declared_on in zip(rows, ["2025-02-05", value, "10/01/2025"], strict=True):
        row["declared_on"] = declared_on
    if fmt == "jsonl":
        data = "".join(json.dumps(r) + "\n" for r in rows).encode("utf-8")
    else:
        out = io.StringIO()
        writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        data = out.getvalue().encode("utf-8")
    result = batch(["-", "--input-format", fmt, "--output-format", "jsonl", *AS_OF], data)
    no_traceback(result)
    assert result.exit_code == 1, result.stderr
    got = output_rows(result)
    assert [(r["id"], r["status"], r["compliance"], r["days_late"]) for r in got] == [
        ("r1", "ok", "on-time", 0),
        ("r2", "error", None, None),
        ("r3", "ok", "late", 1),
    ]
    assert got[1]["error"] == error
    assert result.stderr.splitlines()[-1] == (
        "penetapan batch: rows=3 ok=2 pending=0 errors=1 blank=0 on_time=1 late=1 premature=0 "
        "undetermined=0"
    )


BASIS = "expected calendar or working"
CUTI = "expected true/false, yes/no, ya/tidak or 1/0"
OVERRIDE_CASES: list[tuple[str, str, str]] = [
    ("basis", "hours", f"invalid basis 'hours': {BASIS}"),
    ("basis", "working days", f"invalid basis 'working days': {BASIS}"),
    ("basis", "kerja", f"invalid basis 'kerja': {BASIS}"),
    ("basis", "1", f"invalid basis '1': {BASIS}"),
    ("basis", "=working", f"invalid basis '=working': {BASIS}"),
    ("basis", "w" * 300, f"invalid basis '{'w' * 64}': {BASIS}"),
    ("no_cuti_bersama", "maybe", f"invalid no_cuti_bersama 'maybe': {CUTI}"),
    ("no_cuti_bersama", "2", f"invalid no_cuti_bersama '2': {CUTI}"),
    ("no_cuti_bersama", "yess", f"invalid no_cuti_bersama 'yess': {CUTI}"),
    ("no_cuti_bersama", "y", f"invalid no_cuti_bersama 'y': {CUTI}"),
    ("no_cuti_bersama", "on", f"invalid no_cuti_bersama 'on': {CUTI}"),
    ("no_cuti_bersama", "\u0661", f"invalid no_cuti_bersama '\u0661': {CUTI}"),
]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize(("column", "value", "error"), OVERRIDE_CASES)
def test_bad_override_in_a_row(fmt: str, column: str, value: str, error: str) -> None:
    row_case(fmt, {column: value}, error)


JSON_TYPED_CASES: list[tuple[str, dict[str, Any], Callable[[], str]]] = [
    ("date-number", {"notified_on": 20250204}, lambda: deadline_message("dismissed", "20250204")),
    ("date-null", {"notified_on": None}, lambda: deadline_message("dismissed", "")),
    ("date-boolean", {"notified_on": True}, lambda: deadline_message("dismissed", "true")),
    ("date-list", {"notified_on": ["2025-02-04"]},
     lambda: deadline_message("dismissed", '["2025-02-04"]')),
    ("date-object", {"notified_on": {"y": 2025}},
     lambda: deadline_message("dismissed", '{"y": 2025}')),
    ("outcome-number", {"outcome": 1}, lambda: deadline_message("1", "2025-02-04")),
    ("outcome-null", {"outcome": None}, lambda: deadline_message("", "2025-02-04")),
    ("basis-boolean", {"basis": True}, lambda: f"invalid basis 'true': {BASIS}"),
    ("cuti-number", {"no_cuti_bersama": 2}, lambda: f"invalid no_cuti_bersama '2': {CUTI}"),
    ("cuti-float", {"no_cuti_bersama": 1.0}, lambda: f"invalid no_cuti_bersama '1.0': {CUTI}"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("r2", "error"),
    [case[1:] for case in JSON_TYPED_CASES],
    ids=[case[0] for case in JSON_TYPED_CASES],
)
def test_json_value_of_the_wrong_type(r2: dict[str, Any], error: Callable[[], str]) -> None:
    row_case("jsonl", r2, error())


def test_bad_rows_everywhere_keep_order_and_every_good_row() -> None:
    """Many kinds of bad rows between good ones, in one file: nothing lost or moved."""
    bad = [("r2", "xyz", "2025-02-04"), ("", "", ""), ("r4", "dismissed", "04/02/25")]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "outcome", "notified_on"])
    expected: list[tuple[str, str]] = []
    for i in range(30):
        good = ("g", "dismissed", "2025-02-04") if i % 2 else ("g", "no-petition", "2025-01-06")
        writer.writerow((f"g{i}", *good[1:]))
        expected.append((f"g{i}", R1_DEADLINE if i % 2 else R3_DEADLINE))
        row = bad[i % 3]
        writer.writerow(row)
        expected.append((row[0], ""))
    result = batch(["-", *AS_OF], out.getvalue())
    no_traceback(result)
    assert result.exit_code == 1
    header, *rows = csv.reader(io.StringIO(result.stdout))
    deadline_at = header.index("deadline")
    assert [(r[0], r[deadline_at]) for r in rows] == expected


# --- options ---------------------------------------------------------------------------------


def _option_case(tmp_path: Path, args: list[str]) -> list[str]:
    """``args`` with {input}, {out}, {dir} and {missing} made real paths in ``tmp_path``."""
    (tmp_path / "cases.csv").write_text(CSV_HEADER + CSV_R1, encoding="utf-8")
    (tmp_path / "out.csv").write_text("previous run\n", encoding="utf-8")
    (tmp_path / "old.ics").write_text("previous calendar\n", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    (tmp_path / "broken.toml").write_text("id = [\n", encoding="utf-8")
    names = {
        "input": tmp_path / "cases.csv",
        "out": tmp_path / "out.csv",
        "ics": tmp_path / "old.ics",
        "dir": tmp_path / "dir",
        "missing": tmp_path / "nowhere" / "x",
        "toml": tmp_path / "broken.toml",
    }
    return [a.format(**{k: str(v) for k, v in names.items()}) for a in args]


OPTION_CASES: list[tuple[str, list[str], str]] = [
    ("o-is-the-input", ["{input}", "-o", "{input}"], "refusing to write the output over the input"),
    ("o-is-a-directory", ["{input}", "-o", "{dir}"], "it is a directory"),
    ("o-in-a-missing-directory", ["{input}", "-o", "{missing}"], "not found"),
    ("ics-is-a-directory", ["{input}", "--ics", "{dir}"], "calendar file"),
    ("ics-in-a-missing-directory", ["{input}", "--ics", "{missing}"], "folder does not exist"),
    ("ics-is-the-input", ["{input}", "--ics", "{input}"], "refusing to write the calendar over"),
    ("ics-is-the-output", ["{input}", "-o", "{out}", "--ics", "{out}"], "are the same file"),
    ("output-format-bad", ["{input}", "--output-format", "xml"], "'xml' is not one of"),
    ("output-format-empty", ["{input}", "--output-format", ""], "'' is not one of"),
    ("input-format-bad", ["{input}", "--input-format", "xlsb"], "'xlsb' is not one of"),
    ("csv-read-as-xlsx", ["{input}", "--input-format", "xlsx"], "it is not one"),
    ("sheet-of-a-csv", ["{input}", "--sheet", "1"], "names a sheet of a spreadsheet"),
    ("xlsx-to-stdout", ["{input}", "--output-format", "xlsx"], "give -o FILE.xlsx"),
    ("basis-bad", ["{input}", "--basis", "weekly"], "'weekly' is not one of"),
    ("as-of-impossible", ["{input}", "--as-of", "2025-02-30"], "invalid date '2025-02-30'"),
    ("as-of-timestamp", ["{input}", "--as-of", "1738627200"], "invalid date '1738627200'"),
    ("tz-unknown", ["{input}", "--tz", "Mars/Base"], "unknown time zone 'Mars/Base'"),
    ("lang-unknown", ["{input}", "--lang", "fr"], "invalid --lang 'fr'"),
    ("rules-unknown", ["{input}", "--rules", "pkpu-99-2099"], "unknown rule set 'pkpu-99-2099'"),
    ("rules-empty", ["{input}", "--rules", ""], "empty --rules"),
    ("rules-broken-file", ["{input}", "--rules", "{toml}"], "not valid TOML"),
    ("closures-missing", ["{input}", "--closures", "{missing}"], "not found"),
    ("closures-directory", ["{input}", "--closures", "{dir}"], "is a directory"),
    ("no-input", [], "Missing argument 'INPUT'"),
    ("two-inputs", ["{input}", "{input}"], "unexpected extra argument"),
    ("unknown-option", ["{input}", "--format", "csv"], "No such option: --format"),
]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [case[1:] for case in OPTION_CASES],
    ids=[case[0] for case in OPTION_CASES],
)
def test_bad_options(tmp_path: Path, args: list[str], fragment: str) -> None:
    result = batch(_option_case(tmp_path, args))
    no_traceback(result)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert fragment in result.stderr
    # Nothing was written: earlier files intact, no output or temporary file left behind.
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == "previous run\n"
    assert (tmp_path / "old.ics").read_text(encoding="utf-8") == "previous calendar\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "broken.toml",
        "cases.csv",
        "dir",
        "old.ics",
        "out.csv",
    ]
    assert list((tmp_path / "dir").iterdir()) == []
