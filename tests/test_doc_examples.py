"""Every `penetapan` command shown in README.md and docs/*.md is run here.

A command is a line of a fenced code block that starts with `$ `, `uv run ` or `cat `, with
backslash continuations joined. SHOWN maps each one, spelt exactly as the document spells it, to
the exit code it must give and a text its output must contain; a command added to a document
without an entry here fails `test_every_shown_command_is_run`, and an entry whose command left
the documents fails too. Each command runs twice: in-process through Typer (exit code and
output), and as the reader would type it, in a POSIX shell with the installed `penetapan` on
PATH (`uv run penetapan` is that command run from a clone), so that the pipes, redirections and
`$(...)` of the line are part of what is checked. Usage synopses (`penetapan rules [--format
...]`) are not examples and are not run, nor are PowerShell lines (`PS> `, docs/windows.md):
the tests run on a POSIX system. The examples/ files are run by test_installed.py and
test_batch_examples.py.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXAMPLES = ROOT / "examples"
RULESET = ROOT / "src" / "penetapan_cli" / "sources" / "rulesets" / "pkpu-18-2024.toml"

# The spreadsheet export of README "Examples (run by the tests)": `;`, CRLF, a blank line, an
# impossible date and a misspelt outcome between good rows.
BAD_CSV = (
    b"daerah;putusan;tanggal\r\n"
    b"Kota Medan;tidak-dapat-diterima;4 Februari 2025\r\n"
    b"\r\n"
    b"Kota Binjai;ditolak;30/02/2025\r\n"
    b"Kabupaten Karo;dismisal;2025-02-04\r\n"
)


# docs/batch.md: a US-locale export, month first, as printf writes it and as it reads it.
US_EXPORT_SHOWN = (
    "daerah,putusan,tanggal\\nKota Medan,tidak-dapat-diterima,2/4/2025\\n"
    "Kabupaten Jayapura,perbaikan-keputusan,2/24/2025\\n"
)
US_EXPORT = US_EXPORT_SHOWN.replace("\\n", "\n").encode("utf-8")


class Shown(NamedTuple):
    code: int
    contains: str = ""
    stdin: bytes | None = None
    # What the whole line prints in a shell, where a pipe turns the command's output into
    # something else (jq); by default `contains` again.
    piped: str | None = None


STRICT_INPUT = (
    b"region,outcome,notified_on,basis\nA,dismissed,2025-02-04,\nB,rejected,2028-03-01,working\n"
)

SHOWN: dict[str, Shown] = {
    # docs/audit.md: read out Mon 24 Feb 2025, notified Tue 25 Feb, declared Fri 28 Feb; PKPU
    # 18/2024 Pasal 57(1)(b), 3 calendar days from the reading -> Thu 27 Feb: late by 1.
    "printf 'Daerah;Putusan;Tanggal Pengucapan;Tanggal Pemberitahuan;Tanggal Penetapan Paslon"
    "\\nKota Binjai;ditolak;24 Pebruari 2025;25 Pebruari 2025;28 Pebruari 2025\\n' | penetapan "
    "batch - --as-of 2025-06-01 2>/dev/null": Shown(
        0,
        ";2025-02-24;2025-02-27;ok;-94;pkpu-18-2024/57-1-b;PKPU 18/2024 Pasal 57 ayat (1) huruf b;"
        ";late;1\n",
        b"Daerah;Putusan;Tanggal Pengucapan;Tanggal Pemberitahuan;Tanggal Penetapan Paslon\n"
        b"Kota Binjai;ditolak;24 Pebruari 2025;25 Pebruari 2025;28 Pebruari 2025\n",
    ),
    # Quickstart (README): Kota Medan, not accepted on Tue 4 Feb 2025 -> Fri 7 Feb 2025
    # (docs/legal-basis.md, "Pilkada 2024 as it happened"); the countdown depends on today.
    "uv run penetapan deadline dismissed 2025-02-04": Shown(0, "Deadline: Friday, 7 February 2025"),
    'uv run penetapan deadline tidak-dapat-diterima "4 Februari 2025" --explain --lang id': Shown(
        0, "Jumat, 7 Februari 2025"
    ),
    # Huruf a: the MK's BRPK letter received Mon 6 Jan 2025 + 3 days -> Thu 9 Jan 2025.
    "uv run penetapan deadline no-petition 06/01/2025 --format json": Shown(
        0, '"deadline": "2025-01-09"'
    ),
    # Huruf b: final decisions of Mon 24 Feb 2025 + 3 calendar days -> Thu 27 Feb 2025.
    "d=$(uv run penetapan deadline rejected 2025-02-24 --format date)   # 2025-02-27": Shown(
        0, "2025-02-27\n"
    ),
    "uv run penetapan deadline psu 2025-02-24        # no deadline yet: exit 3, says what happens"
    " next": Shown(3),
    "uv run penetapan outcomes": Shown(0, "no-petition"),
    # README, the card in Indonesian: Kota Medan, 4 Feb 2025 + 3 calendar days = Jumat 7 Feb 2025.
    "uv run penetapan deadline dismissed 2025-02-04 --lang id --as-of 2025-02-05": Shown(
        0, "Batas akhir: Jumat, 7 Februari 2025"
    ),
    # README "Install the command": the installed command answers as `uv run penetapan` does.
    "penetapan --version": Shown(0, "penetapan"),
    "uv run penetapan holidays 2025": Shown(0, "31 March 2025"),
    # Batch.
    "uv run penetapan batch examples/pilkada-2024.csv -o deadlines.csv": Shown(
        0, "penetapan batch: rows=19 ok=15 pending=4 errors=0 blank=0"
    ),
    "cat cases.jsonl | uv run penetapan batch - --input-format jsonl --output-format jsonl": Shown(
        0, '"deadline": "2025-02-07"'
    ),
    "uv run penetapan batch cases.csv --as-of 2025-02-06 --output-format json > report.json": (
        Shown(0, '"deadline": "2025-02-07"')
    ),
    "printf 'region,outcome,notified_on,basis\\nA,dismissed,2025-02-04,\\nB,rejected,2028-03-01,"
    "working\\n' | uv run penetapan batch - --strict --as-of 2025-02-05 --output-format jsonl "
    '2>/dev/null; echo "exit $?"': Shown(
        1, '"error": "--strict: the working-day count', STRICT_INPUT
    ),
    "uv run penetapan batch examples/pilkada-2024.csv -o deadlines.csv --ics pilkada.ics --as-of "
    "2025-02-05 --lang en 2>&1 | sed -n '1p;$p'": Shown(
        0, "note: wrote 15 events to 'pilkada.ics'"
    ),
    "uv run penetapan batch examples/pilkada-2024.csv -o deadlines.csv --as-of 2025-02-05 --lang "
    "en": Shown(0, "next step (4 rows from row 16)"),
    "cat examples/cases.jsonl | uv run penetapan batch - --input-format jsonl --output-format "
    "jsonl --as-of 2025-02-05 2>/dev/null | head -2": Shown(0, '"region": "Kabupaten Karo"'),
    'uv run penetapan batch bad.csv --as-of 2025-02-05 2>/dev/null; echo "exit $?"': Shown(
        1, ";;;;;blank;;;;\n"
    ),
    'uv run penetapan batch bad.csv -o bad.csv; echo "exit $?"': Shown(
        2, "refusing to write the output over the input file 'bad.csv'"
    ),
    # docs/batch.md: the spreadsheet path. Kota Medan, notified Tue 4 Feb 2025 of a dismissal:
    # PKPU 18/2024 Pasal 57(1)(b), 3 calendar days after -> Fri 7 Feb 2025, 2 days left on
    # 5 Feb (docs/legal-basis.md, "Pilkada 2024 as it happened"). Workbooks are read back as
    # their cells, tab-separated (see sheet_text).
    "uv run penetapan batch examples/pilkada-2024.xlsx -o hasil.xlsx --lang id --as-of "
    "2025-02-05 2>&1 | tail -1": Shown(
        0,
        "Kota Medan\t220/PHPU.WAKO-XXIII/2025\ttidak-dapat-diterima\t2025-02-04\tPutusan "
        "dismissal dibacakan Selasa, 4 Februari 2025; ditetapkan 5 Februari 2025\t2025-02-04\t"
        "2025-02-07\tok\t2\t",
    ),
    "uv run penetapan batch examples/pilkada-2024.xlsx --sheet Rekap -o deadlines.xlsx --as-of "
    "2025-02-05 --lang en 2>&1 | tail -1": Shown(
        0, "notice\t11 rows from row 5\tTrigger unsettled"
    ),
    "uv run penetapan batch examples/pilkada-2024.xlsx --as-of 2025-02-05 2>/dev/null | head -2": (
        Shown(
            0,
            "Kota Medan,220/PHPU.WAKO-XXIII/2025,tidak-dapat-diterima,2025-02-04,",
            # head -2: the header and Sumatera Barat, a date cell read as that date; the BRPK
            # letter of Mon 6 Jan 2025 + 3 days (huruf a) -> Thu 9 Jan 2025.
            piped="Provinsi Sumatera Barat,,tanpa-permohonan,2025-01-06,Surat MK tentang "
            "registrasi BRPK (3 Januari 2025) diterima melalui KPU RI,2025-01-06,2025-01-09,ok,"
            "-27,",
        )
    ),
    # Rule sets, --compare, --decided, timeline, calendar export.
    "penetapan deadline dismissed 2025-02-04 --rules ./mine.toml": Shown(
        2,
        "rules[0].days (rule '57-1-a'): expected a whole number of days from 1 to 3660, got -3",
    ),
    "penetapan rules show ./other.toml": Shown(
        2, "every outcome needs exactly one rule; not covered by any rule: recount, recapitulation"
    ),
    "penetapan deadline dismissed 2025-02-04 --compare --as-of 2025-02-05": Shown(
        0, "Safe date (the earliest): Friday, 7 February 2025"
    ),
    "penetapan deadline dismissed 2025-02-05 --decided 2025-02-04 --format json --as-of "
    "2025-02-05": Shown(0, '"safe_deadline": "2025-02-07"'),
    # UU 10/2016 Pasal 157(8): 45 working days from Fri 3 Jan 2025 -> Tue 11 Mar 2025.
    "penetapan timeline --announced 2024-12-16 --registered 2025-01-03 --decided 2025-02-24 "
    "--outcome psu --order-days 60 --as-of 2025-02-24": Shown(3, "Tuesday, 11 March 2025"),
    "penetapan timeline --announced 2024-12-16 --registered 2025-01-03 --notified 2025-02-04 "
    "--outcome dismissed --format json --as-of 2025-02-05 | jq -c '.status, (.steps[] | [.id, "
    ".status, .deadline, .days_left, .counted_from, .trigger_date, .rule])'": Shown(
        0, '"deadline": "2025-03-11"', piped='["mk-decision","ok","2025-03-11",34,"registered"'
    ),
    'penetapan deadline dismissed 2025-02-04 --region "Kota Medan" --ics medan.ics --format date': (
        Shown(0, "2025-02-07\n")
    ),
    # docs/audit.md. Kota Medan: not accepted Tue 4 Feb 2025 + 3 calendar days = Fri 7 Feb 2025
    # (PKPU 18/2024 Pasal 57(1)(b)); declared Wed 5 Feb 2025 (docs/legal-basis.md, "Pilkada
    # 2024 as it happened").
    "penetapan deadline dismissed 2025-02-04 --declared 2025-02-05 --as-of 2025-06-01": Shown(
        0,
        "Declared on: Wednesday, 5 February 2025 — declared on time (within the period; deadline "
        "Friday, 7 February 2025); PKPU 18/2024 Pasal 57 ayat (1) huruf b",
    ),
    # Read out Tue 4 Feb 2025 -> Fri 7 Feb 2025; declared Sat 8 Feb 2025: 1 calendar day late.
    "penetapan deadline dismissed 2025-02-05 --decided 2025-02-04 --declared 2025-02-08 --as-of "
    "2025-06-01": Shown(0, "declared late by 1 calendar day (deadline Friday, 7 February 2025)"),
    # The season: examples/audit-2025.csv; huruf a counted from the assumed receipt on Mon 6 Jan
    # 2025 -> Thu 9 Jan 2025, so declarations on 7 and 9 Jan 2025 are on time; Pasaman (PSU)
    # is undetermined; a row without a declaration date is not counted.
    "penetapan batch examples/audit-2025.csv --as-of 2025-06-01 --output-format jsonl "
    "2>/dev/null | jq -c '[.Daerah, .deadline, .status, .compliance, .days_late]'": Shown(
        0,
        '"error": null, "compliance": "undetermined", "days_late": null}',
        piped='["Kabupaten Pasaman",null,"pending","undetermined",null]',
    ),
    "penetapan batch examples/audit-2025.csv --as-of 2025-06-01 -o audit.csv 2>&1 | tail -1": Shown(
        0,
        "penetapan batch: rows=5 ok=4 pending=1 errors=0 blank=0 on_time=3 late=0 premature=0 "
        "undetermined=1",
    ),
    # Huruf a from Fri 3 Jan 2025 + 3 calendar days = Mon 6 Jan 2025; Thu 9 Jan is 3 days late.
    "penetapan deadline no-petition 2025-01-03 --declared 2025-01-09 --format json --as-of "
    "2025-06-01 | jq -c '[.deadline, .compliance, .days_late]'": Shown(
        0, '"deadline": "2025-01-06"', piped='["2025-01-06","late",3]'
    ),
    "penetapan timeline --announced 2024-12-16 --notified 2025-01-06 --outcome no-petition "
    "--declared 2025-01-09 --format json --as-of 2025-06-01 | jq -c '.steps[] | select(.kind == "
    '"declaration") | [.id, .deadline, .declared_on, .compliance, .days_late]\'': Shown(
        0,
        '"compliance": "on-time"',
        piped='["declaration","2025-01-09","2025-01-09","on-time",0]',
    ),
    # Output (docs/output.md): piped tables; the month view (its whole text is checked against
    # the document by tests/test_output.py); closures on a calendar-day count.
    "penetapan outcomes | grep recapitulation": Shown(0, "recapitulation\trekapitulasi-ulang\t"),
    "penetapan holidays 2025 | cut -f1,3 | head -4": Shown(
        0, "date\tkind\tname\t\n", piped="date\tname\nWednesday, 1 January 2025\tNew Year's Day\n"
    ),
    # Isra Mikraj Mon 27 Jan, cuti bersama Tue 28 Jan, Imlek Wed 29 Jan 2025 skipped: day 3 is
    # Mon 3 Feb 2025 (PKPU 18/2024 Pasal 57(1)(b), --basis working).
    "penetapan deadline ditolak 2025-01-24 --basis working --calendar --lang id --as-of "
    "2025-01-24 | sed -n '/^Kalender/,$p'": Shown(
        0, "Batas akhir: Senin, 3 Februari 2025", piped="Kalender penghitungan hari\n"
    ),
    "penetapan deadline dismissed 2025-02-04 --closures closures.txt --format date": Shown(
        0, "warning: office closures (--closures) do not move a deadline counted in calendar"
    ),
    # docs/dates.md: Tue 4 Feb 2025 + 3 calendar days = Fri 7 Feb 2025 (57(1)(b)); read day
    # first, 2/4/2025 is Wed 2 Apr 2025 -> Sat 5 Apr 2025.
    'penetapan deadline dismissed "4 Pebruari 2025" --format date': Shown(0, "2025-02-07\n"),
    "penetapan deadline dismissed 4-Feb-25": Shown(2, "two-digit years are ambiguous"),
    "penetapan deadline dismissed 2/4/2025 --format date": Shown(0, "2025-04-05\n"),
    "penetapan deadline dismissed 2/4/2025 --date-order mdy --format date": Shown(
        0, "2025-02-07\n"
    ),
    # docs/batch.md: the same rows read day first (exit 1: 2/24/2025 is an error row) and month
    # first; Jayapura's correction of Mon 24 Feb 2025 -> Thu 27 Feb 2025 (docs/legal-basis.md).
    f"printf '{US_EXPORT_SHOWN}' | penetapan batch - --as-of 2025-02-05 2>/dev/null": Shown(
        1, "Kota Medan,tidak-dapat-diterima,2/4/2025,2025-04-02,2025-04-05,ok,59,", US_EXPORT
    ),
    f"printf '{US_EXPORT_SHOWN}' | penetapan batch - --date-order mdy --as-of 2025-02-05 "
    "2>/dev/null": Shown(
        0,
        "Kabupaten Jayapura,perbaikan-keputusan,2/24/2025,2025-02-24,2025-02-27,ok,22,",
        US_EXPORT,
    ),
    # docs/timeline.md: Kota Medan from the notification alone -> Fri 7 Feb 2025.
    "penetapan timeline --notified 2025-02-04 --outcome dismissed --as-of 2025-02-05": Shown(
        0, "Last day to petition the MK: waiting for --announced"
    ),
    "penetapan timeline --outcome dismissed --lang id": Shown(
        2, "tidak ada tanggal yang diberikan"
    ),
    # docs/commands.md
    'penetapan deadline "dikabulkan sebagian" 2025-02-24 --lang id': Shown(
        2, "perbaikan-keputusan"
    ),
    "penetapan deadline perbaikan-keputusan 2025-02-24 --format date": Shown(0, "2025-02-27\n"),
    'penetapan deadline "4 Februari 2025" ditolak': Shown(2, "the arguments seem swapped"),
}


def shown_commands(text: str) -> list[str]:
    """The `penetapan` command lines of the fenced code blocks of ``text``."""
    commands: list[str] = []
    for block in re.findall(r"^```[^\n]*\n(.*?)^```", text, re.S | re.M):
        lines = iter(block.splitlines())
        for line in lines:
            if not line.startswith(("$ ", "uv run ", "cat ")):
                continue
            command = line.removeprefix("$ ").strip()
            while command.endswith("\\"):
                command = f"{command[:-1].rstrip()} {next(lines).strip()}"
            if re.search(r"(^|[\s|(])(uv run )?penetapan\s", command):
                commands.append(command)
    return commands


def penetapan_argv(command: str) -> list[str]:
    """The arguments after `penetapan`, up to the first pipe, redirection, `;` or `)`."""
    tail = command[re.search(r"penetapan\s", command).end() :]  # type: ignore[union-attr]
    tail = re.split(r"\s\||;|\s\d?>|\)", tail)[0]
    return shlex.split(tail, comments=True)


def test_every_shown_command_is_run() -> None:
    shown = [c for doc in DOCUMENTS for c in shown_commands(doc.read_text(encoding="utf-8"))]
    assert len(shown) == len(set(shown)), "a command is shown twice: run it once"
    assert sorted(shown) == sorted(SHOWN)


def sheet_text(path: Path) -> str:
    """Every sheet of a workbook as text: a line per row, cells separated by tabs, dates in
    ISO 8601 and whole numbers without a decimal point."""
    import python_calamine

    def text(value: object) -> str:
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return value.isoformat() if hasattr(value, "isoformat") else str(value)

    with python_calamine.CalamineWorkbook.from_path(path) as book:
        return "".join(
            "\t".join(map(text, row)) + "\n"
            for name in book.sheet_names
            for row in book.get_sheet_by_name(name).iter_rows()
        )


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the files the documents' commands name, as the reader would have them."""
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    shutil.copy(EXAMPLES / "cases.jsonl", tmp_path / "cases.jsonl")
    shutil.copy(EXAMPLES / "pilkada-2024.csv", tmp_path / "cases.csv")
    (tmp_path / "bad.csv").write_bytes(BAD_CSV)
    rules = RULESET.read_text(encoding="utf-8")
    (tmp_path / "mine.toml").write_text(rules.replace("days = 3", "days = -3", 1), "utf-8")
    other = rules.replace(
        'outcomes = ["revote", "recount", "recapitulation"]', 'outcomes = ["revote"]'
    )
    assert other != rules
    (tmp_path / "other.toml").write_text(other, encoding="utf-8")
    (tmp_path / "closures.txt").write_text("2025-02-06 Rapat pleno\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PENETAPAN_LANG", "en")
    return tmp_path


