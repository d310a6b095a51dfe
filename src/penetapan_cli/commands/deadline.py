"""``penetapan deadline``: one region's deadline, its rule and legal basis.

Both the Typer command (cli.py) and the fast path of the entry point (launch.py) call
``run_deadline`` with already-parsed values, so a one-off check gives the same output and exit
code whichever way it came in. It imports neither Typer nor, unless it needs them, rich and
``holidays``.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from penetapan_cli.commands.common import note, resolve, rule_set_status
from penetapan_cli.core.errors import EXIT_OK, EXIT_PENDING, InputError
from penetapan_cli.core.rules import RuleSet
from penetapan_cli.reports import DeadlineReport

if TYPE_CHECKING:
    from pathlib import Path

    from penetapan_cli.core.outcomes import Outcome

FORMATS = ("text", "json", "date")
BASES = ("calendar", "working")


def build_deadline_report(
    outcome: str,
    notified: str,
    *,
    basis: str | None = None,
    no_cuti_bersama: bool = False,
    closures: Path | None = None,
    explain: bool = False,
    lang: str | None = None,
    as_of: str | None = None,
    tz: str = "WIB",
    strict: bool = False,
    rules: str | None = None,
    decided: str | None = None,
    compare: bool = False,
    region: str | None = None,
    declared: str | None = None,
    month_view: bool = False,
    date_order: str = "dmy",
) -> DeadlineReport:
    """Parse each input once, compute under the rule set(s) and trigger date(s), report."""
    from penetapan_cli.commands.common import option_date
    from penetapan_cli.core.compare import compare_deadlines
    from penetapan_cli.core.dates import parse_date
    from penetapan_cli.core.rules import Unit
    from penetapan_cli.settings import make_calendar
    from penetapan_cli.sources.rulesets import resolve_rule_set

    setting = resolve(lang, tz, as_of, date_order)
    parsed_outcome = _outcome(outcome, notified)
    notified_on = parse_date(notified, today=setting.today, order=date_order)
    decided_on = option_date(decided, "--decided", setting.today, date_order)
    declared_on = option_date(declared, "--declared", setting.today, date_order)
    if declared_on is not None:
        from penetapan_cli.core.compliance import check_declared

        check_declared(declared_on, setting.as_of)
    rule_set = resolve_rule_set(rules)
    rule_set_status(rule_set, setting.lang)
    calendar = make_calendar(no_cuti_bersama=no_cuti_bersama, closures=closures, lang=setting.lang)
    comparison = compare_deadlines(
        parsed_outcome,
        notified_on,
        rule_sets=[rule_set, *(_other_rule_sets(rule_set) if compare else [])],
        calendar=calendar,
        decided_on=decided_on,
        basis=Unit(basis) if basis else None,
        as_of=setting.as_of,
        explain=explain,
        strict=strict,
    )
    verdicts = None
    if declared_on is not None:
        from penetapan_cli.core.compliance import judge_comparison

        verdicts = judge_comparison(comparison, declared_on)
    return DeadlineReport(
        lang=setting.lang,
        notified_on=notified_on,
        comparison=comparison,
        compared=compare or decided_on is not None,
        all_rule_sets=compare,
        explain=explain,
        cuti_working=no_cuti_bersama,
        region=region,
        calendar=calendar,
        verdicts=verdicts,
        month_view=month_view,
    )


def run_deadline(
    outcome: str,
    notified: str,
    *,
    fmt: str = "text",
    ics: Path | None = None,
    **options: Any,
) -> int:
    """Compute, print and return the exit code (0, or 3 when there is no deadline yet).

    ``options`` are those of ``build_deadline_report``. ``fmt`` is one of FORMATS and
    ``basis`` one of BASES or None (the parsers check them).
    Errors are raised as PenetapanError for the caller's boundary to report.
    """
    if ics is not None:  # before anything is read: never a pipe, a device or a file read
        from penetapan_cli.files import check_outputs, option_reads

        reads = option_reads(rules=options.get("rules"), closures=options.get("closures"))
        check_outputs({"--ics": ics}, reads)
    if options.get("explain") and fmt == "date":
        raise InputError("explain.date")
    if options.get("month_view") and fmt != "text":
        raise InputError("calendar.text_only", fmt=fmt)
    from penetapan_cli.commands.common import output_lang

    options["lang"] = output_lang(options.get("lang"), fmt)  # machine formats: not the locale
    report = build_deadline_report(outcome, notified, **options)
    language = report.lang
    result = report.comparison.primary.result
    note(report.warnings, "warning_label", language)
    if options.get("closures") is not None and result.ignores_closures:
        from penetapan_cli.messages import CLOSURES_CALENDAR_DAYS

        note([CLOSURES_CALENDAR_DAYS[language]], "warning_label", language)
    if fmt == "date":
        if report.safe_deadline is not None:
            sys.stdout.write(report.safe_deadline.isoformat() + "\n")
        note([n[language] for n in result.notices], "notice_label", language)
    elif fmt == "json":
        from penetapan_cli.render.json import deadline_json, dump_json
        from penetapan_cli.sources.holidays import holidays_package_version

        dump_json(deadline_json(report, holidays_version=holidays_package_version()), sys.stdout)
    else:
        from penetapan_cli.render.text import make_console, render_deadline

        render_deadline(make_console(sys.stdout), report)
    if ics is not None:
        _write_ics(ics, report)
    if report.safe_deadline is None:
        if fmt == "date" and result.rule.follow_up:
            note([result.rule.follow_up[language]], "note_label", language)
        return EXIT_PENDING
    return EXIT_OK


def _outcome(outcome: str, notified: str) -> Outcome:
    """OUTCOME as an outcome; a date there with an outcome as NOTIFIED says they are swapped."""
    from penetapan_cli.commands.common import read_outcome
    from penetapan_cli.core.errors import OutcomeError

    try:
        return read_outcome(outcome)
    except OutcomeError:
        if not _swapped(outcome, notified):
            raise
        raise InputError(
            "outcome.swapped", outcome=outcome.strip()[:64], date=notified.strip()[:64]
        ) from None


def _swapped(outcome: str, notified: str) -> bool:
    """Whether OUTCOME reads as a date and NOTIFIED as an outcome."""
    from penetapan_cli.core.dates import parse_date
    from penetapan_cli.core.errors import PenetapanError
    from penetapan_cli.core.outcomes import parse_outcome

    try:
        parse_date(outcome, today=dt.date(2000, 1, 1))  # any reference day: the form counts
        parse_outcome(notified)
    except PenetapanError:
        return False
    return True


def _other_rule_sets(active: RuleSet) -> list[RuleSet]:
    """The shipped rule sets besides the active one, for --compare."""
    from penetapan_cli.sources.rulesets import load_rule_set, shipped_rule_sets

    active_shipped = not active.from_file
    return [
        load_rule_set(name)
        for name in shipped_rule_sets()
        if not (active_shipped and name == active.id)
    ]


def _write_ics(path: Path, report: DeadlineReport) -> None:
    from penetapan_cli.commands.common import wrote
    from penetapan_cli.messages import label, phrase
    from penetapan_cli.render.ics import deadline_event, write_ics
    from penetapan_cli.render.notes import warn

    event = deadline_event(
        report.comparison,
        notified=report.notified_on,
        lang=report.lang,
        region=report.region,
        calendar=report.calendar,
    )
    if event is None:
        warn(
            [phrase("ics_not_written", report.lang, path=str(path))],
            label("note_label", report.lang),
        )
        return
    write_ics([event], path, stamp=dt.datetime.now(dt.UTC))
    warn([wrote(1, str(path), report.lang)], label("note_label", report.lang))
