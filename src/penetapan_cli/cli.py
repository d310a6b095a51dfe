"""The command line: parse arguments, pick the renderer, hand the exit code on.

Exceptions are caught in one place, ``boundary.run`` (boundary.py), which ``_Boundary.main``
runs the app in, as launch.py runs its fast path: a domain error becomes one line on stderr and
its documented exit code (docs/exit-codes.md); an unexpected error asks to be reported.

The ``penetapan`` script starts in launch.py, which answers plain ``deadline`` calls without
importing this module. No ``from __future__ import annotations`` here: Typer evaluates every
string annotation twice while it builds the app, on every run (``--help`` included), so the
annotations are real objects; a name used in one must exist at import time.
"""

import enum
import inspect
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Self

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from penetapan_cli import __version__
from penetapan_cli.boundary import Escaped, Outcome, choose_stdout, run
from penetapan_cli.commands import complete  # shell completion of outcomes and rule sets
from penetapan_cli.core.errors import EXIT_INTERRUPTED
from penetapan_cli.options import (
    Basis,
    DateOrder,
    Format,
    InputFormat,
    ListFormat,
    OutputFormat,
    TimelineFormat,
)

# Each command is a one-command Typer of its own, turned into a click command only when it is
# run: building every command's parameters took about 2 ms a command on each start, and
# `penetapan --help` needs only their names and first lines of help.
_COMMANDS: dict[str, typer.Typer] = {}


def _command(name: str) -> typer.Typer:
    sub = typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
    _COMMANDS[name] = sub
    return sub


class _Unbuilt(TyperCommand):
    """What the root group knows of a command before it runs: its name and help."""

    @classmethod
    def of(cls, name: str, sub: typer.Typer) -> Self:
        if sub.registered_callback is None and len(sub.registered_commands) == 1:
            info = sub.registered_commands[0]
            text = info.help or inspect.getdoc(info.callback) or ""
        else:  # a group of its own, such as `rules`
            text = sub.info.help if isinstance(sub.info.help, str) else ""
        return cls(name=name, help=text)


# Options whose help lives in the message catalogue, filled in when their command is built:
# the catalogue loads much of the core, which `penetapan --help` does not otherwise need.
_CATALOGUE_HELP = {"date_order": "date_order_help"}


def _catalogue_help(command: Any) -> None:
    from penetapan_cli.messages import INPUT_TEXTS

    for param in command.params:
        if param.name in _CATALOGUE_HELP:
            param.help = INPUT_TEXTS[_CATALOGUE_HELP[param.name]]["en"]


class _Boundary(TyperGroup):
    """The root group: builds a command when it runs, and runs the app inside the boundary
    (boundary.py), where every error becomes a line on stderr and an exit code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, sub in _COMMANDS.items():
            self.commands.setdefault(name, _Unbuilt.of(name, sub))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        if isinstance(command, _Unbuilt):
            command = typer.main.get_command(_COMMANDS[cmd_name])
            command.name = cmd_name
            _catalogue_help(command)
            self.commands[cmd_name] = command
        return command

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list of --help, from names and help alone (nothing is built)."""
        shown = [(name, cmd) for name, cmd in self.commands.items() if not cmd.hidden]
        if shown:
            limit = formatter.width - 6 - max(len(name) for name, _ in shown)
            with formatter.section("Commands"):
                formatter.write_dl([(name, cmd.get_short_help_str(limit)) for name, cmd in shown])

    def invoke(self, ctx: Any) -> Any:  # click's Context, vendored inside typer
        """Carry a command's exceptions past click's own handlers (which turn Ctrl-C and a broken
        pipe into codes of their own) to the boundary; click's exits and usage errors stay."""
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException, SystemExit):
            raise
        except BaseException as exc:
            raise Escaped(exc, debug=bool(ctx.params.get("debug"))) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the app inside the boundary: every outcome is an exit code and at most one
        line on stderr (usage errors too: what was wrong, and where the help is)."""
        call = {
            "args": args,
            "prog_name": prog_name,
            "complete_var": complete_var,
            "windows_expand_args": windows_expand_args,
            **extra,
        }
        if not standalone_mode:
            return super().main(**call, standalone_mode=False)

        def command() -> int:
            code = super(_Boundary, self).main(**call, standalone_mode=False)
            if code == EXIT_INTERRUPTED:  # click's answer to Ctrl-C while it parses
                raise KeyboardInterrupt
            return code if isinstance(code, int) else 0

        sys.exit(run(command, translate=_usage_outcome))


def _usage_outcome(exc: BaseException) -> Outcome | None:
    """click's own exceptions: a usage error on one line, Abort as Ctrl-C."""
    if isinstance(exc, typer.Abort):
        return "interrupted", EXIT_INTERRUPTED
    if not isinstance(exc, typer.TyperException):
        return None
    if type(exc).__name__ == "NoArgsIsHelpError" and hasattr(exc, "show"):
        exc.show()
        return None, exc.exit_code
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "penetapan"
    message = " ".join(exc.format_message().split())
    sys.stderr.write(f"{where}: {message} (see '{where} --help')\n")
    return None, exc.exit_code


