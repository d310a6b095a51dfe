"""A holiday table that someone else planted or altered cannot change a date (issue 11, point 1).

The CRC-32 of a cache file catches accidents, not intent: a 2025 table rewritten with a valid
checksum and no holidays would move a working-day deadline. These tests plant such a table where
another user could have put it and check that the right date still comes out.

Owners are injected through the file layer's hooks (``files.stat``, ``files.fstat``), so the
tests run without root; where the suite runs as root, the real ``chown`` is checked as well.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from penetapan_cli import files
from penetapan_cli.settings import holiday_source
from penetapan_cli.sources.holiday_cache import CachedYearSource, read_table, write_table
from penetapan_cli.sources.holidays import holidays_package_year

POSIX = pytest.mark.skipif(os.name != "posix", reason="user ids and file modes are POSIX")
runner = CliRunner(env={"PENETAPAN_LANG": "en"})

# PKPU 18/2024 Pasal 57(1)(b) (docs/legal-basis.md), counted in working days with --basis
# working: 3 days after Fri 24 Jan 2025. SKB 3 Menteri 2025 (the holiday and cuti bersama
# decree): Mon 27 Jan Isra Mikraj, Tue 28 Jan cuti bersama Imlek, Wed 29 Jan Imlek; so Thu 30,
# Fri 31 Jan and Mon 3 Feb. A table with no holidays would give Wed 29 Jan instead.
ARGS = ["deadline", "dismissed", "2025-01-24", "--basis", "working", "--format", "date"]
ARGS += ["--as-of", "2025-01-24"]
RIGHT = "2025-02-03"
POISONED = "2025-01-29"


@pytest.fixture(autouse=True)
def _own_cache(_holiday_cache: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests choose their own cache directories: the cache is on whatever the suite's
    --holiday-cache mode (conftest.py) says."""
    monkeypatch.delenv("PENETAPAN_NO_CACHE", raising=False)


def plant(directory: Path) -> Path:
    """A 2025 table with no holidays and a valid checksum, as an attacker would write it."""
    directory.mkdir(parents=True, exist_ok=True)
    cached = CachedYearSource(directory)
    path = cached.path(2025)
    assert write_table(path, cached.key(2025), ())
    assert read_table(path, cached.key(2025)) == ()  # a well-formed table: only trust rejects it
    return path


def deadline(monkeypatch: pytest.MonkeyPatch, directory: Path, *extra: str) -> Result:
    monkeypatch.setenv("PENETAPAN_CACHE_DIR", str(directory))
    return runner.invoke(app(), [*ARGS, *extra])


def app() -> Any:
    from penetapan_cli.cli import app

    return app


