"""Strict, unambiguous date parsing and Indonesian/English date formatting.

Pure: no clock, no environment, no output. "today" is whatever the caller passes in.
Numeric dates are day-first (the Indonesian convention): 04/02/2025 is 4 February 2025;
``order="mdy"`` reads them month-first, for exports from a US-locale spreadsheet. An ISO date
(2025-02-04) and a date with a month name are read the same in either order.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from penetapan_cli.core.errors import DateInputError, Message
from penetapan_cli.core.facts import fact

MIN_DATE = dt.date(2000, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)  # the holiday data ends in 2100
MAX_INPUT_LEN = 64

# The weekday and month names the parser reads, in both languages (abbreviations and older
# spellings are added below): parsing data, not display text. Output writes dates with the
# catalogue's names (messages.format_date, WEEKDAY_NAMES, MONTH_NAMES), and an error names a
# month or weekday by key (month.N, weekday.N).
_WEEKDAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip

# Short month names (a trailing dot is allowed only on these): 3-letter prefixes of both
# languages (Jan..Des, Agu, Okt, Mei, May...) plus the forms seen in letters and spreadsheets
# (GLOSARIUM.md: Feb/Peb, Agu/Agt/Agus, Sep/Sept, Nov/Nop).
_MONTH_SHORT = {n[:3].lower(): i for ns in _MONTHS.values() for i, n in enumerate(ns, 1)}
_MONTH_SHORT |= {"agt": 8, "ags": 8, "agus": 8, "nop": 11, "peb": 2, "sept": 9}
_MONTH_WORDS = _MONTH_SHORT | {n.lower(): i for ns in _MONTHS.values() for i, n in enumerate(ns, 1)}
# The older spellings official letters still use (read them; the tool writes the current ones).
_MONTH_WORDS |= {"pebruari": 2, "nopember": 11}
_WEEKDAY_WORDS = {
    w.lower(): i for ns in _WEEKDAYS.values() for i, n in enumerate(ns) for w in (n, n[:3])
}
_WEEKDAY_WORDS["jum'at"] = 4
_WEEKDAY_WORDS["ahad"] = 6  # Sunday, as letters and calendars in Indonesia also write it
_TODAY_WORDS = {"today", "hari-ini", "hari ini"}

_EXPECTED = Message("date.expected")
_RANGE = Message("date.range", first=MIN_DATE.isoformat(), last=MAX_DATE.isoformat())
_YEAR4 = Message("date.year4")
_YEAR4_SHEET = Message("date.year4_sheet")

DATE_ORDERS = ("dmy", "mdy")
"""How a numeric date such as 04/02/2025 is read: day first (the rule) or month first."""

_FLAGS = re.ASCII | re.IGNORECASE
# A spreadsheet's "d-mmm-yyyy" and the like: 4-Feb-2025, 04/Peb/2025, 4.Agt.2025.
_SHEET = re.compile(r"([0-9]{1,2})([/.-])([a-z]+)\2([0-9]+)", _FLAGS)
_NUMERIC3 = re.compile(r"([0-9]+)([/.-])([0-9]+)([/.-])([0-9]+)", _FLAGS)
_NUMERIC2 = re.compile(r"[0-9]+[/.-][0-9]+", _FLAGS)
_TIME = re.compile(r"[0-9][T:][0-9]", _FLAGS)
_WORDS = re.compile(
    r"(?:(?P<wd>[a-z']+)\.?,?\s+)?"  # optional weekday: "Selasa, " / "Tue "
    r"(?:(?P<d1>[0-9]{1,2})\s+(?P<m1>[a-z]+)(?P<dot1>\.)?"  # "4 Feb."
    r"|(?P<m2>[a-z]+)(?P<dot2>\.)?\s+(?P<d2>[0-9]{1,2}))"  # "February 4"
    r"(?:,?\s+(?P<y>[0-9]+))?",  # ", 2025" (missing year is diagnosed)
    _FLAGS,
)


def _error(shown: str, why: Message) -> DateInputError:
    return DateInputError("date.invalid", text=shown, why=why)


def _build(s: str, year: int, month: int, day: int) -> dt.date:
    if not 1 <= month <= 12:
        raise _error(s, Message("date.no_month", month=month))
    if day < 1:
        raise _error(s, Message("date.no_day", day=day))
    if not (MIN_DATE.year, MIN_DATE.month, MIN_DATE.day) <= (year, month, day) <= (
        MAX_DATE.year, MAX_DATE.month, MAX_DATE.day):  # fmt: skip
        raise _error(s, Message("date.out_of_range", range=_RANGE))
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    if day > last:
        raise _error(
            s,
            Message(
                "date.month_days",
                month=Message(f"month.{month}"),
                year=year,
                days=last,
            ),
        )
    return dt.date(year, month, day)


_ISO_MIN = MIN_DATE.isoformat()
_ISO_MAX = MAX_DATE.isoformat()


def _other_order(
    s: str, exc: DateInputError, order: str, year: int, first: int, second: int
) -> DateInputError:
    """``exc``, saying so when the date is a real one read in the other order (2/24/2025:
    no month 24 day first, 24 February month first). The date is never read that way here."""
    try:
        other = dt.date(year, first, second)  # ``first`` read as the month, ``second`` the day
    except ValueError:
        return exc
    if not MIN_DATE <= other <= MAX_DATE:
        return exc
    other_order = "mdy" if order == "dmy" else "dmy"
    why = Message(
        f"date.other_order.{other_order}",
        why=exc.msg.values["why"],
        date=other.isoformat(),
        order=other_order,
        date_order=fact("date_order"),
    )
    error = DateInputError("date.invalid", text=s, why=why)
    error.other_order = other_order
    return error


def iso_date(text: str) -> dt.date | None:
    """``text`` as a date when it is exactly YYYY-MM-DD (ASCII digits, no spaces) naming a
    real day in the supported range; None for anything else, which ``parse_date`` decides.

    The fast path of ``parse_date``: it accepts only what the full parser accepts, with the
    same result (tests/test_dates.py checks every day of the range and the near misses).
    """
    if (
        len(text) == 10
        and text[4] == "-"
        and text[7] == "-"
        and text.isascii()
        and _ISO_MIN <= text <= _ISO_MAX  # ASCII: string order is date order
    ):
        year, month, day = text[:4], text[5:7], text[8:]
        if year.isdigit() and month.isdigit() and day.isdigit():
            try:
                return dt.date(int(year), int(month), int(day))
            except ValueError:  # 2025-02-30, 2025-13-01: the full parser says why
                return None
    return None


# "4 Februari 2025", read by ``common_date`` without the full parser (4/2/2025 is read there
# with the full parser's own _NUMERIC3).
_WORDS_COMMON = re.compile(r"([0-9]{1,2}) ([A-Za-z]+) ([0-9]{4})", re.ASCII)


def common_date(text: str, order: str = "dmy") -> dt.date | None:
    """``text`` as a date when it is exactly D/M/YYYY (one separator, / . or -, the day first
    or as ``order`` says) or "D Month YYYY" (single spaces, a month name the parser reads, no
    dot), naming a real day in the supported range; None for anything else, which
    ``parse_date`` decides.

    The second fast path of ``parse_date``, for files that write dates the Indonesian way: it
    accepts only what the full parser accepts, with the same result (tests/test_dates.py checks
    every day of the range in each spelling, and the near misses).
    """
    match = _NUMERIC3.fullmatch(text)
    if match is not None:
        first, sep1, second, sep2, year = match.groups()
        if sep1 != sep2 or len(first) > 2 or len(second) > 2 or len(year) != 4:
            return None
        day, month = (first, second) if order == "dmy" else (second, first)
        number = int(month)
    else:
        match = _WORDS_COMMON.fullmatch(text)
        if match is None:
            return None
        day, word, year = match.groups()
        found = _MONTH_WORDS.get(word.lower())
        if found is None:
            return None
        number = found
    try:
        date = dt.date(int(year), number, int(day))
    except ValueError:  # 30/02/2025, 4 Feb 0000: the full parser says why
        return None
    return date if MIN_DATE <= date <= MAX_DATE else None


def parse_date(text: str, *, today: dt.date | None = None, order: str = "dmy") -> dt.date:
    """Parse a date strictly; raise DateInputError (one line, quoting the input) otherwise.

    Accepted: 2025-02-04, 04/02/2025 (also 4-2-2025, 4.2.2025: day first, or month first with
    ``order="mdy"``), 4 Februari 2025, 4 Feb 2025, 4 Pebruari 2025, February 4, 2025, the
    spreadsheet form 4-Feb-2025, an optional leading weekday that must match, and
    today / hari-ini / hari ini (which return `today`). Month names in any case.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_date expects str, got {type(text).__name__}")
    if order not in DATE_ORDERS:
        raise ValueError(f"order must be one of {DATE_ORDERS}, got {order!r}")
    found = iso_date(text) or common_date(text, order)
    if found is not None:
        return found
    return _parse_full(text, today, order)


