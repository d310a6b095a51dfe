"""Properties of the spreadsheet path: one output row per input row, in order; text through an
.xlsx comes back as it went in; a damaged workbook is one line, never a traceback.

Expected statuses follow the row kinds of tests/test_batch_props.py: dates and outcomes that
PKPU 18/2024 Pasal 57 ayat (1) gives a deadline for (``ok``), orders that have none yet
(``pending``), and rows the rules or the reader refuse (``error``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import python_calamine
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from penetapan_cli.batch import columns
from penetapan_cli.batch import compute as computing
from penetapan_cli.batch import run as running
from penetapan_cli.batch.workbook import RunFacts
from penetapan_cli.cli import app
from penetapan_cli.sources.rulesets import load_rule_set

RULES = load_rule_set()
FEB_4 = dt.date(2025, 2, 4)
GOOD = st.tuples(
    st.sampled_from(["dismissed", "Tidak Dapat Diterima", "ditolak", "gugur"]),
    st.sampled_from([FEB_4, dt.datetime(2025, 2, 4), "04/02/2025", "4 Februari 2025"]),
)
PENDING = st.tuples(st.sampled_from(["psu", "recount"]), st.sampled_from([FEB_4, "24/02/2025"]))
BAD = st.one_of(
    st.tuples(st.sampled_from(["", "nonsense", "=1+1"]), st.just(FEB_4)),
    st.tuples(st.just("dismissed"), st.sampled_from(["", "2025-02-30", 45692, 45692.5, True])),
)
KINDS = st.one_of(
    GOOD.map(lambda r: ("ok", r)),
    PENDING.map(lambda r: ("pending", r)),
    BAD.map(lambda r: ("error", r)),
    st.just(("empty", None)),
)


def _workbook(kinds: list[tuple[str, Any]], blank_rows_above: int) -> tuple[bytes, list[Any]]:
    """An .xlsx sheet of the rows, and for each row the (id, status) the output must show."""
    data = io.BytesIO()
    book = xlsxwriter.Workbook(data, {"in_memory": True})
    sheet = book.add_worksheet("Rekap")
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    top = blank_rows_above
    sheet.write_row(top, 0, ["id", "putusan", "tanggal", "note"])
    expected: list[tuple[str, str]] = []
    for number, (kind, cells) in enumerate(kinds, start=1):
        row = top + number
        if cells is None:  # nothing written: an empty row inside the range, a blank row
            expected.append(("", "blank"))
            continue
        row_id = f"r{number}"
        sheet.write_string(row, 0, row_id)
        sheet.write_string(row, 1, cells[0])
        if isinstance(cells[1], dt.date):
            sheet.write_datetime(row, 2, cells[1], dates)
        elif isinstance(cells[1], str):
            sheet.write_string(row, 2, cells[1])
        else:
            sheet.write(row, 2, cells[1])
        sheet.write_string(row, 3, "=catatan")
        expected.append((row_id, kind))
    if kinds and kinds[-1][1] is None:  # the range ends at its last non-empty row
        while expected and expected[-1] == ("", "blank"):
            expected.pop()
    book.close()
    return data.getvalue(), expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kinds=st.lists(KINDS, max_size=30),
    blank_rows_above=st.integers(0, 2),
    output_format=st.sampled_from(["csv", "jsonl", "json", "xlsx"]),
)
def test_sheet_rows_match_output_rows(
    new_calculator: Callable[..., computing.Calculator],
    kinds: list[tuple[str, Any]],
    blank_rows_above: int,
    output_format: str,
) -> None:
    data, expected = _workbook(kinds, blank_rows_above)
    source = running.open_source(io.BytesIO(data), "xlsx", output_format, "test")
    binary = output_format == "xlsx"
    out: Any = io.BytesIO() if binary else io.StringIO(newline="")
    facts = RunFacts("en", dt.date(2025, 2, 5), dt.date(2025, 2, 5), "t", "Rekap", RULES, "x")
    summary = running.run(source, out, output_format, new_calculator(holidays=False), facts=facts)
    if output_format == "csv":
        rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
        assert rows[0] == ["id", "putusan", "tanggal", "note", *columns.RESULT_COLUMNS]
        status_at = rows[0].index("status")
        got = [(r[0], r[status_at]) for r in rows[1:]]
        # A text a spreadsheet would run as a formula, neutralised in CSV as for CSV input.
        assert all(r[3] == "'=catatan" for r in rows[1:] if r[0])
    elif output_format == "jsonl":
        got = [(r["id"], r["status"]) for r in map(json.loads, out.getvalue().splitlines())]
    elif output_format == "json":
        got = [(r["id"], r["status"]) for r in json.loads(out.getvalue())]
    else:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(out.getvalue()))
        rows = list(book.get_sheet_by_index(0).iter_rows())
        status_at = rows[0].index("status")
        got = [(r[0], r[status_at]) for r in rows[1:]]
    assert got == expected
    statuses = [status for _, status in expected]
    assert (summary.rows, summary.ok, summary.pending, summary.errors) == (
        len(expected),
        statuses.count("ok"),
        statuses.count("pending"),
        statuses.count("error"),
    )


# Any text a CSV cell can hold, but a lone CR: XML turns CR LF and CR into LF on reading, and
# the CSV reader already reads a bare CR inside quotes as part of the cell.
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\r"), max_size=40)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=st.lists(TEXT, min_size=1, max_size=20))
def test_text_round_trips_through_xlsx(
    new_calculator: Callable[..., computing.Calculator], notes: list[str]
) -> None:
    """CSV text in, .xlsx out, read back: every cell as it was, in order, never a formula."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(["outcome", "notified_on", "note"])
    for note in notes:
        writer.writerow(["dismissed", "2025-02-04", note])
    source = running.open_source(io.BytesIO(text.getvalue().encode()), "csv", "xlsx", "test")
    out = io.BytesIO()
    facts = RunFacts("id", dt.date(2025, 2, 5), dt.date(2025, 2, 5), "t", None, RULES, "x")
    running.run(source, out, "xlsx", new_calculator(holidays=False), facts=facts)
    book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(out.getvalue()))
    rows = list(book.get_sheet_by_index(0).iter_rows())
    # A row whose cells are all blank ("" or spaces) is an empty row, as in CSV; its cells
    # are kept too.
    assert [r[2] for r in rows[1:]] == notes
    assert len(rows) == len(notes) + 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cut=st.integers(0, 4000),
    flips=st.lists(st.tuples(st.integers(0, 4000), st.integers(1, 255)), max_size=6),
    suffix=st.sampled_from(["xlsx", "ods", "xls"]),
)
def test_a_damaged_workbook_is_one_line_or_rows(
    tmp_path_factory: Any, cut: int, flips: list[tuple[int, int]], suffix: str
) -> None:
    """A workbook cut short or with bytes changed: rows (exit 0/1) or one line (exit 2)."""
    data, _ = _workbook([("ok", ("dismissed", FEB_4))] * 3, 0)
    damaged = bytearray(data[: max(len(data) - cut, 0)])
    for at, xor in flips:
        if damaged:
            damaged[at % len(damaged)] ^= xor
    path = Path(tmp_path_factory.mktemp("damaged")) / f"rekap.{suffix}"
    path.write_bytes(bytes(damaged))
    result = CliRunner().invoke(app, ["batch", str(path), "--as-of", "2025-02-05"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    assert result.exit_code in (0, 1, 2)
    if result.exit_code == 2:
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert str(path) in result.stderr
