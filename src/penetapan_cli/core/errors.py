"""Typed domain errors. The CLI boundary turns each into one line on stderr and an exit code."""

from __future__ import annotations

from penetapan_cli.core.facts import name_facts

# Exit codes, documented in docs/exit-codes.md.
EXIT_OK = 0
EXIT_ROW_ERRORS = 1  # batch: at least one row is an error
EXIT_USAGE = 2  # bad input or usage
EXIT_PENDING = 3  # no deadline yet: a follow-up cycle is needed
EXIT_STRICT = 4  # --strict: the holiday data for a touched year is not decreed
EXIT_INTERNAL = 70  # unexpected internal error (a bug: please report it)
EXIT_HANGUP = 129  # SIGHUP: the terminal or SSH session closed
EXIT_INTERRUPTED = 130  # Ctrl-C
EXIT_BROKEN_PIPE = 141  # the reader of stdout went away (e.g. `| head`)


LANGS = ("id", "en")
"""The languages every text is worded in: a Message by the catalogue (messages.py), a Text
of the core's data as written."""


class Message:
    """A text by its key in the message catalogue (messages.ERRORS) and the values it names.

    The core never holds words: it says which message and with what, and the edge that shows
    it (the error boundary, a batch's ``error`` column) looks the key up in the language asked
    for. A value may itself be a Message, a text in each language ({"id": ..., "en": ...}) or a
    tuple of these, each rendered in the same language. A key that is not in the catalogue is
    shown as it is (an English sentence from before the catalogue; the tests list none).
    """

    __slots__ = ("_hash", "key", "values")

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = values
        self._hash: int | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.key, self.values) == (other.key, other.values)

    def __hash__(self) -> int:
        # Kept once computed: a batch looks its warnings up by them thousands of times (a
        # Message is not changed once made).
        if self._hash is None:
            self._hash = hash((self.key, *sorted(self.values)))
        return self._hash

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={v!r}" for k, v in self.values.items())
        return f"Message({self.key!r}{', ' if inner else ''}{inner})"


class PenetapanError(Exception):
    """Base class of every error the tool reports to a user: a Message and an exit code.

    ``PenetapanError("date.invalid", text=..., why=Message(...))``. The message may name facts
    with placeholders (core/facts.py), written by the edge with its own names (the CLI's option
    names). ``str()`` gives the key and values, for a traceback; messages.error_text gives the
    words.
    """

    exit_code = EXIT_USAGE
    details: tuple[Message, ...] = ()
    """Further lines after the message, when one line cannot hold what the user must fix (every
    problem of a rule file); the boundary words each in the same language, on its own line."""

    def __init__(self, key: str | Message, /, **values: object) -> None:
        self.msg = key if isinstance(key, Message) else Message(key, **values)
        super().__init__(self.msg.key)

    def __str__(self) -> str:
        return name_facts(repr(self.msg) if self.msg.values else self.msg.key)


class InputError(PenetapanError):
    """Bad input from the user: a date, an outcome, a file, an option."""


class DateInputError(InputError):
    """A date that cannot be read strictly and unambiguously. ``other_order`` ("mdy" or
    "dmy"): the numeric date is a real one in that order of day and month (core/dates.py)."""

    other_order: str | None = None


class OutcomeError(InputError):
    """An outcome name that is not known."""


class PartialGrantError(OutcomeError):
    """An outcome written as a partial grant ("dikabulkan sebagian"), which names no rule: the
    MK's amar says what follows. ``shown`` is the input as given."""

    def __init__(self, shown: str) -> None:
        super().__init__("outcome.partial_grant", shown=shown)
        self.shown = shown


class ClosuresFileError(InputError):
    """A closures file that cannot be read."""


class RulesError(InputError):
    """A rule set that cannot be found or does not validate."""


class HangUp(PenetapanError):
    """SIGHUP stopped the run; every file being written was cleaned up (files.stop_on_signals)."""

    exit_code = EXIT_HANGUP


class CoverageError(PenetapanError):
    """--strict: a working-day count touches a year whose holiday data is not decreed."""

    exit_code = EXIT_STRICT
