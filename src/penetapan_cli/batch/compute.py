"""Per-row deadlines for a batch: one Calculator per run, a bounded cache, message tallies."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from penetapan_cli.core.calendar import NonWorkingDay, WorkCalendar, YearSource
from penetapan_cli.core.compliance import check_declared, judge
from penetapan_cli.core.dates import parse_date
from penetapan_cli.core.deadline import DeadlineResult, compute_deadline
from penetapan_cli.core.errors import InputError, PenetapanError
from penetapan_cli.core.facts import fact
from penetapan_cli.core.outcomes import parse_outcome
from penetapan_cli.core.rules import RuleSet, Text, Unit
from penetapan_cli.messages import CLOSURES_CALENDAR_DAYS, LABELS, rows_from
from penetapan_cli.options import OPTION_NAMES
from penetapan_cli.sources.holidays import holidays_package_year

if TYPE_CHECKING:
    from penetapan_cli.core.compliance import Verdict
from penetapan_cli.batch.columns import _BOOLEANS, CACHE_SIZE, Blank, neutralise, result_columns
from penetapan_cli.batch.read import InRow, Source

# ---------------------------------------------------------------------------------------------
# Computing

NAMES = {**OPTION_NAMES, "declared": "declared_on"}
"""A row's error names its declared_on column, and every other fact as the command line does."""


@dataclasses.dataclass(frozen=True)
class Computed:
    """The result columns of one row, ready for each output format."""

    status: str
    cells: tuple[str, ...]  # CSV: deadline, status, days_left, rule, citation, error
    # (then compliance, days_late when the input has a declared_on column)
    fields: Mapping[str, Any]  # JSON: the same, with null and integers
    notes: tuple[tuple[tuple[str, str], Text], ...] = ()  # ((kind, English text), text)
    # For the calendar export (--ics): the result and the calendar it was counted with.
    result: DeadlineResult | None = dataclasses.field(default=None, compare=False)
    calendar: WorkCalendar | None = dataclasses.field(default=None, compare=False)
    compliance: str | None = None  # the verdict on the row's declared_on, for the tallies

    @classmethod
    def failed(cls, message: str, *, declared: bool = False) -> Computed:
        fields = dict.fromkeys(result_columns(declared))
        fields.update(status="error", error=message)
        cells = ("", "error", "", "", "", neutralise(message))
        return cls("error", (*cells, "", "") if declared else cells, fields)

    @classmethod
    def blank(cls, *, declared: bool = False) -> Computed:
        """A row that holds nothing: no result, no error."""
        fields = dict.fromkeys(result_columns(declared))
        fields.update(status="blank")
        cells = ("", "blank", "", "", "", "")
        return cls("blank", (*cells, "", "") if declared else cells, fields)

    @classmethod
    def of(
        cls,
        result: DeadlineResult,
        rule_set: RuleSet,
        calendar: WorkCalendar | None = None,
        *,
        declared: bool = False,
        verdict: Verdict | None = None,
        warnings: tuple[Text, ...] = (),
    ) -> Computed:
        """``declared``: the input has a declared_on column (``verdict`` None: an empty cell)."""
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
        cells: tuple[str, ...] = (
            deadline or "",
            result.status,
            "" if result.days_left is None else str(result.days_left),  # a number: kept as is
            neutralise(rule),
            neutralise(citation),
            "",
        )
        compliance = None
        if declared:
            days_late = verdict.days_late if verdict is not None else None
            compliance = verdict.compliance.value if verdict is not None else None
            fields |= {"compliance": compliance, "days_late": days_late}
            cells += (compliance or "", "" if days_late is None else str(days_late))
        notes = [("warning", t) for t in (*result.warnings, *warnings)]
        notes += [("notice", t) for t in result.notices]
        if result.deadline is None and result.rule.follow_up:
            notes.append(("follow_up", result.rule.follow_up))
        texts = tuple(((kind, t["en"]), t) for kind, t in notes)
        return cls(result.status, cells, fields, texts, result, calendar, compliance)


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
        self.declared = False  # the input has a declared_on column (set by the run)

    def failed(self, message: str) -> Computed:
        """An error row, with the columns this input's output has."""
        return Computed.failed(message, declared=self.declared)

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
            declared_on = self._declared_on(fields.get("declared_on", ""))
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
            return self.failed(exc.message(NAMES))
        verdict = None
        if declared_on is not None:
            verdict = judge(declared_on, result.deadline, notified_on)
        ignored = bool(self.closures) and result.ignores_closures
        return Computed.of(
            result,
            self.rule_set,
            calendar,
            declared=self.declared,
            verdict=verdict,
            warnings=(CLOSURES_CALENDAR_DAYS,) * ignored,
        )

    def _declared_on(self, text: str) -> dt.date | None:
        """The row's declaration date; None for an empty cell or without the column."""
        if not self.declared or not text.strip():
            return None
        try:
            declared_on = parse_date(text, today=self.today)
        except InputError as exc:
            raise type(exc)(f"{fact('declared')}: {exc}") from None
        check_declared(declared_on, self.as_of)
        return declared_on

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
    compliance: Mapping[str, int] | None = None  # with a declared_on column: rows by verdict
    blank: int = 0

    def line(self) -> str:
        line = (
            f"rows={self.rows} ok={self.ok} pending={self.pending} errors={self.errors} "
            f"blank={self.blank}"
        )
        if self.compliance is not None:
            line += "".join(f" {k.replace('-', '_')}={n}" for k, n in self.compliance.items())
        return line

    def report(self, lang: str) -> list[str]:
        """The lines for stderr: each distinct warning, notice and next step with the rows it
        concerns, then the one-line summary."""
        keys = {
            "warning": "warning_label",
            "notice": "notice_label",
            "follow_up": "next_step_label",
        }
        lines = [
            f"{LABELS[keys[m.kind]][lang]} ({rows_from(m.rows, m.first_row, lang)}): {m.text[lang]}"
            for m in self.messages
        ]
        lines.append(f"penetapan batch: {self.line()}")
        return lines


def compute_rows(
    source: Source, calculator: Calculator, counts: dict[str, int]
) -> Iterator[tuple[InRow, Computed]]:
    """Pair each input row with its result, in order; ``counts`` tallies the statuses."""
    key_fields = source.key_fields
    cache = calculator.cache
    add = calculator.add
    blank = Computed.blank(declared=calculator.declared)
    for row in source.rows:
        if row.problem is None:
            entry = cache.get(row.key)
            if entry is None:
                entry = add(key_fields, row.key, row.number)
            entry.uses += 1
            computed = entry.computed
        elif type(row.problem) is Blank:
            computed = blank
        else:
            computed = calculator.failed(row.problem)
        counts[computed.status] += 1
        if computed.compliance is not None:
            counts[computed.compliance] += 1
        yield row, computed
