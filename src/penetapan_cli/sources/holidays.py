"""Indonesia's public holidays and cuti bersama from the ``holidays`` package.

Categories "public" and "government" (cuti bersama) are read; ``holidays`` is imported only when a
year's table is first needed, since it costs more than the rest of a one-off check.
"""

from __future__ import annotations

from penetapan_cli.core.calendar import DayKind, NonWorkingDay

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
