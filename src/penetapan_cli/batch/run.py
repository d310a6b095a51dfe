"""A batch run: read, compute and write each row in turn; calendar events; a progress bar."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.progress import Progress

    from penetapan_cli.batch.workbook import RunFacts
    from penetapan_cli.core.outcomes import Outcome
    from penetapan_cli.render.ics import IcsSink, ResultEvents
from penetapan_cli.batch.columns import (
    _CANONICAL,
    OUTPUT_ERRORS,
    PROGRESS_EVERY,
    STATUSES,
    _text,
    column_key,
    has_declared,
)
from penetapan_cli.batch.compute import TEXT_CACHE_SIZE, Calculator, compute_rows
from penetapan_cli.batch.computed import Computed
from penetapan_cli.batch.read import InRow, Source, Table, read_csv, read_jsonl
from penetapan_cli.batch.summary import Summary
from penetapan_cli.batch.write import write_csv, write_json, write_jsonl
from penetapan_cli.core.compliance import Compliance

# ---------------------------------------------------------------------------------------------
# A run


def open_source(
    binary: IO[bytes],
    input_format: str,
    output_format: str,
    label: str,
    *,
    path: str | None = None,
    sheet: str | None = None,
) -> Source:
    """The input's header read and checked; ``path`` and ``sheet`` serve spreadsheets."""
    unique_names = output_format not in ("csv", "xlsx")
    if input_format == "jsonl":
        return read_jsonl(binary, label=label, fixed_columns=output_format in ("csv", "xlsx"))
    if input_format in ("xlsx", "xls", "ods"):
        from penetapan_cli.batch.sheets import read_sheet

        return read_sheet(
            binary,
            path=path,
            input_format=input_format,
            sheet=sheet,
            label=label,
            native=output_format == "xlsx",
            unique_names=unique_names,
        )
    return read_csv(binary, label=label, unique_names=unique_names)


def run(
    source: Source,
    out: IO[Any],
    output_format: str,
    calculator: Calculator,
    *,
    progress: Callable[[int], None] | None = None,
    on_ok: Callable[[InRow, Computed], None] | None = None,
    facts: RunFacts | None = None,
) -> Summary:
    """Stream every row of ``source`` to ``out``; the summary counts rows by status.

    ``on_ok`` is called with each ``ok`` row as it goes by (``--ics`` adds its event).
    ``xlsx`` output: ``out`` is binary, and ``facts`` fill the workbook's report sheet."""
    counts = dict.fromkeys(STATUSES, 0)
    declared = calculator.declared = has_declared(source.table.positions)
    if declared:
        counts |= dict.fromkeys((c.value for c in Compliance), 0)
    pairs = compute_rows(source, calculator, counts)
    if progress is not None:
        pairs = _reporting(pairs, progress)
    if on_ok is not None:
        pairs = _each_ok(pairs, on_ok)

    def summary() -> Summary:
        return Summary(
            rows=sum(counts[status] for status in STATUSES),
            ok=counts["ok"],
            pending=counts["pending"],
            errors=counts["error"],
            messages=calculator.messages(),
            compliance={c.value: counts[c.value] for c in Compliance} if declared else None,
            blank=counts["blank"],
            error_messages=calculator.errors,
        )

    with _rare_collections():
        if output_format == "csv":
            write_csv(out, source.table, pairs, text_values=source.text_values)
        elif output_format == "jsonl":
            write_jsonl(out, source.table, pairs)
        elif output_format == "xlsx":
            from penetapan_cli.batch.workbook import write_xlsx

            assert facts is not None
            native = source.sheet is not None
            write_xlsx(out, source.table, pairs, native=native, facts=facts, summary=summary)
        else:
            write_json(out, source.table, pairs)
    return summary()


GC_THRESHOLDS = (5000, 50, 100)
"""The cycle collector's thresholds while rows go by. With the defaults (700, 10, 10) a run
over 300,000 rows of varied dates spent a sixth of its time collecting, most of it in full
collections that walked every cached result again; a row makes no reference cycle, so these
find nothing. Full collections still run (after 25 million net allocations), so that any
cycle is still freed on a file of any size."""


