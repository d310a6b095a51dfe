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
is what the batch's speed target is made of (README: "Batch"), and the per-row checks reuse
the strict parsers of the single ``deadline`` command so that a row's ``error`` text is the
message that command would give.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import io
import itertools
import json
import operator
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from penetapan_cli.dates import parse_date
from penetapan_cli.deadline import DeadlineResult, compute_deadline
from penetapan_cli.errors import InputError, PenetapanError
from penetapan_cli.outcomes import parse_outcome
from penetapan_cli.rules import RuleSet, Text, Unit
from penetapan_cli.workcal import NonWorkingDay, WorkCalendar, YearSource, holidays_package_year

if TYPE_CHECKING:
    from rich.progress import Progress

    from penetapan_cli.ics import CalendarEvent

# Input columns: canonical name -> the other header names accepted for it (Indonesian aliases).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "outcome": ("hasil", "putusan"),
    "notified_on": ("tanggal", "tanggal_pemberitahuan"),
    "region": ("daerah",),
    "case_number": ("nomor_perkara",),
    "basis": (),
    "no_cuti_bersama": (),
}
REQUIRED_COLUMNS = ("outcome", "notified_on")
KEY_FIELDS = ("outcome", "notified_on", "basis", "no_cuti_bersama")
"""The input fields a row's result depends on; every other column is passed through."""
RESULT_COLUMNS = ("deadline", "status", "days_left", "rule", "citation", "error")
STATUSES = ("ok", "pending", "error")

_CANONICAL = {alias: name for name, aliases in COLUMN_ALIASES.items() for alias in (name, *aliases)}
_BOOLEANS = {
    "true": True, "false": False, "yes": True, "no": False,
    "ya": True, "tidak": False, "1": True, "0": False,
}  # fmt: skip
# A CSV cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = frozenset("=+-@\t\r")
CACHE_SIZE = 4096
"""Distinct (outcome, date, basis, cuti) texts remembered; batches repeat a few dates."""
PROGRESS_EVERY = 4096  # rows between two progress updates
OUTPUT_ERRORS = "backslashreplace"
"""Output is UTF-8. The only text that cannot be encoded is a lone surrogate that a JSON
escape such as "\\ud800" produced; it is written back as that same escape."""


def column_key(name: str) -> str:
    """A header name as compared: case, spaces, hyphens and underscores do not matter."""
    return "_".join(name.replace("-", " ").replace("_", " ").lower().split())


def neutralise(cell: str) -> str:
    """A CSV cell that a spreadsheet would run as a formula, made inert with a leading quote."""
    return "'" + cell if cell and cell[0] in _FORMULA_START else cell


