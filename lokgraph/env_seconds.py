"""Seconds read from an environment variable: one rule and one message for every timeout.

>>> import os
>>> os.environ["LOKGRAPH_EXAMPLE_TIMEOUT"] = "2.5"
>>> seconds_from_env("LOKGRAPH_EXAMPLE_TIMEOUT", 60.0, positive=False, example=60)
2.5
>>> del os.environ["LOKGRAPH_EXAMPLE_TIMEOUT"]
>>> seconds_from_env("LOKGRAPH_EXAMPLE_TIMEOUT", 60.0, positive=False, example=60)
60.0
"""

from __future__ import annotations

import os

from .errors import InputError

__all__ = ["seconds_from_env"]


def seconds_from_env(name: str, default: float, *, positive: bool, example: int) -> float:
    """``$name`` in seconds, or `default` when it is unset or blank.

    With `positive` the value must be a finite number above zero; otherwise zero and more
    (infinity too: wait for ever). Anything else is an `InputError` naming the variable.
    """
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if positive:
        ok, said = 0 < value < float("inf"), "inget antal sekunder större än noll"
    else:
        ok, said = value >= 0, "inget antal sekunder"  # nan compares false: refused
    if not ok:
        raise InputError(
            f"{name}={raw!r} är {said}",
            fix=f"Ange till exempel {name}={example}, eller ta bort variabeln",
        )
    return value
