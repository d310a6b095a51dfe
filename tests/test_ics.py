"""Calendar export: files written with icalendar round-trip through its parser with the right
dates, a reminder on the working day before, and UIDs that stay the same on a re-run."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import icalendar
import pytest

from penetapan_cli.core.calendar import WorkCalendar
from penetapan_cli.core.compare import compare_deadlines
from penetapan_cli.core.errors import InputError
from penetapan_cli.core.outcomes import Outcome
from penetapan_cli.core.timeline import Timeline, build_timeline
from penetapan_cli.messages import error_text
from penetapan_cli.options import OPTION_NAMES
from penetapan_cli.render.ics import (
    CalendarEvent,
    DeclarationEvents,
    DeclarationParts,
    IcsSink,
    ResultEvents,
    build_calendar,
    deadline_event,
    declaration_event,
    declaration_parts,
    ics_file,
    reminder_day,
    timeline_events,
    write_ics,
)
from penetapan_cli.render.ics_lines import END, EventWriter, header
from penetapan_cli.reports import TimelineReport
from penetapan_cli.sources.holidays import holidays_package_year
from penetapan_cli.sources.rulesets import load_limits, load_rule_set

CALENDAR = WorkCalendar(holidays_package_year)
DEFAULT = load_rule_set("pkpu-18-2024")
STAMP = dt.datetime(2025, 2, 4, 10, 0, tzinfo=dt.UTC)


def parse(path: Path) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return list(cal.walk("VEVENT"))


def reminder_at(event: icalendar.Event) -> dt.datetime:
    """When the alarm fires, relative to 00:00 of the all-day start (floating local time)."""
    (alarm,) = event.walk("VALARM")
    start = event.decoded("dtstart")
    trigger = alarm.decoded("trigger")
    assert isinstance(trigger, dt.timedelta)
    return dt.datetime.combine(start, dt.time()) + trigger


@pytest.mark.parametrize(
    ("deadline", "expected"),
    [
        # Fri 7 Feb 2025 -> Thu 6 Feb 2025
        (dt.date(2025, 2, 7), dt.date(2025, 2, 6)),
        # Mon 6 Jan 2025 -> Fri 3 Jan 2025 (weekend between)
        (dt.date(2025, 1, 6), dt.date(2025, 1, 3)),
        # Thu 30 Jan 2025 -> Fri 24 Jan 2025: Mon 27 Isra Mi'raj, Tue 28 cuti bersama Imlek,
        # Wed 29 Imlek, and the weekend are not working days
        (dt.date(2025, 1, 30), dt.date(2025, 1, 24)),
        # Sat 8 Feb 2025 (a deadline may fall on a weekend) -> Fri 7 Feb 2025
        (dt.date(2025, 2, 8), dt.date(2025, 2, 7)),
    ],
)
def test_reminder_day(deadline: dt.date, expected: dt.date) -> None:
    assert reminder_day(deadline, CALENDAR) == expected


def test_deadline_event_round_trips(tmp_path: Path) -> None:
    comparison = compare_deadlines(
        Outcome.DISMISSED, dt.date(2025, 2, 4), rule_sets=[DEFAULT], calendar=CALENDAR
    )
    event = deadline_event(
        comparison,
        notified=dt.date(2025, 2, 4),
        lang="en",
        region="Kota Medan",
        calendar=CALENDAR,
    )
    assert event is not None
    path = tmp_path / "medan.ics"
    write_ics([event], path, stamp=STAMP)
    (parsed,) = parse(path)
    # PKPU 18/2024 Pasal 57(1)(b): 3 calendar days after Tue 4 Feb 2025 -> Fri 7 Feb 2025
    assert parsed.decoded("dtstart") == dt.date(2025, 2, 7)
    assert parsed.decoded("dtend") == dt.date(2025, 2, 8)
    assert str(parsed["summary"]) == (
        "Last day to declare the elected pair \u2014 Kota Medan (not accepted (dismissal))"
    )
    description = str(parsed["description"])
    assert "PKPU 18/2024 Pasal 57 ayat (1) huruf b" in description
    assert "3 calendar days after the trigger date" in description
    assert "Tuesday, 4 February 2025" in description
    assert "Trigger unsettled" in description
    assert str(parsed["uid"]) == event.uid
    # reminder at 08:00 on Thu 6 Feb 2025, the working day before
    assert reminder_at(parsed) == dt.datetime(2025, 2, 6, 8, 0)
    assert parsed.decoded("dtstamp") == STAMP


def test_uid_is_stable_and_follows_the_region() -> None:
    def uid(notified: dt.date, region: str | None, rule_set: str = "pkpu-18-2024") -> str:
        comparison = compare_deadlines(
            Outcome.DISMISSED,
            notified,
            rule_sets=[load_rule_set(rule_set)],
            calendar=CALENDAR,
        )
        event = deadline_event(
            comparison, notified=notified, lang="en", region=region, calendar=CALENDAR
        )
        assert event is not None
        return event.uid

    feb4, feb5 = dt.date(2025, 2, 4), dt.date(2025, 2, 5)
    assert uid(feb4, "Kota Medan") == uid(feb4, "Kota Medan")
    # a corrected date for the same region updates the same event
    assert uid(feb4, "Kota Medan") == uid(feb5, " kota  medan ")
    assert uid(feb4, "Kota Medan") != uid(feb4, "Kota Binjai")
    assert uid(feb4, "Kota Medan") != uid(feb4, "Kota Medan", "pkpu-2-2024-annex")
    # without a region the trigger date tells deadlines apart
    assert uid(feb4, None) != uid(feb5, None)


def report(timeline: Timeline, lang: str, region: str) -> TimelineReport:
    """The report ``penetapan timeline`` makes of ``timeline``."""
    return TimelineReport(lang, timeline, OPTION_NAMES, False, region, CALENDAR)


def test_rewrite_replaces_the_file_with_the_same_uids(tmp_path: Path) -> None:
    timeline = build_timeline(
        dt.date(2024, 12, 16),
        rule_set=DEFAULT,
        limits=load_limits(),
        calendar=CALENDAR,
        registered=dt.date(2025, 1, 3),
        decided=dt.date(2025, 2, 24),
        outcome=Outcome.REVOTE,
        order_days=60,
    )
    events = timeline_events(report(timeline, "id", "Kabupaten Pasaman"))
    path = tmp_path / "pasaman.ics"
    write_ics(events, path, stamp=STAMP)
    first = parse(path)
    write_ics(events, path, stamp=STAMP + dt.timedelta(days=1))
    second = parse(path)
    assert [str(e["uid"]) for e in first] == [str(e["uid"]) for e in second]
    assert len({str(e["uid"]) for e in first}) == 3
    # petition Wed 18 Dec 2024, MK limit Tue 11 Mar 2025, PSU order Thu 24 Apr 2025
    assert [e.decoded("dtstart") for e in second] == [
        dt.date(2024, 12, 18),
        dt.date(2025, 3, 11),
        dt.date(2025, 4, 24),
    ]
    assert [reminder_at(e) for e in second] == [
        dt.datetime(2024, 12, 17, 8, 0),
        dt.datetime(2025, 3, 10, 8, 0),
        dt.datetime(2025, 4, 23, 8, 0),
    ]
    assert str(second[2]["summary"]) == (
        "Batas akhir pelaksanaan perintah MK \u2014 Kabupaten Pasaman "
        "(pemungutan suara ulang (PSU))"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["pasaman.ics"]  # no temporary file left


def test_declaration_from_timeline_and_deadline_is_one_event() -> None:
    notified = dt.date(2025, 2, 4)
    timeline = build_timeline(
        dt.date(2024, 12, 16),
        rule_set=DEFAULT,
        limits=load_limits(),
        calendar=CALENDAR,
        notified=notified,
        outcome=Outcome.DISMISSED,
    )
    from_timeline = timeline_events(report(timeline, "en", "Kota Medan"))
    comparison = compare_deadlines(
        Outcome.DISMISSED, notified, rule_sets=[DEFAULT], calendar=CALENDAR
    )
    from_deadline = deadline_event(
        comparison, notified=notified, lang="en", region="Kota Medan", calendar=CALENDAR
    )
    assert from_deadline is not None
    assert from_timeline[-1].uid == from_deadline.uid
    assert from_timeline[-1].date == from_deadline.date == dt.date(2025, 2, 7)


def test_pending_has_no_event() -> None:
    comparison = compare_deadlines(
        Outcome.REVOTE, dt.date(2025, 2, 24), rule_sets=[DEFAULT], calendar=CALENDAR
    )
    event = deadline_event(
        comparison, notified=dt.date(2025, 2, 24), lang="en", region=None, calendar=CALENDAR
    )
    assert event is None


def test_write_errors_are_input_errors(tmp_path: Path) -> None:
    event = CalendarEvent("k", dt.date(2025, 2, 7), "s", "d", dt.date(2025, 2, 6))
    with pytest.raises(InputError) as raised:
        write_ics([], tmp_path / "x.ics")
    assert re.search("nothing has a date yet", error_text(raised.value, "en"))
    with pytest.raises(InputError) as raised:
        write_ics([event], tmp_path / "missing" / "x.ics")
    assert re.search("folder does not exist", error_text(raised.value, "en"))
    with pytest.raises(InputError) as raised:
        write_ics([event], tmp_path)
    assert re.search("is a directory", error_text(raised.value, "en"))


def _medan(case_number: str | None, region: str | None = "Kota Medan") -> CalendarEvent:
    notified = dt.date(2025, 2, 4)
    comparison = compare_deadlines(
        Outcome.DISMISSED, notified, rule_sets=[DEFAULT], calendar=CALENDAR
    )
    event = deadline_event(
        comparison,
        notified=notified,
        lang="en",
        region=region,
        calendar=CALENDAR,
        case_number=case_number,
    )
    assert event is not None
    return event


def test_case_number_tells_two_cases_of_one_region_apart() -> None:
    plain = _medan(None)
    first = _medan("220/PHPU.WAKO-XXIII/2025")
    second = _medan("221/PHPU.WAKO-XXIII/2025")
    assert len({plain.uid, first.uid, second.uid}) == 3
    # Spacing and case of the case number do not matter; without one the key is unchanged,
    # so `deadline --region` and a batch row without a case number stay one event.
    assert first.uid == _medan("  220/phpu.wako-xxiii/2025 ").uid
    assert plain.key == "declaration|pkpu-18-2024|dismissed|region:kota medan"
    assert first.key == plain.key + "|case:220/phpu.wako-xxiii/2025"
    assert first.description.splitlines()[0] == "Case number: 220/PHPU.WAKO-XXIII/2025"
    assert first.summary == plain.summary
    assert first.date == dt.date(2025, 2, 7)  # PKPU 18/2024 Pasal 57(1)(b): 4 Feb 2025 + 3


def test_streamed_file_is_the_built_calendar(tmp_path: Path) -> None:
    events = [_medan(None), _medan("220/PHPU.WAKO-XXIII/2025"), _medan("1", region=None)]
    path = tmp_path / "all.ics"
    with ics_file(path, stamp=STAMP) as sink:
        for event in events:
            sink.add(event)
    assert sink.count == 3
    assert path.read_bytes() == build_calendar(events, stamp=STAMP)
    assert [p.name for p in tmp_path.iterdir()] == ["all.ics"]
    assert [str(e["uid"]) for e in parse(path)] == [e.uid for e in events]


def test_stream_without_events_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "old.ics"
    path.write_bytes(b"previous calendar")
    with ics_file(path, stamp=STAMP) as sink:
        pass
    assert sink.count == 0
    assert path.read_bytes() == b"previous calendar"
    assert [p.name for p in tmp_path.iterdir()] == ["old.ics"]


def test_stream_failure_keeps_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    import errno

    path = tmp_path / "old.ics"
    path.write_bytes(b"previous calendar")

    def fail_after_one_event(error: BaseException) -> None:
        with ics_file(path, stamp=STAMP) as sink:
            sink.add(_medan(None))
            raise error

    with pytest.raises(KeyboardInterrupt):
        fail_after_one_event(KeyboardInterrupt())
    with pytest.raises(InputError) as raised:
        fail_after_one_event(OSError(errno.ENOSPC, "No space left on device"))
    assert re.search(
        r"'.*old\.ics' cannot be written: No space left", error_text(raised.value, "en")
    )
    assert path.read_bytes() == b"previous calendar"
    assert [p.name for p in tmp_path.iterdir()] == ["old.ics"]


# --- the event writer against icalendar's component tree --------------------------------------


def _tree(item: CalendarEvent, stamp: dt.datetime) -> bytes:
    """The event as an icalendar component tree writes it: the reference for EventWriter."""
    event = icalendar.Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", item.date)
    event.add("dtend", item.date + dt.timedelta(days=1))
    event.add("summary", item.summary)
    event.add("description", item.description)
    event.add("transp", "TRANSPARENT")
    if item.reminder_on is not None:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", item.summary)
        days_before = (item.date - item.reminder_on).days
        alarm.add("trigger", -(dt.timedelta(days=days_before) - dt.timedelta(hours=8)))
        event.add_component(alarm)
    return bytes(event.to_ical())


def _sample_events() -> list[CalendarEvent]:
    """Events of every outcome with a deadline, in both languages, over two years of
    notification dates, with region names and case numbers that need escaping or folding."""
    regions = [
        None,
        "Kota Medan",
        "Kabupaten Kepulauan Siau Tagulandang Biaro, Sulawesi Utara; dapil 1\\2",
        "Kabupaten " + "Penajam Paser Utara " * 6,  # folded over several lines
        "Kota Tanjungbalai \u2014 \u00e9\u00e8 \u4e2d\u6587 \U0001f5f3",  # multi-byte at a fold
    ]
    cases = [None, "220/PHPU.WAKO-XXIII/2025", 'perkara "A", no; 5\\6']
    outcomes = [o for o in Outcome if DEFAULT.rule_for(o).days is not None]
    events: list[CalendarEvent] = []
    day = dt.date(2024, 12, 1)
    i = 0
    while day <= dt.date(2026, 1, 31):
        outcome = outcomes[i % len(outcomes)]
        event = deadline_event(
            compare_deadlines(outcome, day, rule_sets=[DEFAULT], calendar=CALENDAR),
            notified=day,
            lang=("id", "en")[i % 2],
            region=regions[i % len(regions)],
            calendar=CALENDAR,
            case_number=cases[i % len(cases)],
        )
        assert event is not None
        events.append(event)
        day += dt.timedelta(days=3)
        i += 1
    events.append(CalendarEvent("no-reminder", dt.date(2025, 2, 7), "x", "y", None))
    # Folding edge cases: an escape, a caret or a multi-byte character at every position
    # around the 75-octet limit; the RFC's literal \N; lone CR, CRLF and LF line breaks.
    for shift in range(50, 80):
        for tail in ("\\;", ",,", "^x", "\u00e9\u00e9", "\U0001f5f3!", "\\N", "a\r\nb\rc\nd"):
            text = "x" * shift + tail + "y" * 90
            events.append(
                CalendarEvent(
                    f"edge|{shift}|{tail}", dt.date(2025, 2, 10), text, text, dt.date(2025, 2, 3)
                )
            )
    return events


def test_event_writer_writes_what_icalendar_writes() -> None:
    events = _sample_events()
    write = EventWriter(STAMP)
    for event in events:
        assert write(event) == _tree(event, STAMP), event.key
    # and the whole file parses back with icalendar, every event with its own values
    cal = icalendar.Calendar.from_ical(build_calendar(events, stamp=STAMP))
    parsed = list(cal.walk("VEVENT"))
    assert len(parsed) == len(events)
    for item, back in zip(events, parsed, strict=True):
        assert str(back["uid"]) == item.uid
        if item.key.startswith("edge|"):  # line breaks and \N come back as LF
            continue
        assert str(back["summary"]) == item.summary
        assert str(back["description"]) == item.description
        assert back.decoded("dtstart") == item.date
        assert back.decoded("dtstamp") == STAMP
        if item.reminder_on is not None:
            assert reminder_at(back) == dt.datetime.combine(item.reminder_on, dt.time(8))


def test_calendar_header_and_durations_are_icalendar_s() -> None:
    from penetapan_cli import __version__
    from penetapan_cli.render.ics_lines import _duration

    cal = icalendar.Calendar()
    cal.add("prodid", f"-//penetapan//penetapan {__version__}//ID")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    assert header() + b"END:VCALENDAR\r\n" == cal.to_ical()
    for days in range(0, 40):  # reminders up to weeks before (closures), and the odd offsets
        for offset in (dt.timedelta(hours=-8), dt.timedelta(minutes=-30), dt.timedelta(seconds=1)):
            delta = -(dt.timedelta(days=days) + offset)
            assert _duration(delta).encode() == icalendar.vDuration(delta).to_ical(), delta
            assert _duration(-delta).encode() == icalendar.vDuration(-delta).to_ical(), delta


def test_shared_description_is_folded_as_icalendar_folds_it_at_every_column() -> None:
    """A batch's events share the end of their descriptions (``CalendarEvent.pieces``), which
    the writer escapes and folds once per column it starts at: case numbers of every length
    move it over every column, with an escape, a caret or a multi-byte character next to the
    cut. Each event is the one icalendar writes for the same description."""
    write = EventWriter(STAMP)
    comparison = compare_deadlines(
        Outcome.DISMISSED, dt.date(2025, 2, 4), rule_sets=[DEFAULT], calendar=CALENDAR
    )
    for lang in ("id", "en"):
        for length in range(1, 160):
            for filler in ("7", "\\", ";", "^", "\u00e9", "\U0001f5f3"):
                case = (filler * length)[:length]
                event = deadline_event(
                    comparison,
                    notified=dt.date(2025, 2, 4),
                    lang=lang,
                    region="Kota Medan",
                    calendar=CALENDAR,
                    case_number=case,
                )
                assert event is not None
                assert event.pieces is not None
                assert "\n".join(event.pieces) == event.description
                assert write(event) == _tree(event, STAMP), (lang, length, filler)


def test_uid_is_uuid5_of_the_key() -> None:
    import uuid

    from penetapan_cli.render.ics import UID_NAMESPACE, uid5

    for key in ("", "declaration|pkpu-18-2024|dismissed|region:kota medan", "\u00e9\U0001f5f3"):
        assert uid5(key) == str(uuid.uuid5(uuid.UUID(UID_NAMESPACE), key))
    for n in range(2000):  # every bit of the hash passes through the version and variant
        key = f"declaration|x|region:{n}"
        assert uid5(key) == str(uuid.uuid5(uuid.UUID(UID_NAMESPACE), key))


# --- batch --ics: each row's event from what rows share ---------------------------------------

Row = tuple[DeclarationParts, dt.date, Outcome, str, str]  # what DeclarationEvents.add takes


def _read_back(text: str) -> str:
    """``text`` as icalendar reads it back: the RFC's ``\\N`` and every line break (CR LF, CR,
    LF) as LF, and a control character (one here) as the ``?`` we write for it."""
    return text.replace("\\N", "\n").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "?")


def _rows_written(lang: str, rows: list[Row]) -> list[bytes]:
    """Each row's event as ``batch --ics`` writes it (``DeclarationEvents``), one by one; the
    rows of one ``DeclarationParts`` share its ``ResultEvents``, as rows share a result."""
    fh = io.BytesIO()
    sink = IcsSink(fh, STAMP, Path("batch.ics"))
    events = DeclarationEvents(sink, lang)
    results: dict[int, ResultEvents] = {}
    written = []
    for number, (parts, notified, outcome, region, case) in enumerate(rows, 1):
        result = results.get(id(parts))
        if result is None:
            result = results[id(parts)] = events.result(parts, notified)
        events.add(result, outcome, region, case, number)
        sink.flush()
        written.append(fh.getvalue())
        fh.seek(0)
        fh.truncate()
    assert sink.count == len(rows)
    return written


def _rows_expected(lang: str, rows: list[Row]) -> list[CalendarEvent]:
    """Each row's event as ``declaration_event`` gives it, its key made unique in the file
    with the row number, as RowEvents documents."""
    used: set[str] = set()
    events = []
    for number, (parts, notified, outcome, region, case) in enumerate(rows, 1):
        event = declaration_event(
            parts,
            outcome=outcome,
            notified=notified,
            lang=lang,
            region=region or None,
            case_number=case or None,
        )
        key = event.key
        while key in used:
            key = f"{key}|row:{number}"
        used.add(key)
        events.append(dataclasses.replace(event, key=key))
    return events


def _odd_parts() -> list[DeclarationParts]:
    """Results whose texts need escaping, fold next to a multi-byte character or an escape,
    end with a CR (escaped with the LF after it) or are empty."""
    day, before = dt.date(2025, 2, 7), dt.date(2025, 2, 6)
    texts = [
        ("Hitungan: 3 hari\r", "Aturan: x; y, z\\N \u00e9" * 9),
        ("", "\u201ckutipan\u201d " * 20),
        ("x" * 60 + "\\;" + "\u00e9" * 30, "\n\r\nsisa\r"),
        ("count " + "\U0001f5f3" * 40, ""),
    ]
    return [DeclarationParts("odd-rules", day, c, s, before) for c, s in texts]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_batch_events_are_the_declaration_events_icalendar_writes(lang: str) -> None:
    """``batch --ics`` writes a row's event from parts its result, title and case number
    share (``DeclarationEvents``): each event is byte for byte the one ``declaration_event``
    gives, as the event writer and as icalendar's component tree write it, with case numbers
    of every length (so that the shared lines start at every column), texts that need escaping
    or fold next to a multi-byte character, and repeated keys; the file parses back."""
    outcomes = [o for o in Outcome if DEFAULT.rule_for(o).days is not None]
    results: list[tuple[DeclarationParts, dt.date]] = []
    for i, day in enumerate([dt.date(2025, 1, 6), dt.date(2025, 2, 4), dt.date(2025, 12, 24)]):
        outcome = outcomes[i % len(outcomes)]
        comparison = compare_deadlines(outcome, day, rule_sets=[DEFAULT], calendar=CALENDAR)
        parts = declaration_parts(comparison, lang=lang, calendar=CALENDAR)
        assert parts is not None
        results.append((parts, day))
    results += [(parts, dt.date(2025, 2, 4)) for parts in _odd_parts()]
    regions = [
        "",
        "Kota Medan",
        "Kabupaten Kepulauan Siau Tagulandang Biaro, Sulawesi Utara; dapil 1\\2",
        "Kabupaten" + " Penajam Paser Utara" * 6,
        "Kota Tanjungbalai \u2014 \u00e9\u00e8 \u4e2d\u6587 \U0001f5f3",
        "x\x00y \\N",
    ]
    cases = ["", "220/PHPU.WAKO-XXIII/2025", 'perkara "A", no; 5\\6']
    for filler in ("7", "\\", ";", "^", "\u00e9", "\U0001f5f3"):
        cases += [(filler * length)[:length] for length in range(1, 90)]
    rows: list[Row] = []
    for i, case in enumerate(cases):
        parts, day = results[i % len(results)]
        rows.append((parts, day, outcomes[i % len(outcomes)], regions[i % len(regions)], case))
    rows += rows[:40]  # the same keys again: each gets its row number
    written = _rows_written(lang, rows)
    expected = _rows_expected(lang, rows)
    assert len({event.key for event in expected}) == len(rows)
    write = EventWriter(STAMP)
    for text, event in zip(written, expected, strict=True):
        assert text == write(event), event.key
        if "\x00" not in event.summary:  # we write a control character as ?, icalendar keeps it
            assert text == _tree(event, STAMP), event.key
    cal = icalendar.Calendar.from_ical(header() + b"".join(written) + END)
    parsed = list(cal.walk("VEVENT"))
    assert [str(back["uid"]) for back in parsed] == [event.uid for event in expected]
    for back, event in zip(parsed, expected, strict=True):
        assert str(back["summary"]) == _read_back(event.summary)
        assert str(back["description"]) == _read_back(event.description)
        assert back.decoded("dtstart") == event.date
        assert event.reminder_on is not None
        assert reminder_at(back) == dt.datetime.combine(event.reminder_on, dt.time(8))
