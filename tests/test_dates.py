"""Tests for penetapan_cli.dates: strict parsing, formatting, weekday and month names."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from penetapan_cli.core.dates import (
    _MONTH_WORDS,
    MAX_DATE,
    MIN_DATE,
    _parse_full,
    common_date,
    iso_date,
    parse_date,
)
from penetapan_cli.core.errors import DateInputError, InputError
from penetapan_cli.messages import error_text, format_date, month_name, weekday_name

TODAY = dt.date(2025, 2, 7)
FEB4 = dt.date(2025, 2, 4)

ACCEPTED = [
    # ISO
    ("2025-02-04", FEB4),
    ("  2025-02-04\n", FEB4),
    ("2000-01-01", MIN_DATE),
    ("2100-12-31", MAX_DATE),
    ("2024-02-29", dt.date(2024, 2, 29)),
    # day-first numeric, one consistent separator
    ("04/02/2025", FEB4),
    ("4/2/2025", FEB4),
    ("4-2-2025", FEB4),
    ("04-02-2025", FEB4),
    ("4.2.2025", FEB4),
    ("04.02.2025", FEB4),
    ("31/12/2100", MAX_DATE),
    ("29/02/2000", dt.date(2000, 2, 29)),
    # day month-name year, Indonesian and English, full and short
    ("4 Februari 2025", FEB4),
    ("4 februari 2025", FEB4),
    ("4 FEBRUARI 2025", FEB4),
    ("4 Feb 2025", FEB4),
    ("4 February 2025", FEB4),
    ("04 feb. 2025", FEB4),
    ("4   Feb   2025", FEB4),
    ("17 Agustus 2025", dt.date(2025, 8, 17)),
    ("17 Agt 2025", dt.date(2025, 8, 17)),
    ("17 Agu. 2025", dt.date(2025, 8, 17)),
    ("17 Aug 2025", dt.date(2025, 8, 17)),
    ("1 Mei 2025", dt.date(2025, 5, 1)),
    ("1 May 2025", dt.date(2025, 5, 1)),
    ("1 Okt 2025", dt.date(2025, 10, 1)),
    ("1 Oct. 2025", dt.date(2025, 10, 1)),
    ("10 Nop 2025", dt.date(2025, 11, 10)),
    ("10 Nov 2025", dt.date(2025, 11, 10)),
    ("25 Des 2025", dt.date(2025, 12, 25)),
    ("25 Dec 2025", dt.date(2025, 12, 25)),
    ("1 Maret 2025", dt.date(2025, 3, 1)),
    ("1 Sept 2025", dt.date(2025, 9, 1)),
    # English month-first
    ("February 4, 2025", FEB4),
    ("February 4 2025", FEB4),
    ("Feb 4 2025", FEB4),
    ("feb. 4, 2025", FEB4),
    # leading weekday that matches (4 Feb 2025 was a Tuesday / Selasa)
    ("Selasa, 4 Februari 2025", FEB4),
    ("selasa 4 februari 2025", FEB4),
    ("Sel, 4 Feb 2025", FEB4),
    ("Tue 4 Feb 2025", FEB4),
    ("Tuesday, 4 February 2025", FEB4),
    ("Tue, Feb 4, 2025", FEB4),
    ("Tue. 4 Feb 2025", FEB4),
    ("Jumat, 7 Februari 2025", TODAY),
    ("Jum'at, 7 Februari 2025", TODAY),
    ("Friday, 7 February 2025", TODAY),
    ("Minggu, 9 Februari 2025", dt.date(2025, 2, 9)),
    # today keywords
    ("today", TODAY),
    ("TODAY", TODAY),
    ("hari-ini", TODAY),
    ("hari ini", TODAY),
    ("Hari Ini", TODAY),
    ("  hari   ini ", TODAY),
    # the older spellings and short forms of letters and spreadsheets (GLOSARIUM.md, "Regions
    # and dates"), in any case
    ("4 Pebruari 2025", FEB4),
    ("4 PEBRUARI 2025", FEB4),
    ("4 peb 2025", FEB4),
    ("4 Peb. 2025", FEB4),
    ("4 Nopember 2025", dt.date(2025, 11, 4)),
    ("4 nopember 2025", dt.date(2025, 11, 4)),
    ("4 NOP 2025", dt.date(2025, 11, 4)),
    ("17 AGT 2025", dt.date(2025, 8, 17)),
    ("17 Agu 2025", dt.date(2025, 8, 17)),
    ("17 Agus 2025", dt.date(2025, 8, 17)),
    ("17 agus. 2025", dt.date(2025, 8, 17)),
    ("4 Sept 2025", dt.date(2025, 9, 4)),
    ("4 SEPT. 2025", dt.date(2025, 9, 4)),
    ("Selasa, 4 Pebruari 2025", FEB4),
    # a spreadsheet's d-mmm-yyyy and its neighbours
    ("4-Feb-2025", FEB4),
    ("04-feb-2025", FEB4),
    ("04-FEB-2025", FEB4),
    ("4-Peb-2025", FEB4),
    ("4/Feb/2025", FEB4),
    ("4.Feb.2025", FEB4),
    ("4-Februari-2025", FEB4),
    ("17-Agt-2025", dt.date(2025, 8, 17)),
    ("4-Nop-2025", dt.date(2025, 11, 4)),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted(text: str, expected: dt.date) -> None:
    assert parse_date(text, today=TODAY) == expected


REJECTED = [
    # (input, a fragment the one-line message must contain besides the input)
    ("", "empty"),
    ("   ", "empty"),
    ("\t\n", "empty"),
    ("4 Feb 2025" + " x" * 40, "too long"),
    ("4 Feb\n2025", "control"),
    ("4\x00Feb 2025", "control"),
    ("2025-02-04\r\n2025-02-05", "control"),
    ("4\u00a0Feb 2025", "U+00A0"),
    # impossible dates
    ("2025-02-30", "February 2025 has 28 days"),
    ("29/02/2025", "February 2025 has 28 days"),
    ("29/02/2100", "February 2100 has 28 days"),
    ("31/04/2025", "April 2025 has 30 days"),
    ("2025-13-01", "month 13"),
    ("01/13/2025", "month 13"),
    ("2025-00-10", "month 0"),
    ("0/2/2025", "day 0"),
    ("0 Feb 2025", "day 0"),
    ("32 Januari 2025", "January 2025 has 31 days"),
    # two-digit years, missing years, bare numbers
    ("04/02/25", "4 digits"),
    ("4 Feb 25", "4 digits"),
    ("4.2.202", "4 digits"),
    ("04/02", "incomplete"),
    ("2025-02", "incomplete"),
    ("4 Feb", "year is missing"),
    ("Feb 4", "year is missing"),
    ("Selasa, 4 Februari", "year is missing"),
    ("1738627200", "bare number"),
    ("20250204", "bare number"),
    ("2025", "bare number"),
    # non-ASCII digits
    ("٤/٢/٢٠٢٥", "ASCII digits"),  # Arabic-Indic
    ("２０２５-０２-０４", "ASCII digits"),  # full-width
    ("४ Feb 2025", "ASCII digits"),  # Devanagari
    ("4 Feb 2025²", "ASCII digits"),
    ("4 Fébruari 2025", "U+00E9"),
    # year-first with slashes, ambiguous or mixed forms, times
    ("2025/02/04", "ISO YYYY-MM-DD"),
    ("2025.02.04", "ISO YYYY-MM-DD"),
    ("2025-2-4", "ISO YYYY-MM-DD"),
    ("4/2-2025", "mixed separators"),
    ("4.2/2025", "mixed separators"),
    ("02-04-2025T00:00", "time of day"),
    ("2025-02-04T00:00:00", "time of day"),
    ("2025-02-04 10:00", "time of day"),
    ("123/2/2025", "1 or 2 digits"),
    ("4/123/2025", "1 or 2 digits"),
    # outside the supported range
    ("1999-12-31", "2000-01-01 to 2100-12-31"),
    ("2101-01-01", "2000-01-01 to 2100-12-31"),
    ("0000-01-01", "2000-01-01 to 2100-12-31"),
    ("31/12/1999", "2000-01-01 to 2100-12-31"),
    ("1 Jan 9999", "2000-01-01 to 2100-12-31"),
    # words
    ("4 Fbr 2025", "unknown month name"),
    ("4 Februari. 2025", "short month name"),
    ("Blursday, 4 Feb 2025", "unknown weekday"),
    ("Senin, 4 Februari 2025", "is a Tuesday"),
    ("Mon 4 Feb 2025", "is a Tuesday"),
    ("Friday, 4 February 2025", "is a Tuesday"),
    # anything else
    ("tomorrow", "expected YYYY-MM-DD"),
    ("yesterday", "expected YYYY-MM-DD"),
    ("4th February 2025", "expected YYYY-MM-DD"),
    ("Feb 2025", "expected YYYY-MM-DD"),
    ("2025-02-04-", "expected YYYY-MM-DD"),
    ("--", "expected YYYY-MM-DD"),
    ("'; DROP TABLE", "expected YYYY-MM-DD"),
    # spreadsheet forms: a two-digit year stays refused, and says why
    ("4-Feb-25", "two-digit years are ambiguous"),
    ("04-Peb-25", "4 digits (e.g. 4-Feb-2025)"),
    ("4-Fbr-2025", "unknown month name 'Fbr'"),
    ("4-Feb/2025", "expected YYYY-MM-DD"),
    ("30-Feb-2025", "February 2025 has 28 days"),
    ("4 Pebr 2025", "unknown month name"),
]


def _assert_one_line(msg: str) -> None:
    assert msg
    assert len(msg.splitlines()) == 1, msg


@pytest.mark.parametrize(("text", "fragment"), REJECTED)
def test_rejected(text: str, fragment: str) -> None:
    with pytest.raises(DateInputError) as info:
        parse_date(text, today=TODAY)
    msg = error_text(info.value, "en")
    _assert_one_line(msg)
    stripped = text.strip()
    shown = repr(stripped[:64]) if len(stripped) > 64 else repr(stripped or text)
    assert shown in msg
    assert fragment in msg


def test_long_input_is_truncated_with_ellipsis() -> None:
    text = "9" * 1000
    with pytest.raises(DateInputError) as info:
        parse_date(text)
    msg = error_text(info.value, "en")
    assert repr("9" * 64) + "..." in msg
    assert "9" * 65 not in msg


def test_today_needs_a_reference_date() -> None:
    with pytest.raises(DateInputError) as raised:
        parse_date("hari ini")
    assert re.search("'hari ini'", error_text(raised.value, "en"))


def test_date_input_error_is_an_input_error() -> None:
    assert issubclass(DateInputError, InputError)


@pytest.mark.parametrize("bad", [None, 20250204, b"2025-02-04", FEB4])
def test_non_str_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        parse_date(bad)  # type: ignore[arg-type]


# Weekdays from the proleptic Gregorian calendar: 4 February 2025 was a Tuesday
# and 7 February 2025 a Friday (3 February 2025 was a Monday).
@pytest.mark.parametrize(
    ("day", "id_name", "en_name"),
    [
        (dt.date(2025, 2, 3), "Senin", "Monday"),
        (dt.date(2025, 2, 4), "Selasa", "Tuesday"),
        (dt.date(2025, 2, 5), "Rabu", "Wednesday"),
        (dt.date(2025, 2, 6), "Kamis", "Thursday"),
        (dt.date(2025, 2, 7), "Jumat", "Friday"),
        (dt.date(2025, 2, 8), "Sabtu", "Saturday"),
        (dt.date(2025, 2, 9), "Minggu", "Sunday"),
        (dt.date(2000, 1, 1), "Sabtu", "Saturday"),
        (dt.date(2100, 12, 31), "Jumat", "Friday"),
    ],
)
def test_weekday_name(day: dt.date, id_name: str, en_name: str) -> None:
    assert weekday_name(day, "id") == id_name
    assert weekday_name(day, "en") == en_name


ID_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
EN_MONTHS = "January February March April May June July August September October November December"


@pytest.mark.parametrize("month", range(1, 13))
def test_month_name(month: int) -> None:
    assert month_name(month, "id") == ID_MONTHS.split()[month - 1]
    assert month_name(month, "en") == EN_MONTHS.split()[month - 1]


@pytest.mark.parametrize(
    ("day", "lang", "expected"),
    [
        (dt.date(2025, 2, 7), "id", "Jumat, 7 Februari 2025"),
        (dt.date(2025, 2, 7), "en", "Friday, 7 February 2025"),
        (dt.date(2025, 2, 4), "id", "Selasa, 4 Februari 2025"),
        (dt.date(2025, 8, 17), "id", "Minggu, 17 Agustus 2025"),
        (dt.date(2025, 8, 17), "en", "Sunday, 17 August 2025"),
    ],
)
def test_format_date(day: dt.date, lang: str, expected: str) -> None:
    assert format_date(day, lang) == expected


@pytest.mark.parametrize(
    "call",
    [
        lambda: month_name(0, "id"),
        lambda: month_name(13, "en"),
        lambda: weekday_name(FEB4, "fr"),
        lambda: format_date(FEB4, ""),
    ],
)
def test_bad_programmer_arguments_raise_value_error(call: Callable[[], object]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - any ValueError is the contract
        call()


in_range = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)


@given(in_range)
def test_roundtrip_iso(d: dt.date) -> None:
    assert parse_date(d.isoformat()) == d


@given(in_range, st.sampled_from("/-."))
def test_roundtrip_day_first(d: dt.date, sep: str) -> None:
    assert parse_date(f"{d.day}{sep}{d.month}{sep}{d.year}") == d
    assert parse_date(f"{d.day:02}{sep}{d.month:02}{sep}{d.year}") == d


@given(in_range, st.sampled_from(["id", "en"]))
def test_roundtrip_format(d: dt.date, lang: str) -> None:
    assert parse_date(format_date(d, lang)) == d


@given(in_range, st.sampled_from(["id", "en"]))
def test_wrong_weekday_is_rejected(d: dt.date, lang: str) -> None:
    other = d + dt.timedelta(days=1)
    text = f"{weekday_name(other, lang)}, {d.day} {month_name(d.month, lang)} {d.year}"
    with pytest.raises(DateInputError) as raised:
        parse_date(text)
    assert re.search("weekday does not match", error_text(raised.value, "en"))


def _parses_or_rejects_cleanly(text: str) -> None:
    try:
        result = parse_date(text, today=TODAY)
    except DateInputError as exc:
        _assert_one_line(str(exc))
    else:
        assert MIN_DATE <= result <= MAX_DATE


@given(st.text())
def test_fuzz_any_text(text: str) -> None:
    _parses_or_rejects_cleanly(text)


@given(st.text(alphabet="0123456789/-.:T ,'abcdefgijklmnoprstuvyADFJMNOS\t٤２", max_size=30))
def test_fuzz_date_like_text(text: str) -> None:
    _parses_or_rejects_cleanly(text)


@given(
    st.integers(-5, 40),
    st.integers(-1, 14),
    st.integers(0, 10_000),
    st.sampled_from(["{d}/{m}/{y}", "{y:04}-{m:02}-{d:02}", "{d} {mn} {y}"]),
)
def test_numeric_parts_parse_to_that_date_or_reject(d: int, m: int, y: int, form: str) -> None:
    mn = month_name(m, "id") if 1 <= m <= 12 else "Foo"
    text = form.format(d=d, m=m, y=y, mn=mn)
    try:
        result = parse_date(text)
    except DateInputError as exc:
        _assert_one_line(str(exc))
    else:
        assert result == dt.date(y, m, d)
        assert MIN_DATE <= result <= MAX_DATE


# --- the fast path for ISO dates: what it accepts, the full parser accepts alike ------------


def _full(text: str) -> dt.date | str:
    """The full parser's answer: the date, or its message."""
    try:
        return _parse_full(text, TODAY)
    except DateInputError as exc:
        return str(exc)


