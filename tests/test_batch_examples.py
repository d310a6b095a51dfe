"""The batch examples (examples/pilkada-2024.csv, cases.jsonl, batch-job.sh) and the installed
entry point in a real process: pipes, a closed pipe, and the progress bar on a terminal."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BIN = Path(sys.executable).parent
PENETAPAN = BIN / "penetapan"
AS_OF = ["--as-of", "2025-02-05"]


def _env() -> dict[str, str]:
    """PATH with the installed `penetapan` first, as after `uv sync` or a package install."""
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}


def test_pilkada_2024_example() -> None:
    result = CliRunner().invoke(app, ["batch", str(EXAMPLES / "pilkada-2024.csv"), *AS_OF])
    assert result.exit_code == 0
    assert (
        result.stderr.splitlines()[-1]
        == "penetapan batch: rows=19 ok=15 pending=4 errors=0 blank=0"
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8"), newline="")))
    by_region = {r["Daerah"]: r for r in rows}
    assert len(rows) == 19
    # docs/legal-basis.md, "Pilkada 2024 as it happened": Kota Medan, 220/PHPU.WAKO-XXIII/2025,
    # not accepted on Tue 4 Feb 2025; PKPU 18/2024 Pasal 57(1)(b): 3 calendar days after -> Fri
    # 7 Feb 2025 (declared on 5 Feb, in time).
    medan = by_region["Kota Medan"]
    assert (medan["Nomor Perkara"], medan["deadline"], medan["status"], medan["days_left"]) == (
        "220/PHPU.WAKO-XXIII/2025",
        "2025-02-07",
        "ok",
        "2",
    )
    # 57(1)(a): the MK's BRPK letter received Mon 6 Jan 2025 + 3 days -> Thu 9 Jan 2025.
    no_petition = [r for r in rows if r["rule"] == "pkpu-18-2024/57-1-a"]
    assert {r["deadline"] for r in no_petition} == {"2025-01-09"}
    assert len(no_petition) == 4
    # 57(1)(b): decisions of Wed 5 Feb 2025 -> Sat 8 Feb; of Mon 24 Feb 2025 -> Thu 27 Feb.
    assert by_region["Kabupaten Nias Selatan"]["deadline"] == "2025-02-08"
    assert by_region["Kabupaten Simalungun"]["deadline"] == "2025-02-27"
    assert by_region["Kabupaten Tapanuli Tengah"]["deadline"] == "2025-02-27"
    # A re-vote (PSU) order for Pasaman: no deadline until the new result
    # (docs/legal-basis.md, "The rule (PKPU 18/2024 Pasal 57 ayat (1))").
    assert by_region["Kabupaten Pasaman"]["status"] == "pending"
    assert by_region["Kabupaten Pasaman"]["deadline"] == ""
    assert [r["status"] for r in rows].count("pending") == 4


def test_cases_jsonl_example() -> None:
    result = CliRunner().invoke(app, ["batch", str(EXAMPLES / "cases.jsonl"), *AS_OF])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["region"], r["deadline"], r["days_left"]) for r in rows] == [
        # 57(1)(b): Tue 4 Feb 2025 + 3 calendar days -> Fri 7 Feb 2025.
        ("Kota Medan", "2025-02-07", 2),
        # basis working: Wed 5, Thu 6, Fri 7 Feb 2025 are working days -> Fri 7 Feb 2025.
        ("Kabupaten Karo", "2025-02-07", 2),
        # 57(1)(a): Mon 6 Jan 2025 + 3 -> Thu 9 Jan 2025.
        ("Provinsi Sumatera Barat", "2025-01-09", -27),
        # working days after Fri 24 Jan 2025 with cuti bersama worked: Mon 27 (Isra Mi'raj)
        # and Wed 29 (Imlek) skipped -> Tue 28, Thu 30, Fri 31 Jan 2025.
        ("Kabupaten Contoh", "2025-01-31", -5),
        ("Kabupaten Pasaman", None, None),
    ]


def test_example_csv_and_its_jsonl_twin_give_the_same_results(tmp_path: Path) -> None:
    with (EXAMPLES / "pilkada-2024.csv").open(newline="", encoding="utf-8") as fh:
        records = list(csv.DictReader(fh))
    twin = tmp_path / "pilkada-2024.jsonl"
    twin.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    runner = CliRunner()
    args = ["--output-format", "jsonl", *AS_OF]
    from_csv = runner.invoke(app, ["batch", str(EXAMPLES / "pilkada-2024.csv"), *args])
    from_jsonl = runner.invoke(app, ["batch", str(twin), *args])
    assert from_csv.exit_code == from_jsonl.exit_code == 0
    assert from_csv.stdout == from_jsonl.stdout


def _job(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(EXAMPLES / "batch-job.sh"), *args],
        capture_output=True,
        text=True,
        env={**_env(), "PYTHON": sys.executable},
        timeout=120,
        check=False,
    )


def test_batch_job_keeps_rows_due_within_n_days() -> None:
    job = _job("3", str(EXAMPLES / "pilkada-2024.csv"), "2025-02-05")
    assert job.returncode == 0, job.stderr
    rows = list(csv.DictReader(io.StringIO(job.stdout)))
    # As of Wed 5 Feb 2025: decisions of 4 Feb are due Fri 7 Feb (2 days), of 5 Feb due Sat
    # 8 Feb (3 days); 24 Feb decisions (22 days) are later; no-petition rows (9 Jan) overdue.
    assert [(r["Daerah"], r["days_left"]) for r in rows] == [
        ("Kota Medan", "2"),
        ("Kabupaten Deli Serdang", "2"),
        ("Kabupaten Karo", "2"),
        ("Kota Binjai", "3"),
        ("Kabupaten Nias Selatan", "3"),
        ("Kabupaten Langkat", "3"),
        ("Provinsi Sumatera Utara", "3"),
    ]
    assert job.stderr.splitlines()[-1] == "batch-job.sh: 7 due within 3 days, 4 overdue"


def test_batch_job_fails_when_a_row_is_in_error(tmp_path: Path) -> None:
    broken = tmp_path / "cases.csv"
    text = (EXAMPLES / "pilkada-2024.csv").read_text(encoding="utf-8")
    broken.write_text(text + "Kota Contoh,1/PHPU.WAKO-XXIII/2025,ditolak,30/02/2025,\n", "utf-8")
    job = _job("2", str(broken), "2025-02-05")
    assert job.returncode == 1
    assert len(list(csv.DictReader(io.StringIO(job.stdout)))) == 3  # the rows due still listed
    assert (
        "batch-job.sh: row 20: invalid date '30/02/2025': February 2025 has 28 days"
        in job.stderr.splitlines()
    )
    assert job.stderr.splitlines()[-1].startswith("batch-job.sh: some rows are in error")


def test_batch_job_passes_on_unusable_input(tmp_path: Path) -> None:
    bad = tmp_path / "cases.csv"
    bad.write_text("region,date\nx,2025-02-04\n", encoding="utf-8")
    job = _job("3", str(bad))
    assert job.returncode == 2
    assert job.stdout == ""
    assert "missing required columns 'outcome'" in job.stderr
    assert _job("soon").returncode == 2


def test_installed_entry_point_reads_stdin_and_writes_stdout() -> None:
    proc = subprocess.run(
        [str(PENETAPAN), "batch", "-", *AS_OF],
        input=b"outcome;notified_on\r\ndismissed;2025-02-04\r\n",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stdout == (
        b"outcome;notified_on;trigger_date;deadline;status;days_left;rule;citation;error\n"
        b"dismissed;2025-02-04;2025-02-04;2025-02-07;ok;2;pkpu-18-2024/57-1-b;"
        b"PKPU 18/2024 Pasal 57 ayat (1) huruf b;\n"
    )


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    source = tmp_path / "cases.csv"
    rows = "".join(f"Kab {i},dismissed,2025-02-04\n" for i in range(50_000))
    source.write_text("region,outcome,notified_on\n" + rows, encoding="utf-8")
    with subprocess.Popen(
        [str(PENETAPAN), "batch", str(source), *AS_OF],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        header = proc.stdout.readline()
        assert header.startswith(b"region,outcome,notified_on,trigger_date,deadline")
        proc.stdout.close()  # as `| head -1` does
        stderr = proc.stderr.read()
        assert proc.wait(timeout=60) == 141
    assert b"Traceback" not in stderr
    assert b"Exception ignored" not in stderr


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("from_stdin", [False, True])
def test_progress_bar_only_on_a_terminal_for_a_file(
    tmp_path: Path, from_stdin: bool, read_terminal: Callable[[int], bytes]
) -> None:
    import pty

    source = tmp_path / "cases.csv"
    shutil.copy(EXAMPLES / "pilkada-2024.csv", source)
    master, slave = pty.openpty()
    args = [str(PENETAPAN), "batch", "-" if from_stdin else str(source), "-o", str(tmp_path / "o")]
    with source.open("rb") as stdin:
        proc = subprocess.Popen(
            [*args, *AS_OF],
            stdin=stdin if from_stdin else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=slave,
            env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"},
        )
        os.close(slave)
        seen = read_terminal(master)
        assert proc.wait(timeout=60) == 0
    os.close(master)
    assert b"penetapan batch: rows=19 ok=15 pending=4 errors=0 blank=0" in seen
    assert ("\u2501".encode() in seen) is not from_stdin  # the bar's line drawing


def test_sigterm_leaves_no_partial_output(
    tmp_path: Path, child_signals: Callable[[], None] | None
) -> None:
    import signal
    import time

    source = tmp_path / "cases.csv"
    rows = "".join(f"Kab {i},dismissed,2025-02-04\n" for i in range(400_000))
    source.write_text("region,outcome,notified_on\n" + rows, encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "deadlines.csv"
    with subprocess.Popen(
        [str(PENETAPAN), "batch", str(source), "-o", str(target), *AS_OF],
        stderr=subprocess.PIPE,
        preexec_fn=child_signals,
    ) as proc:
        deadline = time.monotonic() + 60
        while not any(out_dir.iterdir()):  # the temporary file beside the target
            assert time.monotonic() < deadline
            time.sleep(0.01)
        proc.send_signal(signal.SIGTERM)
        assert proc.stderr is not None
        stderr = proc.stderr.read()
        assert proc.wait(timeout=60) == 130
    assert stderr == b"penetapan: interrupted\n"
    assert list(out_dir.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_on_stdout_is_a_one_line_error() -> None:
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [str(PENETAPAN), "batch", str(EXAMPLES / "pilkada-2024.csv"), *AS_OF],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    assert proc.returncode == 2
    assert proc.stderr == b"penetapan: cannot write standard output: No space left on device\n"


def test_sigterm_with_a_calendar_keeps_both_earlier_files(
    tmp_path: Path, child_signals: Callable[[], None] | None
) -> None:
    import signal
    import time

    source = tmp_path / "cases.csv"
    rows = "".join(f"Kab {i},dismissed,2025-02-04\n" for i in range(50_000))
    source.write_text("region,outcome,notified_on\n" + rows, encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target, calendar = out_dir / "deadlines.csv", out_dir / "deadlines.ics"
    target.write_text("previous run\n", encoding="utf-8")
    calendar.write_text("previous calendar\n", encoding="utf-8")
    args = ["batch", str(source), "-o", str(target), "--ics", str(calendar), *AS_OF]
    with subprocess.Popen(
        [str(PENETAPAN), *args], stderr=subprocess.PIPE, preexec_fn=child_signals
    ) as proc:
        deadline = time.monotonic() + 60
        while len(list(out_dir.iterdir())) < 4:  # both temporary files beside their targets
            assert time.monotonic() < deadline
            time.sleep(0.01)
        proc.send_signal(signal.SIGTERM)
        assert proc.stderr is not None
        stderr = proc.stderr.read()
        assert proc.wait(timeout=60) == 130
    assert stderr == b"penetapan: interrupted\n"
    assert sorted(p.name for p in out_dir.iterdir()) == ["deadlines.csv", "deadlines.ics"]
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert calendar.read_text(encoding="utf-8") == "previous calendar\n"
