"""Text for people, piped and on a terminal; the month view of `deadline --calendar`; the
closures warning on a calendar-day count.

Piped, a table is tab-separated lines with one header line, never folded or boxed; NO_COLOR
(non-empty) and TERM=dumb mean no escape sequence, on a terminal too (a pseudo-terminal here,
where the platform has one).
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app
from penetapan_cli.core.outcomes import ALIASES, Outcome
from penetapan_cli.launch import run_fast
from penetapan_cli.render.terminal import styles_allowed
from penetapan_cli.sources.rulesets import RULESETS_DIR

ESC = "\x1b"
BOX = {chr(c) for c in range(0x2500, 0x2580)}  # box drawing
ENV = {"PENETAPAN_LANG": "en", "COLUMNS": "40", "NO_COLOR": ""}


def piped(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``penetapan ARGV`` as a separate process whose stdout is a pipe."""
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    return subprocess.run(
        [sys.executable, "-m", "penetapan_cli", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environ | ENV | (env or {}),
        check=False,
    )


def invoke(*argv: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(argv))
    return result.exit_code, result.stdout, result.stderr


# --- piped: whole lines, tab-separated tables --------------------------------------------------


def test_outcomes_piped_is_one_header_line_and_whole_tab_separated_rows() -> None:
    done = piped("outcomes")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split("\t") == ["outcome", "aliases", "meaning", "rule", "deadline"]
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(row) == 5 for row in rows)
    # cut -f1: every outcome once, in the catalogue's order
    assert [row[0] for row in rows] == [o.value for o in Outcome]
    # grep recapitulation: whole lines, the aliases unbroken
    found = [line for line in lines if "recapitulation" in line]
    assert found
    assert found[0].startswith("recapitulation\t")
    assert ", ".join(ALIASES[Outcome.NO_PETITION]) in done.stdout  # "tanpa-permohonan" whole
    assert not (set(done.stdout) & BOX)
    assert ESC not in done.stdout


@pytest.mark.parametrize(
    ("argv", "header", "key"),
    [
        (["rules"], ["id", "status", "title", "note"], "pkpu-19-2020"),
        # SKB 3 Menteri 2025: cuti bersama for Imlek on Tuesday 28 January 2025.
        (["holidays", "2025"], ["date", "kind", "name", ""], "Tuesday, 28 January 2025"),
    ],
)
def test_listings_piped_are_tab_separated(argv: list[str], header: list[str], key: str) -> None:
    done = piped(*argv)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split("\t") == header
    assert all(line.count("\t") == len(header) - 1 for line in lines)
    assert any(line.split("\t")[0].startswith(key) for line in lines[1:])
    assert not (set(done.stdout) & BOX)
    assert ESC not in done.stdout


def test_compare_piped_is_a_titled_tab_separated_table() -> None:
    done = piped("deadline", "dismissed", "2025-02-04", "--compare", "--as-of", "2025-02-05")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    at = lines.index("Comparison of rule sets")
    assert lines[at + 1].split("\t") == ["rule set", "rule", "counted from", "days", "deadline", ""]
    rows = [line.split("\t") for line in lines[at + 2 : at + 5]]
    # PKPU 18/2024 Pasal 57(1)(b) and PKPU 19/2020 Pasal 54(6): 3 days after Tue 4 Feb 2025 ->
    # Fri 7 Feb; the reported PKPU 2/2024 annex: 5 days -> Sun 9 Feb 2025.
    assert [(row[0].split()[0], row[4], row[5]) for row in rows] == [
        ("pkpu-18-2024", "Fri 7 Feb 2025", "SAFE"),
        ("pkpu-19-2020", "Fri 7 Feb 2025", "SAFE"),
        ("pkpu-2-2024-annex", "Sun 9 Feb 2025", ""),
    ]
    assert not (set(done.stdout) & BOX)
    assert ESC not in done.stdout


def test_the_card_piped_is_never_folded() -> None:
    """COLUMNS=40: the source line (well over 40 characters) stays one line."""
    done = piped("deadline", "dismissed", "2025-02-04", "--as-of", "2025-02-05", "--explain")
    assert done.returncode == 0, done.stderr
    source = [line for line in done.stdout.splitlines() if line.startswith("  Source: ")]
    assert len(source) == 1
    assert source[0].endswith("the verbatim text was not available")
    assert "#\tdate\tstatus\twhy" in done.stdout.splitlines()
    assert ESC not in done.stdout


