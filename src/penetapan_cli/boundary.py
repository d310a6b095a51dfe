"""The one error boundary of both entry points: the fast path (launch.py) and the Typer app.

``run`` runs a command and turns every way it can end into an exit code and at most one line
on stderr (docs/exit-codes.md): a domain error is its message and code, Ctrl-C is
``interrupted`` (130), a reader of stdout that went away is a silent 141, a full disk or a
closed stdout is ``cannot write standard output: ...`` (2), and anything else is a bug (70),
whose traceback ``--debug`` shows. The one exception to "one line": a domain error that carries
``details`` (every further problem of a rule file) prints them after its line, one per line.

While a command runs, stdout is a guarded text stream over the real one: its write errors are
named as stdout's (so they are told apart from a bug), it is flushed inside the boundary (so a
late error is still reported, not printed as "Exception ignored" at exit), and what it cannot
encode falls back to ASCII. ``choose_stdout`` switches it to UTF-8 for machine formats.

Imported on the fast path: the standard library only, nothing heavy.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from typing import IO, Any

from penetapan_cli.core.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    InputError,
    PenetapanError,
)

PROG = "penetapan"
MACHINE_FORMATS = frozenset({"json", "jsonl", "csv", "ics"})
TEXT_FALLBACK = "penetapan-ascii"

# What the text card prints in place of characters a legacy console cannot encode; other
# characters lose their accents (NFKD) or become "?".
_ASCII_OF = {
    "\u2014": "-",
    "\u2013": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2026": "...",
    "\u00a0": " ",
}

# An exception's outcome: (the line for stderr or None, the exit code).
Outcome = tuple[str | None, int]


class OutputError(InputError):
    """Standard output cannot be written: it is closed, or the disk is full."""


class Escaped(Exception):
    """A command's exception carried past a framework's own handlers (click turns Ctrl-C and a
    broken pipe into exit codes of its own) to ``run``; ``debug``: show a bug's traceback."""

    def __init__(self, exception: BaseException, *, debug: bool = False) -> None:
        super().__init__(exception)
        self.exception = exception
        self.debug = debug


def ascii_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler of the text card: an ASCII stand-in for what cannot be encoded."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import unicodedata

    out = []
    for char in error.object[error.start : error.end]:
        if char in _ASCII_OF:
            out.append(_ASCII_OF[char])
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        out.append(base if base and base.isascii() else "?")
    return "".join(out), error.end


codecs.register_error(TEXT_FALLBACK, ascii_fallback)


class _GuardedBytes(io.BufferedIOBase):
    """stdout's byte stream: a write error becomes OutputError (a broken pipe stays itself), once;
    after one, what is left goes nowhere, as after ``>/dev/null``."""

    def __init__(self, target: IO[bytes] | None) -> None:
        super().__init__()
        self._target = target
        self.failed = False
        self.broken_pipe = False  # the reader went away

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        size = len(data)
        if not self.failed:
            try:
                if self._target is None:
                    raise OutputError("stdout.closed")
                self._target.write(data)
            except (OSError, ValueError, PenetapanError) as exc:
                self._fail(exc)
        return size

    def flush(self) -> None:
        if not self.failed and self._target is not None:
            try:
                self._target.flush()
            except (OSError, ValueError) as exc:
                self._fail(exc)

    def _fail(self, exc: Exception) -> None:
        self.failed = True
        self.broken_pipe = isinstance(exc, BrokenPipeError)
        real = getattr(sys.__stdout__, "buffer", None)
        if self._target is not None and real is not None and self._target is real:
            # Point file descriptor 1 at the null device, so that nothing (the interpreter's
            # last flush included) fails on it again.
            with contextlib.suppress(OSError, ValueError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self._target.fileno())
                os.close(devnull)
        if isinstance(exc, BrokenPipeError | PenetapanError):
            raise exc
        if isinstance(exc, OSError):
            raise OutputError("stdout.failed", reason=exc.strerror or str(exc)) from None
        raise OutputError("stdout.closed") from None

    def close(self) -> None:  # the real stdout stays open
        with contextlib.suppress(Exception):
            self.flush()
        super().close()

    @property
    def name(self) -> str:
        return "<stdout>"

    def fileno(self) -> int:
        if self._target is None:
            raise io.UnsupportedOperation("standard output is closed")
        return self._target.fileno()

    def isatty(self) -> bool:
        try:
            return self._target is not None and self._target.isatty()
        except (OSError, ValueError):
            return False


