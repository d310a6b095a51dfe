"""Strict JSON for JSON Lines input: RFC 8259 and no more (no duplicate key, no NaN or
Infinity, a bounded depth), numbers kept as written when a float or int would change them."""

from __future__ import annotations

import json
from typing import Any

from penetapan_cli.batch.columns import RawNumber
from penetapan_cli.core.errors import Message

MAX_DEPTH = 100
"""JSON Lines: how deeply a line's arrays and objects may nest (a row is a flat object; a
deeper line is that row's error, never a crash while reading or writing it)."""


class StrictJSONError(ValueError):
    """A line that is JSON to a lenient parser but not to RFC 8259, or beyond what is kept;
    ``args[0]`` is the Message that says why."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise StrictJSONError(Message("json.duplicate_key", key=key))
            seen.add(key)
    return obj


def _constant(name: str) -> Any:
    raise StrictJSONError(Message("json.constant", name=name))


def _int(token: str) -> int | RawNumber:
    # Short integers are read as int: written back, they are the same digits (JSON integers
    # have no leading zeros or plus sign), except -0. The rest keep their text.
    if len(token) < 19 and token != "-0":
        return int(token)
    return RawNumber(token)


def _float(token: str) -> float | RawNumber:
    # A float whose shortest form is the token itself is written back as the same text by the
    # standard encoder (the fast path); any other (1.50, 2E5, 1e400, 0.1000000000000000055)
    # keeps its text.
    value = float(token)
    return value if repr(value) == token else RawNumber(token)


_decoder = json.JSONDecoder(
    object_pairs_hook=_pairs, parse_float=_float, parse_int=_int, parse_constant=_constant
)


def _too_deep(text: str) -> bool:
    """Whether ``text`` nests arrays and objects more than MAX_DEPTH deep (brackets inside
    strings are skipped); cheap for the usual flat row."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif char in "]}":
            depth -= 1
    return False


def loads_strict(text: str) -> Any:
    """One JSON value by RFC 8259: no duplicate key, no NaN or Infinity, numbers kept as
    written (RawNumber), at most MAX_DEPTH levels deep. Raises ``json.JSONDecodeError`` or
    ``StrictJSONError``."""
    if _too_deep(text):
        raise StrictJSONError(Message("json.nested", depth=MAX_DEPTH))
    try:
        return _decoder.decode(text)
    except RecursionError:
        raise StrictJSONError(Message("json.nested", depth=MAX_DEPTH)) from None
