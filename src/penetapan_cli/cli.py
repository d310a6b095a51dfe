"""The command line: parse arguments, pick the renderer, map errors to exit codes.

Exceptions are caught in one place, ``main``: a domain error becomes one line on stderr and its
documented exit code (README: "Exit codes"); an unexpected error asks to be reported.

The ``penetapan`` script starts in launch.py, which answers plain ``deadline`` calls without
importing this module. No ``from __future__ import annotations`` here: Typer evaluates every
string annotation twice while it builds the app, on every run (``--help`` included), so the
annotations are real objects; a name used in one must exist at import time.
"""

import contextlib
import enum
import inspect
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Annotated, Any, NoReturn, Self

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup

from penetapan_cli import __version__
from penetapan_cli.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_PENDING,
    EXIT_ROW_ERRORS,
    InputError,
    PenetapanError,
    internal_error_message,
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


class _Boundary(TyperGroup):
    """The root group: builds a command when it runs, and is the one place where errors become
    a line on stderr and an exit code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, sub in _COMMANDS.items():
            self.commands.setdefault(name, _Unbuilt.of(name, sub))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        if isinstance(command, _Unbuilt):
            command = typer.main.get_command(_COMMANDS[cmd_name])
            command.name = cmd_name
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
        try:
            return super().invoke(ctx)
        except PenetapanError as exc:
            _fail(str(exc), exc.exit_code)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except KeyboardInterrupt:
            _fail("interrupted", EXIT_INTERRUPTED)
        except BrokenPipeError:
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except Exception as exc:
            if ctx.params.get("debug"):
                raise
            _fail(internal_error_message(exc), EXIT_INTERNAL)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Usage errors too become one line: what was wrong, and where the help is."""
        call = {
            "args": args,
            "prog_name": prog_name,
            "complete_var": complete_var,
            "windows_expand_args": windows_expand_args,
            **extra,
        }
        if not standalone_mode:
            return super().main(**call, standalone_mode=False)
        try:
            code = super().main(**call, standalone_mode=False)
        except typer.TyperException as exc:
            ctx = getattr(exc, "ctx", None)
            if type(exc).__name__ == "NoArgsIsHelpError" and hasattr(exc, "show"):
                exc.show()
            else:
                where = ctx.command_path if ctx is not None else "penetapan"
                message = " ".join(exc.format_message().split())
                sys.stderr.write(f"{where}: {message} (see '{where} --help')\n")
            sys.exit(exc.exit_code)
        except typer.Abort:
            sys.stderr.write("penetapan: interrupted\n")
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=_Boundary,
    name="penetapan",
    help="Deadline to declare the elected Pilkada pair (penetapan pasangan calon terpilih) "
    "after the Constitutional Court (MK).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(enum.Enum):
    TEXT = "text"
    JSON = "json"
    DATE = "date"


class ListFormat(enum.Enum):
    TEXT = "text"
    JSON = "json"


class Basis(enum.Enum):
    CALENDAR = "calendar"
    WORKING = "working"


class InputFormat(enum.Enum):
    CSV = "csv"
    JSONL = "jsonl"


class OutputFormat(enum.Enum):
    CSV = "csv"
    JSONL = "jsonl"
    JSON = "json"


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


