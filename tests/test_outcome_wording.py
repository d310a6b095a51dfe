"""The MK's own amar wording is read as its outcome (GLOSARIUM.md, "The MK's decisions"), and
"did you mean" suggests only a close name: never, from a far-off text, an outcome under another
rule or trigger (PKPU 18/2024 Pasal 57 ayat (1): huruf a counts from the BRPK letter, huruf b
from the decision)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app
from penetapan_cli.core.errors import OutcomeError
from penetapan_cli.core.outcomes import _LOOKUP, Outcome, parse_outcome
from penetapan_cli.messages import error_text


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("tidak berwenang", Outcome.NOT_COMPETENT),
        ("Mahkamah tidak berwenang", Outcome.NOT_COMPETENT),
        ("tidak berwenang mengadili", Outcome.NOT_COMPETENT),
        ("menolak", Outcome.REJECTED),
        ("Menolak untuk seluruhnya", Outcome.REJECTED),
        ("ditolak untuk seluruhnya", Outcome.REJECTED),
        ("dicabut", Outcome.WITHDRAWN),
        ("penarikan kembali", Outcome.WITHDRAWN),
    ],
)
def test_the_mk_wording_is_read(text: str, outcome: Outcome) -> None:
    assert parse_outcome(text) is outcome


@pytest.mark.parametrize("lang", ["en", "id"])
def test_tidak_berwenang_counts_under_huruf_b(lang: str) -> None:
    # Ketetapan read out Mon 24 Feb 2025: huruf b, 3 calendar days -> Thu 27 Feb 2025.
    result = CliRunner(env={"PENETAPAN_LANG": lang}).invoke(
        app, ["deadline", "tidak berwenang", "2025-02-24", "--format", "date"]
    )
    assert result.exit_code == 0
    assert result.stdout == "2025-02-27\n"


def _hint(text: str) -> str:
    with pytest.raises(OutcomeError) as caught:
        parse_outcome(text)
    return error_text(caught.value, "en")


@pytest.mark.parametrize(
    ("typo", "name"),
    [("dismisal", "dismissal"), ("ditolk", "ditolak"), ("rejectd", "rejected"),
     ("dikabulkn", "dikabulkan")],
)  # fmt: skip
def test_typos_still_get_a_suggestion(typo: str, name: str) -> None:
    assert f"did you mean '{name}'" in _hint(typo)


@pytest.mark.parametrize("text", ["tidak sah", "tidak-ada", "batal", "permohonan kabur"])
def test_far_off_texts_get_no_suggestion(text: str) -> None:
    assert "did you mean" not in _hint(text)


def _typos(name: str) -> list[str]:
    """Each one-letter deletion and each swap of two neighbouring letters of ``name``."""
    deleted = [name[:i] + name[i + 1 :] for i in range(len(name))]
    swapped = [name[:i] + name[i + 1] + name[i] + name[i + 2 :] for i in range(len(name) - 1)]
    return [t for t in deleted + swapped if t.strip("-") and t not in _LOOKUP]


def test_a_suggestion_never_crosses_to_another_outcome() -> None:
    suggested = 0
    for name, outcome in _LOOKUP.items():
        for typo in _typos(name):
            hint = _hint(typo) if typo.replace("-", "") else ""
            if "did you mean '" not in hint:
                continue
            suggested += 1
            target = hint.split("did you mean '", 1)[1].split("'", 1)[0]
            assert _LOOKUP[target] is outcome, (typo, name, target)
    assert suggested > 200
