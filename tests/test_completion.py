"""Shell completion as Typer provides it: --show-completion and --install-completion exist, and
a completion request (the environment variable the shell script sets) completes commands,
options, outcome names (aliases included) and rule-set names. Run in-process through the
Typer app, as the shell script's request would run it."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from penetapan_cli.cli import app
from penetapan_cli.commands.complete import outcome_names, rule_set_names
from penetapan_cli.core.outcomes import ALIASES, Outcome
from penetapan_cli.launch import run_fast
from penetapan_cli.sources.rulesets import shipped_rule_sets

runner = CliRunner()
DI = ["dismissed", "dismissal", "dikabulkan", "ditarik-kembali", "ditarik", "ditolak", "dicabut",
      "ditolak-untuk-seluruhnya"]  # fmt: skip
RE = ["rejected", "revote", "recount", "recapitulation", "rekapitulasi-ulang"]


def complete(line: str, env: dict[str, str] | None = None) -> list[str]:
    """What bash gets for the last word of ``line`` (an empty last word: after a space)."""
    words = line.split(" ")
    result = runner.invoke(
        app,
        [],
        env={
            "_PENETAPAN_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words) - 1),
            "PENETAPAN_LANG": "en",
            **(env or {}),
        },
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


def test_commands_are_completed() -> None:
    assert complete("penetapan ti") == ["timeline"]
    assert set(complete("penetapan ")) >= {"deadline", "timeline", "batch", "rules", "outcomes"}


def test_options_are_completed() -> None:
    assert complete("penetapan deadline --date") == ["--date-order"]
    assert complete("penetapan timeline --ann") == ["--announced"]
    assert complete("penetapan deadline dismissed 2025-02-04 --date-order ") == ["dmy", "mdy"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("penetapan deadline dika", ["dikabulkan"]),
        ("penetapan deadline di", DI),
        ("penetapan deadline re", RE),
        ("penetapan deadline perb", ["perbaikan-keputusan"]),
        ("penetapan timeline --outcome ps", ["psu"]),
    ],
)
def test_outcome_names_and_aliases_are_completed(line: str, expected: list[str]) -> None:
    assert sorted(complete(line)) == sorted(expected)


@pytest.mark.parametrize(
    "line",
    [
        "penetapan deadline dismissed 2025-02-04 --rules pkpu-1",
        "penetapan outcomes --rules pkpu-1",
        "penetapan timeline --rules pkpu-1",
        "penetapan batch cases.csv --rules pkpu-1",
        "penetapan rules show pkpu-1",
    ],
)
def test_rule_set_names_are_completed(line: str) -> None:
    assert complete(line) == ["pkpu-18-2024", "pkpu-19-2020"]


def test_every_outcome_and_alias_can_be_completed_from_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PENETAPAN_LANG", "en")
    names = [value for value, _ in outcome_names("")]
    assert names == [v for o in Outcome for v in (o.value, *ALIASES[o])]
    assert [v for v, _ in rule_set_names("")] == shipped_rule_sets()


def test_completion_help_follows_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PENETAPAN_LANG", "id")
    ((value, help_id),) = outcome_names("perbaikan")
    assert value == "perbaikan-keputusan"
    assert help_id.startswith("correction: permohonan dikabulkan untuk sebagian")
    monkeypatch.setenv("PENETAPAN_LANG", "xx")
    ((_, help_en),) = outcome_names("perbaikan")
    assert help_en.startswith("correction: granted in part")  # a bad language: English


def test_a_completion_request_never_takes_the_fast_path() -> None:
    argv = ["deadline", "dismissed", "2025-02-04"]
    assert run_fast(argv, environ={"_PENETAPAN_COMPLETE": "complete_bash"}) is None


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "pwsh", "powershell"])
def test_show_completion_prints_the_script_for_each_shell(
    shell: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import typer.completion

    monkeypatch.setattr(typer.completion, "_get_shell_name", lambda: shell)  # as if run in it
    result = runner.invoke(app, ["--show-completion"])
    assert result.exit_code == 0, result.stderr
    assert "_PENETAPAN_COMPLETE" in result.stdout
    assert f"complete_{'powershell' if shell == 'pwsh' else shell}" in result.stdout


def test_windows_powershell_request_completes_an_outcome() -> None:
    # What the PowerShell script (Windows) sends: the line so far and the word being completed.
    result = runner.invoke(
        app,
        [],
        env={
            "_PENETAPAN_COMPLETE": "complete_powershell",
            "_TYPER_COMPLETE_ARGS": "penetapan deadline tidak-d",
            "_TYPER_COMPLETE_WORD_TO_COMPLETE": "tidak-d",
            "PENETAPAN_LANG": "id",
        },
    )
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "tidak-dapat-diterima:::dismissed: permohonan tidak dapat diterima"
    ]


def test_root_help_lists_the_completion_options() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "--install-completion" in result.stdout
    assert "--show-completion" in result.stdout


ROOT_HELP_IMPORTS = """
import sys
sys.argv = ["penetapan", "--help"]
from penetapan_cli.launch import main
try:
    main()
except SystemExit:
    pass
modules = ("penetapan_cli.messages", "penetapan_cli.core.rules", "penetapan_cli.core.outcomes",
           "penetapan_cli.core.calendar", "penetapan_cli.core.compare", "penetapan_cli.core.dates",
           "holidays")
loaded = [m for m in modules if m in sys.modules]
sys.stderr.write("loaded: " + " ".join(loaded) + "\\n")
"""


def test_root_help_loads_the_catalogue_but_no_calendar() -> None:
    """`penetapan --help` words itself in the chosen language, so it loads the catalogue, and
    nothing of the core's rules: no rules, calendar, comparison, dates or holidays (the
    completion options and --date-order add none)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", ROOT_HELP_IMPORTS], capture_output=True, text=True, check=False
    )
    assert "--install-completion" in done.stdout
    # --help words itself in the chosen language: the catalogue, which keys the core's enums
    # by value so as not to load the core's rules (no calendar, comparison, dates or holidays).
    loaded = "loaded: penetapan_cli.messages"
    assert done.stderr.splitlines()[-1] == loaded


@pytest.mark.parametrize("command", ["deadline", "timeline", "batch"])
def test_date_order_help_comes_from_the_catalogue(command: str) -> None:
    from penetapan_cli.messages import HELP

    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "1000"})
    assert result.exit_code == 0
    assert HELP["help.opt.date_order"]["en"] in " ".join(result.stdout.split())
