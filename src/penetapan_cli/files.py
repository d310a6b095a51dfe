"""The one file layer: every file the tool reads or writes goes through here.

- ``check_outputs``: where ``-o`` and ``--ics`` may write (a regular file, or a name that does not
  exist yet), checked before anything is read, and never over a file the command reads.
- ``atomic_write``: the one writer. The file appears only when complete (written beside the
  target, synced, renamed over it); the temporary file is removed on every way out, including
  Ctrl-C, SIGTERM and SIGHUP (``stop_on_signals``).
- ``read_small`` (rule and closures files) and ``open_input`` (the batch input): only what can
  be read as a file, and small files within a size limit.
- ``private_status`` and ``read_private`` (the holiday cache): only a directory and a regular
  file of the current user that no one else can write.

The low-level operations (``stat``, ``fstat``, ``_open``, ``_create``, ``_replace``, ``_fsync``,
``current_user``) are module attributes: tests inject faults, file kinds and owners here, in one
place.
"""

from __future__ import annotations

import contextlib
import os
import stat as kinds
import sys
from collections.abc import Callable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any

from penetapan_cli.core.errors import HangUp, InputError, Message

if TYPE_CHECKING:
    from pathlib import Path  # made only where a path is built: a one-off check needs none

# ---------------------------------------------------------------------------------------------
# The low-level operations, replaceable by tests.

stat = os.stat  # follows links: a link to a device is a device
fstat = os.fstat
_open = open
_replace = os.replace
_fsync = os.fsync


def current_user() -> int | None:
    """The effective user id; None where the system has none (Windows)."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid() if geteuid is not None else None


def _create(path: str) -> int:
    """Create the new temporary file ``path`` (never an existing node) for writing."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    return os.open(path, flags, 0o600)


SMALL_FILE_LIMIT = 1 << 20  # rule and closures files: 1 MiB
STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})


def _kind(mode: int) -> Message | None:
    """What a node that is not a regular file is (a message key); None for a regular file."""
    if kinds.S_ISREG(mode):
        return None
    if kinds.S_ISDIR(mode):
        return Message("kind.directory")
    if kinds.S_ISFIFO(mode):
        return Message("kind.fifo")
    if kinds.S_ISCHR(mode) or kinds.S_ISBLK(mode):
        return Message("kind.device")
    if kinds.S_ISSOCK(mode):
        return Message("kind.socket")
    return Message("kind.other")


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


# ---------------------------------------------------------------------------------------------
# Where outputs may go


def write_error(path: Path | str, reason: str | Message, what: str | None = None) -> InputError:
    """``cannot write 'PATH': REASON`` (``-o``), or ``WHAT 'PATH' cannot be written: REASON``;
    ``what`` is a message key such as ``file.calendar``."""
    if what is None:
        return InputError("file.cannot_write", path=str(path), reason=reason)
    return InputError("file.not_written", what=Message(what), path=str(path), reason=reason)


# How each output option names its file in messages, and what it writes.
_WHAT = {"-o": None, "--ics": "file.calendar"}
_NOUN = {"-o": "file.output", "--ics": "file.calendar_noun"}


def check_target(path: Path, *, what: str | None, option: str) -> os.stat_result | None:
    """The status of the regular file at ``path``, or None when there is none yet (its folder
    exists). Anything else — a directory, pipe, device, socket, a link loop, a name too long,
    a missing folder — is an InputError naming ``path``; nothing is opened."""
    try:
        info = stat(path)
    except FileNotFoundError:
        folder = path.parent
        try:
            folder_is_dir = kinds.S_ISDIR(stat(folder).st_mode)
        except OSError:
            folder_is_dir = False
        if not folder_is_dir:
            missing = (
                Message("file.no_directory", path=str(folder))
                if what is None
                else Message("file.no_folder")
            )
            raise write_error(path, missing, what) from None
        return None
    except OSError as exc:  # a link loop, a name too long, a folder that is a file, ...
        raise write_error(path, _reason(exc), what) from None
    kind = _kind(info.st_mode)
    if kind is not None:
        raise write_error(path, Message("file.not_regular", kind=kind, option=option), what)
    return info


def is_stdout(path: Path) -> bool:
    """``-o -`` and ``-o /dev/stdout`` (or another name of fd 1 that is not a regular file)
    mean standard output, which is written as a stream, never replaced."""
    if str(path) in STDOUT_NAMES:
        return True
    try:
        info, out = stat(path), fstat(1)
    except (OSError, ValueError):
        return False
    return not kinds.S_ISREG(info.st_mode) and os.path.samestat(info, out)


def stdin_fd() -> int | None:
    """The file descriptor of standard input, when it has one."""
    try:
        return sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):
        return None


