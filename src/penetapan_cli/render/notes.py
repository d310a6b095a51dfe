"""Lines for stderr: warnings, notices and notes, each prefixed with its label."""

from __future__ import annotations

import sys
from collections.abc import Iterable


def warn(texts: Iterable[str], label: str) -> None:
    for text in texts:
        sys.stderr.write(f"{label}: {text}\n")
