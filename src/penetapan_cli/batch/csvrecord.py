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


def keeping(lines: Iterator[str], kept: list[str]) -> Iterator[str]:
    """``lines``, each also appended to ``kept`` (cleared after every record); many lines are
    joined into one text, so that the lines of a long record are not many small objects."""
    joined = 0  # kept[:joined] are joined texts already (a stale count after a clear is fine)
    for line in lines:
        kept.append(line)
        if len(kept) > joined + 1023:
            kept[joined:] = ["".join(kept[joined:])]
            joined = len(kept)
        yield line


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