def _non_utf8(text: str) -> str | None:
    """The undecodable bytes (kept as surrogates on reading) of ``text``, as hex; None if none."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = text[exc.start : exc.end].encode("utf-8", "surrogateescape")
        return " ".join(f"0x{b:02X}" for b in bad[:4])
    return None


def _repaired(text: str) -> str:
    """``text`` with undecodable bytes shown as U+FFFD, so that the output stays UTF-8."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _text(value: Any) -> str:
    """A JSON value as the text a CSV cell would hold."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}.get(
        type(value), "a number" if isinstance(value, int | float) else "null"
    )


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
    problem: str | None  # why the row cannot be computed; None when it can


def _where(number: int, first: int, last: int) -> str:
    lines = f"line {first}" if first == last else f"lines {first}-{last}"
    return f"row {number} ({lines})"


@dataclasses.dataclass
class Source:
    """An input whose header has been read and checked; ``rows`` reads the rest lazily."""

    table: Table
    key_fields: tuple[str, ...]  # what each InRow.key holds, in order
    rows: Iterator[InRow]
    text_values: bool  # every value is a str (CSV input)
    close: Callable[[], None] = lambda: None


def make_table(names: Sequence[str], *, label: str, delimiter: str, unique_names: bool) -> Table:
    """Check a header: required columns present, no clash with output columns, UTF-8."""
    for name in names:
        bad = _non_utf8(name)
        if bad is not None:
            raise InputError(
                f"{label}: the header is not UTF-8 text (bytes {bad} in column "
                f'{_repaired(name)!r}); save the file as UTF-8 ("CSV UTF-8")'
            )
    positions: dict[str, int] = {}
    for i, name in enumerate(names):
        key = column_key(name)
        if key in RESULT_COLUMNS:
            raise InputError(
                f"{label}: column {name!r} has the name of an output column; rename or remove "
                f"it (the output adds {', '.join(RESULT_COLUMNS)})"
            )
        canonical = _CANONICAL.get(key)
        if canonical is not None:
            if canonical in positions:
                other = names[positions[canonical]]
                raise InputError(
                    f"{label}: columns {other!r} and {name!r} both give {canonical}; keep one"
                )
            positions[canonical] = i
    missing = [c for c in REQUIRED_COLUMNS if c not in positions]
    if missing:
        wanted = " and ".join(f"{c!r} (or {', '.join(COLUMN_ALIASES[c])})" for c in missing)
        shown = ", ".join(repr(n) for n in names[:12]) + (", ..." if len(names) > 12 else "")
        read_as = f" (read with delimiter {delimiter!r})" if delimiter else ""
        plural = "s" if len(missing) > 1 else ""
        raise InputError(
            f"{label}: missing required column{plural} {wanted}; columns found{read_as}: "
            f"{shown or 'none'}"
        )
    if unique_names:
        seen: set[str] = set()
        for name in names:
            if name in seen:
                raise InputError(
                    f"{label}: column {name!r} appears twice; JSON output needs unique column names"
                )
            seen.add(name)
    return Table(tuple(names), positions, delimiter)


def _sniff_delimiter(line: str) -> str:
    """',' or ';' (spreadsheets in Indonesian locale export ';'), judged from the header line."""

    def score(delimiter: str) -> tuple[int, int]:
        try:
            names = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:  # e.g. a field over the size limit: reading the header reports it
            return (-1, 0)
        found = {_CANONICAL.get(column_key(n)) for n in names}
        return (sum(c in found for c in REQUIRED_COLUMNS), len(names))

    return max((",", ";"), key=score)  # ties go to ','


class _ReadGuard(contextlib.AbstractContextManager[None]):
    """Turns an OS error while reading the input into a one-line InputError."""

    def __init__(self, label: str) -> None:
        self.label = label

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, OSError):
            raise InputError(f"cannot read {self.label}: {exc.strerror or exc}") from None


def read_csv(binary: IO[bytes], *, label: str, unique_names: bool = False) -> Source:
    """Read the header now (errors raise before any output) and the rows lazily.

    UTF-8 with or without BOM; ',' or ';' (sniffed from the header); CRLF or LF; quoted fields
    with embedded newlines. Bytes that are not UTF-8 are kept (as surrogates) so that the row
    they are in can be reported with its number instead of stopping the run.
    """
    text = io.TextIOWrapper(binary, encoding="utf-8-sig", errors="surrogateescape", newline="")

    def close() -> None:
        with contextlib.suppress(ValueError, OSError):
            text.detach()  # leave the caller's stream open (stdin)

    try:
        with _ReadGuard(label):
            first = text.readline()
        if not first:
            raise InputError(
                f"{label} is empty: expected a header row naming the columns outcome and "
                "notified_on"
            )
        if not first.strip():
            raise InputError(
                f"{label}: line 1 is blank; the first line must be the header naming the "
                "columns outcome and notified_on"
            )
        delimiter = _sniff_delimiter(first)
        reader = csv.reader(itertools.chain((first,), text), delimiter=delimiter)
        try:
            with _ReadGuard(label):
                header = next(reader)
        except csv.Error as exc:
            raise InputError(f"{label}: the header cannot be read as CSV: {exc}") from None
        table = make_table(header, label=label, delimiter=delimiter, unique_names=unique_names)
    except BaseException:
        close()
        raise
    key_fields = tuple(f for f in KEY_FIELDS if f in table.positions)
    return Source(table, key_fields, _csv_rows(reader, table, key_fields, label), True, close=close)


def _csv_rows(
    reader: Any, table: Table, key_fields: tuple[str, ...], label: str
) -> Iterator[InRow]:
    width = len(table.names)
    get_key = operator.itemgetter(*(table.positions[f] for f in key_fields))
    new = tuple.__new__
    number = 0
    last = reader.line_num
    while True:
        try:
            with _ReadGuard(label):
                for cells in reader:
                    number += 1
                    first, last = last + 1, reader.line_num
                    joined = "".join(cells)
                    if (
                        first == last
                        and len(cells) == width
                        and joined.isascii()
                        and joined
                        and not joined.isspace()
                        and "\n" not in joined
                        and "\r" not in joined
                    ):
                        # InRow(...) without the namedtuple's Python-level __new__: this line
                        # runs once per row, and the plain constructor would double its cost.
                        yield new(InRow, (number, first, last, cells, get_key(cells), None, None))
                    else:
                        yield _csv_odd_row(cells, number, first, last, table, get_key)
            return
        except csv.Error as exc:
            number += 1
            first, last = last + 1, reader.line_num
            problem = f"{_where(number, first, last)}: unreadable CSV ({exc})"
            if first != last:
                problem += f"; check for a quote opened on line {first} and never closed"
            yield InRow(number, first, last, [""] * width, (), None, problem)


def _csv_odd_row(
    cells: list[str],
    number: int,
    first: int,
    last: int,
    table: Table,
    get_key: Callable[[list[str]], Any],
) -> InRow:
    """A row off the fast path: non-ASCII text or several lines (maybe fine), blank, bad
    bytes, wrong number of fields."""
    where = _where(number, first, last)
    width = len(table.names)
    problem: str | None = None
    for i, cell in enumerate(cells):
        bad = _non_utf8(cell)
        if bad is not None:
            column = table.names[i] if i < width else f"#{i + 1}"
            problem = (
                f"{where}: column {column!r} is not UTF-8 text (bytes {bad}); save the file "
                'as UTF-8 ("CSV UTF-8")'
            )
            cells = [_repaired(c) for c in cells]
            break
    if problem is None and first == last and any("\n" in c or "\r" in c for c in cells):
        # A line break inside a row read from one line: a quote left open at the end of the
        # input (elsewhere the reader would have gone on to the next line).
        problem = f"{where}: a quote opened on line {first} is never closed"
    elif not "".join(cells).strip():
        problem = f"{where}: blank line" if len(cells) <= 1 else f"{where}: empty row"
    elif problem is None and len(cells) != width:
        if len(cells) > width and not "".join(cells[width:]).strip():
            cells = cells[:width]  # empty trailing cells, as spreadsheets sometimes add
        else:
            problem = f"{where}: {len(cells)} fields, but the header has {width}"
            if first != last:
                problem += f"; check for a quote opened on line {first} and never closed"
    values = (cells + [""] * width)[:width]
    if problem is None and first != last:
        for field, i in table.positions.items():
            if field in KEY_FIELDS and ("\n" in values[i] or "\r" in values[i]):
                problem = (
                    f"{where}: the {field} cell holds a line break; check for a quote opened "
                    f"on line {first} and never closed"
                )
                break
    if problem is None:
        return InRow(number, first, last, values, get_key(values), None, None)
    return InRow(number, first, last, values, (), None, problem)


def read_jsonl(binary: IO[bytes], *, label: str, fixed_columns: bool) -> Source:
    """JSON Lines: one object per line. Line 1 must be an object with the required keys.

    Keys are matched like CSV headers (case, spaces, hyphens and underscores do not matter).
    ``fixed_columns`` (CSV output): the first object's keys are the columns, and a later object
    with a key outside them is an error row, since CSV has no place for it.
    """
    lines = iter(binary)
    with _ReadGuard(label):
        raw = next(lines, b"")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw:
        raise InputError(f"{label} is empty: expected JSON Lines, one object per line")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{label}: line 1 is not UTF-8 text (byte 0x{raw[exc.start]:02X} at column "
            f"{exc.start + 1})"
        ) from None
    text = text.rstrip("\r\n")
    try:
        first = json.loads(text) if text.strip() else None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{label}: line 1 is not JSON ({exc.msg} at column {exc.colno}); JSON Lines input "
            "needs one JSON object per line"
        ) from None
    if not isinstance(first, dict):
        got = "a blank line" if first is None and not text.strip() else _kind(first)
        raise InputError(
            f"{label}: line 1 is {got}, not a JSON object; JSON Lines input needs one JSON "
            "object per line"
        )
    table = make_table(list(first), label=label, delimiter="", unique_names=False)

    def rows() -> Iterator[InRow]:
        yield _jsonl_row(1, raw, table, fixed_columns)
        with _ReadGuard(label):
            for number, line in enumerate(lines, start=2):
                yield _jsonl_row(number, line, table, fixed_columns)

    return Source(table, KEY_FIELDS, rows(), False)


def _jsonl_row(number: int, raw: bytes, table: Table, fixed_columns: bool) -> InRow:
    where = _where(number, number, number)
    width = len(table.names)

    def failed(problem: str, obj: dict[str, Any] | None = None) -> InRow:
        values = [None] * width if obj is None else _aligned(obj, table)
        return InRow(number, number, number, values, (), obj, problem)

    try:
        text = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        return failed(
            f"{where}: not UTF-8 text (byte 0x{raw[exc.start]:02X} at column {exc.start + 1})"
        )
    if not text.strip():
        return failed(f"{where}: blank line")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return failed(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(obj, dict):
        return failed(f"{where}: {_kind(obj)}, not a JSON object")
    by_key: dict[str, str] = {}  # column key -> key as written
    fields: dict[str, Any] = {}
    for name in obj:
        key = column_key(name)
        if key in by_key:
            return failed(f"{where}: keys {by_key[key]!r} and {name!r} are the same column", obj)
        by_key[key] = name
        if key in RESULT_COLUMNS:
            return failed(
                f"{where}: key {name!r} has the name of an output column (its value is "
                "replaced in the output)",
                obj,
            )
        canonical = _CANONICAL.get(key)
        if canonical is not None:
            if canonical in fields:
                other = next(k for k in obj if _CANONICAL.get(column_key(k)) == canonical)
                return failed(f"{where}: keys {other!r} and {name!r} both give {canonical}", obj)
            fields[canonical] = obj[name]
    if fixed_columns:
        table_keys = set(table.keys)
        extra = [name for key, name in by_key.items() if key not in table_keys]
        if extra:
            listed = ", ".join(repr(e) for e in extra)
            return failed(
                f"{where}: key{'s' if len(extra) > 1 else ''} {listed} not among the keys of "
                "line 1, which are the CSV output's columns",
                obj,
            )
    texts = tuple(_text(fields.get(f)) for f in KEY_FIELDS)
    return InRow(number, number, number, _aligned(obj, table), texts, obj, None)


def _aligned(obj: Mapping[str, Any], table: Table) -> list[Any]:
    """The values of ``obj`` in the order of the table's columns, matched like headers."""
    by_key = {column_key(name): value for name, value in obj.items()}
    return [by_key.get(key) for key in table.keys]


