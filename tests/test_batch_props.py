"""Property: whatever mix of rows a batch gets, it gives one output row per input row, in order.

Rows are drawn from kinds that each end in a known status: good and pending rows, rows the
rules reject (bad outcome or date), rows that cannot even be read (bytes that are not UTF-8,
missing fields, broken JSON), and blank rows (blank lines, empty rows), kept in place with status
blank. Each readable row carries an id.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from penetapan_cli.batch import columns
from penetapan_cli.batch import compute as computing
from penetapan_cli.batch import run as running

GOOD = st.tuples(
    st.sampled_from(["dismissed", "Tidak Dapat Diterima", "no-petition", "ditolak", "gugur"]),
    st.sampled_from(["2025-02-04", "04/02/2025", "4 Februari 2025", "today", "24 Feb 2025"]),
)
PENDING = st.tuples(
    st.sampled_from(["psu", "recount", "rekapitulasi-ulang"]),
    st.sampled_from(["2025-02-24", "24/02/2025"]),
)
BAD = st.one_of(
    st.tuples(st.sampled_from(["", "nonsense", "dismisal", "=1+1"]), st.just("2025-02-04")),
    st.tuples(st.just("dismissed"), st.sampled_from(["", "2025-02-30", "1720569600", "4/2/25"])),
)
CSV_KINDS = st.one_of(
    GOOD.map(lambda r: ("ok", r)),
    PENDING.map(lambda r: ("pending", r)),
    BAD.map(lambda r: ("error", r)),
    st.sampled_from(["blank", "empty", "bytes", "short", "multiline"]).map(lambda k: (k, None)),
)


def _csv_input(
    kinds: list[tuple[str, tuple[str, str] | None]], delimiter: str, newline: str, bom: bool
) -> tuple[bytes, list[tuple[str, str]]]:
    """The input bytes, and for each row the (id, status) the output must show."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter=delimiter, lineterminator=newline)
    writer.writerow(["id", "outcome", "notified_on", "note"])
    chunks = [("\ufeff" if bom else "").encode() + text.getvalue().encode()]
    expected: list[tuple[str, str]] = []
    for number, (kind, cells) in enumerate(kinds, start=1):
        row_id = f"r{number}"
        text = io.StringIO()
        writer = csv.writer(text, delimiter=delimiter, lineterminator=newline)
        if cells is not None:
            writer.writerow([row_id, *cells, "catatan"])
            expected.append((row_id, kind))
        elif kind == "blank":
            text.write(newline)
            expected.append(("", "blank"))
        elif kind == "empty":
            writer.writerow(["", "", "", ""])
            expected.append(("", "blank"))
        elif kind == "short":
            writer.writerow([row_id, "dismissed"])
            expected.append((row_id, "error"))
        elif kind == "multiline":
            writer.writerow([row_id, "dismissed", "2025-02-04", f"baris satu{newline}baris dua"])
            expected.append((row_id, "ok"))
        if kind == "bytes":
            line = f"{row_id}{delimiter}dismissed{delimiter}2025-02-04{delimiter}Pidi"
            chunks.append(line.encode() + b"\xe9" + newline.encode())
            expected.append((row_id, "error"))
        else:
            chunks.append(text.getvalue().encode())
    return b"".join(chunks), expected


@settings(max_examples=150, deadline=None)
@given(
    kinds=st.lists(CSV_KINDS, max_size=40),
    delimiter=st.sampled_from([",", ";"]),
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
    output_format=st.sampled_from(["csv", "jsonl", "json"]),
)
def test_csv_output_rows_match_input_rows(
    new_calculator: Callable[..., computing.Calculator],
    kinds: list[tuple[str, tuple[str, str] | None]],
    delimiter: str,
    newline: str,
    bom: bool,
    output_format: str,
) -> None:
    data, expected = _csv_input(kinds, delimiter, newline, bom)
    out = io.StringIO(newline="")
    source = running.open_source(io.BytesIO(data), "csv", output_format, "test")
    summary = running.run(source, out, output_format, new_calculator(holidays=False))
    if output_format == "csv":
        rows = list(csv.reader(io.StringIO(out.getvalue(), newline=""), delimiter=delimiter))
        assert rows[0] == ["id", "outcome", "notified_on", "note", *columns.RESULT_COLUMNS]
        status_at = rows[0].index("status")
        got = [(r[0], r[status_at]) for r in rows[1:]]
    elif output_format == "jsonl":
        got = [(r["id"], r["status"]) for r in map(json.loads, out.getvalue().splitlines())]
    else:
        got = [(r["id"], r["status"]) for r in json.loads(out.getvalue())]
    assert got == expected
    statuses = [status for _, status in expected]
    assert (summary.rows, summary.ok, summary.pending, summary.errors, summary.blank) == (
        len(expected),
        statuses.count("ok"),
        statuses.count("pending"),
        statuses.count("error"),
        statuses.count("blank"),
    )