@contextlib.contextmanager
def _rare_collections() -> Iterator[None]:
    """Collect cycles less often while the rows go by; the process's thresholds after."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _reporting(
    pairs: Iterator[tuple[InRow, Computed]], progress: Callable[[int], None]
) -> Iterator[tuple[InRow, Computed]]:
    for pair in pairs:
        if not pair[0].number % PROGRESS_EVERY:
            progress(pair[0].number)
        yield pair


def _each_ok(
    pairs: Iterator[tuple[InRow, Computed]], on_ok: Callable[[InRow, Computed], None]
) -> Iterator[tuple[InRow, Computed]]:
    for pair in pairs:
        if pair[1].status == "ok":
            on_ok(*pair)
        yield pair


class RowEvents:
    """``--ics``: the calendar event of each ``ok`` row, added to the file as the row goes by.

    The event is the one ``penetapan deadline --region REGION --ics`` gives for the row's
    outcome and date, titled with the row's region (and outcome), with the row's case number
    in its description and its UID key. The key leaves out the date when a region is given, so
    a corrected date updates the event on re-import; a key already used in the file gets the
    row number added (``DeclarationEvents``).
    """

    def __init__(self, table: Table, *, lang: str, sink: IcsSink) -> None:
        from penetapan_cli.core.compare import Comparison, Option, TriggerKind
        from penetapan_cli.render.ics import DeclarationEvents, declaration_parts

        self.table = table
        self.lang = lang
        self.events = DeclarationEvents(sink, lang)
        self.outcomes: dict[str, Outcome] = {}  # the outcome texts of ok rows, as read
        # The description lines that results share (declaration_shared), by rule and notices:
        # a handful in a run.
        self.shared: dict[tuple[str, str, tuple[str, ...]], str] = {}
        self._comparison, self._option, self._notified = Comparison, Option, TriggerKind.NOTIFIED
        self._parts = declaration_parts
        positions = table.positions
        self._at = (
            positions.get("outcome"),
            positions.get("region"),
            positions.get("case_number"),
        )

    def __call__(self, row: InRow, computed: Computed) -> None:
        # What the events of one result share (its lines, date, reminder) is built once,
        # with the result, and kept on it.
        shared = computed.event
        if shared is None:
            shared = computed.event = self._shared(computed)
        text, region, case = self._texts(row)
        # A result is shared by the outcomes of one rule with the same notices: the event is
        # titled with the row's own outcome.
        outcome = self.outcomes.get(text)
        if outcome is None:
            from penetapan_cli.core.outcomes import parse_outcome

            outcome = parse_outcome(_collapsed(text))
            if len(self.outcomes) >= TEXT_CACHE_SIZE:  # the oldest goes; never all
                del self.outcomes[next(iter(self.outcomes))]
            self.outcomes[text] = outcome
        self.events.add(shared, outcome, region, case, row.number)

    def _texts(self, row: InRow) -> tuple[str, str, str]:
        """The row's outcome text, and its region and case number as ``cell`` reads them."""
        outcome_at, region_at, case_at = self._at
        if row.obj is None and outcome_at is not None:  # a CSV row: read by position
            values = row.values
            text = values[outcome_at]
            region = "" if region_at is None else values[region_at]
            case = "" if case_at is None else values[case_at]
            if text.__class__ is str and region.__class__ is str and case.__class__ is str:
                return text, _collapsed(region), _collapsed(case)
        return self.cell(row, "outcome"), self.cell(row, "region"), self.cell(row, "case_number")

    def _shared(self, computed: Computed) -> ResultEvents:
        result, calendar = computed.result, computed.calendar
        assert result is not None
        assert calendar is not None
        option = self._option(
            result.rule_set, True, self._notified, result.trigger_date, result, True
        )
        # The lines results share are made once per rule and notices (a kilobyte each).
        key = (result.rule_set.id, result.rule.id, tuple(n["en"] for n in result.notices))
        shared = self.shared.get(key)
        comparison = self._comparison((option,))
        parts = self._parts(comparison, lang=self.lang, calendar=calendar, shared=shared)
        assert parts is not None  # an ok row has a deadline
        if shared is None:
            self.shared[key] = parts.shared
        return self.events.result(parts, result.trigger_date)

    def cell(self, row: InRow, column: str) -> str:
        """The text of ``column`` (canonical name) in ``row``; empty when absent."""
        if row.obj is not None:  # JSON Lines: any line may have keys that line 1 lacks
            value = next(
                (v for k, v in row.obj.items() if _CANONICAL.get(column_key(k)) == column), None
            )
        else:
            position = self.table.positions.get(column)
            value = None if position is None else row.values[position]
            if value is not None and value.__class__ is not str:  # a spreadsheet's cell
                from penetapan_cli.batch.sheets import plain_text

                value = plain_text(value)
        return _collapsed(_text(value))


def _collapsed(value: str) -> str:
    """``value`` with its runs of spaces made one and none at either end."""
    text = " ".join(value.split())
    if text.isascii():
        return text
    # A lone surrogate (from a JSON escape) cannot be written as UTF-8: keep it as the escape.
    return text.encode("utf-8", OUTPUT_ERRORS).decode("utf-8")


@contextlib.contextmanager
def progress_bar(total_bytes: int, tell: Callable[[], int]) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr, advanced by the bytes read so far."""
    import sys

    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    bar: Progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
        console=Console(file=sys.stderr),
        transient=True,
    )
    task = bar.add_task("0 rows", total=max(total_bytes, 1))

    def update(rows: int) -> None:
        with contextlib.suppress(OSError, ValueError):
            bar.update(task, completed=tell(), description=f"{rows:,} rows")

    with bar:
        yield update
        bar.update(task, completed=max(total_bytes, 1))
