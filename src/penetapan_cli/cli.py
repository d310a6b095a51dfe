"""The command line: parse arguments, pick the renderer, map errors to exit codes.

Exceptions are caught in one place, ``main``: a domain error becomes one line on stderr and its
documented exit code (README: "Exit codes"); an unexpected error asks to be reported.

The ``penetapan`` script starts in launch.py, which answers plain ``deadline`` calls without
importing this module. No ``from __future__ import annotations`` here: Typer evaluates every
string annotation twice while it builds the app, on every run (``--help`` included), so the
annotations are real objects; a name used in one must exist at import time.
"""

import enum
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from penetapan_cli import __version__
from penetapan_cli.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    InputError,
    PenetapanError,
    internal_error_message,
)


class _Boundary(TyperGroup):
    """The one place where errors become a line on stderr and an exit code."""

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


@app.command()
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
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Count down from this date instead of today.",
            show_default=False,
        ),
    ] = None,
    tz: Annotated[
        str,
        typer.Option("--tz", help="Time zone of 'today': WIB, WITA, WIT or an IANA name."),
    ] = "WIB",
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
    )
    if code:
        raise typer.Exit(code)


@app.command()
def outcomes(
    fmt: Annotated[ListFormat, typer.Option("--format", help="text or json.")] = ListFormat.TEXT,
    lang: LangOpt = None,
) -> None:
    """List every MK outcome, its aliases and the rule it gets."""
    from penetapan_cli.i18n import OUTCOME_NAMES
    from penetapan_cli.outcomes import ALIASES, Outcome
    from penetapan_cli.rules import load_rule_set
    from penetapan_cli.settings import resolve_lang

    language = resolve_lang(lang)
    rule_set = load_rule_set()
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
        table.add_column(header)
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


@app.command()
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
        table.add_column(header)
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


def _fail(message: str, code: int) -> NoReturn:
    sys.stderr.write(f"penetapan: {message}\n")
    raise typer.Exit(code)


def main() -> None:
    """Run the Typer app (the ``penetapan`` script comes here via launch.main)."""
    app()
