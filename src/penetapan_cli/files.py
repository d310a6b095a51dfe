"""The one file layer: checking output paths, atomic writes, clean-up on every way out."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from penetapan_cli.core.errors import InputError

if TYPE_CHECKING:
    pass
from penetapan_cli.batch.columns import OUTPUT_ERRORS

# ---------------------------------------------------------------------------------------------
# Output files


def same_file(input_path: Path, output_path: Path) -> bool:
    if input_path.resolve() == output_path.resolve():
        return True
    try:
        return os.path.samefile(input_path, output_path)
    except OSError:
        return False


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` only when complete: written beside it, synced to
    disk, then renamed over it. On any error or interruption the partial file is removed and
    whatever was at ``path`` before is left as it was."""
    target = path.resolve()
    if target.is_dir():
        raise InputError(f"cannot write {str(path)!r}: it is a directory")
    if not target.parent.is_dir():
        raise InputError(f"cannot write {str(path)!r}: directory {str(path.parent)!r} not found")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise InputError(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
    try:
        with open(fd, "w", encoding="utf-8", errors=OUTPUT_ERRORS, newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):  # reading errors arrive as InputError: this is writing
            raise InputError(f"cannot write {str(path)!r}: {exc.strerror or exc}") from None
        raise
    with contextlib.suppress(OSError):
        dir_fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _mode_for(target: Path) -> int:
    """The file mode of the file being replaced, else the default one under the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def stop_on_sigterm(stack: contextlib.ExitStack) -> None:
    """Until ``stack`` closes, SIGTERM (``kill``) stops the run as Ctrl-C does, so that the
    same clean-up runs: no partial output file is left behind."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    stack.callback(signal.signal, signal.SIGTERM, previous)


@contextlib.contextmanager
def open_input(path: str) -> Iterator[IO[bytes]]:
    try:
        fh = open(path, "rb")  # noqa: SIM115 (closed below)
    except FileNotFoundError:
        raise InputError(f"input {path!r} not found") from None
    except IsADirectoryError:
        raise InputError(f"input {path!r} is a directory") from None
    except OSError as exc:
        raise InputError(f"cannot read input {path!r}: {exc.strerror or exc}") from None
    with fh:
        yield fh


@contextlib.contextmanager
def stdout_text() -> Iterator[IO[str]]:
    """UTF-8 text on stdout, whatever the locale; a closed pipe (``| head``) ends quietly."""
    import io

    from penetapan_cli.batch.columns import OUTPUT_ERRORS

    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", errors=OUTPUT_ERRORS, newline="")
    try:
        yield out
        out.flush()
    except BrokenPipeError:
        stdout_to_devnull()
        raise
    except OSError as exc:  # e.g. a full disk (reading errors arrive as InputError)
        stdout_to_devnull()
        raise InputError(f"cannot write standard output: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError, ValueError):
            out.detach()  # leaves sys.stdout open


def stdout_to_devnull() -> None:
    """After the reader of stdout went away, send what is left nowhere instead of failing."""
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
