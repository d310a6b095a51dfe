"""What every command resolves the same way: language, today, dates given as options, notes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from penetapan_cli.core.errors import InputError

if TYPE_CHECKING:
    from penetapan_cli.core.outcomes import Outcome
    from penetapan_cli.core.rules import RuleSet


class Setting(NamedTuple):
    lang: str
    today: dt.date
    as_of: dt.date  # --as-of, else today


def resolve(
    lang: str | None, tz: str, as_of: str | None, date_order: str = "dmy", fmt: str = "text"
) -> Setting:
    """--lang, --tz (which gives today) and --as-of (read in --date-order), checked in that
    order. Text for people follows the locale when no language is given; machine output
    (``fmt`` not text) does not."""
    language = output_lang(lang, fmt)
    from penetapan_cli.settings import today_in

    today = today_in(tz)  # also rejects an unknown --tz
    return Setting(language, today, option_date(as_of, "--as-of", today, date_order) or today)


def option_date(
    value: str | None, option: str, today: dt.date, date_order: str = "dmy"
) -> dt.date | None:
    """The date an option gives; a bad one is reported with the option's name."""
    from penetapan_cli.core.dates import parse_date

    if value is None:
        return None
    try:
        return parse_date(value, today=today, order=date_order)
    except InputError as exc:
        raise type(exc)("option.prefixed", option=option, error=exc.msg) from None


def read_outcome(text: str) -> Outcome:
    """The outcome ``text`` names; a partial grant is refused with the choices it leaves
    (PartialGrantError, outcome.partial_grant)."""
    from penetapan_cli.core.outcomes import parse_outcome

    return parse_outcome(text)


def note(texts: list[str], key: str, lang: str) -> None:
    """Lines on stderr under a label of the catalogue (warning_label, notice_label...)."""
    if texts:
        from penetapan_cli.messages import LABELS
        from penetapan_cli.render.notes import warn

        warn(texts, LABELS[key][lang])


def rule_set_status(rule_set: RuleSet, lang: str) -> None:
    """A rule set that is not in force says so on stderr."""
    if rule_set.status != "in-force":
        text = rule_set.note.get(lang, "")
        from penetapan_cli.messages import STATUS, phrase

        status = STATUS.get(rule_set.status, {}).get(lang, rule_set.status)
        line = phrase("rule_set_status", lang, id=rule_set.id, status=status, note=text)
        note([line.rstrip(": ")], "note_label", lang)


def wrote(count: int, path: str, lang: str) -> str:
    from penetapan_cli.messages import phrase

    return phrase("wrote_events", lang, count=count, path=path, s="s" if count != 1 else "")


def output_lang(lang: str | None, fmt: str) -> str:
    """The language of a command's output: for people (``fmt`` text or date) --lang,
    PENETAPAN_LANG or the locale; for machines (JSON, iCalendar) --lang, PENETAPAN_LANG or
    English."""
    from penetapan_cli.settings import machine_lang, resolve_lang

    # --format date prints a bare date: its notes on stderr are for people
    return resolve_lang(lang) if fmt in ("text", "date") else machine_lang(lang)
