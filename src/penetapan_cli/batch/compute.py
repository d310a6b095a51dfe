"""Per-row deadlines for a batch: one Calculator per run, bounded caches, message tallies.

A row's result depends on a few texts (outcome, notified_on, basis, no_cuti_bersama and
declared_on). They are read once per distinct text, in bounded caches: the outcome, basis and
no_cuti_bersama texts together into a plan (rule and notices, basis, calendar), the date text
into the list of that day's results, one per plan. The result is computed once per plan and
day (and declaration date). So a file whose texts never repeat (any day of several years,
several spellings) costs about as much per row as one that repeats a few dates, and a known
row costs two look-ups. No cache empties itself when full: it drops one entry."""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from penetapan_cli.batch.columns import _BOOLEANS, CACHE_SIZE, Blank
from penetapan_cli.batch.computed import DECIDED_COLUMN, Computed, Shared
from penetapan_cli.batch.read import InRow, Source
from penetapan_cli.batch.summary import Message
from penetapan_cli.core.calendar import NonWorkingDay, WorkCalendar, YearSource
from penetapan_cli.core.compare import check_decided
from penetapan_cli.core.compliance import check_declared, judge
from penetapan_cli.core.dates import parse_date
from penetapan_cli.core.deadline import compute_deadline
from penetapan_cli.core.errors import DateInputError, InputError, PenetapanError
from penetapan_cli.core.facts import fact
from penetapan_cli.core.outcomes import Outcome, parse_outcome
from penetapan_cli.core.rules import Rule, RuleSet, Text, Unit
from penetapan_cli.messages import (
    BATCH_MONTH_FIRST,
    CLOSURES_CALENDAR_DAYS,
    error_text,
    render_message,
)
from penetapan_cli.options import OPTION_NAMES
from penetapan_cli.sources.holidays import holidays_package_year

RESULT_CACHE_SIZE = 49_152
"""Results remembered, one per plan (rule and notices, basis, calendar) and day: sixteen
years of dates on three rules and two bases is about 35,000. A full cache holds about 40 MiB;
with the date texts' cache full too, a run over every day of 2000-2100 peaks under 100 MiB
(docs/performance.md)."""
TEXT_CACHE_SIZE = 65_536
"""Distinct texts remembered: plan texts (outcome, basis, no_cuti_bersama), dates, declared_on."""
_UNREAD = object()  # a text not in its cache yet

NAMES = {**OPTION_NAMES, "declared": "declared_on", "decided": DECIDED_COLUMN}
"""A row's error names its declared_on and decided_on columns, and every other fact as the
command line does."""


def _prefixed(exc: InputError, name: str) -> InputError:
    """``exc`` naming the column it was read from; a date's other reading kept."""
    prefixed = type(exc)("option.prefixed", option=fact(name), error=exc.msg)
    if isinstance(exc, DateInputError):
        prefixed.other_order = exc.other_order  # type: ignore[attr-defined]
    return prefixed


# ---------------------------------------------------------------------------------------------
# Computing


def _first(day: list[Any] | None) -> dt.date | None:
    """The date of a day's list, if it was read."""
    return None if day is None else day[0]


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


class _Plan:
    """What a result takes from everything but its dates: a group of outcomes, a basis and a
    calendar. Its ``number`` is its place in each day's list of results (``Calculator.dates``)."""

    __slots__ = ("basis", "cuti", "group", "number")

    def __init__(self, number: int, group: _Group, basis: Unit | None, cuti: bool) -> None:
        self.number = number
        self.group = group
        self.basis = basis
        self.cuti = cuti


_BASIS_CODES: dict[Unit | None, int] = {None: 0, Unit.CALENDAR: 1, Unit.WORKING: 2}
_BASES: tuple[Unit | None, ...] = (None, Unit.CALENDAR, Unit.WORKING)
_ERROR_TALLY, _BLANK_TALLY = 0, 1  # the tallies of rows in error and of blank rows


