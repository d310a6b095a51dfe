"""``penetapan rules`` and ``penetapan rules show NAME|PATH``."""

from __future__ import annotations

import sys


def run_rules_list(*, fmt: str, lang: str | None) -> int:
    from penetapan_cli.commands.common import output_lang
    from penetapan_cli.reports import RuleSetsReport
    from penetapan_cli.sources.rulesets import load_rule_set, shipped_rule_sets

    report = RuleSetsReport(
        lang=output_lang(lang, fmt),
        rule_sets=tuple(load_rule_set(name) for name in shipped_rule_sets()),
    )
    if fmt == "json":
        from penetapan_cli.render.json import dump_json, rule_sets_json

        dump_json(rule_sets_json(report), sys.stdout)
    else:
        from penetapan_cli.render.text import make_console, render_rule_sets

        render_rule_sets(make_console(sys.stdout), report)
    return 0


def run_rules_show(name: str, *, fmt: str, lang: str | None) -> int:
    from penetapan_cli.commands.common import output_lang
    from penetapan_cli.reports import RuleSetReport
    from penetapan_cli.sources.rulesets import is_rule_file_path, resolve_rule_set

    language = output_lang(lang, fmt)
    report = RuleSetReport(
        lang=language,
        rule_set=resolve_rule_set(name),
        shipped=not is_rule_file_path(name.strip()),
    )
    if fmt == "json":
        from penetapan_cli.render.json import dump_json, rule_set_json

        dump_json(rule_set_json(report), sys.stdout)
    else:
        from penetapan_cli.render.text import make_console, render_rule_set

        render_rule_set(make_console(sys.stdout), report)
    return 0
