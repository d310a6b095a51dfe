"""Batch stderr names each distinct error once, with its rows and first row, before the
summary line, which stays as it was. Row numbers count data rows from 1, as the notices do."""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app

FILE = (
    "daerah;putusan;tanggal\n"
    "A;ditolak;2025-02-04\n"
    "B;ditolak;30/02/2025\n"  # row 2: no 30 February
    "C;dismisal;2025-02-04\n"  # row 3: unknown outcome
    "\n"  # row 4: blank, not an error
    "D;ditolak;30/02/2025\n"  # row 5: the same error as row 2
)


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("en", "error (2 rows from row 2): invalid date '30/02/2025': February 2025 has 28 days",
         "error (1 row from row 3): unknown outcome 'dismisal'"),
        ("id", "kesalahan (2 baris, mulai baris 2): tanggal tidak valid '30/02/2025': Februari "
         "2025 hanya 28 hari", "kesalahan (1 baris, mulai baris 3): amar putusan tidak dikenal "
         "'dismisal'"),
    ],
)  # fmt: skip
def test_each_distinct_error_once_before_the_summary(lang: str, first: str, second: str) -> None:
    result = CliRunner(env={"PENETAPAN_LANG": lang}).invoke(
        app, ["batch", "-", "--as-of", "2025-02-05"], input=FILE.encode("utf-8")
    )
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == "penetapan batch: rows=5 ok=1 pending=0 errors=3 blank=1"
    errors = lines[-3:-1]
    assert errors[0] == first
    assert errors[1].startswith(second)
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline=""), delimiter=";"))
    # Each listed message is the error column of exactly the rows counted.
    assert [r["error"] for r in rows if r["status"] == "error"] == [
        errors[0].split("): ", 1)[1],
        errors[1].split("): ", 1)[1],
        errors[0].split("): ", 1)[1],
    ]


def test_no_error_no_error_line() -> None:
    result = CliRunner(env={"PENETAPAN_LANG": "en"}).invoke(
        app,
        ["batch", "-", "--as-of", "2025-02-05"],
        input=b"outcome,notified_on\nditolak,2025-02-04\n",
    )
    assert result.exit_code == 0
    assert not any(line.startswith("error") for line in result.stderr.splitlines())
