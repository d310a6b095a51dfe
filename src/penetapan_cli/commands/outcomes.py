"""``penetapan outcomes``: every MK outcome, its aliases and the rule it gets."""

from __future__ import annotations

import sys


def run_outcomes(*, fmt: str, lang: str | None, rules: str | None) -> int:
    from penetapan_cli.commands.common import output_lang
    from penetapan_cli.core.outcomes import ALIASES, Outcome
    from penetapan_cli.messages import OUTCOME_NAMES
    from penetapan_cli.reports import OutcomesReport
    from penetapan_cli.sources.rulesets import resolve_rule_set

    language = output_lang(lang, fmt)
    rule_set = resolve_rule_set(rules)
    report = OutcomesReport(
        lang=language,
        rule_set=rule_set,
        rows=tuple((o, tuple(ALIASES[o]), rule_set.rule_for(o)) for o in Outcome),
        names={o: OUTCOME_NAMES[o.value][language] for o in Outcome},
    )
    if fmt == "json":
        from penetapan_cli.render.json import dump_json, outcomes_json

        dump_json(outcomes_json(report), sys.stdout)
    else:
        from penetapan_cli.render.text import make_console, render_outcomes

        render_outcomes(make_console(sys.stdout), report)
    return 0
