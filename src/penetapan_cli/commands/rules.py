"""``penetapan rules`` and ``penetapan rules show NAME|PATH``."""

from __future__ import annotations

import sys


def run_rules_list(*, fmt: str, lang: str | None) -> int:
    from penetapan_cli.render.rules_text import render_rule_sets_text, rule_sets_json
    from penetapan_cli.render.text import dump_json, make_console
    from penetapan_cli.settings import resolve_lang
    from penetapan_cli.sources.rulesets import load_rule_set, shipped_rule_sets

    language = resolve_lang(lang)
    rule_sets = [load_rule_set(name) for name in shipped_rule_sets()]
    if fmt == "json":
        dump_json(rule_sets_json(rule_sets, language), sys.stdout)
    else:
        render_rule_sets_text(make_console(sys.stdout), rule_sets, language)
    return 0


def run_rules_show(name: str, *, fmt: str, lang: str | None) -> int:
    from penetapan_cli.render.rules_text import render_rule_set_text, rule_set_json
    from penetapan_cli.render.text import dump_json, make_console
    from penetapan_cli.settings import resolve_lang
    from penetapan_cli.sources.rulesets import is_rule_file_path, resolve_rule_set

    language = resolve_lang(lang)
    rule_set = resolve_rule_set(name)
    shipped = not is_rule_file_path(name.strip())
    if fmt == "json":
        dump_json(rule_set_json(rule_set, language, shipped=shipped), sys.stdout)
    else:
        render_rule_set_text(make_console(sys.stdout), rule_set, language, shipped=shipped)
    return 0