class Calculator:
    """Per-row deadlines for one run: one rule set, at most two calendars, bounded caches.

    The calendars (cuti bersama as holidays, and as working days for rows that say
    ``no_cuti_bersama``) are built on first use and then shared by every row. ``strict``
    (``--strict``): a row whose working-day count touches a year without decreed holiday data
    is an error row with the message ``penetapan deadline --strict`` gives, not a warning.
    ``events`` (``--ics``): each result keeps the count it comes from and its calendar, which
    the calendar events are made from; without it they are not kept (a tenth of a run's
    memory when its caches are full).

    A row's texts are read in two parts, each remembered in a bounded cache that drops its
    oldest entry when full (never all of them): ``plans``, its outcome, basis and
    no_cuti_bersama texts read into a plan (a group of outcomes sharing a rule and its notices,
    a basis, a calendar), and ``dates``, its notified_on text read into the list of results of
    that day, one per plan (texts naming the same day share it). A result is computed once per
    plan and day (at most ``result_cache_size`` are kept), so that a row whose texts have been
    seen costs two look-ups, whether its texts repeat often or not. With a declared_on column,
    ``results`` keeps the results by plan, day and declaration date. ``cache`` (least recently
    used, ``cache_size`` entries) keeps the results of rows in error, which no stage keeps.

    Rows are counted per tally (status, compliance and messages of a result), in
    ``tally_rows``, by the number each result carries: one list increment per row.
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
        events: bool = True,
    ) -> None:
        self.lang = lang  # of the error column: machine output, English unless asked
        self.events = events
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
        self.plans: dict[tuple[str, str, str], int] = {}  # texts -> plan number
        self.dates: dict[str, list[Any]] = {}  # text -> [date, result of plan 1, plan 2...]
        self.declared_on: dict[str, dt.date | None] = {}
        self.decided_on: dict[str, dt.date | None] = {}
        self.results: dict[tuple[int, dt.date, dt.date | None, dt.date | None], Computed] = {}
        self.calendars: dict[bool, WorkCalendar] = {}
        self._days: dict[dt.date, list[Any]] = {}  # the lists of ``dates``, by day
        self._kept: collections.deque[tuple[list[Any], int]] = collections.deque()
        self._plans: dict[tuple[int, int, bool], _Plan] = {}
        self._plan_list: list[_Plan | None] = [None]  # numbers start at 1
        self._groups: dict[Outcome, _Group] = {}
        # What results of one plan with the same warnings share (Computed.of's ``shared``).
        self._shared: dict[tuple[int, tuple[Any, ...], bool], Shared] = {}
        self._group_list: list[_Group] = []
        # Rows counted per tally, and each message's text and first row.
        self.tally_rows: list[int] = []
        self._tallies: dict[tuple[str, str | None, tuple[tuple[str, str], ...]], int] = {}
        self._tally_keys: list[tuple[str, str | None, tuple[tuple[str, str], ...]]] = []
        self._messages: dict[tuple[str, str], tuple[Text, int]] = {}
        for status in ("error", "blank"):  # _ERROR_TALLY, _BLANK_TALLY
            self._tallies[status, None, ()] = len(self._tally_keys)
            self._tally_keys.append((status, None, ()))
            self.tally_rows.append(0)
        self.declared = False  # the input has a declared_on column (set by the run)
        # Each distinct error message of the run: [first row, rows], in order of first row.
        self.errors: dict[str, list[int]] = {}

    def _tally(self, computed: Computed) -> Computed:
        """Give ``computed`` the number of its tally (status, compliance, messages)."""
        key = (computed.status, computed.compliance, computed.note_keys)
        number = self._tallies.get(key)
        if number is None:
            number = self._tallies[key] = len(self._tally_keys)
            self._tally_keys.append(key)
            self.tally_rows.append(0)
        computed.tally = number
        return computed

    def failed(self, message: str, trigger_date: dt.date | None = None) -> Computed:
        """An error row, with the columns this input's output has."""
        computed = Computed.failed(message, trigger_date, declared=self.declared)
        computed.tally = _ERROR_TALLY
        return computed

    def blank(self) -> Computed:
        computed = Computed.blank(declared=self.declared)
        computed.tally = _BLANK_TALLY
        return computed

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

    def _plan(self, group: _Group, basis: Unit | None, cuti: bool) -> int:
        key = (group.number, _BASIS_CODES[basis], cuti)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = _Plan(len(self._plan_list), group, basis, cuti)
            self._plan_list.append(plan)
        return plan.number

    def _day(self, date: dt.date) -> list[Any]:
        day = self._days.get(date)
        if day is None:
            day = [date]
            _remember(self._days, date, day, self.text_cache_size)
        return day

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
        row's message), through ``plans`` and ``dates``; the result is that of its plan in
        the day's list (or in ``results``, with a declared_on column)."""
        size = self.text_cache_size
        texts = (fields["outcome"], fields.get("basis", ""), fields.get("no_cuti_bersama", ""))
        day: list[Any] | None = None
        try:
            number = self.plans.get(texts)
            group = None
            if number is None:
                try:
                    group = self._group(parse_outcome(texts[0]))
                except PenetapanError as exc:
                    with contextlib.suppress(PenetapanError):  # trigger_date shows what was read
                        day = self._date(fields["notified_on"])
                    raise exc from None
            day = self._date(fields["notified_on"])
            if group is not None:
                basis = self._basis(texts[1])
                number = self._plan(group, basis, self._no_cuti_bersama(texts[2]))
                _remember(self.plans, texts, number, size)
            assert number is not None
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
                checked = self._plan_list[number]
                assert checked is not None
                check_decided(checked.group.outcome, day[0], decided_on)
        except PenetapanError as exc:
            failed = self.failed(error_text(exc, self.lang, NAMES), _first(day))
            if getattr(exc, "other_order", None) == "mdy" and self.date_order == "dmy":
                note = ("warning", BATCH_MONTH_FIRST["en"])
                failed.notes, failed.note_keys = ((note, BATCH_MONTH_FIRST),), (note,)
                self._tally(failed)
            return failed
        plan = self._plan_list[number]
        assert plan is not None
        date = day[0]
        if self.declared or "decided_on" in fields:  # as compute_rows looks them up
            key = (number, date, declared_on, decided_on)
            computed = self.results.get(key)
            if computed is None:
                computed = self._result(plan, date, declared_on, decided_on)
                _remember(self.results, key, computed, self.result_cache_size)
            return computed
        computed = day[number] if number < len(day) else None
        return self._keep(day, number) if computed is None else computed

    def _keep(self, day: list[Any], number: int) -> Computed:
        """The result of plan ``number`` on ``day``, computed and kept in the day's list."""
        plan = self._plan_list[number]
        assert plan is not None
        computed = self._result(plan, day[0], None)
        if number >= len(day):
            day.extend([None] * (number + 1 - len(day)))
        day[number] = computed
        kept = self._kept
        kept.append((day, number))
        if len(kept) > self.result_cache_size:  # the oldest result goes; never all
            old, at = kept.popleft()
            old[at] = None
        return computed

    def fill(self, day: list[Any], number: int, row: int) -> Computed:
        """A row whose texts are known (its plan ``number`` and its ``day``) but whose result
        is not kept: computed without reading its texts again."""
        computed = self._keep(day, number)
        for note, text in computed.notes:
            self._messages.setdefault(note, (text, row))
        return computed

    def _date(self, text: str) -> list[Any]:
        """The list of a date text's day (its date first), read in the run's --date-order,
        through ``dates``."""
        day = self.dates.get(text)
        if day is None:
            day = self._day(parse_date(text, today=self.today, order=self.date_order))
            _remember(self.dates, text, day, self.text_cache_size)
        return day

    def day_of(self, text: str) -> list[Any] | None:
        """The list of a date text's day, as ``_date`` reads it; None when the text is not a
        date (``add`` then reads the row again and gives its message)."""
        try:
            return self._date(text)
        except PenetapanError:
            return None

    def _declared_on(self, text: str) -> dt.date | None:
        """The row's declaration date; None for an empty cell."""
        if not text.strip():
            return None
        try:
            declared_on = parse_date(text, today=self.today, order=self.date_order)
        except InputError as exc:
            raise _prefixed(exc, "declared") from None
        check_declared(declared_on, self.as_of)
        return declared_on

    def _decided_on(self, text: str) -> dt.date | None:
        """The row's date of the reading of the decision; None for an empty cell."""
        if not text.strip():
            return None
        try:
            return parse_date(text, today=self.today, order=self.date_order)
        except InputError as exc:
            raise _prefixed(exc, "decided") from None

    def _result(
        self,
        plan: _Plan,
        date: dt.date,
        declared_on: dt.date | None,
        decided_on: dt.date | None = None,
    ) -> Computed:
        """As ``deadline --decided`` counts: from both triggers when the reading is earlier
        than the notification, the deadline being the safe (earlier) one, the declaration
        judged against it and the earliest trigger (core/compare.py, core/compliance.py)."""
        outcome = plan.group.outcome
        calendar = self.calendars.get(plan.cuti) or self.calendar(plan.cuti)
        rule_set, basis, as_of, strict = self.rule_set, plan.basis, self.as_of, self.strict
        triggers: tuple[dt.date, ...] = (date,)
        if decided_on is not None and decided_on != date:
            triggers = (decided_on, date)  # the reading first, as deadline --decided
        try:
            results = [
                compute_deadline(
                    outcome,
                    trigger,
                    rule_set=rule_set,
                    calendar=calendar,
                    basis=basis,
                    as_of=as_of,
                    strict=strict,
                    trace=False,
                )
                for trigger in triggers
            ]
        except PenetapanError as exc:  # CoverageError (--strict) included
            return self.failed(error_text(exc, self.lang, NAMES), date)
        result = results[0]
        if len(results) > 1:
            # One rule set: the earlier trigger gives the earlier (safe) deadline; its result
            # is the row's, with every trigger's warnings, as the deadline card lists them.
            result = min(results, key=lambda r: (r.deadline is None, r.deadline or date))
            warnings = tuple(dict.fromkeys(w for r in results for w in r.warnings))
            result = result._replace(warnings=warnings)
        verdict = None
        if declared_on is not None:
            verdict = judge(declared_on, result.deadline, triggers[0])
        ignored = bool(self.closures) and result.ignores_closures
        key = (plan.number, result.warnings, ignored)
        shared = self._shared.get(key)
        if shared is None:
            own = (CLOSURES_CALENDAR_DAYS,) * ignored
            shared = Shared.of(result, self.rule_set, own)
            _remember(self._shared, key, shared, self.text_cache_size)
        computed = Computed.of(
            result, shared, calendar, declared=self.declared, verdict=verdict, keep=self.events
        )
        return self._tally(computed)

    def add(self, key_fields: tuple[str, ...], key: tuple[str, ...], row: int) -> Computed:
        """The result of ``key`` (first seen at ``row``); its messages are the run's from
        ``row`` on, unless an earlier row had them. A row in error is kept in ``cache``: when
        it is full, its least recently used entry leaves it."""
        cache = self.cache
        computed = cache.get(key)
        if computed is not None:
            cache.move_to_end(key)
            return computed
        computed = self.compute(dict(zip(key_fields, key, strict=True)))
        if computed.tally < 0:  # a result made outside ``_result`` (a test's)
            self._tally(computed)
        if computed.status == "error":
            if len(cache) >= self.cache_size:
                cache.popitem(last=False)
            cache[key] = computed
        for note, text in computed.notes:
            self._messages.setdefault(note, (text, row))
        return computed

    def messages(self) -> list[Message]:
        """Each distinct warning, notice and follow-up of the run, with its first row."""
        rows = dict.fromkeys(self._messages, 0)
        for (_, _, note_keys), count in zip(self._tally_keys, self.tally_rows, strict=True):
            for note in note_keys:
                rows[note] += count
        order = {"warning": 0, "notice": 1, "follow_up": 2}
        found = [
            Message(kind, text, first, rows[kind, english])
            for (kind, english), (text, first) in self._messages.items()
        ]
        return sorted(found, key=lambda m: (order[m.kind], m.first_row))

    def counts(self, since: Sequence[int], counts: dict[str, int]) -> None:
        """Add to ``counts`` the rows of each status and verdict counted since ``since``."""
        for i, (status, compliance, _) in enumerate(self._tally_keys):
            rows = self.tally_rows[i] - (since[i] if i < len(since) else 0)
            if rows:
                counts[status] += rows
                if compliance is not None:
                    counts[compliance] += rows


