"""JSON output: the documented objects of every command, one ``SCHEMA_VERSION`` for all.

Each function takes a report (reports.py) and returns the whole object; nothing patches an
object afterwards. Key order is part of the documented output.
"""

from __future__ import annotations

import json
from typing import IO, TYPE_CHECKING, Any

from penetapan_cli.core.compare import TriggerKind
from penetapan_cli.core.rules import DEFAULT_RULE_SET, Citation, Rule, RuleSet

if TYPE_CHECKING:  # annotations only: a one-off check imports no more than it computes with
    from collections.abc import Sequence

    from penetapan_cli import reports
    from penetapan_cli.core.compare import Comparison, Option
    from penetapan_cli.core.compliance import Verdict
    from penetapan_cli.core.counting import TraceDay
    from penetapan_cli.core.deadline import DeadlineResult
    from penetapan_cli.core.errors import Message
    from penetapan_cli.core.rules import Text
    from penetapan_cli.core.timeline import Step

SCHEMA_VERSION = 1


def dump_json(data: Any, out: IO[str]) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def citation_json(citation: Citation, lang: str) -> dict[str, str]:
    return {
        "regulation": citation.regulation,
        "article": citation.article,
        "text": citation.text,
        "quote": citation.quote,
        "source": citation.source[lang],
    }


def trace_json(trace: tuple[TraceDay, ...], lang: str) -> list[dict[str, Any]]:
    return [
        {
            "date": day.date.isoformat(),
            "status": day.status.value,
            "number": day.number,
            "reasons": [
                {"kind": r.kind.value, "name": r.name[lang], "estimated": r.estimated}
                for r in day.reasons
            ],
        }
        for day in trace
    ]


# --- penetapan deadline ----------------------------------------------------------------------


def _counting_json(rule: Rule, lang: str) -> dict[str, Any]:
    """How a rule counts (nothing without days) and from what, with its citation."""
    counted = rule.days is not None
    return {
        "days": rule.days,
        "unit": rule.unit.value if counted else None,
        "count_from": rule.count_from.value if counted else None,
        "roll": rule.roll.value if counted else None,
        "trigger": rule.trigger[lang],
        "citation": citation_json(rule.citation, lang),
    }


def _rule_json(rule_set: RuleSet, rule: Rule, lang: str) -> dict[str, Any]:
    return {
        "id": rule_set.qualified_id(rule),
        "rule_set": rule_set.id,
        **_counting_json(rule, lang),
    }


def _verdict_json(verdict: Verdict | None) -> dict[str, Any]:
    """``compliance`` and ``days_late``: null without a declaration date."""
    return {
        "compliance": verdict.compliance.value if verdict is not None else None,
        "days_late": verdict.days_late if verdict is not None else None,
    }


def _option_json(
    option: Option, verdict: Verdict | None, comparison: Comparison, lang: str
) -> dict[str, Any]:
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
        "deadline": _iso(result.deadline),
        "status": result.status,
        "days_left": result.days_left,
        "safe": option.safe,
        **_verdict_json(verdict),
        "trigger": result.rule.trigger[lang],
        "own_trigger": comparison.own_trigger(option),
        "notices": [n[lang] for n in result.notices],
    }


def _worded(texts: Sequence[Text | Message], lang: str) -> list[str]:
    """Keyed or bilingual texts in ``lang``; the catalogue is loaded only when there are some."""
    if not texts:
        return []
    from penetapan_cli.messages import word

    return [word(text, lang) for text in texts]


def deadline_json(
    report: reports.DeadlineReport, *, holidays_version: str | None
) -> dict[str, Any]:
    """The documented object of ``penetapan deadline --format json`` (docs/commands.md, JSON);
    ``holidays_version`` is the holiday data's, read only when JSON is written."""
    lang, comparison = report.lang, report.comparison
    primary = comparison.primary
    result: DeadlineResult = primary.result
    decided = [o.trigger_date for o in comparison.options if o.trigger_kind is TriggerKind.DECIDED]
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "outcome": result.outcome.value,
        "notified_on": report.notified_on.isoformat(),
        "deadline": _iso(result.deadline),
        "status": result.status,
        "as_of": _iso(result.as_of),
        "days_left": result.days_left,
        "deadline_day_off": [
            {"kind": d.kind.value, "name": d.name[lang], "estimated": d.estimated}
            for d in report.deadline_day_off
        ]
        or None,
        "basis": result.unit.value if result.unit else None,
        "basis_override": result.basis_override,
        "rule": _rule_json(result.rule_set, result.rule, lang),
        "follow_up": result.rule.follow_up[lang] if result.rule.follow_up else None,
        "warnings": _worded(result.warnings, lang),
        "notices": [n[lang] for n in result.notices],
        "estimated_years": list(result.estimated_years),
        "holidays_version": holidays_version,
        "lang": lang,
    }
    if report.explain:
        data["trace"] = trace_json(result.trace, lang)
    data |= {
        "decided_on": _iso(decided[0]) if decided else None,
        "counted_from": primary.trigger_kind.value,
        "trigger_date": primary.trigger_date.isoformat(),
        "safe_deadline": _iso(comparison.safe_deadline),
        "comparison": [
            _option_json(o, report.verdicts[i] if report.verdicts else None, comparison, lang)
            for i, o in enumerate(comparison.options)
        ]
        if report.compared
        else None,
        "region": report.region,
        "declared_on": _iso(report.verdict.declared_on if report.verdict else None),
        **_verdict_json(report.verdict),
    }
    return data


