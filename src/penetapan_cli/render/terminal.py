"""Where text for people goes: a terminal, or a pipe or file that other programs read.

Plain code, no framework: the card, the timeline and the month view are lines written as they
are, never folded. Styles (bold, colour) are ANSI escapes, written only to a terminal, and not
when ``NO_COLOR`` is set to a non-empty value (no-color.org) or ``TERM`` is ``dumb``. A table is
drawn by rich on a terminal (rich is imported there only); anywhere else it is tab-separated
lines, one header line first, whole lines that ``grep``, ``cut -f`` and a spreadsheet take.

Text from data (a closure's or a region's name, a rule file's texts) may hold control
characters; each becomes ``?``, so that no escape sequence but our own styles ever reaches the
output (none at all where styles are not allowed), and a name cannot move the cursor or retitle
the terminal.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from typing import IO

_RESET = "\x1b[0m"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but tab and line feed
_SGR = re.compile(r"(\x1b\[[0-9;]*m)")  # a style: kept only where styles are allowed
BOLD = "1"
RED = "31"
GREEN = "32"
YELLOW = "33"


def is_terminal(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def styles_allowed(
    terminal: bool, environ: Mapping[str, str] = os.environ, platform: str = sys.platform
) -> bool:
    """Whether escape sequences may be written: a terminal, no ``NO_COLOR``, ``TERM`` not
    dumb; on Windows, a terminal that says it reads them (Windows Terminal, or ``TERM`` set),
    since the classic console prints them as text."""
    if not terminal or environ.get("NO_COLOR", "") != "":
        return False
    term = environ.get("TERM", "")
    if term == "dumb":
        return False
    if platform == "win32":
        return bool(environ.get("WT_SESSION") or term)
    return True


class Console:
    """A text stream and what it allows: ``terminal`` (tables drawn, else tab-separated) and
    ``styled`` (ANSI escapes)."""

    def __init__(self, stream: IO[str], *, terminal: bool, styled: bool) -> None:
        self.stream = stream
        self.terminal = terminal
        self.styled = styled and terminal

    def print(self, text: str = "") -> None:
        if self.styled:
            parts = _SGR.split(text)
            text = "".join(p if i % 2 else clean(p) for i, p in enumerate(parts))
        else:
            text = clean(text)
        self.stream.write(text + "\n")

    def style(self, text: str, *codes: str) -> str:
        """``text`` in bold, colour...: escapes only where allowed, the words alike."""
        if not self.styled or not codes or not text:
            return text
        return f"\x1b[{';'.join(codes)}m{text}{_RESET}"

    def bold(self, text: str) -> str:
        return self.style(text, BOLD)

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        title: str | None = None,
        title_when_piped: bool = False,
    ) -> None:
        """A table: drawn by rich on a terminal; elsewhere tab-separated lines, the header line
        first (preceded by ``title`` only when ``title_when_piped``: a table inside the card,
        not a listing a spreadsheet opens). A cell's line breaks and tabs become spaces."""
        if self.terminal:
            self._rich_table(headers, rows, title)
            return
        if title and title_when_piped:
            self.print(title)
        for cells in (headers, *rows):
            self.print("\t".join(" ".join(cell.split()) for cell in cells))

    def _rich_table(
        self, headers: Sequence[str], rows: Sequence[Sequence[str]], title: str | None
    ) -> None:
        from rich.console import Console as RichConsole
        from rich.markup import escape
        from rich.table import Table

        console = RichConsole(
            file=self.stream,
            highlight=False,
            soft_wrap=False,
            force_terminal=True,
            color_system="auto" if self.styled else None,
        )
        table = Table(title=escape(clean(title)) if title else None)
        for header in headers:
            table.add_column(escape(clean(header)), overflow="fold")
        for cells in rows:
            table.add_row(*(escape(clean(cell)) for cell in cells))
        console.print(table)


def clean(text: str) -> str:
    """``text`` with each control character (tab and line feed aside) as ``?``."""
    return _CONTROL.sub("?", text)


def make_console(stream: IO[str], environ: Mapping[str, str] = os.environ) -> Console:
    terminal = is_terminal(stream)
    return Console(stream, terminal=terminal, styled=styles_allowed(terminal, environ))
