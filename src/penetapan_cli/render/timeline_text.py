"""Rendering a timeline (``penetapan timeline``) as text (rich) and JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from penetapan_cli.core.dates import format_date
from penetapan_cli.core.rules import CountFrom, Text, Unit
from penetapan_cli.core.timeline import Step, StepStatus, Timeline
from penetapan_cli.messages import COUNT_FROM, LABELS, OUTCOME_NAMES, ROLL, UNIT_NAMES, countdown
from penetapan_cli.render.text import render_trace, trace_json

if TYPE_CHECKING:
    from rich.console import Console

SCHEMA_VERSION = 1

WORDS: dict[str, Text] = {
    "title": {"id": "Linimasa sengketa hasil Pilkada", "en": "Timeline of the result dispute"},
    "waiting": {"id": "menunggu", "en": "waiting for"},
    "counted_from": {"id": "dihitung dari", "en": "counted from"},
    "alternative": {"id": "bila dihitung dari", "en": "if counted from"},
    "safe": {"id": "tanggal aman (paling awal)", "en": "the safe (earliest) date"},
    "outcomes": {"id": "berlaku untuk", "en": "applies to"},
    "rule_set": {"id": "Kumpulan aturan", "en": "Rule set"},
    "region": {"id": "Daerah", "en": "Region"},
    "announced": {"id": "pengumuman hasil (--announced)", "en": "announcement (--announced)"},
    "registered": {
        "id": "registrasi BRPK (--registered)",
        "en": "BRPK registration (--registered)",
    },
    "decided": {"id": "putusan dibacakan (--decided)", "en": "decision read out (--decided)"},
    "notified": {"id": "pemberitahuan (--notified)", "en": "notification (--notified)"},
    "order_days": {"id": "hari menurut amar putusan", "en": "days set by the MK's order"},
}


def _trigger_name(name: str | None, lang: str) -> str:
    if name is None:
        return ""
    return WORDS[name][lang] if name in WORDS else name


def step_json(timeline: Timeline, step: Step, lang: str, *, explain: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": step.id,
        "kind": step.kind.value,
        "title": step.title[lang],
        "status": step.status.value,
        "deadline": step.deadline.isoformat() if step.deadline else None,
        "days_left": timeline.days_left(step),
        "waiting_for": list(step.waiting_for),
        "counted_from": step.counted_from,
        "trigger_date": step.trigger_date.isoformat() if step.trigger_date else None,
        "trigger": step.trigger[lang],
        "days": step.days,
        "unit": step.unit.value if step.unit else None,
        "count_from": step.count_from.value if step.count_from else None,
        "roll": step.roll.value if step.roll else None,
        "outcomes": [o.value for o in step.outcomes],
        "rule": step.rule_id,
        "citation": {
            "regulation": step.citation.regulation,
            "article": step.citation.article,
            "text": step.citation.text,
            "quote": step.citation.quote,
            "source": step.citation.source,
        },
        "alternatives": [
            {
                "counted_from": a.counted_from,
                "trigger_date": a.trigger_date.isoformat(),
                "deadline": a.deadline.isoformat(),
                "safe": False,
            }
            for a in step.alternatives
        ],
        "notices": [n[lang] for n in step.notices],
        "note": step.note[lang] if step.note else None,
    }
    if explain:
        data["trace"] = trace_json(step.trace, lang)
    return data


def timeline_json(
    timeline: Timeline,
    lang: str,
    *,
    explain: bool,
    region: str | None,
    holidays_version: str | None,
) -> dict[str, Any]:
    """The documented JSON object of a timeline (README: "Timeline")."""

    def iso(value: Any) -> str | None:
        return value.isoformat() if value is not None else None

    return {
        "schema_version": SCHEMA_VERSION,
        "region": region,
        "rule_set": timeline.rule_set.id,
        "announced": timeline.announced.isoformat(),
        "registered": iso(timeline.registered),
        "decided": iso(timeline.decided),
        "notified": iso(timeline.notified),
        "outcome": timeline.outcome.value if timeline.outcome else None,
        "order_days": timeline.order_days,
        "status": "pending" if timeline.pending else "ok",
        "as_of": iso(timeline.as_of),
        "steps": [step_json(timeline, s, lang, explain=explain) for s in timeline.steps],
        "warnings": [w[lang] for w in timeline.warnings],
        "estimated_years": list(timeline.estimated_years),
        "holidays_version": holidays_version,
        "lang": lang,
    }


CALENDAR_ON: Text = {
    "id": "terhitung sejak tanggal pemicu (hari pemicu adalah hari ke-1)",
    "en": "counted from the trigger date (the trigger day is day 1)",
}


def count_from_text(count_from: CountFrom, unit: Unit, lang: str) -> str:
    """How the count starts: with calendar days, "terhitung sejak" counts the trigger day."""
    if count_from is CountFrom.ON and unit is Unit.CALENDAR:
        return CALENDAR_ON[lang]
    return COUNT_FROM[count_from][lang]


def _counting(step: Step, lang: str) -> str:
    if step.unit is None or step.count_from is None or step.roll is None:
        return ""
    days = str(step.days) if step.days is not None else "N"
    text = (
        f"{days} {UNIT_NAMES[step.unit][lang]} {count_from_text(step.count_from, step.unit, lang)}"
    )
    if step.days is None:
        text += f" (N: {WORDS['order_days'][lang]}, --order-days)"
    return text


def render_timeline_text(
    console: Console, timeline: Timeline, lang: str, *, explain: bool, region: str | None
) -> None:
    from rich.markup import escape

    def line(label: str, value: str, style: str = "bold") -> None:
        console.print(f"     [{style}]{escape(label)}[/]: {escape(value)}")

    heading = WORDS["title"][lang] + (f" \u2014 {region}" if region else "")
    console.print(f"[bold]{escape(heading)}[/]")
    console.print(
        f"  {escape(WORDS['rule_set'][lang])}: {escape(timeline.rule_set.id)} "
        f"({escape(timeline.rule_set.title)})"
    )
    for number, step in enumerate(timeline.steps, start=1):
        console.print()
        title = step.title[lang]
        if len(step.outcomes) == 1:
            title += f" \u2014 {OUTCOME_NAMES[step.outcomes[0]][lang]}"
        if step.status is StepStatus.OK and step.deadline is not None:
            left = timeline.days_left(step)
            tail = f" \u2014 {countdown(left, lang)}" if left is not None else ""
            console.print(
                f"  [bold]{number}. {escape(title)}[/]: "
                f"[bold green]{escape(format_date(step.deadline, lang))}[/]{escape(tail)}"
            )
        elif step.status is StepStatus.PENDING:
            console.print(
                f"  [bold]{number}. {escape(title)}[/]: "
                f"[bold yellow]{escape(LABELS['none_yet'][lang])}[/]"
            )
        else:
            waiting = f"{WORDS['waiting'][lang]} {', '.join(step.waiting_for)}"
            console.print(f"  [bold]{number}. {escape(title)}[/]: [yellow]{escape(waiting)}[/]")
        if len(step.outcomes) > 1:
            line(WORDS["outcomes"][lang], ", ".join(o.value for o in step.outcomes))
        basis = step.citation.short() + (f" [{step.rule_id}]" if step.rule_id else "")
        line(LABELS["rule"][lang], basis)
        line(
            LABELS["quote"][lang],
            f"({LABELS[step.citation.quote][lang]}) \u201c{step.citation.text}\u201d",
        )
        counting = _counting(step, lang)
        if counting:
            if step.roll is not None and step.days is not None:
                counting += f"; {ROLL[step.roll][lang]}"
            line(LABELS["counting"][lang], counting)
        trigger = step.trigger[lang]
        if step.trigger_date is not None:
            trigger = (
                f"{format_date(step.trigger_date, lang)} \u2014 "
                f"{_trigger_name(step.counted_from, lang)}; {trigger}"
            )
        line(LABELS["trigger"][lang], trigger)
        for alt in step.alternatives:
            line(
                WORDS["alternative"][lang],
                f"{_trigger_name(alt.counted_from, lang)} {format_date(alt.trigger_date, lang)}: "
                f"{format_date(alt.deadline, lang)}",
            )
        if step.alternatives:
            line(WORDS["safe"][lang], format_date(step.deadline, lang) if step.deadline else "")
        if step.note is not None:
            line(LABELS["next"][lang], step.note[lang])
        for notice in step.notices:
            line(LABELS["notice"][lang], notice[lang], "bold yellow")
        if explain and step.trace:
            render_trace(console, step.trace, lang)