# --- penetapan rules, outcomes, holidays -----------------------------------------------------


def _rule_detail_json(rule_set: RuleSet, rule: Rule, lang: str) -> dict[str, Any]:
    return {
        "id": rule.id,
        "qualified_id": rule_set.qualified_id(rule),
        "outcomes": [o.value for o in rule.outcomes],
        **_counting_json(rule, lang),
        "notices": [
            {"text": n.text[lang], "outcomes": [o.value for o in n.outcomes]} for n in rule.notices
        ],
        "follow_up": rule.follow_up[lang] if rule.follow_up is not None else None,
    }


def _rule_set_summary_json(rule_set: RuleSet, lang: str) -> dict[str, Any]:
    return {
        "id": rule_set.id,
        "title": rule_set.title,
        "regulation": rule_set.regulation,
        "status": rule_set.status,
        "note": rule_set.note.get(lang),
        "default": rule_set.id == DEFAULT_RULE_SET and not rule_set.from_file,
    }


def rule_set_json(report: reports.RuleSetReport) -> dict[str, Any]:
    """``penetapan rules show NAME --format json``: the whole rule set."""
    rule_set, lang = report.rule_set, report.lang
    return {
        "schema_version": SCHEMA_VERSION,
        **_rule_set_summary_json(rule_set, lang),
        "file": None if report.shipped or rule_set.path is None else str(rule_set.path),
        "rules": [_rule_detail_json(rule_set, r, lang) for r in rule_set.rules],
        "lang": lang,
    }


def rule_sets_json(report: reports.RuleSetsReport) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "default": DEFAULT_RULE_SET,
        "rule_sets": [_rule_set_summary_json(rs, report.lang) for rs in report.rule_sets],
        "lang": report.lang,
    }


def outcomes_json(report: reports.OutcomesReport) -> dict[str, Any]:
    rule_set = report.rule_set
    rows = []
    for outcome, aliases, rule in report.rows:
        rows.append(
            {
                "outcome": outcome.value,
                "aliases": list(aliases),
                "name": report.names[outcome],
                "rule": rule_set.qualified_id(rule),
                "citation": rule.citation.short(),
                "days": rule.days,
                "unit": rule.unit.value if rule.days is not None else None,
            }
        )
    return {"schema_version": SCHEMA_VERSION, "rule_set": rule_set.id, "outcomes": rows}


def holidays_json(report: reports.HolidaysReport) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "year": report.year,
        "holidays_version": report.holidays_version,
        "has_cuti_bersama": report.coverage.has_cuti_bersama,
        "estimated": bool(report.coverage.estimated),
        "days": [
            {
                "date": d.date.isoformat(),
                "kind": d.kind.value,
                "name": d.name[report.lang],
                "estimated": d.estimated,
                "working": report.working(d),
            }
            for d in report.days
        ],
    }


# --- penetapan timeline ----------------------------------------------------------------------


def _step_json(report: reports.TimelineReport, step: Step) -> dict[str, Any]:
    from penetapan_cli.messages import word

    timeline, lang = report.timeline, report.lang
    data: dict[str, Any] = {
        "id": step.id,
        "kind": step.kind.value,
        "title": word(step.title, lang),
        "status": step.status.value,
        "deadline": _iso(step.deadline),
        "days_left": timeline.days_left(step),
        "waiting_for": [report.option(fact) for fact in step.waiting_for],
        "counted_from": step.counted_from,
        "trigger_date": _iso(step.trigger_date),
        "trigger": word(step.trigger, lang),
        "days": step.days,
        "unit": step.unit.value if step.unit else None,
        "count_from": step.count_from.value if step.count_from else None,
        "roll": step.roll.value if step.roll else None,
        "outcomes": [o.value for o in step.outcomes],
        "rule": step.rule_id,
        "citation": citation_json(step.citation, lang),
        "alternatives": [
            {
                "counted_from": a.counted_from,
                "trigger_date": a.trigger_date.isoformat(),
                "deadline": a.deadline.isoformat(),
                "safe": False,
            }
            for a in step.alternatives
        ],
        "notices": [report.text(n) for n in step.notices],
        "note": report.text(step.note) if step.note else None,
    }
    from penetapan_cli.core.timeline import StepKind  # not on deadline's path: it loads more

    if step.kind is StepKind.DECLARATION:
        declared = report.timeline.declared
        data |= {"declared_on": _iso(declared), **_verdict_json(step.verdict)}
    if report.explain:
        data["trace"] = trace_json(step.trace, lang)
    return data


def timeline_json(
    report: reports.TimelineReport, *, holidays_version: str | None
) -> dict[str, Any]:
    """The documented object of ``penetapan timeline --format json``."""
    timeline = report.timeline
    return {
        "schema_version": SCHEMA_VERSION,
        "region": report.region,
        "rule_set": timeline.rule_set.id,
        "announced": _iso(timeline.announced),
        "registered": _iso(timeline.registered),
        "decided": _iso(timeline.decided),
        "notified": _iso(timeline.notified),
        "outcome": timeline.outcome.value if timeline.outcome else None,
        "order_days": timeline.order_days,
        "declared": _iso(timeline.declared),
        "status": "pending" if timeline.pending else "ok",
        "as_of": _iso(timeline.as_of),
        "steps": [_step_json(report, s) for s in timeline.steps],
        "warnings": [report.text(w) for w in timeline.warnings],
        "estimated_years": list(timeline.estimated_years),
        "holidays_version": holidays_version,
        "lang": report.lang,
    }
