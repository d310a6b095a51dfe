"""Was the elected pair declared on time? The declaration date judged against a deadline.

Pure: the caller gives the declaration date, the deadline (None when the outcome has none yet),
the earliest trigger date known and the date of the count. The verdict is one of:

- ``on-time``: on or after the earliest trigger date known, on or before the deadline;
- ``late``: after the deadline; ``days_late`` counts calendar days past it, whatever the rule's
  unit (a day past a deadline is a day, working or not);
- ``premature``: before the earliest trigger date known (the reading of the decision when it is
  given, else the notification): nothing had yet started the period;
- ``undetermined``: the outcome has no deadline yet (a re-vote, recount or re-recapitulation
  order): when the order was carried out, and so the new deadline, is not known here.

A declaration before the trigger is premature whatever the outcome: that much is known even
when the deadline is not.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, NamedTuple

from penetapan_cli.core.errors import InputError

if TYPE_CHECKING:  # the catalogue imports this module: it need not load the comparison
    from penetapan_cli.core.compare import Comparison


class Compliance(enum.Enum):
    ON_TIME = "on-time"
    LATE = "late"
    PREMATURE = "premature"
    UNDETERMINED = "undetermined"


class Verdict(NamedTuple):
    declared_on: dt.date
    compliance: Compliance
    days_late: int | None  # calendar days past the deadline; 0 unless late; None if undetermined
    deadline: dt.date | None  # the deadline judged against
    earliest_trigger: dt.date | None  # the earliest trigger date known; None if none is


def check_declared(declared_on: dt.date, as_of: dt.date) -> None:
    """A declaration after the date of the count (today, or the date given) has not happened."""
    if declared_on > as_of:
        raise InputError(
            "declared.future", declared_date=declared_on.isoformat(), as_of_date=as_of.isoformat()
        )


def judge(
    declared_on: dt.date, deadline: dt.date | None, earliest_trigger: dt.date | None
) -> Verdict:
    """The verdict on a declaration made on ``declared_on``."""
    if earliest_trigger is not None and declared_on < earliest_trigger:
        verdict, days = Compliance.PREMATURE, 0
    elif deadline is None:
        return Verdict(declared_on, Compliance.UNDETERMINED, None, None, earliest_trigger)
    elif declared_on > deadline:
        verdict, days = Compliance.LATE, (declared_on - deadline).days
    else:
        verdict, days = Compliance.ON_TIME, 0
    return Verdict(declared_on, verdict, days, deadline, earliest_trigger)


def judge_comparison(comparison: Comparison, declared_on: dt.date) -> tuple[Verdict, ...]:
    """The verdict under each option of ``comparison``, in order: each against its own
    deadline, all against the earliest trigger date given (the reading, else the notification).
    The first is the verdict under the rule set in use, counted from the earliest trigger."""
    earliest = min(o.trigger_date for o in comparison.options)
    return tuple(judge(declared_on, o.result.deadline, earliest) for o in comparison.options)