# ---------------------------------------------------------------------------------------------
# Computing


@dataclasses.dataclass(frozen=True)
class Computed:
    """The result columns of one row, ready for each output format."""

    status: str
    cells: tuple[str, ...]  # CSV: deadline, status, days_left, rule, citation, error
    fields: Mapping[str, Any]  # JSON: the same, with null and integers
    notes: tuple[tuple[tuple[str, str], Text], ...] = ()  # ((kind, English text), text)
    # For the calendar export (--ics): the result and the calendar it was counted with.
    result: DeadlineResult | None = dataclasses.field(default=None, compare=False)
    calendar: WorkCalendar | None = dataclasses.field(default=None, compare=False)

    @classmethod
    def failed(cls, message: str) -> Computed:
        fields = dict.fromkeys(RESULT_COLUMNS)
        fields.update(status="error", error=message)
        return cls("error", ("", "error", "", "", "", neutralise(message)), fields)

    @classmethod
    def of(
        cls, result: DeadlineResult, rule_set: RuleSet, calendar: WorkCalendar | None = None
    ) -> Computed:
        deadline = result.deadline.isoformat() if result.deadline else None
        rule = rule_set.qualified_id(result.rule)
        citation = result.rule.citation.short()
        fields = {
            "deadline": deadline,
            "status": result.status,
            "days_left": result.days_left,
            "rule": rule,
            "citation": citation,
            "error": None,
        }
        cells = (
            deadline or "",
            result.status,
            "" if result.days_left is None else str(result.days_left),  # a number: kept as is
            neutralise(rule),
            neutralise(citation),
            "",
        )
        notes = [("warning", t) for t in result.warnings]
        notes += [("notice", t) for t in result.notices]
        if result.deadline is None and result.rule.follow_up:
            notes.append(("follow_up", result.rule.follow_up))
        texts = tuple(((kind, t["en"]), t) for kind, t in notes)
        return cls(result.status, cells, fields, texts, result, calendar)


