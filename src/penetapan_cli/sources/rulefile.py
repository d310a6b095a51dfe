"""The rule-file schema, validated with pydantic: a user's ``--rules FILE`` and, in the tests, every
shipped file.

An edge module: the CLI imports it only when a rule set is given as a path, so a one-off check
with a shipped rule set never pays for pydantic. A mistake is reported on one line with the
file, the field (``rules[1].days``: indexes count from 0, in the order of the ``[[rules]]``
tables) and what was expected.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from penetapan_cli.core.counting import MAX_DAYS
from penetapan_cli.core.errors import RulesError
from penetapan_cli.core.outcomes import FOLLOW_UP_OUTCOMES, Outcome
from penetapan_cli.core.rules import RuleSet, build_limits, build_rule_set
from penetapan_cli.sources.rulesets import read_toml

_OUTCOME_IDS = tuple(o.value for o in Outcome)
_FOLLOW_UP_IDS = tuple(o.value for o in Outcome if o in FOLLOW_UP_OUTCOMES)
_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"


def _outcome(value: object) -> object:
    if isinstance(value, str) and value not in _OUTCOME_IDS:
        raise ValueError(f"expected an outcome id ({', '.join(_OUTCOME_IDS)}), got {value!r}")
    return value


def _days(value: object) -> object:
    if value is None:
        return value
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DAYS:
        raise ValueError(f"expected a whole number of days from 1 to {MAX_DAYS}, got {value!r}")
    return value


NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
OutcomeId = Annotated[str, BeforeValidator(_outcome)]
Days = Annotated[int | None, BeforeValidator(_days)]
Slug = Annotated[str, StringConstraints(pattern=_ID_PATTERN)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class TextModel(_Model):
    """A text in each language the tool speaks."""

    id: NonEmpty
    en: NonEmpty


class CitationModel(_Model):
    regulation: NonEmpty
    article: NonEmpty
    text: NonEmpty
    quote: Literal["verbatim", "paraphrase"]
    source: NonEmpty | TextModel  # one string, or {id = "...", en = "..."}


class NoticeModel(_Model):
    id: NonEmpty
    en: NonEmpty
    outcomes: list[OutcomeId] = Field(default_factory=list)


class RuleModel(_Model):
    id: Slug
    outcomes: list[OutcomeId] = Field(min_length=1)
    days: Days = None
    unit: Literal["calendar", "working"] = "calendar"
    count_from: Literal["after", "on"] = "after"
    roll: Literal["none", "next-working-day"] = "none"
    trigger: TextModel
    citation: CitationModel
    notices: list[NoticeModel] = Field(default_factory=list)
    follow_up: TextModel | None = None

    @model_validator(mode="after")
    def _deadline_or_follow_up(self) -> RuleModel:
        ordered = [o for o in self.outcomes if o in _FOLLOW_UP_IDS]
        if self.days is not None:
            if ordered:
                raise ValueError(
                    f"outcomes {', '.join(ordered)} order a new cycle and get no deadline: put "
                    "them in a rule without days and with a follow_up text"
                )
            if self.follow_up is not None:
                raise ValueError("follow_up is only for a rule without days (no deadline yet)")
        else:
            if len(ordered) != len(self.outcomes):
                others = [o for o in self.outcomes if o not in _FOLLOW_UP_IDS]
                raise ValueError(
                    f"days is missing: outcomes {', '.join(others)} need a deadline (only "
                    f"{', '.join(_FOLLOW_UP_IDS)} may have none)"
                )
            if self.follow_up is None:
                raise ValueError(
                    "follow_up is missing: a rule without days must say what happens next"
                )
        for notice in self.notices:
            stray = [o for o in notice.outcomes if o not in self.outcomes]
            if stray:
                raise ValueError(f"a notice names outcomes the rule does not cover: {stray}")
        return self


class RuleSetModel(_Model):
    """One rule set file: ``rulesets/*.toml`` or a user's ``--rules FILE``."""

    id: Slug
    title: NonEmpty
    regulation: NonEmpty
    status: Literal["in-force", "superseded", "reported-unverified", "draft"]
    note: TextModel | None = None
    rules: list[RuleModel] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_outcome_once(self) -> RuleSetModel:
        ids = Counter(r.id for r in self.rules)
        twice = sorted(i for i, n in ids.items() if n > 1)
        if twice:
            raise ValueError(f"rules: rule ids must be unique, repeated: {', '.join(twice)}")
        where: dict[str, list[int]] = {}
        for index, rule in enumerate(self.rules):
            for outcome in rule.outcomes:
                where.setdefault(outcome, []).append(index)
        missing = [o for o in _OUTCOME_IDS if o not in where]
        repeated = [
            f"{o} (rules[{'], rules['.join(map(str, where[o]))}])"
            for o in _OUTCOME_IDS
            if len(where.get(o, ())) > 1
        ]
        problems = []
        if missing:
            problems.append(f"not covered by any rule: {', '.join(missing)}")
        if repeated:
            problems.append(f"covered more than once: {'; '.join(repeated)}")
        if problems:
            raise ValueError("rules: every outcome needs exactly one rule; " + "; ".join(problems))
        return self


class LimitModel(_Model):
    id: Slug
    title: TextModel
    trigger: TextModel
    citation: CitationModel
    days: Days = None
    unit: Literal["calendar", "working"] = "calendar"
    count_from: Literal["after", "on"] = "after"
    roll: Literal["none", "next-working-day"] = "none"
    notices: list[TextModel] = Field(default_factory=list)


class LimitsModel(_Model):
    """The statutory limits of ``limits.toml``."""

    limits: list[LimitModel]

    @model_validator(mode="after")
    def _known_limits(self) -> LimitsModel:
        by_id = {limit.id: limit for limit in self.limits}
        if len(by_id) != len(self.limits):
            raise ValueError("limits: limit ids must be unique")
        for needed in ("petition", "mk-decision", "order"):
            if needed not in by_id:
                raise ValueError(f"limits: the limit {needed!r} is missing")
        for fixed in ("petition", "mk-decision"):
            if by_id[fixed].days is None:
                raise ValueError(f"limits: the limit {fixed!r} needs days")
        if by_id["order"].days is not None:
            raise ValueError("limits: the limit 'order' has no days (each decision sets them)")
        return self


def _location(loc: tuple[int | str, ...], data: Mapping[str, Any]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", part):
            continue  # pydantic's own labels, e.g. function-after[...]
        else:
            text += f".{part}" if text else part
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = data.get("rules")
        if isinstance(rules, list) and loc[1] < len(rules) and isinstance(rules[loc[1]], dict):
            rule_id = rules[loc[1]].get("id")
            if isinstance(rule_id, str):
                text += f" (rule {rule_id!r})"
    return text


def _describe(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling; see 'penetapan rules show pkpu-18-2024')"
    message = str(error["msg"])
    if message.startswith("Value error, "):
        return message[len("Value error, ") :]
    if message.startswith("Input should be "):
        message = "expected " + message[len("Input should be ") :]
    elif message.startswith("String should "):
        message = "expected a text that should " + message[len("String should ") :]
    value = error.get("input")
    if isinstance(value, str | int | float | bool):
        message += f", got {value!r}"
    elif value is not None and not isinstance(value, Mapping):
        message += f", got a {type(value).__name__}"
    return message


MAX_MORE_PROBLEMS = 20
"""Problems listed after the first one, one line each."""


def validation_error(
    exc: ValidationError, path: Path, data: Mapping[str, Any], what: str = "rule file"
) -> RulesError:
    """Every problem of a file, so that it can be fixed in one go: the usual one-line error
    (``FILE: N problems: the first``), then one line per further problem (``FILE: field:
    problem``), at most MAX_MORE_PROBLEMS, as the error's details."""
    named = f"{what} {str(path)!r}: "
    lines = []
    for error in exc.errors():
        where = _location(tuple(error["loc"]), data)
        lines.append((f"{where}: " if where else "") + _describe(error))
    if len(lines) == 1:
        return RulesError(named + lines[0])
    failure = RulesError(f"{named}{len(lines)} problems: {lines[0]}")
    failure.details = tuple(named + line for line in lines[1 : 1 + MAX_MORE_PROBLEMS])
    return failure


def validate_rule_set_data(data: Mapping[str, Any], path: Path) -> RuleSetModel:
    try:
        return RuleSetModel.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, path, data) from None
    except RecursionError:
        raise RulesError(f"rule file {str(path)!r} is nested too deeply") from None


def content_digest(model: RuleSetModel) -> str:
    """A hash of a rule set's parsed content: the same for the same rules wherever the file
    is and however it is laid out, another one when anything in it changes."""
    import hashlib
    import json

    canonical = json.dumps(
        model.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:20]


def load_rule_file(path: Path) -> RuleSet:
    """A user's rule file: read, validated, then built into the same frozen records, marked as
    the user's (``digest``). Its id may be a shipped rule set's only when its rules are that
    rule set's: a user's file never passes for a shipped one with other rules."""
    from penetapan_cli.sources.rulesets import load_rule_set, shipped_rule_sets

    data = read_toml(path)
    model = validate_rule_set_data(data, path)
    rule_set = build_rule_set(data, path)
    if rule_set.id in shipped_rule_sets():
        shipped = load_rule_set(rule_set.id)
        if rule_set._replace(path=None) != shipped._replace(path=None):
            raise RulesError(
                f"rule file {str(path)!r}: id {rule_set.id!r} is the id of a shipped rule set, "
                "but the rules differ from it; give the rule set an id of its own"
            )
    return rule_set._replace(digest=content_digest(model))


def validate_limits_file(path: Path) -> LimitsModel:
    data = read_toml(path)
    try:
        model = LimitsModel.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, path, data, "limits file") from None
    build_limits(data)
    return model
