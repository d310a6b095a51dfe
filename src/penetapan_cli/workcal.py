"""The working-day calendar: weekends, public holidays, cuti bersama and the user's closures.

Working day ("hari kerja", PMK 3/2024 Pasal 1 angka 32): Monday to Friday except the official
holidays set by the Government. Holidays and cuti bersama come from the ``holidays`` package
(categories "public" and "government"), imported only when a working day must be known.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from penetapan_cli.errors import ClosuresFileError
from penetapan_cli.rules import Text


class DayKind(enum.Enum):
    WEEKEND = "weekend"
    PUBLIC_HOLIDAY = "public-holiday"
    CUTI_BERSAMA = "cuti-bersama"
    CLOSURE = "closure"


class NonWorkingDay(NamedTuple):
    date: dt.date
    kind: DayKind
    name: Text
    estimated: bool = False


class YearCoverage(NamedTuple):
    """What the holiday data knows of one year."""

    year: int
    has_cuti_bersama: bool
    estimated: tuple[NonWorkingDay, ...]


YearSource = Callable[[int], Sequence[NonWorkingDay]]
"""Gives the public holidays and cuti bersama of one year."""

_WEEKEND_NAMES: dict[int, Text] = {
    5: {"id": "Sabtu", "en": "Saturday"},
    6: {"id": "Minggu", "en": "Sunday"},
}
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ESTIMATED_SUFFIXES = (" (estimated)", " (perkiraan)")


def _strip_estimated(name: str) -> str:
    for suffix in _ESTIMATED_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


HOLIDAY_CATEGORIES: tuple[tuple[str, DayKind], ...] = (
    ("public", DayKind.PUBLIC_HOLIDAY),
    ("government", DayKind.CUTI_BERSAMA),
)
"""The ``holidays`` categories read for Indonesia, and the kind of day each gives."""


def holidays_package_year(year: int) -> tuple[NonWorkingDay, ...]:
    """Indonesia's public holidays and cuti bersama of ``year`` from the ``holidays`` package."""
    import holidays

    days: list[NonWorkingDay] = []
    for category, kind in HOLIDAY_CATEGORIES:
        in_id = holidays.country_holidays("ID", years=year, categories=(category,), language="id")
        in_en = holidays.country_holidays(
            "ID", years=year, categories=(category,), language="en_US"
        )
        for date in sorted(in_id):
            names_id = in_id[date].split("; ")
            names_en = in_en.get(date, "").split("; ")
            if len(names_en) != len(names_id):
                names_en = names_id
            for name_id, name_en in zip(names_id, names_en, strict=True):
                days.append(
                    NonWorkingDay(
                        date=date,
                        kind=kind,
                        name={"id": _strip_estimated(name_id), "en": _strip_estimated(name_en)},
                        estimated=name_en.endswith(_ESTIMATED_SUFFIXES[0])
                        or name_id.endswith(_ESTIMATED_SUFFIXES[1]),
                    )
                )
    return tuple(days)


def holidays_package_version() -> str:
    """The installed ``holidays`` version, without importing the package.

    Read from the distribution metadata next to the package that ``import holidays`` would load
    (a few file reads); ``importlib.metadata`` (which costs more to import) is the fallback for
    any other layout.
    """
    version = _sibling_dist_version("holidays")
    if version is None:
        from importlib.metadata import version as metadata_version

        version = metadata_version("holidays")
    return version


