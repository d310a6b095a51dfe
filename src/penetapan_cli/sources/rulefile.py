"""The rule-file schema, validated with pydantic: a user's ``--rules FILE`` and, in the tests, every
shipped file.

An edge module: the CLI imports it only when a rule set is given as a path, so a one-off check
with a shipped rule set never pays for pydantic. A mistake is reported on one line with the
file, the field (``rules[1].days``: indexes count from 0, in the order of the ``[[rules]]``
tables) and what was expected. Every problem is a Message of the catalogue, worded in the
language of the error; pydantic's own kinds of error are mapped to keys by their type (a kind
not mapped keeps pydantic's English words).
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
from penetapan_cli.core.errors import Message, RulesError
from penetapan_cli.core.outcomes import FOLLOW_UP_OUTCOMES, Outcome
from penetapan_cli.core.rules import RuleSet, build_limits, build_rule_set
from penetapan_cli.sources.rulesets import read_toml

_OUTCOME_IDS = tuple(o.value for o in Outcome)
_FOLLOW_UP_IDS = tuple(o.value for o in Outcome if o in FOLLOW_UP_OUTCOMES)
_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"


def _outcome(value: object) -> object:
    if isinstance(value, str) and value not in _OUTCOME_IDS:
        raise ValueError(Message("rulefile.outcome", ids=", ".join(_OUTCOME_IDS), value=value))
    return value


def _days(value: object) -> object:
    if value is None:
        return value
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DAYS:
        raise ValueError(Message("rulefile.days", most=MAX_DAYS, value=value))
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
                raise ValueError(Message("rulefile.ordered_days", outcomes=", ".join(ordered)))
            if self.follow_up is not None:
                raise ValueError(Message("rulefile.follow_up_only"))
        else:
            if len(ordered) != len(self.outcomes):
                others = [o for o in self.outcomes if o not in _FOLLOW_UP_IDS]
                raise ValueError(
                    Message(
                        "rulefile.days_missing",
                        outcomes=", ".join(others),
                        ordered=", ".join(_FOLLOW_UP_IDS),
                    )
                )
            if self.follow_up is None:
                raise ValueError(Message("rulefile.follow_up_missing"))
        for notice in self.notices:
            stray = [o for o in notice.outcomes if o not in self.outcomes]
            if stray:
                raise ValueError(Message("rulefile.notice_stray", outcomes=str(stray)))
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
            raise ValueError(Message("rulefile.ids_repeated", ids=", ".join(twice)))
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
            problems.append(Message("rulefile.not_covered", outcomes=", ".join(missing)))
        if repeated:
            problems.append(Message("rulefile.covered_twice", outcomes="; ".join(repeated)))
        if problems:
            both = (
                problems[0]
                if len(problems) == 1
                else Message("rulefile.then", first=problems[0], then=problems[1])
            )
            raise ValueError(Message("rulefile.exactly_one", problems=both))
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
            raise ValueError(Message("limits.ids_repeated"))
        for needed in ("petition", "mk-decision", "order"):
            if needed not in by_id:
                raise ValueError(Message("limits.missing", limit=needed))
        for fixed in ("petition", "mk-decision"):
            if by_id[fixed].days is None:
                raise ValueError(Message("limits.needs_days", limit=fixed))
        if by_id["order"].days is not None:
            raise ValueError(Message("limits.order_days"))
        return self


def _location(loc: tuple[int | str, ...], data: Mapping[str, Any]) -> str | Message:
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
                return Message("rulefile.in_rule", where=text, rule=rule_id)
    return text


def _choices(expected: str) -> str | Message:
    """pydantic's list of literals ("'a', 'b' or 'c'") in the words of each language."""
    items = re.findall(r"'[^']*'", expected)
    if len(items) < 2 or ", ".join(items[:-1]) + " or " + items[-1] != expected:
        return expected
    return Message("rulefile.or", items=", ".join(items[:-1]), last=items[-1])


