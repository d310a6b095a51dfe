"""CSV input beside its reader (batch/read.py): what the header line says (its delimiter, or
that the file is no CSV at all), and a record read again, to its end, after the csv reader
gave up inside it (a cell over its field limit), since the reader would go on from the next
line, inside that cell."""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterator, Sequence

from penetapan_cli.batch.columns import _CANONICAL, REQUIRED_COLUMNS, column_key
from penetapan_cli.core.errors import InputError, Message


class RecordFeed:
    """The lines of one CSV record at a time, for a csv reader: the record's first line, given
    by ``start``, then as many lines of ``lines`` as the record takes (a quoted cell over
    several lines). Each line given is kept in ``kept`` for ``reread``, many lines joined into
    one text so that the lines of a long record are not many small objects; ``more`` counts
    the lines taken from ``lines``. A csv reader reads a record to its end and no further, so
    the rest of ``lines`` is left to its caller."""

    __slots__ = ("_first", "_joined", "kept", "lines", "more")

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.kept: list[str] = []
        self.more = 0
        self._first: str | None = None
        self._joined = 0  # kept[:_joined] are joined texts already

    def start(self, line: str) -> None:
        """The next record starts with ``line``."""
        self._first = line
        self.kept.clear()
        self.more = self._joined = 0

    def __iter__(self) -> RecordFeed:
        return self

    def __next__(self) -> str:
        line = self._first
        if line is None:
            line = next(self.lines)  # the end of the input ends the record
            self.more += 1
        else:
            self._first = None
        kept = self.kept
        kept.append(line)
        if len(kept) > self._joined + 1023:
            kept[self._joined :] = ["".join(kept[self._joined :])]
            self._joined = len(kept)
        return line


def reread(
    kept: Sequence[str], lines: Iterator[str], delimiter: str, *, keep: int
) -> tuple[list[str], list[int], int]:
    """Read a CSV record again, as the csv module reads it (default dialect, not strict), from
    its text read so far (``kept``, its line breaks inside quotes) on through ``lines`` to the
    record's end: a line that ends outside quotes, or the end of the input. Each cell is kept
    up to ``keep`` characters only, so that a cell of any size costs no more memory than its
    first line. Returns the cells, the length of each, and how many lines were read from
    ``lines``."""
    cells: list[str] = []
    lengths: list[int] = []
    pieces: list[str] = []
    size = 0
    unquoted = re.compile(f"[{re.escape(delimiter)}\r\n]")

    def add(piece: str) -> None:
        nonlocal size
        if size < keep:
            pieces.append(piece[: keep - size])
        size += len(piece)

    def end_cell() -> None:
        nonlocal size
        cells.append("".join(pieces))
        lengths.append(size)
        pieces.clear()
        size = 0

    quoted = False  # inside a quoted cell
    start = True  # at the start of a cell
    more = 0
    for count, line in enumerate(itertools.chain(kept, lines)):
        if count >= len(kept):
            more += 1  # a line of ``lines``; ``kept`` may join several in one text
        pos, n = 0, len(line)
        while pos < n or not quoted:
            if quoted:
                j = line.find('"', pos)
                if j < 0:
                    add(line[pos:])
                    break  # the cell goes on on the next line
                add(line[pos:j])
                if line.startswith('"', j + 1):
                    add('"')
                    pos = j + 2
                else:
                    quoted, pos = False, j + 1
                continue
            if start and line.startswith('"', pos):
                quoted, start, pos = True, False, pos + 1
                continue
            start = False
            match = unquoted.search(line, pos)
            stop = match.start() if match else n
            add(line[pos:stop])
            if match is not None and match.group() == delimiter:
                end_cell()
                start, pos = True, stop + 1
                continue
            end_cell()  # the end of the line, outside quotes: the end of the record
            return cells, lengths, more
    end_cell()  # the end of the input inside a quoted cell
    return cells, lengths, more


def sniff_delimiter(line: str) -> str:
    """',' or ';' (spreadsheets in Indonesian locale export ';'), judged from the header line."""

    def score(delimiter: str) -> tuple[int, int]:
        try:
            names = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:  # e.g. a field over the size limit: reading the header reports it
            return (-1, 0)
        found = {_CANONICAL.get(column_key(n)) for n in names}
        return (sum(c in found for c in REQUIRED_COLUMNS), len(names))

    return max((",", ";"), key=score)  # ties go to ','


def refuse_not_csv(first: str, label: str | Message) -> None:
    """A spreadsheet or UTF-16 file read as CSV: say what it looks like, not its bytes."""
    if first.startswith(("PK\x03\x04", "\udcd0\udccf\x11\udce0")):  # zip (.xlsx, .ods), .xls
        raise InputError("input.spreadsheet_as_csv", label=label)
    if first.count("\x00") * 4 > len(first):
        raise InputError("input.utf16", label=label)
