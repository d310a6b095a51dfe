"""``penetapan holidays YEAR``: the non-working days of a year besides weekends."""

from __future__ import annotations

import sys
from pathlib import Path

from penetapan_cli.core.errors import InputError


def parse_year(text: str) -> int:
    """YEAR as dates take it: ASCII digits only (no other script's digits, no sign, no
    underscore, no space), within the range of dates."""
    from penetapan_cli.core.dates import MAX_DATE, MIN_DATE

    shown = text if len(text) <= 16 else text[:16] + "..."
    if not (text.isascii() and text.isdigit()) or len(text) > 4:
        raise InputError("year.invalid", text=shown, first=MIN_DATE.year, last=MAX_DATE.year)
    year = int(text)
    if not MIN_DATE.year <= year <= MAX_DATE.year:
        raise InputError("year.range", year=year, first=MIN_DATE.year, last=MAX_DATE.year)
    return year


def run_holidays(
    year: str, *, no_cuti_bersama: bool, closures: Path | None, fmt: str, lang: str | None
) -> int:
    from penetapan_cli.commands.common import note, output_lang
    from penetapan_cli.messages import LABELS
    from penetapan_cli.reports import HolidaysReport
    from penetapan_cli.settings import make_calendar
    from penetapan_cli.sources.holidays import holidays_package_version

    language = output_lang(lang, fmt)
    number = parse_year(year)
    calendar = make_calendar(no_cuti_bersama=no_cuti_bersama, closures=closures, lang=language)
    report = HolidaysReport(
        lang=language,
        year=number,
        days=tuple(calendar.year_days(number)),
        coverage=calendar.coverage(number),
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
        note([LABELS["no_cuti_year"][language].format(year=number)], "warning_label", language)
    return 0
