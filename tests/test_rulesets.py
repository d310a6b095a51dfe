"""Rule sets as cited data: every shipped file validates, a user's broken file is reported on one
line with the file, the field and what was expected."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from penetapan_cli.core.errors import RulesError
from penetapan_cli.core.outcomes import FOLLOW_UP_OUTCOMES, Outcome
from penetapan_cli.core.rules import DEFAULT_RULE_SET, Unit, build_rule_set
from penetapan_cli.messages import error_text
from penetapan_cli.sources.rulefile import (
    RuleSetModel,
    validate_limits_file,
    validate_rule_set_data,
)
from penetapan_cli.sources.rulesets import (
    LIMITS_FILE,
    RULESETS_DIR,
    is_rule_file_path,
    load_limits,
    load_rule_set,
    read_toml,
    resolve_rule_set,
    shipped_rule_sets,
)

SHIPPED = ["pkpu-18-2024", "pkpu-19-2020", "pkpu-2-2024-annex"]
DEFAULT_TEXT = (RULESETS_DIR / f"{DEFAULT_RULE_SET}.toml").read_text(encoding="utf-8")


def test_the_three_rule_sets_are_shipped() -> None:
    assert shipped_rule_sets() == sorted(SHIPPED)


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_rule_set_validates_and_loads_the_same_without_pydantic(name: str) -> None:
    path = RULESETS_DIR / f"{name}.toml"
    data = read_toml(path)
    model = validate_rule_set_data(data, path)
    assert isinstance(model, RuleSetModel)
    loaded = load_rule_set(name)
    built = build_rule_set(data, path)
    assert loaded._replace(path=None) == built._replace(path=None)
    assert str(loaded.path) == str(path)  # a str on the fast path, a Path here: the same file
    assert loaded.id == name
    for outcome in Outcome:
        rule = loaded.rule_for(outcome)
        assert (rule.days is None) == (outcome in FOLLOW_UP_OUTCOMES)
        assert rule.citation.text
        assert rule.citation.source
        assert rule.trigger["id"]
        assert rule.trigger["en"]


def test_pkpu_19_2020_quotes_pasal_54() -> None:
    rule_set = load_rule_set("pkpu-19-2020")
    assert rule_set.status == "superseded"
    no_petition = rule_set.rule_for(Outcome.NO_PETITION)
    decision = rule_set.rule_for(Outcome.DISMISSED)
    # PKPU 19/2020 Pasal 54 ayat (5) and (6) (pasal.id): 3 days, calendar, "setelah".
    assert no_petition.citation.article == "Pasal 54 ayat (5)"
    assert "registrasi perkara" in no_petition.citation.text
    assert decision.citation.article == "Pasal 54 ayat (6)"
    assert "salinan putusan Mahkamah Konstitusi diterima" in decision.citation.text
    assert (no_petition.days, decision.days) == (3, 3)
    assert no_petition.unit is Unit.CALENDAR


def test_annex_reading_is_marked_reported_and_unverified() -> None:
    rule_set = load_rule_set("pkpu-2-2024-annex")
    assert rule_set.status == "reported-unverified"
    decision = rule_set.rule_for(Outcome.DISMISSED)
    assert decision.days == 5
    assert decision.citation.text == (
        "paling lama 5 hari setelah salinan penetapan, putusan dismissal, atau putusan "
        "Mahkamah Konstitusi diterima KPU"
    )
    for outcome in Outcome:
        rule = rule_set.rule_for(outcome)
        if rule.days is not None:
            texts = rule.notices_for(outcome)
            assert any("unverified" in t["en"] for t in texts)
            assert any("belum terverifikasi" in t["id"] for t in texts)
            source = rule.citation.source["en"]
            assert "olemah.com" in source or "sumeks" in source


def test_limits_file_validates_and_cites_the_law() -> None:
    validate_limits_file(LIMITS_FILE)
    limits = load_limits()
    assert limits["petition"].citation.article == "Pasal 157 ayat (5)"
    assert (limits["petition"].days, limits["petition"].unit) == (3, Unit.WORKING)
    assert "105/PUU-XIII/2015" in limits["mk-decision"].citation.article
    assert (limits["mk-decision"].days, limits["mk-decision"].unit) == (45, Unit.WORKING)
    assert limits["order"].days is None


def test_shipped_name_loads_without_pydantic() -> None:
    code = (
        "import sys; from penetapan_cli.sources.rulesets import resolve_rule_set; "
        "resolve_rule_set('pkpu-19-2020'); print('pydantic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("pkpu-18-2024", False),
        ("rules/my.toml", True),
        ("my.toml", True),
        ("C:\\rules\\x", True),
    ],
)
def test_is_rule_file_path(name: str, expected: bool) -> None:
    assert is_rule_file_path(name) is expected


def test_load_rule_set_refuses_a_path() -> None:
    with pytest.raises(RulesError) as raised:
        load_rule_set("x/y.toml")
    assert re.search("loaded with validation", error_text(raised.value, "en"))


def test_resolve_default_and_unknown() -> None:
    assert resolve_rule_set(None).id == DEFAULT_RULE_SET
    with pytest.raises(RulesError) as raised:
        resolve_rule_set("pkpu-99")
    assert re.search("unknown rule set 'pkpu-99'", error_text(raised.value, "en"))
    with pytest.raises(RulesError) as raised:
        resolve_rule_set("  ")
    assert re.search("empty --rules", error_text(raised.value, "en"))


def test_valid_user_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        DEFAULT_TEXT.replace('id = "pkpu-18-2024"', 'id = "my-draft"').replace(
            'status = "in-force"', 'status = "draft"'
        ),
        encoding="utf-8",
    )
    rule_set = resolve_rule_set(str(path))
    assert (rule_set.id, rule_set.status, rule_set.path) == ("my-draft", "draft", path)


def _nth_rule_drop(text: str, n: int, prefix: str) -> str:
    out, index = [], -1
    for line in text.splitlines():
        if line.startswith("[[rules]]"):
            index += 1
        if index == n and line.startswith(prefix):
            continue
        out.append(line)
    return "\n".join(out) + "\n"


FOLLOW_UP_LIST = 'outcomes = ["revote", "recount", "recapitulation"]'
BROKEN = [
    (
        "negative days",
        DEFAULT_TEXT.replace("days = 3", "days = -3", 1),
        "rules[0].days (rule '57-1-a'): expected a whole number of days from 1 to 3660, got -3",
    ),
    (
        "zero days",
        DEFAULT_TEXT.replace("days = 3", "days = 0", 1),
        "rules[0].days (rule '57-1-a'): expected a whole number of days from 1 to 3660, got 0",
    ),
    (
        "days as text",
        DEFAULT_TEXT.replace("days = 3", 'days = "3"', 1),
        "rules[0].days (rule '57-1-a'): expected a whole number of days from 1 to 3660, got '3'",
    ),
    (
        "unknown unit",
        DEFAULT_TEXT.replace('unit = "calendar"', 'unit = "weeks"', 1),
        "rules[0].unit (rule '57-1-a'): expected 'calendar' or 'working', got 'weeks'",
    ),
    (
        "unknown outcome",
        DEFAULT_TEXT.replace('"granted", "correction"]', '"granted", "correction", "approved"]', 1),
        "rules[1].outcomes[7] (rule '57-1-b'): expected an outcome id (no-petition, dismissed, "
        "withdrawn, lapsed, not-competent, rejected, granted, revote, recount, "
        "recapitulation, correction), got 'approved'",
    ),
    (
        "missing citation",
        _nth_rule_drop(DEFAULT_TEXT, 1, "citation."),
        "rules[1].citation (rule '57-1-b'): required field is missing",
    ),
    (
        "bad quote kind",
        DEFAULT_TEXT.replace('citation.quote = "verbatim"', 'citation.quote = "exact"', 1),
        "rules[0].citation.quote (rule '57-1-a'): expected 'verbatim' or 'paraphrase', got 'exact'",
    ),
    (
        "misspelt field",
        DEFAULT_TEXT.replace('count_from = "after"', 'cuont_from = "after"', 1),
        "rules[0].cuont_from (rule '57-1-a'): unknown field (check the spelling; see "
        "'penetapan rules show pkpu-18-2024')",
    ),
    (
        "outcomes missing",
        DEFAULT_TEXT.replace(FOLLOW_UP_LIST, 'outcomes = ["revote"]'),
        "rules: every outcome needs exactly one rule; not covered by any rule: recount, "
        "recapitulation",
    ),
    (
        "outcome twice",
        DEFAULT_TEXT.replace('outcomes = ["no-petition"]', 'outcomes = ["no-petition", "lapsed"]'),
        "rules: every outcome needs exactly one rule; covered more than once: lapsed "
        "(rules[0], rules[1])",
    ),
    (
        "alias instead of an id",
        DEFAULT_TEXT.replace('outcomes = ["no-petition"]', 'outcomes = ["no-petition", "psu"]'),
        "rules[0].outcomes[1] (rule '57-1-a'): expected an outcome id (no-petition, dismissed, "
        "withdrawn, lapsed, not-competent, rejected, granted, revote, recount, "
        "recapitulation, correction), got 'psu'",
    ),
    (
        "revote given a deadline",
        DEFAULT_TEXT.replace(
            'outcomes = ["no-petition"]', 'outcomes = ["no-petition", "revote"]'
        ).replace(FOLLOW_UP_LIST, 'outcomes = ["recount", "recapitulation"]'),
        "rules[0] (rule '57-1-a'): outcomes revote order a new cycle and get no deadline: put "
        "them in a rule without days and with a follow_up text",
    ),
    (
        "deadline rule without days",
        _nth_rule_drop(DEFAULT_TEXT, 1, "days ="),
        "rules[1] (rule '57-1-b'): days is missing: outcomes dismissed, withdrawn, lapsed, "
        "not-competent, rejected, granted, correction need a deadline (only revote, recount, "
        "recapitulation may have none)",
    ),
    (
        "bad status",
        DEFAULT_TEXT.replace('status = "in-force"', 'status = "valid"'),
        "status: expected 'in-force', 'superseded', 'reported-unverified' or 'draft', got 'valid'",
    ),
    (
        "two problems",
        DEFAULT_TEXT.replace("days = 3", "days = -3"),
        "2 problems: rules[0].days (rule '57-1-a'): expected a whole number of days from 1 to "
        "3660, got -3",
    ),
]


@pytest.mark.parametrize(("label", "text", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_user_file_names_file_field_and_expectation(
    tmp_path: Path, label: str, text: str, message: str
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        resolve_rule_set(str(path))
    assert error_text(caught.value, "en") == f"rule file {str(path)!r}: {message}"
    assert "\n" not in error_text(caught.value, "en")


def test_user_file_not_toml_or_missing(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("id = \n", encoding="utf-8")
    with pytest.raises(RulesError) as raised:
        resolve_rule_set(str(path))
    assert re.search(r"is not valid TOML", error_text(raised.value, "en"))
    with pytest.raises(RulesError) as raised:
        resolve_rule_set(str(tmp_path / "none.toml"))
    assert re.search(r"not found", error_text(raised.value, "en"))
