"""Writing batch rows as an .xlsx workbook (XlsxWriter, imported only here, in constant memory).

Sheet 1 holds the rows: the input columns as they were (a spreadsheet's dates stay dates), then
the result columns; ``trigger_date`` and ``deadline`` are date cells shown day-first (month
names in the language of the run), ``days_left`` a number; the header row is frozen and has an
autofilter; columns are as wide as their header and the first rows need. Every text is written
as text: a cell that starts with ``=``, ``+``, ``-`` or ``@`` is never made a formula. Sheet 2
is the run's report (batch/workbook.py ``_write_report``): counts, each distinct warning, notice
and next step with its rows, the rule set and the rules used with their citations, the holiday
data version and the date of the run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from typing import IO, Any

from penetapan_cli.batch.columns import (
    CACHE_SIZE,
    OUTPUT_ERRORS,
    _text,
    has_declared,
    result_columns,
)
from penetapan_cli.batch.computed import Computed
from penetapan_cli.batch.read import InRow, Table
from penetapan_cli.batch.summary import Summary
from penetapan_cli.core.errors import InputError
from penetapan_cli.core.rules import RuleSet
from penetapan_cli.messages import (
    COMPLIANCE_NAMES,
    DATE_FORMAT,
    LABELS,
    STATUS_NAMES,
    WORKBOOK_LABELS,
    rows_from,
)

MAX_ROWS = 1_048_576  # an .xlsx sheet's rows, the header included
MAX_COLUMNS = 16_384
MAX_TEXT = 32_767  # characters in one cell
WIDTH_ROWS = 1000  # column widths fit the header and this many rows
MAX_WIDTH = 60


@dataclasses.dataclass(frozen=True)
class RunFacts:
    """What the report sheet says about the run besides its rows."""

    lang: str
    today: dt.date
    as_of: dt.date
    input_name: str
    sheet: str | None
    rule_set: RuleSet
    holidays_version: str


@dataclasses.dataclass
class Written:
    """What the rows sheet held, for the report sheet and the run's notes."""

    rules: dict[tuple[str, str], int] = dataclasses.field(default_factory=dict)
    cut: list[str] = dataclasses.field(default_factory=list)  # cells cut to MAX_TEXT


def _cell_text(value: Any, native: bool) -> Any:
    """An input value as a cell: spreadsheet values as they are, JSON values as CSV text."""
    if native or value is None or value.__class__ in (int, float, bool):
        return value
    text = value if value.__class__ is str else _text(value)
    if not text.isascii():  # a lone surrogate from a JSON escape is kept as that escape
        text = text.encode("utf-8", OUTPUT_ERRORS).decode("utf-8")
    return text


def write_xlsx(
    out: IO[bytes],
    table: Table,
    pairs: Iterable[tuple[InRow, Computed]],
    *,
    native: bool,
    facts: RunFacts,
    summary: Callable[[], Summary],
) -> Written:
    """Write every pair as a row of sheet 1, then the report as sheet 2, then the file."""
    import tempfile

    # XlsxWriter keeps rows (constant memory) and the parts of the zip in temporary files: in
    # a folder of our own, removed on every way out (an error, Ctrl-C, SIGTERM, SIGHUP).
    with tempfile.TemporaryDirectory(prefix="penetapan-", ignore_cleanup_errors=True) as scratch:
        books: list[Any] = []
        output = _Output(out)
        try:
            return _write_xlsx(
                output,
                table,
                pairs,
                native=native,
                facts=facts,
                summary=summary,
                scratch=scratch,
                books=books,
            )
        except BaseException:
            output.discard()
            for sheet in books[0].worksheets() if books else ():
                # The row file of an unfinished sheet (constant memory), closed now rather than
                # by the garbage collector: Windows cannot remove an open file.
                with contextlib.suppress(Exception):
                    sheet.row_data_fh.close()
            raise


