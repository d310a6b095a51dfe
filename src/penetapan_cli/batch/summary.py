"""A batch run's summary: each distinct message with the rows it concerns, and the counts."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from penetapan_cli.core.rules import Text
from penetapan_cli.messages import LABELS, rows_from


@dataclasses.dataclass(frozen=True)
class Message:
    kind: str  # "warning", "notice" or "follow_up"
    text: Text
    first_row: int
    rows: int  # rows computed with it (rows served from the cache included)


@dataclasses.dataclass
class Summary:
    rows: int = 0
    ok: int = 0
    pending: int = 0
    errors: int = 0
    messages: list[Message] = dataclasses.field(default_factory=list)
    compliance: Mapping[str, int] | None = None  # with a declared_on column: rows by verdict
    blank: int = 0
    error_messages: Mapping[str, Sequence[int]] = dataclasses.field(default_factory=dict)
    """Each distinct error message: [first row, rows], in order of first row."""

    def line(self) -> str:
        line = (
            f"rows={self.rows} ok={self.ok} pending={self.pending} errors={self.errors} "
            f"blank={self.blank}"
        )
        if self.compliance is not None:
            line += "".join(f" {k.replace('-', '_')}={n}" for k, n in self.compliance.items())
        return line

    def report(self, lang: str) -> list[str]:
        """The lines for stderr: each distinct warning, notice and next step with the rows it
        concerns, then the one-line summary."""
        keys = {
            "warning": "warning_label",
            "notice": "notice_label",
            "follow_up": "next_step_label",
        }
        lines = [
            f"{LABELS[keys[m.kind]][lang]} ({rows_from(m.rows, m.first_row, lang)}): {m.text[lang]}"
            for m in self.messages
        ]
        lines += [
            f"{LABELS['error_label'][lang]} ({rows_from(rows, first, lang)}): {text}"
            for text, (first, rows) in self.error_messages.items()
        ]
        lines.append(f"penetapan batch: {self.line()}")
        return lines
