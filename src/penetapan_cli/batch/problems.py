"""How the batch reader names a row's problem: by catalogue key (messages.ERRORS, row.* and
json.*), with the values each language writes in its own way (counts, the json module's
reasons). Apart from read.py so that the reader keeps to reading."""

from __future__ import annotations

import json

from penetapan_cli.core.errors import Message


def _where(number: int, first: int, last: int) -> Message:
    if first == last:
        return Message("row.where", row=number, line=first)
    return Message("row.where_lines", row=number, first=first, last=last)


def _open_quote(first: int, last: int) -> Message | str:
    """The hint after a problem of a row read from several lines: a quote left open."""
    return Message("row.open_quote", line=first) if first != last else ""


def _count(n: int) -> dict[str, str]:
    """A count as each language writes it: 131,072 and 131.072."""
    return {"en": f"{n:,}", "id": f"{n:,}".replace(",", ".")}


_JSON_PROBLEMS = {
    "Expecting value": "json.expecting_value",
    "Expecting property name enclosed in double quotes": "json.expecting_name",
    "Expecting ':' delimiter": "json.expecting_colon",
    "Expecting ',' delimiter": "json.expecting_comma",
    "Unterminated string starting at": "json.unterminated",
    "Invalid \\escape": "json.escape",
    "Invalid \\uXXXX escape": "json.u_escape",
    "Invalid control character at": "json.control",
    "Extra data": "json.extra_data",
}
"""The json module's reasons (English), by catalogue key; one not listed is shown as it is."""


def _json_problem(exc: json.JSONDecodeError) -> Message | str:
    key = _JSON_PROBLEMS.get(exc.msg)
    return exc.msg if key is None else Message(key)
