"""``penetapan timeline``: the dispute season from the announcement to the declaration."""

from __future__ import annotations

import sys
from pathlib import Path

from penetapan_cli.core.errors import EXIT_PENDING, InputError
from penetapan_cli.render.notes import warn


def run_timeline(
    *,
    announced: str,
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
) -> int:
    import datetime as dt

    from penetapan_cli.core.dates import parse_date
    from penetapan_cli.core.outcomes import parse_outcome
    from penetapan_cli.core.timeline import build_timeline
    from penetapan_cli.settings import make_calendar, resolve_lang, today_in
    from penetapan_cli.sources.rulesets import load_limits, resolve_rule_set

    language = resolve_lang(lang)
    if ics is not None:  # before anything is read: never a pipe, a device or a file read
        from penetapan_cli.files import check_outputs, option_reads

        check_outputs({"--ics": ics}, option_reads(rules=rules, closures=closures))
    today = today_in(tz)  # also rejects an unknown --tz

    def date_of(value: str | None, option: str) -> dt.date | None:
        if value is None:
            return None
        try:
            return parse_date(value, today=today)
        except InputError as exc:
            raise type(exc)(f"{option}: {exc}") from None

    announced_on = date_of(announced, "--announced")
    assert announced_on is not None
    parsed_outcome = parse_outcome(outcome) if outcome is not None else None
    from penetapan_cli.commands.deadline import rule_set_status

    rule_set = resolve_rule_set(rules)
    rule_set_status(rule_set, language)
    calendar = make_calendar(no_cuti_bersama=no_cuti_bersama, closures=closures)
    result = build_timeline(
        announced_on,
        rule_set=rule_set,
        limits=load_limits(),
        calendar=calendar,
        registered=date_of(registered, "--registered"),
        decided=date_of(decided, "--decided"),
        notified=date_of(notified, "--notified"),
        outcome=parsed_outcome,
        order_days=order_days,
        as_of=date_of(as_of, "--as-of") or today,
        explain=explain,
        strict=strict,
    )
    warn([w[language] for w in result.warnings], "peringatan" if language == "id" else "warning")
    events = None
    if ics is not None or fmt == "ics":
        from penetapan_cli.render.ics import timeline_events

        events = timeline_events(result, lang=language, region=region, calendar=calendar)
    if fmt == "json":
        from penetapan_cli.render.text import dump_json
        from penetapan_cli.render.timeline_text import timeline_json
        from penetapan_cli.sources.holidays import holidays_package_version

        dump_json(
            timeline_json(
                result,
                language,
                explain=explain,
                region=region,
                holidays_version=holidays_package_version(),
            ),
            sys.stdout,
        )
    elif fmt == "ics":
        from penetapan_cli.render.ics import build_calendar

        assert events is not None
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
        sys.stdout.write(build_calendar(events, stamp=stamp).decode("utf-8"))
    else:
        from penetapan_cli.render.text import make_console
        from penetapan_cli.render.timeline_text import render_timeline_text

        render_timeline_text(
            make_console(sys.stdout), result, language, explain=explain, region=region
        )
    if ics is not None:
        from penetapan_cli.render.ics import write_ics

        assert events is not None
        write_ics(events, ics, stamp=dt.datetime.now(dt.UTC))
        count = len(events)
        warn([f"wrote {count} event{'s' if count != 1 else ''} to {str(ics)!r}"], "note")
    if result.pending:
        return EXIT_PENDING
    return 0
