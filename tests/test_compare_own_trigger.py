"""--compare: a rule set whose rule counts from another event than the one given says so.

PKPU 19/2020 Pasal 54 ayat (5) counts from the MK's BRPK registration, ayat (6) from the receipt
of the copy of the decision; PKPU 18/2024 Pasal 57 ayat (1) huruf a from the MK's letter, huruf
b from the decision notified (docs/legal-basis.md). The dates themselves are checked in
tests/test_compare.py; here, that the officer sees the difference."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app


def _run(lang: str, *args: str) -> str:
    result = CliRunner(env={"PENETAPAN_LANG": lang}).invoke(
        app, ["deadline", *args, "--compare", "--as-of", "2025-01-07"]
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    ("lang", "own", "notice"),
    [
        ("en", "Legal notice: Rule pkpu-19-2020/54-5 counts from its own event (the MK registers",
         "Legal notice (pkpu-19-2020/54-5): The 2020 rule counts from the MK's registration"),
        ("id", "Catatan hukum: Aturan pkpu-19-2020/54-5 dihitung dari peristiwanya sendiri "
         "(Mahkamah Konstitusi melakukan registrasi",
         "Catatan hukum (pkpu-19-2020/54-5): Aturan 2020 menghitung dari registrasi perkara"),
    ],
)  # fmt: skip
def test_the_card_names_the_rule_s_own_event(lang: str, own: str, notice: str) -> None:
    lines = [line.strip() for line in _run(lang, "no-petition", "2025-01-06").splitlines()]
    assert any(line.startswith(own) for line in lines)
    assert any(line.startswith(notice) for line in lines)


def test_json_marks_each_entry() -> None:
    data = json.loads(_run("en", "no-petition", "2025-01-06", "--format", "json"))
    by_rule = {e["rule"]: e for e in data["comparison"]}
    assert by_rule["pkpu-18-2024/57-1-a"]["own_trigger"] is False
    assert by_rule["pkpu-19-2020/54-5"]["own_trigger"] is True
    assert by_rule["pkpu-19-2020/54-5"]["trigger"].startswith("the MK registers")
    assert any("BRPK" in n for n in by_rule["pkpu-19-2020/54-5"]["notices"])
    assert data["comparison"][0]["notices"] == data["notices"]


def test_the_same_event_adds_nothing() -> None:
    # --decided alone compares two triggers under one rule: no rule counts from another event.
    result = CliRunner(env={"PENETAPAN_LANG": "en"}).invoke(
        app, ["deadline", "rejected", "2025-02-25", "--decided", "2025-02-24"]
    )
    assert result.exit_code == 0
    assert "By trigger" in result.stdout or "counted from" in result.stdout.lower()
    assert "counts from its own event" not in result.stdout
