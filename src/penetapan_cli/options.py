"""The command line's names for the facts the core speaks of (core/facts.py), and the fixed
choices of its options: the formats each command reads and writes, the basis of a count, and
how a numeric date is read (--date-order). Typer offers each Enum as a choice."""

from __future__ import annotations

import enum

OPTION_NAMES = {
    "announced": "--announced",
    "registered": "--registered",
    "decided": "--decided",
    "notified": "--notified",
    "outcome": "--outcome",
    "order_days": "--order-days",
    "strict": "--strict",
    "declared": "--declared",
    "as_of": "--as-of",
    "date_order": "--date-order",
}

PATH_OPTIONS = frozenset({"-o", "--output", "--ics", "--closures"})
"""The options that take a file name (an empty one is refused, not read as ".")."""


class Format(enum.Enum):
    """``deadline --format``."""

    TEXT = "text"
    JSON = "json"
    DATE = "date"


class ListFormat(enum.Enum):
    """``--format`` of outcomes, holidays and rules."""

    TEXT = "text"
    JSON = "json"


class TimelineFormat(enum.Enum):
    """``timeline --format``: text, JSON or the iCalendar file on stdout."""

    TEXT = "text"
    JSON = "json"
    ICS = "ics"


class Basis(enum.Enum):
    """``--basis``: the unit counted instead of the rule's own."""

    CALENDAR = "calendar"
    WORKING = "working"


class InputFormat(enum.Enum):
    """``batch --input-format``: CSV, JSON Lines, or a spreadsheet (batch/sheets.py)."""

    CSV = "csv"
    JSONL = "jsonl"
    XLSX = "xlsx"
    XLS = "xls"
    ODS = "ods"


class OutputFormat(enum.Enum):
    """``batch --output-format``: CSV, JSON Lines, one JSON array, or an .xlsx workbook."""

    CSV = "csv"
    JSONL = "jsonl"
    JSON = "json"
    XLSX = "xlsx"


class DateOrder(enum.Enum):
    """``--date-order`` (core.dates.DATE_ORDERS): day first, the rule, or month first."""

    DMY = "dmy"
    MDY = "mdy"