JSONL_KINDS = st.one_of(
    GOOD.map(lambda r: ("ok", r)),
    PENDING.map(lambda r: ("pending", r)),
    BAD.map(lambda r: ("error", r)),
    st.sampled_from(["blank", "broken", "array", "bytes", "extra"]).map(lambda k: (k, None)),
)


@settings(max_examples=100, deadline=None)
@given(
    kinds=st.lists(JSONL_KINDS, max_size=40),
    output_format=st.sampled_from(["csv", "jsonl", "json"]),
)
def test_jsonl_output_rows_match_input_rows(
    new_calculator: Callable[..., computing.Calculator],
    kinds: list[tuple[str, tuple[str, str] | None]],
    output_format: str,
) -> None:
    lines = [b'{"id": "r0", "outcome": "dismissed", "notified_on": "2025-02-04"}\n']
    expected = [("r0", "ok")]
    for number, (kind, cells) in enumerate(kinds, start=1):
        row_id = f"r{number}"
        if cells is not None:
            obj = {"id": row_id, "outcome": cells[0], "notified_on": cells[1]}
            lines.append(json.dumps(obj).encode() + b"\n")
            expected.append((row_id, kind))
            continue
        lines.append(
            {
                "blank": b"\n",
                "broken": b'{"id": "' + row_id.encode() + b'", "outcome": \n',
                "array": b'["dismissed", "2025-02-04"]\n',
                "bytes": b'{"id": "' + row_id.encode() + b'", "note": "\xe9"}\n',
                "extra": b'{"id": "' + row_id.encode() + b'", "outcome": "dismissed", '
                b'"notified_on": "2025-02-04", "note": "x"}\n',
            }[kind]
        )
        # Only an "extra" line is an object whose id can be read back. JSON output keeps an
        # object's extra keys; CSV has no column for them, so there the row is an error.
        status = "ok" if kind == "extra" and output_format != "csv" else "error"
        status = "blank" if kind == "blank" else status
        expected.append((row_id if kind == "extra" else "", status))
    out = io.StringIO(newline="")
    source = running.open_source(io.BytesIO(b"".join(lines)), "jsonl", output_format, "test")
    summary = running.run(source, out, output_format, new_calculator(holidays=False))
    if output_format == "csv":
        rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
        status_at = rows[0].index("status")
        got = [(r[0], r[status_at]) for r in rows[1:]]
    elif output_format == "jsonl":
        got = [
            (r.get("id") or "", r["status"]) for r in map(json.loads, out.getvalue().splitlines())
        ]
    else:
        got = [(r.get("id") or "", r["status"]) for r in json.loads(out.getvalue())]
    assert got == expected
    assert summary.rows == len(expected)


# Cells of any text, weighted towards the characters a formula starts with and line breaks.
CELL = st.text(alphabet=st.sampled_from("=+-@\t\r\nax1,\"' é"), max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(CELL, min_size=2, max_size=2), min_size=1, max_size=5))
def test_csv_output_neutralises_exactly_the_cells_that_start_like_a_formula(
    new_calculator: Callable[..., computing.Calculator],
    cells: list[list[str]],
) -> None:
    """write_csv looks at a row's cells one by one only when one check over them all finds a
    possible formula start: every cell that starts with = + - @ TAB or CR still gets its
    leading quote (columns.neutralise), and no other cell changes."""
    lines = ["outcome,notified_on,a,b"]
    for a, b in cells:
        lines.append(",".join(["dismissed", "2025-02-04", _quoted(a), _quoted(b)]))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    out = io.StringIO(newline="")
    source = running.open_source(io.BytesIO(data), "csv", "csv", "test")
    running.run(source, out, "csv", new_calculator(holidays=False))
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert [r[2:4] for r in rows[1:]] == [[columns.neutralise(c) for c in pair] for pair in cells]


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


