from __future__ import annotations

import re

import pytest

from penetapan_cli.core.errors import OutcomeError
from penetapan_cli.core.outcomes import ALIASES, Outcome, parse_outcome
from penetapan_cli.messages import error_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dismissed", Outcome.DISMISSED),
        ("Tidak-Dapat-Diterima", Outcome.DISMISSED),
        ("tidak dapat diterima", Outcome.DISMISSED),
        ("PSU", Outcome.REVOTE),
        ("no_petition", Outcome.NO_PETITION),
        ("  ditolak ", Outcome.REJECTED),
        ("rekapitulasi-ulang", Outcome.RECAPITULATION),
    ],
)
def test_parse(text: str, expected: Outcome) -> None:
    assert parse_outcome(text) is expected


def test_every_alias_resolves() -> None:
    for outcome, names in ALIASES.items():
        assert parse_outcome(outcome.value) is outcome
        for name in names:
            assert parse_outcome(name) is outcome


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [("dismised", "'dismissed'"), ("ditolakk", "'ditolak' (rejected)"), ("gugurr", "'gugur'")],
)
def test_near_miss_suggests(text: str, suggestion: str) -> None:
    with pytest.raises(OutcomeError) as info:
        parse_outcome(text)
    message = error_text(info.value, "en")
    assert f"unknown outcome {text!r}" in message
    assert f"did you mean {suggestion}" in message
    assert "no-petition, dismissed" in message


@pytest.mark.parametrize("text", ["", "   ", "banana-split-xyz"])
def test_unknown_lists_valid(text: str) -> None:
    with pytest.raises(OutcomeError) as raised:
        parse_outcome(text)
    assert re.search("expected one of no-petition", error_text(raised.value, "en"))
