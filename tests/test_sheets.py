"""`penetapan batch` over spreadsheets: .xlsx/.xlsm and .ods in (batch/sheets.py), .xlsx out
(batch/workbook.py).

Expected dates come from PKPU 18/2024 Pasal 57 ayat (1) (docs/legal-basis.md): "rejected" and
"dismissed" give 3 calendar days after the notification, so Tue 4 Feb 2025 -> Fri 7 Feb 2025,
and with --as-of Wed 5 Feb 2025 two days are left. Workbooks are made here with openpyxl (it
saves formulas without a value, as programs that do not calculate do) or XlsxWriter, and read
back with python-calamine and openpyxl. No .xls file is made here: no maintained library
writes that format; the .xls path is calamine's, the same call as for .xlsx and .ods.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl
import pytest
import python_calamine
import xlsxwriter
from typer.testing import CliRunner, Result

from penetapan_cli.batch import sheets
from penetapan_cli.cli import app
from penetapan_cli.core.errors import Message
from penetapan_cli.messages import render_message

runner = CliRunner(env={"PENETAPAN_LANG": "en"})
AS_OF = ["--as-of", "2025-02-05"]
RULE_B, CITE_B = "pkpu-18-2024/57-1-b", "PKPU 18/2024 Pasal 57 ayat (1) huruf b"
# Huruf b (dismissed, rejected, ...): 3 calendar days after Tue 4 Feb 2025 -> Fri 7 Feb 2025;
# 2 days left as of Wed 5 Feb 2025.
FEB_7 = ["2025-02-04", "2025-02-07", "ok", "2", RULE_B, CITE_B, ""]  # trigger_date first
FEB_4 = dt.date(2025, 2, 4)
RESULT = ["trigger_date", "deadline", "status", "days_left", "rule", "citation", "error"]


def batch(args: Sequence[str], stdin: bytes | None = None) -> Result:
    return runner.invoke(app, ["batch", *args], input=stdin)


def table(result: Result) -> list[list[str]]:
    return list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8"), newline="")))


def xlsx(path: Path, rows: Sequence[Sequence[Any]], title: str = "Data") -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return book


def ods(path: Path, rows: Sequence[Sequence[Any]]) -> None:
    """A minimal OpenDocument spreadsheet: text, numbers and date-typed cells."""

    def cell(value: Any) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, dt.date):
            return (
                f'<table:table-cell office:value-type="date" office:date-value='
                f'"{value.isoformat()}"><text:p>{value:%d/%m/%Y}</text:p></table:table-cell>'
            )
        if isinstance(value, int | float):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return (
            f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p>'
            "</table:table-cell>"
        )

    body = "".join(
        "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Lembar1">'
        f"{body}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)


def read_back(path: Path, sheet: int = 0) -> list[list[Any]]:
    with python_calamine.CalamineWorkbook.from_path(path) as book:
        return [list(r) for r in book.get_sheet_by_index(sheet).iter_rows()]


# ---------------------------------------------------------------------------------------------
# Reading


def test_a_date_cell_is_that_date_and_a_text_cell_follows_the_csv_grammar(tmp_path: Path) -> None:
    path = tmp_path / "rekap.xlsx"
    xlsx(
        path,
        [
            ["Daerah", "Putusan", "Tanggal Pemberitahuan"],
            ["Kota Medan", "tidak-dapat-diterima", FEB_4],  # a date cell
            ["Kota Binjai", "ditolak", "04/02/2025"],  # text: day first, as for CSV
            ["Kabupaten Karo", "ditolak", "4 Februari 2025"],
            ["Kabupaten Deli Serdang", "ditolak", "2/4/25"],  # ambiguous text: refused
            ["Kota Tebing Tinggi", "ditolak", dt.datetime(2025, 2, 4, 0, 0)],
        ],
    )
    result = batch([str(path), *AS_OF])
    rows = table(result)
    assert rows[0] == ["Daerah", "Putusan", "Tanggal Pemberitahuan", *RESULT]
    assert rows[1] == ["Kota Medan", "tidak-dapat-diterima", "2025-02-04", *FEB_7]
    assert rows[2][3:] == FEB_7
    assert rows[3][3:] == FEB_7
    assert rows[4][5] == "error"
    assert "2/4/25" in rows[4][9]
    assert rows[5][3:] == FEB_7
    assert result.exit_code == 1  # a row in error


def test_a_number_in_the_date_column_is_that_rows_error(tmp_path: Path) -> None:
    path = tmp_path / "serial.xlsx"
    # 45692 is what Excel stores for 4 Feb 2025 in a cell not formatted as a date.
    xlsx(path, [["outcome", "notified_on"], ["rejected", 45692], ["rejected", FEB_4]])
    result = batch([str(path), *AS_OF])
    rows = table(result)
    assert rows[1][:2] == ["rejected", "45692"]
    assert rows[1][4] == "error"
    assert rows[1][8] == (
        "row 1 (sheet row 2): the notified_on cell holds the number 45692, which looks like a "
        "spreadsheet serial number (Excel would show 2025-02-04), not a date; format the "
        "notified_on column as a date (Format Cells > Date) or type the date as text, e.g. "
        "04/02/2025"
    )
    assert rows[2][2:] == FEB_7
    summary = "penetapan batch: rows=2 ok=1 pending=0 errors=1 blank=0"
    assert result.stderr.splitlines()[-1] == summary


def test_formulas_give_their_saved_value_and_none_is_an_error(tmp_path: Path) -> None:
    saved = tmp_path / "saved.xlsx"
    book = xlsxwriter.Workbook(saved)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["outcome", "notified_on"])
    sheet.write_formula(1, 0, '=LOWER("REJECTED")', None, "rejected")
    sheet.write_string(1, 1, "2025-02-04")
    book.close()
    assert table(batch([str(saved), *AS_OF]))[1] == ["rejected", "2025-02-04", *FEB_7]

    unsaved = tmp_path / "unsaved.xlsx"
    xlsx(
        unsaved,
        [
            ["outcome", "notified_on", "note"],
            ["rejected", "2025-02-04", "=1+1"],  # openpyxl saves no value
            ["rejected", "2025-02-04", "x"],
        ],
    )
    rows = table(batch([str(unsaved), *AS_OF]))
    assert rows[1][5] == "error"
    assert rows[1][9] == (
        "row 1 (sheet row 2): cell C2 holds a formula saved without its value; open the file "
        "in a spreadsheet program and save it, so that the value is calculated"
    )
    assert rows[2][3:] == FEB_7


def test_empty_rows_inside_the_range_stay_in_place_as_csv_empty_rows(tmp_path: Path) -> None:
    path = tmp_path / "gaps.xlsx"
    book = xlsx(
        path,
        [
            [None, None],  # rows above the header are outside the used range
            ["outcome", "notified_on"],
            ["rejected", FEB_4],
            [None, None],
            ["rejected", FEB_4],
        ],
    )
    book.active["A40"].number_format = "0.00"  # formatted but empty: beyond the used range
    book.save(path)
    csv_result = batch(["-", *AS_OF], b"outcome,notified_on\nrejected,2025-02-04\n,\n")
    result = batch([str(path), *AS_OF])
    rows = table(result)
    assert [r[4] for r in rows[1:]] == ["ok", "blank", "ok"]
    assert rows[2] == ["", "", "", "", "blank", "", "", "", ""]
    # The same status as a CSV empty row: a blank row, no error.
    assert table(csv_result)[2][4:] == ["blank", "", "", "", ""]


def test_hidden_rows_are_rows_and_a_merged_value_belongs_to_the_first_cell(
    tmp_path: Path,
) -> None:
    path = tmp_path / "layout.xlsx"
    book = xlsx(
        path,
        [
            ["region", "outcome", "notified_on"],
            ["Kota Medan", "rejected", FEB_4],
            ["Kota Binjai", "rejected", FEB_4],
            ["Sumatera Utara", None, None],
        ],
    )
    book.active.row_dimensions[3].hidden = True
    book.active.merge_cells("A4:C4")
    book.save(path)
    rows = table(batch([str(path), *AS_OF]))
    assert [r[0] for r in rows[1:]] == ["Kota Medan", "Kota Binjai", "Sumatera Utara"]
    assert rows[2][3:] == FEB_7
    assert rows[3][5] == "error"  # the merge's other cells are empty: no outcome


def test_a_value_right_of_the_header_is_that_rows_error(tmp_path: Path) -> None:
    path = tmp_path / "wide.xlsx"
    xlsx(path, [["outcome", "notified_on"], ["rejected", FEB_4, "stray"], ["rejected", FEB_4]])
    rows = table(batch([str(path), *AS_OF]))
    assert rows[1][8] == (
        "row 1 (sheet row 2): cell C2 holds a value beyond the header's 2 columns; give that "
        "column a header name or clear it"
    )
    assert rows[2][2:] == FEB_7


def test_sheet_by_name_or_number(tmp_path: Path) -> None:
    path = tmp_path / "two.xlsx"
    book = xlsx(path, [["catatan"], ["bukan data"]], title="Catatan")
    second = book.create_sheet("2")  # a sheet named like a number: the name wins
    second.append(["outcome", "notified_on"])
    second.append(["rejected", FEB_4])
    third = book.create_sheet("Rekap")
    third.append(["outcome", "notified_on"])
    third.append(["dismissed", FEB_4])
    book.save(path)
    assert table(batch([str(path), "--sheet", "2", *AS_OF]))[1][0] == "rejected"
    assert table(batch([str(path), "--sheet", "Rekap", *AS_OF]))[1][0] == "dismissed"
    assert table(batch([str(path), "--sheet", "3", *AS_OF]))[1][0] == "dismissed"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [],
            "input '{path}', sheet 'Catatan': missing required columns 'outcome' (or hasil, "
            "putusan) and 'notified_on' (or tanggal, tanggal_pemberitahuan); columns found: "
            "'catatan'",
        ),
        (
            ["--sheet", "Rekapitulasi"],
            "input '{path}' has no sheet 'Rekapitulasi'; --sheet takes a name or a number: "
            "1: 'Catatan', 2: 'Kosong'",
        ),
        (["--sheet", "0"], "has no sheet '0'"),
        (
            ["--sheet", "Kosong"],
            "input '{path}', sheet 'Kosong' is empty: expected a header row naming the "
            "columns outcome and notified_on",
        ),
    ],
)
def test_a_sheet_that_cannot_be_read_is_one_line_naming_file_and_sheet(
    tmp_path: Path, args: list[str], message: str
) -> None:
    path = tmp_path / "rekap.xlsx"
    book = xlsx(path, [["catatan"], ["bukan data"]], title="Catatan")
    book.create_sheet("Kosong")
    book.save(path)
    target = tmp_path / "hasil.xlsx"
    result = batch([str(path), *args, "-o", str(target), *AS_OF])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("penetapan: ")
    assert message.format(path=path) in result.stderr
    assert result.stderr.count("\n") == 1
    assert not target.exists()


def test_a_password_protected_workbook_is_refused(tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = tmp_path / "plain.xlsx"
    xlsx(plain, [["outcome", "notified_on"], ["rejected", FEB_4]])
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as source, locked.open("wb") as out:
        OOXMLFile(source).encrypt("rahasia", out)
    result = batch([str(locked), *AS_OF])
    assert result.exit_code == 2
    assert result.stderr == (
        f"penetapan: input {str(locked)!r} is protected by a password; save a copy without a "
        "password (File > Info > Protect Workbook) and give that\n"
    )


def test_an_ods_sheet_reads_like_an_xlsx_sheet(tmp_path: Path) -> None:
    path = tmp_path / "rekap.ods"
    ods(
        path,
        [
            ["daerah", "putusan", "tanggal"],
            ["Kota Medan", "ditolak", FEB_4],
            [None, None, None],
            ["Kota Binjai", "ditolak", 45692],
            ["Kabupaten Karo", "ditolak", "04/02/2025"],
        ],
    )
    result = batch([str(path), *AS_OF])
    rows = table(result)
    assert rows[1] == ["Kota Medan", "ditolak", "2025-02-04", *FEB_7]
    assert rows[2][5] == "blank"  # an empty sheet row, as in CSV
    assert "serial number" in rows[3][9]
    assert rows[4][3:] == FEB_7
    # The same file through --input-format, whatever its name.
    renamed = tmp_path / "rekap.bin"
    renamed.write_bytes(path.read_bytes())
    assert table(batch([str(renamed), "--input-format", "ods", *AS_OF])) == rows


def test_a_spreadsheet_on_standard_input(tmp_path: Path) -> None:
    path = tmp_path / "rekap.xlsx"
    xlsx(path, [["outcome", "notified_on", "n"], ["rejected", FEB_4, 1], ["rejected", FEB_4, "=1"]])
    result = batch(["-", "--input-format", "xlsx", *AS_OF], path.read_bytes())
    rows = table(result)
    assert rows[1] == ["rejected", "2025-02-04", "1", *FEB_7]
    assert "cell C3 holds a formula saved without its value" in rows[2][9]


def test_the_uncached_formula_scan_reads_cells_split_across_chunks() -> None:
    found: dict[int, list[str]] = {}
    sheets._scan(
        b'<c r="A1" t="s"><v>0</v></c><c r="B7"><f>1+1</f><v/></c>'
        b'<c r="C7" t="str"><f>""</f><v></v></c><c r="D9"><f>2</f><v>2</v></c>',
        found,
    )
    assert found == {7: ["B7"]}


# ---------------------------------------------------------------------------------------------
# Writing


def test_xlsx_output_keeps_input_cells_and_types_its_results(tmp_path: Path) -> None:
    source = tmp_path / "rekap.csv"
    source.write_text(
        "region,outcome,notified_on,note\n"
        'Kota Medan,dismissed,2025-02-04,=HYPERLINK("http://x")\n'
        "Kota Binjai,psu,2025-02-24,+62 61 123\n"
        "Kota Tebing Tinggi,nonsense,2025-02-04,@SUM(A1)\n"
        "Kabupaten Karo,rejected,2025-02-04,-1\n",
        encoding="utf-8",
    )
    target = tmp_path / "hasil.xlsx"
    result = batch([str(source), "-o", str(target), *AS_OF])
    assert result.exit_code == 1, result.stderr
    assert result.stdout == ""
    book = openpyxl.load_workbook(target)
    rows_sheet, report = book.worksheets
    assert rows_sheet.title == "Results"
    assert report.title == "Report"
    assert rows_sheet.freeze_panes == "A2"
    assert rows_sheet.auto_filter.ref == "A1:K5"
    values = [[c.value for c in row] for row in rows_sheet.iter_rows()]
    assert values[0] == ["region", "outcome", "notified_on", "note", *RESULT]
    assert rows_sheet["E2"].value == dt.datetime(2025, 2, 4)  # trigger_date, a date cell too
    assert rows_sheet["E2"].is_date
    medan = rows_sheet["F2"]
    assert medan.is_date
    assert medan.value == dt.datetime(2025, 2, 7)
    assert medan.number_format == "[$-809]d mmmm yyyy"  # day first, month by name
    assert values[1][6:10] == ["ok", 2, RULE_B, CITE_B]
    assert isinstance(values[1][7], int)
    assert values[2][6] == "pending"
    assert values[2][5] is None
    assert values[3][6] == "error"
    assert values[3][10].startswith("unknown outcome 'nonsense'")
    # Text that a spreadsheet would run as a formula is written as text, never as a formula.
    assert [v[3] for v in values[1:]] == ['=HYPERLINK("http://x")', "+62 61 123", "@SUM(A1)", "-1"]
    with zipfile.ZipFile(target) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in xml
    assert b"<f " not in xml
    # Widths fit the longest text of the first rows, with a margin.
    longest = max(len(v[9] or "") for v in values)
    assert rows_sheet.column_dimensions["J"].width == pytest.approx(longest + 2, abs=1)


def test_xlsx_report_sheet_in_indonesian(tmp_path: Path) -> None:
    source = tmp_path / "rekap.csv"
    source.write_text(
        "daerah,putusan,tanggal\nKota Medan,ditolak,2025-02-04\nKota Binjai,psu,2025-02-24\n",
        encoding="utf-8",
    )
    target = tmp_path / "hasil.xlsx"
    result = batch([str(source), "-o", str(target), "--lang", "id", *AS_OF])
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(target)
    rows_sheet, report = book.worksheets
    assert (rows_sheet.title, report.title) == ("Hasil", "Laporan")
    assert rows_sheet["E2"].number_format == "[$-421]d mmmm yyyy"
    lines = [[c for c in row if c is not None] for row in report.iter_rows(values_only=True)]
    assert ["Sisa waktu dihitung per", dt.datetime(2025, 2, 5)] in lines
    assert ["Berkas masukan", "rekap.csv"] in lines
    assert ["Baris", 2] in lines
    assert ["batas akhir diketahui (ok)", 1] in lines
    assert ["belum dapat ditentukan (pending)", 1] in lines
    assert ["kesalahan (error)", 0] in lines
    assert [RULE_B, CITE_B, 1] in lines
    assert lines[0] == ["Laporan penghitungan batas akhir penetapan (penetapan batch)"]
    assert any(line[:1] == ["Versi data hari libur (paket holidays)"] for line in lines)
    # Every message of the run, with the rows it concerns, as on stderr.
    stderr = result.stderr.splitlines()[:-1]
    kinds = ("peringatan", "catatan", "tindak lanjut")  # GLOSARIUM.md: "tindak lanjut"
    shown = [f"{line[0]} ({line[1]}): {line[2]}" for line in lines if line[:1] and line[0] in kinds]
    assert shown == stderr
    assert any(line.startswith("tindak lanjut (1 baris, mulai baris 2)") for line in stderr)


def test_xlsx_in_and_out_keeps_date_cells_and_every_row(tmp_path: Path) -> None:
    path = tmp_path / "rekap.xlsx"
    xlsx(
        path,
        [
            ["Daerah", "Putusan", "Tanggal Pemberitahuan", "Jumlah"],
            ["Kota Medan", "ditolak", FEB_4, 3],
            [None, None, None, None],
            ["Kota Binjai", "ditolak", 45692, 2.5],
        ],
    )
    target = tmp_path / "hasil.xlsx"
    result = batch([str(path), "-o", str(target), *AS_OF])
    assert result.exit_code == 1
    rows = read_back(target)
    assert rows[1][:4] == ["Kota Medan", "ditolak", FEB_4, 3.0]
    assert rows[1][4:8] == [FEB_4, dt.date(2025, 2, 7), "ok", 2.0]
    assert rows[2][6] == "blank"  # an empty sheet row, as in CSV
    assert rows[3][:4] == ["Kota Binjai", "ditolak", 45692.0, 2.5]
    assert "serial number" in rows[3][10]
    assert len(rows) == 4
    report = read_back(target, 1)
    assert ["Sheet", "Data", ""] in report


def test_a_failed_xlsx_run_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "hasil.xlsx"
    target.write_bytes(b"previous run")
    result = batch(["-", "-o", str(target), *AS_OF], b"outcome\nrejected\n")
    assert result.exit_code == 2
    assert target.read_bytes() == b"previous run"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hasil.xlsx"]


def test_the_same_rows_through_csv_and_through_xlsx(tmp_path: Path) -> None:
    """Differential: a sheet of text cells gives the result columns its CSV export gives."""
    lines = (Path(__file__).parent.parent / "examples" / "pilkada-2024.csv").read_text(
        encoding="utf-8"
    )
    rows = list(csv.reader(io.StringIO(lines)))
    path = tmp_path / "pilkada.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    for number, row in enumerate(rows):
        for column, value in enumerate(row):
            if value:
                sheet.write_string(number, column, value)
    book.close()
    from_csv = table(batch(["-", *AS_OF], lines.encode()))
    from_xlsx = table(batch([str(path), *AS_OF]))
    assert from_xlsx == from_csv


# ---------------------------------------------------------------------------------------------
# The example workbook

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_the_example_workbook_is_what_its_script_makes(tmp_path: Path) -> None:
    """examples/pilkada-2024.xlsx is made by examples/make_xlsx.py from the CSV example; when
    this fails, run `uv run python examples/make_xlsx.py` and commit the file."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_xlsx", EXAMPLES / "make_xlsx.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    made = tmp_path / "pilkada-2024.xlsx"
    module.make(made)
    assert made.read_bytes() == (EXAMPLES / "pilkada-2024.xlsx").read_bytes()