class CacheEntry:
    """A cached result and the rows it served since its messages were last counted."""

    __slots__ = ("computed", "uses")

    def __init__(self, computed: Computed) -> None:
        self.computed = computed
        self.uses = 0


@dataclasses.dataclass(frozen=True)
class Message:
    kind: str  # "warning", "notice" or "follow_up"
    text: Text
    first_row: int
    rows: int  # rows computed with it (rows served from the cache included)


class Calculator:
    """Per-row deadlines for one run: one rule set, at most two calendars, a bounded cache.

    The calendars (cuti bersama as holidays, and as working days for rows that say
    ``no_cuti_bersama``) are built on first use and then shared by every row. ``strict``
    (``--strict``): a row whose working-day count touches a year without decreed holiday data
    is an error row with the message ``penetapan deadline --strict`` gives, not a warning.
    """

    def __init__(
        self,
        *,
        rule_set: RuleSet,
        today: dt.date,
        as_of: dt.date,
        basis: Unit | None = None,
        no_cuti_bersama: bool = False,
        closures: Sequence[NonWorkingDay] = (),
        strict: bool = False,
        year_source: YearSource = holidays_package_year,
        cache_size: int = CACHE_SIZE,
    ) -> None:
        self.rule_set = rule_set
        self.strict = strict
        self.today = today
        self.as_of = as_of
        self.basis = basis
        self.no_cuti_bersama = no_cuti_bersama
        self.closures = tuple(closures)
        self.year_source = year_source
        self.cache_size = cache_size
        self.cache: dict[tuple[str, ...], CacheEntry] = {}
        self.calendars: dict[bool, WorkCalendar] = {}
        self._messages: dict[tuple[str, str], list[Any]] = {}

    def calendar(self, cuti_bersama_working: bool) -> WorkCalendar:
        calendar = self.calendars.get(cuti_bersama_working)
        if calendar is None:
            calendar = WorkCalendar(
                self.year_source,
                cuti_bersama_working=cuti_bersama_working,
                closures=self.closures,
            )
            self.calendars[cuti_bersama_working] = calendar
        return calendar

    def _basis(self, text: str) -> Unit | None:
        value = text.strip().lower()
        if not value:
            return self.basis
        if value in ("calendar", "working"):
            return Unit(value)
        raise InputError(f"invalid basis {text.strip()[:64]!r}: expected calendar or working")

    def _no_cuti_bersama(self, text: str) -> bool:
        value = text.strip().lower()
        if not value:
            return self.no_cuti_bersama
        if value in _BOOLEANS:
            return _BOOLEANS[value]
        raise InputError(
            f"invalid no_cuti_bersama {text.strip()[:64]!r}: expected true/false, yes/no, "
            "ya/tidak or 1/0"
        )

    def compute(self, fields: Mapping[str, str]) -> Computed:
        """One row, as ``penetapan deadline`` would compute it; its error message if it fails."""
        try:
            outcome = parse_outcome(fields["outcome"])
            notified_on = parse_date(fields["notified_on"], today=self.today)
            basis = self._basis(fields.get("basis", ""))
            cuti_working = self._no_cuti_bersama(fields.get("no_cuti_bersama", ""))
            calendar = self.calendar(cuti_working)
            result = compute_deadline(
                outcome,
                notified_on,
                rule_set=self.rule_set,
                calendar=calendar,
                basis=basis,
                as_of=self.as_of,
                strict=self.strict,
            )
        except PenetapanError as exc:  # CoverageError (--strict) included
            return Computed.failed(str(exc))
        return Computed.of(result, self.rule_set, calendar)

    def add(self, key_fields: tuple[str, ...], key: tuple[str, ...], row: int) -> CacheEntry:
        """Compute ``key`` (first seen at ``row``) into the cache, emptied first when full."""
        if len(self.cache) >= self.cache_size:
            self._fold()
            self.cache.clear()  # in place: compute_rows holds a reference to it
        entry = self.cache[key] = CacheEntry(self.compute(dict(zip(key_fields, key, strict=True))))
        for note, text in entry.computed.notes:
            self._messages.setdefault(note, [text, row, 0])
        return entry

    def _fold(self) -> None:
        """Add the rows served by each cached result to the counts of its messages."""
        for entry in self.cache.values():
            if entry.uses:
                for note, _ in entry.computed.notes:
                    self._messages[note][2] += entry.uses
                entry.uses = 0

    def messages(self) -> list[Message]:
        """Each distinct warning, notice and follow-up of the run, with its first row."""
        self._fold()
        order = {"warning": 0, "notice": 1, "follow_up": 2}
        found = [Message(k, t, first, n) for (k, _), (t, first, n) in self._messages.items()]
        return sorted(found, key=lambda m: (order[m.kind], m.first_row))


