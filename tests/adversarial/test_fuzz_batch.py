"""Fuzzing the batch readers, the row computation and the writers.

Whatever bytes or text a CSV or JSON Lines input holds:
- the only exception is one of the project's documented errors (a PenetapanError, raised when
  the header is read, before any output);
- an accepted input gives exactly one output row per input row in every output format, and no
  line of the input is left out: the rows' line ranges follow each other without a gap up to
  the last physical line (counted here independently, from the bytes).

Calendars use an empty holiday source: no date here is checked, only the accounting, and the
empty source makes every working-day count touch a year without decreed data (a warning, or
with ``strict`` a CoverageError row).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import re
from pathlib import Path
from typing import Any

import icalendar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from penetapan_cli.batch import columns
from penetapan_cli.batch import compute as computing
from penetapan_cli.batch import run as running
from penetapan_cli.batch import write as writing
from penetapan_cli.core.errors import PenetapanError
from penetapan_cli.messages import error_text
from penetapan_cli.render.ics import IcsSink
from penetapan_cli.render.ics_lines import END, header
from penetapan_cli.sources.rulesets import load_rule_set

RULES = load_rule_set()
OUTPUT_FORMATS = ("csv", "jsonl", "json")
STAMP = dt.datetime(2025, 2, 4, tzinfo=dt.UTC)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _calculator(strict: bool) -> computing.Calculator:
    return computing.Calculator(
        rule_set=RULES,
        today=dt.date(2025, 2, 5),
        as_of=dt.date(2025, 2, 5),
        strict=strict,
        year_source=lambda year: (),
    )


def _run(data: bytes, input_format: str, output_format: str, strict: bool) -> list[Any] | None:
    """Read, compute and write ``data`` as the CLI does (output encoded as UTF-8, events built
    for the ok rows); the rows read, or None when the input was refused with a PenetapanError.
    """
    try:
        source = running.open_source(io.BytesIO(data), input_format, output_format, "fuzz")
    except PenetapanError as exc:
        message = error_text(exc, "en")
    else:
        message = None
    if message is not None:  # one line that names the input
        assert "\n" not in message
        assert message.startswith("fuzz")
        return None
    counts = dict.fromkeys(columns.STATUSES, 0)
    seen: list[Any] = []
    calendar = io.BytesIO()
    sink = IcsSink(calendar, STAMP, Path("fuzz.ics"))
    on_ok = running.RowEvents(source.table, lang="en", sink=sink)

    def recorded() -> Any:
        for row, computed in computing.compute_rows(source, _calculator(strict), counts):
            seen.append(row)
            assert computed.status in columns.STATUSES
            if computed.status == "ok":
                on_ok(row, computed)
            yield row, computed

    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", errors=columns.OUTPUT_ERRORS, newline="")
    if output_format == "csv":
        writing.write_csv(out, source.table, recorded(), text_values=source.text_values)
    elif output_format == "jsonl":
        writing.write_jsonl(out, source.table, recorded())
    else:
        writing.write_json(out, source.table, recorded())
    out.flush()
    text = raw.getvalue().decode("utf-8")  # the output is valid UTF-8
    written = _count_output(text, output_format, source.table.delimiter or ",")
    assert written == len(seen) == sum(counts.values())
    assert [row.number for row in seen] == list(range(1, len(seen) + 1))
    sink.flush()
    events = icalendar.Calendar.from_ical(header() + calendar.getvalue() + END).walk("VEVENT")
    assert len({str(e["uid"]) for e in events}) == len(events) == sink.count == counts["ok"]
    return seen


def _count_output(text: str, output_format: str, delimiter: str) -> int:
    if output_format == "json":
        return len(json.loads(text))
    if output_format == "jsonl":
        return len([json.loads(line) for line in text.split("\n") if line])
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return len(records) - 1  # the header


def _csv_lines(data: bytes) -> int:
    """Physical lines as a CSV reader sees them: ended by CRLF, CR or LF."""
    parts = re.split(rb"\r\n|\r|\n", data.removeprefix(b"\xef\xbb\xbf"))
    if parts[-1] == b"":
        parts.pop()
    return len(parts)


def _check_csv_lines(data: bytes, rows: list[Any]) -> None:
    """The rows cover every line after the header, in order, without a gap."""
    if not rows:
        return
    assert rows[0].first_line >= 2
    for before, after in itertools.pairwise(rows):
        assert after.first_line == before.last_line + 1
    assert rows[-1].last_line == _csv_lines(data)


# --- arbitrary bytes -------------------------------------------------------------------------

HEADERS = [
    b"outcome,notified_on\n",
    b"\xef\xbb\xbfid;Putusan;Tanggal;basis;no_cuti_bersama\r\n",
    b"region,case_number,outcome,notified_on,note\r\n",
    b'"outcome","notified_on","a,b"\n',
]
BODY_PIECES = st.sampled_from(
    [
        b"dismissed,2025-02-04",
        b"no-petition;06/01/2025;working;ya",
        b"psu,2025-02-24",
        b"rejected,2030-03-01,working",
        b"\n",
        b"\r\n",
        b"\r",
        b",",
        b";",
        b'"',
        b"\xe9",
        b"\x00",
        b"=1+1",
        b"   ",
    ]
)
bodies = st.lists(st.one_of(BODY_PIECES, st.binary(max_size=12)), max_size=25).map(b"".join)


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from(OUTPUT_FORMATS), st.booleans())
def test_csv_reader_on_arbitrary_bytes(data: bytes, output_format: str, strict: bool) -> None:
    rows = _run(data, "csv", output_format, strict)
    if rows is not None:
        _check_csv_lines(data, rows)


@SETTINGS
@given(st.sampled_from(HEADERS), bodies, st.sampled_from(OUTPUT_FORMATS), st.booleans())
def test_csv_reader_on_a_good_header_and_arbitrary_rows(
    header: bytes, body: bytes, output_format: str, strict: bool
) -> None:
    data = header + body
    rows = _run(data, "csv", output_format, strict)
    assert rows is not None or output_format != "csv"  # JSON may refuse a repeated name
    if rows is not None:
        _check_csv_lines(data, rows)


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from(OUTPUT_FORMATS), st.booleans())
def test_jsonl_reader_on_arbitrary_bytes(data: bytes, output_format: str, strict: bool) -> None:
    rows = _run(data, "jsonl", output_format, strict)
    if rows is not None:
        lines = data.split(b"\n")
        assert len(rows) == len(lines) - (1 if lines[-1] == b"" else 0)


FIRST_LINE = b'{"outcome": "dismissed", "notified_on": "2025-02-04", "region": "A"}\n'
JSONL_PIECES = st.sampled_from(
    [
        b'{"outcome": "dismissed", "notified_on": "2025-02-04"}',
        b'{"hasil": "psu", "tanggal": "24/02/2025", "region": "\\ud800"}',
        b'{"outcome": 1, "notified_on": null, "basis": true}',
        b'{"outcome": "ditolak", "notified_on": "2030-03-01", "basis": "working"}',
        b'{"outcome": "rejected", "notified_on": "2025-02-24", "case_number": ["x"]}',
        b"\n",
        b"[",
        b"{",
        b'"',
        b"\xe9",
        b"null",
    ]
)
jsonl_bodies = st.lists(st.one_of(JSONL_PIECES, st.binary(max_size=12)), max_size=25).map(b"".join)


@SETTINGS
@given(jsonl_bodies, st.sampled_from(OUTPUT_FORMATS), st.booleans())
def test_jsonl_reader_on_a_good_first_line_and_arbitrary_lines(
    body: bytes, output_format: str, strict: bool
) -> None:
    data = FIRST_LINE + body
    rows = _run(data, "jsonl", output_format, strict)
    assert rows is not None
    lines = data.split(b"\n")
    assert len(rows) == len(lines) - (1 if lines[-1] == b"" else 0)


# --- arbitrary text in well-formed files: the row count is known -----------------------------

cells = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["dismissed", "psu", "2025-02-04", "4 Februari 2025", "working", "ya", ""]),
)


@SETTINGS
@given(
    st.lists(st.lists(cells, min_size=0, max_size=6), max_size=12),
    st.lists(st.text(max_size=8), max_size=3),
    st.sampled_from([",", ";"]),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from(OUTPUT_FORMATS),
    st.booleans(),
)
def test_csv_of_arbitrary_text_keeps_the_row_count(
    rows: list[list[str]],
    extra: list[str],
    delimiter: str,
    newline: str,
    output_format: str,
    strict: bool,
) -> None:
    text = io.StringIO()
    # Python 3.11's writer leaves a lone "\r" bare unless it is in the line terminator: then
    # the file would not hold the rows written. QUOTE_ALL quotes every cell.
    quoting = csv.QUOTE_MINIMAL if newline == "\r\n" else csv.QUOTE_ALL
    writer = csv.writer(text, delimiter=delimiter, lineterminator=newline, quoting=quoting)
    writer.writerow(["outcome", "notified_on", "basis", *extra])
    writer.writerows(rows)
    data = text.getvalue().encode("utf-8")
    seen = _run(data, "csv", output_format, strict)
    if seen is None:  # an extra column named like a required, alias or output column
        return
    # Each row written is one record, except that csv.writer writes a row of no cells as an
    # empty line, which the reader also gives back as one (blank) row.
    assert len(seen) == len(rows)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=5,
)


@SETTINGS
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(
                ["outcome", "notified_on", "Tanggal", "basis", "no_cuti_bersama", "region", "x"]
            ),
            json_values | st.sampled_from(["dismissed", "2025-02-04", "working", "psu"]),
        ),
        max_size=10,
    ),
    st.sampled_from(OUTPUT_FORMATS),
    st.booleans(),
)
def test_jsonl_of_arbitrary_objects_keeps_the_row_count(
    objects: list[dict[str, Any]], output_format: str, strict: bool
) -> None:
    lines = [FIRST_LINE.decode().rstrip("\n")] + [json.dumps(o) for o in objects]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    seen = _run(data, "jsonl", output_format, strict)
    assert seen is not None
    assert len(seen) == len(lines)