def _agrees(text: str) -> None:
    fast = iso_date(text)
    full = _full(text)
    if fast is not None:
        assert fast == full, text  # accepted: the same date
    # parse_date answers exactly as the full parser does, date or message
    try:
        answer: dt.date | str = parse_date(text, today=TODAY)
    except DateInputError as exc:
        answer = str(exc)
    assert answer == full, text


def test_iso_fast_path_takes_every_supported_day() -> None:
    day = MIN_DATE
    while day <= MAX_DATE:
        text = day.isoformat()
        assert iso_date(text) == day == _parse_full(text, None)
        day += dt.timedelta(days=1)


@pytest.mark.parametrize("year", ["1999", "2000", "2024", "2025", "2100", "2101", "0000", "9999"])
def test_iso_fast_path_near_misses(year: str) -> None:
    # Every month 00-13 and day 00-32 of years inside and just outside the range: impossible
    # days (2025-02-29, 2025-04-31, month 13, day 00) and out-of-range years are left to the
    # full parser, which rejects them with its own message.
    for month in range(14):
        for day in range(33):
            _agrees(f"{year}-{month:02d}-{day:02d}")


@pytest.mark.parametrize(
    "text",
    [
        " 2025-02-04", "2025-02-04 ", "2025-2-04", "2025-02-4", "2025/02/04", "2025-02-04T00",
        "２025-02-04", "2025-0٢-04", "+025-02-04", "2025-+2-04", "2025--2-04", "2025-02-0 ",
        "20250204", "2025-02", "2025-W06-2", "2025-02-04\n", "2025-02-04\u00a0", "-025-02-04",
    ],
)  # fmt: skip
def test_iso_fast_path_leaves_the_rest_to_the_full_parser(text: str) -> None:
    assert iso_date(text) is None
    _agrees(text)


