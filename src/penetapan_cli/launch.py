"""The ``penetapan`` entry point: a plain ``deadline`` or ``batch`` call runs without Typer.

Loading Typer costs more than everything a one-off ``penetapan deadline`` check needs, and
scripts call ``deadline`` and ``batch`` in loops, so ``main`` first tries the fast path: a small
parser that accepts a strict subset of what the Typer command accepts (its arguments and
options, each given once, as ``--opt value``, ``--opt=value`` or ``-o value``) and runs the
same ``run_deadline`` or ``run_batch`` inside the same error boundary (boundary.py). Anything
else — ``--help``, root options, other commands, an unknown or repeated option, a bad choice,
a missing or empty value, ``--``, shell completion — goes to the Typer app in cli.py, which
parses it and reports errors as usual. A command added to cli.py needs nothing here; a test in
tests/test_startup.py, test_fast_path_knows_exactly_the_options_of_the_typer_commands, fails
when the options of a command here and in cli.py disagree.

Ctrl-C ends the program with its one line from the first line of the package on
(``penetapan_cli/__init__.py``, which the script runs first): a handler set there covers the
loading of this module, and ``main`` puts Python's own back once its guard is in place. Before
that line, while Python itself starts, a Ctrl-C is Python's (docs/exit-codes.md).
"""

from __future__ import annotations

import os
import sys

import penetapan_cli

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

FLAG = "flag"
TEXT = "text"
PATH = "path"

Options = dict[str, tuple[str, "str | tuple[str, ...]"]]
"""The options of a command the fast path understands: flag -> (parameter, kind), in the order
of the Typer command's parameters (which decides which bad value an error names first). A kind
that is a tuple lists the accepted values (a Typer enum choice, case-sensitive)."""

DEADLINE_OPTIONS: Options = {
    "--basis": ("basis", ("calendar", "working")),
    "--no-cuti-bersama": ("no_cuti_bersama", FLAG),
    "--closures": ("closures", PATH),
    "--explain": ("explain", FLAG),
    "--format": ("fmt", ("text", "json", "date")),
    "--lang": ("lang", TEXT),
    "--as-of": ("as_of", TEXT),
    "--tz": ("tz", TEXT),
    "--strict": ("strict", FLAG),
    "--rules": ("rules", TEXT),
    "--decided": ("decided", TEXT),
    "--compare": ("compare", FLAG),
    "--ics": ("ics", PATH),
    "--region": ("region", TEXT),
    "--declared": ("declared", TEXT),
    "--calendar": ("month_view", FLAG),
    "--date-order": ("date_order", ("dmy", "mdy")),
}
DEADLINE_ARGUMENTS = (("outcome", "OUTCOME"), ("notified", "NOTIFIED"))
"""The arguments of a command: (parameter, as the command line names it)."""

BATCH_OPTIONS: Options = {
    "--output": ("output", PATH),
    "-o": ("output", PATH),
    "--input-format": ("input_format", ("csv", "jsonl", "xlsx", "xls", "ods")),
    "--output-format": ("output_format", ("csv", "jsonl", "json", "xlsx")),
    "--sheet": ("sheet", TEXT),
    "--basis": ("basis", ("calendar", "working")),
    "--no-cuti-bersama": ("no_cuti_bersama", FLAG),
    "--closures": ("closures", PATH),
    "--lang": ("lang", TEXT),
    "--as-of": ("as_of", TEXT),
    "--tz": ("tz", TEXT),
    "--rules": ("rules", TEXT),
    "--strict": ("strict", FLAG),
    "--ics": ("ics", PATH),
    "--date-order": ("date_order", ("dmy", "mdy")),
}
BATCH_ARGUMENTS = (("input_path", "INPUT"),)


