"""Shell completion of values (``--install-completion``): outcome names and rule-set names.

Commands and options are completed by Typer itself; cli.py hands these functions to the
arguments and options that take an outcome or a rule set (imported with cli.py: this module
loads nothing else until a completion asks). Each returns (value, help) pairs for
the values that start with what was typed, in any case. The help is in the language of the
environment (PENETAPAN_LANG, else the locale), as a completion request carries no --lang.
"""

from __future__ import annotations


def _lang() -> str:
    from penetapan_cli.core.errors import InputError
    from penetapan_cli.settings import resolve_lang

    try:
        return resolve_lang(None)
    except InputError:  # a bad PENETAPAN_LANG: the command itself will say so
        return "en"


def outcome_names(incomplete: str) -> list[tuple[str, str]]:
    """Every outcome id and alias that starts with ``incomplete``, with the outcome's name."""
    from penetapan_cli.core.outcomes import ALIASES, Outcome
    from penetapan_cli.messages import OUTCOME_NAMES

    lang = _lang()
    start = incomplete.lower()
    found: list[tuple[str, str]] = []
    for outcome in Outcome:
        name = OUTCOME_NAMES[outcome.value][lang]
        for value in (outcome.value, *ALIASES[outcome]):
            if value.startswith(start):
                help_text = name if value == outcome.value else f"{outcome.value}: {name}"
                found.append((value, help_text))
    return found


def rule_set_names(incomplete: str) -> list[tuple[str, str]]:
    """Every shipped rule set whose name starts with ``incomplete``, with its title and status."""
    from penetapan_cli.sources.rulesets import load_rule_set, shipped_rule_sets

    start = incomplete.lower()
    found: list[tuple[str, str]] = []
    for name in shipped_rule_sets():
        if name.startswith(start):
            rule_set = load_rule_set(name)
            found.append((name, f"{rule_set.title} ({rule_set.status})"))
    return found
