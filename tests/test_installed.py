"""The installed entry point and the examples, run as a user would run them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
PENETAPAN = BIN / "penetapan"
EXAMPLES = Path(__file__).parent.parent / "examples"


def env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "NO_COLOR": "1"}


def test_installed_entry_point() -> None:
    # PKPU 18/2024 Pasal 57(1)(b): Tue 4 Feb 2025 + 3 calendar days = Fri 7 Feb 2025.
    done = subprocess.run(
        [str(PENETAPAN), "deadline", "dismissed", "2025-02-04", "--format", "date"],
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "2025-02-07\n")


def test_python_dash_m() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "penetapan_cli",
            "deadline",
            "psu",
            "2025-02-24",
            "--format",
            "date",
        ],
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )
    assert (done.returncode, done.stdout) == (3, "")


def test_bad_input_has_no_traceback() -> None:
    done = subprocess.run(
        [str(PENETAPAN), "deadline", "dismissed", "31/02/2025"],
        capture_output=True,
        text=True,
        env=env(),
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr == "penetapan: invalid date '31/02/2025': February 2025 has 28 days\n"


# Arguments for the example scripts: batch-job.sh keeps the rows due within 3 days of
# 5 Feb 2025 (the day after the Medan decision) from the sample batch.
SCRIPT_ARGS = {"batch-job.sh": ["3", str(EXAMPLES / "pilkada-2024.csv"), "2025-02-05"]}
# The audit example holds declarations up to Fri 9 May 2025 (Pasaman): a later --as-of, since a
# declaration after the date of the count is refused.
AS_OF = {"audit-2025.csv": "2025-06-01"}


def run_example(path: Path, scratch: Path | None = None) -> subprocess.CompletedProcess[str]:
    if path.suffix == ".sh":
        args = ["bash", str(path), *SCRIPT_ARGS.get(path.name, [])]
    elif path.suffix in (".csv", ".jsonl", ".xlsx"):
        args = [str(PENETAPAN), "batch", str(path), "--as-of", AS_OF.get(path.name, "2025-02-05")]
    elif path.name == "make_xlsx.py":  # writes a copy of examples/pilkada-2024.xlsx
        assert scratch is not None
        args = [sys.executable, str(path), str(scratch / "pilkada-2024.xlsx")]
    elif path.name.startswith("closures"):
        args = [str(PENETAPAN), "holidays", "2025", "--closures", str(path), "--format", "json"]
    else:
        raise AssertionError(f"no test knows how to run {path.name}: add it to run_example")
    return subprocess.run(
        args, capture_output=True, text=True, env=env(), check=False, cwd=EXAMPLES.parent
    )


# Files only: importing examples/make_xlsx.py (test_sheets.py) leaves a __pycache__ folder.
@pytest.mark.parametrize(
    "path", sorted(p for p in EXAMPLES.iterdir() if p.is_file()), ids=lambda p: p.name
)
def test_every_example_runs(path: Path, tmp_path: Path) -> None:
    done = run_example(path, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout


def test_medan_example_says_in_time() -> None:
    done = run_example(EXAMPLES / "medan-2025.sh")
    # Not accepted on Tue 4 Feb 2025 + 3 calendar days = Fri 7 Feb 2025 (docs/legal-basis.md,
    # "Pilkada 2024 as it happened"); the declaration of Wed 5 Feb 2025 falls within it.
    assert done.stdout == "deadline: 2025-02-07\ndeclared 2025-02-05: on-time\n"


def test_medan_example_shows_the_tools_error(tmp_path: Path) -> None:
    """The script hides no error: the tool's message reaches stderr, its exit code stops it."""
    failing = tmp_path / "penetapan"
    failing.write_text("#!/bin/sh\necho 'penetapan: simulated failure' >&2\nexit 2\n")
    failing.chmod(0o755)
    done = subprocess.run(
        ["bash", str(EXAMPLES / "medan-2025.sh")],
        capture_output=True,
        text=True,
        env={**env(), "PENETAPAN": str(failing)},
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert "penetapan: simulated failure" in done.stderr


def test_debug_shows_a_plain_traceback_without_locals() -> None:
    code = (
        "import sys, penetapan_cli.core.compare as d\n"
        "def broken(*a, **k):\n"
        "    secret_local = 'do-not-show'\n"
        "    raise RuntimeError('simulated fault')\n"
        "d.compute_deadline = broken\n"
        "from penetapan_cli.cli import main\n"
        "sys.argv = ['penetapan'] + sys.argv[1:]\n"
        "main()\n"
    )
    args = [sys.executable, "-c", code, "deadline", "dismissed", "2025-02-04"]
    plain = subprocess.run(args, capture_output=True, text=True, env=env(), check=False)
    assert plain.returncode == 70
    assert plain.stderr.count("\n") == 1
    assert "please report it" in plain.stderr
    debug = subprocess.run(
        [*args[:3], "--debug", *args[3:]], capture_output=True, text=True, env=env(), check=False
    )
    assert debug.returncode == 1
    assert "Traceback (most recent call last)" in debug.stderr
    assert "RuntimeError: simulated fault" in debug.stderr
    assert "do-not-show" not in debug.stderr