def option_reads(*, rules: str | None, closures: Path | None) -> dict[Message, Path]:
    """The files ``--rules FILE`` and ``--closures FILE`` read, by how messages name them."""
    from penetapan_cli.sources.rulesets import is_rule_file_path

    reads: dict[Message, Path] = {}
    if rules is not None and rules.strip() and is_rule_file_path(rules.strip()):
        from pathlib import Path

        reads[Message("read.rule_file", path=rules.strip())] = Path(rules.strip())
    if closures is not None:
        reads[Message("read.closures_file", path=str(closures))] = closures
    return reads


def _identity(path: Path, info: os.stat_result | None) -> tuple[object, ...]:
    if info is not None:
        return (info.st_dev, info.st_ino)
    return (os.path.normcase(os.path.realpath(path)),)


def check_outputs(
    outputs: Mapping[str, Path | None], reads: Mapping[Message, Path | int | None]
) -> dict[str, Path | None]:
    """Check every output option (``-o``, ``--ics``) before anything is read or written.

    Each must be a regular file or a name that does not exist yet, never a file in ``reads``
    (by how messages name it: a path, or a file descriptor such as stdin's, counted only when
    it is a regular file) and never another output; files are compared by device and inode.
    Returns each option's path, None for standard output (``-o -``) or an option not given.
    """
    checked: dict[str, Path | None] = {}
    seen: list[tuple[str, Path, tuple[object, ...]]] = []
    read_ids: list[tuple[Message, tuple[object, ...]]] = []
    for label, source in reads.items():
        try:
            if isinstance(source, int):
                info = fstat(source)
                if kinds.S_ISREG(info.st_mode):
                    read_ids.append((label, (info.st_dev, info.st_ino)))
            elif source is not None:
                info = stat(source)
                read_ids.append((label, (info.st_dev, info.st_ino)))
        except (OSError, ValueError):
            continue  # reading it reports the problem
    for option, path in outputs.items():
        checked[option] = path
        if path is None:
            continue
        if option == "-o" and is_stdout(path):
            checked[option] = None
            continue
        identity = _identity(path, check_target(path, what=_WHAT.get(option), option=option))
        for label, read_id in read_ids:
            if identity == read_id:
                raise InputError(
                    "file.over_input",
                    what=Message(_NOUN.get(option, "file.output")),
                    input=label,
                    option=option,
                )
        for other_option, other_path, other_id in seen:
            if identity == other_id:
                raise InputError(
                    "file.same",
                    option=option,
                    path=str(path),
                    other_option=other_option,
                    other_path=str(other_path),
                )
        seen.append((option, path, identity))
    return checked


# ---------------------------------------------------------------------------------------------
# Signals: SIGINT, SIGTERM and SIGHUP stop the run through the same clean-up


class _HangUpSignal(KeyboardInterrupt):
    """SIGHUP, raised where the program is, unwound like Ctrl-C (nothing catches it on the
    way), and reported as ``HangUp`` (exit 129) once outside every file being written."""


_depth = 0
_stopping = False


