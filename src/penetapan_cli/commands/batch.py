"""``penetapan batch``: the deadlines of many regions at once, from CSV or JSON Lines."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import IO, Any

from penetapan_cli.core.errors import EXIT_ROW_ERRORS, InputError, Message
from penetapan_cli.render.notes import warn


def run_batch(
    input_path: str,
    *,
    output: Path | None = None,
    input_format: str | None = None,
    output_format: str | None = None,
    sheet: str | None = None,
    basis: str | None = None,
    no_cuti_bersama: bool = False,
    closures: Path | None = None,
    lang: str | None = None,
    as_of: str | None = None,
    tz: str = "WIB",
    rules: str | None = None,
    strict: bool = False,
    ics: Path | None = None,
    date_order: str = "dmy",
) -> int:
    import os
    import stat

    from penetapan_cli.batch.compute import Calculator
    from penetapan_cli.batch.read import format_for
    from penetapan_cli.batch.run import RowEvents, open_source, progress_bar, run
    from penetapan_cli.commands.common import resolve, rule_set_status, wrote
    from penetapan_cli.core.rules import Unit
    from penetapan_cli.files import (
        atomic_output,
        check_outputs,
        open_input,
        option_reads,
        stdin_fd,
        stdout_text,
        stop_on_signals,
    )
    from penetapan_cli.messages import LABELS, phrase, render_message
    from penetapan_cli.settings import holiday_source, machine_lang
    from penetapan_cli.sources.closures import read_closures
    from penetapan_cli.sources.rulesets import resolve_rule_set

    setting = resolve(lang, tz, as_of, date_order)
    language = setting.lang
    from_stdin = input_path == "-"
    # Before anything is read: where the output and calendar go, never over a file read.
    input_label = (
        Message("read.stdin") if from_stdin else Message("read.input_file", path=input_path)
    )
    reads = {input_label: stdin_fd() if from_stdin else Path(input_path)}
    targets = check_outputs(
        {"-o": output, "--ics": ics}, reads | option_reads(rules=rules, closures=closures)
    )
    output_path = targets["-o"]
    closure_days = read_closures(closures) if closures is not None else ()
    rule_set = resolve_rule_set(rules)  # once per run; every row's rule and citation follow it
    in_format = input_format or format_for(None if from_stdin else input_path)
    out_format = output_format or (
        "xlsx" if output_path is not None and output_path.suffix.lower() == ".xlsx" else None
    )
    spreadsheet_in = in_format in ("xlsx", "xls", "ods")
    out_format = out_format or ("csv" if spreadsheet_in else in_format)
    if sheet is not None and not spreadsheet_in:
        raise InputError("sheet.not_spreadsheet", sheet=sheet, fmt=in_format)
    if out_format == "xlsx" and output_path is None:
        raise InputError("workbook.stdout")
    calculator = Calculator(
        rule_set=rule_set,
        today=setting.today,
        as_of=setting.as_of,
        basis=Unit(basis) if basis else None,
        no_cuti_bersama=no_cuti_bersama,
        closures=closure_days,
        strict=strict,
        year_source=holiday_source(language),  # the holiday tables `deadline` counts with
        date_order=date_order,
        lang=machine_lang(lang),
        events=ics is not None,
    )
    rule_set_status(rule_set, language)
    with contextlib.ExitStack() as stack:
        stack.enter_context(stop_on_signals())  # Ctrl-C, SIGTERM, SIGHUP: no partial file
        if from_stdin:
            if sys.stdin is None:  # started with stdin closed (`<&-`)
                raise InputError("stdin.closed")
            binary: IO[bytes] = sys.stdin.buffer
            label = render_message(Message("input.stdin"), language)
        else:
            binary = stack.enter_context(open_input(input_path))
            label = render_message(Message("input.file", path=input_path), language)
        source = open_source(
            binary,
            in_format,
            out_format,
            label,
            path=None if from_stdin else input_path,
            sheet=sheet,
        )
        stack.callback(source.close)
        events = None
        if ics is not None:  # entered before the output, so completed after it (and only then)
            from penetapan_cli.render.ics import ics_file

            calendar_file = stack.enter_context(ics_file(ics))
            events = RowEvents(source.table, lang=language, sink=calendar_file)
        facts = None
        if out_format == "xlsx":
            assert output_path is not None
            from penetapan_cli.batch.workbook import RunFacts
            from penetapan_cli.sources.holidays import holidays_package_version

            facts = RunFacts(
                lang=language,
                today=setting.today,
                as_of=setting.as_of,
                input_name="-" if from_stdin else Path(input_path).name,
                sheet=source.sheet,
                rule_set=rule_set,
                holidays_version=holidays_package_version(),
            )
            out: IO[Any] = stack.enter_context(atomic_output(output_path, binary=True))
        else:
            out = stack.enter_context(
                atomic_output(output_path) if output_path is not None else stdout_text()
            )
        progress = None
        if not from_stdin and not spreadsheet_in and sys.stderr.isatty():
            info = os.fstat(binary.fileno())
            if stat.S_ISREG(info.st_mode):
                progress = stack.enter_context(progress_bar(info.st_size, binary.tell))
        summary = run(
            source, out, out_format, calculator, progress=progress, on_ok=events, facts=facts
        )
    if ics is not None:
        count = calendar_file.count
        warn(
            [
                wrote(count, str(ics), language)
                if count
                else phrase("ics_no_row", language, path=str(ics))
            ],
            LABELS["note_label"][language],
        )
    if summary.rows == summary.blank:  # no row, or blank rows only: no data under the header
        from penetapan_cli.messages import LABELS

        warn([LABELS["no_data_rows"][language]], LABELS["warning_label"][language])
    sys.stderr.writelines(line + "\n" for line in summary.report(language))
    if summary.errors:
        return EXIT_ROW_ERRORS
    return 0
