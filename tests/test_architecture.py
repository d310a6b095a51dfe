"""The pure core stays pure: no CLI or rendering frameworks, no clock, no environment, no output.

The layers (README, "Development"): cli.py -> batch / timeline / render -> the core (rules,
counting, calendar, dates).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src" / "penetapan_cli"
CORE = sorted(p.name for p in (SRC / "core").glob("*.py"))
FORBIDDEN_MODULES = {"typer", "click", "rich", "pydantic", "penetapan_cli.cli",
                     "penetapan_cli.render", "penetapan_cli.settings", "time"}  # fmt: skip
FORBIDDEN_CALLS = {"now", "today", "utcnow", "getenv", "print", "input"}


def _imports(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("name", CORE)
def test_core_module_imports_no_framework_clock_or_environment(name: str) -> None:
    tree = ast.parse((SRC / "core" / name).read_text(encoding="utf-8"))
    imported = _imports(tree)
    bad = {m for m in imported if m in FORBIDDEN_MODULES or m.split(".")[0] in FORBIDDEN_MODULES}
    assert not bad, f"{name} imports {sorted(bad)}"
    calls = {
        node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }
    assert not calls & FORBIDDEN_CALLS, f"{name} calls {sorted(calls & FORBIDDEN_CALLS)}"
    environ = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "environ"]
    assert not environ, f"{name} reads os.environ"


def test_the_checker_sees_a_violation() -> None:
    """The checks above can fail: a module that reads the clock is caught."""
    tree = ast.parse("import datetime as dt\nimport rich\nx = dt.date.today()\n")
    assert "rich" in _imports(tree)
    calls = {n.func.attr for n in ast.walk(tree) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Attribute)}  # fmt: skip
    assert "today" in calls