RulesOpt = Annotated[
    str | None,
    typer.Option(
        "--rules",
        metavar="NAME|PATH",
        help="Rule set: a shipped name (see 'penetapan rules') or the path of your own TOML "
        "file, validated on load. Default: pkpu-18-2024.",
        show_default=False,
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


def _warn(texts: list[str], label: str) -> None:
    for text in texts:
        sys.stderr.write(f"{label}: {text}\n")


@_command("deadline").command("deadline")
def deadline(
    outcome: Annotated[
        str,
        typer.Argument(
            metavar="OUTCOME",
            help="MK outcome: no-petition, dismissed, withdrawn, lapsed, not-competent, "
            "rejected, granted, revote, recount, recapitulation (or an Indonesian alias; "
            "see 'penetapan outcomes').",
            show_default=False,
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
) -> None:
    """Compute the latest date to declare the elected pair."""
    from penetapan_cli.deadline_cmd import run_deadline

    code = run_deadline(
        outcome,
        notified,
        basis=basis.value if basis else None,
        no_cuti_bersama=no_cuti_bersama,
        closures=closures,
        explain=explain,
        fmt=fmt.value,
        lang=lang,
        as_of=as_of,
        tz=tz,
        strict=strict,
        rules=rules,
        decided=decided,
        compare=compare,
        ics=ics,
        region=region,
    )
    if code:
        raise typer.Exit(code)


@_command("outcomes").command("outcomes")
def outcomes(
    fmt: Annotated[ListFormat, typer.Option("--format", help="text or json.")] = ListFormat.TEXT,
    lang: LangOpt = None,
    rules: RulesOpt = None,
) -> None:
    """List every MK outcome, its aliases and the rule it gets."""
    from penetapan_cli.i18n import OUTCOME_NAMES
    from penetapan_cli.outcomes import ALIASES, Outcome
    from penetapan_cli.settings import resolve_lang, resolve_rule_set

    language = resolve_lang(lang)
    rule_set = resolve_rule_set(rules)
    rows = []
    for outcome in Outcome:
        rule = rule_set.rule_for(outcome)
        rows.append(
            {
                "outcome": outcome.value,
                "aliases": list(ALIASES[outcome]),
                "name": OUTCOME_NAMES[outcome][language],
                "rule": rule_set.qualified_id(rule),
                "citation": rule.citation.short(),
                "days": rule.days,
                "unit": rule.unit.value if rule.days is not None else None,
            }
        )
    if fmt is ListFormat.JSON:
        from penetapan_cli.render import dump_json

        dump_json({"schema_version": 1, "rule_set": rule_set.id, "outcomes": rows}, sys.stdout)
        return
    from rich.table import Table

    from penetapan_cli.i18n import UNIT_NAMES
    from penetapan_cli.render import make_console
    from penetapan_cli.rules import Unit

    pending = "belum ada tenggat" if language == "id" else "no deadline yet"
    table = Table(title=f"{rule_set.title} [{rule_set.id}]")
    for header in ("outcome", "aliases", "meaning", "rule", "deadline"):
        table.add_column(header, overflow="fold")
    for row in rows:
        days = row["days"]
        unit = UNIT_NAMES[Unit(str(row["unit"]))][language] if days is not None else ""
        table.add_row(
            str(row["outcome"]),
            ", ".join(row["aliases"]),  # type: ignore[arg-type]
            str(row["name"]),
            f"{row['citation']}",
            f"{days} {unit}" if days is not None else pending,
        )
    make_console(sys.stdout).print(table)


@_command("holidays").command("holidays")
def holidays(
    year: Annotated[
        int, typer.Argument(metavar="YEAR", help="The year, e.g. 2025.", show_default=False)
    ],
    no_cuti_bersama: NoCutiOpt = False,
    closures: ClosuresOpt = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="text or json.")] = ListFormat.TEXT,
    lang: LangOpt = None,
) -> None:
    """List the non-working days of a year besides weekends: holidays, cuti bersama, closures."""
    from penetapan_cli.dates import MAX_DATE, MIN_DATE, format_date
    from penetapan_cli.i18n import DAY_KINDS
    from penetapan_cli.settings import make_calendar, resolve_lang
    from penetapan_cli.workcal import DayKind, holidays_package_version

    language = resolve_lang(lang)
    if not MIN_DATE.year <= year <= MAX_DATE.year:
        raise InputError(
            f"year {year} is out of range: expected {MIN_DATE.year} to {MAX_DATE.year}"
        )
    calendar = make_calendar(no_cuti_bersama=no_cuti_bersama, closures=closures)
    days = calendar.year_days(year)
    coverage = calendar.coverage(year)
    rows = [
        {
            "date": d.date.isoformat(),
            "kind": d.kind.value,
            "name": d.name[language],
            "estimated": d.estimated,
            "working": d.kind is DayKind.CUTI_BERSAMA and no_cuti_bersama,
        }
        for d in days
    ]
    if fmt is ListFormat.JSON:
        from penetapan_cli.render import dump_json

        dump_json(
            {
                "schema_version": 1,
                "year": year,
                "holidays_version": holidays_package_version(),
                "has_cuti_bersama": coverage.has_cuti_bersama,
                "estimated": bool(coverage.estimated),
                "days": rows,
            },
            sys.stdout,
        )
        return
    from rich.table import Table

    from penetapan_cli.render import make_console

    est_word = "perkiraan" if language == "id" else "estimated"
    table = Table(title=f"{year} (holidays {holidays_package_version()})")
    for header in ("date", "kind", "name", ""):
        table.add_column(header, overflow="fold")
    for d in days:
        flags = [est_word] if d.estimated else []
        if d.kind is DayKind.CUTI_BERSAMA and no_cuti_bersama:
            flags.append("--no-cuti-bersama")
        table.add_row(
            format_date(d.date, language),
            DAY_KINDS[d.kind][language],
            d.name[language],
            ", ".join(flags),
        )
    make_console(sys.stdout).print(table)
    if not coverage.has_cuti_bersama:
        _warn(
            [
                f"tidak ada cuti bersama {year} dalam data hari libur"
                if language == "id"
                else f"the holiday data lists no cuti bersama for {year}"
            ],
            "peringatan" if language == "id" else "warning",
        )


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
    if ctx.invoked_subcommand is not None:
        return
    from penetapan_cli.render import dump_json, make_console
    from penetapan_cli.render_rules import render_rule_sets_text, rule_sets_json
    from penetapan_cli.rules import load_rule_set, shipped_rule_sets
    from penetapan_cli.settings import resolve_lang

    language = resolve_lang(lang)
    rule_sets = [load_rule_set(name) for name in shipped_rule_sets()]
    if fmt is ListFormat.JSON:
        dump_json(rule_sets_json(rule_sets, language), sys.stdout)
    else:
        render_rule_sets_text(make_console(sys.stdout), rule_sets, language)


@rules_app.command("show")
def rules_show(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME|PATH",
            help="A shipped rule set (see 'penetapan rules') or the path of a TOML rule file, "
            "which is validated.",
            show_default=False,
        ),
    ],
    fmt: Annotated[ListFormat, typer.Option("--format", help="text or json.")] = ListFormat.TEXT,
    lang: LangOpt = None,
) -> None:
    """Print one rule set in full: every rule, its citation, notices and follow-up."""
    from penetapan_cli.render import dump_json, make_console
    from penetapan_cli.render_rules import render_rule_set_text, rule_set_json
    from penetapan_cli.rules import is_rule_file_path
    from penetapan_cli.settings import resolve_lang, resolve_rule_set

    language = resolve_lang(lang)
    rule_set = resolve_rule_set(name)
    shipped = not is_rule_file_path(name.strip())
    if fmt is ListFormat.JSON:
        dump_json(rule_set_json(rule_set, language, shipped=shipped), sys.stdout)
    else:
        render_rule_set_text(make_console(sys.stdout), rule_set, language, shipped=shipped)


