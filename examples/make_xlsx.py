"""Make examples/pilkada-2024.xlsx from examples/pilkada-2024.csv, as a KPU sheet holds it.

    uv run python examples/make_xlsx.py          # writes examples/pilkada-2024.xlsx
    uv run python examples/make_xlsx.py OUT.xlsx

One sheet, "Rekap", with the CSV's columns and rows. A notification date written in ISO 8601
(2025-01-06) becomes a date cell shown as 06/01/2025, as a date typed into a cell formatted as
a date is stored; the other spellings (06/01/2025, 6 Januari 2025) stay text, as typed into a
text cell. Every other cell is text. The file is the same, byte for byte, at every run
(tests/test_sheets.py checks the committed one).
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "pilkada-2024.csv"
TARGET = HERE / "pilkada-2024.xlsx"
DATE_COLUMN = "Tanggal Pemberitahuan"
FIXED_TIME = dt.datetime(2025, 2, 24)  # the file's creation time, fixed for identical bytes


def make(target: Path = TARGET, source: Path = SOURCE) -> None:
    with source.open(newline="", encoding="utf-8") as fh:
        header, *rows = list(csv.reader(fh))
    book = xlsxwriter.Workbook(target, {"strings_to_formulas": False, "strings_to_numbers": False})
    book.set_properties({"created": FIXED_TIME})
    bold = book.add_format({"bold": True})
    day_first = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet = book.add_worksheet("Rekap")
    sheet.write_row(0, 0, header, bold)
    sheet.freeze_panes(1, 0)
    date_column = header.index(DATE_COLUMN)
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if not value:
                continue
            if column == date_column and value[:4].isdigit() and value[4:5] == "-":
                sheet.write_datetime(number, column, dt.datetime.fromisoformat(value), day_first)
            else:
                sheet.write_string(number, column, value)
    widths = [max(len(r[c]) for r in [header, *rows] if c < len(r)) for c in range(len(header))]
    for column, width in enumerate(widths):
        sheet.set_column(column, column, min(width, 60) + 2)
    book.close()
    print(f"wrote {target} ({len(rows)} rows)")


if __name__ == "__main__":
    make(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)