@dataclasses.dataclass
class Summary:
    rows: int = 0
    ok: int = 0
    pending: int = 0
    errors: int = 0
    messages: list[Message] = dataclasses.field(default_factory=list)

    def line(self) -> str:
        return f"rows={self.rows} ok={self.ok} pending={self.pending} errors={self.errors}"

    def report(self, lang: str) -> list[str]:
        """The lines for stderr: each distinct warning, notice and next step with the rows it
        concerns, then the one-line summary."""
        labels = {
            "warning": {"id": "peringatan", "en": "warning"},
            "notice": {"id": "catatan", "en": "notice"},
            "follow_up": {"id": "langkah berikut", "en": "next step"},
        }
        lines = []
        for m in self.messages:
            if lang == "id":
                where = f"{m.rows} baris, mulai baris {m.first_row}"
            else:
                where = f"{m.rows} row{'s' if m.rows != 1 else ''} from row {m.first_row}"
            lines.append(f"{labels[m.kind][lang]} ({where}): {m.text[lang]}")
        lines.append(f"penetapan batch: {self.line()}")
        return lines


def compute_rows(
    source: Source, calculator: Calculator, counts: dict[str, int]
) -> Iterator[tuple[InRow, Computed]]:
    """Pair each input row with its result, in order; ``counts`` tallies the statuses."""
    key_fields = source.key_fields
    cache = calculator.cache
    add = calculator.add
    for row in source.rows:
        if row.problem is None:
            entry = cache.get(row.key)
            if entry is None:
                entry = add(key_fields, row.key, row.number)
            entry.uses += 1
            computed = entry.computed
        else:
            computed = Computed.failed(row.problem)
        counts[computed.status] += 1
        yield row, computed


