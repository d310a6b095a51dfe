"""``penetapan holidays YEAR``: the non-working days of a year besides weekends."""

from __future__ import annotations

import sys
from pathlib import Path

from penetapan_cli.core.errors import InputError


def run_holidays(
    year: int, *, no_cuti_bersama: bool, closures: Path | None, fmt: str, lang: str | None
) -> int:
    from penetapan_cli.commands.common import note
    from penetapan_cli.core.dates import MAX_DATE, MIN_DATE
    from penetapan_cli.messages import LABELS
    from penetapan_cli.reports import HolidaysReport
    from penetapan_cli.settings import make_calendar, resolve_lang
    from penetapan_cli.sources.holidays import holidays_package_version

    language = resolve_lang(lang)
    if not MIN_DATE.year <= year <= MAX_DATE.year:
        raise InputError(
            f"year {year} is out of range: expected {MIN_DATE.year} to {MAX_DATE.year}"
        )
    calendar = make_calendar(no_cuti_bersama=no_cuti_bersama, closures=closures)
    report = HolidaysReport(
        lang=language,
        year=year,
        days=tuple(calendar.year_days(year)),
        coverage=calendar.coverage(year),
        cuti_working=no_cuti_bersama,
        holidays_version=holidays_package_version(),
    )
    if fmt == "json":
        from penetapan_cli.render.json import dump_json, holidays_json

        dump_json(holidays_json(report), sys.stdout)
        return 0
    from penetapan_cli.render.text import make_console, render_holidays

    render_holidays(make_console(sys.stdout), report)
    if not report.coverage.has_cuti_bersama:
        note([LABELS["no_cuti_year"][language].format(year=year)], "warning_label", language)
    return 0