# Cells as a CSV line may write them: bare or quoted, with delimiters, quotes, spaces, tabs,
# formula starts and a NUL.
RAW_CELL = st.text(alphabet=st.sampled_from(",; \t=-'\"a1\x00"), max_size=5)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([",", ";"]),
    st.lists(
        st.tuples(
            RAW_CELL, st.booleans(), RAW_CELL, st.booleans(), st.sampled_from(["\n", "\r\n"])
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_csv_rows_written_as_their_line_are_what_the_writer_writes(
    new_calculator: Callable[..., computing.Calculator],
    delimiter: str,
    rows: list[tuple[str, bool, str, bool, str]],
) -> None:
    """write_csv writes a one-line row without quotes as the line it was read from: the output
    is byte for byte the one the csv writer gives for the same rows (``InRow.line`` removed)."""

    def cell(text: str, quoted: bool) -> str:
        return '"' + text.replace('"', '""') + '"' if quoted else text

    lines = [delimiter.join(["outcome", "notified_on", "a", "b"]) + "\n"]
    for a, quote_a, b, quote_b, end in rows:
        lines.append(
            delimiter.join(["dismissed", "2025-02-04", cell(a, quote_a), cell(b, quote_b)]) + end
        )
    data = "".join(lines).encode("utf-8")

    def output(*, keep_lines: bool) -> str:
        out = io.StringIO(newline="")
        source = running.open_source(io.BytesIO(data), "csv", "csv", "test")
        if not keep_lines:
            source.rows = (row._replace(line=None) for row in source.rows)
        running.run(source, out, "csv", new_calculator(holidays=False))
        return out.getvalue()

    assert output(keep_lines=True) == output(keep_lines=False)


SPLIT_CELL = st.text(alphabet=st.sampled_from(',; \t="a1\x00\x0b\x1c\xe9\r\n'), max_size=4)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([",", ";"]),
    st.lists(
        st.tuples(
            st.lists(SPLIT_CELL, min_size=0, max_size=5),  # a row of 3 cells, or more or fewer
            st.sampled_from(["\n", "\r\n", "\r"]),
        ),
        min_size=1,
        max_size=8,
    ),
    st.booleans(),
)
def test_a_row_split_from_its_line_is_what_the_csv_reader_reads(
    new_calculator: Callable[..., computing.Calculator],
    delimiter: str,
    rows: list[tuple[list[str], str]],
    last_newline: bool,
) -> None:
    """read_csv splits a line of ASCII text without a quote at the delimiter instead of
    handing it to the csv reader. The same rows written once with a quote only where a cell
    needs one, and once with every cell quoted (every line then goes through the csv reader),
    read as the same rows, with the same lines, keys and problems, and give the same output;
    a row read from its line carries that line, which is its cells joined by the delimiter."""

    def line(cells: list[str], quote_all: bool) -> str:
        def cell(text: str) -> str:
            needs = quote_all or any(c in text for c in (delimiter, '"', "\r", "\n"))
            return '"' + text.replace('"', '""') + '"' if needs or cells == [""] else text

        return delimiter.join(cell(c) for c in cells)

    def data(quote_all: bool) -> bytes:
        lines = [line(["outcome", "notified_on", "note"], quote_all)]
        lines += [line(cells, quote_all) for cells, _ in rows]
        ends = [end for _, end in rows]
        text = "".join(a + b for a, b in zip(lines, ["\n", *ends], strict=True))
        return (text if last_newline else text.rstrip("\r\n")).encode("utf-8")

    def read(quote_all: bool) -> list[running.InRow]:
        return list(running.open_source(io.BytesIO(data(quote_all)), "csv", "csv", "t").rows)

    split, quoted = read(quote_all=False), read(quote_all=True)
    assert [r._replace(line=None) for r in split] == quoted
    assert all(r.line is None for r in quoted)
    for row in split:
        if row.line is not None:
            assert row.line == delimiter.join(row.values)
            assert row.problem is None

    def output(quote_all: bool) -> str:
        out = io.StringIO(newline="")
        source = running.open_source(io.BytesIO(data(quote_all)), "csv", "csv", "t")
        running.run(source, out, "csv", new_calculator(holidays=False))
        return out.getvalue()

    assert output(quote_all=False) == output(quote_all=True)
