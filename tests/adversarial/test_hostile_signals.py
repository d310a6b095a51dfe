"""A hostile test of signals: one that lands while the .xlsx is being closed, and one while
the program is still loading. Each must end with its one documented line and nothing else."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

# Runs `penetapan ARGS` with a hook in the file layer (files._open, as test_files.py injects
# faults): the N-th write to the .xlsx being written sends SIGNAL to the process itself, so
# that the signal lands at a chosen moment of XlsxWriter's book.close(). Writes counted go to
# COUNT at exit.
HOOK = """
import atexit, os, signal, sys
from penetapan_cli import files, launch

at, signum, count = int(sys.argv[1]), getattr(signal, sys.argv[2]), sys.argv[3]
writes = [0]
atexit.register(lambda: open(count, "w").write(str(writes[0])))
real = files._open

class Out:
    def __init__(self, fh):
        self._fh = fh
    def write(self, data):
        writes[0] += 1
        if writes[0] == at:
            os.kill(os.getpid(), signum)
        return self._fh.write(data)
    def __getattr__(self, name):
        return getattr(self._fh, name)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return self._fh.__exit__(*exc)

def hooked(path, mode, **kwargs):
    fh = real(path, mode, **kwargs)
    return Out(fh) if ".out.xlsx." in path else fh

files._open = hooked
sys.argv = ["penetapan", *sys.argv[4:]]
launch.main()
"""


def _run(
    tmp_path: Path, at: int, name: str, preexec: Callable[[], None] | None
) -> tuple[int, str, int]:
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    source = tmp_path / "mid.csv"
    rows = "".join(f"Kab {i},dismissed,2025-02-04\n" for i in range(300))
    source.write_text("region,outcome,notified_on\n" + rows, encoding="utf-8")
    count = tmp_path / "count"
    args = ["batch", str(source), "-o", str(work / "out.xlsx"), "--ics", str(work / "out.ics")]
    proc = subprocess.run(
        [sys.executable, "-c", HOOK, str(at), name, str(count), *args, "--as-of", "2025-02-05"],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "PENETAPAN_LANG": "en"},
        preexec_fn=preexec,
    )
    return proc.returncode, proc.stderr.decode(), int(count.read_text())


@POSIX
@pytest.mark.parametrize(
    ("name", "code", "line"),
    [
        ("SIGINT", 130, "penetapan: interrupted\n"),
        ("SIGHUP", 129, "penetapan: hang-up: stopped, no partial output left\n"),
    ],
)
def test_a_signal_while_the_workbook_is_closed(
    tmp_path: Path, name: str, code: int, line: str, child_signals: Callable[[], None] | None
) -> None:
    code_0, _, total = _run(tmp_path, 0, name, child_signals)  # no signal: writes close() makes
    assert code_0 == 0
    assert total > 4
    (tmp_path / "work" / "out.xlsx").unlink()
    (tmp_path / "work" / "out.ics").unlink()
    for at in sorted({1, 2, total // 3, total // 2, total - 1, total}):
        got, stderr, _ = _run(tmp_path, at, name, child_signals)
        assert (at, got, stderr) == (at, code, line)  # no "Exception ignored" after it
        assert list((tmp_path / "work").iterdir()) == []


# Ctrl-C while the program loads, made deterministic: the script sends SIGINT to itself right
# after a chosen import, as the `penetapan` script (argv[0]) would reach it.
EARLY = """
import os, signal, sys
sys.argv = [{argv0!r}, "deadline", "dismissed", "2025-02-04", "--format", "date"]
import penetapan_cli
{before}
os.kill(os.getpid(), signal.SIGINT)
from penetapan_cli.launch import main
main()
"""


def _python(script: str, preexec: Callable[[], None] | None) -> subprocess.CompletedProcess[bytes]:
    """``python -c SCRIPT`` run to its end, its output captured."""
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        timeout=60,
        check=False,
        preexec_fn=preexec,
    )


@POSIX
@pytest.mark.parametrize("argv0", ["/opt/venv/bin/penetapan", "penetapan.exe", "-m"])
@pytest.mark.parametrize(
    "before", ["", "import penetapan_cli.launch", "import penetapan_cli.boundary"]
)
def test_ctrl_c_while_loading_is_one_line(
    argv0: str, before: str, child_signals: Callable[[], None] | None
) -> None:
    proc = _python(EARLY.format(argv0=argv0, before=before), child_signals)
    assert (proc.returncode, proc.stderr.decode(), proc.stdout) == (
        130,
        "penetapan: interrupted\n",
        b"",
    )


def test_a_program_importing_the_package_keeps_its_own_ctrl_c(
    child_signals: Callable[[], None] | None,
) -> None:
    """Only the program itself sets the handler: here (pytest) Ctrl-C stays Python's."""
    script = (
        "import signal, penetapan_cli\n"
        "assert signal.getsignal(signal.SIGINT) is signal.default_int_handler\n"
        "import penetapan_cli.launch\n"
        "assert signal.getsignal(signal.SIGINT) is signal.default_int_handler\n"
    )
    proc = _python(script, child_signals)
    assert proc.returncode == 0, proc.stderr.decode()