def test_the_example_workbook_gives_the_results_of_the_csv_example() -> None:
    """Its ISO dates are date cells, the other spellings text: the results are the CSV's
    (tests/test_batch_examples.py checks those against docs/legal-basis.md)."""
    from_csv = table(batch([str(EXAMPLES / "pilkada-2024.csv"), *AS_OF]))
    from_xlsx = table(batch([str(EXAMPLES / "pilkada-2024.xlsx"), *AS_OF]))
    assert len(from_xlsx) == 20
    assert from_xlsx == from_csv
    book = python_calamine.CalamineWorkbook.from_path(EXAMPLES / "pilkada-2024.xlsx")
    dates = [row[3] for row in book.get_sheet_by_name("Rekap").iter_rows()][1:]
    assert dt.date(2025, 2, 4) in dates
    assert "6 Januari 2025" in dates


def test_calendar_events_from_a_sheet_written_as_xlsx(tmp_path: Path) -> None:
    import icalendar

    path = tmp_path / "rekap.xlsx"
    xlsx(
        path,
        [
            ["daerah", "nomor_perkara", "putusan", "tanggal"],
            ["Kota Medan", 220, "ditolak", FEB_4],  # a number cell as the case number
            [FEB_4, None, "ditolak", FEB_4],  # a date cell as the region
        ],
    )
    calendar = tmp_path / "tenggat.ics"
    target = tmp_path / "hasil.xlsx"
    result = batch([str(path), "-o", str(target), "--ics", str(calendar), *AS_OF])
    assert result.exit_code == 0, result.stderr
    events = icalendar.Calendar.from_ical(calendar.read_bytes()).walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [dt.date(2025, 2, 7)] * 2
    assert str(events[0]["summary"]).endswith("— Kota Medan (rejected)")
    assert str(events[0]["description"]).startswith("Case number: 220\n")
    assert str(events[1]["summary"]).endswith("— 2025-02-04 (rejected)")
    assert read_back(target)[1][:3] == ["Kota Medan", 220.0, "ditolak"]


