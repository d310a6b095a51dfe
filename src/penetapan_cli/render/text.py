"""Text output for people: every command's report as lines (render/terminal.py says where).

Lines are written as they are, styled only where the console allows it; tables go through
``Console.table`` (rich on a terminal, tab-separated lines elsewhere), which escapes every cell,
so that a ``[`` in a holiday, closure or region name is printed, never read as markup.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from penetapan_cli import reports
from penetapan_cli.core.compare import Comparison, Option, TriggerKind
from penetapan_cli.core.counting import DayStatus, TraceDay
from penetapan_cli.core.rules import DEFAULT_RULE_SET, Citation, RuleSet
from penetapan_cli.messages import (
    DAY_KINDS,
    DECLARED_LABELS,
    HEADERS,
    LABELS,
    OUTCOME_NAMES,
    TRIGGER_NAMES,
    UNIT_NAMES,
    countdown,
    counting_sentence,
    format_date,
    label,
    month_name,
    period_ended,
    status,
    verdict_sentence,
    verdict_short,
    weekday_name,
    word,
)
from penetapan_cli.render.terminal import BOLD, GREEN, RED, YELLOW, Console, make_console

if TYPE_CHECKING:
    from penetapan_cli.core.calendar import NonWorkingDay
    from penetapan_cli.core.compliance import Verdict

__all__ = ["make_console"]


def _line(console: Console, indent: str, label: str, value: str, *style: str) -> None:
    console.print(f"{indent}{console.style(label, *(style or (BOLD,)))}: {value}")


def _citation_lines(console: Console, indent: str, citation: Citation, lang: str) -> None:
    _line(console, indent, LABELS["rule"][lang], citation.short())
    quote = f"({LABELS[citation.quote][lang]}) \u201c{citation.text}\u201d"
    _line(console, indent, LABELS["quote"][lang], quote)


def short_date(d: dt.date, lang: str) -> str:
    """ "Jum 7 Feb 2025" / "Fri 7 Feb 2025": a date that fits a table cell."""
    return f"{weekday_name(d, lang)[:3]} {d.day} {month_name(d.month, lang)[:3]} {d.year}"


def _reasons(days: tuple[NonWorkingDay, ...], lang: str) -> str:
    """ "hari libur nasional: Hari Raya Idul Fitri; ..." (an estimated date says so)."""
    estimated = f" ({LABELS['estimated'][lang]})"
    return "; ".join(
        f"{DAY_KINDS[r.kind.value][lang]}: {r.name[lang]}{estimated if r.estimated else ''}"
        for r in days
    )


def render_trace(console: Console, trace: tuple[TraceDay, ...], lang: str) -> None:
    status_label = {
        DayStatus.TRIGGER: LABELS["trigger_day"][lang],
        DayStatus.COUNTED: LABELS["counted"][lang],
        DayStatus.SKIPPED: LABELS["skipped"][lang],
        DayStatus.ROLLED: LABELS["rolled"][lang],
    }
    rows = []
    for day in trace:
        why = _reasons(day.reasons, lang)
        number = str(day.number) if day.number is not None else ""
        rows.append((number, format_date(day.date, lang), status_label[day.status], why))
    console.table(
        _headers(("#", "date", "status", "why"), lang),
        rows,
        title=LABELS["trace"][lang],
        title_when_piped=True,
    )


def _headers(keys: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """Column headers by key (messages.HEADERS)."""
    return tuple(HEADERS[key][lang] for key in keys)


# --- penetapan deadline ----------------------------------------------------------------------


def render_deadline(console: Console, report: reports.DeadlineReport) -> None:
    """The card: outcome, trigger, rule and its text, counting, deadline, countdown, notices;
    then, with ``--compare`` or ``--decided``, the options and the safe date."""
    lang = report.lang
    primary = report.comparison.primary
    result = primary.result
    rule, cite = result.rule, result.rule.citation

    def line(label: str, value: str) -> None:
        _line(console, "  ", LABELS[label][lang], value)

    region = " ".join((report.region or "").split())  # one line, as the calendar event
    region = f" \u2014 {region}" if region else ""
    console.print(console.bold(LABELS["title"][lang] + region))
    name = OUTCOME_NAMES[result.outcome.value][lang]
    line("outcome", label("outcome_line", lang).format(id=result.outcome.value, name=name))
    if primary.trigger_kind is TriggerKind.DECIDED:
        trigger = (
            f"{format_date(primary.trigger_date, lang)} \u2014 {LABELS['decided_cli'][lang]}; "
            f"{LABELS['notified_on'][lang]} {format_date(report.notified_on, lang)}"
        )
    else:
        trigger = f"{format_date(primary.trigger_date, lang)} \u2014 {rule.trigger[lang]}"
    line(f"trigger.{rule.count_from.value}", trigger)
    line("rule", f"{cite.short()} [{result.rule_set.qualified_id(rule)}]")
    line("quote", f"({LABELS[cite.quote][lang]}) \u201c{cite.text}\u201d")
    line("source", cite.source[lang])
    if result.deadline is None:
        line("deadline", LABELS["none_yet"][lang])
        if rule.follow_up:
            line("next", rule.follow_up[lang])
    else:
        assert result.unit is not None
        counting = counting_sentence(rule.days, result.unit, rule.count_from, rule.roll, lang)
        if result.basis_override:
            counting += f" ({LABELS['override'][lang]} {UNIT_NAMES[rule.unit.value][lang]})"
        if report.cuti_working and result.unit.value == "working":
            counting += f"; {LABELS['cuti_working'][lang]}"
        line("counting", counting)
        day_off = report.deadline_day_off
        console.print(
            f"  {console.bold(LABELS['deadline'][lang])}: "
            f"{console.style(format_date(result.deadline, lang), BOLD, GREEN)}"
            + (f" ({_reasons(day_off, lang)})" if day_off else "")
        )
        if result.days_left is not None and result.as_of is not None and report.verdict is None:
            line(
                "countdown",
                f"{countdown(result.days_left, lang)} "
                f"({LABELS['as_of'][lang]} {format_date(result.as_of, lang)})",
            )
    if report.verdict is not None:
        _line(
            console,
            "  ",
            DECLARED_LABELS["declared"][lang],
            declared_text(report.verdict, primary, lang),
            *((BOLD, RED) if report.verdict.compliance.value in ("late", "premature") else (BOLD,)),
        )
    for notice in result.notices:
        _line(console, "  ", LABELS["notice"][lang], notice[lang], BOLD, YELLOW)
    if report.explain and result.trace:
        render_trace(console, result.trace, lang)
    if report.compared and len(report.comparison.options) > 1:
        verdicts = report.verdicts if report.verdicts_differ else None
        _render_comparison(
            console,
            report.comparison,
            lang,
            all_rule_sets=report.all_rule_sets,
            verdicts=verdicts,
            countdown_shown=report.verdict is None,
        )
    if report.month_view:
        from penetapan_cli.render.monthview import render_month_view

        render_month_view(console, report)


def declared_text(verdict: Verdict, option: Option, lang: str) -> str:
    """ "Rabu, 5 Februari 2025 — penetapan tepat waktu (...); PKPU 18/2024 Pasal 57 ..."."""
    earliest_is_reading = option.trigger_kind is TriggerKind.DECIDED
    event = (
        DECLARED_LABELS["decision_read"][lang]
        if earliest_is_reading
        else option.result.rule.trigger[lang]
    )
    return (
        f"{format_date(verdict.declared_on, lang)} \u2014 "
        f"{verdict_sentence(verdict, lang, event=event)}; {option.result.rule.citation.short()}"
    )


def _render_comparison(
    console: Console,
    comparison: Comparison,
    lang: str,
    *,
    all_rule_sets: bool,
    verdicts: tuple[Verdict, ...] | None = None,
    countdown_shown: bool = True,
) -> None:
    """The table of options, the safe ones marked, then the safe date; with ``verdicts`` (they
    differ), each option's verdict on the declaration."""
    headers = ("rule_set", "rule") if all_rule_sets else ()
    declared = ("declared",) if verdicts else ()
    rows = []
    for index, option in enumerate(comparison.options):
        result = option.result
        rule = result.rule
        days = (
            f"{rule.days} {UNIT_NAMES[result.unit.value][lang]}"
            if rule.days is not None and result.unit is not None
            else LABELS["none_yet"][lang]
        )
        active = f"\n({LABELS['active'][lang]})" if option.active else ""
        origin = _origin_mark(option.rule_set, lang) if option.rule_set.from_file else ""
        name = f"{option.rule_set.id}{origin}\n{status(option.rule_set.status, lang)}{active}"
        cells = [name, rule.id] if all_rule_sets else []
        cells += [
            f"{status(option.trigger_kind.value, lang)}\n{short_date(option.trigger_date, lang)}",
            days,
            short_date(result.deadline, lang) if result.deadline else "\u2014",
            *((verdict_short(verdicts[index], lang),) if verdicts else ()),
            LABELS["safe"][lang] if option.safe else "",
        ]
        rows.append(cells)
    console.table(
        _headers((*headers, "counted_from", "days", "deadline", *declared, ""), lang),
        rows,
        title=LABELS["comparison" if all_rule_sets else "by_trigger"][lang],
        title_when_piped=True,
    )
    for option in comparison.other_triggers():
        rule = option.result.rule
        rule_id = option.rule_set.qualified_id(rule)
        own = LABELS["own_trigger"][lang].format(rule=rule_id, trigger=rule.trigger[lang])
        _line(console, "  ", LABELS["notice"][lang], own, BOLD, YELLOW)
        for notice in option.result.notices:
            _line(
                console, "  ", f"{LABELS['notice'][lang]} ({rule_id})", notice[lang], BOLD, YELLOW
            )
    safe = comparison.safe
    if safe is not None and safe.result.deadline is not None:
        left = safe.result.days_left
        tail = f" \u2014 {countdown(left, lang)}" if left is not None and countdown_shown else ""
        kind = status(safe.trigger_kind.value, lang)
        where = f" ({safe.rule_set.qualified_id(safe.result.rule)}, {kind})"
        console.print(
            f"  {console.bold(LABELS['safe_date'][lang])}: "
            f"{console.style(format_date(safe.result.deadline, lang), BOLD, GREEN)}{tail}{where}"
        )


