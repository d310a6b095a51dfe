"""Rendering rule sets (``penetapan rules``) and deadline comparisons (``--compare``,
``--decided``) as text (rich) and JSON. rich is imported only for text."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from penetapan_cli.core.compare import Comparison, Option, TriggerKind
from penetapan_cli.core.dates import format_date, month_name, weekday_name
from penetapan_cli.core.deadline import DeadlineResult
from penetapan_cli.core.rules import DEFAULT_RULE_SET, Rule, RuleSet, Text
from penetapan_cli.messages import COUNT_FROM, LABELS, ROLL, UNIT_NAMES, countdown
from penetapan_cli.render.text import citation_json, plain_row

if TYPE_CHECKING:
    from rich.console import Console

SCHEMA_VERSION = 1

WORDS: dict[str, Text] = {
    "rule_sets": {"id": "Kumpulan aturan", "en": "Rule sets"},
    "default": {"id": "bawaan", "en": "default"},
    "regulation": {"id": "Peraturan", "en": "Regulation"},
    "status": {"id": "Status", "en": "Status"},
    "note": {"id": "Keterangan", "en": "Note"},
    "file": {"id": "Berkas", "en": "File"},
    "outcomes": {"id": "Hasil di MK", "en": "Outcomes"},
    "comparison": {"id": "Perbandingan aturan", "en": "Comparison of rule sets"},
    "by_trigger": {"id": "Tenggat menurut tanggal pemicu", "en": "Deadline by trigger date"},
    "safe": {"id": "AMAN", "en": "SAFE"},
    "safe_date": {"id": "Tanggal aman (paling awal)", "en": "Safe date (the earliest)"},
    "decided": {"id": "putusan dibacakan (--decided)", "en": "decision read out (--decided)"},
    "notified": {"id": "pemberitahuan (NOTIFIED)", "en": "notification (NOTIFIED)"},
    "notified_on": {"id": "pemberitahuan", "en": "notified"},
    "active": {"id": "aktif", "en": "active"},
}


def _text(value: Text | None, lang: str) -> str | None:
    return value[lang] if value is not None else None


def rule_detail_json(rule_set: RuleSet, rule: Rule, lang: str) -> dict[str, Any]:
    return {
        "id": rule.id,
        "qualified_id": rule_set.qualified_id(rule),
        "outcomes": [o.value for o in rule.outcomes],
        "days": rule.days,
        "unit": rule.unit.value if rule.days is not None else None,
        "count_from": rule.count_from.value if rule.days is not None else None,
        "roll": rule.roll.value if rule.days is not None else None,
        "trigger": rule.trigger[lang],
        "citation": citation_json(rule.citation),
        "notices": [
            {"text": n.text[lang], "outcomes": [o.value for o in n.outcomes]} for n in rule.notices
        ],
        "follow_up": _text(rule.follow_up, lang),
    }


def rule_set_summary_json(rule_set: RuleSet, lang: str) -> dict[str, Any]:
    return {
        "id": rule_set.id,
        "title": rule_set.title,
        "regulation": rule_set.regulation,
        "status": rule_set.status,
        "note": rule_set.note.get(lang),
        "default": rule_set.id == DEFAULT_RULE_SET,
    }


def rule_set_json(rule_set: RuleSet, lang: str, *, shipped: bool) -> dict[str, Any]:
    """``penetapan rules show NAME --format json``: the whole rule set."""
    return {
        "schema_version": SCHEMA_VERSION,
        **rule_set_summary_json(rule_set, lang),
        "file": None if shipped or rule_set.path is None else str(rule_set.path),
        "rules": [rule_detail_json(rule_set, r, lang) for r in rule_set.rules],
        "lang": lang,
    }


def rule_sets_json(rule_sets: list[RuleSet], lang: str) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "default": DEFAULT_RULE_SET,
        "rule_sets": [rule_set_summary_json(rs, lang) for rs in rule_sets],
        "lang": lang,
    }


def render_rule_sets_text(console: Console, rule_sets: list[RuleSet], lang: str) -> None:
    from rich.table import Table

    table = Table(title=WORDS["rule_sets"][lang])
    for header in ("id", "status", "title", "note"):
        table.add_column(header, overflow="fold")
    for rs in rule_sets:
        mark = f" ({WORDS['default'][lang]})" if rs.id == DEFAULT_RULE_SET else ""
        plain_row(table, rs.id + mark, rs.status, rs.title, rs.note.get(lang, ""))
    console.print(table)


def _counting(rule: Rule, lang: str) -> str:
    if rule.days is None:
        return LABELS["none_yet"][lang]
    return (
        f"{rule.days} {UNIT_NAMES[rule.unit][lang]} {COUNT_FROM[rule.count_from][lang]}; "
        f"{ROLL[rule.roll][lang]}"
    )


def render_rule_set_text(console: Console, rule_set: RuleSet, lang: str, *, shipped: bool) -> None:
    """``penetapan rules show NAME``: every rule with its citation, notices and follow-up."""
    from rich.markup import escape

    def line(label: str, value: str) -> None:
        console.print(f"  [bold]{escape(label)}[/]: {escape(value)}")

    mark = f" ({WORDS['default'][lang]})" if rule_set.id == DEFAULT_RULE_SET else ""
    console.print(f"[bold]{escape(rule_set.id)}{escape(mark)}[/] \u2014 {escape(rule_set.title)}")
    line(WORDS["regulation"][lang], rule_set.regulation)
    line(WORDS["status"][lang], rule_set.status)
    if rule_set.note.get(lang):
        line(WORDS["note"][lang], rule_set.note[lang])
    if not shipped and rule_set.path is not None:
        line(WORDS["file"][lang], str(rule_set.path))
    for rule in rule_set.rules:
        console.print()
        outcomes = ", ".join(o.value for o in rule.outcomes)
        console.print(f"[bold]{escape(rule_set.qualified_id(rule))}[/]: {escape(outcomes)}")
        line(LABELS["counting"][lang], _counting(rule, lang))
        line(LABELS["trigger"][lang], rule.trigger[lang])
        line(LABELS["rule"][lang], rule.citation.short())
        line(
            LABELS["quote"][lang],
            f"({LABELS[rule.citation.quote][lang]}) \u201c{rule.citation.text}\u201d",
        )
        line(LABELS["source"][lang], rule.citation.source)
        for notice in rule.notices:
            only = f" [{', '.join(o.value for o in notice.outcomes)}]" if notice.outcomes else ""
            line(LABELS["notice"][lang] + only, notice.text[lang])
        if rule.follow_up is not None:
            line(LABELS["next"][lang], rule.follow_up[lang])


def option_json(option: Option) -> dict[str, Any]:
    result = option.result
    return {
        "rule_set": option.rule_set.id,
        "rule_set_status": option.rule_set.status,
        "active": option.active,
        "rule": option.rule_set.qualified_id(result.rule),
        "citation": result.rule.citation.short(),
        "days": result.rule.days,
        "unit": result.unit.value if result.unit else None,
        "count_from": result.rule.count_from.value if result.rule.days is not None else None,
        "counted_from": option.trigger_kind.value,
        "trigger_date": option.trigger_date.isoformat(),
        "deadline": result.deadline.isoformat() if result.deadline else None,
        "status": result.status,
        "days_left": result.days_left,
        "safe": option.safe,
    }


def comparison_fields(comparison: Comparison | None, result: DeadlineResult) -> dict[str, Any]:
    """Keys the ``deadline`` JSON adds: the trigger counted from, the safe date, the options."""
    if comparison is None:
        return {
            "decided_on": None,
            "counted_from": TriggerKind.NOTIFIED.value,
            "trigger_date": result.notified_on.isoformat(),
            "safe_deadline": result.deadline.isoformat() if result.deadline else None,
            "comparison": None,
        }
    primary = comparison.primary
    decided = [o.trigger_date for o in comparison.options if o.trigger_kind is TriggerKind.DECIDED]
    safe = comparison.safe_deadline
    return {
        "decided_on": decided[0].isoformat() if decided else None,
        "counted_from": primary.trigger_kind.value,
        "trigger_date": primary.trigger_date.isoformat(),
        "safe_deadline": safe.isoformat() if safe else None,
        "comparison": [option_json(o) for o in comparison.options],
    }


def short_date(d: dt.date, lang: str) -> str:
    """ "Jum 7 Feb 2025" / "Fri 7 Feb 2025": a date that fits a table cell."""
    return f"{weekday_name(d, lang)[:3]} {d.day} {month_name(d.month, lang)[:3]} {d.year}"


def render_comparison_text(
    console: Console, comparison: Comparison, lang: str, *, compare: bool
) -> None:
    """The table of options, the safe ones marked, then the safe date."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=WORDS["comparison" if compare else "by_trigger"][lang])
    headers = ["rule set", "rule"] if compare else []
    headers += ["counted from", "days", "deadline", ""]
    for header in headers:
        table.add_column(header, overflow="fold")
    for option in comparison.options:
        result = option.result
        rule = result.rule
        days = (
            f"{rule.days} {UNIT_NAMES[result.unit][lang]}"
            if rule.days is not None and result.unit is not None
            else LABELS["none_yet"][lang]
        )
        active = f"\n({WORDS['active'][lang]})" if option.active else ""
        name = f"{option.rule_set.id}\n{option.rule_set.status}{active}"
        row = [name, rule.id] if compare else []
        row += [
            f"{option.trigger_kind.value}\n{short_date(option.trigger_date, lang)}",
            days,
            short_date(result.deadline, lang) if result.deadline else "\u2014",
            WORDS["safe"][lang] if option.safe else "",
        ]
        table.add_row(*(escape(cell) for cell in row))
    console.print(table)
    safe = comparison.safe
    if safe is not None and safe.result.deadline is not None:
        left = safe.result.days_left
        tail = f" \u2014 {countdown(left, lang)}" if left is not None else ""
        where = f" ({safe.rule_set.qualified_id(safe.result.rule)}, {safe.trigger_kind.value})"
        console.print(
            f"  [bold]{escape(WORDS['safe_date'][lang])}[/]: "
            f"[bold green]{escape(format_date(safe.result.deadline, lang))}[/]"
            f"{escape(tail + where)}"
        )


def trigger_line(comparison: Comparison, notified: str, lang: str) -> str | None:
    """The trigger line of the main block when it counts from the reading, not NOTIFIED."""
    primary = comparison.primary
    if primary.trigger_kind is not TriggerKind.DECIDED:
        return None
    return (
        f"{format_date(primary.trigger_date, lang)} \u2014 {WORDS['decided'][lang]}; "
        f"{WORDS['notified_on'][lang]} {notified}"
    )
