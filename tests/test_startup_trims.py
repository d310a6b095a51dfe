"""Imports a one-off check no longer pays for, and proof that nothing they computed changed."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from penetapan_cli.core.dates import MAX_DATE, MIN_DATE, parse_date
from penetapan_cli.core.errors import DateInputError, OutcomeError
from penetapan_cli.core.outcomes import parse_outcome
from penetapan_cli.messages import error_text
from penetapan_cli.settings import resolve_tz


@pytest.mark.parametrize(
    ("alias", "zone"),
    [("WIB", "Asia/Jakarta"), ("wita", "Asia/Makassar"), (" WIT ", "Asia/Jayapura")],
)
def test_time_zone_aliases_are_the_fixed_offsets_of_their_zones(alias: str, zone: str) -> None:
    """Keppres 41/1987: WIB is UTC+7, WITA UTC+8, WIT UTC+9 (no daylight saving time); the
    time zone database agrees at every instant tested since the decree took effect in 1988."""
    fixed, database = resolve_tz(alias), ZoneInfo(zone)
    for year in range(1988, 2101):
        for month in (1, 7):
            instant = dt.datetime(year, month, 1, 16, 59, tzinfo=dt.UTC)
            assert instant.astimezone(fixed).date() == instant.astimezone(database).date()
            assert instant.astimezone(fixed).utcoffset() == database.utcoffset(
                instant.replace(tzinfo=None)
            )


def test_month_lengths_match_the_calendar_module() -> None:
    for year in range(MIN_DATE.year, MAX_DATE.year + 1):
        for month in range(1, 13):
            last = calendar.monthrange(year, month)[1]
            assert parse_date(f"{year}-{month:02d}-{last:02d}") == dt.date(year, month, last)
            if (year, month) != (MAX_DATE.year, MAX_DATE.month):  # past the range there
                with pytest.raises(DateInputError) as raised:
                    parse_date(f"{year}-{month:02d}-{last + 1:02d}")
                assert re.search(f" has {last} days", error_text(raised.value, "en"))


def test_outcome_hint_still_offered() -> None:
    with pytest.raises(OutcomeError) as raised:
        parse_outcome("dismised")
    assert re.search("did you mean 'dismissed'", error_text(raised.value, "en"))