def _on_signal(signum: int, frame: object) -> None:
    global _stopping
    if _stopping:  # already on the way out: let the clean-up finish
        return
    _stopping = True
    import signal

    if signum == getattr(signal, "SIGHUP", None):
        raise _HangUpSignal
    raise KeyboardInterrupt


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Until the block ends, Ctrl-C, SIGTERM (``kill``) and SIGHUP (a closed terminal or SSH
    session) raise where the program is, so that every ``finally`` runs and no partial or
    temporary file is left behind. SIGTERM ends as Ctrl-C does (exit 130); SIGHUP leaves the
    outermost block as ``HangUp`` (exit 129). Nested blocks share the outermost one's handlers;
    later signals are ignored while the first one unwinds. A signal the program was started
    with ignored stays ignored: ``nohup penetapan batch ...`` goes on when the session closes."""
    global _depth, _stopping
    import threading

    if _depth or threading.current_thread() is not threading.main_thread():
        _depth += 1
        try:
            yield
        finally:
            _depth -= 1
        return
    import signal

    signums: list[int] = [signal.SIGINT, signal.SIGTERM]
    hangup = getattr(signal, "SIGHUP", None)
    if hangup is not None:
        signums.append(hangup)
    previous: dict[int, Any] = {}
    _depth = 1
    try:
        for signum in signums:
            if signal.getsignal(signum) is signal.SIG_IGN:
                continue  # ignored by whoever started the program (nohup, a background job)
            previous[signum] = signal.signal(signum, _on_signal)
        yield
    except _HangUpSignal:
        raise HangUp("hang_up") from None
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        _depth = 0
        _stopping = False


# ---------------------------------------------------------------------------------------------
# The one writer


def _temp_name(target: Path) -> str:
    """A new name beside ``target``: ``.NAME.RANDOM.tmp``, short enough for any folder."""
    stem = os.fsencode(target.name)[:120].decode("utf-8", "ignore") or "output"
    return str(target.with_name(f".{stem}.{os.urandom(6).hex()}.tmp"))


@contextlib.contextmanager
def atomic_write(
    path: Path | str,
    *,
    binary: bool = False,
    what: str | None = None,
    option: str = "-o",
    errors: str = "strict",
    keep: Callable[[], bool] | None = None,
    sync: bool = True,
    mode: int | None = None,
) -> Iterator[IO[Any]]:
    """A file that appears at ``path`` only when complete: written beside it, synced to disk,
    then renamed over it, keeping the mode of the file it replaces (else the default under the
    umask; ``mode`` when given). When ``keep`` says no at the end, nothing is written. On any
    error, interruption or signal, the temporary file is removed and whatever was at ``path``
    is left as it was.

    ``path`` must be a regular file or a new name (``check_target``). Errors are one-line
    InputErrors naming ``path`` as ``write_error`` does with ``what``.
    """
    from pathlib import Path

    path = Path(path)
    check_target(path, what=what, option=option)
    target = Path(os.path.realpath(path))
    temp = _temp_name(target)
    committed = False
    with stop_on_signals():
        try:  # entered before the file exists: a signal right after creating it still cleans up
            fd = _create(temp)
            given: list[int] = []

            def opener(name: str, flags: int) -> int:
                given.append(fd)
                return fd

            try:
                if binary:
                    fh: IO[Any] = _open(temp, "wb", opener=opener)
                else:
                    fh = _open(
                        temp, "w", encoding="utf-8", errors=errors, newline="", opener=opener
                    )
            except BaseException:
                if not given:
                    with contextlib.suppress(OSError):
                        os.close(fd)
                raise
            with fh:
                yield fh
                kept = keep is None or keep()
                if kept:
                    fh.flush()
                    if sync:
                        _fsync(fh.fileno())
            if kept:
                with contextlib.suppress(OSError):  # e.g. a file system without modes
                    os.chmod(temp, _mode_for(target) if mode is None else mode)
                _replace(temp, target)
                committed = True
        except OSError as exc:  # reading errors arrive as InputError: this is writing
            raise write_error(path, _reason(exc), what) from None
        finally:
            if not committed:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
    if committed and sync:
        _sync_folder(target.parent)


def atomic_output(
    path: Path, *, binary: bool = False
) -> contextlib.AbstractContextManager[IO[Any]]:
    """The ``-o`` file of ``batch``: UTF-8 text (or bytes: an .xlsx workbook), written by
    ``atomic_write``."""
    from penetapan_cli.batch.columns import OUTPUT_ERRORS

    if binary:
        return atomic_write(path, binary=True)
    return atomic_write(path, errors=OUTPUT_ERRORS)


def _sync_folder(folder: Path) -> None:
    """The rename itself reaches the disk (where folders can be opened: not on Windows)."""
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            _fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _mode_for(target: Path) -> int:
    """The file mode of the file being replaced, else the default one under the umask."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# ---------------------------------------------------------------------------------------------
# Reading


def read_small(
    path: Path | str,
    *,
    what: str,
    error: type[InputError] = InputError,
    fifo: bool = True,
    limit: int = SMALL_FILE_LIMIT,
) -> bytes:
    """The bytes of the small file ``path`` (a rule or closures file): a regular file, or a
    named pipe when ``fifo``, of at most ``limit`` bytes. Anything else is ``error`` with one
    line, ``WHAT 'PATH' ...``, found from its status before it is opened where it can be."""
    name = str(path)
    info = _input_status(path, fifo=fifo, error=error, what=what)
    kind = _kind(info.st_mode)
    too_large = Message(
        "file.too_large", what=Message(what), path=name, mib=f"{limit / (1 << 20):g}"
    )
    if info.st_size > limit and kind is None:
        raise error(too_large)
    try:
        with _open(path, "rb") as fh:
            opened = os.fstat(fh.fileno()).st_mode  # what was opened, if it changed since
            if not (kinds.S_ISREG(opened) or (fifo and kinds.S_ISFIFO(opened))):
                raise error("file.not_a_file", what=Message(what), path=name, kind=_kind(opened))
            data: bytes = fh.read(limit + 1)
    except OSError as exc:
        raise error("file.unreadable", what=Message(what), path=name, reason=_reason(exc)) from None
    if len(data) > limit:
        raise error(too_large)
    return data


