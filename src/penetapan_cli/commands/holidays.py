"""``penetapan holidays YEAR``: the non-working days of a year besides weekends."""

from __future__ import annotations

import sys
from pathlib import Path

from penetapan_cli.core.errors import InputError
from penetapan_cli.render.notes import warn


def run_holidays(
    year: int, *, no_cuti_bersama: bool, closures: Path | None, fmt: str, lang: str | None
) -> int:
    from penetapan_cli.core.calendar import DayKind
    from penetapan_cli.core.dates import MAX_DATE, MIN_DATE, format_date
    from penetapan_cli.messages import DAY_KINDS
    from penetapan_cli.settings import make_calendar, resolve_lang
    from penetapan_cli.sources.holidays import holidays_package_version

    language = resolve_lang(lang)
    if not MIN_DATE.year <= year <= MAX_DATE.year:
        raise InputError(
            f"year {year} is out of range: expected {MIN_DATE.year} to {MAX_DATE.year}"
        )
    calendar = make_calendar(no_cuti_bersama=no_cuti_bersama, closures=closures)
    days = calendar.year_days(year)
    coverage = calendar.coverage(year)
    rows = [
        {
            "date": d.date.isoformat(),
            "kind": d.kind.value,
            "name": d.name[language],
            "estimated": d.estimated,
            "working": d.kind is DayKind.CUTI_BERSAMA and no_cuti_bersama,
        }
        for d in days
    ]
    if fmt == "json":
        from penetapan_cli.render.text import dump_json

        dump_json(
            {
                "schema_version": 1,
                "year": year,
                "holidays_version": holidays_package_version(),
                "has_cuti_bersama": coverage.has_cuti_bersama,
                "estimated": bool(coverage.estimated),
                "days": rows,
            },
            sys.stdout,
        )
        return 0
    from rich.table import Table

    from penetapan_cli.render.text import make_console, plain_row

    est_word = "perkiraan" if language == "id" else "estimated"
    table = Table(title=f"{year} (holidays {holidays_package_version()})")
    for header in ("date", "kind", "name", ""):
        table.add_column(header, overflow="fold")
    for d in days:
        flags = [est_word] if d.estimated else []
        if d.kind is DayKind.CUTI_BERSAMA and no_cuti_bersama:
            flags.append("--no-cuti-bersama")
        plain_row(
            table,
            format_date(d.date, language),
            DAY_KINDS[d.kind][language],
            d.name[language],
            ", ".join(flags),
        )
    make_console(sys.stdout).print(table)
    if not coverage.has_cuti_bersama:
        warn(
            [
                f"tidak ada cuti bersama {year} dalam data hari libur"
                if language == "id"
                else f"the holiday data lists no cuti bersama for {year}"
            ],
            "peringatan" if language == "id" else "warning",
        )
    return 0
