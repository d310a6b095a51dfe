"""Start-up time of one-off checks: whole processes, timed round-robin, medians and ratios.

    uv sync --group bench            # installs the lexdays reference (benchmark only)
    .venv/bin/python benchmarks/startup.py [--runs 30] [--warmup 3] [--check]

Every command is a separate process started from the virtual environment's bin directory
(the installed console scripts, not `uv run`, which adds its own start-up). The commands are
run in turn, round after round, each round starting one command further on, so that noise
from the machine falls on all of them alike. The holiday cache lives in a fresh temporary
directory: the warm-up runs fill it, so the `--basis working` figure is the warm-cache one;
the cache-off and piped text rows are for information.

The rows marked "pty" run with stdout on a pseudo-terminal (as a person at a terminal sees
the card, styled), the others with stdout on the null device. The pty rows are left out
where the platform has no pseudo-terminals (Windows).

Targets (docs/performance.md, "Start-up"): both `deadline --format json` commands at most 1.0
times the lexdays reference and 1.2 times the minimal Typer app; `--help` at most 1.1 times
the minimal Typer app; the text card on a terminal at most 1.0 times lexdays on a terminal.
--check exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent

DEADLINE = ["deadline", "dismissed", "2025-02-04"]
LEXDAYS = "lexdays add tr 2025-02-04 3 --json"
LEXDAYS_PTY = "lexdays add tr 2025-02-04 3 (pty)"
CARD_PTY = "deadline (text card, pty)"
TYPER = "minimal Typer app"
PTY = "pty"  # the extra environment's marker: run with stdout on a pseudo-terminal
HAS_PTY = hasattr(os, "openpty")
# (label, command line, extra environment)
Command = tuple[str, list[str], dict[str, str]]


def commands(penetapan: str, lexdays: str) -> list[Command]:
    on_terminal: list[Command] = [
        (
            LEXDAYS_PTY,
            [lexdays, "add", "tr", "2025-02-04", "3"],
            {PTY: "1", "TERM": "xterm-256color"},
        ),
        (CARD_PTY, [penetapan, *DEADLINE], {PTY: "1", "TERM": "xterm-256color"}),
    ]
    elsewhere: list[Command] = [
        ("python -c pass", [sys.executable, "-c", "pass"], {}),
        (TYPER, [sys.executable, str(HERE / "minimal_typer.py"), "World"], {}),
        (LEXDAYS, [lexdays, "add", "tr", "2025-02-04", "3", "--json"], {}),
        ("deadline --format json", [penetapan, *DEADLINE, "--format", "json"], {}),
        (
            "deadline --format json --basis working",
            [penetapan, *DEADLINE, "--format", "json", "--basis", "working"],
            {},
        ),
        ("penetapan --help", [penetapan, "--help"], {}),
        ("deadline --format date", [penetapan, *DEADLINE, "--format", "date"], {}),
        ("deadline (text card, piped)", [penetapan, *DEADLINE], {}),
        (
            "deadline --format json --basis working, cache off",
            [penetapan, *DEADLINE, "--format", "json", "--basis", "working"],
            {"PENETAPAN_NO_CACHE": "1"},
        ),
    ]  # fmt: skip
    return [*(on_terminal if HAS_PTY else []), *elsewhere]


TARGETS = [
    # (command, reference, at most)
    ("deadline --format json", LEXDAYS, 1.0),
    ("deadline --format json", TYPER, 1.2),
    ("deadline --format json --basis working", LEXDAYS, 1.0),
    ("deadline --format json --basis working", TYPER, 1.2),
    ("penetapan --help", TYPER, 1.1),
    *([(CARD_PTY, LEXDAYS_PTY, 1.0)] if HAS_PTY else []),
]


def find_script(name: str) -> str:
    path = BIN / name
    if path.is_file():
        return str(path)
    found = shutil.which(name)
    if found is None:
        sys.exit(
            f"startup.py: {name!r} is not installed next to {sys.executable}; "
            "run `uv sync --group bench` first"
        )
    return found


def run(cmd: list[str], env: dict[str, str]) -> float:
    if PTY in env:
        return run_on_terminal(cmd, {k: v for k, v in env.items() if k != PTY})
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"startup.py: {' '.join(cmd)} exited with {proc.returncode}")
    return elapsed


def run_on_terminal(cmd: list[str], env: dict[str, str]) -> float:
    """The time of ``cmd`` with stdout and stderr on a pseudo-terminal, read to the end."""
    import pty

    master, slave = pty.openpty()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    os.close(slave)
    while True:
        try:
            if not os.read(master, 65536):
                break
        except OSError:  # the terminal closed with the process
            break
    code = proc.wait()
    elapsed = time.perf_counter() - start
    os.close(master)
    if code != 0:
        sys.exit(f"startup.py: {' '.join(cmd)} exited with {code} on a terminal")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="timed runs of each command")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs of each command")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    opts = parser.parse_args()

    penetapan, lexdays = find_script("penetapan"), find_script("lexdays")
    cmds = commands(penetapan, lexdays)
    with tempfile.TemporaryDirectory(prefix="penetapan-bench-") as cache:
        # Python writes bytecode caches on the first run unless told not to; measure that
        # usual case (the warm-up runs write them) even where the shell disables it. The card
        # on a terminal is measured styled, as a person sees it (no NO_COLOR).
        base = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("PENETAPAN_")
            and k not in ("PYTHONDONTWRITEBYTECODE", "NO_COLOR", "TERM")
        }
        base |= {"PENETAPAN_CACHE_DIR": cache, "PENETAPAN_LANG": "en"}
        envs = [base | extra for _, _, extra in cmds]
        check = subprocess.run(
            [penetapan, *DEADLINE, "--format", "date", "--basis", "working"],
            env=base,
            capture_output=True,
            text=True,
        )
        # PKPU 18/2024 Pasal 57(1)(b): 3 days after Tue 4 Feb 2025 -> Fri 7 Feb 2025 (no
        # holiday between, so calendar and working days agree).
        if check.stdout != "2025-02-07\n":
            sys.exit(f"startup.py: unexpected answer {check.stdout!r}")
        for _ in range(opts.warmup):
            for (_, cmd, _), env in zip(cmds, envs, strict=True):
                run(cmd, env)
        times: list[list[float]] = [[] for _ in cmds]
        for round_no in range(opts.runs):
            for k in range(len(cmds)):
                i = (round_no + k) % len(cmds)
                times[i].append(run(cmds[i][1], envs[i]))

    medians = {label: statistics.median(t) for (label, _, _), t in zip(cmds, times, strict=True)}
    lex, typer_app = medians[LEXDAYS], medians[TYPER]
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {opts.runs} runs after "
        f"{opts.warmup} warm-up, round-robin; milliseconds"
    )
    print(f"{'command':52} {'median':>7} {'min':>7} {'max':>7} {'/lexdays':>9} {'/Typer':>7}")
    for (label, _, _), t in zip(cmds, times, strict=True):
        med = medians[label]
        print(
            f"{label:52} {med * 1e3:7.1f} {min(t) * 1e3:7.1f} {max(t) * 1e3:7.1f} "
            f"{med / lex:9.2f} {med / typer_app:7.2f}"
        )
    missed = 0
    print()
    for label, ref, limit in TARGETS:
        ratio = medians[label] / medians[ref]
        ok = ratio <= limit
        missed += not ok
        verdict = "met" if ok else "MISSED"
        print(f"{label} / {ref}: {ratio:.2f} (target <= {limit}) {verdict}")
    return 1 if (missed and opts.check) else 0


if __name__ == "__main__":
    sys.exit(main())
