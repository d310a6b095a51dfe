"""Benchmark: `penetapan batch` CSV to CSV beside a plain Python csv copy of the same file.

    uv run python benchmarks/batch.py                      # 1,000,000 rows, 3 runs each
    uv run python benchmarks/batch.py --rows 10000 100000 1000000 --repeat 5
    uv run python benchmarks/batch.py --declared           # with a declared_on column

For each size N it writes N generated rows shaped like the 2024 disputes (545 regions, the
outcomes and notification dates of docs/legal-basis.md, "Pilkada 2024 as it happened", some
Indonesian date spellings, a notes column with commas, a basis column asking for working days on
one row in fifty so that the holiday calendar is loaded), then runs, alternately and each in a
fresh child process:

- copy:  csv.reader -> csv.writer, row by row, of the same file (the floor for any CSV tool);
- batch: python -m penetapan_cli batch IN -o OUT --as-of 2025-02-05.

With ``--declared`` the rows also have a ``declared_on`` column (a season's audit: most on
time, one in twenty late, one in ten empty) and the batch counts from ``--as-of 2025-06-01``,
after every declaration.

It prints the median wall time of each, rows per second, the ratio batch/copy, and the peak
resident memory of each child (ru_maxrss from wait4). Targets (issue "Batch"): ratio <= 3 and
batch peak memory < 100 MiB at any N. Figures, not a timed test: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COPY = """
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as src, \\
        open(sys.argv[2], "w", newline="", encoding="utf-8") as dst:
    writer = csv.writer(dst, lineterminator="\\n")
    for row in csv.reader(src):
        writer.writerow(row)
"""

OUTCOMES = (
    ["no-petition"] * 50
    + ["dismissed"] * 20
    + ["tidak-dapat-diterima"] * 5
    + ["withdrawn"] * 3
    + ["lapsed", "not-competent"]
    + ["rejected"] * 3
    + ["granted"]
    + ["psu"] * 8
    + ["recapitulation"]
)
DATES = {
    "no-petition": ["2025-01-06", "06/01/2025", "6 Januari 2025"],
    "revote": ["2025-02-24"],
    "final": ["2025-02-24", "24 Februari 2025"],
    "dismissal": ["2025-02-04", "2025-02-05", "4 Februari 2025", "05/02/2025"],
}


# Declaration dates (--declared): within the period of each kind of trigger, and late ones.
DECLARED = {"no-petition": "2025-01-08", "final": "2025-02-26", "dismissal": "2025-02-06"}
LATE = {"no-petition": "2025-01-14", "final": "2025-03-04", "dismissal": "2025-02-12"}


def generate(path: Path, rows: int, seed: int = 2024, *, declared: bool = False) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        header = ["region", "case_number", "outcome", "notified_on", "basis", "note"]
        writer.writerow([*header, "declared_on"] if declared else header)
        for i in range(rows):
            outcome = rng.choice(OUTCOMES)
            if outcome == "no-petition":
                trigger, case = "no-petition", ""
            else:
                kind = "BUP" if i % 545 >= 37 else "GUB"
                case = f"{rng.randint(1, 310)}/PHPU.{kind}-XXIII/2025"
                if outcome in ("psu", "recapitulation", "rejected", "granted"):
                    trigger = "final"
                else:
                    trigger = "dismissal"
            dates = DATES[trigger]
            extra = []
            if declared:
                day = "" if i % 10 == 3 else (LATE if i % 20 == 7 else DECLARED)[trigger]
                extra = [day]
            writer.writerow(
                [
                    f"Kabupaten Contoh {i % 545 + 1}",
                    case,
                    outcome,
                    rng.choice(dates),
                    "working" if i % 50 == 0 else "",
                    "dibacakan, diberitahukan melalui KPU RI" if i % 7 == 0 else "",
                    *extra,
                ]
            )


def measure(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak resident MiB and exit code of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0,):
        sys.stderr.write(stderr.decode("utf-8", "replace"))
    return elapsed, usage.ru_maxrss / 1024, proc.returncode  # ru_maxrss is in KiB on Linux


def bench(rows: int, repeat: int, workdir: Path, *, declared: bool = False) -> dict[str, float]:
    source = workdir / f"cases-{rows}{'-declared' if declared else ''}.csv"
    generate(source, rows, declared=declared)
    copy_out, batch_out = workdir / "copy.csv", workdir / "batch.csv"
    copy_argv = [sys.executable, "-c", COPY, str(source), str(copy_out)]
    batch_argv = [
        sys.executable, "-m", "penetapan_cli", "batch", str(source),
        "-o", str(batch_out), "--as-of", "2025-06-01" if declared else "2025-02-05",
    ]  # fmt: skip
    copies, batches, copy_mem, batch_mem = [], [], [], []
    for _ in range(repeat):
        seconds, mem, code = measure(copy_argv)
        assert code == 0, f"the copy failed with exit code {code}"
        copies.append(seconds)
        copy_mem.append(mem)
        seconds, mem, code = measure(batch_argv)
        assert code == 0, f"the batch failed with exit code {code}"
        batches.append(seconds)
        batch_mem.append(mem)
    with batch_out.open(newline="", encoding="utf-8") as fh:
        written = sum(1 for _ in csv.reader(fh)) - 1
    assert written == rows, f"the batch wrote {written} rows for {rows}"
    copy_s, batch_s = statistics.median(copies), statistics.median(batches)
    return {
        "rows": rows,
        "size_mib": source.stat().st_size / 2**20,
        "copy_s": copy_s,
        "batch_s": batch_s,
        "copy_rows_s": rows / copy_s,
        "batch_rows_s": rows / batch_s,
        "ratio": batch_s / copy_s,
        "copy_mib": max(copy_mem),
        "batch_mib": max(batch_mem),
        "batch_min_s": min(batches),
        "batch_max_s": max(batches),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, medians reported")
    parser.add_argument("--workdir", type=Path, help="keep the generated files here")
    parser.add_argument("--declared", action="store_true", help="add a declared_on column")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.repeat} runs each")
    header = (
        f"{'rows':>10} {'MiB':>6} {'copy s':>8} {'batch s':>8} {'copy rows/s':>12} "
        f"{'batch rows/s':>12} {'ratio':>6} {'copy MiB':>9} {'batch MiB':>9}"
    )
    print(header)
    with tempfile.TemporaryDirectory() as temp:
        workdir = args.workdir or Path(temp)
        workdir.mkdir(parents=True, exist_ok=True)
        for rows in args.rows:
            r = bench(rows, args.repeat, workdir, declared=args.declared)
            print(
                f"{r['rows']:>10,} {r['size_mib']:>6.1f} {r['copy_s']:>8.2f} {r['batch_s']:>8.2f} "
                f"{r['copy_rows_s']:>12,.0f} {r['batch_rows_s']:>12,.0f} {r['ratio']:>6.2f} "
                f"{r['copy_mib']:>9.1f} {r['batch_mib']:>9.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
