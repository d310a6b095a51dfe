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
from typer.core import TyperCommand

from penetapan_cli import __version__, boundary, helptext
from penetapan_cli.boundary import Escaped, Outcome, choose_stdout, run
from penetapan_cli.commands import complete  # shell completion of outcomes and rule sets
from penetapan_cli.core.errors import EXIT_INTERRUPTED
from penetapan_cli.helptext import Command, Group
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
        return cls(name=name, help=text)  # a key of messages.HELP, worded by helptext.localize


class _Boundary(Group):
    """The root group: builds a command when it runs, and runs the app inside the boundary
    (boundary.py), where every error becomes a line on stderr and an exit code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, sub in _COMMANDS.items():
            self.commands.setdefault(name, _Unbuilt.of(name, sub))
        helptext.localize(self)  # in the language of the last run; main words it again

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        if isinstance(command, _Unbuilt):
            command = typer.main.get_command(_COMMANDS[cmd_name])
            command.name = cmd_name
            helptext.localize(command)
            self.commands[cmd_name] = command
        return command

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
        argv = list(args) if args is not None else sys.argv[1:]
        from penetapan_cli.boundary import people_lang

        helptext.LANG = people_lang(argv)
        helptext.localize(self)
        if not standalone_mode:
            return super().main(**call, standalone_mode=False)

        def command() -> int:
            boundary.refuse_empty_paths(sys.argv[1:] if args is None else args)
            code = super(_Boundary, self).main(**call, standalone_mode=False)
            if code == EXIT_INTERRUPTED:  # click's answer to Ctrl-C while it parses
                raise KeyboardInterrupt
            return code if isinstance(code, int) else 0

        sys.exit(run(command, translate=_usage_outcome, argv=argv))


def _usage_outcome(exc: BaseException) -> Outcome | None:
    """click's own exceptions: a usage error on one line, Abort as Ctrl-C."""
    if isinstance(exc, typer.Abort):
        return helptext.text("click.interrupted"), EXIT_INTERRUPTED
    if not isinstance(exc, typer.TyperException):
        return None
    if type(exc).__name__ == "NoArgsIsHelpError" and hasattr(exc, "show"):
        exc.show()
        return None, exc.exit_code
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "penetapan"
    message = " ".join(helptext.usage_message(exc).split())
    see = helptext.text("click.see_help").format(command=where)
    sys.stderr.write(f"{where}: {message} ({see})\n")
    return None, exc.exit_code


app = typer.Typer(
    cls=_Boundary,
    name="penetapan",
    help="help.app",
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion (docs/commands.md)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


LangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="help.opt.lang",
        show_default=False,
    ),
]
NoCutiOpt = Annotated[
    bool,
    typer.Option("--no-cuti-bersama", help="help.opt.no_cuti_bersama"),
]
ClosuresOpt = Annotated[
    Path | None,
    typer.Option(
        "--closures",
        help="help.opt.closures",
        show_default=False,
    ),
]

AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="help.opt.as_of",
        show_default=False,
    ),
]
TzOpt = Annotated[str, typer.Option("--tz", help="help.opt.tz")]
StrictOpt = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="help.opt.strict",
    ),
]


DateOrderOpt = Annotated[DateOrder, typer.Option("--date-order", help="help.opt.date_order")]
RulesOpt = Annotated[
    str | None,
    typer.Option(
        "--rules",
        metavar="NAME|PATH",
        help="help.opt.rules",
        show_default=False,
        autocompletion=complete.rule_set_names,
    ),
]
IcsOpt = Annotated[
    Path | None,
    typer.Option(
        "--ics",
        metavar="FILE",
        help="help.opt.ics",
        show_default=False,
    ),
]
RegionOpt = Annotated[
    str | None,
    typer.Option(
        "--region",
        help="help.opt.region",
        show_default=False,
    ),
]
DeclaredOpt = Annotated[
    str | None,
    typer.Option(
        "--declared",
        help="help.opt.declared",
        show_default=False,
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"penetapan {__version__}")
        raise typer.Exit()


@app.callback(help="help.cmd.root")
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="help.opt.version"),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="help.opt.debug")] = False,
) -> None:
    """Deadline to declare the elected Pilkada pair after the Constitutional Court (MK)."""


@_command("deadline").command("deadline", cls=Command, help="help.cmd.deadline")
def deadline(
    outcome: Annotated[
        str,
        typer.Argument(
            metavar="OUTCOME",
            help="help.deadline.outcome",
            show_default=False,
            autocompletion=complete.outcome_names,
        ),
    ],
    notified: Annotated[
        str,
        typer.Argument(
            metavar="NOTIFIED",
            help="help.deadline.notified",
            show_default=False,
        ),
    ],
    basis: Annotated[
        Basis | None,
        typer.Option(
            "--basis",
            help="help.deadline.basis",
            show_default=False,
        ),
    ] = None,
    no_cuti_bersama: NoCutiOpt = False,
    closures: ClosuresOpt = None,
    explain: Annotated[bool, typer.Option("--explain", help="help.deadline.explain")] = False,
    fmt: Annotated[
        Format,
        typer.Option("--format", help="help.deadline.format"),
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
            help="help.deadline.decided",
            show_default=False,
        ),
    ] = None,
    compare: Annotated[
        bool,
        typer.Option(
            "--compare",
            help="help.deadline.compare",
        ),
    ] = False,
    ics: IcsOpt = None,
    region: RegionOpt = None,
    declared: DeclaredOpt = None,
    month_view: Annotated[
        bool,
        typer.Option(
            "--calendar",
            help="help.deadline.calendar",
        ),
    ] = False,
    date_order: DateOrderOpt = DateOrder.DMY,
) -> None:
    """Compute the latest date to declare the elected pair."""
    _run("deadline", "run_deadline", locals())