class _Output:
    """The file XlsxWriter writes its zip to, cut off when the run stops. A signal during
    ``book.close()`` leaves XlsxWriter's zip open; the garbage collector closes it later, after
    the file under it was closed and removed, and that printed a traceback ("Exception ignored
    in ZipFile.__del__"). Once discarded, what the zip does goes nowhere, silently."""

    def __init__(self, out: IO[bytes]) -> None:
        self._out: IO[bytes] | None = out
        self._at = self._end = 0  # once discarded: where the zip believes it writes

    def discard(self) -> None:
        with contextlib.suppress(Exception):
            self._at = self._end = self._out.tell() if self._out is not None else 0
        self._out = None

    def write(self, data: bytes) -> int:
        if self._out is not None:
            return self._out.write(data)
        self._at += len(data)
        self._end = max(self._end, self._at)
        return len(data)

    def tell(self) -> int:
        return self._at if self._out is None else self._out.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        if self._out is not None:
            return self._out.seek(offset, whence)
        self._at = offset + (0, self._at, self._end)[whence]
        return self._at

    def flush(self) -> None:
        if self._out is not None:
            self._out.flush()

    def seekable(self) -> bool:
        return True


def _write_xlsx(
    out: _Output,
    table: Table,
    pairs: Iterable[tuple[InRow, Computed]],
    *,
    native: bool,
    facts: RunFacts,
    summary: Callable[[], Summary],
    scratch: str,
    books: list[Any],
) -> Written:
    import xlsxwriter

    lang = facts.lang
    declared = has_declared(table.positions)
    results = result_columns(declared)
    width = len(table.names) + len(results)
    if width > MAX_COLUMNS:
        raise InputError(
            "workbook.columns", columns=len(table.names), most=MAX_COLUMNS - len(results)
        )
    book = xlsxwriter.Workbook(
        out,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "default_date_format": DATE_FORMAT[lang],
            "remove_timezone": True,
            "tmpdir": scratch,
        },
    )
    books.append(book)
    date_format = book.add_format({"num_format": DATE_FORMAT[lang]})
    bold = book.add_format({"bold": True})
    sheet = book.add_worksheet(WORKBOOK_LABELS["rows_sheet"][lang])
    header = [*table.names, *results]
    sheet.write_row(0, 0, [_cell_text(n, False) for n in header], bold)
    sheet.freeze_panes(1, 0)
    widths = [len(n) for n in header]
    written = Written()
    cached: dict[tuple[str, ...], list[Any]] = {}
    number = 0
    for number, (row, computed) in enumerate(pairs, start=1):
        if number >= MAX_ROWS:
            raise InputError("workbook.rows", most=f"{MAX_ROWS - 1:,}")
        result = cached.get(computed.cells)
        if result is None:
            if len(cached) >= CACHE_SIZE:
                cached.clear()
            result = cached[computed.cells] = _result_cells(computed, declared)
        fields = computed.fields
        if fields["rule"] is not None:
            key = (fields["rule"], fields["citation"])
            written.rules[key] = written.rules.get(key, 0) + 1
        values = row.values if native else [_cell_text(v, False) for v in row.values]
        cells = [*values, *result]
        if sheet.write_row(number, 0, cells):  # a text too long for a cell: write one by one
            _write_slowly(sheet, number, cells, header, written, date_format)
        if number <= WIDTH_ROWS:
            for i, cell in enumerate(cells):
                size = _shown_width(cell)
                if size > widths[i]:
                    widths[i] = size
    last_column = width - 1
    sheet.autofilter(0, 0, max(number, 1), last_column)
    for i, size in enumerate(widths):
        sheet.set_column(i, i, min(size, MAX_WIDTH) + 2)
    _write_report(book, bold, date_format, facts, summary(), written)
    try:
        book.close()
    except xlsxwriter.exceptions.XlsxWriterException as exc:
        raise InputError("workbook.write", detail=str(exc)) from None
    return written


def _result_cells(computed: Computed, declared: bool) -> list[Any]:
    """The result columns: trigger_date and the deadline dates, days_left and days_late
    numbers."""
    fields = computed.fields
    trigger, deadline = fields["trigger_date"], fields["deadline"]
    cells = [
        dt.date.fromisoformat(trigger) if trigger else None,
        dt.date.fromisoformat(deadline) if deadline else None,
        fields["status"],
        fields["days_left"],
        fields["rule"],
        fields["citation"],
        fields["error"],
    ]
    if declared:
        cells += [fields["compliance"], fields["days_late"]]
    return cells