# --- escape sequences: only on a terminal, never with NO_COLOR or TERM=dumb ---------------------


@pytest.mark.parametrize(
    ("terminal", "environ", "platform", "allowed"),
    [
        (True, {"TERM": "xterm"}, "linux", True),
        (True, {}, "linux", True),
        (False, {"TERM": "xterm"}, "linux", False),
        (True, {"TERM": "xterm", "NO_COLOR": "1"}, "linux", False),
        (True, {"TERM": "xterm", "NO_COLOR": ""}, "linux", True),  # no-color.org: non-empty
        (True, {"TERM": "dumb"}, "linux", False),
        (True, {}, "win32", False),  # the classic console prints escapes as text
        (True, {"WT_SESSION": "x"}, "win32", True),
        (True, {"WT_SESSION": "x", "NO_COLOR": "1"}, "win32", False),
    ],
)
def test_when_styles_are_allowed(
    terminal: bool, environ: dict[str, str], platform: str, allowed: bool
) -> None:
    assert styles_allowed(terminal, environ, platform) is allowed


@pytest.fixture
def on_a_terminal(
    read_terminal: Callable[[int], bytes],
) -> Callable[[list[str], dict[str, str]], bytes]:
    """What ``penetapan ARGV`` writes to a pseudo-terminal."""

    def run(argv: list[str], env: dict[str, str]) -> bytes:
        import pty

        master, slave = pty.openpty()
        environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
        proc = subprocess.Popen(
            [sys.executable, "-m", "penetapan_cli", *argv],
            stdin=subprocess.DEVNULL,
            stdout=slave,
            stderr=subprocess.DEVNULL,
            env=environ | {"PENETAPAN_LANG": "en", "COLUMNS": "120"} | env,
        )
        os.close(slave)
        written = read_terminal(master)
        assert proc.wait(timeout=60) == 0
        os.close(master)
        return written

    return run


CARD = ["deadline", "dismissed", "2025-02-04", "--as-of", "2025-02-05", "--explain", "--calendar"]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("argv", [CARD, ["outcomes"]], ids=["card", "outcomes"])
@pytest.mark.parametrize(
    ("env", "escapes"),
    [
        ({"TERM": "xterm-256color"}, True),
        ({"TERM": "xterm-256color", "NO_COLOR": "1"}, False),
        ({"TERM": "dumb"}, False),
    ],
    ids=["terminal", "NO_COLOR", "TERM=dumb"],
)
def test_escape_sequences_on_a_terminal(
    argv: list[str],
    env: dict[str, str],
    escapes: bool,
    on_a_terminal: Callable[[list[str], dict[str, str]], bytes],
) -> None:
    seen = on_a_terminal(argv, env)
    assert (b"\x1b" in seen) is escapes
    # the same words either way; on a terminal the table is drawn
    text = seen.decode("utf-8")
    assert "Deadline" in text if argv is CARD else "no-petition" in text
    if argv is not CARD:
        assert set(text) & BOX


# --- --closures on a calendar-day count -----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "office closures (--closures) do not move a deadline counted in calendar days"),
        ("id", "hari yang diliburkan (--closures) tidak mengubah batas akhir yang dihitung dengan"),
    ],
)
def test_closures_on_a_calendar_day_count_warn(tmp_path: Path, lang: str, words: str) -> None:
    closures = tmp_path / "closures.txt"
    closures.write_text("2025-02-06 Rapat pleno\n", encoding="utf-8")
    argv = ["deadline", "dismissed", "2025-02-04", "--closures", str(closures), "--format", "date"]
    code, out, err = invoke(*argv, "--lang", lang)
    # PKPU 18/2024 Pasal 57(1)(b): 3 calendar days after Tue 4 Feb 2025 -> Fri 7 Feb 2025; the
    # closure on Thu 6 Feb does not count on calendar days.
    assert (code, out) == (0, "2025-02-07\n")
    assert words in err
    # --basis working: Wed 5 (1), Thu 6 closed, Fri 7 (2), weekend, Mon 10 Feb 2025 (3).
    code, out, err = invoke(*argv, "--lang", lang, "--basis", "working")
    assert (code, out) == (0, "2025-02-10\n")
    assert words not in err
    assert "--closures" not in err