# --- penetapan rules, outcomes, holidays -----------------------------------------------------


def _origin_mark(rule_set: RuleSet, lang: str) -> str:
    """ " (default)" for the shipped default; a user's rule set, whatever its id, is shown as
    coming from its file (never as the default)."""
    if rule_set.from_file:  # a user's file, whatever its id
        return f" ({rule_set.path})" if rule_set.path is not None else ""
    return f" ({LABELS['default'][lang]})" if rule_set.id == DEFAULT_RULE_SET else ""


def render_rule_sets(console: Console, report: reports.RuleSetsReport) -> None:
    lang = report.lang
    rows = [
        (rs.id + _origin_mark(rs, lang), status(rs.status, lang), rs.title, rs.note.get(lang, ""))
        for rs in report.rule_sets
    ]
    console.table(
        _headers(("id", "status", "title", "note"), lang), rows, title=LABELS["rule_sets"][lang]
    )


def render_rule_set(console: Console, report: reports.RuleSetReport) -> None:
    """``penetapan rules show NAME``: every rule with its citation, notices and follow-up."""
    rule_set, lang = report.rule_set, report.lang

    def line(label: str, value: str) -> None:
        _line(console, "  ", label, value)

    mark = _origin_mark(rule_set, lang)
    console.print(f"{console.bold(rule_set.id + mark)} \u2014 {rule_set.title}")
    line(LABELS["regulation"][lang], rule_set.regulation)
    line(LABELS["status"][lang], status(rule_set.status, lang))
    if rule_set.note.get(lang):
        line(LABELS["note_field"][lang], rule_set.note[lang])
    if not report.shipped and rule_set.path is not None:
        line(LABELS["file"][lang], str(rule_set.path))
    for rule in rule_set.rules:
        console.print()
        outcomes = ", ".join(o.value for o in rule.outcomes)
        console.print(f"{console.bold(rule_set.qualified_id(rule))}: {outcomes}")
        if rule.days is None:
            counting = LABELS["none_yet"][lang]
        else:
            counting = counting_sentence(rule.days, rule.unit, rule.count_from, rule.roll, lang)
        line(LABELS["counting"][lang], counting)
        line(LABELS[f"trigger.{rule.count_from.value}"][lang], rule.trigger[lang])
        _citation_lines(console, "  ", rule.citation, lang)
        line(LABELS["source"][lang], rule.citation.source[lang])
        for notice in rule.notices:
            only = f" [{', '.join(o.value for o in notice.outcomes)}]" if notice.outcomes else ""
            line(LABELS["notice"][lang] + only, notice.text[lang])
        if rule.follow_up is not None:
            line(LABELS["next"][lang], rule.follow_up[lang])


