"""Calendar export: one all-day iCalendar event per deadline.

Each event carries the citation and the counting in its description and a reminder on the
working day before. Its UID is derived from what the event is (rule set, outcome, trigger,
region, step), not from when it was written, so importing a file again updates the events
instead of duplicating them. The file is written line by line in exactly the bytes
``icalendar`` writes for the same components (its escaping, folding and value formats; tests
compare both and parse every event back with ``icalendar``), without building its component
tree per event, which cost more than the rest of a batch row.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, NamedTuple

from penetapan_cli import __version__
from penetapan_cli.core.calendar import WorkCalendar
from penetapan_cli.core.compare import Comparison, Option
from penetapan_cli.core.errors import InputError
from penetapan_cli.core.outcomes import Outcome
from penetapan_cli.core.rules import Citation
from penetapan_cli.core.timeline import DECLARATION_TITLE, Step, StepKind, StepStatus
from penetapan_cli.messages import LABELS, OUTCOME_NAMES, counting_sentence, format_date, word
from penetapan_cli.reports import TimelineReport

# A fixed namespace: the same content gives the same UID on every machine, in every version.
UID_NAMESPACE = uuid.UUID("6f1c3c1e-5d0b-5a4e-9a57-70656e657461")
UID_DOMAIN = "penetapan"
REMINDER_HOUR = 8  # the reminder fires at 08:00 (local time of the calendar) on its day


@dataclasses.dataclass(frozen=True)
class CalendarEvent:
    """One all-day event; ``key`` identifies what it is and gives the stable UID."""

    key: str
    date: dt.date
    summary: str
    description: str
    reminder_on: dt.date | None = None
    # The description's lines in a few pieces ("\n".join(pieces) == description), the last
    # shared by many events, so that its escaped text is made once (``_EventWriter``).
    pieces: tuple[str, ...] | None = dataclasses.field(default=None, compare=False)

    @property
    def uid(self) -> str:
        return f"{uid5(self.key)}@{UID_DOMAIN}"


_NAMESPACE_BYTES = UID_NAMESPACE.bytes


def uid5(key: str) -> str:
    """``str(uuid.uuid5(UID_NAMESPACE, key))``, without building a UUID object per event (a
    test compares both): the SHA-1 of the namespace and the key, version 5, RFC 4122 variant."""
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + key.encode("utf-8")).digest()[:16])
    digest[6] = digest[6] & 0x0F | 0x50
    digest[8] = digest[8] & 0x3F | 0x80
    x = digest.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


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
    name = _folded(region)
    return f"region:{name}" if name else f"date:{date.isoformat()}"


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
    parts = ["declaration", rule_set_id, which, _identity(region, date)]
    case = _folded(case_number)
    if case:
        parts.append(f"case:{case}")
    return "|".join(parts)


class DeclarationParts(NamedTuple):
    """What the declaration events of one result share, whatever the region, outcome and case
    number of each: ``batch --ics`` builds them once per result, not once per row."""

    rule_set_key: str  # the primary option's rule set, in the UID key
    date: dt.date
    counting: str  # the line after the case number: the count from this trigger date
    shared: str  # the lines after it, the same for every result of a rule and its notices
    reminder_on: dt.date


def declaration_parts(
    comparison: Comparison, *, lang: str, calendar: WorkCalendar
) -> DeclarationParts | None:
    """The parts of ``deadline_event`` that do not depend on the region, the outcome's own
    spelling or the case number; None when there is no date yet."""
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
    lines = [
        *_citation_lines(result.rule.citation, lang),
        f"{LABELS['rule_set'][lang]}: {safe.rule_set.id} ({safe.rule_set.status})",
    ]
    if len(comparison.options) > 1:
        lines.append("")
        lines.append(f"{LABELS['comparison_short'][lang]}:")
        lines.extend(_option_line(o, lang) for o in comparison.options)
    lines.extend(f"{LABELS['notice'][lang]}: {n[lang]}" for n in result.notices)
    return DeclarationParts(
        comparison.primary.rule_set.key,
        deadline,
        counting,
        "\n".join(lines),
        reminder_day(deadline, calendar),
    )


def declaration_event(
    parts: DeclarationParts,
    *,
    outcome: Outcome,
    notified: dt.date,
    lang: str,
    region: str | None,
    case_number: str | None = None,
    unique: Callable[[str], str] | None = None,
) -> CalendarEvent:
    """The event of ``parts`` for one region, outcome and case number; ``unique`` makes its
    key one that no other event of the file has."""
    case = " ".join((case_number or "").split())
    pieces: tuple[str, ...] = (parts.counting, parts.shared)
    if case:
        pieces = (f"{LABELS['case'][lang]}: {case}", *pieces)
    key = declaration_key(parts.rule_set_key, outcome.value, region, notified, case)
    return CalendarEvent(
        key=key if unique is None else unique(key),
        date=parts.date,
        summary=_title(word(DECLARATION_TITLE, lang), region, outcome, lang),
        description="\n".join(pieces),
        reminder_on=parts.reminder_on,
        pieces=pieces,
    )


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
    return [
        _step_event(report, step)
        for step in report.timeline.steps
        if step.status is StepStatus.OK and step.deadline is not None
    ]


def _step_event(report: TimelineReport, step: Step) -> CalendarEvent:
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


def _header() -> bytes:
    """The VCALENDAR lines before the events, as ``icalendar.Calendar`` writes them with these
    four properties (tests/test_ics.py compares)."""
    return (
        "BEGIN:VCALENDAR\r\n"
        "VERSION:2.0\r\n"
        f"PRODID:-//penetapan//penetapan {_escaped(__version__)}//ID\r\n"
        "CALSCALE:GREGORIAN\r\n"
        "METHOD:PUBLISH\r\n"
    ).encode()


def _duration(delta: dt.timedelta) -> str:
    """A DURATION value as icalendar's ``vDuration`` writes it (RFC 5545 3.3.6)."""
    sign = "-" if delta.days < 0 else ""
    delta = -delta if delta.days < 0 else delta
    time = ""
    if delta.seconds:
        hours, minutes, seconds = (
            delta.seconds // 3600,
            delta.seconds % 3600 // 60,
            delta.seconds % 60,
        )
        time = "T" + (f"{hours}H" if hours else "")
        time += f"{minutes}M" if minutes or (hours and seconds) else ""
        time += f"{seconds}S" if seconds else ""
    if delta.days == 0 and time:
        return f"{sign}P{time}"
    return f"{sign}P{abs(delta.days)}D{time}"