def _shown_width(cell: Any) -> int:
    if cell is None:
        return 0
    if cell.__class__ is str:
        return max(map(len, cell.splitlines()), default=0)
    if isinstance(cell, dt.date):
        return 18  # "30 September 2025"
    return len(str(cell))


def _write_slowly(
    sheet: Any,
    number: int,
    cells: list[Any],
    header: list[str],
    written: Written,
    date_format: Any,
) -> None:
    """A row holding a text longer than a cell takes: the text is cut, and the cut noted."""
    for column, cell in enumerate(cells):
        if cell.__class__ is str and len(cell) > MAX_TEXT:
            sheet.write_string(number, column, cell[: MAX_TEXT - 1] + "…")
            written.cut.append(f"{header[column]!r} row {number}")
        elif cell is not None:
            sheet.write(number, column, cell)


def _write_report(
    book: Any,
    bold: Any,
    date_format: Any,
    facts: RunFacts,
    summary: Summary,
    written: Written,
) -> None:
    lang = facts.lang
    labels = WORKBOOK_LABELS
    sheet = book.add_worksheet(labels["report_sheet"][lang])
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    lines: list[tuple[Any, ...]] = []
    heads: set[int] = set()

    def head(*line: Any) -> None:
        heads.add(len(lines))
        lines.append(line)

    head(labels["report_title"][lang])
    lines += [
        (labels["run_date"][lang], facts.today),
        (labels["as_of"][lang], facts.as_of),
        (labels["input"][lang], facts.input_name),
    ]
    if facts.sheet is not None:
        lines.append((labels["sheet"][lang], facts.sheet))
    lines += [(labels["holidays_version"][lang], facts.holidays_version), ()]
    head(labels["counts"][lang])
    lines.append((labels["rows"][lang], summary.rows))
    lines += [(STATUS_NAMES[s][lang], n) for s, n in _counts(summary)]
    lines.append(())
    if summary.compliance is not None:
        head(labels["compliance"][lang])
        lines += [(COMPLIANCE_NAMES[c][lang], n) for c, n in summary.compliance.items()]
        lines.append(())
    head(LABELS["rule_set"][lang], f"{facts.rule_set.title} ({facts.rule_set.id})")
    lines += [
        (LABELS["regulation"][lang], facts.rule_set.regulation),
        (LABELS["status"][lang], facts.rule_set.status),
        (LABELS["note_field"][lang], facts.rule_set.note[lang]),
        (),
    ]
    head(labels["rules_used"][lang], labels["citation"][lang], labels["rows"][lang])
    lines += [(rule, citation, n) for (rule, citation), n in written.rules.items()]
    if not written.rules:
        lines.append((labels["none"][lang],))
    lines.append(())
    head(labels["messages"][lang], labels["where"][lang], labels["text"][lang])
    kinds = {"warning": "warning_label", "notice": "notice_label", "follow_up": "next_step_label"}
    for m in summary.messages:
        lines.append(
            (LABELS[kinds[m.kind]][lang], rows_from(m.rows, m.first_row, lang), m.text[lang])
        )
    if not summary.messages:
        lines.append((labels["none"][lang],))
    if written.cut:
        lines.append(())
        head(labels["cut"][lang])
        lines.append(("; ".join(written.cut[:50]),))
    for number, line in enumerate(lines):
        for column, value in enumerate(line):
            if isinstance(value, dt.date):
                sheet.write_datetime(number, column, value, date_format)
            elif isinstance(value, str):
                sheet.write_string(number, column, value, bold if number in heads else wrap)
            else:
                sheet.write_number(number, column, value)
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 40)
    sheet.set_column(2, 2, 100)


def _counts(summary: Summary) -> list[tuple[str, int]]:
    return [
        ("ok", summary.ok),
        ("pending", summary.pending),
        ("error", summary.errors),
        ("blank", summary.blank),
    ]
