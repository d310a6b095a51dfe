"""Reading a batch from a spreadsheet: one sheet of an .xlsx/.xlsm, .xls or .ods workbook.

The workbook is read with python-calamine (imported here, only when a spreadsheet is read). The
sheet's used range is the table: its first row is the header, matched like a CSV header
(batch/columns.py), and every later row of the range is one input row, in order:

- a cell typed as a date is that date (no day/month guessing); a text cell is parsed by the
  same strict grammar as a CSV cell; a number in the ``notified_on`` or ``declared_on`` column
  is that row's error (it looks like a spreadsheet serial number: the column is not formatted
  as a date);
- a formula cell is read as the value the spreadsheet saved with it; an .xlsx formula saved
  without a value (files written by programs that do not calculate) is that row's error;
- an empty row inside the range is kept in place, as CSV keeps an empty row; nothing beyond
  the range is a row;
- a hidden row is a row like any other; a merged cell's value belongs to its first (top-left)
  cell, the other cells of the merge are empty.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from penetapan_cli.batch.columns import KEY_FIELDS, SHEET_SUFFIXES, Blank
from penetapan_cli.batch.read import InRow, Source, Table, make_table
from penetapan_cli.core.errors import InputError, Message

SHEET_FORMATS = ("xlsx", "xls", "ods")
# A number in a date column is a serial number, an error.
_DATE_FIELDS = ("notified_on", "declared_on", "decided_on")
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .xls and of encrypted .xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_ZIP = b"PK\x03\x04"


def column_letter(index: int) -> str:
    """The spreadsheet name of column ``index`` (0 = A)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _named(label: str, sheet: str) -> Message:
    return Message("sheet.named", label=label, sheet=sheet)


def _open_workbook(
    binary: IO[bytes], path: str | None, fmt: str, label: str
) -> tuple[Any, IO[bytes]]:
    """The calamine workbook of ``binary`` (the opened input), and the input as a seekable
    file (a pipe is read into memory); or a one-line InputError."""
    import python_calamine as calamine

    seekable = False
    with contextlib.suppress(OSError, ValueError, AttributeError):
        seekable = binary.seekable()
    data: IO[bytes] = binary if seekable else io.BytesIO(binary.read())
    head = data.read(8)
    data.seek(0)
    if not head:
        raise InputError("sheet.empty_file", label=label, fmt=fmt)
    if head == _CFB and fmt == "xlsx":
        if _ENCRYPTED in data.read():
            raise InputError("sheet.password_file", label=label)
        raise InputError("sheet.is_xls", label=label)
    if fmt == "xls" and head[:4] == _ZIP:
        raise InputError("sheet.is_zip", label=label)
    if fmt in ("xlsx", "ods") and head[:4] != _ZIP:
        raise InputError("sheet.not_one", label=label, fmt=fmt)
    try:
        if path is not None and SHEET_SUFFIXES.get(Path(path).suffix.lower()) == fmt:
            return calamine.CalamineWorkbook.from_path(path), data
        return calamine.CalamineWorkbook.from_filelike(data), data
    except calamine.PasswordError:
        raise InputError("sheet.password", label=label) from None
    except (calamine.CalamineError, OSError, ValueError) as exc:
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise InputError("sheet.unreadable", label=label, fmt=fmt, reason=reason) from None


def _pick_sheet(workbook: Any, wanted: str | None, label: str) -> str:
    """The sheet ``--sheet`` names: its exact name, else a number (1 = the first sheet)."""
    names: list[str] = list(workbook.sheet_names)
    if not names:
        raise InputError("sheet.none", label=label)
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    text = wanted.strip()
    if text.isdigit() and 1 <= int(text) <= len(names):
        return names[int(text) - 1]
    shown = ", ".join(f"{i}: {n!r}" for i, n in enumerate(names[:12], start=1))
    more = ", ..." if len(names) > 12 else ""
    raise InputError("sheet.no_such", label=label, sheet=wanted, shown=shown + more)