@pytest.mark.parametrize("command", list(SHOWN))
def test_shown_command(command: str, workdir: Path) -> None:
    expected = SHOWN[command]
    argv = penetapan_argv(command)
    stdin = expected.stdin
    if stdin is None and command.startswith("cat "):
        stdin = (workdir / shlex.split(command)[1]).read_bytes()
    result = CliRunner().invoke(app, argv, input=stdin)
    assert result.exit_code == expected.code, (argv, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    output = result.stdout + result.stderr
    for target in re.findall(r"(?:-o|--ics) (\S+)", command):
        if expected.code == 0 and not target.startswith("bad"):
            if target.endswith(".xlsx"):
                output += sheet_text(workdir / target)
            else:
                output += (workdir / target).read_text(encoding="utf-8")
    assert expected.contains in output


BIN = Path(sys.executable).parent


@pytest.mark.parametrize("command", list(SHOWN))
def test_shown_command_in_a_shell(command: str, workdir: Path) -> None:
    """The whole line in a shell, with `penetapan` the installed command, as a reader runs it."""
    shell = shutil.which("sh")
    if shell is None or not (BIN / "penetapan").exists():
        pytest.skip("needs a POSIX shell and the installed penetapan command")
    for tool in re.findall(r"\|\s*(jq|sed|head|tail)\b", command):
        if shutil.which(tool) is None:
            pytest.skip(f"the example pipes into {tool}, which this system does not have")
    expected = SHOWN[command]
    line = command.replace("uv run ", "")
    if (assigned := re.match(r"(\w+)=\$\(", line)) is not None:
        line = re.sub(r"\s+#.*$", "", line) + f'; printf "%s\\n" "${assigned.group(1)}"'
    environment = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PENETAPAN_LANG": "en",
        "PENETAPAN_CACHE_DIR": str(workdir / ".cache"),
        "LC_ALL": "C.UTF-8",
        "PYTHONUTF8": "1",
        "NO_COLOR": "1",
    }
    done = subprocess.run(
        [shell, "-c", line],
        cwd=workdir,
        input=expected.stdin,
        capture_output=True,
        env=environment,
        timeout=120,
        check=False,
    )
    stdout, stderr = done.stdout.decode(), done.stderr.decode()
    assert "Traceback" not in stderr, (line, stderr)
    simple = not re.search(r"[|;&]|\$\(", command)
    if simple:  # the exit code of a pipeline or a list is its last command's
        assert done.returncode == expected.code, (line, stdout, stderr)
    output = stdout + stderr
    for target in re.findall(r"(?:^|\s)(?:-o |--ics |>\s*)(\S+)", command):
        if expected.code == 0 and not target.startswith(("bad", "/dev/", "&")):
            if target.endswith(".xlsx"):
                output += sheet_text(workdir / target)
            else:
                output += (workdir / target).read_text(encoding="utf-8")
    wanted = expected.contains if expected.piped is None else expected.piped
    assert wanted in output, (line, stdout, stderr)


def test_readme_card_is_real_output() -> None:
    """README's card is what the command above it prints (Kota Medan 2025); a line ending in
    "..." stands for the output line that starts with what precedes it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"```console\n\$ (uv run penetapan deadline [^\n]*)\n(Batas akhir.*?)```", readme, re.S
    )
    assert block is not None, "README has no card"
    shown = block.group(2).splitlines()
    printed = CliRunner().invoke(app, penetapan_argv(block.group(1))).stdout.splitlines()
    assert len(shown) == len(printed)
    for doc_line, out_line in zip(shown, printed, strict=True):
        if doc_line.endswith("..."):
            assert out_line.startswith(doc_line.removesuffix("..."))
        else:
            assert doc_line == out_line
