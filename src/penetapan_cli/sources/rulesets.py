"""Rule sets and statutory limits as files: the shipped TOML data, and ``--rules NAME|PATH``.

Shipped files are read with the standard library and built as they are (the tests validate every
shipped file), so a one-off check pays for no validation framework; a user's file goes through
sources/rulefile.py first.
"""

from __future__ import annotations

import os
import tomllib
from typing import TYPE_CHECKING, Any

from penetapan_cli.core.errors import RulesError
from penetapan_cli.core.rules import (
    DEFAULT_RULE_SET,
    Limit,
    RuleSet,
    build_limits,
    build_rule_set,
)

if TYPE_CHECKING:
    from pathlib import Path

# Plain strings: a one-off check reads the default rule set without loading pathlib.
_RULESETS = os.path.join(os.path.dirname(__file__), "rulesets")
_LIMITS = os.path.join(os.path.dirname(__file__), "limits.toml")


def __getattr__(name: str) -> Path:
    """``RULESETS_DIR`` and ``LIMITS_FILE`` as paths, made when another module asks."""
    if name in ("RULESETS_DIR", "LIMITS_FILE"):
        from pathlib import Path

        return Path(_RULESETS if name == "RULESETS_DIR" else _LIMITS)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def shipped_rule_sets() -> list[str]:
    return sorted(n.removesuffix(".toml") for n in os.listdir(_RULESETS) if n.endswith(".toml"))


def is_rule_file_path(name: str) -> bool:
    """Whether ``--rules`` names a user's file (a path, a .toml name), not a shipped set."""
    return "/" in name or "\\" in name or name.endswith(".toml")


def rule_set_path(name: str) -> str:
    """A shipped rule set by name, or a user's file by path."""
    shipped = os.path.join(_RULESETS, f"{name}.toml")
    if not is_rule_file_path(name):
        if os.path.isfile(shipped):
            return shipped
        raise RulesError("rules.unknown", name=name, valid=", ".join(shipped_rule_sets()))
    return name


def read_toml(path: Path | str) -> dict[str, Any]:
    """A rule or limits file: a regular file or a pipe of at most 1 MiB (files.read_small)."""
    from penetapan_cli.files import read_small

    data = read_small(path, what="file.rule", error=RulesError)
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulesError("rules.not_toml", path=str(path), detail=str(exc)) from None
    except RecursionError:
        raise RulesError("rules.nested", path=str(path)) from None


def load_rule_set(name: str = DEFAULT_RULE_SET) -> RuleSet:
    """A shipped rule set, read without a validation framework (tests validate every shipped file).

    A user's file goes through ``settings.resolve_rule_set``, which validates it first.
    """
    if is_rule_file_path(name):
        raise RulesError("rules.file_path", name=name)
    path = rule_set_path(name)
    data = read_toml(path)
    try:
        return build_rule_set(data, path)
    except (KeyError, TypeError, ValueError) as exc:
        raise RulesError("rules.invalid", path=str(path), detail=str(exc)) from None


def load_limits(path: Path | str = _LIMITS) -> dict[str, Limit]:
    """The statutory limits shipped in ``limits.toml`` (UU 10/2016 Pasal 157 and MK orders)."""
    data = read_toml(path)
    try:
        return build_limits(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise RulesError("limits.invalid", path=str(path), detail=str(exc)) from None


def resolve_rule_set(name_or_path: str | None = None) -> RuleSet:
    """``--rules NAME|PATH``: a shipped rule set by name (read as is, no validation framework),
    or a user's TOML file by path (validated: a mistake is one line naming the file and field).
    ``None`` is the default rule set.
    """
    if name_or_path is None:
        return load_rule_set(DEFAULT_RULE_SET)
    name = name_or_path.strip()
    if not name:
        raise RulesError("rules.empty")
    if is_rule_file_path(name):
        from pathlib import Path

        from penetapan_cli.sources.rulefile import load_rule_file

        return load_rule_file(Path(name))
    return load_rule_set(name)
