"""Fuzzing the rule-file loader: whatever a user's file holds, the only error is RulesError."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from penetapan_cli.core.errors import RulesError
from penetapan_cli.messages import error_text
from penetapan_cli.sources.rulefile import load_rule_file
from penetapan_cli.sources.rulesets import RULESETS_DIR

DEFAULT = tomllib.loads((RULESETS_DIR / "pkpu-18-2024.toml").read_text(encoding="utf-8"))

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True),
    st.text(max_size=20),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _toml(value: Any) -> str:
    """A TOML literal for simple values; None and odd floats become strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if value == value and abs(value) != float("inf") else '"nan"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _key(key: str) -> str:
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _dump(data: dict[str, Any]) -> str:
    lines = [f"{_key(k)} = {_toml(v)}" for k, v in data.items()]
    return "\n".join(lines) + "\n"


def _load(tmp_path: Path, text: str | bytes) -> None:
    path = tmp_path / "fuzz.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_rule_file(path)
    except RulesError as exc:
        message = error_text(exc, "en")
        assert "\n" not in message
        assert str(path) in message


SUPPRESS = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@settings(max_examples=150, deadline=None, suppress_health_check=SUPPRESS)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(tmp_path: Path, raw: bytes) -> None:
    _load(tmp_path, raw)


@settings(max_examples=150, deadline=None, suppress_health_check=SUPPRESS)
@given(st.text(max_size=300))
def test_arbitrary_text(tmp_path: Path, text: str) -> None:
    _load(tmp_path, text.encode("utf-8", errors="replace"))


@settings(max_examples=200, deadline=None, suppress_health_check=SUPPRESS)
@given(
    st.sampled_from(["id", "title", "regulation", "status", "note", "rules"]),
    values,
)
def test_top_level_field_replaced(tmp_path: Path, field: str, value: Any) -> None:
    data = copy.deepcopy(DEFAULT)
    data[field] = value
    _load(tmp_path, _dump(data))


@settings(max_examples=300, deadline=None, suppress_health_check=SUPPRESS)
@given(
    st.integers(min_value=0, max_value=2),
    st.sampled_from(
        [
            "id",
            "outcomes",
            "days",
            "unit",
            "count_from",
            "roll",
            "trigger",
            "citation",
            "notices",
            "follow_up",
            "extra",
        ]
    ),
    values,
)
def test_rule_field_replaced(tmp_path: Path, index: int, field: str, value: Any) -> None:
    data = copy.deepcopy(DEFAULT)
    data["rules"][index][field] = value
    _load(tmp_path, _dump(data))


@settings(max_examples=100, deadline=None, suppress_health_check=SUPPRESS)
@given(st.integers(min_value=0, max_value=2), st.sampled_from(["days", "unit", "citation"]))
def test_rule_field_removed(tmp_path: Path, index: int, field: str) -> None:
    data = copy.deepcopy(DEFAULT)
    data["rules"][index].pop(field, None)
    _load(tmp_path, _dump(data))


def test_the_default_set_round_trips_through_the_dumper(tmp_path: Path) -> None:
    """The dumper above writes valid TOML: the default set, dumped, loads and validates."""
    path = tmp_path / "copy.toml"
    path.write_text(_dump(copy.deepcopy(DEFAULT)), encoding="utf-8")
    rule_set = load_rule_file(path)
    assert [r.id for r in rule_set.rules] == [r["id"] for r in DEFAULT["rules"]]