@_command("outcomes").command("outcomes", cls=Command, help="help.cmd.outcomes")
def outcomes(
    fmt: Annotated[
        ListFormat, typer.Option("--format", help="help.opt.list_format")
    ] = ListFormat.TEXT,
    lang: LangOpt = None,
    rules: RulesOpt = None,
) -> None:
    """List every MK outcome, its aliases and the rule it gets."""
    _run("outcomes", "run_outcomes", locals())


@_command("holidays").command("holidays", cls=Command, help="help.cmd.holidays")
def holidays(
    year: Annotated[
        str, typer.Argument(metavar="YEAR", help="help.holidays.year", show_default=False)
    ],
    no_cuti_bersama: NoCutiOpt = False,
    closures: ClosuresOpt = None,
    fmt: Annotated[
        ListFormat, typer.Option("--format", help="help.opt.list_format")
    ] = ListFormat.TEXT,
    lang: LangOpt = None,
) -> None:
    """List the non-working days of a year besides weekends: holidays, cuti bersama, closures."""
    _run("holidays", "run_holidays", locals())


rules_app = typer.Typer(
    cls=Group,
    help="help.cmd.rules",
    add_completion=False,
    rich_markup_mode=None,
)
_COMMANDS["rules"] = rules_app


@rules_app.callback(invoke_without_command=True, help="help.cmd.rules_list")
def rules_list(
    ctx: typer.Context,
    fmt: Annotated[
        ListFormat, typer.Option("--format", help="help.opt.list_format")
    ] = ListFormat.TEXT,
    lang: LangOpt = None,
) -> None:
    """List the rule sets: the default, the 2020 rule and the reported 5-day annex reading."""
    if ctx.invoked_subcommand is None:
        _run("rules", "run_rules_list", {"fmt": fmt, "lang": lang})


@rules_app.command("show", cls=Command, help="help.cmd.rules_show")
def rules_show(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME|PATH",
            help="help.rules.name",
            show_default=False,
            autocompletion=complete.rule_set_names,
        ),
    ],
    fmt: Annotated[
        ListFormat, typer.Option("--format", help="help.opt.list_format")
    ] = ListFormat.TEXT,
    lang: LangOpt = None,
) -> None:
    """Print one rule set in full: every rule, its citation, notices and follow-up."""
    _run("rules", "run_rules_show", locals())


@_command("timeline").command("timeline", cls=Command, help="help.cmd.timeline")
def timeline(
    announced: Annotated[
        str | None,
        typer.Option(
            "--announced",
            help="help.timeline.announced",
            show_default=False,
        ),
    ] = None,
    registered: Annotated[
        str | None,
        typer.Option(
            "--registered",
            help="help.timeline.registered",
            show_default=False,
        ),
    ] = None,
    decided: Annotated[
        str | None,
        typer.Option(
            "--decided",
            help="help.timeline.decided",
            show_default=False,
        ),
    ] = None,
    notified: Annotated[
        str | None,
        typer.Option(
            "--notified",
            help="help.timeline.notified",
            show_default=False,
        ),
    ] = None,
    outcome: Annotated[
        str | None,
        typer.Option(
            "--outcome",
            help="help.timeline.outcome",
            show_default=False,
            autocompletion=complete.outcome_names,
        ),
    ] = None,
    order_days: Annotated[
        int | None,
        typer.Option(
            "--order-days",
            metavar="N",
            help="help.timeline.order_days",
            show_default=False,
        ),
    ] = None,
    rules: RulesOpt = None,
    region: RegionOpt = None,
    no_cuti_bersama: NoCutiOpt = False,
    closures: ClosuresOpt = None,
    explain: Annotated[bool, typer.Option("--explain", help="help.timeline.explain")] = False,
    fmt: Annotated[
        TimelineFormat,
        typer.Option("--format", help="help.timeline.format"),
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


@_command("batch").command("batch", cls=Command, help="help.cmd.batch")
def batch(
    input_path: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="help.batch.input",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="help.batch.output",
            show_default=False,
        ),
    ] = None,
    input_format: Annotated[
        InputFormat | None,
        typer.Option(
            "--input-format",
            help="help.batch.input_format",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--output-format",
            help="help.batch.output_format",
            show_default=False,
        ),
    ] = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="help.batch.sheet", show_default=False)
    ] = None,
    basis: Annotated[
        Basis | None,
        typer.Option(
            "--basis",
            help="help.batch.basis",
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
            help="help.batch.strict",
        ),
    ] = False,
    ics: Annotated[
        Path | None,
        typer.Option(
            "--ics",
            metavar="FILE",
            help="help.batch.ics",
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
    boundary.refuse_undecodable(values, boundary.typer_names)
    if "fmt" in values:  # batch chooses its own output (always UTF-8)
        choose_stdout(values["fmt"])
    code = command(**values)
    if code:
        raise typer.Exit(code)


def main() -> None:
    """Run the Typer app (the ``penetapan`` script comes here via launch.main)."""
    app()