def _expected(kind: str, ctx: Mapping[str, Any], message: str) -> Message:
    """What pydantic expected, by the type of its error; a type not mapped keeps its words."""
    plural = "" if ctx.get("min_length") == 1 else "s"
    if kind == "literal_error":
        return Message("rulefile.expected", what=_choices(str(ctx.get("expected", ""))))
    if kind in ("model_type", "dict_type") and "class_name" in ctx:
        return Message("rulefile.table", name=ctx["class_name"])
    if kind in ("string_type", "list_type", "int_type", "bool_type", "float_type"):
        return Message(f"rulefile.{kind}")
    if kind == "string_pattern_mismatch":
        return Message("rulefile.pattern", pattern=ctx.get("pattern", ""))
    if kind == "string_too_short":
        return Message("rulefile.too_short_text", n=ctx.get("min_length", 1), s=plural)
    if kind == "too_short" and ctx.get("field_type") == "List":
        return Message(
            "rulefile.too_short_list",
            n=ctx.get("min_length", 1),
            actual=ctx.get("actual_length", 0),
            s=plural,
        )
    if message.startswith("Input should be "):
        message = "expected " + message[len("Input should be ") :]
    elif message.startswith("String should "):
        message = "expected a text that should " + message[len("String should ") :]
    return Message("rulefile.as_given", text=message)


_KINDS = ("list", "date", "datetime", "time")
"""The values of TOML that are neither text, number nor table, named by the catalogue."""


def _describe(error: Mapping[str, Any]) -> Message:
    kind = error["type"]
    if kind == "missing":
        return Message("rulefile.missing")
    if kind == "extra_forbidden":
        return Message("rulefile.unknown_field")
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        cause = ctx.get("error")
        if cause is not None and cause.args and isinstance(cause.args[0], Message):
            return cause.args[0]
        return Message("rulefile.as_given", text=str(error["msg"]).removeprefix("Value error, "))
    expected = _expected(kind, ctx, str(error["msg"]))
    value = error.get("input")
    if isinstance(value, str | int | float | bool):
        return Message("rulefile.got", expected=expected, value=value)
    if value is not None and not isinstance(value, Mapping):
        kind = type(value).__name__  # a TOML array, date, datetime or time
        shown = Message(f"rulefile.kind.{kind}") if kind in _KINDS else kind
        return Message("rulefile.got_a", expected=expected, kind=shown)
    return expected


MAX_MORE_PROBLEMS = 20
"""Problems listed after the first one, one line each."""


def validation_error(
    exc: ValidationError, path: Path, data: Mapping[str, Any], what: str = "file.rule"
) -> RulesError:
    """Every problem of a file, so that it can be fixed in one go: the usual one-line error
    (``FILE: N problems: the first``), then one line per further problem (``FILE: field:
    problem``), at most MAX_MORE_PROBLEMS, as the error's details. ``what`` names the file
    by key (file.rule, file.limits)."""
    named = {"what": Message(what), "path": str(path)}
    lines: list[Message] = []
    for error in exc.errors():
        where = _location(tuple(error["loc"]), data)
        problem = _describe(error)
        lines.append(Message("rulefile.at", where=where, problem=problem) if where else problem)
    if len(lines) == 1:
        return RulesError("rulefile.problem", **named, problem=lines[0])
    failure = RulesError("rulefile.problems", **named, n=len(lines), problem=lines[0])
    failure.details = tuple(
        Message("rulefile.problem", **named, problem=line)
        for line in lines[1 : 1 + MAX_MORE_PROBLEMS]
    )
    return failure


def validate_rule_set_data(data: Mapping[str, Any], path: Path) -> RuleSetModel:
    try:
        return RuleSetModel.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, path, data) from None
    except RecursionError:
        raise RulesError("rules.nested", path=str(path)) from None


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
            raise RulesError("rulefile.shipped_id", path=str(path), id=rule_set.id)
    return rule_set._replace(digest=content_digest(model))


def validate_limits_file(path: Path) -> LimitsModel:
    data = read_toml(path)
    try:
        model = LimitsModel.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, path, data, "file.limits") from None
    build_limits(data)
    return model
