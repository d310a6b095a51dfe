"""Benchmark: `penetapan batch` .xlsx to .xlsx beside the spreadsheet libraries alone.

    uv run python benchmarks/spreadsheet.py                          # 300,000 rows, 3 runs each
    uv run python benchmarks/spreadsheet.py --rows 10000 50000 --repeat 5

For each size N it writes an .xlsx sheet of N generated rows shaped like the 2024 disputes
(the rows of benchmarks/batch.py: 545 regions, the outcomes and notification dates of
docs/legal-basis.md; here the notification dates are date cells, with one row in ten typed as
text in an Indonesian spelling, as a sheet filled by hand has them), then runs, alternately and
each in a fresh child process:

- libraries: python-calamine reads the sheet and XlsxWriter (constant memory, dates as date
  cells) writes every row back unchanged: the floor for any tool that reads and writes .xlsx
  with these libraries;
- batch: python -m penetapan_cli batch IN.xlsx -o OUT.xlsx --as-of 2025-02-05.

It prints the median wall time of each, the ratio batch/libraries and the peak resident memory
of each child. Target (issue "Spreadsheets as they are"): ratio <= 3 at 300,000 rows. Figures,
not a timed test: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch import DATES, OUTCOMES, measure

LIBRARIES = """
import sys, python_calamine, xlsxwriter
book = python_calamine.CalamineWorkbook.from_path(sys.argv[1])
out = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True,
    "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False,
    "default_date_format": "d mmmm yyyy"})
sheet = out.add_worksheet()
for number, row in enumerate(book.get_sheet_by_index(0).iter_rows()):
    sheet.write_row(number, 0, row)
out.close()
"""


def generate(path: Path, rows: int, seed: int = 2024) -> None:
    import xlsxwriter

    rng = random.Random(seed)
    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet = book.add_worksheet("Rekap")
    sheet.write_row(0, 0, ["Daerah", "Nomor Perkara", "Putusan", "Tanggal", "basis", "Catatan"])
    for i in range(rows):
        outcome = rng.choice(OUTCOMES)
        if outcome == "no-petition":
            choices, case = DATES["no-petition"], ""
        else:
            kind = "BUP" if i % 545 >= 37 else "GUB"
            case = f"{rng.randint(1, 310)}/PHPU.{kind}-XXIII/2025"
            final = outcome in ("psu", "recapitulation", "rejected", "granted")
            choices = DATES["final" if final else "dismissal"]
        row = i + 1
        sheet.write_string(row, 0, f"Kabupaten Contoh {i % 545 + 1}")
        if case:
            sheet.write_string(row, 1, case)
        sheet.write_string(row, 2, outcome)
        text = rng.choice(choices)
        if i % 10 == 3:
            sheet.write_string(row, 3, text)
        else:
            iso = next((d for d in choices if d[:2] == "20"), "2025-02-04")
            sheet.write_datetime(row, 3, dt.datetime.fromisoformat(iso), dates)
        if i % 50 == 0:
            sheet.write_string(row, 4, "working")
        if i % 7 == 0:
            sheet.write_string(row, 5, "dibacakan, diberitahukan melalui KPU RI")
    book.close()


def bench(rows: int, repeat: int, workdir: Path) -> dict[str, float]:
    source = workdir / f"cases-{rows}.xlsx"
    if not source.exists():
        generate(source, rows)
    plain_out, batch_out = workdir / "libraries.xlsx", workdir / "batch.xlsx"
    plain_argv = [sys.executable, "-c", LIBRARIES, str(source), str(plain_out)]
    batch_argv = [
        sys.executable, "-m", "penetapan_cli", "batch", str(source),
        "-o", str(batch_out), "--as-of", "2025-02-05",
    ]  # fmt: skip
    plain, batches, plain_mem, batch_mem = [], [], [], []
    for _ in range(repeat):
        seconds, mem, code = measure(plain_argv)
        assert code == 0, f"the libraries' copy failed with exit code {code}"
        plain.append(seconds)
        plain_mem.append(mem)
        seconds, mem, code = measure(batch_argv)
        assert code == 0, f"the batch failed with exit code {code}"
        batches.append(seconds)
        batch_mem.append(mem)
    import python_calamine

    with python_calamine.CalamineWorkbook.from_path(batch_out) as book:
        written = book.get_sheet_by_index(0).height - 1
    assert written == rows, f"the batch wrote {written} rows for {rows}"
    plain_s, batch_s = statistics.median(plain), statistics.median(batches)
    return {
        "rows": rows,
        "size_mib": source.stat().st_size / 2**20,
        "plain_s": plain_s,
        "batch_s": batch_s,
        "ratio": batch_s / plain_s,
        "plain_mib": max(plain_mem),
        "batch_mib": max(batch_mem),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[300_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, medians reported")
    parser.add_argument("--workdir", type=Path, help="keep the generated files here")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.repeat} runs each")
    print(
        f"{'rows':>10} {'MiB':>6} {'libraries s':>12} {'batch s':>8} {'ratio':>6} "
        f"{'libraries MiB':>14} {'batch MiB':>10}"
    )
    with tempfile.TemporaryDirectory() as temp:
        workdir = args.workdir or Path(temp)
        workdir.mkdir(parents=True, exist_ok=True)
        for rows in args.rows:
            r = bench(rows, args.repeat, workdir)
            print(
                f"{r['rows']:>10,} {r['size_mib']:>6.1f} {r['plain_s']:>12.2f} "
                f"{r['batch_s']:>8.2f} {r['ratio']:>6.2f} {r['plain_mib']:>14.1f} "
                f"{r['batch_mib']:>10.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
