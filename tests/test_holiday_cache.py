"""The holiday-table cache: same tables as the package, rebuilt when stale, ignored when broken."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
from pathlib import Path

import pytest

from penetapan_cli import files
from penetapan_cli.core.calendar import DayKind, NonWorkingDay, WorkCalendar
from penetapan_cli.core.counting import count_days
from penetapan_cli.core.rules import CountFrom, Roll, Unit
from penetapan_cli.settings import make_calendar, resolve_cache_dir
from penetapan_cli.sources.holiday_cache import FORMAT, CachedYearSource, read_table, write_table
from penetapan_cli.sources.holidays import (
    _sibling_dist_version,
    holidays_package_version,
    holidays_package_year,
)

NYEPI_CB = NonWorkingDay(
    dt.date(2025, 3, 28),
    DayKind.CUTI_BERSAMA,
    {"id": "Cuti Bersama Hari Suci Nyepi", "en": "Day of Silence Joint Holiday"},
)
IDUL_FITRI = NonWorkingDay(
    dt.date(2025, 3, 31),
    DayKind.PUBLIC_HOLIDAY,
    {"id": "Hari Raya Idul Fitri", "en": "Eid al-Fitr"},
    estimated=True,
)


class CountingSource:
    """A YearSource that records the years it was asked for."""

    def __init__(self, days: tuple[NonWorkingDay, ...] = (NYEPI_CB, IDUL_FITRI)) -> None:
        self.days = days
        self.calls: list[int] = []

    def __call__(self, year: int) -> tuple[NonWorkingDay, ...]:
        self.calls.append(year)
        return tuple(d for d in self.days if d.date.year == year)


def test_second_read_comes_from_the_file(tmp_path: Path) -> None:
    source = CountingSource()
    first = CachedYearSource(tmp_path, source=source, version="1.0")(2025)
    second = CachedYearSource(tmp_path, source=source, version="1.0")(2025)
    assert first == second == (NYEPI_CB, IDUL_FITRI)
    assert source.calls == [2025]
    assert [p.name for p in tmp_path.iterdir()] == ["holidays-ID-2025.json"]


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2031])
def test_cached_tables_equal_the_package(tmp_path: Path, year: int) -> None:
    """Built (cold) and read back (warm), a table is the package's, names and flags included."""
    direct = holidays_package_year(year)
    assert CachedYearSource(tmp_path)(year) == direct  # cold: built and written
    never = CountingSource(())
    assert CachedYearSource(tmp_path, source=never)(year) == direct  # warm: read back
    assert never.calls == []


def test_the_key_names_the_package_version_and_categories(tmp_path: Path) -> None:
    key = CachedYearSource(tmp_path).key(2025)
    assert key == {
        "format": FORMAT,
        "country": "ID",
        "categories": ["public", "government"],
        "holidays": importlib.metadata.version("holidays"),
        "year": 2025,
    }


def test_a_stale_file_is_rebuilt(tmp_path: Path) -> None:
    old = CountingSource((NYEPI_CB,))
    CachedYearSource(tmp_path, source=old, version="0.1")(2025)
    new = CountingSource()
    assert CachedYearSource(tmp_path, source=new, version="0.2")(2025) == (NYEPI_CB, IDUL_FITRI)
    assert new.calls == [2025]
    header = json.loads((tmp_path / "holidays-ID-2025.json").read_bytes().split(b"\n")[0])
    assert header["holidays"] == "0.2"


def _valid_file(tmp_path: Path) -> Path:
    CachedYearSource(tmp_path, source=CountingSource(), version="1.0")(2025)
    return tmp_path / "holidays-ID-2025.json"


def _reheader(data: bytes, payload: bytes) -> bytes:
    """A file with ``payload`` and a header whose checksum matches it."""
    import zlib

    header = json.loads(data.split(b"\n")[0])
    header["crc32"] = zlib.crc32(payload)
    return json.dumps(header).encode() + b"\n" + payload


