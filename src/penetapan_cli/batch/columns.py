"""The batch's columns: names and aliases, result columns, and the cell helpers every stage
shares."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from penetapan_cli.core.errors import Message

# Input columns: canonical name -> the other header names accepted for it (Indonesian aliases).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "outcome": ("hasil", "putusan"),
    "notified_on": ("tanggal", "tanggal_pemberitahuan"),
    "region": ("daerah",),
    "case_number": ("nomor_perkara",),
    "basis": (),
    "no_cuti_bersama": (),
    # Not "Tanggal Penetapan" alone: in KPU spreadsheets it often means the announcement of the
    # vote result (penetapan perolehan suara), the timeline's --announced.
    "declared_on": ("declared", "tanggal_penetapan_paslon", "tanggal_penetapan_calon_terpilih"),
    # The reading of the MK decision (deadline --decided); optional, counted as deadline does.
    "decided_on": (
        "decided",
        "tanggal_pengucapan",
        "tanggal_putusan_diucapkan",
        "tanggal_pembacaan",
        "tanggal_pembacaan_putusan",
    ),
}
REQUIRED_COLUMNS = ("outcome", "notified_on")
KEY_FIELDS = ("outcome", "notified_on", "basis", "no_cuti_bersama", "declared_on", "decided_on")
"""The input fields a row's result depends on; every other column is passed through."""
RESULT_COLUMNS = ("trigger_date", "deadline", "status", "days_left", "rule", "citation", "error")
"""Added after the input's columns. trigger_date is the date read from notified_on (ISO), so
that a misread date shows; empty when it cannot be read."""
DECLARED_COLUMNS = ("compliance", "days_late")
"""The result columns added when the input has a ``declared_on`` column."""


def has_declared(positions: Mapping[str, int]) -> bool:
    """The input has a declared_on column: the output adds DECLARED_COLUMNS."""
    return "declared_on" in positions


def result_columns(declared: bool) -> tuple[str, ...]:
    return RESULT_COLUMNS + DECLARED_COLUMNS if declared else RESULT_COLUMNS


STATUSES = ("ok", "pending", "error", "blank")


class Blank(Message):
    """The ``problem`` of an input row that holds nothing (a blank line, a row of empty
    cells): kept in its place with status ``blank``, counted, never a failure."""

    __slots__ = ()


_CANONICAL: dict[str, str] = {}  # column key -> canonical name (filled below column_key)
_BOOLEANS = {
    "true": True, "false": False, "yes": True, "no": False,
    "ya": True, "tidak": False, "1": True, "0": False,
}  # fmt: skip
# A CSV cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = frozenset("=+-@\t\r")
SHEET_SUFFIXES = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".ods": "ods"}
"""The spreadsheet inputs (batch/sheets.py), by file extension; .xlsx is also an output."""
CACHE_SIZE = 4096
"""Distinct (outcome, date, basis, cuti) texts remembered; batches repeat a few dates."""
PROGRESS_EVERY = 4096  # rows between two progress updates
OUTPUT_ERRORS = "backslashreplace"
"""Output is UTF-8. The only text that cannot be encoded is a lone surrogate that a JSON
escape such as "\\ud800" produced; it is written back as that same escape."""


