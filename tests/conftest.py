"""Test-wide set-up: every test runs with the holiday cache in a known state.

The suite never touches the user's cache directory. ``--holiday-cache`` picks the state:

- ``warm`` (default): one cache directory for the session, filled before the first test for the
  years the tests use, so calendars are read from the cache;
- ``cold``: a new empty cache directory for every test, so every table is built and written;
- ``off``: PENETAPAN_NO_CACHE=1, so every table comes straight from the ``holidays`` package.

No computed date may depend on it: `uv run pytest --holiday-cache=cold` and `=off` pass too
(docs/holiday-cache.md). Tests of the cache itself set their own directories.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from penetapan_cli.batch.compute import Calculator
from penetapan_cli.core.calendar import WorkCalendar
from penetapan_cli.core.rules import RuleSet
from penetapan_cli.sources.holidays import holidays_package_year
from penetapan_cli.sources.rulesets import load_rule_set

CACHE_MODES = ("warm", "cold", "off")
WARM_YEARS = range(2019, 2032)  # the years the tests compute in, and a margin


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--holiday-cache",
        choices=CACHE_MODES,
        default="warm",
        help="state of the holiday cache during the tests: warm (default), cold or off",
    )


def pytest_report_header(config: pytest.Config) -> str:
    return f"holiday cache: {config.getoption('--holiday-cache')}"


@pytest.fixture(scope="session")
def warm_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache directory filled for WARM_YEARS."""
    from penetapan_cli.sources.holiday_cache import CachedYearSource

    directory = tmp_path_factory.mktemp("holiday-cache-warm")
    source = CachedYearSource(directory)
    for year in WARM_YEARS:
        source(year)
    return directory


@pytest.fixture(autouse=True)
def _holiday_cache(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    mode = request.config.getoption("--holiday-cache")
    monkeypatch.delenv("PENETAPAN_NO_CACHE", raising=False)
    monkeypatch.delenv("PENETAPAN_CACHE_DIR", raising=False)
    if mode == "off":
        monkeypatch.setenv("PENETAPAN_NO_CACHE", "1")
    elif mode == "cold":
        monkeypatch.setenv("PENETAPAN_CACHE_DIR", str(tmp_path_factory.mktemp("holiday-cache")))
    else:
        monkeypatch.setenv("PENETAPAN_CACHE_DIR", str(request.getfixturevalue("warm_cache_dir")))


@pytest.fixture(scope="session")
def rule_set() -> RuleSet:
    return load_rule_set()


@pytest.fixture(scope="session")
def new_calculator(rule_set: RuleSet) -> Callable[..., Calculator]:
    """Makes a batch Calculator with the shipped rule set, counting on Wednesday 5 February
    2025 (today and --as-of); keyword arguments set anything else (a holiday source, cache
    sizes, ``events``). ``holidays=False``: no holiday data at all, for tests of calendar-day
    rules only that make many calculators."""

    def make(*, holidays: bool = True, **settings: Any) -> Calculator:
        day = dt.date(2025, 2, 5)
        if not holidays:
            settings["year_source"] = lambda year: ()
        return Calculator(**{"rule_set": rule_set, "today": day, "as_of": day, **settings})

    return make


@pytest.fixture(scope="session")
def calendar() -> WorkCalendar:
    """Indonesia's calendar from the holidays package, cuti bersama as non-working days."""
    return WorkCalendar(holidays_package_year)


@pytest.fixture(scope="session")
def calendar_no_cuti() -> WorkCalendar:
    return WorkCalendar(holidays_package_year, cuti_bersama_working=True)


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """CLI tests must not depend on the developer's language or terminal."""
    for var in ("PENETAPAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


def _read_terminal(master: int) -> bytes:
    """Everything written to a pseudo-terminal, read from its master side until the program
    writing to it closes it (Linux then reports an error rather than an end of file)."""
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)


@pytest.fixture
def read_terminal() -> Callable[[int], bytes]:
    """``_read_terminal``: for the tests that run the program on a pseudo-terminal."""
    return _read_terminal


def _child_signals_at_default() -> None:
    """In a child process, before it runs: SIGINT, SIGTERM and SIGHUP at their defaults."""
    import signal

    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)


@pytest.fixture
def child_signals() -> Callable[[], None] | None:
    """A ``preexec_fn`` for the tests that signal a child process: the child starts with
    Ctrl-C, SIGTERM and SIGHUP at their defaults whatever the test run was started with
    (``nohup`` ignores SIGHUP, a background job SIGINT, and the program keeps what it finds
    ignored). None where there is no such thing (Windows)."""
    return _child_signals_at_default if os.name == "posix" else None


@pytest.fixture
def signals_at_default() -> Iterator[None]:
    """The same in this process, for the tests that signal themselves; restored after."""
    import signal

    wanted = {
        signal.SIGINT: signal.default_int_handler,
        signal.SIGTERM: signal.SIG_DFL,
        signal.SIGHUP: signal.SIG_DFL,
    }
    before = {signum: signal.signal(signum, handler) for signum, handler in wanted.items()}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def _signalled_mid_run(
    args: list[str],
    ready: Callable[[], bool],
    signum: int,
    *,
    env: dict[str, str] | None = None,
    settle: float = 0.0,
) -> tuple[int, str]:
    """``args`` run on a stdin of 5,000 rows that stays open (the run waits for more), sent
    ``signum`` once ``ready()`` says its files are being written (and ``settle`` seconds
    more), with Ctrl-C, SIGTERM and SIGHUP at their defaults: its exit code and stderr."""
    import subprocess
    import time

    rows = "".join(f"Kab {i},dismissed,2025-02-04\n" for i in range(5000))
    with subprocess.Popen(
        args,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=_child_signals_at_default,
    ) as proc:
        assert proc.stdin is not None
        assert proc.stderr is not None
        proc.stdin.write(("region,outcome,notified_on\n" + rows).encode())
        proc.stdin.flush()  # and kept open: the run waits for more rows
        deadline = time.monotonic() + 60
        while not ready():
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline
            time.sleep(0.01)
        time.sleep(settle)
        proc.send_signal(signum)
        code = proc.wait(timeout=60)
        proc.stdin.close()
        return code, proc.stderr.read().decode()


@pytest.fixture
def signalled_mid_run() -> Callable[..., tuple[int, str]]:
    """``_signalled_mid_run``: for the tests that stop a real batch while it writes (POSIX)."""
    return _signalled_mid_run