class TimelineFormat(enum.Enum):
    TEXT = "text"
    JSON = "json"
    ICS = "ics"


@_command("timeline").command("timeline")
def timeline(
    announced: Annotated[
        str,
        typer.Option(
            "--announced",
            help="Date the KPU announced the vote result (starts the 3-working-day petition "
            "window, UU 10/2016 Pasal 157 ayat (5)).",
            show_default=False,
        ),
    ],
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
) -> None:
    """Lay out the dispute season: petition window, MK decision, declaration, follow-up."""
    import datetime as dt

    from penetapan_cli.dates import parse_date
    from penetapan_cli.outcomes import parse_outcome
    from penetapan_cli.rules import load_limits
    from penetapan_cli.settings import (
        make_calendar,
        resolve_lang,
        resolve_rule_set,
        today_in,
    )
    from penetapan_cli.timeline import build_timeline

    language = resolve_lang(lang)
    today = today_in(tz)  # also rejects an unknown --tz

    def date_of(value: str | None, option: str) -> dt.date | None:
        if value is None:
            return None
        try:
            return parse_date(value, today=today)
        except InputError as exc:
            raise type(exc)(f"{option}: {exc}") from None

    announced_on = date_of(announced, "--announced")
    assert announced_on is not None
    parsed_outcome = parse_outcome(outcome) if outcome is not None else None
    from penetapan_cli.deadline_cmd import rule_set_status

    rule_set = resolve_rule_set(rules)
    rule_set_status(rule_set, language)
    calendar = make_calendar(no_cuti_bersama=no_cuti_bersama, closures=closures)
    result = build_timeline(
        announced_on,
        rule_set=rule_set,
        limits=load_limits(),
        calendar=calendar,
        registered=date_of(registered, "--registered"),
        decided=date_of(decided, "--decided"),
        notified=date_of(notified, "--notified"),
        outcome=parsed_outcome,
        order_days=order_days,
        as_of=date_of(as_of, "--as-of") or today,
        explain=explain,
        strict=strict,
    )
    _warn([w[language] for w in result.warnings], "peringatan" if language == "id" else "warning")
    events = None
    if ics is not None or fmt is TimelineFormat.ICS:
        from penetapan_cli.ics import timeline_events

        events = timeline_events(result, lang=language, region=region, calendar=calendar)
    if fmt is TimelineFormat.JSON:
        from penetapan_cli.render import dump_json
        from penetapan_cli.render_timeline import timeline_json
        from penetapan_cli.workcal import holidays_package_version

        dump_json(
            timeline_json(
                result,
                language,
                explain=explain,
                region=region,
                holidays_version=holidays_package_version(),
            ),
            sys.stdout,
        )
    elif fmt is TimelineFormat.ICS:
        from penetapan_cli.ics import build_calendar

        assert events is not None
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
        sys.stdout.write(build_calendar(events, stamp=stamp).decode("utf-8"))
    else:
        from penetapan_cli.render import make_console
        from penetapan_cli.render_timeline import render_timeline_text

        render_timeline_text(
            make_console(sys.stdout), result, language, explain=explain, region=region
        )
    if ics is not None:
        from penetapan_cli.ics import write_ics

        assert events is not None
        write_ics(events, ics, stamp=dt.datetime.now(dt.UTC))
        count = len(events)
        _warn([f"wrote {count} event{'s' if count != 1 else ''} to {str(ics)!r}"], "note")
    if result.pending:
        raise typer.Exit(EXIT_PENDING)