def _input_status(
    path: str | Path,
    *,
    fifo: bool,
    error: type[InputError],
    what: str,
    unreadable: str = "file.unreadable",
) -> os.stat_result:
    """The status of a file to read: it exists and is a regular file, or a named pipe when
    ``fifo``; otherwise ``error``, one line naming ``what`` (a message key) and the path."""
    named = {"what": Message(what), "path": str(path)}
    try:
        info = stat(path)
    except FileNotFoundError:
        raise error("file.not_found", **named) from None
    except OSError as exc:
        raise error(unreadable, **named, reason=_reason(exc)) from None
    kind = _kind(info.st_mode)
    if kind is not None and kind.key == "kind.directory":
        raise error("file.directory", **named)
    if kind is not None and not (fifo and kinds.S_ISFIFO(info.st_mode)):
        raise error("file.not_a_file", **named, kind=kind)
    return info


# ---------------------------------------------------------------------------------------------
# Private files: what only the current user can have written (the holiday cache)

UNSAFE_REASONS = ("owned by another user", "writable by others", "unchecked")
"""Why a directory or file that decides dates is not trusted ("unchecked": the system has no
owners or modes to check, and the location is not known to be private)."""


def _unsafe(info: os.stat_result, *, private_location: bool) -> str | None:
    user = current_user()
    if user is None:  # Windows: no owner or mode to check; only a private location is trusted
        return None if private_location else "unchecked"
    if info.st_uid != user:
        return "owned by another user"
    if info.st_mode & 0o022:
        return "writable by others"
    return None


def private_status(directory: Path | str, *, private_location: bool = False) -> str | None:
    """None when ``directory`` is the current user's and no one else can write it; otherwise
    "missing", "not a directory" (or another error) or one of ``UNSAFE_REASONS``."""
    try:
        info = stat(directory)
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "not a directory"
    if not kinds.S_ISDIR(info.st_mode):
        return "not a directory"
    return _unsafe(info, private_location=private_location)


_PRIVATE_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOFOLLOW", 0)  # a link is not followed: opening it fails
    | getattr(os, "O_NONBLOCK", 0)  # a pipe that took the file's place does not block
)


def read_private(path: Path | str, *, limit: int, private_location: bool = False) -> bytes | str:
    """The bytes of the regular file ``path`` of the current user, which no one else can
    write, read up to ``limit``; otherwise why not: "missing", "not a file" (a pipe, a
    device, a link, a directory), "corrupt" (unreadable or too large), or one of
    ``UNSAFE_REASONS``. Never blocks, never reads more than ``limit`` + 1 bytes."""
    try:
        info = stat(path)  # follows links: what a link points to, as a reader would see it
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "corrupt"
    if not kinds.S_ISREG(info.st_mode):
        return "not a file"

    def opener(name: str, flags: int) -> int:
        return os.open(name, _PRIVATE_FLAGS)

    try:
        with _open(path, "rb", opener=opener) as fh:
            opened = fstat(fh.fileno())  # what was opened, whatever the name pointed to before
            if not kinds.S_ISREG(opened.st_mode):
                return "not a file"
            reason = _unsafe(opened, private_location=private_location)
            if reason is not None:
                return reason
            if opened.st_size > limit:
                return "corrupt"
            data: bytes = fh.read(limit + 1)
    except OSError as exc:
        if getattr(exc, "errno", None) in (getattr(os, "ELOOP", -1), getattr(os, "EMLINK", -1)):
            return "not a file"  # a link (O_NOFOLLOW)
        return "corrupt"
    return "corrupt" if len(data) > limit else data


@contextlib.contextmanager
def open_input(path: str) -> Iterator[IO[bytes]]:
    """The batch input file, of any size: a regular file or a pipe, never a directory, device
    or socket."""
    named = {"what": Message("file.input"), "path": path}
    _input_status(
        path, fifo=True, error=InputError, what="file.input", unreadable="file.cannot_read"
    )
    try:
        fh = _open(path, "rb")
    except FileNotFoundError:
        raise InputError("file.not_found", **named) from None
    except IsADirectoryError:
        raise InputError("file.directory", **named) from None
    except OSError as exc:
        raise InputError("file.cannot_read", **named, reason=_reason(exc)) from None
    with fh:
        yield fh


# ---------------------------------------------------------------------------------------------
# Standard output


@contextlib.contextmanager
def stdout_text() -> Iterator[IO[str]]:
    """UTF-8 text on stdout, whatever the locale. Its write errors (a full disk, a reader that
    went away) are stdout's own, which the boundary reports (boundary.py)."""
    import io

    from penetapan_cli.batch.columns import OUTPUT_ERRORS

    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", errors=OUTPUT_ERRORS, newline="")
    try:
        yield out
        out.flush()
    finally:
        with contextlib.suppress(OSError, ValueError):
            out.detach()  # leaves sys.stdout open
