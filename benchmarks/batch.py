"""Benchmark: `penetapan batch` CSV to CSV beside a plain Python csv copy of the same file.

    uv run python benchmarks/batch.py                                  # both shapes, 300,000 rows
    uv run python benchmarks/batch.py --shape varied --rows 100000 300000 --repeat 5
    uv run python benchmarks/batch.py --ics --rows 20000               # batch --ics against batch
    uv run python benchmarks/batch.py --declared                       # with a declared_on column

Two shapes of input (``--shape``):

- repeated: the 545-region file shaped like the 2024 disputes (the outcomes and notification
  dates of docs/legal-basis.md, "Pilkada 2024 as it happened", some Indonesian date spellings,
  a notes column with commas, a working-day basis on one row in fifty): a few dates repeat.
- varied: a research file over several seasons: any day of 2015-2030 (80% ISO, 10% DD/MM/YYYY,
  10% "4 Februari 2025"), ten outcome spellings, a working-day basis on a third of the rows.
- worst: the varied file with any day of 2000-2100, the whole supported range: about 200,000
  distinct results at 300,000 rows, more than the batch's caches hold (65,536), so that nearly
  every row is computed and the caches stay full (peak memory).

For each shape and size N it writes the file, then runs, alternately and each in a fresh child
process:

- copy:  csv.reader -> csv.writer, row by row, of the same file (the floor for any CSV tool);
- cold:  python -m penetapan_cli batch IN -o OUT --as-of 2025-02-05, with an empty holiday
         cache directory (PENETAPAN_CACHE_DIR), as on a first run;
- warm:  the same with the holiday tables already cached (a second run).

With ``--declared`` (repeated shape only) the rows also have a ``declared_on`` column (a
season's audit: most on time, one in twenty late, one in ten empty) and the batch counts from
``--as-of 2025-06-01``, after every declaration.

It prints the median wall time of each, the median of the per-round ratios batch/copy, and the
peak resident memory of each child (ru_maxrss from wait4). With ``--ics`` it runs, alternately,
the warm batch with and without ``--ics OUT.ics`` and prints their ratio. Targets (issue "Batch
at the speed of a copy"): warm batch <= 3x the copy at 300,000 rows for both shapes, peak memory
< 100 MiB at any N, ``--ics`` <= 3x the batch without it at 20,000 rows. Figures, not a timed
test: nothing here fails a build. docs/performance.md has the latest figures.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
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


def generate(
    path: Path, rows: int, shape: str = "repeated", seed: int = 2024, *, declared: bool = False
) -> None:
    if shape == "varied":
        generate_varied(path, rows, seed)
    elif shape == "worst":
        generate_varied(path, rows, seed, first=WORST_FIRST, days=WORST_DAYS)
    else:
        generate_repeated(path, rows, seed, declared=declared)


def generate_repeated(path: Path, rows: int, seed: int = 2024, *, declared: bool = False) -> None:
    """The 545-region file: a few outcomes and dates of the 2024 season, repeated."""
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
            extra = []
            if declared:
                day = "" if i % 10 == 3 else (LATE if i % 20 == 7 else DECLARED)[trigger]
                extra = [day]
            writer.writerow(
                [
                    f"Kabupaten Contoh {i % 545 + 1}",
                    case,
                    outcome,
                    rng.choice(DATES[trigger]),
                    "working" if i % 50 == 0 else "",
                    "dibacakan, diberitahukan melalui KPU RI" if i % 7 == 0 else "",
                    *extra,
                ]
            )


# The research file: ten spellings of the outcomes (ids, Indonesian aliases, other cases and
# separators), any day of 2015-2030, three date spellings, a third of the rows on working days.
VARIED_OUTCOMES = (
    "no-petition", "Tanpa Permohonan", "dismissed", "tidak-dapat-diterima", "Tidak Dapat Diterima",
    "withdrawn", "ditarik_kembali", "gugur", "rejected", "psu",
)  # fmt: skip
VARIED_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
)  # fmt: skip
VARIED_FIRST = dt.date(2015, 1, 1)
VARIED_DAYS = (dt.date(2030, 12, 31) - VARIED_FIRST).days + 1
WORST_FIRST = dt.date(2000, 1, 1)
WORST_DAYS = (dt.date(2100, 12, 31) - WORST_FIRST).days + 1


def varied_date(rng: random.Random, first: dt.date = VARIED_FIRST, days: int = VARIED_DAYS) -> str:
    day = first + dt.timedelta(days=rng.randrange(days))
    spelling = rng.random()
    if spelling < 0.8:
        return day.isoformat()
    if spelling < 0.9:
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.day} {VARIED_MONTHS[day.month - 1]} {day.year}"


def generate_varied(
    path: Path,
    rows: int,
    seed: int = 2024,
    *,
    first: dt.date = VARIED_FIRST,
    days: int = VARIED_DAYS,
) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["region", "case_number", "outcome", "notified_on", "basis", "note"])
        for i in range(rows):
            year = rng.randint(2015, 2030)
            writer.writerow(
                [
                    f"Kabupaten Contoh {i % 545 + 1}",
                    f"{rng.randint(1, 310)}/PHPU.BUP-{year}",
                    rng.choice(VARIED_OUTCOMES),
                    varied_date(rng, first, days),
                    "working" if i % 3 == 0 else "",
                    "dibacakan, diberitahukan melalui KPU RI" if i % 7 == 0 else "",
                ]
            )


def measure(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one child process, which must succeed."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.stderr.write(stderr.decode("utf-8", "replace"))
        raise SystemExit(f"{argv[2:4]} failed with exit code {code}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def _batch_argv(source: Path, out: Path, *extra: str, declared: bool = False) -> list[str]:
    return [
        sys.executable, "-m", "penetapan_cli", "batch", str(source),
        "-o", str(out), "--as-of", "2025-06-01" if declared else "2025-02-05", *extra,
    ]  # fmt: skip


def _env(cache: Path) -> dict[str, str]:
    env = dict(os.environ, PENETAPAN_CACHE_DIR=str(cache))
    env.pop("PENETAPAN_NO_CACHE", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # byte-compiled modules, as installed
    return env


def bench(
    shape: str, rows: int, repeat: int, workdir: Path, *, declared: bool = False
) -> dict[str, float]:
    source = workdir / f"{shape}-{rows}{'-declared' if declared else ''}.csv"
    generate(source, rows, shape, declared=declared)
    copy_out, batch_out = workdir / "copy.csv", workdir / "batch.csv"
    copy_argv = [sys.executable, "-c", COPY, str(source), str(copy_out)]
    batch_argv = _batch_argv(source, batch_out, declared=declared)
    warm = _env(workdir / "cache-warm")
    measure(batch_argv, warm)  # fills the warm cache (and the OS file cache)
    times: dict[str, list[float]] = {"copy": [], "cold": [], "warm": []}
    mem: dict[str, list[float]] = {"copy": [], "cold": [], "warm": []}
    for i in range(repeat):
        for name, argv, env in (
            ("copy", copy_argv, None),
            ("cold", batch_argv, _env(workdir / f"cache-cold-{rows}-{i}")),
            ("warm", batch_argv, warm),
        ):
            seconds, peak = measure(argv, env)
            times[name].append(seconds)
            mem[name].append(peak)
    with batch_out.open(newline="", encoding="utf-8") as fh:
        written = sum(1 for _ in csv.reader(fh)) - 1
    assert written == rows, f"the batch wrote {written} rows for {rows}"
    copy_s = statistics.median(times["copy"])
    return {
        "rows": rows,
        "size_mib": source.stat().st_size / 2**20,
        "copy_s": copy_s,
        "cold_s": statistics.median(times["cold"]),
        "warm_s": statistics.median(times["warm"]),
        "cold_ratio": statistics.median(
            c / p for c, p in zip(times["cold"], times["copy"], strict=True)
        ),
        "warm_ratio": statistics.median(
            w / p for w, p in zip(times["warm"], times["copy"], strict=True)
        ),
        "warm_rows_s": rows / statistics.median(times["warm"]),
        "copy_mib": max(mem["copy"]),
        "batch_mib": max(mem["cold"] + mem["warm"]),
    }


def bench_ics(shape: str, rows: int, repeat: int, workdir: Path) -> dict[str, float]:
    source = workdir / f"{shape}-{rows}.csv"
    generate(source, rows, shape)
    out, ics = workdir / "batch.csv", workdir / "batch.ics"
    warm = _env(workdir / "cache-warm")
    plain_argv = _batch_argv(source, out)
    ics_argv = _batch_argv(source, out, "--ics", str(ics))
    measure(ics_argv, warm)
    plain, with_ics, mem = [], [], []
    for _ in range(repeat):
        seconds, _ = measure(plain_argv, warm)
        plain.append(seconds)
        seconds, peak = measure(ics_argv, warm)
        with_ics.append(seconds)
        mem.append(peak)
    events = ics.read_bytes().count(b"BEGIN:VEVENT")
    return {
        "rows": rows,
        "events": events,
        "batch_s": statistics.median(plain),
        "ics_s": statistics.median(with_ics),
        "ratio": statistics.median(i / p for i, p in zip(with_ics, plain, strict=True)),
        "ics_mib": max(mem),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", nargs="+", choices=("repeated", "varied", "worst"),
                        default=["repeated", "varied"])  # fmt: skip
    parser.add_argument("--rows", type=int, nargs="+", help="default 300000 (20000 with --ics)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; medians reported")
    parser.add_argument("--ics", action="store_true", help="batch --ics against batch")
    parser.add_argument("--workdir", type=Path, help="keep the generated files here")
    parser.add_argument("--declared", action="store_true", help="add a declared_on column")
    args = parser.parse_args()
    if args.declared and (args.ics or set(args.shape) != {"repeated"}):
        parser.error("--declared times the repeated shape without --ics: add --shape repeated")
    sizes = args.rows or [20_000 if args.ics else 300_000]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.repeat} rounds each")
    with tempfile.TemporaryDirectory() as temp:
        workdir = args.workdir or Path(temp)
        workdir.mkdir(parents=True, exist_ok=True)
        if args.ics:
            print(f"{'shape':>8} {'rows':>9} {'events':>7} {'batch s':>8} {'--ics s':>8} "
                  f"{'ratio':>6} {'peak MiB':>9}")  # fmt: skip
            for shape in args.shape:
                for rows in sizes:
                    r = bench_ics(shape, rows, args.repeat, workdir)
                    print(
                        f"{shape:>8} {r['rows']:>9,} {r['events']:>7,} {r['batch_s']:>8.2f} "
                        f"{r['ics_s']:>8.2f} {r['ratio']:>6.2f} {r['ics_mib']:>9.1f}",
                        flush=True,
                    )
            return
        print(f"{'shape':>8} {'rows':>9} {'MiB':>5} {'copy s':>7} {'cold s':>7} {'warm s':>7} "
              f"{'cold x':>6} {'warm x':>6} {'warm rows/s':>11} {'copy MiB':>8} "
              f"{'batch MiB':>9}")  # fmt: skip
        for shape in args.shape:
            for rows in sizes:
                r = bench(shape, rows, args.repeat, workdir, declared=args.declared)
                print(
                    f"{shape:>8} {r['rows']:>9,} {r['size_mib']:>5.1f} {r['copy_s']:>7.2f} "
                    f"{r['cold_s']:>7.2f} {r['warm_s']:>7.2f} {r['cold_ratio']:>6.2f} "
                    f"{r['warm_ratio']:>6.2f} {r['warm_rows_s']:>11,.0f} {r['copy_mib']:>8.1f} "
                    f"{r['batch_mib']:>9.1f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