@given(st.text(alphabet="0123456789- +٤２\t", min_size=8, max_size=12))
def test_iso_fast_path_agrees_on_any_iso_like_text(text: str) -> None:
    _agrees(text)


# --- the second fast path (common_date): 4/2/2025 and "4 Februari 2025" --------------------


def _full_in(text: str, order: str) -> dt.date | str:
    try:
        return _parse_full(text, TODAY, order)
    except DateInputError as exc:
        return str(exc)


def _common_agrees(text: str) -> None:
    """Wherever common_date gives a date, the full parser gives the same; parse_date answers
    exactly as the full parser does, date or message, in either order."""
    for order in ("dmy", "mdy"):
        fast = common_date(text, order)
        full = _full_in(text, order)
        if fast is not None:
            assert fast == full, (text, order)
        try:
            answer: dt.date | str = parse_date(text, today=TODAY, order=order)
        except DateInputError as exc:
            answer = str(exc)
        assert answer == full, (text, order)


def test_common_fast_path_takes_every_supported_day() -> None:
    # Every day of the range, day first and month first with each separator, and with the
    # Indonesian month name: the fast path reads each as the full parser does.
    months = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember")  # fmt: skip
    day = MIN_DATE
    separators = "/-."
    i = 0
    while day <= MAX_DATE:
        sep = separators[i % 3]
        dmy = f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year}"
        mdy = f"{day.month}{sep}{day.day}{sep}{day.year}"
        words = f"{day.day} {months[day.month - 1]} {day.year}"
        assert common_date(dmy, "dmy") == day == _parse_full(dmy, None, "dmy"), dmy
        assert common_date(mdy, "mdy") == day == _parse_full(mdy, None, "mdy"), mdy
        assert common_date(words, "dmy") == day == _parse_full(words, None, "dmy"), words
        day += dt.timedelta(days=1)
        i += 1


