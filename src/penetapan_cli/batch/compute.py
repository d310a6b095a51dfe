"""Per-row deadlines for a batch: one Calculator per run, bounded caches, message tallies.

A row's result depends on a few texts (outcome, notified_on, basis, no_cuti_bersama and
declared_on). Each is read once per distinct text, in its own bounded cache, into a normalised
value; the result is then computed once per normalised key: (rule and notices, date, basis,
calendar, declaration date). So a file whose texts never repeat (any day of several years,
several spellings) costs about as much per row as one that repeats a few dates. No cache
empties itself when full: it drops one entry.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from penetapan_cli.batch.columns import _BOOLEANS, CACHE_SIZE, Blank, neutralise, result_columns
from penetapan_cli.batch.read import InRow, Source
from penetapan_cli.core.calendar import NonWorkingDay, WorkCalendar, YearSource
from penetapan_cli.core.compare import check_decided
from penetapan_cli.core.compliance import check_declared, judge
from penetapan_cli.core.dates import parse_date
from penetapan_cli.core.deadline import DeadlineResult, compute_deadline
from penetapan_cli.core.errors import DateInputError, InputError, PenetapanError
from penetapan_cli.core.facts import fact
from penetapan_cli.core.outcomes import Outcome, parse_outcome
from penetapan_cli.core.rules import Rule, RuleSet, Text, Unit
from penetapan_cli.messages import (
    BATCH_MONTH_FIRST,
    CLOSURES_CALENDAR_DAYS,
    LABELS,
    error_text,
    render_message,
    rows_from,
    texts_of,
)
from penetapan_cli.options import OPTION_NAMES
from penetapan_cli.sources.holidays import holidays_package_year

if TYPE_CHECKING:
    from penetapan_cli.core.compliance import Verdict

RESULT_CACHE_SIZE = 65_536
"""Results remembered per normalised key (rule and notices, date, basis, calendar): sixteen
years of dates on three rules and two bases is about 35,000 keys."""
TEXT_CACHE_SIZE = 65_536
"""Distinct outcome, date, basis, no_cuti_bersama and declared_on texts remembered, per column."""
_UNREAD = object()  # a text not in its cache yet

NAMES = {**OPTION_NAMES, "declared": "declared_on", "decided": "decided_on"}
"""A row's error names its declared_on and decided_on columns, and every other fact as the
command line does."""


def _prefixed(exc: InputError, name: str) -> InputError:
    """``exc`` naming the column it was read from; a date's other reading kept."""
    prefixed = type(exc)("option.prefixed", option=fact(name), error=exc.msg)
    if isinstance(exc, DateInputError):
        prefixed.other_order = exc.other_order  # type: ignore[attr-defined]
    return prefixed


def _batch_text(text: Text) -> Text:
    """A rule's text as a batch shows it: it names the decided_on column, not ``--decided``
    (an option batch does not have)."""
    option = OPTION_NAMES["decided"]
    if option not in text["en"] and option not in text["id"]:
        return text
    return {lang: t.replace(option, NAMES["decided"]) for lang, t in text.items()}


# ---------------------------------------------------------------------------------------------
# Computing


