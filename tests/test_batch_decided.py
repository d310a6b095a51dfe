"""The batch's optional decided_on column: each row counted as `penetapan deadline --decided`.

Expected dates come from PKPU 18/2024 Pasal 57 ayat (1) huruf b (docs/legal-basis.md: 3
calendar days after the MK decision, the last day not moved): read out Monday 24 February 2025,
the safe deadline is Thursday 27 February 2025; from the notification of Tuesday 25 February it
would be Friday 28 February. The differential test takes its expectations from `deadline`'s
own report, not from hard-coded values.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random

import pytest
from typer.testing import CliRunner

from penetapan_cli import settings
from penetapan_cli.cli import app
from penetapan_cli.commands.deadline import build_deadline_report
from penetapan_cli.core.calendar import WorkCalendar
from penetapan_cli.core.errors import PenetapanError
from penetapan_cli.messages import error_text
from penetapan_cli.options import OPTION_NAMES
from penetapan_cli.sources.holidays import holidays_package_year

BINJAI = (
    "Daerah;Putusan;Tanggal Pengucapan;Tanggal Pemberitahuan;Tanggal Penetapan Paslon\n"
    "Kota Binjai;ditolak;24 Pebruari 2025;25 Pebruari 2025;28 Pebruari 2025\n"
)


def _batch(text: str, lang: str = "en", as_of: str = "2025-06-01") -> tuple[int, list[dict], str]:
    result = CliRunner(env={"PENETAPAN_LANG": lang}).invoke(
        app, ["batch", "-", "--as-of", as_of], input=text.encode("utf-8")
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline=""), delimiter=";"))
    return result.exit_code, rows, result.stderr


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_reading_date_makes_the_audit_agree_with_deadline(lang: str) -> None:
    code, rows, stderr = _batch(BINJAI, lang)
    assert code == 0
    (row,) = rows
    # Read out 24 Feb 2025 + 3 calendar days = 27 Feb; declared 28 Feb: late by one day.
    assert (row["trigger_date"], row["deadline"]) == ("2025-02-24", "2025-02-27")
    assert (row["compliance"], row["days_late"]) == ("late", "1")
    assert "--decided" not in stderr  # batch has no such option
    assert "decided_on" in stderr


@pytest.mark.parametrize("header", ["decided", "Tanggal Putusan Diucapkan", "tanggal-pembacaan"])
def test_aliases_of_the_column(header: str) -> None:
    text = f"outcome,notified_on,{header}\nrejected,2025-02-25,2025-02-24\n"
    _, rows, _ = _batch(text.replace(",", ";"))
    assert rows[0]["deadline"] == "2025-02-27"  # from the reading: 24 Feb + 3


def test_without_the_column_the_notice_names_the_column_not_an_option() -> None:
    _, rows, stderr = _batch("outcome;notified_on\nrejected;2025-02-25\n")
    assert rows[0]["deadline"] == "2025-02-28"  # from the notification: 25 Feb + 3
    assert "(decided_on)" in stderr
    assert "--decided" not in stderr


@pytest.mark.parametrize("lang", ["en", "id"])
def test_refusals_are_row_errors(lang: str) -> None:
    text = (
        "outcome;notified_on;decided_on\n"
        "rejected;2025-02-25;2025-02-26\n"  # read after the notification
        "no-petition;2025-02-25;2025-02-24\n"  # huruf a: no decision to read
        "rejected;2025-02-25;kemarin lusa\n"
        "rejected;2025-02-25;\n"  # empty: counted from the notification
    )
    code, rows, _ = _batch(text, lang)
    assert code == 1
    assert [r["status"] for r in rows] == ["error", "error", "error", "ok"]
    assert rows[0]["error"].startswith("decided_on 2025-02-26")
    assert "decided_on" in rows[1]["error"]
    assert "no-petition" in rows[1]["error"]
    assert rows[2]["error"].startswith("decided_on: ")
    assert rows[3]["deadline"] == "2025-02-28"


def test_batch_with_decided_on_gives_what_deadline_decided_gives() -> None:
    rng = random.Random(20250224)
    outcomes = ["rejected", "dismissed", "not-competent", "no-petition", "revote", "withdrawn"]
    rows = []
    for i in range(300):
        notified = dt.date(2024, 12, 1) + dt.timedelta(days=rng.randrange(400))
        decided = notified - dt.timedelta(days=rng.choice([0, 1, 2, 5, 9, -1]))
        declared = notified + dt.timedelta(days=rng.randrange(-3, 12))
        rows.append(
            {
                "region": f"Daerah {i}",
                "outcome": rng.choice(outcomes),
                "notified_on": notified.isoformat(),
                "decided_on": rng.choice([decided.isoformat(), ""]),
                "declared_on": declared.isoformat(),
                "basis": rng.choice(["", "", "working"]),
            }
        )
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    as_of = "2026-06-01"
    result = CliRunner(env={"PENETAPAN_LANG": "en"}).invoke(
        app, ["batch", "-", "--as-of", as_of], input=text.getvalue().encode("utf-8")
    )
    written = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert len(written) == len(rows)
    calendar = WorkCalendar(holidays_package_year)
    patch = pytest.MonkeyPatch()
    patch.setattr(settings, "make_calendar", lambda **kw: calendar)
    statuses = set()
    try:
        for row, out in zip(rows, written, strict=True):
            assert out["region"] == row["region"]
            try:
                report = build_deadline_report(
                    row["outcome"],
                    row["notified_on"],
                    decided=row["decided_on"] or None,
                    declared=row["declared_on"],
                    basis=row["basis"] or None,
                    as_of=as_of,
                    lang="en",
                )
            except PenetapanError as exc:
                names = {**OPTION_NAMES, "decided": "decided_on", "declared": "declared_on"}
                error = error_text(exc, "en", names)
            else:
                error = None
            if error is not None:
                assert out["error"] == error, row
                statuses.add("error")
                continue
            primary = report.comparison.primary
            safe = report.safe_deadline
            verdict = report.verdict
            assert verdict is not None
            want = {
                "trigger_date": primary.trigger_date.isoformat(),
                "deadline": safe.isoformat() if safe else "",
                "status": primary.result.status,
                "compliance": verdict.compliance.value,
                "days_late": "" if verdict.days_late is None else str(verdict.days_late),
            }
            assert {k: out[k] for k in want} == want, row
            statuses.add(verdict.compliance.value)
    finally:
        patch.undo()
    assert {"error", "late", "on-time", "premature", "undetermined"} <= statuses