@pytest.mark.parametrize("word", sorted(_MONTH_WORDS))
def test_common_fast_path_reads_every_month_word_as_the_parser(word: str) -> None:
    # Each month word the parser knows (full, short, older spellings), in three cases, on
    # days 0-32 of years inside and just outside the range.
    for spelling in (word, word.upper(), word.capitalize()):
        for year in ("1999", "2000", "2025", "2100", "2101"):
            for day in range(33):
                _common_agrees(f"{day} {spelling} {year}")


@pytest.mark.parametrize("sep", ["/", "-", "."])
def test_common_fast_path_numeric_near_misses(sep: str) -> None:
    # Every day 0-32 and month 0-13, padded or not, of years inside and just outside the
    # range: impossible days and months, 31/12 read month first, out-of-range years.
    for year in ("1999", "2000", "2024", "2025", "2100", "2101", "0000"):
        for a in range(33):
            for b in range(14):
                _common_agrees(f"{a}{sep}{b}{sep}{year}")
                _common_agrees(f"{a:02d}{sep}{b:02d}{sep}{year}")


@pytest.mark.parametrize(
    "text",
    [
        " 4/2/2025", "4/2/2025 ", "4/2-2025", "4//2/2025", "4/2/25", "004/2/2025", "4/2/02025",
        "４/2/2025", "4/٢/2025", "4/2/2025\n", "4 Februari  2025", "4  Februari 2025",
        "4 Februari, 2025", "4 Feb. 2025", "Selasa, 4 Februari 2025", "4 Febuari 2025",
        "4 Februari 25", "4\tFebruari 2025", "4 Februari 2025\u00a0", "+4/2/2025",
        "4 Fébruari 2025", "0 Februari 2025", "29 Februari 2025", "4/2/2025T00",
    ],
)  # fmt: skip
def test_common_fast_path_leaves_the_rest_to_the_full_parser(text: str) -> None:
    assert common_date(text) is None
    _common_agrees(text)