def compute_rows(
    source: Source, calculator: Calculator, counts: dict[str, int]
) -> Iterator[tuple[InRow, Computed]]:
    """Pair each input row with its result, in order; ``counts`` tallies the statuses (once
    the last row is through).

    A row whose plan texts and date text are in the calculator's caches, and whose result is
    kept, is served here with two look-ups and counted with one list increment; a row whose
    plan texts are known and whose date text is new has its date read here; any other goes
    through ``Calculator.add`` (a row in error, kept in ``Calculator.cache``, is not read
    again)."""
    key_fields = source.key_fields
    at = {name: i for i, name in enumerate(key_fields)}
    at_outcome, at_date = at["outcome"], at["notified_on"]
    at_basis, at_cuti = at.get("basis"), at.get("no_cuti_bersama")
    at_declared = at.get("declared_on") if calculator.declared else None
    at_decided = at.get("decided_on")
    general = at_declared is not None or at_decided is not None  # results by plan and dates
    plans, dates = calculator.plans, calculator.dates
    declared, results = calculator.declared_on, calculator.results
    decided, errors = calculator.decided_on, calculator.errors
    tally_rows, add, fill = calculator.tally_rows, calculator.add, calculator.fill
    day_of, failed = calculator.day_of, calculator.cache
    since = list(tally_rows)
    blank = calculator.blank()
    for row in source.rows:
        if row.problem is None:
            key = row.key
            number = plans.get(
                (
                    key[at_outcome],
                    "" if at_basis is None else key[at_basis],
                    "" if at_cuti is None else key[at_cuti],
                )
            )
            day = dates.get(key[at_date])
            if day is None and number is not None and not general and key not in failed:
                day = day_of(key[at_date])  # a new date text with known plan texts
            computed = None
            if number is not None and day is not None:
                if not general:
                    computed = day[number] if number < len(day) else None
                    if computed is None:
                        computed = fill(day, number, row.number)
                else:
                    declared_on = decided_on = None
                    if at_declared is not None:
                        declared_on = declared.get(key[at_declared], _UNREAD)
                    if at_decided is not None:
                        decided_on = decided.get(key[at_decided], _UNREAD)
                    if declared_on is not _UNREAD and decided_on is not _UNREAD:
                        dates_key = (number, day[0], declared_on, decided_on)
                        computed = results.get(dates_key)  # type: ignore[arg-type]
            if computed is None:
                computed = add(key_fields, key, row.number)
        elif type(row.problem) is Blank:
            computed = blank
        else:
            problem = row.problem
            text = problem if isinstance(problem, str) else render_message(problem, calculator.lang)
            computed = calculator.failed(text)
        tally_rows[computed.tally] += 1
        if computed.status == "error":  # each distinct message: [first row, rows]
            errors.setdefault(computed.fields["error"], [row.number, 0])[1] += 1
        yield row, computed
    calculator.counts(since, counts)
