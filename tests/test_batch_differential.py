"""`penetapan batch` against `penetapan deadline`, row by row, on 2,000 seeded random rows.

The batch reads each text through its own caches, keeps results per normalised key and counts
working days with an index; `deadline` parses each input with the full parsers and walks the
days one by one (compute_deadline with its trace). Every batch row must carry the deadline,
status, days left, rule and citation that `deadline` gives for the same outcome, date, basis
and cuti bersama setting, or the message `deadline` fails with; and the batch's stderr must
count each warning, notice and next step on exactly the rows whose `deadline` run carries it.

The rows mix every outcome spelling (ids, Indonesian aliases, other cases and separators, a
few misspelled), notification dates over 2015-2030 with a third taken next to a public holiday
or cuti bersama day (from the holiday data itself, so the day walk crosses them), three date
spellings, impossible dates, the working-day basis on about a third of the rows, and
no_cuti_bersama. The expected values are `deadline`'s, not hard-coded: the dates themselves
are checked against the rules and the decrees in tests/test_counting.py and test_deadline.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from typing import Any

import pytest
from typer.testing import CliRunner

from penetapan_cli import settings
from penetapan_cli.batch import compute as computing
from penetapan_cli.batch import read as reading
from penetapan_cli.batch import run as running
from penetapan_cli.batch.columns import _BOOLEANS
from penetapan_cli.cli import app
from penetapan_cli.commands.deadline import build_deadline_report
from penetapan_cli.core.calendar import DayKind, WorkCalendar
from penetapan_cli.core.errors import PenetapanError
from penetapan_cli.core.outcomes import ALIASES, Outcome
from penetapan_cli.messages import error_text, word
from penetapan_cli.options import OPTION_NAMES
from penetapan_cli.sources.holidays import holidays_package_year
from penetapan_cli.sources.rulesets import load_rule_set

ROWS = 2_000
AS_OF = "2025-02-05"
MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")  # fmt: skip
FIRST, LAST = dt.date(2015, 1, 1), dt.date(2030, 12, 31)


def _outcome_texts() -> list[str]:
    texts: list[str] = []
    for outcome in Outcome:
        for name in (outcome.value, *ALIASES[outcome]):
            texts += [name, name.upper(), name.replace("-", " ").title(), name.replace("-", "_")]
    return [*texts, "dismisal", "", "ditolak kembali"]  # unknown: error rows


def _holiday_days() -> list[dt.date]:
    days = []
    for year in range(FIRST.year, LAST.year + 1):
        days += [d.date for d in holidays_package_year(year) if d.kind is not DayKind.CLOSURE]
    return days


def _date_text(rng: random.Random, day: dt.date) -> str:
    form = rng.random()
    if form < 0.6:
        return day.isoformat()
    if form < 0.8:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if form < 0.95:
        return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"
    return f" {day.isoformat()} "  # spaces around: the fast path leaves it to the full parser


def generate(seed: int = 12) -> list[dict[str, str]]:
    rng = random.Random(seed)
    outcomes = _outcome_texts()
    holidays = _holiday_days()
    span = (LAST - FIRST).days + 1
    rows = []
    for i in range(ROWS):
        if rng.random() < 1 / 3:  # next to a holiday: counts and rolls cross it
            day = rng.choice(holidays) + dt.timedelta(days=rng.randint(-3, 2))
        else:
            day = FIRST + dt.timedelta(days=rng.randrange(span))
        date = _date_text(rng, day)
        if rng.random() < 0.02:
            date = rng.choice(["2025-02-30", "31/04/2025", "2101-01-01", "4/2/25", "kemarin"])
        rows.append(
            {
                "region": f"Daerah {i}",
                "outcome": rng.choice(outcomes),
                "notified_on": date,
                "basis": rng.choice(["", "", "working", "calendar", "Working "]),
                "no_cuti_bersama": rng.choice(["", "", "", "ya", "tidak", "1", "true"]),
            }
        )
    return rows


def _csv(rows: list[dict[str, str]]) -> bytes:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode("utf-8")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return generate()


@pytest.fixture(scope="module")
def expected(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """What `penetapan deadline` gives for each row (its report, built in-process)."""
    calendars = {
        cuti: WorkCalendar(holidays_package_year, cuti_bersama_working=cuti)
        for cuti in (False, True)
    }
    patch = pytest.MonkeyPatch()
    # One calendar per cuti setting for the 2,000 runs, built as make_calendar builds it.
    patch.setattr(settings, "make_calendar", lambda **kw: calendars[kw["no_cuti_bersama"]])
    rule_set = load_rule_set()
    answers = []
    try:
        for row in rows:
            basis = row["basis"].strip().lower() or None
            cuti = _BOOLEANS.get(row["no_cuti_bersama"].strip().lower(), False)
            try:
                report = build_deadline_report(
                    row["outcome"],
                    row["notified_on"],
                    basis=basis,
                    no_cuti_bersama=cuti,
                    as_of=AS_OF,
                    lang="en",
                )
            except PenetapanError as exc:
                answers.append({"status": "error", "error": error_text(exc, "en", OPTION_NAMES)})
                continue
            result = report.comparison.primary.result
            assert result.trace or result.deadline is None  # the day-by-day count
            notes = [("warning", word(w, "en")) for w in result.warnings]
            # A batch names its decided_on column where deadline names its --decided option.
            notes += [
                ("notice", n["en"].replace("--decided", "decided_on")) for n in result.notices
            ]
            if result.deadline is None and result.rule.follow_up:
                notes.append(("follow_up", result.rule.follow_up["en"]))
            answers.append(
                {
                    # the date read from notified_on (batch.md, "What was read")
                    "trigger_date": report.notified_on.isoformat(),
                    "deadline": result.deadline.isoformat() if result.deadline else "",
                    "status": result.status,
                    "days_left": "" if result.days_left is None else str(result.days_left),
                    "rule": rule_set.qualified_id(result.rule),
                    "citation": result.rule.citation.short(),
                    "error": "",
                    "notes": notes,
                }
            )
    finally:
        patch.undo()
    return answers


def _check_rows(output: str, rows: list[dict[str, str]], expected: list[dict[str, Any]]) -> None:
    written = list(csv.DictReader(io.StringIO(output, newline="")))
    assert len(written) == len(rows)
    for number, (row, out, want) in enumerate(zip(rows, written, expected, strict=True), 1):
        assert out["region"] == row["region"]  # in order, none lost
        if want["status"] == "error":
            assert (out["status"], out["error"]) == ("error", want["error"]), (number, row)
            continue
        columns = ("trigger_date", "deadline", "status", "days_left", "rule", "citation", "error")
        got = {k: out[k] for k in columns}
        assert got == {k: v for k, v in want.items() if k != "notes"}, (number, row)


def _expected_messages(expected: list[dict[str, Any]]) -> list[tuple[str, str, int, int]]:
    found: dict[tuple[str, str], list[int]] = {}
    for number, want in enumerate(expected, 1):
        for note in want.get("notes", ()):
            found.setdefault(note, [number, 0])[1] += 1
    order = {"warning": 0, "notice": 1, "follow_up": 2}
    messages = [(kind, text, first, n) for (kind, text), (first, n) in found.items()]
    return sorted(messages, key=lambda m: (order[m[0]], m[2]))


def test_the_rows_cover_what_they_claim(expected: list[dict[str, Any]]) -> None:
    statuses = [want["status"] for want in expected]
    assert statuses.count("ok") > 1200
    assert 50 < statuses.count("error") < 200
    assert statuses.count("pending") > 50
    warnings = {n for want in expected for n in want.get("notes", ()) if n[0] == "warning"}
    assert len(warnings) > 3  # years without decreed cuti bersama or with estimated dates


def test_batch_gives_what_deadline_gives(
    rows: list[dict[str, str]], expected: list[dict[str, Any]]
) -> None:
    result = CliRunner(env={"PENETAPAN_LANG": "en"}).invoke(
        app, ["batch", "-", "--as-of", AS_OF], input=_csv(rows)
    )
    assert result.exit_code == 1  # some rows are errors, by design
    _check_rows(result.stdout_bytes.decode("utf-8"), rows, expected)
    assert result.stderr.splitlines()[-1] == (
        f"penetapan batch: rows={ROWS} ok={sum(w['status'] == 'ok' for w in expected)} "
        f"pending={sum(w['status'] == 'pending' for w in expected)} "
        f"errors={sum(w['status'] == 'error' for w in expected)} blank=0"  # no blank rows
    )


@pytest.mark.parametrize(
    "sizes",
    [
        {},  # the defaults
        {"cache_size": 1, "result_cache_size": 1, "text_cache_size": 1},
        {"cache_size": 3, "result_cache_size": 17, "text_cache_size": 5},
    ],
    ids=["default-caches", "caches-of-one", "small-caches"],
)
def test_batch_messages_and_rows_whatever_the_cache_sizes(
    rows: list[dict[str, str]], expected: list[dict[str, Any]], sizes: dict[str, int]
) -> None:
    calculator = computing.Calculator(
        rule_set=load_rule_set(),
        today=dt.date(2025, 2, 5),
        as_of=dt.date(2025, 2, 5),
        year_source=holidays_package_year,
        **sizes,
    )
    out = io.StringIO()
    source = reading.read_csv(io.BytesIO(_csv(rows)), label="t")
    summary = running.run(source, out, "csv", calculator)
    _check_rows(out.getvalue(), rows, expected)
    got = [(m.kind, m.text["en"], m.first_row, m.rows) for m in summary.messages]
    assert got == _expected_messages(expected)
    errors: dict[str, list[int]] = {}
    for number, want in enumerate(expected, 1):
        if want["status"] == "error":
            errors.setdefault(want["error"], [number, 0])[1] += 1
    assert {k: list(v) for k, v in summary.error_messages.items()} == errors
    assert list(summary.error_messages) == list(errors)  # in order of first row