# ---------------------------------------------------------------------------------------------
# Writing


def write_csv(
    out: IO[str], table: Table, pairs: Iterable[tuple[InRow, Computed]], *, text_values: bool
) -> None:
    """CSV with a header; input cells that a spreadsheet would run as a formula are
    neutralised (our own numbers, such as a negative days_left, are written as they are).

    The result columns repeat from row to row, so their CSV text is formatted once per
    distinct result and appended to the row's input cells. That writer has no line terminator,
    so it would not quote a cell holding a line break: rows that may hold one (a CSV row over
    several lines or in error, any JSON Lines row) go through the plain writer instead; the
    reader guarantees that the other rows hold none.
    """
    delimiter = table.delimiter or ","
    plain = _LfWriter(out, delimiter)
    plain.writerow([neutralise(_repaired(n)) for n in table.names] + list(RESULT_COLUMNS))
    unterminated = csv.writer(out, delimiter=delimiter, lineterminator="")
    buffer = io.StringIO()
    formatter = _LfWriter(buffer, delimiter)
    suffixes: dict[tuple[str, ...], str] = {}
    write = out.write
    formula = _FORMULA_START
    for row, computed in pairs:
        cells = row.values if text_values else [_text(v) for v in row.values]
        for i, cell in enumerate(cells):
            if cell and cell[0] in formula:
                cells[i] = "'" + cell
        if not text_values or row.first_line != row.last_line or row.problem is not None:
            cells.extend(computed.cells)
            plain.writerow(cells)
            continue
        unterminated.writerow(cells)
        suffix = suffixes.get(computed.cells)
        if suffix is None:
            if len(suffixes) >= CACHE_SIZE:
                suffixes.clear()
            buffer.seek(0)
            buffer.truncate()
            formatter.writerow(computed.cells)
            suffix = suffixes[computed.cells] = delimiter + buffer.getvalue()
        write(suffix)