app = typer.Typer(
    cls=_Boundary,
    name="penetapan",
    help="Deadline to declare the elected Pilkada pair (penetapan pasangan calon terpilih) "
    "after the Constitutional Court (MK).",
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion (docs/commands.md)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


SHEET = "A spreadsheet input's sheet: its name or number (default: 1, the first)."
OUTPUT_DEFAULT = "xlsx for -o *.xlsx, else the input's format (csv for a spreadsheet)."
LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Output language: id or en. Default: $PENETAPAN_LANG, else id when the locale is "
        "Indonesian, else en.",
        show_default=False,
    ),
]
NoCutiOpt = Annotated[
    bool,
    typer.Option(
        "--no-cuti-bersama", help="Treat cuti bersama (collective leave) days as working days."
    ),
]
ClosuresOpt = Annotated[
    Path | None,
    typer.Option(
        "--closures",
        help="File of extra non-working days: one ISO date per line, an optional name, # comments.",
        show_default=False,
    ),
]

AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Count down (days left) from this date instead of today.",
        show_default=False,
    ),
]
TzOpt = Annotated[
    str, typer.Option("--tz", help="Time zone of 'today': WIB, WITA, WIT or an IANA name.")
]
StrictOpt = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="Refuse (exit 4) instead of warning when a working-day count touches a year whose "
        "holiday data is not decreed (no cuti bersama listed, or estimated dates).",
    ),
]


DateOrderOpt = Annotated[DateOrder, typer.Option("--date-order")]  # help: _CATALOGUE_HELP
RulesOpt = Annotated[
    str | None,
    typer.Option(
        "--rules",
        metavar="NAME|PATH",
        help="Rule set: a shipped name (see 'penetapan rules') or the path of your own TOML "
        "file, validated on load. Default: pkpu-18-2024.",
        show_default=False,
        autocompletion=complete.rule_set_names,
    ),
]
IcsOpt = Annotated[
    Path | None,
    typer.Option(
        "--ics",
        metavar="FILE",
        help="Also write the deadlines to an iCalendar file (all-day events, a reminder the "
        "working day before; re-importing updates them).",
        show_default=False,
    ),
]
RegionOpt = Annotated[
    str | None,
    typer.Option(
        "--region",
        help="Region name for titles and calendar events, e.g. 'Kota Medan'.",
        show_default=False,
    ),
]
DeclaredOpt = Annotated[
    str | None,
    typer.Option(
        "--declared",
        help="Date the KPU declared the elected pair: says whether that was on time, late by "
        "N calendar days or premature. Not after today (or --as-of).",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"penetapan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an unexpected error.")
    ] = False,
) -> None:
    """Deadline to declare the elected Pilkada pair after the Constitutional Court (MK)."""


