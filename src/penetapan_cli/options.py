"""The command line's names for the facts the core speaks of (core/facts.py)."""

from __future__ import annotations

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
