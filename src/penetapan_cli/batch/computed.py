"""A row's result columns, ready for each output format, and what each format derives from it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from penetapan_cli.batch.columns import neutralise, result_columns
from penetapan_cli.core.rules import RuleSet, Text
from penetapan_cli.messages import texts_of
from penetapan_cli.options import OPTION_NAMES

if TYPE_CHECKING:
    import datetime as dt

    from penetapan_cli.core.calendar import WorkCalendar
    from penetapan_cli.core.compliance import Verdict
    from penetapan_cli.core.deadline import DeadlineResult

DECIDED_COLUMN = "decided_on"


def _batch_text(text: Text) -> Text:
    """A rule's text as a batch shows it: it names the decided_on column, not ``--decided``
    (an option batch does not have)."""
    option = OPTION_NAMES["decided"]
    if option not in text["en"] and option not in text["id"]:
        return text
    return {lang: t.replace(option, DECIDED_COLUMN) for lang, t in text.items()}


class Computed:
    """The result columns of one row, ready for each output format.

    One object serves every row with this result, so what each output derives from it is
    remembered on it: ``suffix``, the CSV text of its columns (write.py), and ``event``, what
    the calendar events of its rows share (``RowEvents`` in run.py)."""

    __slots__ = (
        "_fields",
        "calendar",
        "cells",
        "compliance",
        "event",
        "note_keys",
        "notes",
        "result",
        "status",
        "suffix",
        "tally",
    )  # fmt: skip

    def __init__(
        self,
        status: str,
        cells: tuple[str, ...],  # CSV: trigger_date, deadline, status, days_left, rule,
        # citation, error
        # (then compliance, days_late when the input has a declared_on column)
        # JSON: the same, with null and integers; or their values alone, in the order of
        # result_columns, the dict then made when an output asks for it (``fields``)
        fields: Mapping[str, Any] | tuple[Any, ...],
        notes: tuple[tuple[tuple[str, str], Text], ...] = (),  # ((kind, English text), text)
        note_keys: tuple[tuple[str, str], ...] = (),  # (kind, English text) of each note
        # For the calendar export (--ics): the result and the calendar it was counted with.
        # Rows whose outcomes share a rule and its notices share it: its outcome is the first.
        result: DeadlineResult | None = None,
        calendar: WorkCalendar | None = None,
        compliance: str | None = None,  # the verdict on the row's declared_on, for the tallies
    ) -> None:
        self.status = status
        self.cells = cells
        self._fields = fields
        self.notes = notes
        self.note_keys = note_keys
        self.result = result
        self.calendar = calendar
        self.compliance = compliance
        self.tally = -1  # its tally in the Calculator's counts (set by the Calculator)
        self.suffix: str | None = None  # CSV: its columns, after the input's (write_csv)
        self.event: Any = None  # --ics: what the events of its rows share (RowEvents)

    @property
    def fields(self) -> Mapping[str, Any]:
        """JSON: the result columns with null and integers. A CSV batch never asks for them,
        so a result made by ``of`` keeps their values and makes the dict on the first ask."""
        fields = self._fields
        if isinstance(fields, tuple):
            declared = len(fields) > len(result_columns(False))
            fields = self._fields = dict(zip(result_columns(declared), fields, strict=True))
        return fields

    @classmethod
    def failed(
        cls, message: str, trigger_date: dt.date | None = None, *, declared: bool = False
    ) -> Computed:
        """An error row; ``trigger_date`` when the date was read although the row failed."""
        fields = dict.fromkeys(result_columns(declared))
        trigger = trigger_date.isoformat() if trigger_date is not None else None
        fields.update(trigger_date=trigger, status="error", error=message)
        cells = (trigger or "", "", "error", "", "", "", neutralise(message))
        return cls("error", (*cells, "", "") if declared else cells, fields)

    @classmethod
    def blank(cls, *, declared: bool = False) -> Computed:
        """A row that holds nothing: no result, no error."""
        fields = dict.fromkeys(result_columns(declared))
        fields.update(status="blank")
        cells = ("", "", "blank", "", "", "", "")
        return cls("blank", (*cells, "", "") if declared else cells, fields)

    @classmethod
    def of(
        cls,
        result: DeadlineResult,
        shared: Shared,
        calendar: WorkCalendar | None = None,
        *,
        declared: bool = False,
        verdict: Verdict | None = None,
        keep: bool = True,
    ) -> Computed:
        """``declared``: the input has a declared_on column (``verdict`` None: an empty cell).
        ``shared``: what the result shares with the others of its rule and warnings
        (``Shared.of``). ``keep``: keep ``result`` and ``calendar`` (the calendar export's)."""
        deadline = result.deadline.isoformat() if result.deadline else None
        trigger = result.trigger_date.isoformat()
        status, days_left = result.status, result.days_left
        # The values of result_columns: trigger_date, deadline, status, days_left, rule,
        # citation, error (then compliance, days_late).
        fields: tuple[Any, ...] = (
            trigger,
            deadline,
            status,
            days_left,
            shared.rule,
            shared.citation,
            None,
        )
        cells: tuple[str, ...] = (
            trigger,
            deadline or "",
            status,
            "" if days_left is None else str(days_left),  # a number: kept as is
            shared.rule_cell,
            shared.citation_cell,
            "",
        )
        compliance = None
        if declared:
            days_late = verdict.days_late if verdict is not None else None
            compliance = verdict.compliance.value if verdict is not None else None
            fields += (compliance, days_late)
            cells += (compliance or "", "" if days_late is None else str(days_late))
        return cls(
            status,
            cells,
            fields,
            shared.notes,
            shared.note_keys,
            result if keep else None,
            calendar if keep else None,
            compliance,
        )


class Shared(NamedTuple):
    """What the results of one rule with the same warnings share (their rule and citation
    columns, their notes): built once for all of them, since a batch has thousands."""

    rule: str
    citation: str
    rule_cell: str  # the rule and citation as CSV cells (neutralised)
    citation_cell: str
    notes: tuple[tuple[tuple[str, str], Text], ...]  # ((kind, English text), text)
    note_keys: tuple[tuple[str, str], ...]

    @classmethod
    def of(
        cls, result: DeadlineResult, rule_set: RuleSet, warnings: tuple[Text, ...] = ()
    ) -> Shared:
        """``warnings``: the batch's own, after the result's."""
        rule = rule_set.qualified_id(result.rule)
        citation = result.rule.citation.short()
        notes = [("warning", texts_of(m)) for m in result.warnings]
        notes += [("warning", t) for t in warnings]
        notes += [("notice", t) for t in result.notices]
        if result.deadline is None and result.rule.follow_up:
            notes.append(("follow_up", result.rule.follow_up))
        texts = tuple(((kind, t["en"]), t) for kind, t in ((k, _batch_text(t)) for k, t in notes))
        keys = tuple(key for key, _ in texts)
        return cls(rule, citation, neutralise(rule), neutralise(citation), texts, keys)
