"""The ``deadline`` command without its argument parser.

Both the Typer command (cli.py) and the fast path of the entry point (launch.py) call
``run_deadline`` with already-parsed values, so a one-off check gives the same output and exit
code whichever way it came in. It imports neither Typer nor, unless it needs them, rich and
``holidays``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from penetapan_cli.core.errors import EXIT_OK, EXIT_PENDING, InputError
from penetapan_cli.render.notes import warn

if TYPE_CHECKING:
    from penetapan_cli.core.deadline import DeadlineResult

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
    strict: bool = False,
    rules: str | None = None,
    decided: str | None = None,
    compare: bool = False,
    ics: Path | None = None,
    region: str | None = None,
) -> int:
    """Compute, print and return the exit code (0, or 3 when there is no deadline yet).

    ``fmt`` is one of FORMATS and ``basis`` one of BASES or None (the parsers check them).
    Errors are raised as PenetapanError for the caller's boundary to report.
    """
    from penetapan_cli.core.dates import format_date, parse_date
    from penetapan_cli.core.deadline import compute_deadline
    from penetapan_cli.core.outcomes import parse_outcome
    from penetapan_cli.core.rules import Unit
    from penetapan_cli.settings import make_calendar, resolve_lang, today_in
    from penetapan_cli.sources.rulesets import resolve_rule_set

    language = resolve_lang(lang)
    if ics is not None:  # before anything is read: never a pipe, a device or a file read
        from penetapan_cli.files import check_outputs, option_reads

        check_outputs({"--ics": ics}, option_reads(rules=rules, closures=closures))
    if explain and fmt == "date":
        raise InputError("--explain cannot be used with --format date: use text or json")
    today = today_in(tz)  # also rejects an unknown --tz
    parsed_outcome = parse_outcome(outcome)
    notified_on = parse_date(notified, today=today)
    decided_on = parse_date(decided, today=today) if decided is not None else None
    as_of_date = parse_date(as_of, today=today) if as_of is not None else today
    rule_set = resolve_rule_set(rules)
    rule_set_status(rule_set, language)
    calendar = make_calendar(no_cuti_bersama=no_cuti_bersama, closures=closures)
    unit = Unit(basis) if basis else None
    comparison = None
    if compare or decided_on is not None:
        from penetapan_cli.core.compare import compare_deadlines

        comparison = compare_deadlines(
            parsed_outcome,
            notified_on,
            rule_sets=[rule_set, *(_other_rule_sets(rule_set) if compare else [])],
            calendar=calendar,
            decided_on=decided_on,
            basis=unit,
            as_of=as_of_date,
            explain=explain,
            strict=strict,
        )
        result = comparison.primary.result
        warnings = [w for o in comparison.options for w in o.result.warnings]
        safe_date = comparison.safe_deadline
    else:
        result = compute_deadline(
            parsed_outcome,
            notified_on,
            rule_set=rule_set,
            calendar=calendar,
            basis=unit,
            as_of=as_of_date,
            explain=explain,
            strict=strict,
        )
        warnings = list(result.warnings)
        safe_date = result.deadline
    warning_label = "peringatan" if language == "id" else "warning"
    warn(list(dict.fromkeys(w[language] for w in warnings)), warning_label)
    if fmt == "date":
        if safe_date is not None:
            sys.stdout.write(safe_date.isoformat() + "\n")
        notice_label = "catatan" if language == "id" else "notice"
        warn([n[language] for n in result.notices], notice_label)
    elif fmt == "json":
        from penetapan_cli.render.rules_text import comparison_fields
        from penetapan_cli.render.text import dump_json

        data = deadline_json_of(result, language, explain)
        data["notified_on"] = notified_on.isoformat()
        data.update(comparison_fields(comparison, result))
        data["region"] = region
        dump_json(data, sys.stdout)
    else:
        from penetapan_cli.render.rules_text import render_comparison_text, trigger_line
        from penetapan_cli.render.text import make_console, render_deadline_text

        console = make_console(sys.stdout)
        render_deadline_text(
            console,
            result,
            language,
            explain=explain,
            cuti_working=no_cuti_bersama,
            trigger_text=trigger_line(comparison, format_date(notified_on, language), language)
            if comparison is not None
            else None,
        )
        if comparison is not None and len(comparison.options) > 1:
            render_comparison_text(console, comparison, language, compare=compare)
    if ics is not None:
        _deadline_ics(ics, comparison, result, notified_on, language, region, calendar)
    if safe_date is None:
        if fmt == "date" and result.rule.follow_up:
            warn([result.rule.follow_up[language]], "catatan" if language == "id" else "note")
        return EXIT_PENDING
    return EXIT_OK


def deadline_json_of(result: DeadlineResult, language: str, explain: bool) -> dict[str, object]:
    from penetapan_cli.render.text import deadline_json
    from penetapan_cli.sources.holidays import holidays_package_version

    return deadline_json(
        result, language, explain=explain, holidays_version=holidays_package_version()
    )


def rule_set_status(rule_set: Any, language: str) -> None:
    """A rule set that is not in force says so on stderr."""
    if rule_set.status != "in-force":
        note = rule_set.note.get(language, "")
        label = "catatan" if language == "id" else "note"
        warn([f"rule set {rule_set.id} is {rule_set.status}: {note}".rstrip(": ")], label)


def _other_rule_sets(active: Any) -> list[Any]:
    """The shipped rule sets besides the active one, for --compare."""
    from penetapan_cli.sources.rulesets import RULESETS_DIR, load_rule_set, shipped_rule_sets

    active_shipped = active.path is not None and active.path.parent == RULESETS_DIR
    return [
        load_rule_set(name)
        for name in shipped_rule_sets()
        if not (active_shipped and name == active.id)
    ]


def _deadline_ics(
    path: Path,
    comparison: Any,
    result: Any,
    notified_on: Any,
    language: str,
    region: str | None,
    calendar: Any,
) -> None:
    import datetime as dt

    from penetapan_cli.core.compare import Comparison, Option, TriggerKind
    from penetapan_cli.render.ics import deadline_event, write_ics

    if comparison is None:
        comparison = Comparison(
            (Option(result.rule_set, True, TriggerKind.NOTIFIED, notified_on, result, True),)
        )
    event = deadline_event(
        comparison, notified=notified_on, lang=language, region=region, calendar=calendar
    )
    if event is None:
        warn([f"no deadline yet: {str(path)!r} not written"], "note")
        return
    write_ics([event], path, stamp=dt.datetime.now(dt.UTC))
    warn([f"wrote 1 event to {str(path)!r}"], "note")