@_command("batch").command("batch")
def batch(
    input_path: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="CSV or JSON Lines file with the columns outcome and notified_on (Indonesian "
            "names accepted), or - for stdin.",
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
            help="csv or jsonl. Default: from the file extension (.jsonl, .ndjson), else csv.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--output-format",
            help="csv, jsonl or json (one array). Default: the input's format.",
            show_default=False,
        ),
    ] = None,
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
) -> None:
    """Compute the deadlines of many regions at once, from CSV or JSON Lines.

    One output row per input row, in order: the input's columns, then deadline, status (ok,
    pending, error), days_left, rule, citation and error. Exit 0 when no row is in error, 1
    when some are (--strict refusals included), 2 when the input cannot be processed at all.
    """
    import os
    import stat

    from penetapan_cli import batch as batching
    from penetapan_cli.dates import parse_date
    from penetapan_cli.deadline_cmd import rule_set_status
    from penetapan_cli.rules import Unit
    from penetapan_cli.settings import resolve_lang, resolve_rule_set, today_in
    from penetapan_cli.workcal import read_closures

    language = resolve_lang(lang)
    today = today_in(tz)  # also rejects an unknown --tz
    as_of_date = parse_date(as_of, today=today) if as_of is not None else today
    closure_days = read_closures(closures) if closures is not None else ()
    rule_set = resolve_rule_set(rules)  # once per run; every row's rule and citation follow it
    from_stdin = input_path == "-"
    in_format = (
        input_format.value
        if input_format
        else batching.format_for(None if from_stdin else input_path)
    )
    out_format = output_format.value if output_format else in_format
    to_file = output is not None and str(output) != "-"
    if to_file and not from_stdin and batching.same_file(Path(input_path), Path(str(output))):
        raise InputError(
            f"refusing to write the output over the input file {input_path!r}: choose another "
            "-o path"
        )
    if ics is not None:
        if not from_stdin and batching.same_file(Path(input_path), ics):
            raise InputError(
                f"refusing to write the calendar over the input file {input_path!r}: choose "
                "another --ics path"
            )
        if to_file and batching.same_file(Path(str(output)), ics):
            raise InputError(
                f"--ics {str(ics)!r} and -o {str(output)!r} are the same file: choose two paths"
            )
    calculator = batching.Calculator(
        rule_set=rule_set,
        today=today,
        as_of=as_of_date,
        basis=Unit(basis.value) if basis else None,
        no_cuti_bersama=no_cuti_bersama,
        closures=closure_days,
        strict=strict,
    )
    rule_set_status(rule_set, language)
    with contextlib.ExitStack() as stack:
        _stop_on_sigterm(stack)
        if from_stdin:
            binary: IO[bytes] = sys.stdin.buffer
            label = "standard input"
        else:
            binary = stack.enter_context(_open_input(input_path))
            label = f"input {input_path!r}"
        source = batching.open_source(binary, in_format, out_format, label)
        stack.callback(source.close)
        events = None
        if ics is not None:  # entered before the output, so completed after it (and only then)
            from penetapan_cli.ics import ics_file

            calendar_file = stack.enter_context(ics_file(ics))
            events = batching.RowEvents(source.table, lang=language, add=calendar_file.add)
        out = stack.enter_context(
            batching.atomic_output(Path(str(output))) if to_file else _stdout_text()
        )
        progress = None
        if not from_stdin and sys.stderr.isatty():
            info = os.fstat(binary.fileno())
            if stat.S_ISREG(info.st_mode):
                progress = stack.enter_context(batching.progress_bar(info.st_size, binary.tell))
        summary = batching.run(source, out, out_format, calculator, progress=progress, on_ok=events)
    if ics is not None:
        count = calendar_file.count
        _warn(
            [
                f"wrote {count} event{'s' if count != 1 else ''} to {str(ics)!r}"
                if count
                else f"no row has a deadline: {str(ics)!r} not written"
            ],
            "note",
        )
    sys.stderr.writelines(line + "\n" for line in summary.report(language))
    if summary.errors:
        raise typer.Exit(EXIT_ROW_ERRORS)


