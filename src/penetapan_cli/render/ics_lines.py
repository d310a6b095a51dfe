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
from typing import TYPE_CHECKING

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
