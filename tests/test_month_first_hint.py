"""A numeric date that is impossible day first but real month first says so, and names
--date-order; a batch whose dates only make sense month first warns once. No date that is read
today is read differently (the day-first rule of docs/commands.md stands)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app
from penetapan_cli.core.dates import parse_date
from penetapan_cli.core.errors import DateInputError
from penetapan_cli.messages import error_text
from penetapan_cli.options import OPTION_NAMES


@pytest.mark.parametrize(
    ("text", "order", "other", "iso"),
    [
        ("2/24/2025", "dmy", "mdy", "2025-02-24"),
        ("12.31.2025", "dmy", "mdy", "2025-12-31"),
        ("24/2/2025", "mdy", "dmy", "2025-02-24"),
    ],
)
def test_the_other_reading_is_named_not_used(text: str, order: str, other: str, iso: str) -> None:
    with pytest.raises(DateInputError) as caught:
        parse_date(text, order=order)
    assert caught.value.other_order == other
    en = error_text(caught.value, "en", OPTION_NAMES)
    id_ = error_text(caught.value, "id", OPTION_NAMES)
    assert en.startswith(f"invalid date {text!r}: month ")
    assert f"it is {iso}" in en
    assert en.endswith(f"use --date-order {other}")
    assert f"tanggal ini adalah {iso}" in id_
    assert id_.endswith(f"gunakan --date-order {other}")


@pytest.mark.parametrize("text", ["2/30/2025", "13/13/2025", "31/04/2025", "0/5/2025"])
def test_no_hint_when_neither_reading_is_a_date(text: str) -> None:
    with pytest.raises(DateInputError) as caught:
        parse_date(text)
    assert caught.value.other_order is None
    assert "--date-order" not in error_text(caught.value, "en", OPTION_NAMES)


def test_dates_read_today_are_read_the_same() -> None:
    assert parse_date("2/4/2025") == dt.date(2025, 4, 2)  # day first, as before
    assert parse_date("2/4/2025", order="mdy") == dt.date(2025, 2, 4)


@pytest.mark.parametrize(("lang", "words"), [("en", "use --date-order mdy"),
                                             ("id", "gunakan --date-order mdy")])  # fmt: skip
def test_deadline_names_the_option(lang: str, words: str) -> None:
    result = CliRunner(env={"PENETAPAN_LANG": lang}).invoke(
        app, ["deadline", "ditolak", "2/24/2025"]
    )
    assert result.exit_code == 2
    assert "2025-02-24" in result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr


US_EXPORT = (
    "daerah;putusan;tanggal\n"
    "Kota Medan;tidak dapat diterima;2/4/2025\n"  # read day first: 2 April, as today
    "Kab A;ditolak;2/24/2025\n"  # month first only
    "Kab B;ditolak;2025-02-04\n"
    "Kab C;ditolak;3/25/2025\n"  # month first only
)


@pytest.mark.parametrize(
    ("lang", "label", "words"),
    [
        ("en", "warning (2 rows from row 2): this file looks month-first", "--date-order mdy"),
        ("id", "peringatan (2 baris, mulai baris 2): berkas ini tampaknya", "--date-order mdy"),
    ],
)
def test_batch_warns_once_that_the_file_looks_month_first(
    lang: str, label: str, words: str
) -> None:
    result = CliRunner(env={"PENETAPAN_LANG": lang}).invoke(
        app, ["batch", "-", "--as-of", "2025-02-05"], input=US_EXPORT.encode("utf-8")
    )
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline=""), delimiter=";"))
    assert [r["trigger_date"] for r in rows] == ["2025-04-02", "", "2025-02-04", ""]
    assert [r["status"] for r in rows] == ["ok", "error", "ok", "error"]
    assert "--date-order mdy" in rows[1]["error"]
    lines = result.stderr.splitlines()
    warnings = [line for line in lines if line.startswith(label.split(" (")[0] + " (")]
    assert len(warnings) == 1
    assert warnings[0].startswith(label)
    assert words in warnings[0]
    assert "trigger_date" in warnings[0]


def test_batch_read_month_first_has_no_warning() -> None:
    result = CliRunner(env={"PENETAPAN_LANG": "en"}).invoke(
        app,
        ["batch", "-", "--as-of", "2025-02-05", "--date-order", "mdy"],
        input=US_EXPORT.encode("utf-8"),
    )
    assert result.exit_code == 0
    assert "M/D/YYYY" not in result.stderr
