"""A Ctrl-C that Python has to swallow (raised inside a finaliser or a garbage-collector
callback) prints no "Exception ignored" traceback once `lokgraph.interrupt` is installed; any
other swallowed exception is still reported (issue #16: never a traceback for Ctrl-C)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import signal, sys
from lokgraph import interrupt
interrupt.install()

class Finalised:
    def __init__(self, exc):
        self.exc = exc
    def __del__(self):
        raise self.exc

if sys.argv[1] == "ctrl-c":
    try:
        signal.raise_signal(signal.SIGINT)  # the handler sets the flag and raises
    except KeyboardInterrupt:
        pass
    Finalised(KeyboardInterrupt())  # swallowed while the flag is set: kept quiet
    print("still running", interrupt.requested())
else:
    Finalised(ValueError("a real bug"))  # any other exception is reported as before
    print("still running")
"""


def run(kind: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, kind], capture_output=True, text=True, timeout=60
    )


def test_a_swallowed_ctrl_c_prints_no_traceback() -> None:
    done = run("ctrl-c")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "still running True"
    assert done.stderr == ""


def test_another_swallowed_exception_is_still_reported() -> None:
    done = run("other")
    assert done.stdout.strip() == "still running"
    assert "Exception ignored" in done.stderr and "ValueError: a real bug" in done.stderr
