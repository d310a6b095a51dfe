"""``penetapan timeline``: the dispute season from the announcement to the declaration."""

from __future__ import annotations

import sys
from pathlib import Path

from penetapan_cli.core.errors import EXIT_PENDING, InputError
from penetapan_cli.render.notes import warn


def run_timeline(
    *,
    announced: str | None,
    registered: str | None,
    decided: str | None,
    notified: str | None,
    outcome: str | None,
    order_days: int | None,
    rules: str | None,
    region: str | None,
    no_cuti_bersama: bool,
    closures: Path | None,
    explain: bool,
    fmt: str,
    ics: Path | None,
    lang: str | None,
    as_of: str | None,
    tz: str,
    strict: bool,
    declared: str | None = None,
    date_order: str = "dmy",
) -> int:
    import datetime as dt

    from penetapan_cli.commands.common import (
        note,
        option_date,
        read_outcome,
        resolve,
        rule_set_status,
        wrote,
    )
    from penetapan_cli.core.timeline import build_timeline
    from penetapan_cli.messages import label
    from penetapan_cli.options import OPTION_NAMES
    from penetapan_cli.reports import TimelineReport
    from penetapan_cli.settings import make_calendar
    from penetapan_cli.sources.rulesets import load_limits, resolve_rule_set

    setting = resolve(lang, tz, as_of, date_order, fmt)
    language, today = setting.lang, setting.today
    if ics is not None:  # before anything is read: never a pipe, a device or a file read
        from penetapan_cli.files import check_outputs, option_reads

        check_outputs({"--ics": ics}, option_reads(rules=rules, closures=closures))
    announced_on = option_date(announced, "--announced", today, date_order)
    parsed_outcome = read_outcome(outcome) if outcome is not None else None
    rule_set = resolve_rule_set(rules)
    rule_set_status(rule_set, language)
    calendar = make_calendar(no_cuti_bersama=no_cuti_bersama, closures=closures, lang=language)
    given = {
        "registered": registered,
        "decided": decided,
        "notified": notified,
        "declared": declared,
    }
    dates = {
        name: option_date(value, f"--{name}", today, date_order) for name, value in given.items()
    }
    season = (announced_on, dates["registered"], dates["decided"], dates["notified"])
    if not any(season):  # --declared is judged against a step, it starts none
        raise InputError("timeline.no_date")
    timeline = build_timeline(
        announced_on,
        rule_set=rule_set,
        limits=load_limits(),
        calendar=calendar,
        outcome=parsed_outcome,
        order_days=order_days,
        as_of=setting.as_of,
        explain=explain,
        strict=strict,
        **dates,
    )
    report = TimelineReport(
        lang=language,
        timeline=timeline,
        names=OPTION_NAMES,
        explain=explain,
        region=region,
        calendar=calendar,
    )
    note([report.text(w) for w in report.timeline.warnings], "warning_label", language)
    events = None
    if ics is not None or fmt == "ics":
        from penetapan_cli.render.ics import timeline_events

        events = timeline_events(report)
    if fmt == "json":
        from penetapan_cli.render.json import dump_json, timeline_json
        from penetapan_cli.sources.holidays import holidays_package_version

        dump_json(timeline_json(report, holidays_version=holidays_package_version()), sys.stdout)
    elif fmt == "ics":
        from penetapan_cli.render.ics import build_calendar

        assert events is not None
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
        sys.stdout.write(build_calendar(events, stamp=stamp).decode("utf-8"))
    else:
        from penetapan_cli.render.text import make_console, render_timeline

        render_timeline(make_console(sys.stdout), report)
    if ics is not None:
        from penetapan_cli.render.ics import write_ics

        assert events is not None
        write_ics(events, ics, stamp=dt.datetime.now(dt.UTC))
        warn([wrote(len(events), str(ics), language)], label("note_label", language))
    if report.timeline.pending:
        return EXIT_PENDING
    return 0