_SPECIAL = re.compile(r"[\\;,\r\n]").search


def _escaped(text: str) -> str:
    """A TEXT value escaped as icalendar escapes it (RFC 5545 3.3.11), in its order: ``\\N``
    to a line break, then backslash, semicolon, comma, and every line break to ``\\n``; then
    every other control character (TEXT allows none but tab) to ``?``, as the text card shows
    it (an escape sequence in a region's name reaches no calendar)."""
    if not _SPECIAL(text) and text.isprintable():  # nothing to escape: most case numbers
        return text
    text = (
        text.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )
    return text if text.isprintable() else _CONTROL.sub("?", text)


_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # all but tab


TEXT_LINES_KEPT = 4096
TITLES_KEPT = 16_384
"""Event titles remembered with their lines: a batch's titles are its regions times its
outcomes (545 regions and ten spellings: 5,450), apart from its descriptions, which seldom
repeat when the case numbers do not."""
_FOLD_AT = 74  # octets of content per physical line, as icalendar folds (limit 75, exclusive)


def _fold_line(line: bytes) -> bytes:
    """A content line folded as icalendar folds it: at most 74 octets per physical line,
    never inside a UTF-8 character, and an escape's backslash (or a ``^``) that would end a
    physical line moves to the next one; continuation lines start with a space."""
    if len(line) <= _FOLD_AT:
        return line
    parts = []
    start, size = 0, len(line)
    while size - start > _FOLD_AT:
        end = start + _FOLD_AT
        while line[end] & 0xC0 == 0x80:  # inside a multi-byte character: break before it
            end -= 1
        if end - start > 1 and line[end - 1] in b"\\^":
            end -= 1
        parts.append(line[start:end])
        start = end
    parts.append(line[start:])
    return b"\r\n ".join(parts)


