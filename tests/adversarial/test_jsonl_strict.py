"""JSON Lines read and written strictly (issue 11, point 2).

A duplicate key, NaN and Infinity are that row's error; numbers pass through as they were
written; a line that cannot be parsed for any reason (depth, size of a number, anything) is that
row's error and the batch goes on; the output is always strict JSON (RFC 8259), checked here
with a parser that refuses what RFC 8259 does not allow.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from penetapan_cli.cli import app

runner = CliRunner(env={"PENETAPAN_LANG": "en"})
AS_OF = ["--as-of", "2025-02-05"]
R1 = '{"id": "r1", "outcome": "dismissed", "notified_on": "2025-02-04"}'
R3 = '{"id": "r3", "outcome": "no-petition", "notified_on": "2025-01-06"}'
R1_DEADLINE = "2025-02-07"  # PKPU 18/2024 Pasal 57(1)(b): Tue 4 Feb 2025 + 3 calendar days
R3_DEADLINE = "2025-01-09"  # PKPU 18/2024 Pasal 57(1)(a): Mon 6 Jan 2025 + 3 calendar days


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON (RFC 8259)")


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError(f"duplicate key in {keys}")
    return dict(pairs)


def strict_loads(text: str) -> Any:
    """RFC 8259: no NaN, Infinity or duplicate key; control characters escaped (strict=True);
    the numbers are not converted, so the test sees their text."""
    return json.loads(
        text,
        parse_constant=_no_constant,
        object_pairs_hook=_unique,
        parse_float=lambda t: ("number", t),
        parse_int=lambda t: ("number", t),
        strict=True,
    )


def run(tmp_path: Path, lines: Sequence[str | bytes], fmt: str = "jsonl") -> Result:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"".join((x if isinstance(x, bytes) else x.encode()) + b"\n" for x in lines))
    return runner.invoke(app, ["batch", str(path), *AS_OF, "--output-format", fmt])


def output_rows(result: Result, fmt: str = "jsonl") -> list[dict[str, Any]]:
    text = result.stdout_bytes.decode("utf-8")  # strict UTF-8 too
    if fmt == "json":
        rows = strict_loads(text)
        assert isinstance(rows, list)
        return rows
    assert text.endswith("\n") or text == ""
    # JSON Lines end lines with LF only (U+0085 or U+2028 inside a string are no line end).
    return [strict_loads(line) for line in text.split("\n")[:-1]]


def kept_around(result: Result, fmt: str = "jsonl") -> dict[str, Any]:
    """Exit 1; r1 and r3 computed around the middle row, which is returned."""
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code == 1, (result.stdout[:500], result.stderr)
    rows = output_rows(result, fmt)
    assert len(rows) == 3
    assert (rows[0]["id"], rows[0]["deadline"]) == ("r1", R1_DEADLINE)
    assert (rows[2]["id"], rows[2]["deadline"]) == ("r3", R3_DEADLINE)
    assert rows[1]["status"] == "error"
    assert "rows=3 ok=2 pending=0 errors=1" in result.stderr
    return rows[1]


BAD_LINES = [
    (
        "duplicate key",
        '{"outcome": "dismissed", "notified_on": "2025-02-04", "outcome": "psu"}',
        "row 2 (line 2): duplicate key 'outcome'",
    ),
    (
        "NaN",
        '{"outcome": "dismissed", "notified_on": "2025-02-04", "n": NaN}',
        "row 2 (line 2): NaN is not a JSON number",
    ),
    (
        "Infinity",
        '{"outcome": "dismissed", "notified_on": "2025-02-04", "n": Infinity}',
        "row 2 (line 2): Infinity is not a JSON number",
    ),
    (
        "-Infinity",
        '{"outcome": "dismissed", "notified_on": "2025-02-04", "n": [-Infinity]}',
        "row 2 (line 2): -Infinity is not a JSON number",
    ),
    ("deep", "[" * 100_000 + "]" * 100_000, "row 2 (line 2): nested more than 100 levels deep"),
    (
        "deep in a key",
        '{"outcome": "dismissed", "notified_on": "2025-02-04", "x": ' + "[" * 990 + "]" * 990 + "}",
        "row 2 (line 2): nested more than 100 levels deep",
    ),
    ("deep, unclosed", "{" * 50_000, "row 2 (line 2): nested more than 100 levels deep"),
    ("shallow, unclosed", "[[[", "row 2 (line 2): not valid JSON"),
]


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
@pytest.mark.parametrize(("name", "line", "error"), BAD_LINES, ids=[b[0] for b in BAD_LINES])
def test_a_bad_line_is_that_rows_error(
    tmp_path: Path, name: str, line: str, error: str, fmt: str
) -> None:
    row = kept_around(run(tmp_path, [R1, line, R3], fmt), fmt)
    assert row["error"].startswith(error), row["error"]


NUMBERS = [
    "1e400",
    "-1e400",
    "12345678901234567890.5",
    "1.0",
    "1.50",
    "2E5",
    "-0",
    "-0.0",
    "0.1",
    "123456789012345678901234567890",
    "9" * 5000,  # over the 4,300 digits Python converts
    "-" + "1" * 5000 + ".5e-99999",
]


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
@pytest.mark.parametrize("number", NUMBERS, ids=[n[:24] for n in NUMBERS])
def test_numbers_pass_through_as_written(tmp_path: Path, number: str, fmt: str) -> None:
    line = f'{{"id": "n", "outcome": "dismissed", "notified_on": "2025-02-04", "v": {number}}}'
    nested = f'{{"id": "m", "outcome": "dismissed", "notified_on": "2025-02-04", "v": [{number}]}}'
    result = run(tmp_path, [line, nested], fmt)
    assert result.exit_code == 0, result.stderr
    if fmt == "csv":
        rows = result.stdout.splitlines()
        cell = "'" + number if number.startswith("-") else number  # a formula-safe CSV cell
        # then trigger_date (the date read) and the deadline
        assert rows[1].startswith(f"n,dismissed,2025-02-04,{cell},2025-02-04,{R1_DEADLINE},ok")
        return
    first, second = output_rows(result, fmt)
    assert first["v"] == ("number", number)
    assert second["v"] == [("number", number)]
    assert first["deadline"] == second["deadline"] == R1_DEADLINE
    # As text, too: the same characters in the output line.
    assert f'"v": {number}, ' in result.stdout


def test_line_1_is_held_to_the_same_rules(tmp_path: Path) -> None:
    result = run(tmp_path, ['{"outcome": "dismissed", "notified_on": "2025-02-04", "n": NaN}'])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "line 1: NaN is not a JSON number" in result.stderr
    dup = run(tmp_path, ['{"outcome": "dismissed", "notified_on": "x", "notified_on": "y"}'])
    assert (dup.exit_code, dup.stdout) == (2, "")
    assert "line 1: duplicate key 'notified_on'" in dup.stderr


# --- whatever the lines are, the output parses strictly -------------------------------------

_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
_NASTY = [
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "-0",
    "9" * 4400,
    "[" * 2000,
    '"\\ud800"',
    '"\\u0000"',
    '{"a": 1, "a": 2}',
    '{"outcome": "x", "OUTCOME": "y"}',
    '{"deadline": 1}',
    "",
    "   ",
    "\x00",
    "\ufeff{}",
]


@st.composite
def _lines(draw: st.DrawFn) -> bytes:
    """One line of input, without its line break: any bytes, often nearly a row."""
    kind = draw(st.sampled_from(["object", "row", "nasty", "text", "bytes"]))
    if kind == "object":
        value = draw(st.dictionaries(st.text(max_size=12), _json_values, max_size=4))
        text = json.dumps(value, ensure_ascii=draw(st.booleans()))
    elif kind == "row":
        value = draw(st.sampled_from([*_NASTY, "1.5", "true", "null", '"x"', "[]"]))
        key = draw(st.sampled_from(["x", "outcome", "notified_on", "Out-come", "region"]))
        text = f'{{"outcome": "dismissed", "notified_on": "2025-02-04", "{key}": {value}}}'
    elif kind == "nasty":
        text = draw(st.sampled_from(_NASTY))
    elif kind == "text":
        text = draw(st.text(max_size=40))
    else:
        text = draw(st.binary(max_size=40)).decode("latin-1")
        return text.encode("latin-1").replace(b"\n", b" ").replace(b"\r", b" ")
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate: bytes that are not UTF-8
    return data.replace(b"\n", b" ").replace(b"\r", b" ")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(middle=st.lists(_lines(), max_size=6), fmt=st.sampled_from(["jsonl", "json"]))
def test_output_is_strict_json_whatever_the_lines(
    tmp_path_factory: pytest.TempPathFactory, middle: list[bytes], fmt: str
) -> None:
    tmp = tmp_path_factory.mktemp("jsonl")
    lines: list[str | bytes] = [R1, *middle, R3]
    result = run(tmp, lines, fmt)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code in (0, 1), result.stderr
    rows = output_rows(result, fmt)  # parses strictly, every line
    assert len(rows) == len(lines)  # no row lost, none added
    assert rows[0]["deadline"] == R1_DEADLINE
    assert rows[-1]["deadline"] == R3_DEADLINE
    for row in rows[1:-1]:
        assert row["status"] in ("ok", "pending", "error", "blank"), row
        if row["status"] == "error":  # says why, on one line
            assert row["error"], row
            assert "\n" not in row["error"], row