def _parse_full(text: str, today: dt.date | None, order: str = "dmy") -> dt.date:
    """``parse_date`` without its fast paths (``iso_date``, ``common_date``)."""
    s = text.strip()
    if not s:
        raise _error(text, Message("date.empty", expected=_EXPECTED))
    if len(s) > MAX_INPUT_LEN:
        raise DateInputError(
            "date.invalid_long",
            text=s[:MAX_INPUT_LEN],
            why=Message("date.too_long", length=len(s), most=MAX_INPUT_LEN),
        )
    for c in s:
        if unicodedata.category(c)[0] in "CZ" and c != " ":
            raise _error(s, Message("date.control", code=f"U+{ord(c):04X}"))
        if c.isdigit() and c not in "0123456789":
            raise _error(s, Message("date.ascii_digits", char=c, code=f"U+{ord(c):04X}"))
        if not c.isascii():
            why = Message("date.character", char=c, code=f"U+{ord(c):04X}", expected=_EXPECTED)
            raise _error(s, why)

    if " ".join(s.lower().split()) in _TODAY_WORDS:
        if today is None:
            raise _error(s, Message("date.no_today"))
        return _build(s, today.year, today.month, today.day)
    if s.isdigit():
        raise _error(s, Message("date.bare_number", expected=_EXPECTED))
    if _TIME.search(s):
        raise _error(s, Message("date.time_of_day", expected=_EXPECTED))

    if m := _NUMERIC3.fullmatch(s):
        a, sep1, b, sep2, c = m.groups()
        if sep1 != sep2:
            raise _error(s, Message("date.mixed_separators"))
        if len(a) == 4 and sep1 == "-" and len(b) == len(c) == 2:
            return _build(s, int(a), int(b), int(c))
        if len(a) == 4:
            raise _error(s, Message("date.year_first"))
        if len(a) > 2 or len(b) > 2:
            raise _error(s, Message("date.digits", expected=_EXPECTED))
        if len(c) != 4:
            raise _error(s, _YEAR4)
        day, month = (a, b) if order == "dmy" else (b, a)
        try:
            return _build(s, int(c), int(month), int(day))
        except DateInputError as exc:
            raise _other_order(s, exc, order, int(c), int(day), int(month)) from None
    if m := _SHEET.fullmatch(s):
        day_text, _, month_word, year_text = m.groups()
        month_word = month_word.lower()
        if month_word not in _MONTH_WORDS:
            raise _error(s, Message("date.month_name", word=m[3], expected=_EXPECTED))
        if len(year_text) != 4:
            raise _error(s, _YEAR4_SHEET)
        return _build(s, int(year_text), _MONTH_WORDS[month_word], int(day_text))
    if _NUMERIC2.fullmatch(s):
        raise _error(s, Message("date.incomplete", expected=_EXPECTED))

    if m := _WORDS.fullmatch(s):
        month_word = (m["m1"] or m["m2"]).lower()
        if month_word not in _MONTH_WORDS:
            raise _error(s, Message("date.month_name", word=month_word, expected=_EXPECTED))
        if (m["dot1"] or m["dot2"]) and month_word not in _MONTH_SHORT:
            raise _error(s, Message("date.dot"))
        if m["y"] is None:
            raise _error(s, Message("date.no_year", expected=_EXPECTED))
        if len(m["y"]) != 4:
            raise _error(s, _YEAR4)
        d = _build(s, int(m["y"]), _MONTH_WORDS[month_word], int(m["d1"] or m["d2"]))
        if m["wd"] is not None:
            wd = m["wd"].lower()
            if wd not in _WEEKDAY_WORDS:
                raise _error(s, Message("date.weekday_name", word=m["wd"], expected=_EXPECTED))
            if _WEEKDAY_WORDS[wd] != d.weekday():
                real = Message(f"weekday.{d.weekday()}")
                raise _error(
                    s, Message("date.weekday", date=d.isoformat(), weekday=real, given=m["wd"])
                )
        return d
    raise _error(s, _EXPECTED)
