"""What the command line reads from outside the core: environment, clock, files.

The core never does any of this; the CLI resolves these values and passes them in.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from penetapan_cli.core.errors import LANGS, InputError

if TYPE_CHECKING:
    from pathlib import Path

    from penetapan_cli.core.calendar import NonWorkingDay, WorkCalendar, YearSource

TZ_ALIASES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}
DEFAULT_TZ = "Asia/Jakarta"
# Keppres 41/1987: WIB is UTC+7, WITA UTC+8, WIT UTC+9, with no daylight saving time; the
# aliases are these fixed offsets, so "today" in them needs no time zone database.
TZ_OFFSETS = {"WIB": 7, "WITA": 8, "WIT": 9}


def resolve_lang(option: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """The language for people: --lang, else PENETAPAN_LANG, else Indonesian when the locale is
    Indonesian, else English."""
    given = _given_lang(option, environ)
    if given is not None:
        return given
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale = environ.get(var)
        if locale:
            return "id" if locale.lower().startswith(("id", "in_id")) else "en"
    return "en"


def machine_lang(option: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """The language of texts in machine output (JSON, CSV, JSON Lines, a batch's ``error``
    column): --lang, else PENETAPAN_LANG, else English, whatever the locale."""
    return _given_lang(option, environ) or "en"


def _given_lang(option: str | None, environ: Mapping[str, str]) -> str | None:
    if option is not None:
        value, origin = option, "--lang"
    elif environ.get("PENETAPAN_LANG"):
        value, origin = environ["PENETAPAN_LANG"], "PENETAPAN_LANG"
    else:
        return None
    lang = value.strip().lower()
    if lang not in LANGS:
        raise InputError("lang.invalid", origin=origin, value=value)
    return lang


def lang_of_argv(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language for people of a command line before it is parsed (for --help, usage
    errors and the error boundary): its ``--lang`` when valid, else as ``resolve_lang`` says
    without it; never an error (a wrong --lang is reported, in this language, by the command)."""
    option: str | None = None
    for i, token in enumerate(argv):
        if token == "--":
            break
        if token == "--lang" and i + 1 < len(argv):
            option = argv[i + 1]
        elif token.startswith("--lang="):
            option = token.partition("=")[2]
    for candidate in (option, None):
        try:
            return resolve_lang(candidate, environ)
        except InputError:
            continue
    try:
        return resolve_lang(None, {k: v for k, v in environ.items() if k != "PENETAPAN_LANG"})
    except InputError:  # pragma: no cover - without PENETAPAN_LANG nothing can be wrong
        return "en"


# The longest IANA name is 32 characters ("America/Argentina/ComodRivadavia"); anything far
# longer is not a zone, and is refused before the file system is asked.
MAX_TZ_NAME = 64


def resolve_tz(name: str) -> dt.tzinfo:
    alias = name.strip().upper()
    if alias in TZ_OFFSETS:
        return dt.timezone(dt.timedelta(hours=TZ_OFFSETS[alias]), alias)
    from zoneinfo import ZoneInfo

    key = TZ_ALIASES.get(alias, name.strip())
    shown = name if len(name) <= MAX_TZ_NAME else name[:MAX_TZ_NAME] + "..."
    unknown = InputError("tz.unknown", name=shown)
    if not key or len(key) > MAX_TZ_NAME:
        raise unknown
    try:
        return ZoneInfo(key)
    except (LookupError, ValueError, OSError):  # not found, a directory, "..", a bad byte
        raise unknown from None


def today_in(tz_name: str) -> dt.date:
    return dt.datetime.now(resolve_tz(tz_name)).date()


def resolve_cache_dir(
    environ: Mapping[str, str] = os.environ, platform: str = sys.platform
) -> str | None:
    """Where the holiday tables are cached; None when caching is off.

    PENETAPAN_NO_CACHE (any value but "" or "0") turns the cache off; PENETAPAN_CACHE_DIR names
    the directory; otherwise the user's cache directory: $XDG_CACHE_HOME/penetapan or
    ~/.cache/penetapan (Linux and other Unix), ~/Library/Caches/penetapan (macOS),
    %LOCALAPPDATA%\\penetapan\\Cache (Windows).
    """
    if environ.get("PENETAPAN_NO_CACHE", "") not in ("", "0"):
        return None
    if environ.get("PENETAPAN_CACHE_DIR"):
        return environ["PENETAPAN_CACHE_DIR"]
    if platform == "win32":
        local = environ.get("LOCALAPPDATA")
        return os.path.join(local, "penetapan", "Cache") if local else None
    home = environ.get("HOME") or os.path.expanduser("~")
    if platform == "darwin":
        base = os.path.join(home, "Library", "Caches")
    else:
        xdg = environ.get("XDG_CACHE_HOME", "")
        base = xdg if os.path.isabs(xdg) else os.path.join(home, ".cache")
    return os.path.join(base, "penetapan") if os.path.isabs(base) else None


_TOLD: set[str] = set()


def _say_unsafe(lang: str) -> Callable[[Path | str, str], None]:
    """How the holiday cache says, once per path and process, that it does not use a file."""

    def say(path: Path | str, reason: str) -> None:
        if str(path) in _TOLD:
            return
        _TOLD.add(str(path))
        from penetapan_cli.messages import LABELS, cache_not_used

        text = cache_not_used(str(path), reason, lang)
        with contextlib.suppress(OSError, ValueError, AttributeError):
            sys.stderr.write(f"{LABELS['warning_label'][lang]}: {text}\n")

    return say


def holiday_source(
    lang: str = "en", environ: Mapping[str, str] = os.environ, platform: str = sys.platform
) -> YearSource:
    """Where every command takes Indonesia's holiday tables from: the package, through the
    cache ``resolve_cache_dir`` names when it is the user's own (sources/holiday_cache.py).

    Where there are no user ids or file modes to check (Windows), only the default per-user
    directory under %LOCALAPPDATA% is trusted; a PENETAPAN_CACHE_DIR there is not used."""
    cache_dir = resolve_cache_dir(environ, platform)
    if cache_dir is None:
        from penetapan_cli.sources.holidays import holidays_package_year

        return holidays_package_year
    from penetapan_cli.sources.holiday_cache import CachedYearSource

    return CachedYearSource(
        cache_dir,
        on_unsafe=_say_unsafe(lang),
        private_location=platform == "win32" and not environ.get("PENETAPAN_CACHE_DIR"),
    )


def make_calendar(
    *,
    no_cuti_bersama: bool,
    closures: Path | None,
    environ: Mapping[str, str] = os.environ,
    lang: str = "en",
) -> WorkCalendar:
    """The working-day calendar, its holiday tables from ``holiday_source``."""
    from penetapan_cli.core.calendar import WorkCalendar

    source = holiday_source(lang, environ)
    days: tuple[NonWorkingDay, ...] = ()
    if closures is not None:
        from penetapan_cli.sources.closures import read_closures

        days = read_closures(closures)
    return WorkCalendar(source, cuti_bersama_working=no_cuti_bersama, closures=days)