def render_outcomes(console: Console, report: reports.OutcomesReport) -> None:
    lang, rule_set = report.lang, report.rule_set
    rows = []
    for outcome, aliases, rule in report.rows:
        deadline = (
            f"{rule.days} {UNIT_NAMES[rule.unit.value][lang]}"
            if rule.days is not None
            else LABELS["none_yet"][lang]
        )
        rows.append(
            (
                outcome.value,
                ", ".join(aliases),
                report.names[outcome],
                rule.citation.short(),
                deadline,
            )
        )
    console.table(
        _headers(("outcome", "aliases", "meaning", "rule", "deadline"), lang),
        rows,
        title=f"{rule_set.title} [{rule_set.id}]",
    )


def render_holidays(console: Console, report: reports.HolidaysReport) -> None:
    lang = report.lang
    rows = []
    for d in report.days:
        flags = [LABELS["estimated"][lang]] if d.estimated else []
        if report.working(d):
            flags.append("--no-cuti-bersama")
        rows.append(
            (
                format_date(d.date, lang),
                DAY_KINDS[d.kind.value][lang],
                d.name[lang],
                ", ".join(flags),
            )
        )
    console.table(
        _headers(("date", "kind", "name", ""), lang),
        rows,
        title=f"{report.year} ({HEADERS['holidays'][lang]} {report.holidays_version})",
    )