@dataclasses.dataclass(frozen=True)
class Computed:
    """The result columns of one row, ready for each output format."""

    status: str
    cells: tuple[str, ...]  # CSV: trigger_date, deadline, status, days_left, rule, citation, error
    # (then compliance, days_late when the input has a declared_on column)
    fields: Mapping[str, Any]  # JSON: the same, with null and integers
    notes: tuple[tuple[tuple[str, str], Text], ...] = ()  # ((kind, English text), text)
    note_keys: tuple[tuple[str, str], ...] = ()  # (kind, English text) of each note
    # For the calendar export (--ics): the result and the calendar it was counted with. Rows
    # whose outcomes share a rule and its notices share it: its outcome is the first one seen.
    result: DeadlineResult | None = dataclasses.field(default=None, compare=False)
    calendar: WorkCalendar | None = dataclasses.field(default=None, compare=False)
    compliance: str | None = None  # the verdict on the row's declared_on, for the tallies

    @classmethod
    def failed(
        cls, message: str, trigger_date: dt.date | None = None, *, declared: bool = False
    ) -> Computed:
        """An error row; ``trigger_date`` when the date was read although the row failed."""
        fields = dict.fromkeys(result_columns(declared))
        trigger = trigger_date.isoformat() if trigger_date is not None else None
        fields.update(trigger_date=trigger, status="error", error=message)
        cells = (trigger or "", "", "error", "", "", "", neutralise(message))
        return cls("error", (*cells, "", "") if declared else cells, fields)

    @classmethod
    def blank(cls, *, declared: bool = False) -> Computed:
        """A row that holds nothing: no result, no error."""
        fields = dict.fromkeys(result_columns(declared))
        fields.update(status="blank")
        cells = ("", "", "blank", "", "", "", "")
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
        trigger = result.trigger_date.isoformat()
        fields = {
            "trigger_date": trigger,
            "deadline": deadline,
            "status": result.status,
            "days_left": result.days_left,
            "rule": rule,
            "citation": citation,
            "error": None,
        }
        cells: tuple[str, ...] = (
            trigger,
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
        notes = [("warning", texts_of(m)) for m in result.warnings]
        notes += [("warning", t) for t in warnings]
        notes += [("notice", t) for t in result.notices]
        if result.deadline is None and result.rule.follow_up:
            notes.append(("follow_up", result.rule.follow_up))
        texts = tuple(((kind, t["en"]), t) for kind, t in ((k, _batch_text(t)) for k, t in notes))
        keys = tuple(key for key, _ in texts)
        return cls(result.status, cells, fields, texts, keys, result, calendar, compliance)


@dataclasses.dataclass(frozen=True)
class Message:
    kind: str  # "warning", "notice" or "follow_up"
    text: Text
    first_row: int
    rows: int  # rows computed with it (rows served from the cache included)


def _remember(cache: dict[Any, Any], key: Any, value: Any, size: int) -> None:
    """Put ``key`` in ``cache``; when it is full, its oldest entry goes first (never all)."""
    if len(cache) >= size:
        del cache[next(iter(cache))]
    cache[key] = value


class _Group:
    """What a result takes from its outcome: the rule and the notices. Outcomes that share
    both (dismissed, withdrawn, lapsed...) share their results."""

    __slots__ = ("number", "outcome", "rule")

    def __init__(self, number: int, outcome: Outcome, rule: Rule) -> None:
        self.number = number
        self.outcome = outcome  # the first outcome read with this rule and these notices
        self.rule = rule


_BASIS_CODES: dict[Unit | None, int] = {None: 0, Unit.CALENDAR: 1, Unit.WORKING: 2}
_BASES: tuple[Unit | None, ...] = (None, Unit.CALENDAR, Unit.WORKING)


class Calculator:
    """Per-row deadlines for one run: one rule set, at most two calendars, bounded caches.

    The calendars (cuti bersama as holidays, and as working days for rows that say
    ``no_cuti_bersama``) are built on first use and then shared by every row. ``strict``
    (``--strict``): a row whose working-day count touches a year without decreed holiday data
    is an error row with the message ``penetapan deadline --strict`` gives, not a warning.

    Each stage is remembered on its own key, in a bounded cache that drops its oldest entry
    when full (never all of them): each column's text read into a value (``outcomes``: the
    outcome's group, ``dates``, ``bases``, ``cuti``), and ``results``, the result of a
    normalised key (group of outcomes sharing a rule and its notices, date, basis, calendar).
    A file whose texts never repeat then costs about as much per row as one that repeats a
    few. ``cache`` (least recently used, ``cache_size`` entries) keeps the results of the row
    texts that did not go through those caches (the first of each, and rows in error).
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
        result_cache_size: int = RESULT_CACHE_SIZE,
        text_cache_size: int = TEXT_CACHE_SIZE,
        date_order: str = "dmy",
        lang: str = "en",
    ) -> None:
        self.lang = lang  # of the error column: machine output, English unless asked
        self.rule_set = rule_set
        self.date_order = date_order
        self.strict = strict
        self.today = today
        self.as_of = as_of
        self.basis = basis
        self.no_cuti_bersama = no_cuti_bersama
        self.closures = tuple(closures)
        self.year_source = year_source
        self.cache_size = max(cache_size, 1)
        self.result_cache_size = max(result_cache_size, 1)
        self.text_cache_size = max(text_cache_size, 1)
        self.cache: collections.OrderedDict[tuple[str, ...], Computed] = collections.OrderedDict()
        self.outcomes: dict[str, int] = {}  # text -> group number
        self.dates: dict[str, dt.date] = {}
        self.bases: dict[str, int] = {}  # text -> basis code (_BASES)
        self.cuti: dict[str, bool] = {}
        self.declared_on: dict[str, dt.date | None] = {}
        self.decided_on: dict[str, dt.date | None] = {}
        self.results: dict[
            tuple[int, dt.date, int, bool, dt.date | None, dt.date | None], Computed
        ] = {}
        self.calendars: dict[bool, WorkCalendar] = {}
        # Rows counted per combination of messages, and each message's text and first row.
        self.tallies: dict[tuple[tuple[str, str], ...], int] = {}
        self._messages: dict[tuple[str, str], tuple[Text, int]] = {}
        self._groups: dict[Outcome, _Group] = {}
        self._group_list: list[_Group] = []
        self._pending: dict[int, Computed] = {}
        self.declared = False  # the input has a declared_on column (set by the run)
        # Each distinct error message of the run: [first row, rows], in order of first row.
        self.errors: dict[str, list[int]] = {}

    def failed(self, message: str, trigger_date: dt.date | None = None) -> Computed:
        """An error row, with the columns this input's output has."""
        return Computed.failed(message, trigger_date, declared=self.declared)

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

    def _group(self, outcome: Outcome) -> _Group:
        group = self._groups.get(outcome)
        if group is None:
            rule = self.rule_set.rule_for(outcome)
            notices = rule.notices_for(outcome)
            group = next(
                (
                    g
                    for g in self._group_list
                    if g.rule is rule and rule.notices_for(g.outcome) == notices
                ),
                None,
            )
            if group is None:
                group = _Group(len(self._group_list), outcome, rule)
                self._group_list.append(group)
            self._groups[outcome] = group
        return group

    def _basis(self, text: str) -> Unit | None:
        value = text.strip().lower()
        if not value:
            return self.basis
        if value in ("calendar", "working"):
            return Unit(value)
        raise InputError("batch.basis", text=text.strip()[:64])

    def _no_cuti_bersama(self, text: str) -> bool:
        value = text.strip().lower()
        if not value:
            return self.no_cuti_bersama
        if value in _BOOLEANS:
            return _BOOLEANS[value]
        raise InputError("batch.no_cuti_bersama", text=text.strip()[:64])

    def compute(self, fields: Mapping[str, str]) -> Computed:
        """One row, as ``penetapan deadline`` would compute it; its error message if it fails.

        The texts are read in the order ``deadline`` reads them (the first failure is the
        row's message), each through its cache; the result through ``results``."""
        size = self.text_cache_size
        date: dt.date | None = None
        try:
            text = fields["outcome"]
            number = self.outcomes.get(text)
            if number is None:
                try:
                    number = self._group(parse_outcome(text)).number
                except PenetapanError as exc:
                    with contextlib.suppress(PenetapanError):  # trigger_date shows what was read
                        date = self._date(fields["notified_on"])
                    raise exc from None
                _remember(self.outcomes, text, number, size)
            date = self._date(fields["notified_on"])
            text = fields.get("basis", "")
            code = self.bases.get(text)
            if code is None:
                code = _BASIS_CODES[self._basis(text)]
                _remember(self.bases, text, code, size)
            text = fields.get("no_cuti_bersama", "")
            cuti = self.cuti.get(text)
            if cuti is None:
                cuti = self._no_cuti_bersama(text)
                _remember(self.cuti, text, cuti, size)
            declared_on: dt.date | None = None
            if self.declared:
                text = fields.get("declared_on", "")
                if text in self.declared_on:
                    declared_on = self.declared_on[text]
                else:
                    declared_on = self._declared_on(text)
                    _remember(self.declared_on, text, declared_on, size)
            text = fields.get("decided_on", "")
            if text in self.decided_on:
                decided_on = self.decided_on[text]
            else:
                decided_on = self._decided_on(text)
                _remember(self.decided_on, text, decided_on, size)
            if decided_on is not None:  # as deadline --decided refuses it
                check_decided(self._group_list[number].outcome, date, decided_on)
        except PenetapanError as exc:
            failed = self.failed(error_text(exc, self.lang, NAMES), date)
            if getattr(exc, "other_order", None) == "mdy" and self.date_order == "dmy":
                note = ("warning", BATCH_MONTH_FIRST["en"])
                failed = dataclasses.replace(
                    failed, notes=((note, BATCH_MONTH_FIRST),), note_keys=(note,)
                )
            return failed
        key = (number, date, code, cuti, declared_on, decided_on)
        computed = self.results.get(key)
        if computed is None:
            group = self._group_list[number]
            computed = self._result(group, date, _BASES[code], cuti, declared_on, decided_on)
            _remember(self.results, key, computed, self.result_cache_size)
        return computed

    def _declared_on(self, text: str) -> dt.date | None:
        """The row's declaration date; None for an empty cell."""
        if not text.strip():
            return None
        try:
            declared_on = self._date(text)
        except InputError as exc:
            raise _prefixed(exc, "declared") from None
        check_declared(declared_on, self.as_of)
        return declared_on

    def _decided_on(self, text: str) -> dt.date | None:
        """The row's date of the reading of the decision; None for an empty cell."""
        if not text.strip():
            return None
        try:
            return self._date(text)
        except InputError as exc:
            raise _prefixed(exc, "decided") from None

    def _result(
        self,
        group: _Group,
        date: dt.date,
        basis: Unit | None,
        cuti: bool,
        declared_on: dt.date | None,
        decided_on: dt.date | None = None,
    ) -> Computed:
        """As ``deadline --decided`` counts: from both triggers when the reading is earlier
        than the notification, the deadline being the safe (earlier) one, the declaration
        judged against it and the earliest trigger (core/compare.py, core/compliance.py)."""
        # No count and no declaration to judge: one result whatever the date, basis, calendar.
        shared = group.rule.days is None and declared_on is None and decided_on is None
        if shared:
            pending = self._pending.get(group.number)
            if pending is not None:
                return pending
        calendar = self.calendar(cuti)
        triggers = [date]
        if decided_on is not None and decided_on != date:
            triggers.insert(0, decided_on)  # the reading first, as deadline --decided
        try:
            results = [
                compute_deadline(
                    group.outcome,
                    trigger,
                    rule_set=self.rule_set,
                    calendar=calendar,
                    basis=basis,
                    as_of=self.as_of,
                    strict=self.strict,
                    trace=False,
                )
                for trigger in triggers
            ]
        except PenetapanError as exc:  # CoverageError (--strict) included
            return self.failed(error_text(exc, self.lang, NAMES), date)
        # One rule set: the earlier trigger gives the earlier (safe) deadline; its result is
        # the row's, with every trigger's warnings, as the deadline card lists them.
        result = min(results, key=lambda r: (r.deadline is None, r.deadline or date))
        if len(results) > 1:
            warnings = tuple(dict.fromkeys(w for r in results for w in r.warnings))
            result = result._replace(warnings=warnings)
        verdict = None
        if declared_on is not None:
            verdict = judge(declared_on, result.deadline, triggers[0])
        ignored = bool(self.closures) and result.ignores_closures
        computed = Computed.of(
            result,
            self.rule_set,
            calendar,
            declared=self.declared,
            verdict=verdict,
            warnings=(CLOSURES_CALENDAR_DAYS,) * ignored,
        )
        if shared:
            self._pending[group.number] = computed
        return computed

    def _date(self, text: str) -> dt.date:
        """A date text read in the run's --date-order, through its cache."""
        date = self.dates.get(text)
        if date is None:
            date = parse_date(text, today=self.today, order=self.date_order)
            _remember(self.dates, text, date, self.text_cache_size)
        return date

    def add(self, key_fields: tuple[str, ...], key: tuple[str, ...], row: int) -> Computed:
        """The result of ``key`` (first seen at ``row``), kept in ``cache``: when it is full,
        its least recently used entry leaves it."""
        cache = self.cache
        computed = cache.get(key)
        if computed is not None:
            cache.move_to_end(key)
            return computed
        if len(cache) >= self.cache_size:
            cache.popitem(last=False)
        computed = cache[key] = self.compute(dict(zip(key_fields, key, strict=True)))
        if computed.note_keys not in self.tallies:
            self.count(computed, row, 0)
        return computed

    def count(self, computed: Computed, row: int, rows: int = 1) -> None:
        """Count ``rows`` rows for a combination of messages first seen at ``row``."""
        self.tallies[computed.note_keys] = rows
        for note, text in computed.notes:
            self._messages.setdefault(note, (text, row))

    def messages(self) -> list[Message]:
        """Each distinct warning, notice and follow-up of the run, with its first row."""
        rows = dict.fromkeys(self._messages, 0)
        for note_keys, count in self.tallies.items():
            for note in note_keys:
                rows[note] += count
        order = {"warning": 0, "notice": 1, "follow_up": 2}
        found = [
            Message(kind, text, first, rows[kind, english])
            for (kind, english), (text, first) in self._messages.items()
        ]
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
    error_messages: Mapping[str, Sequence[int]] = dataclasses.field(default_factory=dict)
    """Each distinct error message: [first row, rows], in order of first row."""

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
        lines += [
            f"{LABELS['error_label'][lang]} ({rows_from(rows, first, lang)}): {text}"
            for text, (first, rows) in self.error_messages.items()
        ]
        lines.append(f"penetapan batch: {self.line()}")
        return lines


def compute_rows(
    source: Source, calculator: Calculator, counts: dict[str, int]
) -> Iterator[tuple[InRow, Computed]]:
    """Pair each input row with its result, in order; ``counts`` tallies the statuses.

    A row whose texts are all in the calculator's caches, and whose normalised key is in its
    results, is served here with a few dictionary look-ups; any other goes through
    ``Calculator.add``."""
    key_fields = source.key_fields
    at = {name: i for i, name in enumerate(key_fields)}
    at_outcome, at_date = at["outcome"], at["notified_on"]
    at_basis, at_cuti = at.get("basis"), at.get("no_cuti_bersama")
    at_declared = at.get("declared_on") if calculator.declared else None
    at_decided = at.get("decided_on")
    outcomes, dates, bases = calculator.outcomes, calculator.dates, calculator.bases
    cutis, declared, results = calculator.cuti, calculator.declared_on, calculator.results
    decided = calculator.decided_on
    tallies, add, errors = calculator.tallies, calculator.add, calculator.errors
    blank = Computed.blank(declared=calculator.declared)
    for row in source.rows:
        if row.problem is None:
            key = row.key
            number = outcomes.get(key[at_outcome])
            date = dates.get(key[at_date])
            code = bases.get(key[at_basis] if at_basis is not None else "")
            cuti = cutis.get(key[at_cuti] if at_cuti is not None else "")
            declared_on = None if at_declared is None else declared.get(key[at_declared], _UNREAD)
            decided_on = None if at_decided is None else decided.get(key[at_decided], _UNREAD)
            computed = None
            if not (
                number is None
                or date is None
                or code is None
                or cuti is None
                or declared_on is _UNREAD
                or decided_on is _UNREAD
            ):
                row_key = (number, date, code, cuti, declared_on, decided_on)
                computed = results.get(row_key)  # type: ignore[arg-type]
            if computed is None:
                computed = add(key_fields, key, row.number)
            if computed.note_keys:
                try:
                    tallies[computed.note_keys] += 1
                except KeyError:  # a result computed outside this run's rows
                    calculator.count(computed, row.number)
        elif type(row.problem) is Blank:
            computed = blank
        else:
            problem = row.problem
            text = problem if isinstance(problem, str) else render_message(problem, calculator.lang)
            computed = calculator.failed(text)
        counts[computed.status] += 1
        if computed.status == "error":  # each distinct message: [first row, rows]
            errors.setdefault(computed.fields["error"], [row.number, 0])[1] += 1
        if computed.compliance is not None:
            counts[computed.compliance] += 1
        yield row, computed
