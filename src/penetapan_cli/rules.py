"""Rules as cited data: what a deadline counts, from what, and on which legal basis.

Rule sets are TOML files under ``rulesets/``, read with the standard library so that a
one-off check pays for no validation framework.
"""

from __future__ import annotations

import enum
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from penetapan_cli.errors import RulesError
from penetapan_cli.outcomes import Outcome

RULESETS_DIR = Path(__file__).parent / "rulesets"
LIMITS_FILE = Path(__file__).parent / "timeline.toml"
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
    source: str

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
    path: Path | None = None

    def rule_for(self, outcome: Outcome) -> Rule:
        for rule in self.rules:
            if outcome in rule.outcomes:
                return rule
        raise RulesError(f"rule set {self.id!r} has no rule for outcome {outcome.value!r}")

    def qualified_id(self, rule: Rule) -> str:
        return f"{self.id}/{rule.id}"


def shipped_rule_sets() -> list[str]:
    return sorted(p.stem for p in RULESETS_DIR.glob("*.toml"))


def is_rule_file_path(name: str) -> bool:
    """Whether ``--rules`` names a user's file (a path, a .toml name), not a shipped set."""
    return "/" in name or "\\" in name or name.endswith(".toml")


def rule_set_path(name: str) -> Path:
    """A shipped rule set by name, or a user's file by path."""
    shipped = RULESETS_DIR / f"{name}.toml"
    if not is_rule_file_path(name):
        if shipped.is_file():
            return shipped
        raise RulesError(
            f"unknown rule set {name!r}: expected one of {', '.join(shipped_rule_sets())} "
            "or the path of a .toml file"
        )
    return Path(name)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise RulesError(f"rule file {str(path)!r} not found") from None
    except IsADirectoryError:
        raise RulesError(f"rule file {str(path)!r} is a directory") from None
    except OSError as exc:
        raise RulesError(f"rule file {str(path)!r} cannot be read: {exc.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RulesError(f"rule file {str(path)!r} is not valid TOML: {exc}") from None


def build_rule_set(data: Mapping[str, Any], path: Path | None = None) -> RuleSet:
    """Build the frozen records from already-validated data (shipped or checked by rulefile)."""

    def rule(r: Mapping[str, Any]) -> Rule:
        return Rule(
            id=r["id"],
            outcomes=tuple(Outcome(o) for o in r["outcomes"]),
            trigger=dict(r["trigger"]),
            citation=Citation(**r["citation"]),
            days=r.get("days"),
            unit=Unit(r.get("unit", "calendar")),
            count_from=CountFrom(r.get("count_from", "after")),
            roll=Roll(r.get("roll", "none")),
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


def load_rule_set(name: str = DEFAULT_RULE_SET) -> RuleSet:
    """A shipped rule set, read without a validation framework (tests validate every shipped file).

    A user's file goes through ``settings.resolve_rule_set``, which validates it first.
    """
    if is_rule_file_path(name):
        raise RulesError(f"{name!r} is a file path: user rule files are loaded with validation")
    path = rule_set_path(name)
    data = read_toml(path)
    try:
        return build_rule_set(data, path)
    except (KeyError, TypeError, ValueError) as exc:
        raise RulesError(f"rule file {str(path)!r} is not a valid rule set: {exc}") from None


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
            trigger=dict(item["trigger"]),
            citation=Citation(**item["citation"]),
            days=item.get("days"),
            unit=Unit(item.get("unit", "calendar")),
            count_from=CountFrom(item.get("count_from", "after")),
            roll=Roll(item.get("roll", "none")),
            notices=tuple(dict(n) for n in item.get("notices", ())),
        )
        for item in data["limits"]
    }


def load_limits(path: Path = LIMITS_FILE) -> dict[str, Limit]:
    """The statutory limits shipped in ``timeline.toml`` (UU 10/2016 Pasal 157 and MK orders)."""
    data = read_toml(path)
    try:
        return build_limits(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise RulesError(f"limits file {str(path)!r} is not valid: {exc}") from None
