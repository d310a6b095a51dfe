"""The ``deadline`` command without its argument parser.

Both the Typer command (cli.py) and the fast path of the entry point (launch.py) call
``run_deadline`` with already-parsed values, so a one-off check gives the same output and exit
code whichever way it came in. It imports neither Typer nor, unless it needs them, rich and
``holidays``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from penetapan_cli.errors import EXIT_OK, EXIT_PENDING, InputError

if TYPE_CHECKING:
    from penetapan_cli.deadline import DeadlineResult

FORMATS = ("text", "json", "date")
BASES = ("calendar", "working")


def run_deadline(
    outcome: str,
    notified: str,
    *,
    basis: str | None = None,
    no_cuti_bersama: bool = False,
    closures: Path | None = None,
    explain: bool = False,
    fmt: str = "text",
    lang: str | None = None,
    as_of: str | None = None,
    tz: str = "WIB",
) -> int:
    """Compute, print and return the exit code (0, or 3 when there is no deadline yet).

    ``fmt`` is one of FORMATS and ``basis`` one of BASES or None (the parsers check them).
    Errors are raised as PenetapanError for the caller's boundary to report.
    """
    from penetapan_cli.dates import parse_date
    from penetapan_cli.deadline import compute_deadline
    from penetapan_cli.outcomes import parse_outcome
    from penetapan_cli.rules import Unit, load_rule_set
    from penetapan_cli.settings import make_calendar, resolve_lang, resolve_tz, today_in

    language = resolve_lang(lang)
    if explain and fmt == "date":
        raise InputError("--explain cannot be used with --format date: use text or json")
    resolve_tz(tz)
    today = today_in(tz)
    parsed_outcome = parse_outcome(outcome)
    notified_on = parse_date(notified, today=today)
    as_of_date = parse_date(as_of, today=today) if as_of is not None else today
    calendar = make_calendar(no_cuti_bersama=no_cuti_bersama, closures=closures)
    result = compute_deadline(
        parsed_outcome,
        notified_on,
        rule_set=load_rule_set(),
        calendar=calendar,
        basis=Unit(basis) if basis else None,
        as_of=as_of_date,
        explain=explain,
    )
    warning_label = "peringatan" if language == "id" else "warning"
    _warn([w[language] for w in result.warnings], warning_label)
    if fmt == "date":
        if result.deadline is not None:
            sys.stdout.write(result.deadline.isoformat() + "\n")
        notice_label = "catatan" if language == "id" else "notice"
        _warn([n[language] for n in result.notices], notice_label)
    elif fmt == "json":
        from penetapan_cli.render import dump_json

        dump_json(deadline_json_of(result, language, explain), sys.stdout)
    else:
        from penetapan_cli.render import make_console, render_deadline_text

        render_deadline_text(
            make_console(sys.stdout),
            result,
            language,
            explain=explain,
            cuti_working=no_cuti_bersama,
        )
    if result.deadline is None:
        if fmt == "date" and result.rule.follow_up:
            _warn([result.rule.follow_up[language]], "catatan" if language == "id" else "note")
        return EXIT_PENDING
    return EXIT_OK


def deadline_json_of(result: DeadlineResult, language: str, explain: bool) -> dict[str, object]:
    from penetapan_cli.render import deadline_json
    from penetapan_cli.workcal import holidays_package_version

    return deadline_json(
        result, language, explain=explain, holidays_version=holidays_package_version()
    )


def _warn(texts: list[str], label: str) -> None:
    for text in texts:
        sys.stderr.write(f"{label}: {text}\n")