def read_sheet(
    binary: IO[bytes],
    *,
    path: str | None,
    input_format: str,
    sheet: str | None,
    label: str,
    native: bool,
    unique_names: bool,
) -> Source:
    """Read the header of the chosen sheet now (errors raise before any output), rows lazily.

    ``native`` (xlsx output): cells keep their spreadsheet types (dates as dates); otherwise
    they are given as JSON values (dates as ISO 8601 text) for CSV and JSON output.
    """
    workbook, data = _open_workbook(binary, path, input_format, label)
    try:
        name = _pick_sheet(workbook, sheet, label)
        where = _named(label, name)
        import python_calamine as calamine

        try:
            found = workbook.get_sheet_by_name(name)
            start = found.start
            rows = found.iter_rows()
        except (calamine.CalamineError, OSError, ValueError) as exc:
            reason = " ".join(str(exc).split())[:200] or type(exc).__name__
            raise InputError("sheet.cannot_read", where=where, reason=reason) from None
        index = list(workbook.sheet_names).index(name)
        uncached = _uncached_formulas(data, input_format, index)
        if start is None:
            raise InputError("sheet.empty", where=where)
        first_row, first_column = start
        # iter_rows starts at the sheet's first row, and at the range's first column.
        rows = itertools.islice(rows, first_row, None)
        header: list[Any] = next(rows, [])
        cells = [_header_text(c) for c in header]
        while cells and not cells[-1].strip():
            cells.pop()
        table = make_table(cells, label=where, delimiter="", unique_names=unique_names)
    except BaseException:
        workbook.close()
        raise
    key_fields = tuple(f for f in KEY_FIELDS if f in table.positions)
    sheet_rows = _rows(
        rows, table, key_fields, first_row + 1, first_column, uncached, native=native
    )
    source = Source(table, key_fields, sheet_rows, False, close=workbook.close)
    source.sheet = name
    return source


def _header_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return plain_text(value)