class RawNumber:
    """A JSON number as it was written in the input (``1e400``, ``12345678901234567890.5``,
    ``-0``), passed through to the output unchanged: converting it to a float or an int would
    round it, overflow it to Infinity or, past 4,300 digits, fail."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RawNumber) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return self.text


@functools.lru_cache(maxsize=4096)  # JSON Lines: every row's keys, mostly the same few
def column_key(name: str) -> str:
    """A header name as compared: case, spaces, hyphens, underscores and camelCase do not
    matter (``Notified On`` = ``notified-on`` = ``NotifiedOn`` = ``notified_on``)."""
    return "".join(name.replace("-", " ").replace("_", " ").casefold().split())


_CANONICAL.update(
    (column_key(alias), name)
    for name, aliases in COLUMN_ALIASES.items()
    for alias in (name, *aliases)
)
_RESULT_KEYS = frozenset(column_key(c) for c in RESULT_COLUMNS)
_DECLARED_KEYS = frozenset(column_key(c) for c in DECLARED_COLUMNS)
"""Result columns as column keys: an input column matching one would be replaced."""


def result_keys(declared: bool) -> frozenset[str]:
    return _RESULT_KEYS | _DECLARED_KEYS if declared else _RESULT_KEYS


def neutralise(cell: str) -> str:
    """A CSV cell that a spreadsheet would run as a formula, made inert with a leading quote."""
    return "'" + cell if cell and cell[0] in _FORMULA_START else cell


def _non_utf8(text: str) -> str | None:
    """The undecodable bytes (kept as surrogates on reading) of ``text``, as hex; None if none."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        try:
            bad = text[exc.start : exc.end].encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a lone surrogate from a JSON escape, not a byte
            return f"U+{ord(text[exc.start]):04X}"
        return " ".join(f"0x{b:02X}" for b in bad[:4])
    return None


def _repaired(text: str) -> str:
    """``text`` with undecodable bytes shown as U+FFFD, so that the output stays UTF-8."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate from a JSON escape, not a byte
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


def _text(value: Any) -> str:
    """A JSON value as the text a CSV cell would hold."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, RawNumber):
        return value.text
    return dumps_json(value)


def _kind(value: Any) -> Message:
    """What a JSON value is, as a message: "an object", "a number"..."""
    kind = {dict: "object", list: "array", str: "string", bool: "boolean"}.get(
        type(value), "number" if isinstance(value, int | float | RawNumber) else "null"
    )
    return Message(f"json.{kind}")


class _HasRaw(Exception):
    pass


def _refuse(value: Any) -> Any:
    raise _HasRaw


_ENCODE = json.JSONEncoder(ensure_ascii=False, allow_nan=False, default=_refuse).encode
_STRING = json.JSONEncoder(ensure_ascii=False).encode


def dumps_json(value: Any) -> str:
    """``value`` as strict JSON (RFC 8259), numbers read from the input as they were written.

    Values hold str, int, bool, None, lists, dicts and RawNumber (never a float: the reader
    keeps every fraction and exponent as written). The standard encoder writes what it can; a
    value holding a RawNumber is written here, with the same separators."""
    try:
        return _ENCODE(value)
    except _HasRaw:
        return "".join(_pieces(value))


def _pieces(value: Any) -> Iterator[str]:
    if isinstance(value, RawNumber):
        yield value.text
    elif isinstance(value, dict):
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield (", " if i else "") + _STRING(key) + ": "
            yield from _pieces(item)
        yield "}"
    elif isinstance(value, list):
        yield "["
        for i, item in enumerate(value):
            if i:
                yield ", "
            yield from _pieces(item)
        yield "]"
    else:
        yield _ENCODE(value)


def lone_surrogate(value: Any, key: str = "") -> str | None:
    """The key (as written) of the first string in ``value`` holding a lone surrogate."""
    if isinstance(value, str):
        return None if value.isascii() or not _SURROGATE.search(value) else key
    if isinstance(value, dict):
        for name, item in value.items():
            if _SURROGATE.search(name):
                return _repaired_surrogates(name)
            found = lone_surrogate(item, key or name)
            if found is not None:
                return _repaired_surrogates(found)
    elif isinstance(value, list):
        for item in value:
            found = lone_surrogate(item, key)
            if found is not None:
                return found
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _repaired_surrogates(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def repaired_value(value: Any) -> Any:
    """``value`` with every lone surrogate shown as U+FFFD, so that the output stays text."""
    if isinstance(value, str):
        return _repaired_surrogates(value)
    if isinstance(value, dict):
        return {_repaired_surrogates(k): repaired_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [repaired_value(v) for v in value]
    return value