def test_json_lines_written_as_xlsx(tmp_path: Path) -> None:
    lines = (
        '{"region": "A", "outcome": "rejected", "notified_on": "2025-02-04", "n": 3, '
        '"tags": ["x"], "odd": "\\ud800", "f": "=1+1"}\n'
        '{"region": "B", "outcome": "rejected", "notified_on": "2025-02-30", "n": 2.5, '
        '"tags": null, "odd": true, "f": "@x"}\n'
        '{"region": "C", "outcome": "rejected", "notified_on": "2025-02-04", "n": 1, '
        '"tags": [], "odd": "", "f": ""}\n'
    )
    target = tmp_path / "hasil.xlsx"
    result = batch(["-", "--input-format", "jsonl", "-o", str(target), *AS_OF], lines.encode())
    assert result.exit_code == 1, result.stderr
    rows = read_back(target)
    assert rows[0][:7] == ["region", "outcome", "notified_on", "n", "tags", "odd", "f"]
    # A lone surrogate is no text: the row is an error, the value shown as U+FFFD.
    assert rows[1][3:7] == [3.0, '["x"]', "\ufffd", "=1+1"]
    assert rows[1][9] == "error"
    assert rows[3][7:10] == [FEB_4, dt.date(2025, 2, 7), "ok"]
    assert rows[2][3:7] == [2.5, "", True, "@x"]
    assert rows[2][9] == "error"


