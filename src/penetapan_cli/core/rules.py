"""Rules as cited data: what a deadline counts, from what, and on which legal basis.

The records are built here from data already read and checked (sources/rulesets.py reads the
shipped TOML files; sources/rulefile.py validates a user's file); this module reads no file.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from penetapan_cli.core.errors import RulesError
from penetapan_cli.core.outcomes import Outcome

if TYPE_CHECKING:
    from pathlib import Path

DEFAULT_RULE_SET = "pkpu-18-2024"

Text = Mapping[str, str]
"""A text in each language the tool speaks: {"id": ..., "en": ...}."""


class Unit(enum.Enum):
    CALENDAR = "calendar"  # "hari" (hari kalender)
    WORKING = "working"  # "hari kerja"


class CountFrom(enum.Enum):
    AFTER = "after"  # "N hari setelah X": day 1 is the day after X
    ON = "on"  # "N hari terhitung sejak X": X is day 1 when it is a working day


class Roll(enum.Enum):
    NONE = "none"  # the last day stands whatever day it is
    NEXT_WORKING_DAY = "next-working-day"  # a last day that is not a working day moves forward


class Citation(NamedTuple):
    regulation: str
    article: str
    text: str
    quote: str  # "verbatim" or "paraphrase"
    source: Text  # where the text was found; a rule file may give one string for both

    def short(self) -> str:
        return f"{self.regulation} {self.article}"


class Notice(NamedTuple):
    text: Text
    outcomes: tuple[Outcome, ...] = ()  # empty: every outcome of the rule


class Rule(NamedTuple):
    id: str
    outcomes: tuple[Outcome, ...]
    trigger: Text
    citation: Citation
    days: int | None = None  # None: no deadline yet, see follow_up
    unit: Unit = Unit.CALENDAR
    count_from: CountFrom = CountFrom.AFTER
    roll: Roll = Roll.NONE
    notices: tuple[Notice, ...] = ()
    follow_up: Text | None = None

    def notices_for(self, outcome: Outcome) -> tuple[Text, ...]:
        return tuple(n.text for n in self.notices if not n.outcomes or outcome in n.outcomes)


class RuleSet(NamedTuple):
    id: str
    title: str
    regulation: str
    status: str
    note: Text
    rules: tuple[Rule, ...]
    path: Path | str | None = None
    digest: str | None = None
    """A user's rule file: a hash of its parsed content (None for a shipped rule set)."""

    @property
    def from_file(self) -> bool:
        """A user's rule set (``--rules PATH``), never to pass for a shipped one."""
        return self.digest is not None

    @property
    def key(self) -> str:
        """What identifies the rule set in calendar UIDs: the shipped id, or for a user's file
        the hash of its content (the same file anywhere, a new key when a rule changes)."""
        return self.id if self.digest is None else f"file:{self.digest}"

    def rule_for(self, outcome: Outcome) -> Rule:
        for rule in self.rules:
            if outcome in rule.outcomes:
                return rule
        raise RulesError("rules.no_rule", rule_set=self.id, outcome=outcome.value)

    def qualified_id(self, rule: Rule) -> str:
        return f"{self.id}/{rule.id}"


def period_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """What a rule and a statutory limit share, from their data: the trigger, the citation and
    how the period is counted."""
    return {
        "trigger": dict(data["trigger"]),
        "citation": _citation(data["citation"]),
        "days": data.get("days"),
        "unit": Unit(data.get("unit", "calendar")),
        "count_from": CountFrom(data.get("count_from", "after")),
        "roll": Roll(data.get("roll", "none")),
    }


def _citation(data: Mapping[str, Any]) -> Citation:
    """A citation; its ``source`` is a string (the same in both languages) or an id/en pair."""
    source = data["source"]
    texts = dict(source) if isinstance(source, Mapping) else {"id": source, "en": source}
    return Citation(**{**data, "source": texts})


def build_rule_set(data: Mapping[str, Any], path: Path | str | None = None) -> RuleSet:
    """Build the frozen records from already-validated data (shipped or checked by rulefile)."""

    def rule(r: Mapping[str, Any]) -> Rule:
        return Rule(
            id=r["id"],
            outcomes=tuple(Outcome(o) for o in r["outcomes"]),
            **period_fields(r),
            notices=tuple(
                Notice(
                    text={k: v for k, v in n.items() if k != "outcomes"},
                    outcomes=tuple(Outcome(o) for o in n.get("outcomes", ())),
                )
                for n in r.get("notices", ())
            ),
            follow_up=dict(r["follow_up"]) if "follow_up" in r else None,
        )

    return RuleSet(
        id=data["id"],
        title=data["title"],
        regulation=data["regulation"],
        status=data["status"],
        note=dict(data.get("note", {})),
        rules=tuple(rule(r) for r in data["rules"]),
        path=path,
    )


class Limit(NamedTuple):
    """A statutory limit the timeline chains: the petition window, the MK decision, an order."""

    id: str
    title: Text
    trigger: Text
    citation: Citation
    days: int | None = None  # None: the period is given by each decision (--order-days)
    unit: Unit = Unit.CALENDAR
    count_from: CountFrom = CountFrom.AFTER
    roll: Roll = Roll.NONE
    notices: tuple[Text, ...] = ()


def build_limits(data: Mapping[str, Any]) -> dict[str, Limit]:
    """Build the frozen limits from already-validated data."""
    return {
        item["id"]: Limit(
            id=item["id"],
            title=dict(item["title"]),
            **period_fields(item),
            notices=tuple(dict(n) for n in item.get("notices", ())),
        )
        for item in data["limits"]
    }