CORRUPTIONS = {
    "empty": lambda data: b"",
    "truncated": lambda data: data[: len(data) // 2],
    "garbage": lambda data: b"\x00\xff not json \n at all",
    "flipped byte": lambda data: data[:-20] + bytes([data[-20] ^ 1]) + data[-19:],
    "header not an object": lambda data: b"[1, 2]\n" + data.split(b"\n", 1)[1],
    "no checksum": lambda data: data.replace(b',"crc32":', b',"crc":'),
    "payload not a list": lambda data: _reheader(data, b'{"2025-03-28": 1}'),
    "row of another year": lambda data: _reheader(
        data, b'[["2024-03-28","cuti-bersama","a","b",false]]'
    ),
    "unknown kind": lambda data: _reheader(data, b'[["2025-03-28","holiday","a","b",false]]'),
    "short row": lambda data: _reheader(data, b'[["2025-03-28","cuti-bersama","a"]]'),
    "estimated not a bool": lambda data: _reheader(
        data, b'[["2025-03-28","cuti-bersama","a","b",0]]'
    ),
    "a directory": None,
}


@pytest.mark.parametrize("how", list(CORRUPTIONS))
def test_a_corrupt_file_is_ignored_and_rebuilt(tmp_path: Path, how: str) -> None:
    path = _valid_file(tmp_path)
    corrupt = CORRUPTIONS[how]
    if corrupt is None:
        path.unlink()
        path.mkdir()
    else:
        path.write_bytes(corrupt(path.read_bytes()))
    source = CountingSource()
    assert CachedYearSource(tmp_path, source=source, version="1.0")(2025) == (NYEPI_CB, IDUL_FITRI)
    assert source.calls == [2025]
    if corrupt is not None:  # rewritten: the next read comes from the file again
        again = CountingSource(())
        assert CachedYearSource(tmp_path, source=again, version="1.0")(2025) == (
            NYEPI_CB,
            IDUL_FITRI,
        )
        assert again.calls == []


def test_an_unwritable_directory_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would be")
    source = CountingSource()
    cached = CachedYearSource(blocker / "penetapan", source=source, version="1.0")
    assert cached(2025) == cached(2025) == (NYEPI_CB, IDUL_FITRI)
    assert source.calls == [2025, 2025]  # built each time, nothing stored
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-directory"]


def test_writes_are_atomic_and_leave_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = CachedYearSource(tmp_path, version="1.0").key(2025)
    path = tmp_path / "sub" / "holidays-ID-2025.json"
    assert write_table(path, key, (NYEPI_CB,))
    assert read_table(path, key) == (NYEPI_CB,)
    assert sorted(p.name for p in path.parent.iterdir()) == ["holidays-ID-2025.json"]

    def fail(src: object, dst: object) -> None:
        raise PermissionError("denied")

    # The new table goes to a temporary file first: when the final rename fails, the old file
    # is untouched and the temporary one is removed.
    monkeypatch.setattr(files, "_replace", fail)
    assert not write_table(path, key, (IDUL_FITRI,))
    assert read_table(path, key) == (NYEPI_CB,)
    assert sorted(p.name for p in path.parent.iterdir()) == ["holidays-ID-2025.json"]


# Working-day deadlines computed three ways: no cache, cold cache, warm cache.
# Expected dates from the SKB 3 Menteri 2025 holidays as the `holidays` package lists them:
# Nyepi cuti bersama Fri 28 Mar, Nyepi Sat 29 Mar, Idul Fitri Mon 31 Mar and Tue 1 Apr, cuti
# bersama Wed 2, Thu 3, Fri 4 and Mon 7 Apr 2025.
TRIGGERS = [dt.date(2024, 12, 20) + dt.timedelta(days=7 * i + i % 7) for i in range(60)] + [
    dt.date(2025, 3, 27),
    dt.date(2025, 12, 24),
    dt.date(2026, 3, 13),
]


def _deadlines(calendar: WorkCalendar) -> list[tuple[dt.date, tuple[object, ...]]]:
    results = []
    for trigger in TRIGGERS:
        for days, count_from in ((3, CountFrom.AFTER), (3, CountFrom.ON), (45, CountFrom.ON)):
            counted = count_days(trigger, days, Unit.WORKING, count_from, Roll.NONE, calendar)
            results.append((counted.deadline, counted.trace))
    return results


def test_working_day_deadlines_agree_with_the_cache_cold_warm_and_off(tmp_path: Path) -> None:
    off = _deadlines(WorkCalendar(holidays_package_year))
    cold = _deadlines(WorkCalendar(CachedYearSource(tmp_path)))
    warm_source = CachedYearSource(tmp_path, source=CountingSource(()))
    warm = _deadlines(WorkCalendar(warm_source))
    assert off == cold == warm
    # PKPU 18/2024 Pasal 57(1)(b) with --basis working: 3 working days after Thu 27 Mar 2025
    # skip 28 Mar-7 Apr (Nyepi, Idul Fitri, cuti bersama, weekends): Tue 8, Wed 9, Thu 10 Apr.
    index = TRIGGERS.index(dt.date(2025, 3, 27)) * 3
    assert off[index][0] == dt.date(2025, 4, 10)


def test_make_calendar_uses_the_cache_unless_disabled(tmp_path: Path) -> None:
    cached = make_calendar(
        no_cuti_bersama=False, closures=None, environ={"PENETAPAN_CACHE_DIR": str(tmp_path)}
    )
    # SKB 3 Menteri 2025: cuti bersama for Nyepi on Fri 28 Mar 2025.
    assert not cached.is_working(dt.date(2025, 3, 28))
    assert (tmp_path / "holidays-ID-2025.json").is_file()
    off = make_calendar(
        no_cuti_bersama=False,
        closures=None,
        environ={"PENETAPAN_CACHE_DIR": str(tmp_path / "off"), "PENETAPAN_NO_CACHE": "1"},
    )
    assert not off.is_working(dt.date(2025, 3, 28))
    assert not (tmp_path / "off").exists()


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({"PENETAPAN_NO_CACHE": "1", "PENETAPAN_CACHE_DIR": "/c"}, "linux", None),
        ({"PENETAPAN_NO_CACHE": "yes", "HOME": "/home/u"}, "linux", None),
        ({"PENETAPAN_NO_CACHE": "0", "HOME": "/home/u"}, "linux", "/home/u/.cache/penetapan"),
        ({"PENETAPAN_NO_CACHE": "", "HOME": "/home/u"}, "linux", "/home/u/.cache/penetapan"),
        ({"PENETAPAN_CACHE_DIR": "/srv/c", "HOME": "/home/u"}, "linux", "/srv/c"),
        ({"PENETAPAN_CACHE_DIR": "", "HOME": "/home/u"}, "linux", "/home/u/.cache/penetapan"),
        ({"XDG_CACHE_HOME": "/x", "HOME": "/home/u"}, "linux", "/x/penetapan"),
        ({"XDG_CACHE_HOME": "rel", "HOME": "/home/u"}, "linux", "/home/u/.cache/penetapan"),
        ({"HOME": "/home/u"}, "freebsd14", "/home/u/.cache/penetapan"),
        ({"HOME": "/U/u", "XDG_CACHE_HOME": "/x"}, "darwin", "/U/u/Library/Caches/penetapan"),
        ({"LOCALAPPDATA": "C:/AppData"}, "win32", "C:/AppData/penetapan/Cache"),
        ({}, "win32", None),
    ],
)  # fmt: skip
def test_cache_directory(environ: dict[str, str], platform: str, expected: str | None) -> None:
    found = resolve_cache_dir(environ, platform)
    assert found == expected


def test_holidays_version_without_importing_the_package() -> None:
    assert holidays_package_version() == importlib.metadata.version("holidays")
    assert _sibling_dist_version("typer") == importlib.metadata.version("typer")
    assert _sibling_dist_version("no_such_package_here") is None
