"""A closures file: extra non-working days of the user's office (``--closures FILE``)."""

from __future__ import annotations

import re
from pathlib import Path

from penetapan_cli.core.calendar import DayKind, NonWorkingDay
from penetapan_cli.core.errors import ClosuresFileError

_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def read_closures(path: Path) -> tuple[NonWorkingDay, ...]:
    """A closures file: one ISO date per line with an optional name; ``#`` starts a comment."""
    from penetapan_cli.core.dates import parse_date
    from penetapan_cli.core.errors import DateInputError
    from penetapan_cli.files import read_small

    data = read_small(path, what="file.closures", error=ClosuresFileError)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ClosuresFileError("closures.not_utf8", path=str(path)) from None
    closures: list[NonWorkingDay] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        first, _, rest = line.partition(" ")
        try:
            if not _ISO.fullmatch(first):
                raise DateInputError("closures.iso", text=first)
            date = parse_date(first)
        except DateInputError as exc:
            raise ClosuresFileError(
                "closures.line", path=str(path), line=number, error=exc.msg
            ) from None
        name = rest.strip() or "Penutupan kantor / office closure"
        closures.append(NonWorkingDay(date, DayKind.CLOSURE, {"id": name, "en": name}))
    return tuple(closures)
