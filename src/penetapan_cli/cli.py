"""The command line: parse arguments, pick the renderer, map errors to exit codes.

Exceptions are caught in one place, ``main``: a domain error becomes one line on stderr and its
documented exit code (README: "Exit codes"); an unexpected error asks to be reported.
"""

from __future__ import annotations

import contextlib
import enum
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from penetapan_cli import __version__
from penetapan_cli.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_PENDING,
    EXIT_ROW_ERRORS,
    InputError,
    PenetapanError,
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
            _fail(
                f"internal error ({type(exc).__name__}: {exc}); this is a bug, please report "
                "it with the command you ran (add --debug for the traceback)",
                EXIT_INTERNAL,
            )


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
    from penetapan_cli.dates import parse_date
    from penetapan_cli.deadline import compute_deadline
    from penetapan_cli.outcomes import parse_outcome
    from penetapan_cli.rules import Unit, load_rule_set
    from penetapan_cli.settings import make_calendar, resolve_lang, resolve_tz, today_in

    language = resolve_lang(lang)
    if explain and fmt is Format.DATE:
        raise InputError("--explain cannot be used with --format date: use text or json")
    resolve_tz(tz)
    today = today_in(tz)
    parsed_outcome = parse_outcome(outcome)
    notified_on = parse_date(notified, today=today)
    as_of_date = parse_date(as_of, today=today) if as_of is not None else today
    calendar = make_calendar(no_cuti_bersama=no_cuti_bersama, closures=closures)
    result = compute_deadline(
        parsed_outcome,
        notified_on,
        rule_set=load_rule_set(),
        calendar=calendar,
        basis=Unit(basis.value) if basis else None,
        as_of=as_of_date,
        explain=explain,
    )
    warning_label = "peringatan" if language == "id" else "warning"
    _warn([w[language] for w in result.warnings], warning_label)
    if fmt is Format.DATE:
        if result.deadline is not None:
            sys.stdout.write(result.deadline.isoformat() + "\n")
        notice_label = "catatan" if language == "id" else "notice"
        _warn([n[language] for n in result.notices], notice_label)
    elif fmt is Format.JSON:
        from penetapan_cli.render import dump_json

        dump_json(_deadline_json(result, language, explain), sys.stdout)
    else:
        from penetapan_cli.render import make_console, render_deadline_text

        render_deadline_text(
            make_console(sys.stdout),
            result,
            language,
            explain=explain,
            cuti_working=no_cuti_bersama,
        )
    if result.deadline is None:
        if fmt is Format.DATE and result.rule.follow_up:
            _warn([result.rule.follow_up[language]], "catatan" if language == "id" else "note")
        raise typer.Exit(EXIT_PENDING)


def _deadline_json(result: object, language: str, explain: bool) -> dict[str, object]:
    from penetapan_cli.deadline import DeadlineResult
    from penetapan_cli.render import deadline_json
    from penetapan_cli.workcal import holidays_package_version

    assert isinstance(result, DeadlineResult)
    return deadline_json(
        result, language, explain=explain, holidays_version=holidays_package_version()
    )


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


@app.command()
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
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Count days_left from this date instead of today.",
            show_default=False,
        ),
    ] = None,
    tz: Annotated[
        str,
        typer.Option("--tz", help="Time zone of 'today': WIB, WITA, WIT or an IANA name."),
    ] = "WIB",
) -> None:
    """Compute the deadlines of many regions at once, from CSV or JSON Lines.

    One output row per input row, in order: the input's columns, then deadline, status (ok,
    pending, error), days_left, rule, citation and error. Exit 0 when no row is in error, 1
    when some are, 2 when the input cannot be processed at all.
    """
    import os
    import stat

    from penetapan_cli import batch as batching
    from penetapan_cli.dates import parse_date
    from penetapan_cli.rules import Unit, load_rule_set
    from penetapan_cli.settings import resolve_lang, resolve_tz, today_in
    from penetapan_cli.workcal import read_closures

    language = resolve_lang(lang)
    resolve_tz(tz)
    today = today_in(tz)
    as_of_date = parse_date(as_of, today=today) if as_of is not None else today
    closure_days = read_closures(closures) if closures is not None else ()
    rule_set = load_rule_set()
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
    calculator = batching.Calculator(
        rule_set=rule_set,
        today=today,
        as_of=as_of_date,
        basis=Unit(basis.value) if basis else None,
        no_cuti_bersama=no_cuti_bersama,
        closures=closure_days,
    )
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
        out = stack.enter_context(
            batching.atomic_output(Path(str(output))) if to_file else _stdout_text()
        )
        progress = None
        if not from_stdin and sys.stderr.isatty():
            info = os.fstat(binary.fileno())
            if stat.S_ISREG(info.st_mode):
                progress = stack.enter_context(batching.progress_bar(info.st_size, binary.tell))
        summary = batching.run(source, out, out_format, calculator, progress=progress)
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
    """Entry point of the ``penetapan`` script and ``python -m penetapan_cli``."""
    app()