@given(st.text(alphabet="0123456789/.- FebruariMyJnDs\t", min_size=6, max_size=16))
def test_common_fast_path_agrees_on_any_text_of_date_characters(text: str) -> None:
    _common_agrees(text)


# --date-order mdy: a US-locale export writes 2/4/2025 for 4 February 2025. Only numeric
# day-month dates change; ISO and month names are unambiguous and read the same in either order.
@pytest.mark.parametrize(
    ("text", "dmy", "mdy"),
    [
        ("2/4/2025", dt.date(2025, 4, 2), FEB4),
        ("02-04-2025", dt.date(2025, 4, 2), FEB4),
        ("12.31.2025", None, dt.date(2025, 12, 31)),
        ("31/12/2025", dt.date(2025, 12, 31), None),
        ("2025-02-04", FEB4, FEB4),
        ("4 Februari 2025", FEB4, FEB4),
        ("February 4, 2025", FEB4, FEB4),
        ("4-Feb-2025", FEB4, FEB4),
    ],
)
def test_date_order(text: str, dmy: dt.date | None, mdy: dt.date | None) -> None:
    for order, expected in (("dmy", dmy), ("mdy", mdy)):
        if expected is None:
            with pytest.raises(DateInputError) as raised:
                parse_date(text, order=order)
            assert "month 31 does not exist" in error_text(raised.value, "en")
        else:
            assert parse_date(text, order=order) == expected


def test_date_order_two_digit_year_still_refused() -> None:
    with pytest.raises(DateInputError) as raised:
        parse_date("2/4/25", order="mdy")
    assert "two-digit years are ambiguous" in error_text(raised.value, "en")


def test_unknown_date_order_is_a_programmer_error() -> None:
    with pytest.raises(ValueError, match="order"):
        parse_date("2025-02-04", order="ymd")