# --- penetapan timeline ----------------------------------------------------------------------


def render_timeline(console: Console, report: reports.TimelineReport) -> None:
    from penetapan_cli.core.timeline import StepKind, StepStatus  # not on the card's path

    # Periods that are not the KPU's to act in: past their end they "ended", not "overdue".
    not_the_kpus = (StepKind.PETITION, StepKind.MK_DECISION)

    timeline, lang = report.timeline, report.lang

    def line(label: str, value: str, *style: str) -> None:
        _line(console, "     ", label, value, *style)

    def trigger_name(name: str | None) -> str:
        if name is None:
            return ""
        return TRIGGER_NAMES[name][lang] if name in TRIGGER_NAMES else name

    heading = LABELS["timeline"][lang] + (f" \u2014 {report.region}" if report.region else "")
    console.print(console.bold(heading))
    console.print(
        f"  {LABELS['rule_set'][lang]}: "
        f"{timeline.rule_set.id + _origin_mark(timeline.rule_set, lang)} "
        f"({timeline.rule_set.title})"
    )
    for number, step in enumerate(timeline.steps, start=1):
        console.print()
        title = word(step.title, lang)
        if len(step.outcomes) == 1:
            title += f" \u2014 {OUTCOME_NAMES[step.outcomes[0].value][lang]}"
        head = f"  {console.bold(f'{number}. {title}')}: "
        if step.status is StepStatus.OK and step.deadline is not None:
            left = timeline.days_left(step) if step.verdict is None else None
            tail = ""
            if left is not None and left < 0 and step.kind in not_the_kpus:
                tail = f" \u2014 {period_ended(step.kind.value, lang)}"
            elif left is not None:
                tail = f" \u2014 {countdown(left, lang)}"
            console.print(
                f"{head}{console.style(format_date(step.deadline, lang), BOLD, GREEN)}{tail}"
            )
        elif step.status is StepStatus.PENDING:
            console.print(f"{head}{console.style(LABELS['none_yet'][lang], BOLD, YELLOW)}")
        else:
            waiting = ", ".join(report.option(f) for f in step.waiting_for)
            console.print(f"{head}{console.style(LABELS['waiting'][lang] + ' ' + waiting, YELLOW)}")
        if len(step.outcomes) > 1:
            line(LABELS["applies_to"][lang], ", ".join(o.value for o in step.outcomes))
        basis = step.citation.short() + (f" [{step.rule_id}]" if step.rule_id else "")
        line(LABELS["rule"][lang], basis)
        quote = f"({LABELS[step.citation.quote][lang]}) \u201c{step.citation.text}\u201d"
        line(LABELS["quote"][lang], quote)
        if step.unit is not None and step.count_from is not None and step.roll is not None:
            roll = step.roll if step.days is not None else None
            counting = counting_sentence(step.days, step.unit, step.count_from, roll, lang)
            if step.days is None:
                counting += f" (N: {LABELS['order_days'][lang]}, {report.option('order_days')})"
            line(LABELS["counting"][lang], counting)
        trigger = word(step.trigger, lang)
        if step.trigger_date is not None:
            trigger = (
                f"{format_date(step.trigger_date, lang)} \u2014 "
                f"{trigger_name(step.counted_from)}; {trigger}"
            )
        count_from = step.count_from.value if step.count_from is not None else None
        line(LABELS[f"trigger.{count_from}" if count_from else "trigger"][lang], trigger)
        for alt in step.alternatives:
            line(
                LABELS["alternative"][lang],
                f"{trigger_name(alt.counted_from)} {format_date(alt.trigger_date, lang)}: "
                f"{format_date(alt.deadline, lang)}",
            )
        if step.alternatives:
            safe = format_date(step.deadline, lang) if step.deadline else ""
            line(LABELS["safe_step"][lang], safe)
        if step.verdict is not None:
            event = trigger_name(step.counted_from) or word(step.trigger, lang)
            verdict = verdict_sentence(step.verdict, lang, event=event)
            line(
                DECLARED_LABELS["declared"][lang],
                f"{format_date(step.verdict.declared_on, lang)} \u2014 {verdict}",
            )
        if step.note is not None:
            line(LABELS["next"][lang], report.text(step.note))
        for notice in step.notices:
            line(LABELS["notice"][lang], report.text(notice), BOLD, YELLOW)
        if report.explain and step.trace:
            render_trace(console, step.trace, lang)
