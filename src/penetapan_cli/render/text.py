"""Turning results into text (rich), JSON and bare dates. rich is imported only for text."""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from penetapan_cli.core.counting import DayStatus, TraceDay
from penetapan_cli.core.dates import format_date
from penetapan_cli.core.deadline import DeadlineResult
from penetapan_cli.core.rules import Citation, Rule, RuleSet
from penetapan_cli.messages import (
    COUNT_FROM,
    DAY_KINDS,
    LABELS,
    OUTCOME_NAMES,
    ROLL,
    UNIT_NAMES,
    countdown,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

SCHEMA_VERSION = 1


def citation_json(citation: Citation) -> dict[str, str]:
    return {
        "regulation": citation.regulation,
        "article": citation.article,
        "text": citation.text,
        "quote": citation.quote,
        "source": citation.source,
    }


def rule_json(rule_set: RuleSet, rule: Rule, lang: str) -> dict[str, Any]:
    return {
        "id": rule_set.qualified_id(rule),
        "rule_set": rule_set.id,
        "days": rule.days,
        "unit": rule.unit.value if rule.days is not None else None,
        "count_from": rule.count_from.value if rule.days is not None else None,
        "roll": rule.roll.value if rule.days is not None else None,
        "trigger": rule.trigger[lang],
        "citation": citation_json(rule.citation),
    }


def trace_json(trace: tuple[TraceDay, ...], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "date": day.date.isoformat(),
            "status": day.status.value,
            "number": day.number,
            "reasons": [
                {
                    "kind": r.kind.value,
                    "name": r.name[lang],
                    "estimated": r.estimated,
                }
                for r in day.reasons
            ],
        }
        for day in trace
    ]


def deadline_json(
    result: DeadlineResult, lang: str, *, explain: bool, holidays_version: str | None
) -> dict[str, Any]:
    """The documented JSON object of one deadline (README: "JSON output")."""
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "outcome": result.outcome.value,
        "notified_on": result.notified_on.isoformat(),
        "deadline": result.deadline.isoformat() if result.deadline else None,
        "status": result.status,
        "as_of": result.as_of.isoformat() if result.as_of else None,
        "days_left": result.days_left,
        "basis": result.unit.value if result.unit else None,
        "basis_override": result.basis_override,
        "rule": rule_json(result.rule_set, result.rule, lang),
        "follow_up": result.rule.follow_up[lang] if result.rule.follow_up else None,
        "warnings": [w[lang] for w in result.warnings],
        "notices": [n[lang] for n in result.notices],
        "estimated_years": list(result.estimated_years),
        "holidays_version": holidays_version,
        "lang": lang,
    }
    if explain:
        data["trace"] = trace_json(result.trace, lang)
    return data


def dump_json(data: Any, out: IO[str]) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def make_console(out: IO[str]) -> Console:
    from rich.console import Console

    return Console(file=out, highlight=False, soft_wrap=True)


def plain_row(table: Table, *cells: str) -> None:
    """A table row printed as written: a name such as "[/b]" or "[bold]" from a closures or rule
    file is text, never rich markup (which would fail, or restyle the table)."""
    from rich.text import Text

    table.add_row(*(Text(cell) for cell in cells))


def _reason_text(day: TraceDay, lang: str) -> str:
    parts = []
    for r in day.reasons:
        est = " (perkiraan)" if lang == "id" else " (estimated)"
        parts.append(f"{DAY_KINDS[r.kind][lang]}: {r.name[lang]}{est if r.estimated else ''}")
    return "; ".join(parts)


def render_trace(console: Console, trace: tuple[TraceDay, ...], lang: str) -> None:
    from rich.table import Table

    table = Table(title=LABELS["trace"][lang], show_lines=False)
    for header in ("#", "date", "status", "why"):
        table.add_column(header, overflow="fold")
    status_label = {
        DayStatus.TRIGGER: LABELS["trigger_day"][lang],
        DayStatus.COUNTED: LABELS["counted"][lang],
        DayStatus.SKIPPED: LABELS["skipped"][lang],
        DayStatus.ROLLED: LABELS["rolled"][lang],
    }
    for day in trace:
        plain_row(
            table,
            str(day.number) if day.number is not None else "",
            format_date(day.date, lang),
            status_label[day.status],
            _reason_text(day, lang),
        )
    console.print(table)


def render_deadline_text(
    console: Console,
    result: DeadlineResult,
    lang: str,
    *,
    explain: bool,
    cuti_working: bool,
    trigger_text: str | None = None,
) -> None:
    from rich.markup import escape

    def line(label: str, value: str) -> None:
        console.print(f"  [bold]{escape(LABELS[label][lang])}[/]: {escape(value)}", soft_wrap=True)

    rule, cite = result.rule, result.rule.citation
    console.print(f"[bold]{escape(LABELS['title'][lang])}[/]")
    line("outcome", f"{result.outcome.value} — {OUTCOME_NAMES[result.outcome][lang]}")
    line(
        "trigger", trigger_text or f"{format_date(result.notified_on, lang)} — {rule.trigger[lang]}"
    )
    line("rule", f"{cite.short()} [{result.rule_set.qualified_id(rule)}]")
    line("quote", f"({LABELS[cite.quote][lang]}) \u201c{cite.text}\u201d")
    line("source", cite.source)
    if result.deadline is None:
        line("deadline", LABELS["none_yet"][lang])
        if rule.follow_up:
            line("next", rule.follow_up[lang])
    else:
        assert result.unit is not None
        assert rule.days is not None
        counting = (
            f"{rule.days} {UNIT_NAMES[result.unit][lang]} {COUNT_FROM[rule.count_from][lang]}; "
            f"{ROLL[rule.roll][lang]}"
        )
        if result.basis_override:
            counting += f" ({LABELS['override'][lang]} {UNIT_NAMES[rule.unit][lang]})"
        if cuti_working and result.unit.value == "working":
            counting += f"; {LABELS['cuti_working'][lang]}"
        line("counting", counting)
        console.print(
            f"  [bold]{escape(LABELS['deadline'][lang])}[/]: "
            f"[bold green]{escape(format_date(result.deadline, lang))}[/]"
        )
        if result.days_left is not None and result.as_of is not None:
            line(
                "countdown",
                f"{countdown(result.days_left, lang)} "
                f"({LABELS['as_of'][lang]} {format_date(result.as_of, lang)})",
            )
    for notice in result.notices:
        console.print(
            f"  [bold yellow]{escape(LABELS['notice'][lang])}[/]: {escape(notice[lang])}",
            soft_wrap=True,
        )
    if explain and result.trace:
        render_trace(console, result.trace, lang)
