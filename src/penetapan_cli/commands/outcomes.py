"""``penetapan outcomes``: every MK outcome, its aliases and the rule it gets."""

from __future__ import annotations

import sys


def run_outcomes(*, fmt: str, lang: str | None, rules: str | None) -> int:
    from penetapan_cli.core.outcomes import ALIASES, Outcome
    from penetapan_cli.messages import OUTCOME_NAMES
    from penetapan_cli.settings import resolve_lang
    from penetapan_cli.sources.rulesets import resolve_rule_set

    language = resolve_lang(lang)
    rule_set = resolve_rule_set(rules)
    rows = []
    for outcome in Outcome:
        rule = rule_set.rule_for(outcome)
        rows.append(
            {
                "outcome": outcome.value,
                "aliases": list(ALIASES[outcome]),
                "name": OUTCOME_NAMES[outcome][language],
                "rule": rule_set.qualified_id(rule),
                "citation": rule.citation.short(),
                "days": rule.days,
                "unit": rule.unit.value if rule.days is not None else None,
            }
        )
    if fmt == "json":
        from penetapan_cli.render.text import dump_json

        dump_json({"schema_version": 1, "rule_set": rule_set.id, "outcomes": rows}, sys.stdout)
        return 0
    from rich.markup import escape
    from rich.table import Table

    from penetapan_cli.core.rules import Unit
    from penetapan_cli.messages import UNIT_NAMES
    from penetapan_cli.render.text import make_console, plain_row

    pending = "belum ada tenggat" if language == "id" else "no deadline yet"
    table = Table(title=escape(f"{rule_set.title} [{rule_set.id}]"))
    for header in ("outcome", "aliases", "meaning", "rule", "deadline"):
        table.add_column(header, overflow="fold")
    for row in rows:
        days = row["days"]
        unit = UNIT_NAMES[Unit(str(row["unit"]))][language] if days is not None else ""
        plain_row(
            table,
            str(row["outcome"]),
            ", ".join(row["aliases"]),  # type: ignore[arg-type]
            str(row["name"]),
            f"{row['citation']}",
            f"{days} {unit}" if days is not None else pending,
        )
    make_console(sys.stdout).print(table)
    return 0