def parse_args(
    argv: Sequence[str], options: Options, arguments: Sequence[tuple[str, str]]
) -> dict[str, Any] | None:
    """Keyword arguments of a command's function for ``argv`` (after the command's name), or
    None when the fast path does not take this command line and Typer must."""
    values: dict[str, Any] = {}
    given: list[str] = []
    args = iter(argv)
    for token in args:
        if not token.startswith("-") or token == "-":  # "-": stdin or stdout, an argument
            given.append(token)
            continue
        name, has_value, value = token.partition("=")
        spec = options.get(name)
        if spec is None:
            return None  # --help, --, an unknown option or a dash-led argument
        if has_value and not name.startswith("--"):
            return None  # -o=x: to Typer, the value is "=x"
        param, kind = spec
        if param in values:
            return None
        if kind == FLAG:
            if has_value:
                return None
            values[param] = True
            continue
        if not has_value:
            value = next(args, "")
        if not value or value.startswith("-"):
            return None
        if isinstance(kind, tuple) and value not in kind:
            return None
        if kind == PATH:
            if not _readable_or_absent(value):
                return None  # Typer refuses it with its own words, before the command runs
            from pathlib import Path

            values[param] = Path(value)
        else:
            values[param] = value
    if len(given) != len(arguments):
        return None
    # In the order of the command's parameters, as Typer gives them.
    order = [param for param, _ in arguments] + [param for param, _ in options.values()]
    found = dict(zip((param for param, _ in arguments), given, strict=True)) | values
    return {param: found[param] for param in dict.fromkeys(order) if param in found}


def _readable_or_absent(path: str) -> bool:
    """Whether Typer's path type takes ``path``: it refuses a path that exists but that the
    user cannot read, and takes any other."""
    try:
        os.stat(path)
    except OSError:
        return True
    except ValueError:  # a NUL in the name (never from a real command line): Typer's to say
        return False
    return os.access(path, os.R_OK)


def parse_deadline(argv: Sequence[str]) -> dict[str, Any] | None:
    """``parse_args`` for ``penetapan deadline``."""
    return parse_args(argv, DEADLINE_OPTIONS, DEADLINE_ARGUMENTS)


def parse_batch(argv: Sequence[str]) -> dict[str, Any] | None:
    """``parse_args`` for ``penetapan batch``."""
    return parse_args(argv, BATCH_OPTIONS, BATCH_ARGUMENTS)


def run_fast(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> int | None:
    """The exit code of ``penetapan ARGV`` when the fast path takes it; None otherwise."""
    if not argv or any(name[:1] == "_" and name.endswith("_COMPLETE") for name in environ):
        return None  # shell completion, under whatever name the program was started
    arguments: Sequence[tuple[str, str]]
    if argv[0] == "deadline":
        options, arguments = DEADLINE_OPTIONS, DEADLINE_ARGUMENTS
    elif argv[0] == "batch":
        options, arguments = BATCH_OPTIONS, BATCH_ARGUMENTS
    else:
        return None
    kwargs = parse_args(argv[1:], options, arguments)
    if kwargs is None:
        return None
    from penetapan_cli.boundary import choose_stdout, refuse_undecodable, run

    def names() -> dict[str, str]:
        # As Typer names them: an option by its longest flag, an argument by its metavar.
        longest: dict[str, str] = {}
        for flag, (param, _) in options.items():
            if len(flag) > len(longest.get(param, "")):
                longest[param] = flag
        return longest | dict(arguments)

    def command() -> int:
        refuse_undecodable(kwargs, names)
        if argv[0] == "batch":
            from penetapan_cli.commands.batch import run_batch

            return run_batch(**kwargs)  # batch chooses its own output (always UTF-8)
        from penetapan_cli.commands.deadline import run_deadline

        choose_stdout(kwargs.get("fmt", "text"))
        return run_deadline(**kwargs)

    return run(command, argv=argv)


def main() -> None:
    """Entry point of the ``penetapan`` script and ``python -m penetapan_cli``."""
    try:
        penetapan_cli.loaded()  # from here Ctrl-C is a KeyboardInterrupt, caught below
        code = run_fast(sys.argv[1:])
        if code is None:
            from penetapan_cli.cli import main as typer_main

            typer_main()  # exits
            code = 0
    except KeyboardInterrupt:  # while modules load, before a boundary runs
        code = interrupted()
    sys.exit(code)


EXIT_INTERRUPTED = 130  # core.errors.EXIT_INTERRUPTED, not imported: it may be what was loading


def interrupted() -> int:
    """Ctrl-C outside the boundary: its line and exit code, with nothing left to import."""
    try:
        sys.stderr.write("penetapan: interrupted\n")
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):
        pass  # stderr is closed
    return EXIT_INTERRUPTED
