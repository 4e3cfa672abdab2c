"""The one timing helper the benchmarks share."""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["best_of"]


def best_of(fn: Callable[[], object], repeats: int) -> tuple[float, object]:
    """The fastest of `repeats` runs (seconds) and the last result: the least disturbed run is
    the best estimate of the cost on a machine that other work shares."""
    best, result = float("inf"), None
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result
