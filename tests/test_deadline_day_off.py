"""The card and the JSON say when the deadline falls on a day off; the date is not moved.

Expected dates: PKPU 18/2024 Pasal 57 ayat (1) huruf b, 3 calendar days after the decision,
the last day never moved (docs/legal-basis.md); the days off are those of Keppres/SKB 3 Menteri
2025 on the 2025 holidays and cuti bersama as the `holidays` package lists them: Sat 29 Mar
2025 Hari Suci Nyepi, Mon 31 Mar 2025 Idul Fitri 1446 H, Fri 28 Mar 2025 cuti bersama Nyepi.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app


def _run(lang: str, *args: str) -> str:
    result = CliRunner(env={"PENETAPAN_LANG": lang}).invoke(app, ["deadline", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _deadline_line(text: str, label: str) -> str:
    return next(line.strip() for line in text.splitlines() if line.strip().startswith(label))


@pytest.mark.parametrize(
    ("lang", "label", "notified", "want"),
    [
        # Fri 28 Mar + 3 = Mon 31 Mar 2025, Idul Fitri.
        ("id", "Batas akhir:", "2025-03-28",
         "Batas akhir: Senin, 31 Maret 2025 (hari libur nasional: Hari Raya Idul Fitri)"),
        ("en", "Deadline:", "2025-03-28",
         "Deadline: Monday, 31 March 2025 (public holiday: Eid al-Fitr)"),
        # Wed 26 Mar + 3 = Sat 29 Mar 2025, a Saturday and Nyepi.
        ("id", "Batas akhir:", "2025-03-26",
         "Batas akhir: Sabtu, 29 Maret 2025 (hari Sabtu/Minggu: Sabtu; hari libur nasional: "
         "Hari Suci Nyepi)"),
        # Tue 25 Mar + 3 = Fri 28 Mar 2025, cuti bersama.
        ("id", "Batas akhir:", "2025-03-25",
         "Batas akhir: Jumat, 28 Maret 2025 (cuti bersama: Cuti Bersama Hari Suci Nyepi)"),
        # Mon 24 Feb + 3 = Thu 27 Feb 2025, a working day: nothing added.
        ("id", "Batas akhir:", "2025-02-24", "Batas akhir: Kamis, 27 Februari 2025"),
        ("en", "Deadline:", "2025-02-24", "Deadline: Thursday, 27 February 2025"),
    ],
)  # fmt: skip
def test_the_card_flags_a_deadline_on_a_day_off(
    lang: str, label: str, notified: str, want: str
) -> None:
    out = _run(lang, "ditolak", notified, "--as-of", "2025-02-01")
    assert _deadline_line(out, label) == want


def test_json_names_the_day_off() -> None:
    data = json.loads(_run("id", "ditolak", "2025-03-28", "--format", "json"))
    assert data["schema_version"] == 1
    assert data["deadline"] == "2025-03-31"  # not moved
    assert data["deadline_day_off"] == [
        {"kind": "public-holiday", "name": "Hari Raya Idul Fitri", "estimated": False}
    ]
    data = json.loads(_run("en", "ditolak", "2025-03-25", "--format", "json"))
    assert data["deadline_day_off"][0]["kind"] == "cuti-bersama"
    data = json.loads(_run("en", "ditolak", "2025-02-24", "--format", "json"))
    assert data["deadline_day_off"] is None
    pending = CliRunner(env={"PENETAPAN_LANG": "en"}).invoke(
        app, ["deadline", "psu", "2025-02-24", "--format", "json"]
    )
    assert pending.exit_code == 3  # no deadline yet: nothing to flag
    assert json.loads(pending.stdout)["deadline_day_off"] is None


def test_no_cuti_bersama_means_no_day_off_for_cuti_bersama() -> None:
    data = json.loads(_run("en", "ditolak", "2025-03-25", "--format", "json", "--no-cuti-bersama"))
    assert data["deadline_day_off"] is None