def test_closures_on_calendar_day_rows_of_a_batch_warn_once(tmp_path: Path) -> None:
    closures = tmp_path / "closures.txt"
    closures.write_text("2025-02-06 Rapat pleno\n", encoding="utf-8")
    rows = "region,outcome,notified_on,basis\nA,dismissed,2025-02-04,\nB,ditolak,2025-02-04,\n"
    rows += "C,dismissed,2025-02-04,working\n"
    argv = ["batch", "-", "--closures", str(closures), "--as-of", "2025-02-04", "--lang", "en"]
    result = CliRunner().invoke(app, argv, input=rows)
    assert result.exit_code == 0, result.stderr
    # PKPU 18/2024 Pasal 57(1)(b): 3 calendar days after Tue 4 Feb 2025 -> Fri 7 Feb (A, B);
    # C in working days: Wed 5 (1), Thu 6 closed, Fri 7 (2), Mon 10 Feb 2025 (3).
    header, *lines = result.stdout.splitlines()
    at = header.split(",").index("deadline")
    deadlines = [line.split(",")[at] for line in lines]
    assert deadlines == ["2025-02-07", "2025-02-07", "2025-02-10"]
    warned = [line for line in result.stderr.splitlines() if "(--closures)" in line]
    assert warned == [
        "warning (2 rows from row 1): office closures (--closures) do not move a deadline "
        "counted in calendar days; they count only on a working-day count (--basis working)"
    ]


def test_no_closures_no_warning() -> None:
    code, _, err = invoke("deadline", "dismissed", "2025-02-04", "--format", "date")
    assert code == 0
    assert "--closures" not in err


# --- the month view ---------------------------------------------------------------------------


def month_marks(out: str, year: int, month: int, lang: str = "en") -> dict[int, str]:
    """The marks under each day of one month's grid in ``out`` (days without marks left out).

    The grid is read against the real calendar: each week's line of dates is known, so the line
    after it is that week's marks unless it is the next week's dates.
    """
    from penetapan_cli.messages import month_name

    lines = out.splitlines()
    at = lines.index(f"{month_name(month, lang)} {year}")
    header = lines[at + 1]
    width = len(header) // 7
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    expected = [
        "".join((str(d.day) if d.month == month else "").rjust(width) for d in w).rstrip()
        for w in weeks
    ]
    marks: dict[int, str] = {}
    i = at + 2
    for number, week in enumerate(weeks):
        assert lines[i] == expected[number], (lines[i], expected[number])
        i += 1
        following = expected[number + 1] if number + 1 < len(weeks) else None
        if i < len(lines) and lines[i].strip() and lines[i] != following:
            cells = [lines[i][k * width : (k + 1) * width].strip() for k in range(7)]
            for d, cell in zip(week, cells, strict=True):
                if cell:
                    assert d.month == month
                    marks[d.day] = cell
            i += 1
    return marks


def test_month_view_of_a_working_day_count_across_isra_mikraj_and_imlek_2025() -> None:
    """`rejected` notified Fri 24 Jan 2025, counted in working days (--basis working): PKPU
    18/2024 Pasal 57 ayat (1) huruf b, 3 days after the trigger. Sat 25 and Sun 26 are a weekend,
    Mon 27 Jan is Isra Mikraj (public holiday), Tue 28 Jan cuti bersama for Imlek (SKB 3 Menteri
    2025), Wed 29 Jan Tahun Baru Imlek (public holiday): Thu 30 is day 1, Fri 31 day 2, the
    weekend of 1-2 Feb skipped, Mon 3 Feb 2025 day 3, the deadline. Wed 1 Jan is New Year's
    Day (shown, outside the count)."""
    argv = ["deadline", "rejected", "2025-01-24", "--basis", "working", "--calendar"]
    code, out, _ = invoke(*argv, "--as-of", "2025-01-24", "--lang", "en")
    assert code == 0
    assert month_marks(out, 2025, 1) == {
        1: "*",
        24: ">",
        25: "-",
        26: "-",
        27: "*",
        28: "+",
        29: "*",
        30: "1",
        31: "2",
    }
    assert month_marks(out, 2025, 2) == {1: "-", 2: "-", 3: "3!"}
    assert "Mon  Tue  Wed  Thu  Fri  Sat  Sun" in out
    assert "A working-day count: weekends, holidays, cuti bersama and office closures" in out
    for line in (
        "  + Tuesday, 28 January 2025: Lunar New Year Joint Holiday",
        "  * Monday, 27 January 2025: Isra' and Mi'raj",
    ):
        assert line in out.splitlines()
    assert "March 2025" not in out


