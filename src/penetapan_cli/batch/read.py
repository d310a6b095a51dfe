"""Batch: the deadlines of many regions at once, streamed from CSV or JSON Lines.

A run is a pipeline of generators, one row in flight at a time, so that memory does not grow
with the input:

    read_csv / read_jsonl  ->  compute_rows  ->  write_csv / write_jsonl / write_json
    (header checked first;     (one Calculator:     (CSV cells that a spreadsheet would
     one InRow per input row)   rule set, calendars,  run as a formula are neutralised)
                                bounded cache)

Every input row gives exactly one output row, in input order: a row that cannot be read
(blank, bad bytes, wrong number of fields, broken JSON) becomes an ``error`` row that says why
and where; it is never skipped, merged or moved. An input that cannot be processed at all
(unreadable, empty, a header without the required columns) raises ``InputError`` before the
first output byte.

Rows are validated in plain Python rather than with a validation framework: the per-row cost
is what the batch's speed target is made of (docs/performance.md), and the per-row checks reuse
the strict parsers of the single ``deadline`` command so that a row's ``error`` text is the
message that command would give.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import itertools
import json
import operator
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple

from penetapan_cli.batch.columns import (
    _CANONICAL,
    COLUMN_ALIASES,
    KEY_FIELDS,
    REQUIRED_COLUMNS,
    SHEET_SUFFIXES,
    Blank,
    _kind,
    _non_utf8,
    _repaired,
    _text,
    column_key,
    has_declared,
    lone_surrogate,
    repaired_value,
    result_columns,
    result_keys,
)
from penetapan_cli.batch.csvrecord import RecordFeed, refuse_not_csv, reread, sniff_delimiter
from penetapan_cli.batch.problems import _count, _json_problem, _open_quote, _where
from penetapan_cli.batch.strictjson import StrictJSONError, loads_strict
from penetapan_cli.core.errors import InputError, Message

# ---------------------------------------------------------------------------------------------
# Reading


@dataclasses.dataclass(frozen=True)
class Table:
    """The columns of an input: its CSV header, or the keys of its first JSON object."""

    names: tuple[str, ...]  # as written in the input, in order
    positions: Mapping[str, int]  # canonical column -> position in ``names``
    delimiter: str  # the CSV delimiter read ("," for JSON Lines)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(column_key(n) for n in self.names)


class InRow(NamedTuple):
    """One input row, however broken: the unit that is never dropped or reordered."""

    number: int  # 1 = the first data row
    first_line: int  # the physical lines of the input the row was read from
    last_line: int
    values: list[Any]  # aligned with Table.names (CSV: str; JSON Lines: JSON values or None)
    key: tuple[str, ...]  # the texts of the fields the result depends on (see Source.key_fields)
    obj: dict[str, Any] | None  # JSON Lines: the object as read, for JSON output
    problem: str | Message | None  # why the row cannot be computed; None when it can
    # CSV: the row's line without its line break, when the row was read from it by splitting
    # it at the delimiter (one line of ASCII text without a quote): the bytes a csv writer
    # writes for its cells, which write_csv writes back as they are.
    line: str | None = None


@dataclasses.dataclass
class Source:
    """An input whose header has been read and checked; ``rows`` reads the rest lazily."""

    table: Table
    key_fields: tuple[str, ...]  # what each InRow.key holds, in order
    rows: Iterator[InRow]
    text_values: bool  # every value is a str (CSV input)
    close: Callable[[], None] = lambda: None
    sheet: str | None = None  # a spreadsheet's sheet, as named in the workbook


def make_table(
    names: Sequence[str], *, label: str | Message, delimiter: str, unique_names: bool
) -> Table:
    """Check a header: required columns present, no clash with output columns, UTF-8."""
    for name in names:
        bad = _non_utf8(name)
        if bad is not None:
            raise InputError("input.header_utf8", label=label, bytes=bad, column=_repaired(name))
    positions: dict[str, int] = {}
    declared = any(_CANONICAL.get(column_key(n)) == "declared_on" for n in names)
    outputs = result_columns(declared)
    for i, name in enumerate(names):
        key = column_key(name)
        if key in result_keys(declared):
            raise InputError(
                "input.output_column", label=label, column=name, added=", ".join(outputs)
            )
        canonical = _CANONICAL.get(key)
        if canonical is not None:
            if canonical in positions:
                other = names[positions[canonical]]
                raise InputError(
                    "input.both_give", label=label, other=other, column=name, field=canonical
                )
            positions[canonical] = i
    missing = [c for c in REQUIRED_COLUMNS if c not in positions]
    if missing:
        each = [
            Message("input.column_or", column=c, aliases=", ".join(COLUMN_ALIASES[c]))
            for c in missing
        ]
        wanted = each[0]
        for other_column in each[1:]:
            wanted = Message("input.and", first=wanted, second=other_column)
        shown = ", ".join(repr(n) for n in names[:12]) + (", ..." if len(names) > 12 else "")
        raise InputError(
            "input.missing_columns" if len(missing) > 1 else "input.missing_column",
            label=label,
            wanted=wanted,
            read_as=Message("input.read_as", delimiter=delimiter) if delimiter else "",
            found=shown or Message("input.none"),
        )
    if unique_names:
        seen: set[str] = set()
        for name in names:
            if name in seen:
                raise InputError("input.twice", label=label, column=name)
            seen.add(name)
    return Table(tuple(names), positions, delimiter)


CELL_LIMIT = 131_072
"""Characters a CSV cell may hold (the csv module's default field limit, as documented): a
longer cell makes its row an error row, the cell cut to its first CUT_TO characters."""
CUT_TO = 1_000
READ_LIMIT = 16 << 20
"""Characters the csv reader reads a cell up to. A longer cell (a quote left open at the top of
a large file makes one) is read again by ``csvrecord.reread``, which keeps only what the error row
shows, so that it costs only its own row."""


def _cut(cells: list[str], names: Sequence[str]) -> Message | None:
    """Cut each over-long cell of ``cells`` to CUT_TO characters, in place; what was cut."""
    return _cut_lengths(cells, [len(c) for c in cells], names)


def _cut_lengths(cells: list[str], lengths: Sequence[int], names: Sequence[str]) -> Message | None:
    """``_cut``, the length of each cell given (a cell read again may be kept in part only)."""
    cut: Message | None = None
    for i, (cell, length) in enumerate(zip(cells, lengths, strict=True)):
        if length > CELL_LIMIT:
            column = names[i] if i < len(names) else f"#{i + 1}"
            this = Message(
                "row.cut",
                column=_repaired(column[:64]),
                size=_count(length),
                limit=_count(CELL_LIMIT),
                kept=_count(CUT_TO),
            )
            cut = this if cut is None else Message("row.cut_more", first=cut, then=this)
            cells[i] = cell[:CUT_TO]
    return cut


class _ReadGuard(contextlib.AbstractContextManager[None]):
    """Turns an OS error while reading the input into a one-line InputError."""

    def __init__(self, label: str | Message) -> None:
        self.label = label

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, OSError):
            raise InputError(
                "input.cannot_read", label=self.label, reason=exc.strerror or str(exc)
            ) from None


def read_csv(binary: IO[bytes], *, label: str | Message, unique_names: bool = False) -> Source:
    """Read the header now (errors raise before any output) and the rows lazily.

    UTF-8 with or without BOM; ',' or ';' (sniffed from the header); CRLF or LF; quoted fields
    with embedded newlines. Bytes that are not UTF-8 are kept (as surrogates) so that the row
    they are in can be reported with its number instead of stopping the run.
    """
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", errors="surrogateescape", newline="")
    csv.field_size_limit(READ_LIMIT)

    def close() -> None:
        with contextlib.suppress(ValueError, OSError):
            text.detach()  # leave the caller's stream open (stdin)

    try:
        with _ReadGuard(label):
            first = text.readline()
        if not first:
            raise InputError("input.csv_empty", label=label)
        if not first.strip():
            raise InputError("input.csv_blank", label=label)
        refuse_not_csv(first, label)
        delimiter = sniff_delimiter(first)
        # The lines through one iterator that, once it has met the end of the input, never
        # reads again: a terminal (or a pipe opened again) gives more after its end, and the
        # reader and the csv reader both ask for lines (tests/adversarial/test_csv_input_end.py).
        feed = RecordFeed(itertools.chain(text))
        reader = csv.reader(feed, delimiter=delimiter)
        feed.start(first)
        try:
            with _ReadGuard(label):
                header = next(reader)
        except csv.Error as exc:
            raise InputError("input.csv_header", label=label, detail=str(exc)) from None
        for i, name in enumerate(header):
            if len(name) > CELL_LIMIT:
                too_long = Message(
                    "input.header_cell",
                    column=i + 1,
                    size=_count(len(name)),
                    limit=_count(CELL_LIMIT),
                )
                raise InputError("input.csv_header", label=label, detail=too_long)
        table = make_table(header, label=label, delimiter=delimiter, unique_names=unique_names)
    except BaseException:
        close()
        raise
    key_fields = tuple(f for f in KEY_FIELDS if f in table.positions)
    rows = _csv_rows(reader, feed, table, key_fields, label, 1 + feed.more)
    return Source(table, key_fields, rows, True, close=close)


_BLANK_ASCII = "".join(c for c in map(chr, range(128)) if c.isspace())
"""The ASCII characters ``str.isspace`` counts as space: with the delimiter, those of a line
that holds nothing (a blank row)."""


def _csv_rows(
    reader: Any,
    feed: RecordFeed,
    table: Table,
    key_fields: tuple[str, ...],
    label: str | Message,
    line: int,
) -> Iterator[InRow]:
    """The rows after the header, whose last line is ``line``.

    A line of ASCII text without a quote, with one delimiter fewer than the header has
    columns, is one row whose cells are the line split at the delimiter: what the csv reader
    reads from it (a test compares them), without its work per character. Any other line
    starts a record that the csv reader reads, over as many lines as it takes, and the row is
    checked cell by cell."""
    width = len(table.names)
    delimiter = table.delimiter
    separators = width - 1
    blank = delimiter + _BLANK_ASCII
    get_key = operator.itemgetter(*(table.positions[f] for f in key_fields))
    new = tuple.__new__
    lines = feed.lines
    number = 0
    with _ReadGuard(label):
        for text in lines:
            number += 1
            line += 1
            if (
                '"' not in text
                and text.isascii()
                and len(text) <= CELL_LIMIT
                and text.count(delimiter) == separators
            ):
                body = text.rstrip("\r\n")
                if body.strip(blank):  # not a blank row
                    cells = body.split(delimiter)
                    # InRow(...) without the namedtuple's Python-level __new__: this line
                    # runs once per row, and the plain constructor would double its cost.
                    yield new(InRow, (number, line, line, cells, get_key(cells), None, None, body))
                    continue
            first = line
            feed.start(text)
            try:
                cells = next(reader)
            except csv.Error as exc:
                # The reader gave up inside the record (a cell over READ_LIMIT) and would go
                # on from the next line, inside that cell: read the record again, to its end.
                cells, lengths, more = reread(feed.kept, lines, delimiter, keep=CELL_LIMIT + 1)
                line = first + feed.more + more
                cut = _cut_lengths(cells, lengths, table.names)
                if cut is None:
                    cut = Message("row.unreadable_csv", detail=str(exc))
                yield _csv_odd_row(cells, number, first, line, table, get_key, cut=cut)
                continue
            line = first + feed.more
            joined = "".join(cells)
            if (
                first == line
                and len(cells) == width
                and len(joined) <= CELL_LIMIT
                and joined.isascii()
                and joined
                and not joined.isspace()
                and "\n" not in joined
                and "\r" not in joined
            ):
                yield new(InRow, (number, first, line, cells, get_key(cells), None, None, None))
            else:
                yield _csv_odd_row(cells, number, first, line, table, get_key)


def _csv_odd_row(
    cells: list[str],
    number: int,
    first: int,
    last: int,
    table: Table,
    get_key: Callable[[list[str]], Any],
    *,
    cut: Message | None = None,
) -> InRow:
    """A row off the fast path: non-ASCII text or several lines (maybe fine), blank, bad
    bytes, wrong number of fields. ``cut``: what csvrecord.reread cut."""
    where = _where(number, first, last)
    width = len(table.names)
    problem: Message | None = None
    if cut is None and len("".join(cells)) > CELL_LIMIT:
        cut = _cut(cells, table.names)
    for i, cell in enumerate(cells):
        bad = _non_utf8(cell)
        if bad is not None:
            column = table.names[i] if i < width else f"#{i + 1}"
            problem = Message("row.utf8", where=where, column=column, bytes=bad)
            cells = [_repaired(c) for c in cells]
            break
    if problem is None and first == last and any("\n" in c or "\r" in c for c in cells):
        # A line break inside a row read from one line: a quote left open at the end of the
        # input (elsewhere the reader would have gone on to the next line).
        problem = Message("row.quote", where=where, line=first)
    elif not "".join(cells).strip():
        problem = Blank("row.blank" if len(cells) <= 1 else "row.empty", where=where)
    elif problem is None and len(cells) != width:
        if len(cells) > width and not "".join(cells[width:]).strip():
            cells = cells[:width]  # empty trailing cells, as spreadsheets sometimes add
        else:
            problem = Message(
                "row.fields",
                where=where,
                fields=len(cells),
                width=width,
                quote=_open_quote(first, last),
            )
    values = (cells + [""] * width)[:width]
    if problem is None and first != last:
        for field, i in table.positions.items():
            if field in KEY_FIELDS and ("\n" in values[i] or "\r" in values[i]):
                problem = Message("row.line_break", where=where, field=field, line=first)
                break
    if cut is not None:  # the row is an error, every other cell kept
        if problem is None:
            problem = Message("row.cut_row", where=where, cut=cut, quote=_open_quote(first, last))
        else:
            problem = Message("row.with_cut", problem=problem, cut=cut)
    if problem is None:
        return InRow(number, first, last, values, get_key(values), None, None)
    return InRow(number, first, last, values, (), None, problem)


def read_jsonl(binary: IO[bytes], *, label: str | Message, fixed_columns: bool) -> Source:
    """JSON Lines: one object per line. The first line that is not blank must be an object
    with the required keys; blank lines anywhere are blank rows.

    Keys are matched like CSV headers (case, spaces, hyphens, underscores and camelCase do not
    matter).
    ``fixed_columns`` (CSV output): the first object's keys are the columns, and a later object
    with a key outside them is an error row, since CSV has no place for it.
    """
    lines = iter(binary)
    blanks: list[bytes] = []  # blank lines before the first object: blank rows, kept in place
    with _ReadGuard(label):
        raw = next(lines, b"")
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        while raw and not raw.strip():
            blanks.append(raw)
            raw = next(lines, b"")
    if not raw:
        raise InputError("input.jsonl_blanks" if blanks else "input.jsonl_empty", label=label)
    at = len(blanks) + 1  # the line of the first object, which gives the columns
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            "input.jsonl_utf8",
            label=label,
            line=at,
            byte=f"0x{raw[exc.start]:02X}",
            column=exc.start + 1,
        ) from None
    text = text.rstrip("\r\n")
    try:
        first = loads_strict(text) if text.strip() else None
    except json.JSONDecodeError as exc:
        raise InputError(
            "input.jsonl_json", label=label, line=at, detail=_json_problem(exc), column=exc.colno
        ) from None
    except StrictJSONError as exc:
        raise InputError("input.jsonl_line", label=label, line=at, problem=exc.args[0]) from None
    if not isinstance(first, dict):
        got = Message("json.blank") if first is None and not text.strip() else _kind(first)
        raise InputError("input.jsonl_object", label=label, line=at, got=got)
    table = make_table(list(first), label=label, delimiter="", unique_names=False)

    def rows() -> Iterator[InRow]:
        for number, blank in enumerate(blanks, start=1):
            yield _jsonl_row(number, blank, table, fixed_columns)
        yield _jsonl_row(at, raw, table, fixed_columns)
        with _ReadGuard(label):
            for number, line in enumerate(lines, start=at + 1):
                yield _jsonl_row(number, line, table, fixed_columns)

    return Source(table, KEY_FIELDS, rows(), False)


def _jsonl_row(number: int, raw: bytes, table: Table, fixed_columns: bool) -> InRow:
    where = _where(number, number, number)
    width = len(table.names)

    def failed(problem: Message, obj: dict[str, Any] | None = None) -> InRow:
        values = [None] * width if obj is None else _aligned(obj, table)
        return InRow(number, number, number, values, (), obj, problem)

    try:
        text = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        return failed(
            Message(
                "row.jsonl_utf8",
                where=where,
                byte=f"0x{raw[exc.start]:02X}",
                column=exc.start + 1,
            )
        )
    if not text.strip():
        return failed(Blank("row.blank", where=where))
    try:
        obj = loads_strict(text)
    except json.JSONDecodeError as exc:
        return failed(Message("row.json", where=where, detail=_json_problem(exc), column=exc.colno))
    except StrictJSONError as exc:
        return failed(Message("row.problem", where=where, problem=exc.args[0]))
    except (ValueError, RecursionError, MemoryError) as exc:  # anything else the parser meets
        return failed(Message("row.json_unreadable", where=where, kind=type(exc).__name__))
    if not isinstance(obj, dict):
        return failed(Message("row.not_object", where=where, got=_kind(obj)))
    if "\\u" in text:
        lone = lone_surrogate(obj)
        if lone is not None:  # a "\ud800" escape: no output could carry it
            problem = Message("row.not_unicode", where=where, key=lone)
            return failed(problem, repaired_value(obj))
    by_key: dict[str, str] = {}  # column key -> key as written
    fields: dict[str, Any] = {}
    for name in obj:
        key = column_key(name)
        if key in by_key:
            return failed(Message("row.same_key", where=where, other=by_key[key], key=name), obj)
        by_key[key] = name
        if key in result_keys(has_declared(table.positions)):
            return failed(Message("row.output_key", where=where, key=name), obj)
        canonical = _CANONICAL.get(key)
        if canonical is not None:
            if canonical in fields:
                other = next(k for k in obj if _CANONICAL.get(column_key(k)) == canonical)
                both = Message("row.both_give", where=where, other=other, key=name, field=canonical)
                return failed(both, obj)
            fields[canonical] = obj[name]
    if "declared_on" in fields and not has_declared(table.positions):
        # Line 1 decides the output columns, and has no place for a verdict: an audit must not
        # pass over a declaration silently.
        name = next(k for k in obj if _CANONICAL.get(column_key(k)) == "declared_on")
        return failed(Message("row.late_declared", where=where, key=name), obj)
    if fixed_columns:
        table_keys = set(table.keys)
        extra = [name for key, name in by_key.items() if key not in table_keys]
        if extra:
            listed = ", ".join(repr(e) for e in extra)
            key = "row.extra_keys" if len(extra) > 1 else "row.extra_key"
            return failed(Message(key, where=where, keys=listed), obj)
    texts = tuple(_text(fields.get(f)) for f in KEY_FIELDS)
    return InRow(number, number, number, _aligned(obj, table), texts, obj, None)


def _aligned(obj: Mapping[str, Any], table: Table) -> list[Any]:
    """The values of ``obj`` in the order of the table's columns, matched like headers."""
    by_key = {column_key(name): value for name, value in obj.items()}
    return [by_key.get(key) for key in table.keys]


def format_for(path: str | None) -> str:
    """The input format from a file name: JSON Lines for .jsonl/.ndjson, a spreadsheet for
    .xlsx/.xlsm, .xls and .ods, else CSV (and stdin)."""
    if path is None:
        return "csv"
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        raise InputError("input.json_array", path=path)
    return SHEET_SUFFIXES.get(suffix, "csv")
