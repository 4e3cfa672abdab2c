"""Ctrl-C that is never lost: a flag that survives an interrupt Python had to swallow.

Python turns SIGINT into KeyboardInterrupt wherever the program happens to be. When that is
a place that cannot raise (an ``__instancecheck__`` inside the garbage collector, a
finaliser), Python prints "Exception ignored in …" and carries on, and an import that the
planner interrupted would finish, save and exit 0. The console script therefore installs
this handler: it remembers the interrupt and raises as usual; `check` raises again before
anything is written, and the command's exit code says 130.

>>> reset(); requested()
False
>>> try:
...     _handler(2, None)
... except KeyboardInterrupt:
...     print("avbrutet")
avbrutet
>>> requested()
True
>>> reset()
"""

from __future__ import annotations

import signal
import sys
from types import FrameType
from typing import Any

__all__ = ["EXIT_CODE", "INTERRUPTED", "check", "install", "requested", "reset"]

EXIT_CODE = 130  # what a shell gives a program ended by SIGINT
INTERRUPTED = "avbrutet (Ctrl-C). Inget sparades i den här körningen som inte redan var klart."

_state: dict[str, Any] = {"requested": False, "next_hook": sys.__unraisablehook__}


def install() -> None:
    """Handle SIGINT with this module, unless SIGINT is ignored or handled by someone else.

    A KeyboardInterrupt that Python has to swallow goes to `sys.unraisablehook`, which would
    print "Exception ignored in …" and a traceback; `_unraisable` keeps quiet about that one
    (the flag is set, so `check` raises it again), and passes every other exception on.
    """
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _handler)
    if sys.unraisablehook is not _unraisable:
        _state["next_hook"] = sys.unraisablehook
        sys.unraisablehook = _unraisable


def requested() -> bool:
    """Whether Ctrl-C was pressed since start (or since `reset`)."""
    return _state["requested"]


def check() -> None:
    """Raise KeyboardInterrupt if Ctrl-C was pressed, even if that interrupt was swallowed."""
    if _state["requested"]:
        raise KeyboardInterrupt


def reset() -> None:
    """Forget an earlier Ctrl-C (for tests)."""
    _state["requested"] = False


def _handler(signum: int, frame: FrameType | None) -> None:
    _state["requested"] = True
    raise KeyboardInterrupt


def _unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    if unraisable.exc_type is KeyboardInterrupt and _state["requested"]:
        return  # swallowed where it could not be raised; `check` raises it again
    _state["next_hook"](unraisable)
