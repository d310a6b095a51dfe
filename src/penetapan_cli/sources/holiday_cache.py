"""A disk cache of the holiday tables built from the ``holidays`` package, one file per year.

Importing ``holidays`` and building Indonesia's calendar for a year costs more than the rest of a
one-off check. For a given ``holidays`` version and set of categories the table never changes, so
it is kept in the user's cache directory and read back with the standard library.

- The key is the ``holidays`` version, the categories, the country and this file's ``FORMAT``
  (raise it whenever ``holidays_package_year`` changes what it returns). A file with another key
  is stale: it is rebuilt and overwritten.
- A file that cannot be read, does not parse, fails its checksum or holds anything unexpected is
  ignored and rebuilt; a directory that cannot be written is not an error (the table is simply
  built each time). Files are written atomically (a temporary file, then a rename).
- The caller chooses the directory (settings.py reads the environment); this module reads none.

A cached table equals the one ``holidays`` gives, so no date can change: tests run the suite with
the cache cold, warm and disabled.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from pathlib import Path

from penetapan_cli.core.calendar import NonWorkingDay, YearSource
from penetapan_cli.sources.holidays import (
    HOLIDAY_CATEGORIES,
    holidays_package_version,
    holidays_package_year,
)

FORMAT = 1
COUNTRY = "ID"
_KINDS = {kind.value: kind for _, kind in HOLIDAY_CATEGORIES}


class CachedYearSource:
    """A ``YearSource`` that keeps each year's table from ``source`` in ``directory``.

    ``version`` is the ``holidays`` version the tables are keyed by; by default it is read (only
    when a year is first asked for) from the installed package's metadata.
    """

    def __init__(
        self,
        directory: Path,
        *,
        source: YearSource = holidays_package_year,
        version: str | None = None,
    ) -> None:
        self.directory = directory
        self._source = source
        self._version = version

    def key(self, year: int) -> dict[str, object]:
        if self._version is None:
            self._version = holidays_package_version()
        return {
            "format": FORMAT,
            "country": COUNTRY,
            "categories": [category for category, _ in HOLIDAY_CATEGORIES],
            "holidays": self._version,
            "year": year,
        }

    def path(self, year: int) -> Path:
        return self.directory / f"holidays-{COUNTRY}-{year}.json"

    def __call__(self, year: int) -> tuple[NonWorkingDay, ...]:
        key = self.key(year)
        path = self.path(year)
        days = read_table(path, key)
        if days is None:
            days = tuple(self._source(year))
            write_table(path, key, days)
        return days


def _encode(days: tuple[NonWorkingDay, ...]) -> bytes:
    rows = [
        [d.date.isoformat(), d.kind.value, d.name["id"], d.name["en"], d.estimated] for d in days
    ]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _decode(payload: bytes, year: int) -> tuple[NonWorkingDay, ...]:
    rows = json.loads(payload)
    if not isinstance(rows, list):
        raise ValueError("unexpected cache payload")
    days = []
    for date_text, kind, name_id, name_en, estimated in rows:
        date = dt.date.fromisoformat(date_text)
        if (
            date.year != year
            or not isinstance(name_id, str)
            or not isinstance(name_en, str)
            or not isinstance(estimated, bool)
        ):
            raise ValueError("unexpected cache row")
        days.append(NonWorkingDay(date, _KINDS[kind], {"id": name_id, "en": name_en}, estimated))
    return tuple(days)


def read_table(path: Path, key: dict[str, object]) -> tuple[NonWorkingDay, ...] | None:
    """The table stored at ``path`` under ``key``; None when absent, stale or corrupt.

    The file is a header line (the key and a CRC-32 of the rest) and one line of rows.
    """
    from penetapan_cli.core.errors import InputError
    from penetapan_cli.files import read_small

    try:
        data = read_small(path, what="cache file", fifo=False)  # never a pipe or a device
    except InputError:
        return None
    try:
        header_line, _, payload = data.partition(b"\n")
        header = json.loads(header_line)
        if not isinstance(header, dict) or header.pop("crc32", None) != zlib.crc32(payload):
            return None
        if header != key:
            return None  # stale: another holidays version, format or category set
        return _decode(payload, int(str(key["year"])))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # missing or corrupt: rebuilt by the caller


def write_table(path: Path, key: dict[str, object], days: tuple[NonWorkingDay, ...]) -> bool:
    """Store ``days`` at ``path`` atomically; False (and nothing left behind) when it cannot,
    or when ``path`` is anything but a regular file (a pipe, a link to a device, ...)."""
    from penetapan_cli.core.errors import InputError
    from penetapan_cli.files import atomic_write

    payload = _encode(days)
    header = json.dumps({**key, "crc32": zlib.crc32(payload)}, separators=(",", ":"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_write(
            path, binary=True, what="cache file", option="the cache", sync=False
        ) as fh:
            fh.write(header.encode("ascii") + b"\n" + payload)
    except (OSError, InputError):
        return False
    return True