class _LfWriter:
    """CSV rows ended by LF, with every cell that holds a CR or an LF quoted.

    Python 3.11's csv writer quotes a line break only when it is part of its own line
    terminator: with "\n", a cell holding a lone "\r" would be written bare, and every reader
    (ours, a spreadsheet) would split the row there. So rows are formatted with "\r\n", which
    quotes both, and written with "\n".
    """

    def __init__(self, out: IO[str], delimiter: str) -> None:
        self._write = out.write
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, delimiter=delimiter, lineterminator="\r\n")

    def writerow(self, cells: Iterable[str]) -> None:
        buffer = self._buffer
        buffer.seek(0)
        buffer.truncate()
        self._writer.writerow(cells)
        self._write(buffer.getvalue()[:-2] + "\n")


def _json_object(table: Table, row: InRow, computed: Computed) -> dict[str, Any]:
    obj = dict(row.obj) if row.obj is not None else dict(zip(table.names, row.values, strict=True))
    obj.update(computed.fields)
    return obj


def write_jsonl(out: IO[str], table: Table, pairs: Iterable[tuple[InRow, Computed]]) -> None:
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    for row, computed in pairs:
        out.write(dumps(_json_object(table, row, computed)))
        out.write("\n")


def write_json(out: IO[str], table: Table, pairs: Iterable[tuple[InRow, Computed]]) -> None:
    """One JSON array, streamed: '[', the objects one per line separated by commas, ']'."""
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    out.write("[")
    separator = "\n"
    for row, computed in pairs:
        out.write(separator)
        out.write(dumps(_json_object(table, row, computed)))
        separator = ",\n"
    out.write("]\n" if separator == "\n" else "\n]\n")


# ---------------------------------------------------------------------------------------------
# A run


def open_source(binary: IO[bytes], input_format: str, output_format: str, label: str) -> Source:
    if input_format == "jsonl":
        return read_jsonl(binary, label=label, fixed_columns=output_format == "csv")
    return read_csv(binary, label=label, unique_names=output_format != "csv")