def owned_by_another_user(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """``paths`` have another owner, for the file layer's status checks only."""
    other = (files.current_user() or 0) + 1
    targets = {os.path.realpath(p) for p in paths}
    real_stat, real_fstat = files.stat, files.fstat

    def changed(info: os.stat_result) -> os.stat_result:
        fields = list(info)
        fields[4] = other  # st_uid
        return os.stat_result(fields)

    def status(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        info = real_stat(path, *args, **kwargs)
        return changed(info) if os.path.realpath(path) in targets else info

    def fstatus(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        for target in targets:
            try:
                if os.path.samestat(info, os.stat(target)):
                    return changed(info)
            except OSError:
                continue
        return info

    monkeypatch.setattr(files, "stat", status)
    monkeypatch.setattr(files, "fstat", fstatus)


def one_warning(result: Result, *fragments: str) -> None:
    lines = [line for line in result.stderr.splitlines() if "holiday cache" in line]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("warning: holiday cache"), lines
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


@POSIX
def test_planted_in_a_directory_another_user_owns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    planted = plant(shared)
    before = planted.read_bytes()
    owned_by_another_user(monkeypatch, shared)
    result = deadline(monkeypatch, shared)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == RIGHT
    one_warning(result, str(shared), "owned by another user")
    assert planted.read_bytes() == before  # not used, and not written to either


@POSIX
def test_planted_in_a_world_writable_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    planted = plant(shared)
    shared.chmod(0o777)  # real modes: no injection needed
    result = deadline(monkeypatch, shared)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == RIGHT
    one_warning(result, "writable by other users")
    assert read_table(planted, CachedYearSource(shared).key(2025)) == ()  # left as found


@POSIX
def test_planted_in_a_group_writable_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    plant(shared)
    shared.chmod(0o770)
    result = deadline(monkeypatch, shared)
    assert result.stdout.strip() == RIGHT
    one_warning(result, "writable by other users")


@POSIX
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_planted_by_another_user_for_real_when_run_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    planted = plant(shared)
    os.chown(shared, 65534, 65534)  # nobody
    os.chown(planted, 65534, 65534)
    result = deadline(monkeypatch, shared)
    assert result.stdout.strip() == RIGHT
    one_warning(result, "owned by another user")


@POSIX
@pytest.mark.parametrize("how", ["another owner", "writable by others"])
def test_a_file_someone_else_could_write_in_a_private_directory_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    mine = tmp_path / "mine"
    planted = plant(mine)
    if how == "another owner":
        owned_by_another_user(monkeypatch, planted)
    else:
        planted.chmod(0o666)
    result = deadline(monkeypatch, mine)
    assert result.stdout.strip() == RIGHT
    one_warning(result, str(planted))
    monkeypatch.undo()
    # Replaced by the real table, private to its user.
    key = CachedYearSource(mine).key(2025)
    assert read_table(planted, key) == holidays_package_year(2025)
    assert stat.S_IMODE(planted.stat().st_mode) == 0o600


@POSIX
def test_the_cache_is_created_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = tmp_path / "parent" / "cache"
    result = deadline(monkeypatch, fresh)
    assert result.stdout.strip() == RIGHT
    assert "holiday cache" not in result.stderr
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
    (table,) = fresh.iterdir()
    assert stat.S_IMODE(table.stat().st_mode) == 0o600
    # Warm: read back from the file, same date, nothing said.
    again = deadline(monkeypatch, fresh)
    assert again.stdout.strip() == RIGHT
    assert again.stderr == result.stderr  # the rule set's notices, nothing about the cache


def test_a_private_table_is_used(tmp_path: Path) -> None:
    """The other side of the check: the user's own table in the user's own directory is read
    (which is what makes the cache worth having)."""
    calls: list[int] = []

    def source(year: int) -> tuple[Any, ...]:
        calls.append(year)
        return ()

    plant(tmp_path / "mine")
    assert CachedYearSource(tmp_path / "mine", source=source)(2025) == ()
    assert calls == []


@POSIX
def test_the_warning_is_said_once_per_run(tmp_path: Path) -> None:
    """Two tables someone else could write (a count over the turn of a year reads both): one
    warning, and both replaced."""
    mine = tmp_path / "mine"
    for year in (2024, 2025):
        cached = CachedYearSource(mine, source=lambda y: ())
        cached(year)
        cached.path(year).chmod(0o666)
    told: list[tuple[Path, str]] = []
    cached = CachedYearSource(mine, on_unsafe=lambda path, why: told.append((path, why)))
    assert cached(2024) == holidays_package_year(2024)
    assert cached(2025) == holidays_package_year(2025)
    assert told == [(cached.path(2024), "writable by others")]


# --- batch takes its calendar the same way ----------------------------------------------------


@POSIX
def test_batch_and_deadline_agree_on_a_planted_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    plant(shared)
    shared.chmod(0o777)
    data = tmp_path / "in.csv"
    data.write_text("outcome,notified_on,basis\ndismissed,2025-01-24,working\n", encoding="utf-8")
    monkeypatch.setenv("PENETAPAN_CACHE_DIR", str(shared))
    result = runner.invoke(app(), ["batch", str(data), "--as-of", "2025-01-24"])
    assert result.exit_code == 0, result.stderr
    row = result.stdout.splitlines()[1]
    assert row.startswith(f"dismissed,2025-01-24,working,2025-01-24,{RIGHT},")  # trigger_date
    assert "warning: holiday cache" in result.stderr
    assert deadline(monkeypatch, shared).stdout.strip() == RIGHT


def test_batch_reads_and_fills_the_same_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    data = tmp_path / "in.csv"
    data.write_text("outcome,notified_on,basis\ndismissed,2025-01-24,working\n", encoding="utf-8")
    monkeypatch.setenv("PENETAPAN_CACHE_DIR", str(cache))
    result = runner.invoke(app(), ["batch", str(data), "--as-of", "2025-01-24"])
    assert f",{RIGHT}," in result.stdout
    assert [p.name for p in cache.iterdir()] == ["holidays-ID-2025.json"]


# --- what is not a regular file is never waited on or read ------------------------------------


@POSIX
def test_a_fifo_cache_file_does_not_hang(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    os.mkfifo(cache / "holidays-ID-2025.json")
    env = {**os.environ, "PENETAPAN_CACHE_DIR": str(cache), "PENETAPAN_LANG": "en"}
    env.pop("PENETAPAN_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-m", "penetapan_cli", *ARGS],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,  # a hang fails here instead of blocking the suite
    )
    assert (done.returncode, done.stdout.strip()) == (0, RIGHT), done.stderr
    assert stat.S_ISFIFO((cache / "holidays-ID-2025.json").lstat().st_mode)  # left alone


@POSIX
def test_a_fifo_swapped_in_after_the_status_check_does_not_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name is checked, then opened: a FIFO put there in between is opened without
    blocking and refused from the status of what was opened."""
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    fifo = cache / "holidays-ID-2025.json"
    os.mkfifo(fifo)
    real = files.stat
    regular = os.stat_result([stat.S_IFREG | 0o600, *list(os.stat(tmp_path))[1:]])
    monkeypatch.setattr(
        files, "stat", lambda p, *a, **k: regular if Path(p) == fifo else real(p, *a, **k)
    )
    found: list[object] = []
    worker = threading.Thread(
        target=lambda: found.append(CachedYearSource(cache, source=lambda y: ())(2025)),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "reading the cache hung on a FIFO"
    assert found == [()]


@POSIX
def test_a_link_to_dev_zero_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    (cache / "holidays-ID-2025.json").symlink_to("/dev/zero")
    result = deadline(monkeypatch, cache)
    assert (result.exit_code, result.stdout.strip()) == (0, RIGHT), result.stderr
    assert "holiday cache" not in result.stderr


@POSIX
def test_a_link_to_a_regular_file_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = plant(tmp_path / "elsewhere")
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    (cache / "holidays-ID-2025.json").symlink_to(elsewhere)
    result = deadline(monkeypatch, cache)
    assert result.stdout.strip() == RIGHT


@pytest.mark.parametrize(
    "content",
    [b"[" * 3000, b"[" * 100_000 + b"\n" + b"[" * 100_000, b'{"crc32":' + b"9" * 5000 + b"}\n[]"],
    ids=["brackets", "brackets-two-lines", "huge-number"],
)
def test_a_corrupt_file_is_rebuilt_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    path = cache / "holidays-ID-2025.json"
    path.write_bytes(content)
    if os.name == "posix":
        path.chmod(0o600)
    result = deadline(monkeypatch, cache)
    assert (result.exit_code, result.stdout.strip()) == (0, RIGHT), result.stderr
    assert "holiday cache" not in result.stderr
    assert read_table(path, CachedYearSource(cache).key(2025)) == holidays_package_year(2025)


def test_an_oversized_file_is_not_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    path = cache / "holidays-ID-2025.json"
    with path.open("wb") as fh:
        fh.truncate(1 << 30)  # 1 GiB, sparse
    if os.name == "posix":
        path.chmod(0o600)
    result = deadline(monkeypatch, cache)
    assert (result.exit_code, result.stdout.strip()) == (0, RIGHT)


# --- where there are no owners to check -------------------------------------------------------


def test_without_user_ids_only_the_default_private_location_is_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no uid or mode bits to check: the default folder under %LOCALAPPDATA% (the
    user's own profile) is used, a PENETAPAN_CACHE_DIR (perhaps a shared drive) is not."""
    local = tmp_path / "local"
    plant(local / "penetapan" / "Cache")
    shared = tmp_path / "shared"
    plant(shared)
    monkeypatch.setattr(files, "current_user", lambda: None)
    told: list[str] = []
    monkeypatch.setattr(sys, "stderr", _Lines(told))
    source = holiday_source("en", {"LOCALAPPDATA": str(local)}, "win32")
    assert source(2025) == ()  # the user's own table, trusted by where it is
    source = holiday_source("en", {"PENETAPAN_CACHE_DIR": str(shared)}, "win32")
    assert source(2025) == holidays_package_year(2025)
    assert len(told) == 1, told
    assert "cannot be checked" in told[0], told


class _Lines:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def write(self, text: str) -> int:
        self.lines.append(text)
        return len(text)

    def flush(self) -> None:
        pass
