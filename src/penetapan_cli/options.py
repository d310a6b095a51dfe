"""The command line's names for the facts the core speaks of (core/facts.py), the formats
`batch` reads and writes, and how a numeric date is read (--date-order)."""

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
}


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