@_command("deadline").command("deadline")
def deadline(
    outcome: Annotated[
        str,
        typer.Argument(
            metavar="OUTCOME",
            help="MK outcome: no-petition, dismissed, withdrawn, lapsed, not-competent, "
            "rejected, granted, revote, recount, recapitulation, correction (or an Indonesian "
            "alias; see 'penetapan outcomes').",
            show_default=False,
            autocompletion=complete.outcome_names,
        ),
    ],
    notified: Annotated[
        str,
        typer.Argument(
            metavar="NOTIFIED",
            help="Trigger date: when the MK's notification reached the KPU. 2025-02-04, "
            "04/02/2025, '4 Februari 2025', today/hari-ini.",
            show_default=False,
        ),
    ],
    basis: Annotated[
        Basis | None,
        typer.Option(
            "--basis",
            help="Count calendar or working days instead of the rule's own unit "
            "(shown as an override).",
            show_default=False,
        ),
    ] = None,
    no_cuti_bersama: NoCutiOpt = False,
    closures: ClosuresOpt = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show every day counted or skipped, and why.")
    ] = False,
    fmt: Annotated[
        Format,
        typer.Option("--format", help="text (for people), json (documented object) or date."),
    ] = Format.TEXT,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
    tz: TzOpt = "WIB",
    strict: StrictOpt = False,
    rules: RulesOpt = None,
    decided: Annotated[
        str | None,
        typer.Option(
            "--decided",
            help="Date the MK read the decision out, when earlier than NOTIFIED: both deadlines "
            "are shown and the one counted from the reading is the safe date. Not for "
            "no-petition.",
            show_default=False,
        ),
    ] = None,
    compare: Annotated[
        bool,
        typer.Option(
            "--compare",
            help="Also compute the deadline under every shipped rule set; the earliest is "
            "marked as the safe date.",
        ),
    ] = False,
    ics: IcsOpt = None,
    region: RegionOpt = None,
    declared: DeclaredOpt = None,
    month_view: Annotated[
        bool,
        typer.Option(
            "--calendar",
            help="Also print the month grid(s) of the count, each day marked, and a legend.",
        ),
    ] = False,
    date_order: DateOrderOpt = DateOrder.DMY,
) -> None:
    """Compute the latest date to declare the elected pair."""
    _run("deadline", "run_deadline", locals())


@_command("outcomes").command("outcomes")
def outcomes(
    fmt: Annotated[ListFormat, typer.Option("--format", help="text or json.")] = ListFormat.TEXT,
    lang: LangOpt = None,
    rules: RulesOpt = None,
) -> None:
    """List every MK outcome, its aliases and the rule it gets."""
    _run("outcomes", "run_outcomes", locals())


@_command("holidays").command("holidays")
def holidays(
    year: Annotated[
        str, typer.Argument(metavar="YEAR", help="The year, e.g. 2025.", show_default=False)
    ],
    no_cuti_bersama: NoCutiOpt = False,
    closures: ClosuresOpt = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="text or json.")] = ListFormat.TEXT,
    lang: LangOpt = None,
) -> None:
    """List the non-working days of a year besides weekends: holidays, cuti bersama, closures."""
    _run("holidays", "run_holidays", locals())


rules_app = typer.Typer(
    cls=TyperGroup,
    help="List the rule sets, or show one in full ('penetapan rules show NAME').",
    add_completion=False,
    rich_markup_mode=None,
)
_COMMANDS["rules"] = rules_app


@rules_app.callback(invoke_without_command=True)
def rules_list(
    ctx: typer.Context,
    fmt: Annotated[ListFormat, typer.Option("--format", help="text or json.")] = ListFormat.TEXT,
    lang: LangOpt = None,
) -> None:
    """List the rule sets: the default, the 2020 rule and the reported 5-day annex reading."""
    if ctx.invoked_subcommand is None:
        _run("rules", "run_rules_list", {"fmt": fmt, "lang": lang})


@rules_app.command("show")
def rules_show(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME|PATH",
            help="A shipped rule set (see 'penetapan rules') or the path of a TOML rule file, "
            "which is validated.",
            show_default=False,
            autocompletion=complete.rule_set_names,
        ),
    ],
    fmt: Annotated[ListFormat, typer.Option("--format", help="text or json.")] = ListFormat.TEXT,
    lang: LangOpt = None,
) -> None:
    """Print one rule set in full: every rule, its citation, notices and follow-up."""
    _run("rules", "run_rules_show", locals())