def test_month_view_in_indonesian_across_lebaran_2025() -> None:
    """`ditolak` notified Thu 27 Mar 2025, 3 working days: Fri 28 Mar cuti bersama Nyepi, Sat
    29 Nyepi, Sun 30, Mon 31 Mar and Tue 1 Apr Idul Fitri, Wed 2 - Fri 4 Apr cuti bersama, Sat 5,
    Sun 6, Mon 7 Apr cuti bersama (SKB 3 Menteri 2025); Tue 8, Wed 9, Thu 10 Apr 2025 are days
    1-3 (PKPU 18/2024 Pasal 57 ayat (1) huruf b). Fri 18 Apr is Good Friday (Wafat Yesus
    Kristus), Sun 20 Apr Easter."""
    argv = ["deadline", "ditolak", "27/03/2025", "--basis", "working", "--calendar"]
    code, out, _ = invoke(*argv, "--as-of", "2025-03-27", "--lang", "id")
    assert code == 0
    assert month_marks(out, 2025, 3, "id") == {27: ">", 28: "+", 29: "*", 30: "-", 31: "*"}
    assert month_marks(out, 2025, 4, "id") == {
        1: "*", 2: "+", 3: "+", 4: "+", 5: "-", 6: "-", 7: "+", 8: "1", 9: "2", 10: "3!",
        18: "*", 20: "*",
    }  # fmt: skip
    assert "Sen  Sel  Rab  Kam  Jum  Sab  Min" in out
    assert "Keterangan:" in out
    assert "Maret 2025" in out
    assert "April 2025" in out
    assert "  * Senin, 31 Maret 2025: Hari Raya Idul Fitri" in out.splitlines()


def test_month_view_of_a_calendar_day_count_marks_holidays_but_counts_them() -> None:
    """`rejected` notified Fri 24 Jan 2025, 3 calendar days (PKPU 18/2024 Pasal 57 ayat (1)
    huruf b): Sat 25, Sun 26, Mon 27 Jan (Isra Mikraj, counted all the same) -> Mon 27 Jan."""
    code, out, _ = invoke("deadline", "rejected", "2025-01-24", "--calendar", "--lang", "en")
    assert code == 0
    assert month_marks(out, 2025, 1) == {1: "*", 24: ">", 25: "1", 26: "2", 27: "3!*", 28: "+",
                                         29: "*"}  # fmt: skip
    assert "A calendar-day count: weekends and holidays are counted too." in out


def test_month_view_marks_closures_and_a_rolled_deadline(tmp_path: Path) -> None:
    """A rule file that rolls a last day off work to the next working day: 3 calendar days
    after Thu 6 Feb 2025 is Sun 9 Feb, rolled to Mon 10 Feb; with a closure on Mon 10 Feb, to
    Tue 11 Feb 2025."""
    rules = (RULESETS_DIR / "pkpu-18-2024.toml").read_text(encoding="utf-8")
    rolled = rules.replace('roll = "none"', 'roll = "next-working-day"')
    rolled = rolled.replace('id = "pkpu-18-2024"', 'id = "pkpu-18-2024-rolled"', 1)
    assert rolled != rules
    path = tmp_path / "rolled.toml"
    path.write_text(rolled, encoding="utf-8")
    closures = tmp_path / "closures.txt"
    closures.write_text("2025-02-10 Rapat pleno\n", encoding="utf-8")
    argv = ["deadline", "dismissed", "2025-02-06", "--rules", str(path), "--calendar"]
    code, out, err = invoke(*argv, "--closures", str(closures), "--lang", "en")
    assert code == 0
    assert month_marks(out, 2025, 2) == {6: ">", 7: "1", 8: "2", 9: "3", 10: "x", 11: "!"}
    assert "  x Monday, 10 February 2025: Rapat pleno" in out.splitlines()
    assert "--closures" not in err  # the closure did move this deadline


