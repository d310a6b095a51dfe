"""The layers stay as docs/architecture.md draws them.

- The core (core/) is pure: no framework, no clock, no environment, no output, no file I/O, and
  no option names: it speaks of facts by field name (core/facts.py).
- Imports go one way: cli/launch -> commands -> batch, render, sources, files -> core. A layer
  imports only the layers its row below allows (function-level imports included).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src" / "penetapan_cli"
CORE = sorted(p.name for p in (SRC / "core").glob("*.py"))
FORBIDDEN_MODULES = {"typer", "click", "rich", "pydantic", "holidays", "icalendar", "time",
                     "os", "io", "sys", "tomllib", "shutil", "tempfile", "subprocess", "socket",
                     "signal", "zoneinfo"}  # fmt: skip
FORBIDDEN_CALLS = {"now", "today", "utcnow", "getenv", "print", "input", "open", "read_text",
                   "read_bytes", "write_text", "write_bytes", "mkdir", "unlink", "glob", "iterdir",
                   "exists", "is_file", "is_dir", "stat", "resolve"}  # fmt: skip
OPTION_NAME = re.compile(r"(?<![\w-])--[a-z]")

# Which of the package's own modules each layer may import (first part after penetapan_cli).
LAYERS: dict[str, set[str]] = {
    "core": {"core"},
    "sources": {"core", "sources", "files"},
    "messages": {"core"},
    "options": set(),
    "reports": {"core", "messages"},  # core texts by key: a report words them in its language
    "render": {"core", "render", "messages", "reports", "files", "__init__"},
    "batch": {"core", "batch", "render", "messages", "options", "sources", "files"},
    "files": {"core", "batch", "sources"},
    "settings": {"core", "sources", "messages"},
    "commands": {
        "core",
        "commands",
        "render",
        "messages",
        "options",
        "reports",
        "sources",
        "batch",
        "files",
        "settings",
    },
    "boundary": {"core", "options", "files", "messages", "settings"},
    "cli": {
        "core",
        "commands",
        "messages",
        "options",
        "boundary",
        "files",
        "settings",
        "helptext",
        "__init__",
    },
    "helptext": {"messages"},
    "launch": {"core", "commands", "options", "boundary", "cli", "__init__"},
    "__main__": {"launch"},
    "__init__": set(),
}


def _layer(path: Path) -> str:
    relative = path.relative_to(SRC)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _imports(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            if node.module == "penetapan_cli":  # a module of the package, or __version__
                found |= {
                    f"penetapan_cli.{alias.name}" if not alias.name.startswith("__") else ""
                    for alias in node.names
                } - {""}
    return found


def _strings(tree: ast.AST) -> list[str]:
    """String constants that are not docstrings."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings
    ]  # fmt: skip


@pytest.mark.parametrize("name", CORE)
def test_core_module_is_pure(name: str) -> None:
    tree = ast.parse((SRC / "core" / name).read_text(encoding="utf-8"))
    imported = _imports(tree)
    bad = {m for m in imported if m.split(".")[0] in FORBIDDEN_MODULES}
    bad |= {m for m in imported if m.startswith("penetapan_cli.") and _layer_of(m) != "core"}
    assert not bad, f"{name} imports {sorted(bad)}"
    calls = {
        node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
    }
    assert not calls & FORBIDDEN_CALLS, f"{name} calls {sorted(calls & FORBIDDEN_CALLS)}"
    environ = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "environ"]
    assert not environ, f"{name} reads os.environ"
    flags = [s for s in _strings(tree) if OPTION_NAME.search(s)]
    assert not flags, f"{name} names command-line options: {flags}"


def _layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_imports_go_one_way(path: Path) -> None:
    layer = _layer(path)
    assert layer in LAYERS, f"{path.relative_to(SRC)}: a module outside the known layers"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = {_layer_of(m) for m in _imports(tree) if m.split(".")[0] == "penetapan_cli"}
    bad = own - LAYERS[layer] - {layer}
    assert not bad, f"{path.relative_to(SRC)} ({layer}) imports {sorted(bad)}"


def test_no_module_holds_two_jobs() -> None:
    """A module past ~600 lines usually holds two jobs (docs/architecture.md). The message
    catalogue is the exception: one job however long, every text by key in both languages."""
    long = {str(p.relative_to(SRC)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600
            and p.name != "messages.py"}  # fmt: skip
    assert not long


def test_the_checkers_see_a_violation() -> None:
    """The checks above can fail: reading the clock, a file, an option name, a wrong import."""
    tree = ast.parse(
        "import datetime as dt\nimport rich\nfrom penetapan_cli.render import text\n"
        "x = dt.date.today()\nopen('f')\ny = 'give --decided'\n"
    )
    assert "rich" in _imports(tree)
    assert {_layer_of(m) for m in _imports(tree) if m.startswith("penetapan_cli")} == {"render"}
    calls = {n.func.attr if isinstance(n.func, ast.Attribute) else n.func.id
             for n in ast.walk(tree) if isinstance(n, ast.Call)
             and isinstance(n.func, ast.Attribute | ast.Name)}  # fmt: skip
    assert {"today", "open"} <= calls
    assert [s for s in _strings(tree) if OPTION_NAME.search(s)] == ["give --decided"]