class _Stdio:
    """The guarded stdout (and a stand-in stderr when it is closed) while a command runs."""

    def __init__(self) -> None:
        self.stdout, self.stderr = sys.stdout, sys.stderr
        self.guard: io.TextIOWrapper | None = None
        self.guarded: _GuardedBytes | None = None
        if sys.stderr is None:
            sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (restore closes it)
        out = self.stdout
        target = getattr(out, "buffer", None)
        if out is not None and target is None:
            return  # not a byte stream underneath (a test's StringIO): used as it is
        encoding = getattr(out, "encoding", None) or "utf-8"
        try:
            codecs.lookup(encoding)
        except LookupError:
            encoding = "utf-8"
        with contextlib.suppress(Exception):
            if out is not None:
                out.flush()
        self.guarded = _GuardedBytes(target)
        self.guard = io.TextIOWrapper(
            self.guarded,
            encoding=encoding,
            errors=TEXT_FALLBACK,
            line_buffering=bool(getattr(out, "line_buffering", False)),
        )
        sys.stdout = self.guard

    def flush(self) -> None:
        if self.guard is not None and sys.stdout is self.guard:
            self.guard.flush()

    @property
    def broken_pipe(self) -> bool:
        """Whether the reader of stdout went away: then nothing else matters (rich, for one,
        answers a broken pipe with exit 1)."""
        return self.guarded is not None and self.guarded.broken_pipe

    def restore(self) -> None:
        if self.guard is not None:
            with contextlib.suppress(Exception):
                self.guard.flush()
            with contextlib.suppress(Exception):
                self.guard.detach()
        if sys.stderr is not self.stderr:
            with contextlib.suppress(Exception):
                sys.stderr.close()
        sys.stdout, sys.stderr = self.stdout, self.stderr


def choose_stdout(fmt: str) -> IO[str]:
    """stdout for output format ``fmt``: machine formats (JSON, JSON Lines, CSV, iCalendar) are
    UTF-8 bytes whatever the locale, with no newline translation; text (the card, ``--format
    date``) keeps the console's encoding and falls back to ASCII where it cannot encode."""
    out = sys.stdout
    if fmt in MACHINE_FORMATS and isinstance(out, io.TextIOWrapper):
        with contextlib.suppress(Exception):
            out.reconfigure(encoding="utf-8", errors="backslashreplace", newline="")
    return out


def say(line: str) -> None:
    """One line on stderr, ``penetapan: ...``; nothing when stderr cannot take it."""
    with contextlib.suppress(Exception):
        sys.stderr.write(f"{PROG}: {line}\n")
        sys.stderr.flush()


def run(
    command: Callable[[], int | None],
    *,
    translate: Callable[[BaseException], Outcome | None] | None = None,
    argv: Sequence[str] = (),
) -> int:
    """Run ``command`` and return its exit code; every error becomes at most one line on
    stderr, in the language for people of the command line ``argv`` (its --lang, else
    PENETAPAN_LANG, else the locale). ``translate`` maps a framework's own exceptions (usage
    errors) to an outcome."""
    stdio = _Stdio()
    debug = False
    try:
        try:
            code = _code_of(command)
            stdio.flush()  # a late write error is reported like any other
        except Escaped as carrier:
            debug = carrier.debug
            raise carrier.exception from None
    except BaseException as exc:  # the boundary: every outcome becomes a code
        if stdio.broken_pipe:
            return EXIT_BROKEN_PIPE
        if debug and is_bug(exc):
            raise
        message, code = (translate(exc) if translate else None) or outcome_of(exc, argv)
        if message is not None:
            say(message)
            if isinstance(exc, PenetapanError) and exc.details:
                from penetapan_cli.messages import render_message

                lang = people_lang(argv)
                for detail in exc.details:
                    say(" ".join(render_message(detail, lang).split()))  # a line of its own
        return code
    finally:
        stdio.restore()
    return EXIT_BROKEN_PIPE if stdio.broken_pipe else code


