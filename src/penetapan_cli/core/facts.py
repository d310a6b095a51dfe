"""The facts the core waits for or speaks of, by field name; only the CLI knows option names.

A core message names a fact with a placeholder such as ``{decided}``; ``name_facts`` writes each
placeholder with the name the caller uses for it (the CLI: ``--decided``), or with the field name
itself when the caller gives none.
"""

from __future__ import annotations

from collections.abc import Mapping

FACTS = (
    "announced",
    "registered",
    "decided",
    "notified",
    "outcome",
    "order_days",
    "strict",
    "declared",
    "as_of",
    "date_order",
)


def fact(name: str) -> str:
    """The placeholder of a fact in a message."""
    assert name in FACTS, name
    return "{" + name + "}"


def name_facts(text: str, names: Mapping[str, str] | None = None) -> str:
    """``text`` with each fact placeholder replaced by its name in ``names`` (default: the
    field name). Other braces are left as they are."""
    if "{" not in text:
        return text
    for name in FACTS:
        text = text.replace("{" + name + "}", (names or {}).get(name, name))
    return text
