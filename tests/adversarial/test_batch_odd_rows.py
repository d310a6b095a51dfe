"""Odd input a batch meets in practice, never guessed at silently (issue 11, points 3, 6, 7).

- An over-long CSV cell makes its row an error that keeps every other cell; the cell is cut to
  its first 1,000 characters and the error says so.
- Header names and keys match whatever their case, spaces, hyphens, underscores or camelCase,
  as docs/batch.md "Input columns" documents: every spelling it shows is tried here.
- Blank rows (a blank line, a row of empty cells, the trailing `;;` rows and final blank line
  of spreadsheet exports) are kept in place with status `blank`, counted, and fail nothing.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from penetapan_cli.batch.columns import COLUMN_ALIASES

runner = CliRunner(env={"PENETAPAN_LANG": "en"})
AS_OF = ["--as-of", "2025-02-05"]
R1_DEADLINE = "2025-02-07"  # PKPU 18/2024 Pasal 57(1)(b): Tue 4 Feb 2025 + 3 calendar days
R3_DEADLINE = "2025-01-09"  # PKPU 18/2024 Pasal 57(1)(a): Mon 6 Jan 2025 + 3 calendar days
BATCH_DOC = Path(__file__).resolve().parents[2] / "docs" / "batch.md"


def batch(path: Path, *args: str) -> Result:
    from penetapan_cli.cli import app

    return runner.invoke(app, ["batch", str(path), *AS_OF, *args])


def json_rows(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def summary(result: Result) -> str:
    return result.stderr.splitlines()[-1]


# --- an over-long cell -----------------------------------------------------------------------


@pytest.mark.parametrize("size", [131_073, 2_000_000, 16 << 20])
@pytest.mark.parametrize("quoted", [False, True])
def test_an_over_long_cell_keeps_the_rest_of_its_row(
    tmp_path: Path, size: int, quoted: bool
) -> None:
    long = "x" * size
    cell = f'"{long}"' if quoted else long
    path = tmp_path / "long.csv"
    path.write_text(
        "region,outcome,notified_on,note\n"
        "Kota Medan,dismissed,2025-02-04,a\n"
        f"Kabupaten Nias Selatan,dismissed,2025-02-04,{cell}\n"
        "Kota Binjai,no-petition,2025-01-06,c\n",
        encoding="utf-8",
    )
    result = batch(path, "--output-format", "jsonl")
    assert result.exit_code == 1, result.stderr
    first, long_row, last = json_rows(result)
    assert (first["deadline"], last["deadline"]) == (R1_DEADLINE, R3_DEADLINE)
    # Every other cell kept: the region is not lost.
    assert (long_row["region"], long_row["outcome"], long_row["notified_on"]) == (
        "Kabupaten Nias Selatan",
        "dismissed",
        "2025-02-04",
    )
    assert long_row["note"] == "x" * 1000
    assert long_row["status"] == "error"
    assert long_row["error"] == (
        f"row 2 (line 3): column 'note' holds {size:,} characters, more than 131,072; cut to "
        "its first 1,000 here"
    )
    assert "errors=1" in summary(result)


def test_an_over_long_cell_in_csv_output(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(
        f"region;outcome;notified_on\nKota Medan;dismissed;{'4' * 200_000}\n", encoding="utf-8"
    )
    result = batch(path)
    assert result.exit_code == 1
    _, row = list(csv.reader(io.StringIO(result.stdout), delimiter=";"))
    assert row[:3] == ["Kota Medan", "dismissed", "4" * 1000]
    assert row[5] == "error"  # after trigger_date (empty: unreadable) and deadline
    assert "column 'notified_on' holds 200,000 characters" in row[-1]


def test_a_quote_left_open_to_the_end_stays_an_error_row(tmp_path: Path) -> None:
    """The quote swallows the rest of the file (more than a cell may hold): one error row that
    says where the quote opened; the rows before it are computed."""
    rest = "".join(f"Kota {i},dismissed,2025-02-04,catatan\n" for i in range(5000))
    path = tmp_path / "open.csv"
    path.write_text(
        "region,outcome,notified_on,note\n"
        "Kota Medan,dismissed,2025-02-04,a\n"
        f'Kota Binjai,dismissed,2025-02-04,"never closed\n{rest}',
        encoding="utf-8",
    )
    result = batch(path, "--output-format", "jsonl")
    assert result.exit_code == 1
    first, broken = json_rows(result)
    assert first["deadline"] == R1_DEADLINE
    assert broken["status"] == "error"
    assert broken["region"] == "Kota Binjai"
    assert broken["error"].startswith("row 2 (lines 3-5003): column 'note' holds ")
    assert broken["error"].endswith("check for a quote opened on line 3 and never closed")


def test_an_over_long_header_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(f"outcome,notified_on,{'n' * 131_073}\n", encoding="utf-8")
    result = batch(path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "column 3 holds 131,073 characters, more than 131,072" in result.stderr


# --- header names as documented --------------------------------------------------------------


def _documented_spellings() -> list[tuple[str, str]]:
    """Every header spelling docs/batch.md "Input columns" shows, with the column it gives."""
    text = BATCH_DOC.read_text(encoding="utf-8")
    section = text.split("## Input columns", 1)[1].split("**CSV**", 1)[0]
    prose, _, table = section.partition("| Column |")
    found: list[tuple[str, str]] = []
    # Prose: `A` = `B` = `C` chains, each naming one column.
    listed = {a: name for name, aliases in COLUMN_ALIASES.items() for a in (name, *aliases)}
    for chain in re.findall(r"`[^`]+`(?:\s*=\s*`[^`]+`)+", prose):
        names = re.findall(r"`([^`]+)`", chain)
        canonical = next(listed[n] for n in names if n in listed)
        found += [(name, canonical) for name in names]
    # Table: the column and its accepted aliases.
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].startswith("`"):
            canonical = cells[0].strip("`")
            found.append((canonical, canonical))
            accepted = re.sub(r"\(not [^)]*\)", "", cells[1])  # a spelling said not to match
            found += [(alias, canonical) for alias in re.findall(r"`([^`]+)`", accepted)]
    return found


DOCUMENTED = _documented_spellings()


def test_the_docs_show_the_spellings_the_issue_names() -> None:
    names = {name for name, _ in DOCUMENTED}
    assert {"Out-come", "NotifiedOn", "Tanggal Pemberitahuan", "hasil", "daerah"} <= names


@pytest.mark.parametrize(("name", "column"), DOCUMENTED, ids=[n for n, _ in DOCUMENTED])
def test_every_documented_spelling_is_matched(tmp_path: Path, name: str, column: str) -> None:
    values = {
        "outcome": "dismissed",
        "notified_on": "2025-02-04",
        "region": "Kota Medan",
        "case_number": "220/PHPU.WAKO-XXIII/2025",
        "basis": "calendar",
        "no_cuti_bersama": "false",
        "declared_on": "2025-02-05",
        "decided_on": "2025-02-04",  # read out the day it was notified: the same deadline
    }
    names = {c: c for c in ("outcome", "notified_on")}
    names[column] = name
    path = tmp_path / "in.csv"
    path.write_text(
        ",".join(names.values()) + "\n" + ",".join(values[c] for c in names) + "\n",
        encoding="utf-8",
    )
    result = batch(path, "--output-format", "jsonl")
    assert result.exit_code == 0, result.stderr
    (row,) = json_rows(result)
    assert (row["deadline"], row[name]) == (R1_DEADLINE, values[column])
    # The same in a JSON Lines key.
    keyed = tmp_path / "in.jsonl"
    keyed.write_text(json.dumps({names[c]: values[c] for c in names}) + "\n", encoding="utf-8")
    result = batch(keyed)
    assert result.exit_code == 0, result.stderr
    assert json_rows(result)[0]["deadline"] == R1_DEADLINE


@pytest.mark.parametrize(
    "header",
    ["Out-come,NotifiedOn", "OUTCOME,notified-on", "out_come,Notified On", "outCome,notifiedOn"],
)
def test_separators_and_camel_case_do_not_matter(tmp_path: Path, header: str) -> None:
    path = tmp_path / "in.csv"
    path.write_text(f"{header}\ndismissed,2025-02-04\n", encoding="utf-8")
    result = batch(path)
    assert result.exit_code == 0, result.stderr
    assert f",{R1_DEADLINE},ok," in result.stdout


# --- blank rows ------------------------------------------------------------------------------


def _statuses(result: Result, delimiter: str = ",") -> list[tuple[str, str]]:
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter=delimiter))
    status = rows[0].index("status")
    return [(r[0], r[status]) for r in rows[1:]]


def test_a_spreadsheet_export_with_trailing_empty_rows_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(
        b"daerah;putusan;tanggal\r\n"
        b"Kota Medan;tidak-dapat-diterima;4 Februari 2025\r\n"
        b";;\r\n"
        b"Kota Binjai;tanpa-permohonan;06/01/2025\r\n"
        b";;\r\n"
        b";;\r\n"
        b"\r\n"
    )
    result = batch(path)
    assert result.exit_code == 0, result.stderr
    assert _statuses(result, ";") == [
        ("Kota Medan", "ok"),
        ("", "blank"),
        ("Kota Binjai", "ok"),
        ("", "blank"),
        ("", "blank"),
        ("", "blank"),
    ]
    assert summary(result) == "penetapan batch: rows=6 ok=2 pending=0 errors=0 blank=4"


@pytest.mark.parametrize("blank", ["\n", "   \t\n", ",,,\n", " , ,\t, \n", ",\n"])
def test_a_blank_row_in_the_middle_is_kept_in_place(tmp_path: Path, blank: str) -> None:
    path = tmp_path / "in.csv"
    path.write_text(
        "region,outcome,notified_on,note\n"
        "Kota Medan,dismissed,2025-02-04,a\n"
        f"{blank}"
        "Kota Binjai,no-petition,2025-01-06,c\n",
        encoding="utf-8",
    )
    result = batch(path, "--output-format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = json_rows(result)
    assert [((r["region"] or "").strip(), r["status"]) for r in rows] == [
        ("Kota Medan", "ok"),
        ("", "blank"),
        ("Kota Binjai", "ok"),
    ]
    assert (rows[1]["deadline"], rows[1]["error"]) == (None, None)
    assert summary(result) == "penetapan batch: rows=3 ok=2 pending=0 errors=0 blank=1"


def test_blank_rows_do_not_hide_errors(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("outcome,notified_on\n\ndismisal,2025-02-04\n,\n", encoding="utf-8")
    result = batch(path)
    assert result.exit_code == 1
    assert [s for _, s in _statuses(result)] == ["blank", "error", "blank"]
    assert summary(result) == "penetapan batch: rows=3 ok=0 pending=0 errors=1 blank=2"


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_blank_lines_anywhere_in_json_lines(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        "\n"
        "  \n"
        '{"region": "Kota Medan", "outcome": "dismissed", "notified_on": "2025-02-04"}\n'
        "\r\n"
        '{"region": "Kota Binjai", "outcome": "no-petition", "notified_on": "2025-01-06"}\n'
        "\n",
        encoding="utf-8",
    )
    result = batch(path, "--output-format", fmt)
    assert result.exit_code == 0, result.stderr
    if fmt == "csv":
        got = _statuses(result)
    else:
        rows = json.loads(result.stdout) if fmt == "json" else json_rows(result)
        got = [(r.get("region") or "", r["status"]) for r in rows]
    assert got == [
        ("", "blank"),
        ("", "blank"),
        ("Kota Medan", "ok"),
        ("", "blank"),
        ("Kota Binjai", "ok"),
        ("", "blank"),
    ]
    assert summary(result) == "penetapan batch: rows=6 ok=2 pending=0 errors=0 blank=4"


@pytest.mark.parametrize(
    ("name", "data"),
    [("in.csv", b"outcome,notified_on\n"), ("in.csv", b"\xef\xbb\xbfoutcome;notified_on\r\n")],
)
def test_a_header_without_rows_exits_0_with_a_warning(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = batch(path)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "warning: the input has a header but no data row",
        "penetapan batch: rows=0 ok=0 pending=0 errors=0 blank=0",
    ]


def test_a_header_over_blank_rows_only_warns_too(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"daerah;putusan;tanggal\r\n;;\r\n;;\r\n\r\n")
    result = batch(path)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "warning: the input has a header but no data row",
        "penetapan batch: rows=3 ok=0 pending=0 errors=0 blank=3",
    ]
    assert [s for _, s in _statuses(result, ";")] == ["blank"] * 3


def test_the_warning_in_indonesian(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"hasil,tanggal\n")
    result = batch(path, "--lang", "id")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "peringatan: masukan hanya berisi baris judul kolom, tanpa baris data"
    )


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("in.csv", b"", "is empty"),
        ("in.jsonl", b"", "is empty"),
        ("in.jsonl", b"\n \n\r\n", "holds only blank lines"),
    ],
)
def test_an_empty_file_stays_exit_2(tmp_path: Path, name: str, data: bytes, fragment: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = batch(path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert fragment in result.stderr