@POSIX
def test_after_the_guard_ctrl_c_goes_through_the_boundary(
    child_signals: Callable[[], None] | None,
) -> None:
    """main puts Python's handler back: a later Ctrl-C is a KeyboardInterrupt again."""
    script = (
        EARLY.format(argv0="penetapan", before="")
        .replace("os.kill(os.getpid(), signal.SIGINT)\n", "")
        .replace(
            "main()",
            "import penetapan_cli.launch as launch\n"
            "launch.run_fast = lambda argv: os.kill(os.getpid(), signal.SIGINT)\n"
            "assert signal.getsignal(signal.SIGINT) is not signal.default_int_handler\n"
            "main()",
        )
    )
    proc = _python(script, child_signals)
    assert (proc.returncode, proc.stderr.decode()) == (130, "penetapan: interrupted\n")


def _ignoring(name: str, defaults: Callable[[], None] | None) -> Callable[[], None]:
    """A ``preexec_fn``: the child starts with ``name`` ignored (as ``nohup`` starts a program
    with SIGHUP ignored, and a shell a background job with SIGINT ignored); the others at their
    defaults (``defaults``, the child_signals fixture)."""
    import signal

    def preexec() -> None:
        if defaults is not None:
            defaults()
        signal.signal(getattr(signal, name), signal.SIG_IGN)

    return preexec


@POSIX
@pytest.mark.parametrize("name", ["SIGHUP", "SIGINT", "SIGTERM"])
def test_a_signal_ignored_from_the_start_stays_ignored(
    tmp_path: Path, name: str, child_signals: Callable[[], None] | None
) -> None:
    """`nohup penetapan batch ...`: the hang-up that arrives while the files are being
    written changes nothing, and the run ends complete (exit 0) with both files."""
    code_0, complete_stderr, total = _run(tmp_path, 0, name, child_signals)  # no signal
    assert code_0 == 0
    assert complete_stderr.endswith("penetapan batch: rows=300 ok=300 pending=0 errors=0 blank=0\n")
    work = tmp_path / "work"
    complete = {p.name: p.read_bytes() for p in work.iterdir()}
    for p in work.iterdir():
        p.unlink()
    got, stderr, _ = _run(tmp_path, total // 2, name, _ignoring(name, child_signals))
    assert (got, stderr) == (0, complete_stderr)  # the same run, the same lines
    written = {p.name: p.read_bytes() for p in work.iterdir()}
    assert sorted(written) == ["out.ics", "out.xlsx"]
    # Both files whole: the workbook a sound zip with the parts of the complete one (its bytes
    # differ by the time it was made), the calendar an event for each of the 300 rows.
    parts = []
    for book in (written["out.xlsx"], complete["out.xlsx"]):
        with zipfile.ZipFile(io.BytesIO(book)) as archive:
            assert archive.testzip() is None
            parts.append(archive.namelist())
    assert parts[0] == parts[1]
    assert written["out.ics"].count(b"BEGIN:VEVENT") == 300
    assert complete["out.ics"].count(b"BEGIN:VEVENT") == 300
