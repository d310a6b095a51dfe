"""Files as adversaries: outputs that are pipes, sockets, devices or the input itself, inputs
that never end, names too long, link loops, and signals while files are being written.

Every case checks the documented exit code, exactly one line on stderr (no traceback) and that
each file the command must not touch is unchanged. Devices are never named: a regular file under
``tmp_path`` is made to look like one through ``files.stat``, the one status function.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from penetapan_cli import files
from penetapan_cli.cli import app
from penetapan_cli.sources.holiday_cache import CachedYearSource
from penetapan_cli.sources.rulesets import RULESETS_DIR

runner = CliRunner(env={"PENETAPAN_LANG": "en"})
AS_OF = ["--as-of", "2025-02-05"]
CASES = "region,outcome,notified_on\nKota Medan,dismissed,2025-02-04\n"
PENETAPAN = Path(sys.executable).parent / "penetapan"
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes, sockets and signals")


def invoke(args: Sequence[str]) -> Result:
    return runner.invoke(app, list(args))


def one_line_failure(result: Result, fragment: str, code: int = 2) -> None:
    """Exit ``code``, one line on stderr holding ``fragment``, no traceback."""
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == code, result.stderr
    assert result.stderr.startswith("penetapan: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert fragment in result.stderr, (fragment, result.stderr)


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None]]:
    """Each entry of ``folder``: its kind and, for a regular file, its bytes."""
    seen: dict[str, tuple[int, bytes | None]] = {}
    for entry in sorted(folder.iterdir()):
        mode = entry.lstat().st_mode
        data = entry.read_bytes() if stat.S_ISREG(mode) else None
        seen[entry.name] = (stat.S_IFMT(mode), data)
    return seen


def record_opens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every file opened through the file layer, in order."""
    opened: list[str] = []
    real = files._open

    def recording(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(files, "_open", recording)
    return opened


def look_like_a_device(monkeypatch: pytest.MonkeyPatch, fake: Path) -> None:
    """``fake`` (a regular file, or what a link resolves to) has the status of a character
    device such as /dev/zero or /dev/null, for the file layer only."""
    real = files.stat
    target = os.path.realpath(fake)

    def status(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        info = real(path, *args, **kwargs)
        if os.path.realpath(path) == target:
            fields = list(info)
            fields[0] = stat.S_IFCHR | 0o666
            fields[6] = 0  # st_size, as a device reports
            return os.stat_result(fields)
        return info

    monkeypatch.setattr(files, "stat", status)


def fifo_writer(path: Path, data: bytes) -> threading.Thread:
    """A thread that writes ``data`` into the FIFO ``path`` once a reader opened it (it never
    blocks on its own: it gives up after 30 s without a reader) and then closes it."""

    def feed() -> None:
        deadline = time.monotonic() + 30
        while True:
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
                break
            except OSError:  # ENXIO: no reader yet
                if time.monotonic() > deadline:
                    return
                time.sleep(0.01)
        os.set_blocking(fd, True)
        try:
            os.write(fd, data)
        except OSError:  # the reader stopped at its limit
            pass
        finally:
            os.close(fd)

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    return thread


# --- the output is what stdin reads ----------------------------------------------------------


@POSIX
@pytest.mark.parametrize("option", ["-o", "--ics"])
def test_output_is_the_file_on_stdin(tmp_path: Path, option: str) -> None:
    source = tmp_path / "cases.csv"
    source.write_text(CASES, encoding="utf-8")
    before = snapshot(tmp_path)
    with source.open("rb") as stdin:
        proc = subprocess.run(
            [str(PENETAPAN), "batch", "-", option, str(source), *AS_OF],
            stdin=stdin,
            capture_output=True,
            timeout=60,
            check=False,
        )
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == b""
    noun = "output" if option == "-o" else "calendar"
    assert (
        proc.stderr
        == (
            f"penetapan: refusing to write the {noun} over the input file on standard input: "
            f"choose another {option} path\n"
        ).encode()
    )
    assert snapshot(tmp_path) == before


# --- outputs that are not regular files ------------------------------------------------------


def _make_node(kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A node of ``kind`` under ``tmp_path`` (short relative names: a socket's is limited)."""
    monkeypatch.chdir(tmp_path)
    path = Path(kind)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        import socket

        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
        server.close()  # the node stays
    elif kind == "dir":
        path.mkdir()
    else:
        path.write_bytes(b"a device's contents\n")
        look_like_a_device(monkeypatch, path)
    return path


NODE_REASONS = {
    "fifo": "it is a named pipe (FIFO)",
    "socket": "it is a socket",
    "dir": "it is a directory",
    "device": "it is a device",
}


@POSIX
@pytest.mark.parametrize("kind", list(NODE_REASONS))
@pytest.mark.parametrize("command", ["batch -o", "batch --ics", "deadline", "timeline"])
def test_output_that_is_not_a_regular_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, command: str
) -> None:
    node = _make_node(kind, tmp_path, monkeypatch)
    Path("cases.csv").write_text(CASES, encoding="utf-8")
    before = snapshot(tmp_path)
    opened = record_opens(monkeypatch)
    args = {
        "batch -o": ["batch", "cases.csv", "-o", str(node)],
        "batch --ics": ["batch", "cases.csv", "--ics", str(node)],
        "deadline": ["deadline", "dismissed", "2025-02-04", "--ics", str(node)],
        "timeline": ["timeline", "--announced", "2024-12-16", "--ics", str(node)],
    }[command]
    result = invoke([*args, *AS_OF])
    one_line_failure(result, NODE_REASONS[kind])
    assert str(node) in result.stderr
    assert ("-o" if command == "batch -o" else "--ics") in result.stderr
    assert result.stdout == ""
    assert opened == []  # refused before anything was read
    assert snapshot(tmp_path) == before


def test_stdout_names_are_stdout_without_looking_at_them(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_status(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        raise AssertionError(f"looked at {path!r}")

    monkeypatch.setattr(files, "stat", no_status)
    for name in ("-", "/dev/stdout", "/dev/fd/1"):
        assert files.is_stdout(Path(name))
        assert files.check_outputs({"-o": Path(name)}, {}) == {"-o": None}


@pytest.mark.parametrize("option", ["--rules", "--closures"])
@pytest.mark.parametrize("output", ["-o", "--ics"])
def test_output_is_a_file_the_command_reads(tmp_path: Path, option: str, output: str) -> None:
    source = tmp_path / "cases.csv"
    source.write_text(CASES, encoding="utf-8")
    read = tmp_path / ("rules.toml" if option == "--rules" else "closures.txt")
    read.write_bytes(
        (RULESETS_DIR / "pkpu-18-2024.toml").read_bytes()
        if option == "--rules"
        else b"2025-02-05 Kantor tutup\n"
    )
    before = snapshot(tmp_path)
    result = invoke(["batch", str(source), option, str(read), output, str(read), *AS_OF])
    noun = "output" if output == "-o" else "calendar"
    one_line_failure(result, f"refusing to write the {noun} over the ")
    assert str(read) in result.stderr
    assert snapshot(tmp_path) == before


# --- names that cannot be files --------------------------------------------------------------


@pytest.mark.parametrize("option", ["-o", "--ics"])
def test_output_name_too_long(tmp_path: Path, option: str) -> None:
    source = tmp_path / "cases.csv"
    source.write_text(CASES, encoding="utf-8")
    before = snapshot(tmp_path)
    target = tmp_path / ("x" * 300 + ".csv")
    result = invoke(["batch", str(source), option, str(target), *AS_OF])
    one_line_failure(result, "File name too long")
    assert snapshot(tmp_path) == before


@POSIX
@pytest.mark.parametrize("option", ["-o", "--ics", "--rules", "--closures"])
def test_symlink_loop(tmp_path: Path, option: str) -> None:
    source = tmp_path / "cases.csv"
    source.write_text(CASES, encoding="utf-8")
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    before = snapshot(tmp_path)
    result = invoke(["batch", str(source), option, str(loop), *AS_OF])
    one_line_failure(result, "Too many levels of symbolic links")
    assert str(loop) in result.stderr
    assert snapshot(tmp_path) == before


# --- small files that are not small, or not files --------------------------------------------

SMALL_FILES = {"--rules": "rule file", "--closures": "closures file"}


def _small_file_command(option: str, path: Path) -> list[str]:
    return ["deadline", "dismissed", "2025-02-04", "--basis", "working", option, str(path)]


@pytest.mark.parametrize("option", list(SMALL_FILES))
def test_small_file_that_is_a_device(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str
) -> None:
    zero = tmp_path / "zero.toml"
    zero.write_bytes(b"\0" * 64)
    look_like_a_device(monkeypatch, zero)
    opened = record_opens(monkeypatch)
    result = invoke([*_small_file_command(option, zero), *AS_OF])
    one_line_failure(result, f"{SMALL_FILES[option]} {str(zero)!r} is a device, not a file")
    assert str(zero) not in opened


@pytest.mark.parametrize("option", list(SMALL_FILES))
def test_small_file_over_1_mib(tmp_path: Path, option: str) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"# padding\n" * (1 << 17))  # 1.25 MiB of comments
    result = invoke([*_small_file_command(option, big), *AS_OF])
    one_line_failure(result, f"{SMALL_FILES[option]} {str(big)!r} is larger than 1 MiB")


@POSIX
@pytest.mark.parametrize("option", list(SMALL_FILES))
def test_small_file_from_a_pipe_that_never_ends(tmp_path: Path, option: str) -> None:
    """Like /dev/zero: a pipe that delivers more than 1 MiB is cut at the limit, not read on."""
    fifo = tmp_path / "endless.toml"
    os.mkfifo(fifo)
    writer = fifo_writer(fifo, b"# padding\n" * (1 << 18))  # 2.5 MiB
    result = invoke([*_small_file_command(option, fifo), *AS_OF])
    writer.join(timeout=30)
    one_line_failure(result, f"{SMALL_FILES[option]} {str(fifo)!r} is larger than 1 MiB")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@POSIX
def test_closures_from_a_pipe_are_read(tmp_path: Path) -> None:
    fifo = tmp_path / "closures.txt"
    os.mkfifo(fifo)
    writer = fifo_writer(fifo, b"2025-02-05 Kantor tutup\n")
    result = invoke([*_small_file_command("--closures", fifo), "--format", "date", *AS_OF])
    writer.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    # Working days after Tue 4 Feb 2025, Wed 5 Feb closed: Thu 6, Fri 7, Mon 10 Feb 2025.
    assert result.stdout == "2025-02-10\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


# --- signals while -o and --ics are being written --------------------------------------------


def _previous_files(tmp_path: Path) -> tuple[Path, Path]:
    target, calendar = tmp_path / "deadlines.csv", tmp_path / "deadlines.ics"
    target.write_text("previous run\n", encoding="utf-8")
    calendar.write_text("previous calendar\n", encoding="utf-8")
    return target, calendar


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


SIGNAL_ENDS = [
    ("SIGHUP", 129, "penetapan: hang-up: stopped, no partial output left\n"),
    ("SIGTERM", 130, "penetapan: interrupted\n"),
]


@POSIX
@pytest.mark.parametrize(("name", "code", "stderr"), SIGNAL_ENDS, ids=[s[0] for s in SIGNAL_ENDS])
def test_signal_in_the_middle_of_a_run(
    tmp_path: Path,
    name: str,
    code: int,
    stderr: str,
    signalled_mid_run: Callable[..., tuple[int, str]],
) -> None:
    """A real process, mid-run on a stdin that is still open: the signal removes both
    temporary files and leaves both earlier files as they were."""
    out = tmp_path / "out"
    out.mkdir()
    target, calendar = _previous_files(out)
    args = [str(PENETAPAN), "batch", "-", "-o", str(target), "--ics", str(calendar), *AS_OF]

    def ready() -> bool:  # both temporary files beside their targets
        return len(_temporaries(out)) >= 2

    assert signalled_mid_run(args, ready, getattr(signal, name)) == (code, stderr)
    assert _temporaries(out) == []
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert calendar.read_text(encoding="utf-8") == "previous calendar\n"


def _signal_on_create(monkeypatch: pytest.MonkeyPatch, signum: int, name: str) -> list[str]:
    """The temporary file of ``name`` is created, then ``signum`` arrives at once: the window
    between creating a file and being ready to remove it, made deterministic."""
    created: list[str] = []
    real = files._create

    def create_then_signal(path: str) -> int:
        fd = real(path)
        created.append(path)
        if Path(path).name.startswith(f".{name}."):
            os.kill(os.getpid(), signum)
        return fd

    monkeypatch.setattr(files, "_create", create_then_signal)
    return created


@POSIX
@pytest.mark.parametrize(("name", "code", "stderr"), SIGNAL_ENDS, ids=[s[0] for s in SIGNAL_ENDS])
@pytest.mark.parametrize("which", ["deadlines.csv", "deadlines.ics"])
@pytest.mark.usefixtures("signals_at_default")
def test_signal_right_after_the_temporary_file_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, code: int, stderr: str, which: str
) -> None:
    source = tmp_path / "cases.csv"
    source.write_text(CASES, encoding="utf-8")
    target, calendar = _previous_files(tmp_path)
    before = snapshot(tmp_path)
    created = _signal_on_create(monkeypatch, getattr(signal, name), which)
    result = invoke(["batch", str(source), "-o", str(target), "--ics", str(calendar), *AS_OF])
    assert (result.exit_code, result.stderr) == (code, stderr)
    assert any(Path(p).name.startswith(f".{which}.") for p in created)
    assert snapshot(tmp_path) == before


@POSIX
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
@pytest.mark.usefixtures("signals_at_default")
def test_atomic_write_cleans_up_a_signal_on_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    """Outside `batch` too (deadline --ics, the holiday cache) the writer handles signals."""
    target = tmp_path / "x.ics"
    target.write_bytes(b"previous")
    _signal_on_create(monkeypatch, signum, "x.ics")
    with pytest.raises(KeyboardInterrupt), files.atomic_write(target, binary=True) as fh:
        fh.write(b"never")
    assert snapshot(tmp_path) == {"x.ics": (stat.S_IFREG, b"previous")}
    assert signal.getsignal(signal.SIGTERM) is not files._on_signal  # handlers restored


# --- the holiday cache -----------------------------------------------------------------------


def _counting_cache(folder: Path) -> tuple[CachedYearSource, list[int]]:
    calls: list[int] = []

    def source(year: int) -> tuple[Any, ...]:
        calls.append(year)
        return ()

    return CachedYearSource(folder, source=source, version="1.0"), calls


@POSIX
def test_cache_entry_that_is_a_fifo_is_neither_read_nor_replaced(tmp_path: Path) -> None:
    cached, calls = _counting_cache(tmp_path)
    os.mkfifo(cached.path(2025))
    before = snapshot(tmp_path)
    assert cached(2025) == cached(2025) == ()  # no hang: computed each time
    assert calls == [2025, 2025]
    assert snapshot(tmp_path) == before


@POSIX
def test_cache_entry_linked_to_a_device_is_neither_read_nor_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = tmp_path / "device"
    device.write_bytes(b"a device's contents\n")
    cache = tmp_path / "cache"
    cache.mkdir()
    cached, calls = _counting_cache(cache)
    cached.path(2025).symlink_to(device)
    look_like_a_device(monkeypatch, device)
    opened = record_opens(monkeypatch)
    before = snapshot(tmp_path), snapshot(cache)
    assert cached(2025) == ()
    assert calls == [2025]
    assert str(cached.path(2025)) not in opened
    assert (snapshot(tmp_path), snapshot(cache)) == before
