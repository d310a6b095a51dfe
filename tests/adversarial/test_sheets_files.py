"""The .xlsx output through the file layer under faults: a signal mid-run, a disk that fails
at the end. No partial workbook is ever left, and an earlier file stays as it was."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from penetapan_cli import files
from penetapan_cli.cli import app

AS_OF = ["--as-of", "2025-02-05"]
PENETAPAN = Path(sys.executable).parent / "penetapan"
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes and signals")


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@POSIX
@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 130), ("SIGHUP", 129)])
def test_signal_while_a_workbook_is_written(
    tmp_path: Path, name: str, code: int, signalled_mid_run: Callable[..., tuple[int, str]]
) -> None:
    """A real process writing -o hasil.xlsx from a stdin still open: the signal removes the
    temporary workbook and XlsxWriter's own temporary files, and leaves the earlier file."""
    out, scratch = tmp_path / "out", tmp_path / "scratch"
    out.mkdir()
    scratch.mkdir()
    target = out / "hasil.xlsx"
    target.write_bytes(b"previous run")
    args = [str(PENETAPAN), "batch", "-", "-o", str(target), *AS_OF]
    env = os.environ | {"TMPDIR": str(scratch)}
    # the temporary workbook, then 0.2 s of rows being written, then the signal
    got, stderr = signalled_mid_run(
        args, lambda: bool(_temporaries(out)), getattr(signal, name), env=env, settle=0.2
    )
    assert got == code
    assert stderr.count("\n") == 1
    assert _temporaries(out) == []
    assert target.read_bytes() == b"previous run"
    assert list(scratch.iterdir()) == []


def test_a_disk_that_fails_at_the_end_leaves_no_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "_fsync", full)
    source = tmp_path / "rekap.csv"
    source.write_text("outcome,notified_on\nrejected,2025-02-04\n", encoding="utf-8")
    target = tmp_path / "hasil.xlsx"
    target.write_bytes(b"previous run")
    result = CliRunner().invoke(app, ["batch", str(source), "-o", str(target), *AS_OF])
    assert result.exit_code == 2
    assert result.stderr == f"penetapan: cannot write {str(target)!r}: No space left on device\n"
    assert target.read_bytes() == b"previous run"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hasil.xlsx", "rekap.csv"]
