from __future__ import annotations

import pytest

from penetapan_cli.rules import RuleSet, load_rule_set
from penetapan_cli.workcal import WorkCalendar


@pytest.fixture(scope="session")
def rule_set() -> RuleSet:
    return load_rule_set()


@pytest.fixture(scope="session")
def calendar() -> WorkCalendar:
    """Indonesia's calendar from the holidays package, cuti bersama as non-working days."""
    return WorkCalendar()


@pytest.fixture(scope="session")
def calendar_no_cuti() -> WorkCalendar:
    return WorkCalendar(cuti_bersama_working=True)


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """CLI tests must not depend on the developer's language or terminal."""
    for var in ("PENETAPAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
