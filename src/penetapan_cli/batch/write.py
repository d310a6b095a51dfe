"""Writing batch rows: CSV (formula-safe), JSON Lines, one JSON array."""

from __future__ import annotations

import csv
import io
import operator
from collections.abc import Iterable
from typing import IO, Any

from penetapan_cli.batch.columns import (
    _FORMULA_START,
    _repaired,
    _text,
    dumps_json,
    has_declared,
    neutralise,
    result_columns,
)
from penetapan_cli.batch.computed import Computed
from penetapan_cli.batch.read import InRow, Table

# ---------------------------------------------------------------------------------------------
# Writing


def write_csv(
    out: IO[str], table: Table, pairs: Iterable[tuple[InRow, Computed]], *, text_values: bool
) -> None:
    """CSV with a header; input cells that a spreadsheet would run as a formula are
    neutralised (our own numbers, such as a negative days_left, are written as they are).

    The result columns repeat from row to row, so their CSV text is formatted once per
    distinct result, kept on it (``Computed.suffix``) and appended to the row's input cells.
    That writer has no line terminator, so it would not quote a cell holding a line break:
    rows that may hold one (a CSV row over several lines or in error, any JSON Lines row) go
    through the plain writer instead; the reader guarantees that the other rows hold none.
    A row that the reader split from its line (``InRow.line``), none of whose cells starts
    like a formula, is written as that line: the bytes the writer would give, without the work.
    """
    delimiter = table.delimiter or ","
    chunk = _Chunk()  # the text of a few hundred rows, written to ``out`` in one call
    plain = _LfWriter(chunk, delimiter)
    columns = result_columns(has_declared(table.positions))
    plain.writerow([neutralise(_repaired(n)) for n in table.names] + list(columns))
    unterminated = csv.writer(chunk, delimiter=delimiter, lineterminator="").writerow
    line_of = plain.line
    add, write = chunk.append, out.write
    formula = _FORMULA_START
    no_formula, first = formula.isdisjoint, _FIRST
    for row, computed in pairs:
        cells = row.values if text_values else [_text(v) for v in row.values]
        if no_formula(map(first, cells)):
            line = row.line
        else:  # a cell starts like a formula
            line = None
            for i, cell in enumerate(cells):
                if cell and cell[0] in formula:
                    cells[i] = "'" + cell
        if line is None and (
            not text_values or row.first_line != row.last_line or row.problem is not None
        ):
            cells.extend(computed.cells)
            plain.writerow(cells)
        else:
            if line is not None:
                add(line)
            else:
                unterminated(cells)
            suffix = computed.suffix
            if suffix is None or suffix[0] != delimiter:
                suffix = computed.suffix = delimiter + line_of(computed.cells)
            add(suffix)
        if len(chunk) >= CHUNK_PARTS:
            write("".join(chunk))
            chunk.clear()
    write("".join(chunk))


_FIRST = operator.itemgetter(slice(None, 1))
"""A cell's first character (empty for an empty cell): with ``map`` and ``isdisjoint``, the
formula check of a row's cells runs without a Python step per cell."""

CHUNK_PARTS = 1024
"""Pieces of text (two per row) gathered before one write to the output: a write per row
cost more than formatting the row."""


class _Chunk(list[str]):
    """Text that csv writers write to: its ``write`` is ``list.append``."""

    write = list.append


class _LfWriter:
    """CSV rows ended by LF, with every cell that holds a CR or an LF quoted.

    Python 3.11's csv writer quotes a line break only when it is part of its own line
    terminator: with "\n", a cell holding a lone "\r" would be written bare, and every reader
    (ours, a spreadsheet) would split the row there. So rows are formatted with "\r\n", which
    quotes both, and written with "\n".
    """

    def __init__(self, out: IO[str] | _Chunk, delimiter: str) -> None:
        self._write = out.write
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, delimiter=delimiter, lineterminator="\r\n")

    def line(self, cells: Iterable[str]) -> str:
        """The row's text, ended by LF."""
        buffer = self._buffer
        buffer.seek(0)
        buffer.truncate()
        self._writer.writerow(cells)
        return buffer.getvalue()[:-2] + "\n"

    def writerow(self, cells: Iterable[str]) -> None:
        self._write(self.line(cells))


def _json_object(table: Table, row: InRow, computed: Computed) -> dict[str, Any]:
    obj = dict(row.obj) if row.obj is not None else dict(zip(table.names, row.values, strict=True))
    obj.update(computed.fields)
    return obj


def write_jsonl(out: IO[str], table: Table, pairs: Iterable[tuple[InRow, Computed]]) -> None:
    """One strict JSON object per line (RFC 8259), input numbers as they were written."""
    dumps = dumps_json
    for row, computed in pairs:
        out.write(dumps(_json_object(table, row, computed)))
        out.write("\n")


def write_json(out: IO[str], table: Table, pairs: Iterable[tuple[InRow, Computed]]) -> None:
    """One JSON array, streamed: '[', the objects one per line separated by commas, ']'."""
    dumps = dumps_json
    out.write("[")
    separator = "\n"
    for row, computed in pairs:
        out.write(separator)
        out.write(dumps(_json_object(table, row, computed)))
        separator = ",\n"
    out.write("]\n" if separator == "\n" else "\n]\n")
