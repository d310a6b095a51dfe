"""What the command line reads from outside the core: environment, clock, files.

The core never does any of this; the CLI resolves these values and passes them in.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path

from penetapan_cli.errors import InputError
from penetapan_cli.i18n import LANGS
from penetapan_cli.workcal import WorkCalendar, read_closures

TZ_ALIASES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
DEFAULT_TZ = "Asia/Jakarta"
# Keppres 41/1987: WIB is UTC+7, WITA UTC+8, WIT UTC+9, with no daylight saving time; the
# aliases are these fixed offsets, so "today" in them needs no time zone database.
TZ_OFFSETS = {"WIB": 7, "WITA": 8, "WIT": 9}


def resolve_lang(option: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """--lang, else PENETAPAN_LANG, else Indonesian when the locale is Indonesian, else English."""
    if option is not None:
        value, origin = option, "--lang"
    elif environ.get("PENETAPAN_LANG"):
        value, origin = environ["PENETAPAN_LANG"], "PENETAPAN_LANG"
    else:
        for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
            locale = environ.get(var)
            if locale:
                return "id" if locale.lower().startswith(("id", "in_id")) else "en"
        return "en"
    lang = value.strip().lower()
    if lang not in LANGS:
        raise InputError(f"invalid {origin} {value!r}: expected id or en")
    return lang


def resolve_tz(name: str) -> dt.tzinfo:
    alias = name.strip().upper()
    if alias in TZ_OFFSETS:
        return dt.timezone(dt.timedelta(hours=TZ_OFFSETS[alias]), alias)
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    key = TZ_ALIASES.get(alias, name.strip())
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(
            f"unknown time zone {name!r}: expected WIB, WITA, WIT or an IANA name such as "
            "Asia/Jakarta"
        ) from None


def today_in(tz_name: str) -> dt.date:
    return dt.datetime.now(resolve_tz(tz_name)).date()


def make_calendar(*, no_cuti_bersama: bool, closures: Path | None) -> WorkCalendar:
    return WorkCalendar(
        cuti_bersama_working=no_cuti_bersama,
        closures=read_closures(closures) if closures is not None else (),
    )
