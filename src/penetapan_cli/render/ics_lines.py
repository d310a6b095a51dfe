"""iCalendar content lines in exactly the bytes ``icalendar`` writes: its escaping of TEXT
values, its folding at 75 octets, its DATE and DURATION formats, and the order in which its
``Event`` writes properties. The calendar export (``ics.py``) says what an event is; this
module writes it, without building ``icalendar``'s component tree per event, which cost more
than the rest of a batch row. tests/test_ics.py writes a sample of events both ways, compares
them byte for byte and parses every event back with ``icalendar``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from penetapan_cli import __version__

if TYPE_CHECKING:
    from penetapan_cli.render.ics import CalendarEvent

REMINDER_HOUR = 8  # the reminder fires at 08:00 (local time of the calendar) on its day
END = b"END:VCALENDAR\r\n"


def header() -> bytes:
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
ENDS_KEPT = 512  # a batch's results times the lengths of its case numbers, when few
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


class Lines(NamedTuple):
    """What the events of one result share, in bytes: the DTSTART, DTEND and DTSTAMP lines,
    the end of the event after its alarm's title (or, without a reminder, None), and the end
    of its description: ``lead`` (escaped lines, each with its ``\\n``, or nothing) and
    ``shared``, the text after it, which many results share."""

    dates: bytes
    closing: bytes | None
    lead: bytes
    shared: str


_BEGIN = b"BEGIN:VEVENT\r\n"
_ALARM = b"TRANSP:TRANSPARENT\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n"
_NO_ALARM = b"TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"
_DESCRIPTION = b"DESCRIPTION:"


class EventWriter:
    """The VEVENT text of events, written line by line rather than through a component tree
    per event (a tree cost about 0.7 ms an event, most of it folding one character at a time).
    The bytes are those ``icalendar.Event().to_ical()`` gives for the same properties, in the
    same order, with its value types, escaping and folding: tests/test_ics.py builds a sample
    of events both ways, compares them byte for byte, and parses the file back.

    Properties, in icalendar's order (SUMMARY, DTSTART, DTEND, DTSTAMP, UID first, then by
    name): the all-day event, marked free (TRANSP), with a VALARM reminder at 08:00 on the
    reminder day, relative to the all-day start (00:00 of the deadline, local time), so that
    it fires at 08:00 whatever the calendar's time zone.

    An event is written from parts that others share (``event``): its ``Lines`` (one per
    result of a batch), its title's two lines (one per region and outcome), the start of its
    description (one per case number), and its UID, the one line of its own.
    """

    def __init__(self, stamp: dt.datetime) -> None:
        utc = stamp.astimezone(dt.UTC)
        self._stamp = (
            f"DTSTAMP:{utc.year:04}{utc.month:02}{utc.day:02}"
            f"T{utc.hour:02}{utc.minute:02}{utc.second:02}Z\r\n"
        ).encode("ascii")
        self._closings: dict[int, bytes] = {}
        self._dates: dict[dt.date, bytes] = {}  # DTSTART, DTEND and DTSTAMP, by date
        self._titles: dict[str, tuple[bytes, bytes]] = {}  # SUMMARY and alarm DESCRIPTION
        # The shared end of descriptions, escaped and folded, by the column it starts at;
        # and the end of a description after a short head, by result and column.
        self._shared: dict[tuple[str, int], bytes] = {}
        self._ends: dict[tuple[Lines, int], bytes] = {}

    def lines(
        self, date: dt.date, reminder_on: dt.date | None, lead: Sequence[str], shared: str
    ) -> Lines:
        """The ``Lines`` of events on ``date`` whose descriptions end with the lines ``lead``
        and then ``shared``."""
        if any(line.endswith("\r") for line in lead):  # escaped with the LF after it
            lead, shared = (), "\n".join((*lead, shared))
        dates = self._dates.get(date)
        if dates is None:
            if len(self._dates) >= TEXT_LINES_KEPT:
                del self._dates[next(iter(self._dates))]  # the oldest; never all of them
            dates = self._dates[date] = (
                self._date(b"DTSTART", date)
                + self._date(b"DTEND", date + dt.timedelta(days=1))
                + self._stamp
            )
        closing = None if reminder_on is None else self._closing((date - reminder_on).days)
        return Lines(dates, closing, _escaped_lines(lead), shared)

    @staticmethod
    def head(lines: Sequence[str]) -> bytes:
        """The start of a DESCRIPTION line: its name and ``lines``, escaped, each with its
        ``\\n``; the event's ``Lines`` give the rest. No line may end with a CR (see
        ``_description``): a batch's case number has no line break."""
        return _DESCRIPTION + _escaped_lines(lines)

    @staticmethod
    def _date(name: bytes, value: dt.date) -> bytes:
        return b"%s;VALUE=DATE:%04d%02d%02d\r\n" % (name, value.year, value.month, value.day)

    def _closing(self, days_before: int) -> bytes:
        """The alarm's TRIGGER line and the ends of the alarm and the event."""
        lines = self._closings.get(days_before)
        if lines is None:
            offset = -(dt.timedelta(days=days_before) - dt.timedelta(hours=REMINDER_HOUR))
            lines = f"TRIGGER:{_duration(offset)}\r\nEND:VALARM\r\nEND:VEVENT\r\n".encode("ascii")
            self._closings[days_before] = lines  # a few values: the days to a working day
        return lines

    def title(self, summary: str) -> tuple[bytes, bytes]:
        """The SUMMARY line of a title and the DESCRIPTION line of its alarm."""
        lines = self._titles.get(summary)
        if lines is None:
            escaped = _escaped(summary).encode("utf-8")
            lines = (
                _fold_line(b"SUMMARY:" + escaped) + b"\r\n",
                _fold_line(_DESCRIPTION + escaped) + b"\r\n",
            )
            if len(self._titles) >= TITLES_KEPT:
                del self._titles[next(iter(self._titles))]  # the oldest; never all of them
            self._titles[summary] = lines
        return lines

    def _description(self, head: bytes, lines: Lines) -> bytes:
        """The DESCRIPTION line of ``head`` and ``lines``. Escaping each line on its own gives
        the text escaping all would (it only joins characters across a line's end in a CR LF,
        and no line then ends with a CR: ``__call__`` checks). Where ``head`` is short (a
        case number), the rest is folded once for each column it can start at."""
        column = len(head)
        if column >= _FOLD_AT or not lines.lead:
            return self._folded(head + lines.lead, lines.shared)
        key = (lines, column)
        rest = self._ends.get(key)
        if rest is None:
            if len(self._ends) >= ENDS_KEPT:
                del self._ends[next(iter(self._ends))]  # the oldest; never all of them
            # Folded after ``column`` plain bytes: where ``head`` leaves it (``_fold_split``).
            rest = self._folded(b"x" * column + lines.lead, lines.shared)[column:]
            self._ends[key] = rest
        return head + rest

    def _folded(self, prefix: bytes, shared: str) -> bytes:
        """The line of ``prefix`` (escaped) and ``shared`` (not yet), folded. The line before
        the shared text is cut on its own (``_fold_split``); the shared text is escaped and
        folded once for each column it can start at."""
        if not shared:  # the line ends with ``prefix``, cut as it ends
            return _fold_line(prefix) + b"\r\n"
        cut, start = _fold_split(prefix)
        column = len(prefix) - start
        key = (shared, column)
        rest = self._shared.get(key)
        if rest is None:
            if len(self._shared) >= TEXT_LINES_KEPT:
                del self._shared[next(iter(self._shared))]  # the oldest; never all of them
            tail = _escaped(shared).encode("utf-8")
            rest = self._shared[key] = _fold_line(b"x" * column + tail)[column:] + b"\r\n"
        if not cut:
            return prefix + rest
        cut.append(prefix[start:] + rest)
        return b"\r\n ".join(cut)

    def event(self, lines: Lines, title: tuple[bytes, bytes], uid: str, head: bytes) -> bytes:
        """One event: the lines of its ``title`` (``title``), its ``uid``, its description
        (``head``, then what ``lines`` give) and what else ``lines`` give."""
        summary, alarm = title
        uid_line = _fold_line(b"UID:" + _escaped(uid).encode("utf-8")) + b"\r\n"
        description = self._description(head, lines)
        if lines.closing is None:
            return b"".join((_BEGIN, summary, lines.dates, uid_line, description, _NO_ALARM))
        return b"".join(
            (_BEGIN, summary, lines.dates, uid_line, description, _ALARM, alarm, lines.closing)
        )

    def __call__(self, item: CalendarEvent) -> bytes:
        """``item``, its description from its ``pieces`` when they are given: the last is
        shared by many events (a batch's citation and notices)."""
        pieces = item.pieces
        if pieces is None or len(pieces) < 2 or not pieces[-1] or "\r" in item.description:
            head, shared = _DESCRIPTION, item.description  # one text, folded after its name
        else:
            head, shared = self.head(pieces[:-1]), pieces[-1]
        lines = self.lines(item.date, item.reminder_on, (), shared)
        return self.event(lines, self.title(item.summary), item.uid, head)


def _escaped_lines(lines: Sequence[str]) -> bytes:
    """``lines`` escaped, each followed by an escaped line break (``\\n``)."""
    return b"".join([_escaped(line).encode("utf-8") + b"\\n" for line in lines])