def plain_text(value: Any) -> str:
    """A cell as text: what a CSV export of it would hold, dates in ISO 8601."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _plain(value: Any) -> Any:
    """A cell as a JSON value: text, number, boolean; dates and times as ISO 8601 text."""
    if isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    return plain_text(value)


def _serial_problem(value: float, column: str) -> Message:
    shown = plain_text(value)
    guess: Message | str = ""
    if 1 <= value < 2958466:  # 1900-01-01 .. 9999-12-31 in Excel's count
        day = dt.date(1899, 12, 30) + dt.timedelta(days=int(value))
        guess = Message("sheet.excel_shows", date=day.isoformat())
    return Message("sheet.serial", column=column, number=shown, guess=guess)


def _key_text(field: str, value: Any) -> tuple[str, Message | None]:
    """The text of key ``field`` from ``value``, or a problem for the row."""
    if isinstance(value, str):
        return value, None
    if field in _DATE_FIELDS:
        if isinstance(value, dt.datetime):
            return value.date().isoformat(), None
        if isinstance(value, dt.date):
            return value.isoformat(), None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return "", _serial_problem(float(value), field)
        if isinstance(value, dt.time | dt.timedelta):
            return "", Message("sheet.time", field=field, value=str(value))
    return plain_text(value), None


def _rows(
    rows: Iterator[list[Any]],
    table: Table,
    key_fields: tuple[str, ...],
    header_row: int,
    first_column: int,
    uncached: dict[int, list[str]],
    *,
    native: bool,
) -> Iterator[InRow]:
    """One InRow per row of the used range below the header (sheet rows counted from 1)."""
    width = len(table.names)
    key_at = [(f, table.positions[f]) for f in key_fields]
    last_row = header_row
    number = 0
    for number, cells in enumerate(rows, start=1):
        last_row = header_row + number
        yield _row(cells, number, last_row, width, key_at, first_column, uncached, native)
    # An .xlsx row holding only formulas without a saved value lies past calamine's range.
    for sheet_row in sorted(r for r in uncached if r > last_row):
        while last_row < sheet_row:
            number += 1
            last_row += 1
            yield _row([], number, last_row, width, key_at, first_column, uncached, native)


def _row(
    cells: list[Any],
    number: int,
    sheet_row: int,
    width: int,
    key_at: list[tuple[str, int]],
    first_column: int,
    uncached: dict[int, list[str]],
    native: bool,
) -> InRow:
    where = Message("sheet.row", row=number, sheet_row=sheet_row)
    problem: str | Message | None = None
    formulas = uncached.get(sheet_row)
    if formulas:
        problem = Message("sheet.formula", where=where, cell=formulas[0])
    elif all(c.__class__ is str and not c.strip() for c in cells):
        problem = Blank("row.empty", where=where)  # a blank row, as in CSV (not shown)
    elif len(cells) > width and any(c != "" for c in cells[width:]):
        extra = next(i for i in range(width, len(cells)) if cells[i] != "")
        cell = f"{column_letter(first_column + extra)}{sheet_row}"
        problem = Message("sheet.beyond", where=where, cell=cell, width=width)
    values = list(cells[:width]) + [""] * (width - len(cells))
    if not native:
        values = [v if v.__class__ is str else _plain(v) for v in values]
    if problem is not None:
        return InRow(number, sheet_row, sheet_row, values, (), None, problem)
    texts = []
    for field, i in key_at:
        text, bad = _key_text(field, cells[i] if i < len(cells) else "")
        if bad is not None:
            problem = Message("sheet.cell", where=where, problem=bad)
            return InRow(number, sheet_row, sheet_row, values, (), None, problem)
        texts.append(text)
    return InRow(number, sheet_row, sheet_row, values, tuple(texts), None, None)


# ---------------------------------------------------------------------------------------------
# .xlsx formulas saved without a value: calamine reads them as empty cells, so the sheet's XML
# is searched for them (a quick pass: most sheets hold no formula at all).

_CELL_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
# A saved value: <v> with content, or an inline string. A text formula whose value is ""
# (t="str") is saved as an empty <v>, and has its value too.
_HAS_VALUE = re.compile(rb"<v>[^<]|<is>")
_RELATIONSHIP = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _sheet_part(archive: zipfile.ZipFile, index: int) -> str | None:
    """The zip member holding the ``index``-th sheet of an .xlsx workbook."""
    from xml.etree import ElementTree as ET

    try:
        book = ET.fromstring(archive.read("xl/workbook.xml"))
        rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ET.ParseError, zipfile.BadZipFile, OSError):
        return None
    sheets = [e for e in book.iter() if e.tag.endswith("}sheet")]
    if index >= len(sheets):
        return None
    rid = sheets[index].get(_RELATIONSHIP)
    for rel in rels.iter():
        if rel.get("Id") == rid:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _uncached_formulas(binary: IO[bytes], fmt: str, index: int) -> dict[int, list[str]]:
    """Sheet row -> the cells (``E5``) of an .xlsx sheet whose formula has no saved value."""
    if fmt != "xlsx":
        return {}
    found: dict[int, list[str]] = {}
    try:
        binary.seek(0)
        with zipfile.ZipFile(binary) as archive:
            part = _sheet_part(archive, index)
            if part is None:
                return {}
            with archive.open(part) as xml:
                carry = b""
                while True:
                    chunk = xml.read(1 << 20)
                    data = carry + chunk
                    if not chunk:
                        _scan(data, found)
                        break
                    cut = data.rfind(b"</c>") + 4
                    _scan(data[:cut], found)
                    carry = data[cut:]
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError):
        return found
    return found


def _scan(data: bytes, found: dict[int, list[str]]) -> None:
    """Add the formula cells of ``data`` (whole ``<c>`` elements) that hold no ``<v>``."""
    at = data.find(b"<f")
    while at != -1:
        if data[at + 2 : at + 3] in (b">", b" ", b"/"):
            begin = data.rfind(b"<c ", 0, at)
            end = data.find(b"</c>", at)
            end = len(data) if end == -1 else end
            cell = data[begin:end]
            if not _HAS_VALUE.search(cell) and not (b't="str"' in cell and b"<v" in cell):
                ref = _CELL_REF.search(cell)
                if ref is not None:
                    row = int(ref.group(2))
                    found.setdefault(row, []).append(ref.group(1).decode() + ref.group(2).decode())
            at = data.find(b"<f", end)
        else:
            at = data.find(b"<f", at + 2)