def _sibling_dist_version(name: str) -> str | None:
    """``Version:`` of the single ``<name>-*.dist-info`` beside the importable package ``name``."""
    import os
    import sys

    spec = None
    for finder in sys.meta_path:
        find_spec = getattr(finder, "find_spec", None)
        if find_spec is not None and (spec := find_spec(name, None)) is not None:
            break
    if spec is None or not spec.origin or not spec.submodule_search_locations:
        return None
    site = os.path.dirname(os.path.dirname(spec.origin))
    try:
        found = [
            e for e in os.listdir(site) if e.startswith(f"{name}-") and e.endswith(".dist-info")
        ]
        if len(found) != 1:
            return None
        with open(os.path.join(site, found[0], "METADATA"), encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("Version:"):
                    return line.partition(":")[2].strip() or None
                if not line.strip():
                    break  # end of the headers
    except OSError:
        return None
    return None


def read_closures(path: Path) -> tuple[NonWorkingDay, ...]:
    """A closures file: one ISO date per line with an optional name; ``#`` starts a comment."""
    from penetapan_cli.dates import parse_date
    from penetapan_cli.errors import DateInputError

    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ClosuresFileError(f"closures file {str(path)!r} not found") from None
    except IsADirectoryError:
        raise ClosuresFileError(f"closures file {str(path)!r} is a directory") from None
    except UnicodeDecodeError:
        raise ClosuresFileError(f"closures file {str(path)!r} is not UTF-8 text") from None
    except OSError as exc:
        raise ClosuresFileError(
            f"closures file {str(path)!r} cannot be read: {exc.strerror}"
        ) from None
    closures: list[NonWorkingDay] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        first, _, rest = line.partition(" ")
        try:
            if not _ISO.fullmatch(first):
                raise DateInputError(f"expected an ISO date YYYY-MM-DD, got {first!r}")
            date = parse_date(first)
        except DateInputError as exc:
            raise ClosuresFileError(f"closures file {str(path)!r} line {number}: {exc}") from None
        name = rest.strip() or "Penutupan kantor / office closure"
        closures.append(NonWorkingDay(date, DayKind.CLOSURE, {"id": name, "en": name}))
    return tuple(closures)


class WorkCalendar:
    """Answers whether a day is a working day, and why not."""

    def __init__(
        self,
        source: YearSource = holidays_package_year,
        *,
        cuti_bersama_working: bool = False,
        closures: Iterable[NonWorkingDay] = (),
    ) -> None:
        self._source = source
        self.cuti_bersama_working = cuti_bersama_working
        self.closures = tuple(closures)
        self._years: dict[int, dict[dt.date, list[NonWorkingDay]]] = {}
        self._coverage: dict[int, YearCoverage] = {}

    def _year(self, year: int) -> dict[dt.date, list[NonWorkingDay]]:
        table = self._years.get(year)
        if table is None:
            entries = tuple(self._source(year))
            table = {}
            for day in entries + tuple(c for c in self.closures if c.date.year == year):
                table.setdefault(day.date, []).append(day)
            self._years[year] = table
            self._coverage[year] = YearCoverage(
                year=year,
                has_cuti_bersama=any(e.kind is DayKind.CUTI_BERSAMA for e in entries),
                estimated=tuple(e for e in entries if e.estimated),
            )
        return table

    def year_days(self, year: int) -> list[NonWorkingDay]:
        """Every listed non-working day of ``year`` (weekends aside), by date."""
        table = self._year(year)
        return [day for date in sorted(table) for day in table[date]]

    def coverage(self, year: int) -> YearCoverage:
        self._year(year)
        return self._coverage[year]

    def listed(self, date: dt.date) -> tuple[NonWorkingDay, ...]:
        """Holidays, cuti bersama and closures on ``date`` (weekends not included)."""
        return tuple(self._year(date.year).get(date, ()))

    @staticmethod
    def weekend(date: dt.date) -> NonWorkingDay | None:
        name = _WEEKEND_NAMES.get(date.weekday())
        return None if name is None else NonWorkingDay(date, DayKind.WEEKEND, name)

    def closed_because(self, date: dt.date) -> tuple[NonWorkingDay, ...]:
        """Why ``date`` is not a working day; empty when it is one."""
        weekend = self.weekend(date)
        reasons = tuple(
            day
            for day in self.listed(date)
            if not (day.kind is DayKind.CUTI_BERSAMA and self.cuti_bersama_working)
        )
        return ((weekend,) if weekend else ()) + reasons

    def is_working(self, date: dt.date) -> bool:
        return not self.closed_because(date)