class _Pipe(io.RawIOBase):
    """A stream that cannot seek, as standard input from a pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_a_workbook_from_a_pipe_is_read_whole_first(tmp_path: Path) -> None:
    from penetapan_cli.batch import run as running

    path = tmp_path / "rekap.xlsx"
    xlsx(path, [["outcome", "notified_on", "n"], ["rejected", FEB_4, "=1"]])
    pipe = io.BufferedReader(_Pipe(path.read_bytes()))
    assert not pipe.seekable()
    source = running.open_source(pipe, "xlsx", "csv", Message("input.stdin"))
    (row,) = list(source.rows)
    assert row.problem is not None
    problem = render_message(row.problem, "en")
    assert "cell C2 holds a formula saved without its value" in problem


def test_a_text_longer_than_a_cell_is_cut_and_the_report_says_where(tmp_path: Path) -> None:
    long = "x" * 40_000
    source = tmp_path / "long.csv"
    source.write_text(
        f"outcome,notified_on,note,after\nrejected,2025-02-04,{long},kept\n", encoding="utf-8"
    )
    target = tmp_path / "hasil.xlsx"
    result = batch([str(source), "-o", str(target), *AS_OF])
    assert result.exit_code == 0, result.stderr
    rows = read_back(target)
    assert rows[1][2] == "x" * 32_766 + "…"
    assert rows[1][3:7] == ["kept", FEB_4, dt.date(2025, 2, 7), "ok"]  # the rest of the row
    assert ["'note' row 1"] in [[c for c in r if c] for r in read_back(target, 1)]


def test_more_rows_than_a_sheet_holds_is_refused_and_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from penetapan_cli.batch import workbook

    monkeypatch.setattr(workbook, "MAX_ROWS", 3)  # an .xlsx sheet holds 1,048,576 rows
    source = tmp_path / "rekap.csv"
    source.write_text("outcome,notified_on\n" + "rejected,2025-02-04\n" * 3, encoding="utf-8")
    target = tmp_path / "hasil.xlsx"
    result = batch([str(source), "-o", str(target), *AS_OF])
    assert result.exit_code == 2
    assert result.stderr == (
        "penetapan: the input has more than 2 rows, more than an xlsx sheet holds: write CSV "
        "or JSON Lines, or split the input\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rekap.csv"]


def test_declared_on_dates_from_a_sheet_and_the_verdicts_in_the_workbook(tmp_path: Path) -> None:
    """Kota Medan, notified Tue 4 Feb 2025, deadline Fri 7 Feb 2025 (PKPU 18/2024 Pasal 57(1)
    huruf b): declared Wed 5 Feb 2025 (docs/audit.md) is on time; declared Mon 10 Feb 2025
    would be 3 calendar days late. A number in declared_on is a serial number, an error."""
    path = tmp_path / "audit.xlsx"
    xlsx(
        path,
        [
            ["Daerah", "Putusan", "Tanggal Pemberitahuan", "Tanggal Penetapan Paslon"],
            ["Kota Medan", "tidak-dapat-diterima", FEB_4, dt.date(2025, 2, 5)],
            ["Kota Medan (lambat)", "tidak-dapat-diterima", FEB_4, dt.date(2025, 2, 10)],
            ["Kota Medan (angka)", "tidak-dapat-diterima", FEB_4, 45693],
        ],
    )
    target = tmp_path / "hasil.xlsx"
    result = batch([str(path), "-o", str(target), "--as-of", "2025-06-01"])
    assert result.exit_code == 1, result.stderr
    assert result.stderr.splitlines()[-1] == (
        "penetapan batch: rows=3 ok=2 pending=0 errors=1 blank=0 on_time=1 late=1 premature=0 "
        "undetermined=0"
    )
    rows = read_back(target)
    assert rows[0][4:] == [*RESULT, "compliance", "days_late"]
    assert rows[1][4:7] == [FEB_4, dt.date(2025, 2, 7), "ok"]
    assert rows[1][11:] == ["on-time", 0.0]
    assert rows[2][11:] == ["late", 3.0]
    assert "declared_on cell holds the number 45693" in rows[3][10]
    report = [[c for c in r if c != ""] for r in read_back(target, 1)]
    assert ["Declarations checked (the declared_on column)"] in report
    assert ["declared on time (on-time)", 1.0] in report
    assert ["declared late (late)", 1.0] in report
