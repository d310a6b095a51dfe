"""A hostile test of the batch reader: a CSV cell past the read limit loses no row.

The csv module stops inside a cell longer than its field limit and would go on from the next
line, inside that cell: the rest of the cell became rows of its own, and the rows after it
were swallowed. Each record must stay one row, the ones after it computed (docs/batch.md
"Over-long CSV cells"). A small read limit keeps these tests fast; one runs at the real size.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from penetapan_cli.batch import read

runner = CliRunner(env={"PENETAPAN_LANG": "en"})
HEADER = "region,outcome,notified_on,note,case\n"
A = "A,dismissed,2025-02-04,ok,1\n"
TAIL = "C,dismissed,2025-02-05,z,3\nD,dismissed,2025-02-06,z,4\n"
C_DEADLINE, D_DEADLINE = "2025-02-08", "2025-02-09"  # PKPU 18/2024 Pasal 57(1)(b): + 3 days


def batch(path: Path) -> Result:
    from penetapan_cli.cli import app

    return runner.invoke(
        app, ["batch", str(path), "--as-of", "2025-02-05", "--output-format", "jsonl"]
    )


def rows(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    limit = 300_000  # past CELL_LIMIT (131,072), so that the cut is the documented one
    monkeypatch.setattr(read, "READ_LIMIT", limit)
    return limit


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_multi_line_cell_past_the_limit_is_one_row(
    tmp_path: Path, small_limit: int, newline: str
) -> None:
    lines = 200_000  # "y\n" each: 400,000 characters, past the read limit
    cell = "y\n" * lines
    path = tmp_path / "h.csv"
    text = HEADER + A + f'B,dismissed,2025-02-04,"{cell}",2\n' + TAIL
    path.write_bytes(text.replace("\n", newline).encode())
    result = batch(path)
    assert result.exit_code == 1, result.stderr
    got = rows(result)
    assert [r["region"] for r in got] == ["A", "B", "C", "D"]
    a, b, c, d = got
    assert (a["status"], c["deadline"], d["deadline"]) == ("ok", C_DEADLINE, D_DEADLINE)
    assert (b["outcome"], b["notified_on"], b["case"], b["status"]) == (
        "dismissed",
        "2025-02-04",
        "2",
        "error",
    )
    held = lines * len(f"y{newline}")
    assert b["note"] == (("y" + newline) * 1000)[:1000]
    assert b["error"] == (
        f"row 2 (lines 3-{3 + lines}): column 'note' holds {held:,} characters, more than "
        "131,072; cut to its first 1,000 here; check for a quote opened on line 3 and never "
        "closed"
    )
    assert (c["error"], d["error"]) == (None, None)


def test_quotes_inside_the_long_cell_and_after_it(tmp_path: Path, small_limit: int) -> None:
    cell = 'say ""yes""\n' * 30_000  # doubled quotes stay inside the cell
    path = tmp_path / "q.csv"
    path.write_text(HEADER + A + f'B,dismissed,2025-02-04,"{cell}"x,"two\nlines"\n' + TAIL)
    result = batch(path)
    got = rows(result)
    assert [r["region"] for r in got] == ["A", "B", "C", "D"]
    b = got[1]
    assert b["case"] == "two\nlines"
    assert b["note"].startswith('say "yes"\nsay "yes"\n')
    assert b["error"].startswith("row 2 (lines 3-30004): column 'note' holds ")
    assert got[2]["deadline"] == C_DEADLINE


def test_a_one_line_cell_past_the_limit(tmp_path: Path, small_limit: int) -> None:
    path = tmp_path / "one.csv"
    path.write_text(HEADER + A + f"B,dismissed,2025-02-04,{'x' * 400_000},2\n" + TAIL)
    got = rows(batch(path))
    assert [r["region"] for r in got] == ["A", "B", "C", "D"]
    assert got[1]["case"] == "2"
    assert got[1]["error"] == (
        "row 2 (line 3): column 'note' holds 400,000 characters, more than 131,072; cut to "
        "its first 1,000 here"
    )


def test_a_quote_open_to_the_end_past_the_limit_says_its_lines(
    tmp_path: Path, small_limit: int
) -> None:
    """As documented: it absorbs every later row into one error row, which says which lines."""
    rest = "".join(f"Kota {i},dismissed,2025-02-04,catatan,{i}\n" for i in range(10_000))
    path = tmp_path / "open.csv"
    path.write_text(HEADER + A + f'B,dismissed,2025-02-04,"never closed\n{rest}')
    result = batch(path)
    assert result.exit_code == 1
    a, b = rows(result)
    assert (a["status"], b["region"], b["status"]) == ("ok", "B", "error")
    assert b["error"].startswith("row 2 (lines 3-10003): ")
    assert "check for a quote opened on line 3 and never closed" in b["error"]
    assert "column 'note' holds " in b["error"]


def test_the_real_limit(tmp_path: Path) -> None:
    """The reported case at the real size: 16,800,000 characters over 8,400,000 lines."""
    path = tmp_path / "h.csv"
    with path.open("w") as out:
        out.write(HEADER + A + 'B,dismissed,2025-02-04,"')
        for _ in range(8_400):
            out.write("y\n" * 1_000)
        out.write('",2\n' + TAIL)
    got = rows(batch(path))
    assert [r["region"] for r in got] == ["A", "B", "C", "D"]
    assert got[1]["error"].startswith(
        "row 2 (lines 3-8400003): column 'note' holds 16,800,000 characters"
    )
    assert got[3]["deadline"] == D_DEADLINE
