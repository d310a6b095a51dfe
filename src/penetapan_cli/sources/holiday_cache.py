"""A disk cache of the holiday tables built from the ``holidays`` package, one file per year.

Importing ``holidays`` and building Indonesia's calendar for a year costs more than the rest of a
one-off check. For a given ``holidays`` version and set of categories the table never changes, so
it is kept in the user's cache directory and read back with the standard library.

- The key is the ``holidays`` version, the categories, the country and this file's ``FORMAT``
  (raise it whenever ``holidays_package_year`` changes what it returns). A file with another key
  is stale: it is rebuilt and overwritten.
- Only the user can change a table that decides a date. The CRC-32 catches accidents, not
  intent, so a table is read only from a directory that belongs to the current user and that
  no one else can write (as ssh treats its keys), and only from a regular file of that user that
  no one else can write, opened without following a link and without waiting on a pipe, at most
  ``LIMIT`` bytes. The directory is created 0700 and the files 0600.
- A directory that another user owns or others can write is not used at all (the tables are
  built from the package each time) and ``on_unsafe`` says so, once. A file in a good directory
  that is not the user's own, or that others can write, is said the same way and replaced.
- A file that cannot be read, does not parse, fails its checksum or holds anything unexpected is
  ignored and silently rebuilt; a pipe, device or link where a file should be is neither read
  nor replaced; a directory that cannot be written is not an error (the table is simply built
  each time). Files are written atomically (a temporary file, then a rename).
- Where the system has no user ids or file modes (Windows), nothing can be checked: the caller
  says whether the directory is a private one by its location (settings.py: the user's own
  %LOCALAPPDATA% is, a PENETAPAN_CACHE_DIR is not).
- The caller chooses the directory (settings.py reads the environment); this module reads none.

A cached table equals the one ``holidays`` gives, so no date can change: tests run the suite with
the cache cold, warm and disabled.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import zlib
from typing import TYPE_CHECKING

from penetapan_cli.core.calendar import NonWorkingDay, YearSource
from penetapan_cli.files import UNSAFE_REASONS
from penetapan_cli.sources.holidays import (
    HOLIDAY_CATEGORIES,
    holidays_package_version,
    holidays_package_year,
)

FORMAT = 1
COUNTRY = "ID"
LIMIT = 1 << 16  # a year's table is about 3 KB; anything far larger is not one
_KINDS = {kind.value: kind for _, kind in HOLIDAY_CATEGORIES}

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    Unsafe = Callable[[Path | str, str], None]
    """Told once that a directory or file is not used: its path and why (UNSAFE_REASONS)."""


def _ignore(path: Path | str, reason: str) -> None:
    return None


class CachedYearSource:
    """A ``YearSource`` that keeps each year's table from ``source`` in ``directory``.

    ``version`` is the ``holidays`` version the tables are keyed by; by default it is read (only
    when a year is first asked for) from the installed package's metadata.
    """

    def __init__(
        self,
        directory: Path | str,
        *,
        source: YearSource = holidays_package_year,
        version: str | None = None,
        on_unsafe: Unsafe = _ignore,
        private_location: bool = False,
    ) -> None:
        self.directory = directory
        self._source = source
        self._version = version
        self._on_unsafe = on_unsafe
        self._private_location = private_location
        self._usable: bool | None = None  # the directory, checked on first use
        self._told = False

    def _unsafe(self, path: Path | str, reason: str) -> None:
        if not self._told:
            self._told = True
            self._on_unsafe(path, reason)

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
        from pathlib import Path

        return Path(self._file(year))

    def _file(self, year: int) -> str:
        # A plain string: pathlib is not loaded for a one-off check.
        return os.path.join(self.directory, f"holidays-{COUNTRY}-{year}.json")

    def usable(self) -> bool:
        """Whether the directory may be read and written: the user's own, no one else can
        write it (or it does not exist yet: it is created 0700 when a table is written)."""
        if self._usable is None:
            from penetapan_cli.files import private_status

            reason = private_status(self.directory, private_location=self._private_location)
            if reason is not None and reason in UNSAFE_REASONS:
                self._unsafe(self.directory, reason)
            self._usable = reason is None or reason == "missing"
        return self._usable

    def __call__(self, year: int) -> tuple[NonWorkingDay, ...]:
        if not self.usable():
            return tuple(self._source(year))
        key = self.key(year)
        path = self._file(year)
        found = read_private_table(path, key, private_location=self._private_location)
        if isinstance(found, tuple):
            return found
        days = tuple(self._source(year))
        if found in UNSAFE_REASONS:
            self._unsafe(self.path(year), found)
        if found != "not a file":  # a pipe, device or link is neither read nor replaced
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


def read_table(path: Path | str, key: dict[str, object]) -> tuple[NonWorkingDay, ...] | None:
    """The table stored at ``path`` under ``key``; None when absent, stale, corrupt, or in a
    file that someone else could have written."""
    found = read_private_table(path, key)
    return found if isinstance(found, tuple) else None


def read_private_table(
    path: Path | str, key: dict[str, object], *, private_location: bool = False
) -> tuple[NonWorkingDay, ...] | str:
    """The table stored at ``path`` under ``key``, or why there is none: "missing", "not a
    file", "corrupt" (also stale), or a reason of ``files.UNSAFE_REASONS``.

    The file is a header line (the key and a CRC-32 of the rest) and one line of rows.
    """
    from penetapan_cli.files import read_private

    data = read_private(path, limit=LIMIT, private_location=private_location)
    if isinstance(data, str):
        return data
    try:
        header_line, _, payload = data.partition(b"\n")
        header = json.loads(header_line)
        if not isinstance(header, dict) or header.pop("crc32", None) != zlib.crc32(payload):
            return "corrupt"
        if header != key:
            return "corrupt"  # stale: another holidays version, format or category set
        return _decode(payload, int(str(key["year"])))
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return "corrupt"  # rebuilt by the caller


def write_table(path: Path | str, key: dict[str, object], days: tuple[NonWorkingDay, ...]) -> bool:
    """Store ``days`` at ``path`` atomically; False (and nothing left behind) when it cannot,
    or when ``path`` is anything but a regular file (a pipe, a link to a device, ...)."""
    from penetapan_cli.core.errors import InputError
    from penetapan_cli.files import atomic_write

    payload = _encode(days)
    header = json.dumps({**key, "crc32": zlib.crc32(payload)}, separators=(",", ":"))
    try:
        folder = os.path.dirname(os.fspath(path))
        os.makedirs(os.path.dirname(folder) or ".", exist_ok=True)
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder, mode=0o700)  # the cache's own directory: only its user's
        with atomic_write(
            path, binary=True, what="file.cache", option="the cache", sync=False, mode=0o600
        ) as fh:
            fh.write(header.encode("ascii") + b"\n" + payload)
    except (OSError, InputError):
        return False
    return True
