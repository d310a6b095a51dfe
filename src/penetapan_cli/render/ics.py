"""Calendar export: one all-day iCalendar event per deadline.

Each event carries the citation and the counting in its description and a reminder on the
working day before. Its UID is derived from what the event is (rule set, outcome, trigger,
region, step), not from when it was written, so importing a file again updates the events
instead of duplicating them. ``ics_lines.py`` writes the events line by line in exactly the
bytes ``icalendar`` writes for the same components (tests compare both and parse every event
back with ``icalendar``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple

from penetapan_cli.core.calendar import WorkCalendar
from penetapan_cli.core.compare import Comparison, Option
from penetapan_cli.core.deadline import DECLARATION_TITLE
from penetapan_cli.core.errors import InputError
from penetapan_cli.core.outcomes import Outcome
from penetapan_cli.core.rules import Citation
from penetapan_cli.messages import LABELS, OUTCOME_NAMES, counting_sentence, format_date, word
from penetapan_cli.render.ics_lines import END, TITLES_KEPT, EventWriter, Lines, header

if TYPE_CHECKING:  # the timeline is loaded only to write its events: a batch does not
    from penetapan_cli.core.timeline import Step
    from penetapan_cli.reports import TimelineReport

# A fixed namespace: the same content gives the same UID on every machine, in every version.
UID_NAMESPACE = "6f1c3c1e-5d0b-5a4e-9a57-70656e657461"  # a UUID, as text
UID_DOMAIN = "penetapan"


@dataclasses.dataclass(frozen=True)
class CalendarEvent:
    """One all-day event; ``key`` identifies what it is and gives the stable UID."""

    key: str
    date: dt.date
    summary: str
    description: str
    reminder_on: dt.date | None = None
    # The description's lines in a few pieces ("\n".join(pieces) == description), the last
    # shared by many events, so that its escaped text is made once (``EventWriter``).
    pieces: tuple[str, ...] | None = dataclasses.field(default=None, compare=False)

    @property
    def uid(self) -> str:
        return f"{uid5(self.key)}@{UID_DOMAIN}"


_NAMESPACE_BYTES = bytes.fromhex(UID_NAMESPACE.replace("-", ""))


# The first hex digit of the variant's octet: its two top bits are 10 (RFC 4122).
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def uid5(key: str) -> str:
    """``str(uuid.uuid5(uuid.UUID(UID_NAMESPACE), key))``, without a UUID object per event or
    the ``uuid`` module (a test compares both): the SHA-1 of the namespace and the key in hex,
    its first 32 digits with the version (5) and the variant set."""
    x = hashlib.sha1(_NAMESPACE_BYTES + key.encode("utf-8")).hexdigest()
    return f"{x[:8]}-{x[8:12]}-5{x[13:16]}-{_VARIANT[x[16]]}{x[17:20]}-{x[20:32]}"


def reminder_day(deadline: dt.date, calendar: WorkCalendar) -> dt.date:
    """The last working day before ``deadline``."""
    return calendar.previous_working_day(deadline)


def _citation_lines(citation: Citation, lang: str) -> list[str]:
    return [
        f"{LABELS['rule'][lang]}: {citation.short()}",
        f"{LABELS['quote'][lang]} ({LABELS[citation.quote][lang]}): \u201c{citation.text}\u201d",
        f"{LABELS['source'][lang]}: {citation.source[lang]}",
    ]


def _title(base: str, region: str | None, outcome: Outcome | None, lang: str) -> str:
    parts = [base]
    if region:
        parts.append(region)
    text = " \u2014 ".join(parts)
    if outcome is not None:
        text += f" ({OUTCOME_NAMES[outcome.value][lang]})"
    return text


def _identity(region: str | None, date: dt.date) -> str:
    """The region when known (a corrected date then updates the event), else the date."""
    return _region_identity(region) or f"date:{date.isoformat()}"


def _region_identity(region: str | None) -> str:
    name = _folded(region)
    return f"region:{name}" if name else ""


def _folded(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def declaration_key(
    rule_set_id: str,
    which: str,
    region: str | None,
    date: dt.date,
    case_number: str | None = None,
) -> str:
    """What a declaration deadline is (rule set, outcome or rule, region or trigger date, and
    the MK case number when known).

    ``deadline`` and ``timeline`` give the same key, so the same deadline is one event; a
    ``batch`` row adds its case number, so that two cases of one region are two events.
    """
    return _key(rule_set_id, which, _identity(region, date), _folded(case_number))


def _key(rule_set_id: str, which: str, identity: str, case: str) -> str:
    key = f"declaration|{rule_set_id}|{which}|{identity}"
    return f"{key}|case:{case}" if case else key


class DeclarationParts(NamedTuple):
    """What the declaration events of one result share, whatever the region, outcome and case
    number of each: ``batch --ics`` builds them once per result, not once per row."""

    rule_set_key: str  # the primary option's rule set, in the UID key
    date: dt.date
    counting: str  # the line after the case number: the count from this trigger date
    shared: str  # the lines after it, the same for every result of a rule and its notices
    reminder_on: dt.date


def declaration_parts(
    comparison: Comparison, *, lang: str, calendar: WorkCalendar, shared: str | None = None
) -> DeclarationParts | None:
    """The parts of ``deadline_event`` that do not depend on the region, the outcome's own
    spelling or the case number; None when there is no date yet. ``shared``: the lines
    ``declaration_shared`` gives for this comparison, when the caller keeps them."""
    safe = comparison.safe
    if safe is None:
        return None
    result = safe.result
    deadline = result.deadline
    if deadline is None:
        return None
    assert result.unit is not None
    assert result.rule.days is not None
    counting = _counting_line(
        counting_sentence(result.rule.days, result.unit, result.rule.count_from, None, lang),
        result.trigger_date,
        result.rule.trigger[lang],
        lang,
    )
    return DeclarationParts(
        comparison.primary.rule_set.key,
        deadline,
        counting,
        declaration_shared(comparison, lang) if shared is None else shared,
        reminder_day(deadline, calendar),
    )


def declaration_shared(comparison: Comparison, lang: str) -> str:
    """The lines of a declaration event after its count: the safe option's citation and rule
    set, the options compared, and its notices. They depend on the rule sets and their rules
    and notices alone, so every result of one rule and its notices shares them."""
    safe = comparison.safe
    assert safe is not None
    result = safe.result
    lines = [
        *_citation_lines(result.rule.citation, lang),
        f"{LABELS['rule_set'][lang]}: {safe.rule_set.id} ({safe.rule_set.status})",
    ]
    if len(comparison.options) > 1:
        lines.append("")
        lines.append(f"{LABELS['comparison_short'][lang]}:")
        lines.extend(_option_line(o, lang) for o in comparison.options)
    lines.extend(f"{LABELS['notice'][lang]}: {n[lang]}" for n in result.notices)
    return "\n".join(lines)


def declaration_event(
    parts: DeclarationParts,
    *,
    outcome: Outcome,
    notified: dt.date,
    lang: str,
    region: str | None,
    case_number: str | None = None,
) -> CalendarEvent:
    """The event of ``parts`` for one region, outcome and case number."""
    case = " ".join((case_number or "").split())
    pieces: tuple[str, ...] = (parts.counting, parts.shared)
    if case:
        pieces = (_case_line(case, lang), *pieces)
    key = declaration_key(parts.rule_set_key, outcome.value, region, notified, case)
    return CalendarEvent(
        key=key,
        date=parts.date,
        summary=_title(word(DECLARATION_TITLE, lang), region, outcome, lang),
        description="\n".join(pieces),
        reminder_on=parts.reminder_on,
        pieces=pieces,
    )


def _case_line(case: str, lang: str) -> str:
    return f"{LABELS['case'][lang]}: {case}"


class ResultEvents(NamedTuple):
    """What the events of one result share in a ``DeclarationEvents`` file."""

    rule_set_key: str
    notified: dt.date  # the trigger date: what tells events without a region apart
    lines: Lines


CASES_KEPT = 16_384  # case numbers remembered with their description lines and key


class DeclarationEvents:
    """``batch --ics``: the declaration event of each row, added to a calendar file as the
    rows go by, in the bytes ``IcsSink.add(declaration_event(...))`` writes for it (a test
    compares both, and with icalendar). What the events of one result share is built once per
    result (``result``), a title once per region and outcome, the start of a description and
    the end of a key once per case number; the UID is the one line each event makes alone.

    Every event gets a key of its own: a key that another event of the file already has (the
    same rule set, outcome, region and case number, or no region and the same date) gets the
    row number added. The keys are kept (memory grows by about 200 bytes per event).
    """

    def __init__(self, sink: IcsSink, lang: str) -> None:
        self._sink = sink
        self._writer = sink.writer
        self._lang = lang
        self._base = word(DECLARATION_TITLE, lang)
        # (region, outcome) -> the title's lines, the outcome's id and the region's identity
        self._titles: dict[tuple[str, Outcome], tuple[tuple[bytes, bytes], str, str]] = {}
        self._cases: dict[str, tuple[bytes, str]] = {}  # -> description head, key's end
        self._used: set[str] = set()

    def result(self, parts: DeclarationParts, notified: dt.date) -> ResultEvents:
        """What the events of ``parts`` share; ``notified``, the trigger date, names an event
        without a region."""
        return ResultEvents(
            parts.rule_set_key,
            notified,
            self._writer.lines(parts.date, parts.reminder_on, (parts.counting,), parts.shared),
        )

    def add(self, result: ResultEvents, outcome: Outcome, region: str, case: str, row: int) -> None:
        """The event of ``result`` for one row: its ``outcome`` and its ``region`` and
        ``case`` number, spaces already collapsed ("" when the row has none)."""
        title = self._titles.get((region, outcome))
        if title is None:
            title = self._new_title(region, outcome)
        title_lines, which, identity = title
        case_lines = self._cases.get(case)
        if case_lines is None:
            case_lines = self._new_case(case)
        head, case_key = case_lines
        key = _key(
            result.rule_set_key, which, identity or _identity(None, result.notified), case_key
        )
        used = self._used
        while key in used:
            key = f"{key}|row:{row}"
        used.add(key)
        self._sink.write(
            self._writer.event(result.lines, title_lines, f"{uid5(key)}@{UID_DOMAIN}", head)
        )

    def _new_title(self, region: str, outcome: Outcome) -> tuple[tuple[bytes, bytes], str, str]:
        if len(self._titles) >= TITLES_KEPT:
            del self._titles[next(iter(self._titles))]  # the oldest; never all of them
        summary = _title(self._base, region, outcome, self._lang)
        title = (self._writer.title(summary), outcome.value, _region_identity(region))
        self._titles[region, outcome] = title
        return title

    def _new_case(self, case: str) -> tuple[bytes, str]:
        if len(self._cases) >= CASES_KEPT:
            del self._cases[next(iter(self._cases))]  # the oldest; never all of them
        lines = (_case_line(case, self._lang),) if case else ()
        found = (self._writer.head(lines), _folded(case))
        self._cases[case] = found
        return found


def deadline_event(
    comparison: Comparison,
    *,
    notified: dt.date,
    lang: str,
    region: str | None,
    calendar: WorkCalendar,
    case_number: str | None = None,
) -> CalendarEvent | None:
    """The safe declaration deadline of a ``deadline`` run or a ``batch`` row; None when there
    is no date yet."""
    parts = declaration_parts(comparison, lang=lang, calendar=calendar)
    if parts is None:
        return None
    safe = comparison.safe
    assert safe is not None
    return declaration_event(
        parts,
        outcome=safe.result.outcome,
        notified=notified,
        lang=lang,
        region=region,
        case_number=case_number,
    )


def _option_line(option: Option, lang: str) -> str:
    deadline = option.result.deadline
    shown = format_date(deadline, lang) if deadline else LABELS["none_yet"][lang]
    safe = f" \u2014 {LABELS['safe'][lang]}" if option.safe else ""
    return (
        f"- {option.rule_set.id} ({option.trigger_kind.value} "
        f"{option.trigger_date.isoformat()}): {shown}{safe}"
    )


def _counting_line(counting: str, trigger_date: dt.date, trigger: str, lang: str) -> str:
    return (
        f"{LABELS['counting'][lang]}: {counting}; "
        f"{LABELS['trigger'][lang]}: {format_date(trigger_date, lang)} \u2014 {trigger}"
    )


def timeline_events(report: TimelineReport) -> list[CalendarEvent]:
    """One event per timeline step that has a date."""
    from penetapan_cli.core.timeline import StepStatus

    return [
        _step_event(report, step)
        for step in report.timeline.steps
        if step.status is StepStatus.OK and step.deadline is not None
    ]


def _step_event(report: TimelineReport, step: Step) -> CalendarEvent:
    from penetapan_cli.core.timeline import StepKind

    timeline, lang, region = report.timeline, report.lang, report.region
    assert step.deadline is not None
    assert step.trigger_date is not None
    assert step.unit is not None
    assert step.count_from is not None
    lines = [
        _counting_line(
            counting_sentence(step.days, step.unit, step.count_from, None, lang),
            step.trigger_date,
            word(step.trigger, lang),
            lang,
        ),
        *_citation_lines(step.citation, lang),
    ]
    for alt in step.alternatives:
        lines.append(
            f"{LABELS['counted_from_alt'][lang]} {alt.counted_from} "
            f"{alt.trigger_date.isoformat()}: {format_date(alt.deadline, lang)}"
        )
    lines.extend(f"{LABELS['notice'][lang]}: {report.text(n)}" for n in step.notices)
    outcome = step.outcomes[0] if len(step.outcomes) == 1 else None
    if step.kind is StepKind.DECLARATION:
        which = outcome.value if timeline.outcome is not None and outcome else f"{step.rule_id}"
        key = declaration_key(
            timeline.rule_set.key, which, region, timeline.notified or step.trigger_date
        )
        title = _title(word(step.title, lang), region, outcome, lang)
        if timeline.outcome is None and step.outcomes:
            title += " [" + ", ".join(o.value for o in step.outcomes) + "]"
    else:
        first = timeline.first_date
        assert first is not None  # a timeline has at least one date (commands/timeline.py)
        key = "|".join(("timeline", step.id, _identity(region, first)))
        title = _title(word(step.title, lang), region, outcome, lang)
    return CalendarEvent(
        key=key,
        date=step.deadline,
        summary=title,
        description="\n".join(lines),
        reminder_on=reminder_day(step.deadline, report.calendar),
    )


def build_calendar(events: Sequence[CalendarEvent], *, stamp: dt.datetime) -> bytes:
    """The iCalendar text of ``events``; ``stamp`` is the DTSTAMP (a UTC time)."""
    event = EventWriter(stamp)
    return header() + b"".join(event(item) for item in events) + END


class IcsSink:
    """Adds events, one at a time, to a calendar file being written (see ``ics_file``)."""

    def __init__(self, fh: IO[bytes], stamp: dt.datetime, path: Path) -> None:
        self._write = fh.write
        self.writer = EventWriter(stamp)
        self._path = path
        self._pending: list[bytes] = []
        self.count = 0

    def add(self, event: CalendarEvent) -> None:
        self.write(self.writer(event))

    def write(self, event: bytes) -> None:
        """Add the text of one event; events are written a few hundred at a time."""
        pending = self._pending
        pending.append(event)
        self.count += 1
        if len(pending) >= EVENTS_PER_WRITE:
            self.flush()

    def flush(self) -> None:
        """Write the events added since the last write."""
        if not self._pending:
            return
        data = b"".join(self._pending)
        self._pending.clear()
        try:
            self._write(data)
        except OSError as exc:  # named here: the caller may be writing other files too
            raise _write_error(self._path, exc) from None


EVENTS_PER_WRITE = 128  # about 200 KiB of a batch's events, one call to the file's write


CALENDAR_FILE = "file.calendar"


def _write_error(path: Path, exc: OSError) -> InputError:
    from penetapan_cli.files import write_error

    return write_error(path, exc.strerror or str(exc), CALENDAR_FILE)


@contextlib.contextmanager
def ics_file(path: Path, *, stamp: dt.datetime | None = None) -> Iterator[IcsSink]:
    """A calendar file written one event at a time, which appears at ``path`` only when
    complete.

    The events go to a temporary file in the same folder as they come, a hundred or so at a
    time (``files.atomic_write``), so memory does not grow with them; on a clean exit the file
    is closed, synced and renamed over ``path``. When no event was added nothing is written
    (``IcsSink.count`` says so) and ``path`` is left as it was; so it is on any error or
    interruption, and the temporary file is removed. The bytes are those ``build_calendar``
    gives for the same events.
    """
    from penetapan_cli.files import atomic_write

    when = (stamp if stamp is not None else dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    when = when.replace(microsecond=0)
    sink: IcsSink | None = None
    with atomic_write(
        path,
        binary=True,
        what=CALENDAR_FILE,
        option="--ics",
        keep=lambda: sink is not None and sink.count > 0,
    ) as fh:
        fh.write(header())
        sink = IcsSink(fh, when, path)
        yield sink
        sink.flush()
        if sink.count:
            fh.write(END)


def write_ics(
    events: Sequence[CalendarEvent], path: Path, *, stamp: dt.datetime | None = None
) -> None:
    """Write ``events`` to ``path`` atomically (a temporary file in the same folder, renamed)."""
    if not events:
        raise InputError("ics.nothing", path=str(path))
    with ics_file(path, stamp=stamp) as sink:
        for event in events:
            sink.add(event)