def _stop_on_sigterm(stack: contextlib.ExitStack) -> None:
    """Until ``stack`` closes, SIGTERM (``kill``) stops the run as Ctrl-C does, so that the
    same clean-up runs: no partial output file is left behind."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    stack.callback(signal.signal, signal.SIGTERM, previous)


@contextlib.contextmanager
def _open_input(path: str) -> Iterator[IO[bytes]]:
    try:
        fh = open(path, "rb")  # noqa: SIM115 (closed below)
    except FileNotFoundError:
        raise InputError(f"input {path!r} not found") from None
    except IsADirectoryError:
        raise InputError(f"input {path!r} is a directory") from None
    except OSError as exc:
        raise InputError(f"cannot read input {path!r}: {exc.strerror or exc}") from None
    with fh:
        yield fh


@contextlib.contextmanager
def _stdout_text() -> Iterator[IO[str]]:
    """UTF-8 text on stdout, whatever the locale; a closed pipe (``| head``) ends quietly."""
    import io

    from penetapan_cli.batch import OUTPUT_ERRORS

    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", errors=OUTPUT_ERRORS, newline="")
    try:
        yield out
        out.flush()
    except BrokenPipeError:
        _stdout_to_devnull()
        raise
    except OSError as exc:  # e.g. a full disk (reading errors arrive as InputError)
        _stdout_to_devnull()
        raise InputError(f"cannot write standard output: {exc.strerror or exc}") from None
    finally:
        with contextlib.suppress(OSError, ValueError):
            out.detach()  # leaves sys.stdout open


def _stdout_to_devnull() -> None:
    """After the reader of stdout went away, send what is left nowhere instead of failing."""
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _fail(message: str, code: int) -> NoReturn:
    sys.stderr.write(f"penetapan: {message}\n")
    raise typer.Exit(code)


def main() -> None:
    """Run the Typer app (the ``penetapan`` script comes here via launch.main)."""
    app()