def refuse_undecodable(
    values: Mapping[str, object], names: Callable[[], Mapping[str, str]]
) -> None:
    """Refuse a command-line value that is not text: bytes a terminal not set to UTF-8 passed,
    which Python keeps as lone surrogates and no output could carry (exit 2, naming the option
    from ``names()``, parameter -> option, and showing the bytes). A path (``Path``) is not
    text: a file name may hold any bytes."""
    for param, value in values.items():
        for text in value if isinstance(value, list | tuple) else (value,):
            if not isinstance(text, str):
                continue
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                raw = text.encode("utf-8", "surrogateescape")
                bad = text[exc.start : exc.end].encode("utf-8", "surrogateescape")
                raise InputError(
                    "option.not_utf8",
                    name=names().get(param, param),
                    shown=str(raw)[1:],
                    bytes=" ".join(f"0x{b:02X}" for b in bad[:4]),
                ) from None


def refuse_empty_paths(argv: Sequence[str]) -> None:
    """An empty file name (``-o ""``) is refused as what it is, before it reads as "." (the
    current folder)."""
    from penetapan_cli.options import PATH_OPTIONS

    for i, token in enumerate(argv):
        name, has_value, value = token.partition("=")
        if name in PATH_OPTIONS and (value == "" if has_value else argv[i + 1 : i + 2] == [""]):
            raise InputError("option.empty_path", name=name)


def typer_names() -> dict[str, str]:
    """The parameters of the Typer command running as the command line names them: parameter
    -> ``--region``, ``OUTCOME`` (only when an error names one: this loads click's globals)."""
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    params = ctx.command.params if ctx is not None else []
    return {
        p.name: max(p.opts, key=len) if p.param_type_name == "option" else p.human_readable_name
        for p in params
        if p.name
    }


def _code_of(command: Callable[[], int | None]) -> int:
    try:
        code = command()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return code or 0


def is_bug(exc: BaseException) -> bool:
    """Whether ``exc`` is an unexpected error (exit 70), not an outcome a user can cause."""
    return not isinstance(exc, PenetapanError | KeyboardInterrupt | BrokenPipeError)


def outcome_of(exc: BaseException, argv: Sequence[str] = ()) -> Outcome:
    """The line and exit code of an exception that reached the boundary."""
    if isinstance(exc, BrokenPipeError):
        return None, EXIT_BROKEN_PIPE
    from penetapan_cli.messages import error_text

    lang = people_lang(argv)
    if isinstance(exc, PenetapanError):
        from penetapan_cli.options import OPTION_NAMES  # only when there is an error to say

        return error_text(exc, lang, OPTION_NAMES), exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        return error_text(PenetapanError("interrupted"), lang), EXIT_INTERRUPTED
    return internal_error_message(exc, lang), EXIT_INTERNAL


def people_lang(argv: Sequence[str]) -> str:
    """The language of what the boundary says: never an error itself."""
    try:
        from penetapan_cli.settings import lang_of_argv

        return lang_of_argv(argv)
    except Exception:  # a broken environment must not hide the error being reported
        return "en"


def internal_error_message(exc: BaseException, lang: str = "en") -> str:
    """What the boundary prints for an unexpected error (exit code EXIT_INTERNAL)."""
    from penetapan_cli.messages import error_text

    bug = PenetapanError("internal", kind=type(exc).__name__, detail=str(exc))
    return error_text(bug, lang)
