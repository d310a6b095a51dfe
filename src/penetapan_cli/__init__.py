"""penetapan: the deadline to declare the elected Pilkada pair after the Constitutional Court."""

import sys as _sys

__version__ = "0.1.0"


def _interrupted_while_loading(signum: int, frame: object) -> None:
    """Ctrl-C before launch.main's guard is in place: its line and exit code, nothing else
    (no file is being written yet, so there is nothing to clean up)."""
    import os

    try:
        os.write(2, b"penetapan: interrupted\n")
    finally:
        os._exit(130)  # core.errors.EXIT_INTERRUPTED


def _started_as_the_program() -> bool:
    """Whether this is the ``penetapan`` script (or ``python -m penetapan_cli``) starting, not
    a program importing the package (a test, a notebook), whose Ctrl-C stays its own."""
    import os

    first = _sys.argv[0] if _sys.argv else ""
    name = os.path.splitext(os.path.basename(first))[0].removesuffix("-script")
    return name == "penetapan" or first == "-m"


# From here on, while the rest of the program loads, Ctrl-C ends it with one line (see
# docs/exit-codes.md); launch.main puts Python's own handler back as soon as its guard is on.
if _started_as_the_program():
    import _signal  # type: ignore[import-not-found]  # the C module: no enum to load first

    if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
        _signal.signal(_signal.SIGINT, _interrupted_while_loading)


def loaded() -> None:
    """Ctrl-C raises KeyboardInterrupt again, for the guard of launch.main."""
    import _signal

    if _signal.getsignal(_signal.SIGINT) is _interrupted_while_loading:
        _signal.signal(_signal.SIGINT, _signal.default_int_handler)