@pytest.mark.parametrize(
    ("notified", "basis", "expected"),
    [
        # "terhitung sejak" on calendar days: the trigger Tue 4 Feb 2025 is day 1 -> Thu 6 Feb.
        ("2025-02-04", [], {4: ">1", 5: "2", 6: "3!"}),
        # On working days from Sat 1 Feb 2025: the trigger is skipped (a weekend), as is Sun 2;
        # Mon 3, Tue 4 and Wed 5 Feb 2025 are days 1-3.
        ("2025-02-01", ["--basis", "working"], {1: ">-", 2: "-", 3: "1", 4: "2", 5: "3!"}),
    ],
)
def test_month_view_when_the_trigger_day_counts(
    tmp_path: Path, notified: str, basis: list[str], expected: dict[int, str]
) -> None:
    """A rule file counting "terhitung sejak" (count_from = "on"): the trigger day is day 1
    when it counts (docs/rules.md), and is marked as both."""
    rules = (RULESETS_DIR / "pkpu-18-2024.toml").read_text(encoding="utf-8")
    counted_on = rules.replace('count_from = "after"', 'count_from = "on"')
    counted_on = counted_on.replace('id = "pkpu-18-2024"', 'id = "pkpu-18-2024-on"', 1)
    assert counted_on != rules
    path = tmp_path / "on.toml"
    path.write_text(counted_on, encoding="utf-8")
    argv = ["deadline", "dismissed", notified, "--rules", str(path), "--calendar", *basis]
    code, out, _ = invoke(*argv, "--lang", "en")
    assert code == 0
    assert month_marks(out, 2025, 2) == expected


def test_month_view_piped_is_plain_ascii_marks() -> None:
    done = piped("deadline", "rejected", "2025-01-24", "--basis", "working", "--calendar")
    assert done.returncode == 0, done.stderr
    grid = done.stdout[done.stdout.index("Calendar of the count") :]
    assert ESC not in grid
    assert not (set(grid) & BOX)
    assert month_marks(done.stdout, 2025, 2) == {1: "-", 2: "-", 3: "3!"}


def test_month_view_weekday_header_starts_on_monday() -> None:
    code, out, _ = invoke("deadline", "dismissed", "2025-02-04", "--calendar", "--lang", "id")
    assert code == 0
    header = out.splitlines()[out.splitlines().index("Februari 2025") + 1].split()
    assert header == ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]
    # PKPU 18/2024 Pasal 57(1)(b): Tue 4 Feb 2025 + 3 calendar days -> Fri 7 Feb 2025.
    assert month_marks(out, 2025, 2, "id") == {4: ">", 5: "1", 6: "2", 7: "3!"}


@pytest.mark.parametrize("fmt", ["json", "date"])
def test_month_view_is_text_only(fmt: str) -> None:
    argv = ["deadline", "dismissed", "2025-02-04", "--calendar", "--format", fmt]
    code, out, err = invoke(*argv, "--lang", "en")
    assert (code, out) == (2, "")
    assert err == f"penetapan: --calendar can only be used with --format text, not {fmt}\n"
    code, _, err = invoke(*argv, "--lang", "id")
    assert code == 2
    assert "hanya dapat dipakai dengan --format text" in err


def test_month_view_without_a_deadline_prints_no_grid() -> None:
    code, out, _ = invoke("deadline", "psu", "2025-02-24", "--calendar", "--lang", "en")
    assert code == 3
    assert "Calendar of the count" not in out