def run(
    source: Source,
    out: IO[str],
    output_format: str,
    calculator: Calculator,
    *,
    progress: Callable[[int], None] | None = None,
    on_ok: Callable[[InRow, Computed], None] | None = None,
) -> Summary:
    """Stream every row of ``source`` to ``out``; the summary counts rows by status.

    ``on_ok`` is called with each ``ok`` row as it goes by (``--ics`` adds its event)."""
    counts = dict.fromkeys(STATUSES, 0)
    pairs = compute_rows(source, calculator, counts)
    if progress is not None:
        pairs = _reporting(pairs, progress)
    if on_ok is not None:
        pairs = _each_ok(pairs, on_ok)
    if output_format == "csv":
        write_csv(out, source.table, pairs, text_values=source.text_values)
    elif output_format == "jsonl":
        write_jsonl(out, source.table, pairs)
    else:
        write_json(out, source.table, pairs)
    return Summary(
        rows=sum(counts.values()),
        ok=counts["ok"],
        pending=counts["pending"],
        errors=counts["error"],
        messages=calculator.messages(),
    )


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
    """``--ics``: the calendar event of each ``ok`` row, handed to ``add`` as the row goes by.

    The event is the one ``penetapan deadline --region REGION --ics`` gives for the row's
    outcome and date, titled with the row's region (and outcome), with the row's case number
    in its description and its UID key. The key leaves out the date when a region is given, so
    a corrected date updates the event on re-import. Every ``ok`` row gets its own event: a row
    whose key was already used in this file (the same rule set, outcome, region and case number,
    or no region and the same date) adds its row number to the key. Only the keys used are kept
    (memory grows by about 200 bytes per event); the events themselves go straight to ``add``.
    """

    def __init__(self, table: Table, *, lang: str, add: Callable[[CalendarEvent], None]) -> None:
        self.table = table
        self.lang = lang
        self.add = add
        self.used: set[str] = set()

    def __call__(self, row: InRow, computed: Computed) -> None:
        from penetapan_cli.compare import Comparison, Option, TriggerKind
        from penetapan_cli.ics import deadline_event

        result, calendar = computed.result, computed.calendar
        assert result is not None
        assert calendar is not None
        option = Option(
            result.rule_set, True, TriggerKind.NOTIFIED, result.notified_on, result, True
        )
        event = deadline_event(
            Comparison((option,)),
            notified=result.notified_on,
            lang=self.lang,
            region=self.cell(row, "region") or None,
            calendar=calendar,
            case_number=self.cell(row, "case_number") or None,
        )
        assert event is not None  # an ok row has a deadline
        key = event.key
        while key in self.used:
            key = f"{key}|row:{row.number}"
        self.used.add(key)
        self.add(event if key == event.key else dataclasses.replace(event, key=key))

    def cell(self, row: InRow, column: str) -> str:
        """The text of ``column`` (canonical name) in ``row``; empty when absent."""
        if row.obj is not None:  # JSON Lines: any line may have keys that line 1 lacks
            value = next(
                (v for k, v in row.obj.items() if _CANONICAL.get(column_key(k)) == column), None
            )
        else:
            position = self.table.positions.get(column)
            value = None if position is None else row.values[position]
        text = " ".join(_text(value).split())
        # A lone surrogate (from a JSON escape) cannot be written as UTF-8: keep it as the escape.
        return text.encode("utf-8", OUTPUT_ERRORS).decode("utf-8")


def format_for(path: str | None) -> str:
    """The input format from a file name: JSON Lines for .jsonl/.ndjson, else CSV (and stdin)."""
    if path is None:
        return "csv"
    suffix = Path(path).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        raise InputError(
            f"input {path!r}: a JSON array is not read; give JSON Lines (one object per line) "
            "with --input-format jsonl"
        )
    if suffix in (".xlsx", ".xls", ".ods"):
        raise InputError(
            f"input {path!r}: spreadsheet files are not read; save the sheet as CSV UTF-8"
        )
    return "csv"


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


# ---------------------------------------------------------------------------------------------
# Output files


def same_file(input_path: Path, output_path: Path) -> bool:
    if input_path.resolve() == output_path.resolve():
        return True
    try:
        return os.path.samefile(input_path, output_path)
    except OSError:
        return False


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` only when complete: written beside it, synced to
    disk, then renamed over it. On any error or interruption the partial file is removed and
    whatever was at ``path`` before is left as it was."""
    target = path.resolve()
    if target.is_dir():
        raise InputError(f"cannot write {str(path)!r}: it is a directory")
    if not target.parent.is_dir():
        raise InputError(f"cannot write {str(path)!r}: directory {str(path.parent)!r} not found")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise InputError(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
    try:
        with open(fd, "w", encoding="utf-8", errors=OUTPUT_ERRORS, newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):  # reading errors arrive as InputError: this is writing
            raise InputError(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _mode_for(target: Path) -> int:
    """The file mode of the file being replaced, else the default one under the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