def _fold_split(prefix: bytes) -> tuple[list[bytes], int]:
    """The physical lines ``_fold_line`` cuts from the start of a longer line that begins with
    ``prefix`` (ended by a plain ASCII byte) and goes on with a character, and where the line
    in which ``prefix`` ends starts. Those cuts look at no byte after ``prefix`` but the next
    one, which starts a character: the rest folds as it would after as many plain bytes
    (tests/test_ics.py compares both on every column)."""
    lines = []
    start, size = 0, len(prefix)
    while size - start >= _FOLD_AT:
        end = start + _FOLD_AT
        while end < size and prefix[end] & 0xC0 == 0x80:  # never inside a character
            end -= 1
        if end - start > 1 and prefix[end - 1] in b"\\^":
            end -= 1
        lines.append(prefix[start:end])
        start = end
    return lines, start


class _EventWriter:
    """The VEVENT text of events, written line by line rather than through a component tree
    per event (a tree cost about 0.7 ms an event, most of it folding one character at a time).
    The bytes are those ``icalendar.Event().to_ical()`` gives for the same properties, in the
    same order, with its value types, escaping and folding: tests/test_ics.py builds a sample
    of events both ways, compares them byte for byte, and parses the file back.

    Properties, in icalendar's order (SUMMARY, DTSTART, DTEND, DTSTAMP, UID first, then by
    name): the all-day event, marked free (TRANSP), with a VALARM reminder at 08:00 on the
    reminder day, relative to the all-day start (00:00 of the deadline, local time), so that
    it fires at 08:00 whatever the calendar's time zone.
    """

    def __init__(self, stamp: dt.datetime) -> None:
        utc = stamp.astimezone(dt.UTC)
        self._stamp = (
            f"DTSTAMP:{utc.year:04}{utc.month:02}{utc.day:02}"
            f"T{utc.hour:02}{utc.minute:02}{utc.second:02}Z\r\n"
        ).encode("ascii")
        self._triggers: dict[int, bytes] = {}
        self._lines: dict[tuple[bytes, str], bytes] = {}
        self._titles: dict[str, tuple[bytes, bytes]] = {}  # SUMMARY and alarm DESCRIPTION
        # The last piece of descriptions, escaped and folded, by the column it starts at.
        self._shared: dict[tuple[str, int], bytes] = {}

    def _text(self, name: bytes, value: str) -> bytes:
        """A TEXT property line; the last few thousand are remembered, since the events of a
        batch repeat their titles and descriptions."""
        key = (name, value)
        line = self._lines.get(key)
        if line is None:
            line = _fold_line(name + _escaped(value).encode("utf-8")) + b"\r\n"
            if len(self._lines) >= TEXT_LINES_KEPT:
                del self._lines[next(iter(self._lines))]  # the oldest; never all of them
            self._lines[key] = line
        return line

    @staticmethod
    def _date(name: bytes, value: dt.date) -> bytes:
        return b"%s;VALUE=DATE:%04d%02d%02d\r\n" % (name, value.year, value.month, value.day)

    def _trigger(self, days_before: int) -> bytes:
        line = self._triggers.get(days_before)
        if line is None:
            offset = -(dt.timedelta(days=days_before) - dt.timedelta(hours=REMINDER_HOUR))
            line = f"TRIGGER:{_duration(offset)}\r\n".encode("ascii")
            self._triggers[days_before] = line  # a few values: the days to a working day
        return line

    def _title(self, summary: str) -> tuple[bytes, bytes]:
        """The SUMMARY line of a title and the DESCRIPTION line of its alarm."""
        lines = self._titles.get(summary)
        if lines is None:
            escaped = _escaped(summary).encode("utf-8")
            lines = (
                _fold_line(b"SUMMARY:" + escaped) + b"\r\n",
                _fold_line(b"DESCRIPTION:" + escaped) + b"\r\n",
            )
            if len(self._titles) >= TITLES_KEPT:
                del self._titles[next(iter(self._titles))]  # the oldest; never all of them
            self._titles[summary] = lines
        return lines

    def _description(self, item: CalendarEvent) -> bytes:
        """The DESCRIPTION line. With ``pieces``, each is escaped on its own: the same text,
        since escaping only joins characters across a piece's end in a CR LF, and no piece
        then ends with a CR. The shared last piece is escaped and folded once for each column
        it can start at (``_fold_split``): the line before it is folded on its own."""
        pieces = item.pieces
        if pieces is None or len(pieces) < 2 or not pieces[-1] or "\r" in item.description:
            return self._text(b"DESCRIPTION:", item.description)
        head = "\\n".join([_escaped(piece) for piece in pieces[:-1]])
        prefix = b"DESCRIPTION:" + head.encode("utf-8") + b"\\n"
        lines, start = _fold_split(prefix)
        column = len(prefix) - start
        key = (pieces[-1], column)
        rest = self._shared.get(key)
        if rest is None:
            if len(self._shared) >= TEXT_LINES_KEPT:
                del self._shared[next(iter(self._shared))]  # the oldest; never all of them
            tail = _escaped(pieces[-1]).encode("utf-8")
            # Folded after ``column`` plain bytes: where the line before it leaves it.
            rest = self._shared[key] = _fold_line(b"x" * column + tail)[column:]
        lines.append(prefix[start:] + rest)
        return b"\r\n ".join(lines) + b"\r\n"

    def __call__(self, item: CalendarEvent) -> bytes:
        title, alarm = self._title(item.summary)
        parts = [
            b"BEGIN:VEVENT\r\n",
            title,
            self._date(b"DTSTART", item.date),
            self._date(b"DTEND", item.date + dt.timedelta(days=1)),
            self._stamp,
            _fold_line(b"UID:" + _escaped(item.uid).encode("utf-8")) + b"\r\n",  # one per event
            self._description(item),
            b"TRANSP:TRANSPARENT\r\n",
        ]
        if item.reminder_on is not None:
            parts += [
                b"BEGIN:VALARM\r\n",
                b"ACTION:DISPLAY\r\n",
                alarm,
                self._trigger((item.date - item.reminder_on).days),
                b"END:VALARM\r\n",
            ]
        parts.append(b"END:VEVENT\r\n")
        return b"".join(parts)


