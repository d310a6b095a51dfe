"""Hostile tests of where a CSV input ends: the end of the input is read once, and nothing
after it is a row.

Standard input from a terminal ends when the user presses Ctrl-D at the start of a line; a
read after that end waits for the user again and gives whatever is typed next (a named pipe
opened again by a writer, or a file still being written, can do the same). So once a CSV
input has ended, its reader must not read it again: a batch typed at the terminal ends at the
first Ctrl-D, whatever the input held when it ended.

The stream below acts as such a terminal: it gives its text, then an end of input, then more
text that a reader that asks again would take as further rows. The expected results are those
of the reader that parsed every line with the csv module (commit 3d315c4): it read the end of
the input once in every case here, so it stopped at the first end, with one row where a quote
is left open at the end (an error row that says so) and no row after a header that ends
inside a quote.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

PENETAPAN = Path(sys.executable).parent / "penetapan"


class _Terminal(io.RawIOBase):
    """Bytes given in parts; an empty part is an end of input (Ctrl-D), after which a later
    read gives the next part, as a terminal does. Counts the reads asked after the first end."""

    def __init__(self, *parts: bytes) -> None:
        self.parts = list(parts)
        self.ended = False
        self.reads_after_end = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        if self.ended:
            self.reads_after_end += 1
        if not self.parts:
            return 0
        part = self.parts.pop(0)
        if not part:
            self.ended = True
            return 0
        n = min(len(part), len(buffer))
        buffer[:n] = part[:n]
        if n < len(part):
            self.parts.insert(0, part[n:])
        return n


TYPED_LATER = b"Kota Padang,psu,2025-02-04\n"

ROW_QUOTE_LEFT_OPEN = b'region,outcome,notified_on\nKota Medan,dismissed,"2025-02-04\n'
HEADER_QUOTE_LEFT_OPEN = b'outcome,notified_on,"note\n'
# A quote opened before a cell longer than the csv reader reads (16 MiB): that record is read
# again to its end by csvrecord.reread, which must stop at the same end.
LONG_CELL_LEFT_OPEN = b'outcome,notified_on,note\ndismissed,2025-02-04,"'
LONG_CELL_LEFT_OPEN += b"x" * (17 << 20) + b"\n"


@pytest.mark.parametrize(
    ("typed", "rows"),
    [
        # The quote of row 1 is never closed: the reader takes the end of the input as the end
        # of that row (an error row), then stops.
        (ROW_QUOTE_LEFT_OPEN, [(1, 2, 2)]),
        # The header's last name is never closed: a header and no row.
        (HEADER_QUOTE_LEFT_OPEN, []),
        # The long cell's quote is never closed: one error row, read again to the end.
        (LONG_CELL_LEFT_OPEN, [(1, 2, 2)]),
    ],
    ids=["row", "header", "long-cell"],
)
def test_a_quote_open_at_the_end_of_the_input_reads_nothing_after_that_end(
    typed: bytes, rows: list[tuple[int, int, int]]
) -> None:
    from penetapan_cli.batch import read as reading

    raw = _Terminal(typed, b"", TYPED_LATER, b"")
    source = reading.read_csv(io.BufferedReader(raw), label="test")  # type: ignore[type-var]
    read = [(row.number, row.first_line, row.last_line) for row in source.rows]
    assert read == rows
    assert raw.reads_after_end == 0


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_batch_typed_at_a_terminal_ends_at_the_first_ctrl_d_inside_an_open_quote(
    tmp_path: Path,
) -> None:
    """``penetapan batch -`` on a terminal: the user types a header and a row whose quote is
    never closed, presses Ctrl-D (the end of the input), types one more line and presses
    Ctrl-D again. All of it is queued on the terminal before the program reads. The run ends
    at the first Ctrl-D: one error row saying the quote is never closed, exit 1; the line
    typed after that end is not a row."""
    import pty

    master, slave = pty.openpty()
    # Canonical mode (the default): Ctrl-D at the start of a line ends the input; the terminal
    # keeps what comes after it for the next read.
    os.write(master, ROW_QUOTE_LEFT_OPEN + b"\x04" + TYPED_LATER + b"\x04")
    out = tmp_path / "out.csv"
    err = tmp_path / "err.txt"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        proc = subprocess.Popen(
            [str(PENETAPAN), "batch", "-", "--as-of", "2025-02-05"],
            stdin=slave,
            stdout=stdout,
            stderr=stderr,
            env={**os.environ, "PENETAPAN_LANG": "en"},
        )
        os.close(slave)
        try:
            code = proc.wait(timeout=60)
        finally:
            os.close(master)
    assert code == 1, err.read_text()
    assert out.read_text() == (
        "region,outcome,notified_on,trigger_date,deadline,status,days_left,rule,citation,error\n"
        'Kota Medan,dismissed,"2025-02-04\n",,,error,,,,'
        "row 1 (line 2): a quote opened on line 2 is never closed\n"
    )
    assert err.read_text().splitlines()[-1] == (
        "penetapan batch: rows=1 ok=0 pending=0 errors=1 blank=0"
    )
