"""Every word a user reads comes from the catalogue (messages.py), in both languages, and
``--lang id`` leaves no English in what people read: cards, tables, notes on stderr, errors,
usage errors and the help of every command.

The English detector is a list of common English words that never occur in the Indonesian
texts; what may stay as it is (ids such as ``no-petition``, option names, metavars, paths,
quoted input, choice values) is taken out before the words are looked at.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import string
from collections.abc import Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner

from penetapan_cli import messages
from penetapan_cli.cli import app
from penetapan_cli.core.errors import Message, PenetapanError
from penetapan_cli.settings import lang_of_argv, machine_lang, resolve_lang

SRC = Path(__file__).parent.parent / "src" / "penetapan_cli"
runner = CliRunner()

CATALOGUES: dict[str, Mapping[object, Mapping[str, str]]] = {
    name: value
    for name, value in vars(messages).items()
    if name.isupper()
    and isinstance(value, dict)
    and value
    and all(isinstance(v, dict) and set(v) == {"id", "en"} for v in value.values())
}


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}


def test_the_catalogues_are_found() -> None:
    assert {"ERRORS", "HELP", "CLICK", "LABELS", "HEADERS", "STATUS", "OUTCOME_NAMES"} <= set(
        CATALOGUES
    )


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_every_entry_has_both_languages_with_the_same_values(name: str) -> None:
    for key, text in CATALOGUES[name].items():
        assert set(text) == {"id", "en"}, (name, key)
        if key != "":  # an empty table header
            assert text["id"].strip(), (name, key)
            assert text["en"].strip(), (name, key)
        # the same values, but for English plurals ("day{s}")
        assert _fields(text["en"]) - _fields(text["id"]) <= {"s"}, (name, key)
        assert _fields(text["id"]) <= _fields(text["en"]), (name, key)


def _keyed_strings() -> set[str]:
    """String constants in the code that name a catalogue entry (``help.…``, ``file.…``...)."""
    pattern = re.compile(r"^(help|click|date|outcome|file|kind|read|rules|timeline|deadline|"
                         r"explain|calendar|declared|lang|tz|option|closures|limits|strict|"
                         r"batch|stdin|stdout|ics|input|row|json|rulefile|year|sheet|workbook)"
                         r"\.[a-z_.]+$")  # fmt: skip
    found = set()
    for path in SRC.rglob("*.py"):
        if path.name == "messages.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and pattern.match(node.value)
                and not node.value.endswith((".", ".toml"))
            ):
                found.add(node.value)
    return found


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    keys = _keyed_strings()
    assert len(keys) > 80
    known = set(messages.ERRORS) | set(messages.HELP) | set(messages.CLICK)
    assert keys - known == set()


def test_every_error_raised_by_key_is_in_the_catalogue() -> None:
    """``raise …Error("key", …)`` and ``Message("key", …)``: the key exists; no error is raised
    with a sentence of its own (an f-string or a literal that is not a key)."""
    errors = {
        "PenetapanError", "InputError", "DateInputError", "OutcomeError", "RulesError",
        "ClosuresFileError", "CoverageError", "HangUp", "OutputError", "Message", "error",
        "StrictJSONError", "Blank", "failed", "ValueError",
    }  # fmt: skip
    unkeyed = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in errors or (name == "ValueError" and path.name != "rulefile.py"):
                continue  # a rule file's validators raise ValueError with what the user reads
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                assert first.value in messages.ERRORS, (path.name, first.value)
            elif isinstance(first, ast.JoinedStr):
                prefix = first.values[0]
                keyed = (
                    isinstance(prefix, ast.Constant)
                    and str(prefix.value).endswith(".")
                    and any(k.startswith(str(prefix.value)) for k in messages.ERRORS)
                )
                if not keyed:  # a key built from parts ("json.{kind}") is fine
                    unkeyed.append(f"{path.relative_to(SRC)}:{node.lineno}")
            elif isinstance(first, ast.Call) and name != "Message":
                # words made by a function of their own (a second catalogue) instead of a key
                called = first.func
                wording = {"Message", "Blank", "error_text", "render_message"}  # by key
                if getattr(called, "id", getattr(called, "attr", "")) not in wording:
                    unkeyed.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert unkeyed == [], "errors worded in place instead of by key: " + ", ".join(unkeyed)


# --- the --lang id sweep ---------------------------------------------------------------------

ENGLISH = frozenset(
    """the and with from after before days day deadline file show this message exit usage
    options arguments argument missing invalid unknown expected cannot write read such command
    was were which when should must only your you not are is has have been for of to an at
    it its counted skipped working calendar error warning notice rule source verbatim
    paraphrase trigger holiday holidays weekend default required choose possible got unexpected
    extra value see help version safe earliest overdue left due today rows row input output
    written commands count list print also instead whose each every one more than""".split()  # noqa: SIM905
)

# Taken out before looking: option names, metavars and choices, quoted input, paths and
# addresses, ids with hyphens or slashes, numbers.
_NOT_WORDS = re.compile(
    r"--basis (?:working|calendar)|\b\w+=\S*|\b\w*_\w*\b"
    r"|--?[a-z][\w-]*|<[^>]*>|\{[^}]*\}|\[[^\]]*\|[^\]]*\]|'[^']*'|\"[^\"]*\"|\S*[/\\.]\S*\w"
    r"|\b[\w]+(?:-[\w]+)+\b|\b[A-Z][A-Z_|]+\b|\b(?:ok|pending|text|json|jsonl|csv|ics|date"
    r"|outcome|notified_on|basis|no_cuti_bersama|id|en|dismissal"
    r"|deadline|outcomes|holidays|rules|timeline|batch|show)\b"  # commands: ids
)


def english_words(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z]+", _NOT_WORDS.sub(" ", text))
    return {w for w in words if w.lower() in ENGLISH}


def test_the_detector_finds_english_and_spares_ids() -> None:
    found = english_words("unknown outcome 'ditolakk': expected one of")
    assert found == {"unknown", "expected", "one", "of"}
    words = english_words("Show this message and exit.")
    assert words == {"Show", "this", "message", "and", "exit"}
    assert english_words("gunakan no-petition, --as-of <str>, 'the x', [text|json]") == set()


CASES_CSV = "region,outcome,notified_on\nKota Medan,dismissed,2025-02-04\nX,ditolakk,2025-02-04\n"
CASES_CSV += "Y,revote,2025-02-24\nZ,rejected,2025-02-30\n"


def _sweep_commands(tmp_path: Path) -> list[list[str]]:
    cases = tmp_path / "cases.csv"
    cases.write_text(CASES_CSV, encoding="utf-8")
    closures = tmp_path / "closures.txt"
    closures.write_text("2025-02-06 Rapat pleno\n", encoding="utf-8")
    as_of = ["--as-of", "2025-02-05"]
    return [
        # cards, tables and notes
        ["deadline", "dismissed", "2025-02-04", *as_of, "--explain"],
        ["deadline", "rejected", "2025-02-04", *as_of, "--basis", "working", "--explain"],
        ["deadline", "dismissed", "2025-02-04", *as_of, "--compare"],
        ["deadline", "dismissed", "2025-02-04", *as_of, "--decided", "2025-02-03"],
        ["deadline", "revote", "2025-02-24", *as_of],
        ["deadline", "no-petition", "2025-01-06", "--as-of", "2025-01-20"],
        ["deadline", "dismissed", "2024-12-31", "--as-of", "2025-01-03", "--strict"],
        [
            "deadline",
            "dismissed",
            "2025-02-04",
            "--declared",
            "2025-02-10",
            *as_of[:1],
            "2025-06-01",
        ],
        [
            "deadline",
            "dismissed",
            "2025-02-05",
            "--decided",
            "2025-02-04",
            "--declared",
            "2025-02-08",
            "--as-of",
            "2025-06-01",
        ],
        ["deadline", "dismissed", "2025-02-04", "--declared", "2025-02-03", *as_of],
        ["deadline", "dismissed", "2025-02-04", "--declared", "2025-03-01", *as_of],
        ["deadline", "ditolak", "2025-01-24", "--basis", "working", "--calendar", *as_of],
        ["deadline", "dismissed", "2025-02-04", "--closures", str(closures), *as_of],
        ["deadline", "dismissed", "2025-02-04", "--calendar", "--format", "json"],
        ["outcomes"],
        ["holidays", "2025"],
        ["rules"],
        ["rules", "show", "pkpu-18-2024"],
        ["rules", "show", "pkpu-19-2020"],
        ["rules", "show", "pkpu-2-2024-annex"],
        ["timeline", "--announced", "2024-12-16", *as_of],
        ["timeline", "--announced", "2024-12-16", "--registered", "2025-01-03", *as_of],
        [
            "timeline",
            "--announced",
            "2024-12-16",
            "--decided",
            "2025-02-24",
            "--notified",
            "2025-02-24",
            "--outcome",
            "revote",
            "--order-days",
            "60",
            *as_of,
        ],
        ["batch", str(cases), *as_of],
        # documented errors (docs/exit-codes: 2 for usage and input)
        ["deadline", "ditolakk", "2025-02-04"],
        ["deadline", "", "2025-02-04"],
        ["deadline", "dismissed", "2025-02-30"],
        ["deadline", "dismissed", "4/2/25"],
        ["deadline", "dismissed", "20250204"],
        ["deadline", "dismissed", "Senin, 4 Februari 2025"],
        ["deadline", "dismissed", "2025-02-04", "--tz", "Mars/Olympus"],
        ["deadline", "dismissed", "2025-02-04", "--lang", "fr"],
        ["deadline", "dismissed", "2025-02-04", "--rules", "pkpu-99"],
        ["deadline", "dismissed", "2025-02-04", "--rules", ""],
        ["deadline", "dismissed", "2025-02-04", "--closures", str(tmp_path / "none.txt")],
        ["deadline", "dismissed", "2025-02-04", "--decided", "2025-02-05"],
        ["deadline", "no-petition", "2025-02-04", "--decided", "2025-02-03"],
        ["deadline", "dismissed", "2025-02-04", "--as-of", "kemarin"],
        ["deadline", "dismissed", "2025-02-04", "--ics", str(tmp_path)],
        ["deadline", "dismissed"],
        ["deadline", "dismissed", "2025-02-04", "--format", "xml"],
        ["deadline", "dismissed", "2025-02-04", "--nope"],
        ["deadline", "dismissed", "2025-02-04", "extra"],
        ["deadline", "dismissed", "2025-02-04", "--as-of"],
        ["nonsense"],
        ["holidays", "tahun"],
        ["timeline", "--announced", "2025-02-04", "--registered", "2025-02-01"],
        ["timeline", "--announced", "2024-12-16", "--order-days", "60"],
        ["timeline", "--announced", "2024-12-16", "--outcome", "rejected", "--order-days", "6"],
        ["batch", str(tmp_path / "missing.csv")],
        ["batch", str(cases), "-o", str(cases)],
        ["batch", str(cases), "--sheet", "2"],
        ["batch", str(cases), "--output-format", "xlsx"],
    ]


def test_lang_id_leaves_no_english(tmp_path: Path) -> None:
    # wide: a folded table cell splits words ("pemberitahu-an")
    env = {"PENETAPAN_LANG": "", "LANG": "C", "LC_ALL": "", "NO_COLOR": "1", "COLUMNS": "400"}
    found: dict[str, set[str]] = {}
    for args in _sweep_commands(tmp_path):
        at = 2 if args[:2] == ["rules", "show"] else 1
        argv = [*args[:at], "--lang", "id", *args[at:]] if args[0] != "nonsense" else args
        result = runner.invoke(app, argv, env=env | {"PENETAPAN_LANG": "id"})
        assert result.exit_code in (0, 1, 2, 3, 4), (args, result.exception)
        stdout = result.stdout
        if args[0] == "batch":  # CSV of ids and dates: the error column is what people read
            stdout = "\n".join(row[-1] for row in list(csv.reader(io.StringIO(stdout)))[1:])
        seen = english_words(stdout) | english_words(result.stderr)
        if seen:
            found[" ".join(args)] = seen
    assert found == {}


COMMANDS = [[], ["deadline"], ["outcomes"], ["holidays"], ["rules"], ["rules", "show"],
            ["timeline"], ["batch"]]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "penetapan")
@pytest.mark.parametrize(
    "how",
    [
        ({}, ["--lang", "id"]),
        ({"PENETAPAN_LANG": "id"}, []),
        ({"LANG": "id_ID.UTF-8"}, []),
        ({"LC_ALL": "id_ID.UTF-8", "LANG": "en_US.UTF-8"}, []),
    ],
    ids=["--lang", "PENETAPAN_LANG", "LANG", "LC_ALL"],
)
def test_help_is_indonesian(command: list[str], how: tuple[dict[str, str], list[str]]) -> None:
    env, extra = how
    base = {"PENETAPAN_LANG": "", "LANG": "", "LC_ALL": "", "LC_MESSAGES": ""}
    lang = extra if command else []  # the root takes no --lang; its help follows the env
    if not command and extra:
        env = {"PENETAPAN_LANG": "id"}
    result = runner.invoke(app, [*command, "--help", *lang], env=base | env)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Penggunaan: penetapan")
    assert "Opsi" in result.stdout
    assert "Tampilkan bantuan ini lalu keluar." in result.stdout
    assert english_words(result.stdout) == set()


def test_help_in_english_is_unchanged() -> None:
    result = runner.invoke(app, ["deadline", "--help"], env={"PENETAPAN_LANG": "", "LANG": "C"})
    assert result.stdout.startswith("Usage: penetapan deadline [OPTIONS] {OUTCOME} {NOTIFIED}")
    assert "Show this message and exit." in result.stdout
    assert "Compute the latest date to declare the elected pair." in result.stdout


def test_usage_errors_follow_the_language() -> None:
    env = {"PENETAPAN_LANG": "", "LANG": "C", "LC_ALL": ""}
    english = runner.invoke(app, ["deadline", "dismissed"], env=env)
    assert english.stderr == (
        "penetapan deadline: Missing argument 'NOTIFIED'. (see 'penetapan deadline --help')\n"
    )
    indonesian = runner.invoke(app, ["deadline", "dismissed", "--lang", "id"], env=env)
    assert indonesian.stderr == (
        "penetapan deadline: Argumen 'NOTIFIED' belum diberikan "
        "(lihat 'penetapan deadline --help')\n"
    )
    assert indonesian.exit_code == english.exit_code == 2


# --- which language, where -------------------------------------------------------------------


def test_language_for_people_and_for_machines() -> None:
    indonesian_locale = {"LANG": "id_ID.UTF-8"}
    assert resolve_lang(None, indonesian_locale) == "id"
    assert machine_lang(None, indonesian_locale) == "en"  # machine output ignores the locale
    assert machine_lang(None, indonesian_locale | {"PENETAPAN_LANG": "id"}) == "id"
    assert machine_lang("id", {}) == "id"
    assert lang_of_argv(["deadline", "--lang=id"], {}) == "id"
    assert lang_of_argv(["deadline", "--lang", "xx"], indonesian_locale) == "id"
    assert lang_of_argv(["--", "--lang", "id"], {}) == "en"


def test_json_follows_lang_not_the_locale() -> None:
    args = ["deadline", "dismissed", "2025-02-04", "--format", "json", "--as-of", "2025-02-05"]
    base = {"PENETAPAN_LANG": "", "LC_ALL": ""}
    by_locale = json.loads(runner.invoke(app, args, env=base | {"LANG": "id_ID.UTF-8"}).stdout)
    assert by_locale["lang"] == "en"
    assert by_locale["rule"]["citation"]["source"].startswith("paraphrase only")
    asked = json.loads(runner.invoke(app, [*args, "--lang", "id"], env=base).stdout)
    assert asked["lang"] == "id"
    assert asked["rule"]["citation"]["source"].startswith("hanya parafrasa")


def test_batch_error_column_and_report(tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    cases.write_text(CASES_CSV, encoding="utf-8")
    args = ["batch", str(cases), "--as-of", "2025-02-05"]
    base = {"PENETAPAN_LANG": "", "LC_ALL": ""}
    by_locale = runner.invoke(app, args, env=base | {"LANG": "id_ID.UTF-8"})
    assert "unknown outcome 'ditolakk'" in by_locale.stdout  # the column: English
    assert "tindak lanjut (1 baris, mulai baris 3)" in by_locale.stderr  # the report: people's
    asked = runner.invoke(app, [*args, "--lang", "id"], env=base | {"LANG": "C"})
    assert "amar putusan tidak dikenal 'ditolakk'" in asked.stdout
    assert "tanggal tidak valid '2025-02-30'" in asked.stdout
    # the summary keeps its key=value tokens in every language (scripts parse it)
    summary = asked.stderr.splitlines()[-1]
    assert re.fullmatch(r"penetapan batch: rows=4 ok=1 pending=1 errors=2 blank=0", summary), (
        summary
    )


def test_a_key_not_in_the_catalogue_is_shown_as_it_is() -> None:
    assert messages.error_text(PenetapanError("plain words"), "id") == "plain words"
    nested = PenetapanError("date.invalid", text="x", why=Message("date.no_today"))
    assert messages.error_text(nested, "en") == (
        "invalid date 'x': no reference date for today was given"
    )
    assert messages.error_text(nested, "id") == (
        "tanggal tidak valid 'x': tanggal acuan untuk hari ini tidak diberikan"
    )


def test_keys_built_from_parts_exist() -> None:
    facts = ("announced", "registered", "decided", "notified")
    for i, early in enumerate(facts):
        for late in facts[i + 1 :]:
            assert f"timeline.order.{early}.{late}" in messages.ERRORS


# --- the batch error column and a rule file's problems, row by row --------------------------

LONG_CELL = "x" * 140_000  # over the 131,072 characters a CSV cell may hold: cut, an error row

BAD_CSV = (
    b"region,outcome,notified_on\n"
    b"\n"  # a blank line: status blank, no error
    b"A,dismissed,2025-02-30\n"  # no such date
    b"B,ditolakk,2025-02-04\n"  # unknown outcome
    b"C\xff,dismissed,2025-02-04\n"  # bytes that are not UTF-8
    + LONG_CELL.encode()
    + b",dismissed,2025-02-04\n"  # an over-long cell
    b"D,dismissed\n"  # a field missing
    b"E,dikabulkan sebagian,2025-02-04\n"  # a partial grant
    b"F,dismissed,4/2/25\n"  # a two-digit year
)

BAD_JSONL = b"\n".join(
    [
        b'{"region": "A", "outcome": "dismissed", "notified_on": "2025-02-04"}',
        b"",  # blank
        b'{"region": "B", "outcome": "x", "outcome": "y", "notified_on": "2025-02-04"}',
        b'{"region": "C", "outcome": "dismissed", "notified_on": "2025-02-04", "extra": 1}',
        b"[1]",
        b'{"region": "D", "outcome": NaN, "notified_on": "2025-02-04"}',
        b'{"region": "E", "outcome": "dismissed",',
        b'{"region": "F\xff"}',
        b'{"region": "G", "Outcome": "dismissed", "outcome": "x", "notified_on": "2025-02-04"}',
        b'{"region": "H", "outcome": "dismissed", "notified_on": "2025-02-04", "deadline": 1}',
        b'{"region": "I", "outcome": "dismissed", "notified_on": "2025-13-01"}',
    ]
)


def _bad_rule_files(tmp_path: Path) -> list[Path]:
    shipped = (SRC / "sources" / "rulesets" / "pkpu-18-2024.toml").read_text(encoding="utf-8")
    many = shipped.replace('status = "in-force"', 'status = "x"').replace(
        "days = 3\n", "days = 0\n"
    )
    many = many.replace('count_from = "after"', 'cuont_from = "after"')
    few = "\n".join(
        [
            'id = "Mine"',
            'title = ""',
            'regulation = "PKPU"',
            'status = "in-force"',
            "note = [1]",
            "[[rules]]",
            'id = "a"',
            'outcomes = ["dismissed", "revote"]',
            "days = 3",
            'trigger = "s"',
            'unit = "hours"',
            "notices = 'x'",
            "citation.regulation = 1",
            "[[rules]]",
            'id = "b"',
            "outcomes = []",
            'trigger = { id = "x", en = "x" }',
            'citation = { regulation = "x", article = "x", text = "x", quote = "verbatim", '
            'source = "x" }',
        ]
    )
    paths = []
    for name, text in (("many.toml", many), ("few.toml", few)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _error_column(stdout: str) -> list[str]:
    return [row[-1] for row in list(csv.reader(io.StringIO(stdout)))[1:]]


def _bad_runs(tmp_path: Path) -> list[list[str]]:
    (tmp_path / "bad.csv").write_bytes(BAD_CSV)
    (tmp_path / "bad.jsonl").write_bytes(BAD_JSONL)
    as_of = ["--as-of", "2025-02-05"]
    runs = [
        ["batch", str(tmp_path / "bad.csv"), *as_of],
        ["batch", str(tmp_path / "bad.jsonl"), *as_of, "--output-format", "csv"],
    ]
    for path in _bad_rule_files(tmp_path):
        runs.append(["deadline", "dismissed", "2025-02-04", "--rules", str(path)])
    return runs


def test_lang_id_bad_rows_and_rule_files_leave_no_english(tmp_path: Path) -> None:
    env = {"PENETAPAN_LANG": "", "LANG": "C", "LC_ALL": "", "NO_COLOR": "1"}
    found: dict[str, set[str]] = {}
    for args in _bad_runs(tmp_path):
        result = runner.invoke(app, [*args, "--lang", "id"], env=env)
        assert result.exit_code in (1, 2), (args, result.output)
        column = _error_column(result.stdout) if args[0] == "batch" else []
        if args[0] == "batch":  # every bad row has its error, in its place
            english = ENGLISH_ROWS[Path(args[1]).name]
            assert [bool(c) for c in column] == [bool(c) for c in english], column
        else:
            assert len(result.stderr.splitlines()) >= 5, result.stderr  # every problem, a line
        seen = english_words("\n".join(column)) | english_words(result.stderr)
        if seen:
            found[" ".join(args[:2])] = seen
    assert found == {}


# What these inputs gave before their texts moved to the catalogue: English stays as it was,
# whatever the locale (the error column is machine output; stderr follows the locale, C here).
ENGLISH_ROWS = {
    "bad.csv": [
        "",
        "invalid date '2025-02-30': February 2025 has 28 days",
        "unknown outcome 'ditolakk': expected one of no-petition, dismissed, withdrawn, lapsed, "
        "not-competent, rejected, granted, revote, recount, recapitulation, correction; did you "
        "mean 'ditolak' (rejected)?",
        "row 4 (line 5): column 'region' is not UTF-8 text (bytes 0xFF); save the file as UTF-8 "
        '("CSV UTF-8")',
        "row 5 (line 6): column 'region' holds 140,000 characters, more than 131,072; cut to its "
        "first 1,000 here",
        "row 6 (line 7): 2 fields, but the header has 3",
        "outcome 'dikabulkan sebagian' (granted in part) does not say what follows; choose by "
        "what the MK ordered: the MK fixed the vote result itself: dikabulkan (granted); it "
        "ordered a re-vote, a recount or a re-recapitulation: psu, penghitungan-suara-ulang or "
        "rekapitulasi-ulang; it ordered the KPU to correct its own decree while the tally "
        "stands: perbaikan-keputusan (correction)",
        "invalid date '4/2/25': the year must have 4 digits (e.g. 04/02/2025); two-digit years "
        "are ambiguous",
    ],
    "bad.jsonl": [
        "",
        "",
        "row 3 (line 3): duplicate key 'outcome'",
        "row 4 (line 4): key 'extra' not among the keys of line 1, which are the CSV output's "
        "columns",
        "row 5 (line 5): an array, not a JSON object",
        "row 6 (line 6): NaN is not a JSON number (JSON has no NaN or Infinity)",
        "row 7 (line 7): not valid JSON (Expecting property name enclosed in double quotes at "
        "column 40)",
        "row 8 (line 8): not UTF-8 text (byte 0xFF at column 14)",
        "row 9 (line 9): keys 'Outcome' and 'outcome' are the same column",
        "row 10 (line 10): key 'deadline' has the name of an output column (its value is "
        "replaced in the output)",
        "invalid date '2025-13-01': month 13 does not exist (months are 1-12)",
    ],
}
ENGLISH_RULE_FILES = {
    "many.toml": [
        "rule file '{path}': 5 problems: status: expected 'in-force', 'superseded', "
        "'reported-unverified' or 'draft', got 'x'",
        "rule file '{path}': rules[0].days (rule '57-1-a'): expected a whole number of days from "
        "1 to 3660, got 0",
        "rule file '{path}': rules[0].cuont_from (rule '57-1-a'): unknown field (check the "
        "spelling; see 'penetapan rules show pkpu-18-2024')",
        "rule file '{path}': rules[1].days (rule '57-1-b'): expected a whole number of days from "
        "1 to 3660, got 0",
        "rule file '{path}': rules[1].cuont_from (rule '57-1-b'): unknown field (check the "
        "spelling; see 'penetapan rules show pkpu-18-2024')",
    ],
    "few.toml": [
        "rule file '{path}': 12 problems: id: expected a text that should match pattern "
        "'^[a-z0-9][a-z0-9._-]*$', got 'Mine'",
        "rule file '{path}': title: expected a text that should have at least 1 character, got ''",
        "rule file '{path}': note: expected a valid dictionary or instance of TextModel, got a "
        "list",
        "rule file '{path}': rules[0].unit (rule 'a'): expected 'calendar' or 'working', got "
        "'hours'",
        "rule file '{path}': rules[0].trigger (rule 'a'): expected a valid dictionary or "
        "instance of TextModel, got 's'",
        "rule file '{path}': rules[0].citation.regulation (rule 'a'): expected a valid string, "
        "got 1",
        "rule file '{path}': rules[0].citation.article (rule 'a'): required field is missing",
        "rule file '{path}': rules[0].citation.text (rule 'a'): required field is missing",
        "rule file '{path}': rules[0].citation.quote (rule 'a'): required field is missing",
        "rule file '{path}': rules[0].citation.source (rule 'a'): required field is missing",
        "rule file '{path}': rules[0].notices (rule 'a'): expected a valid list, got 'x'",
        "rule file '{path}': rules[1].outcomes (rule 'b'): List should have at least 1 item "
        "after validation, not 0, got a list",
    ],
}


def test_bad_rows_and_rule_files_in_english_are_unchanged(tmp_path: Path) -> None:
    runs = _bad_runs(tmp_path)
    for locale in ("C", "id_ID.UTF-8"):
        env = {"PENETAPAN_LANG": "", "LANG": locale, "LC_ALL": "", "NO_COLOR": "1"}
        for args in runs[:2]:
            result = runner.invoke(app, args, env=env)
            assert _error_column(result.stdout) == ENGLISH_ROWS[Path(args[1]).name], locale
    env = {"PENETAPAN_LANG": "", "LANG": "C", "LC_ALL": ""}
    for args in runs[2:]:
        result = runner.invoke(app, args, env=env)
        path = args[-1]
        expected = ENGLISH_RULE_FILES[Path(path).name]
        lines = [f"penetapan: {line.replace('{path}', path)}" for line in expected]
        assert result.stderr.splitlines() == lines


def test_the_texts_of_the_core_enums_name_every_member() -> None:
    """Keyed by value (the catalogue does not load the core's rules for --help): no member is
    left without a text, and no text names a member that does not exist."""
    from penetapan_cli.core.outcomes import Outcome
    from penetapan_cli.core.rules import CountFrom, Roll, Unit

    for texts, enum in (
        (messages.OUTCOME_NAMES, Outcome),
        (messages.UNIT_NAMES, Unit),
        (messages.COUNT_FROM, CountFrom),
        (messages.ROLL, Roll),
    ):
        assert set(texts) == {member.value for member in enum}, enum
