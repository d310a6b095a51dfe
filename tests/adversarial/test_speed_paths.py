"""Hostile tests of the batch's fast paths: each must give the bytes the plain path gives.

- A CSV row read from one line without a quote is written back as that line (``InRow.line``):
  lone CR line endings, a last line without one, control characters that are not line breaks
  for the csv module (VT, FF, the separators \\x1c-\\x1f), trailing spaces and tabs, and lines
  long enough that a CR LF falls across the reader's buffer must all come out as the csv
  writer writes the cells, and one line per row.
- A row whose outcome is known but whose date text is new is computed without going through
  the calculator's full path: bad dates, a repeated bad date, a month-first date and a bad
  outcome must keep their rows, columns and the run's list of distinct errors.

The expected results come from the rules: PKPU 18/2024 Pasal 57 ayat (1) huruf b, 3 calendar
days after the notification, the last day standing (4 February 2025 -> 7 February 2025).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

runner = CliRunner(env={"PENETAPAN_LANG": "en"})
RULE = "pkpu-18-2024/57-1-b,PKPU 18/2024 Pasal 57 ayat (1) huruf b,"
OK_4_FEB = f"2025-02-04,2025-02-07,ok,2,{RULE}"  # + 3 calendar days; as of 5 February


def batch(path: Path, *extra: str) -> Result:
    from penetapan_cli.cli import app

    return runner.invoke(app, ["batch", str(path), "--as-of", "2025-02-05", *extra])


HEADER_OUT = (
    "region,case,outcome,notified_on,trigger_date,deadline,status,days_left,rule,citation,error"
)


@pytest.mark.parametrize("newline", ["\r", "\n", "\r\n"])
@pytest.mark.parametrize("last_newline", [True, False])
def test_one_line_rows_come_back_as_read_whatever_their_line_ending(
    tmp_path: Path, newline: str, last_newline: bool
) -> None:
    """Each row is its input line without its line ending, then the result columns, ended
    by LF. The cells need no quotes in CSV (none holds the delimiter, a quote or a line
    break: VT, FF and \\x1c-\\x1f are none for the csv module), so the csv writer writes
    them as they are: spaces and tabs at the end of a cell stay."""
    rows = [
        "Kota Medan ,1/PHPU\t,dismissed,2025-02-04",
        "\x0b,\x0c,dismissed,2025-02-04",
        "\x1c\x1d,\x1e\x1f,dismissed,2025-02-04",
        "  ,x  y,dismissed,2025-02-04",
    ]
    text = newline.join(["region,case,outcome,notified_on", *rows])
    if last_newline:
        text += newline
    path = tmp_path / "in.csv"
    path.write_bytes(text.encode("ascii"))
    result = batch(path)
    assert result.exit_code == 0, result.stderr
    expected = [HEADER_OUT] + [f"{row},{OK_4_FEB}" for row in rows]
    assert result.stdout == "\n".join(expected) + "\n"


def test_a_quote_inside_a_bare_cell_is_quoted_on_output(tmp_path: Path) -> None:
    """``a"b`` in a bare cell reads as the text a"b (the csv module keeps a quote that does not
    open a cell); the line holds a quote, so it is not written back as read: the writer
    quotes the cell and doubles its quote, as it did before the fast path."""
    path = tmp_path / "in.csv"
    path.write_bytes(b'region,case,outcome,notified_on\nKota,a"b,dismissed,2025-02-04\n')
    result = batch(path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1] == f'Kota,"a""b",dismissed,2025-02-04,{OK_4_FEB}'


def test_crlf_across_the_read_buffer_ends_no_row_early(tmp_path: Path) -> None:
    """Rows of 8,150 to 8,199 characters put a CR LF on each side of the text reader's 8 KiB
    buffer: every row is still one row, written back without its CR."""
    tail = ",dismissed,2025-02-04"
    rows = ["r" * (n - len(tail)) + tail for n in range(8150, 8200)]
    path = tmp_path / "in.csv"
    path.write_bytes(("region,outcome,notified_on\r\n" + "\r\n".join(rows) + "\r\n").encode())
    result = batch(path)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.split("\n")
    assert lines[-1] == ""
    assert lines[1:-1] == [f"{row},{OK_4_FEB}" for row in rows]
    assert "\r" not in result.stdout


def test_new_date_texts_of_a_known_outcome_keep_every_error_and_its_rows(tmp_path: Path) -> None:
    """Row 1 makes the outcome 'dismissed' known; later rows bring new date texts with it.
    A bad date is that row's error (31 February; 2/24/2025 read day first has no month 24),
    the same text again gives the same error, a bad outcome is its own error with the date
    it read as trigger_date, and a new good date is counted (5 February + 3 = 8 February).
    The run lists each distinct error once, with its first row and its number of rows."""
    path = tmp_path / "in.csv"
    path.write_text(
        "region,outcome,notified_on\n"
        "A,dismissed,2025-02-04\n"
        "B,dismissed,31/02/2025\n"
        "C,dismissed,31/02/2025\n"
        "D,dismissed,2/24/2025\n"
        "E,bogus,2025-02-04\n"
        "F,dismissed,5 Februari 2025\n"
        "G,ditolak,31/02/2025\n"
        "H,dismissed,31/02/2025\n"
    )
    result = batch(path, "--lang", "en")
    assert result.exit_code == 1  # some rows are in error
    feb31 = "invalid date '31/02/2025': February 2025 has 28 days"
    month24 = (
        "invalid date '2/24/2025': month 24 does not exist (months are 1-12); read month first "
        "(M/D/YYYY) it is 2025-02-24: for dates written that way, use --date-order mdy"
    )
    bogus = (
        "unknown outcome 'bogus': expected one of no-petition, dismissed, withdrawn, lapsed, "
        "not-competent, rejected, granted, revote, recount, recapitulation, correction"
    )
    assert result.stdout.splitlines() == [
        "region,outcome,notified_on,trigger_date,deadline,status,days_left,rule,citation,error",
        f"A,dismissed,2025-02-04,{OK_4_FEB}",
        f"B,dismissed,31/02/2025,,,error,,,,{feb31}",
        f"C,dismissed,31/02/2025,,,error,,,,{feb31}",
        f'D,dismissed,2/24/2025,,,error,,,,"{month24}"',
        f'E,bogus,2025-02-04,2025-02-04,,error,,,,"{bogus}"',
        f"F,dismissed,5 Februari 2025,2025-02-05,2025-02-08,ok,3,{RULE}",
        f"G,ditolak,31/02/2025,,,error,,,,{feb31}",
        f"H,dismissed,31/02/2025,,,error,,,,{feb31}",
    ]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error ")]
    assert errors == [
        f"error (4 rows from row 2): {feb31}",
        f"error (1 row from row 4): {month24}",
        f"error (1 row from row 5): {bogus}",
    ]
    # The month-first hint is the run's warning, from the row that raised it.
    assert result.stderr.startswith("warning (1 row from row 4): this file looks month-first")
    assert result.stderr.splitlines()[-1] == (
        "penetapan batch: rows=8 ok=2 pending=0 errors=6 blank=0"
    )