def test_month_view_through_the_fast_path_equals_typer(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PENETAPAN_LANG", "en")
    argv = ["deadline", "rejected", "2025-01-24", "--basis", "working", "--calendar"]
    argv += ["--as-of", "2025-01-24"]
    typer_result = CliRunner().invoke(app, argv)
    code = run_fast(argv, {})
    fast = capsys.readouterr()
    assert code == typer_result.exit_code == 0
    assert fast.out == typer_result.stdout
    assert "3!" in fast.out


def test_month_view_spans_a_year_end() -> None:
    """`ditolak` notified Mon 29 Dec 2025, 3 calendar days: Tue 30, Wed 31 Dec, Thu 1 Jan 2026
    (New Year's Day, counted on calendar days)."""
    code, out, _ = invoke("deadline", "ditolak", "2025-12-29", "--calendar", "--lang", "en")
    assert code == 0
    assert month_marks(out, 2025, 12)[29] == ">"
    assert month_marks(out, 2026, 1)[1] == "3!*"
    assert out.index("December 2025") < out.index("January 2026")
    assert dt.date(2026, 1, 1).weekday() == 3  # a Thursday: the grid's fourth column


def test_the_documented_month_view_is_what_the_tool_prints() -> None:
    """docs/output.md shows the month view of a count across Isra Mikraj and Imlek 2025 from
    its title on (the command pipes it through sed); it must be the tool's output."""
    doc = (Path(__file__).resolve().parent.parent / "docs" / "output.md").read_text("utf-8")
    command = "$ penetapan deadline ditolak 2025-01-24 --basis working --calendar --lang id "
    block = doc[doc.index(command) :]
    shown = block[block.index("\n") + 1 : block.index("```")]
    argv = [*command.split()[2:], "--as-of", "2025-01-24"]
    code, out, _ = invoke(*argv)
    assert code == 0
    assert out[out.index("Kalender penghitungan hari") :] == shown


CONTROL_NAMES = ["Rapat \x1b[31mmerah\x1b[0m", "Judul \x1b]0;pwned\x07", "Kursor \x1b[2J\r"]


@pytest.mark.parametrize("env", [{}, {"NO_COLOR": "1"}], ids=["piped", "NO_COLOR"])
def test_control_characters_in_names_never_reach_the_output(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """A closures file may name a day with escape sequences; piped (or with NO_COLOR) the
    output has no ESC at all, and each control character is a ``?``."""
    closures = tmp_path / "closures.txt"
    lines = [f"2025-02-0{5 + i} {name}" for i, name in enumerate(CONTROL_NAMES)]
    closures.write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["deadline", "dismissed", "2025-02-04", "--basis", "working", "--explain"]
    done = piped(*argv, "--calendar", "--closures", str(closures), "--region", "A\x1bB", env=env)
    assert done.returncode == 0, done.stderr
    assert ESC not in done.stdout
    assert "\r" not in done.stdout
    assert "Rapat ?[31mmerah?[0m" in done.stdout
    # Wed 5, Thu 6, Fri 7 Feb closed, the weekend skipped: Mon 10, Tue 11, Wed 12 Feb 2025 are
    # days 1-3 (PKPU 18/2024 Pasal 57(1)(b), --basis working).
    assert month_marks(done.stdout, 2025, 2) == {
        4: ">", 5: "x", 6: "x", 7: "x", 8: "-", 9: "-", 10: "1", 11: "2", 12: "3!"
    }  # fmt: skip


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_control_characters_in_names_on_a_styled_terminal(
    tmp_path: Path, on_a_terminal: Callable[[list[str], dict[str, str]], bytes]
) -> None:
    """On a terminal, only the tool's own styles are escape sequences: a name's OSC (retitle)
    or screen-clearing sequence is printed as ``?`` text, in the card and in a drawn table."""
    closures = tmp_path / "closures.txt"
    lines = [f"2025-02-0{5 + i} {name}" for i, name in enumerate(CONTROL_NAMES)]
    closures.write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["deadline", "dismissed", "2025-02-04", "--basis", "working", "--explain"]
    seen = on_a_terminal([*argv, "--closures", str(closures)], {"TERM": "xterm-256color"})
    assert b"\x1b[1m" in seen  # styled
    assert b"\x1b]0;" not in seen
    assert b"\x1b[2J" not in seen
    assert b"\x07" not in seen