@_command("timeline").command("timeline")
def timeline(
    announced: Annotated[
        str | None,
        typer.Option(
            "--announced",
            help="Date the KPU announced the vote result (starts the 3-working-day petition "
            "window, UU 10/2016 Pasal 157 ayat (5)).",
            show_default=False,
        ),
    ] = None,
    registered: Annotated[
        str | None,
        typer.Option(
            "--registered",
            help="Date the MK registered the case(s) in the BRPK (starts the MK's 45 working "
            "days, Pasal 157 ayat (8)).",
            show_default=False,
        ),
    ] = None,
    decided: Annotated[
        str | None,
        typer.Option(
            "--decided",
            help="Date the MK read the decision out (the safe trigger; an order runs from it).",
            show_default=False,
        ),
    ] = None,
    notified: Annotated[
        str | None,
        typer.Option(
            "--notified",
            help="Trigger date of the declaration rule: the MK's BRPK letter (no-petition) or "
            "the decision's notification.",
            show_default=False,
        ),
    ] = None,
    outcome: Annotated[
        str | None,
        typer.Option(
            "--outcome",
            help="MK outcome (see 'penetapan outcomes'); without it every rule is shown.",
            show_default=False,
            autocompletion=complete.outcome_names,
        ),
    ] = None,
    order_days: Annotated[
        int | None,
        typer.Option(
            "--order-days",
            metavar="N",
            help="For revote, recount, recapitulation: the days the MK's order gives, counted "
            "from the decision ('paling lama N hari sejak putusan diucapkan').",
            show_default=False,
        ),
    ] = None,
    rules: RulesOpt = None,
    region: RegionOpt = None,
    no_cuti_bersama: NoCutiOpt = False,
    closures: ClosuresOpt = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show each step's day-by-day trace.")
    ] = False,
    fmt: Annotated[
        TimelineFormat,
        typer.Option("--format", help="text, json or ics (the iCalendar file on stdout)."),
    ] = TimelineFormat.TEXT,
    ics: IcsOpt = None,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
    tz: TzOpt = "WIB",
    strict: StrictOpt = False,
    declared: DeclaredOpt = None,
    date_order: DateOrderOpt = DateOrder.DMY,
) -> None:
    """Lay out the season from the dates you know: petition, MK decision, declaration, orders."""
    _run("timeline", "run_timeline", locals())


@_command("batch").command("batch")
def batch(
    input_path: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="Spreadsheet (.xlsx, .xlsm, .xls, .ods), CSV or JSON Lines file with the "
            "columns outcome and notified_on (Indonesian names accepted), or - for stdin.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write here instead of stdout; the file appears only when complete.",
            show_default=False,
        ),
    ] = None,
    input_format: Annotated[
        InputFormat | None,
        typer.Option(
            "--input-format",
            help="csv, jsonl, xlsx, xls or ods. Default: from the file extension, else csv.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--output-format",
            help="csv, jsonl, json (an array) or xlsx (needs -o). Default: " + OUTPUT_DEFAULT,
            show_default=False,
        ),
    ] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help=SHEET, show_default=False)] = None,
    basis: Annotated[
        Basis | None,
        typer.Option(
            "--basis",
            help="Count calendar or working days instead of each rule's own unit; a row's "
            "basis column overrides it.",
            show_default=False,
        ),
    ] = None,
    no_cuti_bersama: NoCutiOpt = False,
    closures: ClosuresOpt = None,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
    tz: TzOpt = "WIB",
    rules: RulesOpt = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="A row whose working-day count touches a year whose holiday data is not "
            "decreed becomes an error row (exit 1), instead of a warning.",
        ),
    ] = False,
    ics: Annotated[
        Path | None,
        typer.Option(
            "--ics",
            metavar="FILE",
            help="Also write an iCalendar file: one all-day event per ok row, titled with its "
            "region and outcome, written once the output is complete.",
            show_default=False,
        ),
    ] = None,
    date_order: DateOrderOpt = DateOrder.DMY,
) -> None:
    """Compute the deadlines of many regions at once, from CSV or JSON Lines.

    One output row per input row, in order: the input's columns, then trigger_date, deadline,
    status (ok, pending, error), days_left, rule, citation and error. Exit 0 when no row is in
    error, 1 when some are (--strict refusals included), 2 when the input is unusable.
    """
    _run("batch", "run_batch", locals())


def _run(module: str, function: str, arguments: dict[str, Any]) -> None:
    """Call ``commands.<module>.<function>`` with the parsed arguments (a choice as its value;
    the parameters of each Typer command are named as those of the function it calls)."""
    import importlib

    command = getattr(importlib.import_module(f"penetapan_cli.commands.{module}"), function)
    values = {k: v.value if isinstance(v, enum.Enum) else v for k, v in arguments.items()}
    if "fmt" in values:  # batch chooses its own output (always UTF-8)
        choose_stdout(values["fmt"])
    code = command(**values)
    if code:
        raise typer.Exit(code)


def main() -> None:
    """Run the Typer app (the ``penetapan`` script comes here via launch.main)."""
    app()