def build_calendar(events: Sequence[CalendarEvent], *, stamp: dt.datetime) -> bytes:
    """The iCalendar text of ``events``; ``stamp`` is the DTSTAMP (a UTC time)."""
    header = _header()
    event = _EventWriter(stamp)
    return header + b"".join(event(item) for item in events) + _END


_END = b"END:VCALENDAR\r\n"


class IcsSink:
    """Adds events, one at a time, to a calendar file being written (see ``ics_file``)."""

    def __init__(self, fh: IO[bytes], stamp: dt.datetime, path: Path) -> None:
        self._write = fh.write
        self._event = _EventWriter(stamp)
        self._path = path
        self.count = 0

    def add(self, event: CalendarEvent) -> None:
        try:
            self._write(self._event(event))
        except OSError as exc:  # named here: the caller may be writing other files too
            raise _write_error(self._path, exc) from None
        self.count += 1


CALENDAR_FILE = "file.calendar"


def _write_error(path: Path, exc: OSError) -> InputError:
    from penetapan_cli.files import write_error

    return write_error(path, exc.strerror or str(exc), CALENDAR_FILE)


@contextlib.contextmanager
def ics_file(path: Path, *, stamp: dt.datetime | None = None) -> Iterator[IcsSink]:
    """A calendar file written one event at a time, which appears at ``path`` only when
    complete.

    The events go to a temporary file in the same folder as they come (``files.atomic_write``),
    so memory does not grow with them; on a clean exit the file is closed, synced and renamed
    over ``path``. When no event was added nothing is written (``IcsSink.count`` says so) and
    ``path`` is left as it was; so it is on any error or interruption, and the temporary file
    is removed. The bytes are those ``build_calendar`` gives for the same events.
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
        fh.write(_header())
        sink = IcsSink(fh, when, path)
        yield sink
        if sink.count:
            fh.write(_END)


def write_ics(
    events: Sequence[CalendarEvent], path: Path, *, stamp: dt.datetime | None = None
) -> None:
    """Write ``events`` to ``path`` atomically (a temporary file in the same folder, renamed)."""
    if not events:
        raise InputError("ics.nothing", path=str(path))
    with ics_file(path, stamp=stamp) as sink:
        for event in events:
            sink.add(event)
