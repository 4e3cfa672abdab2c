"""Pausing Python's cycle collector while a step makes many objects and no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused", "one_command"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run a block with the cycle collector off, and turn it back on if it was on.

    Merging a structure or building a round's view makes tens of thousands of dicts and
    tuples, none of them in a cycle; meanwhile the collector would walk the whole growing
    graph again and again (a third to a half of the time, and more the larger the graph).
    Reference counting still frees everything as usual.

    What the block made and kept is long-lived, so it goes straight to the oldest generation
    when the block ends (`gc.freeze` then `gc.unfreeze` moves every tracked object there):
    otherwise the next young collections walk all of it (a built graph at 290 kommuner: about
    0.1 s, a sixth of the build) only to find nothing to free. A full collection still frees
    any cycle among them. When something else has frozen objects (the console script freezes
    what start-up made), they stay frozen and the block's objects stay young.

    >>> import gc
    >>> with collector_paused():
    ...     made = [[] for _ in range(3)]
    ...     gc.isenabled()
    False
    >>> gc.isenabled(), any(o is made for o in gc.get_objects(generation=0))
    (True, False)
    """
    was_on = gc.isenabled()
    others_frozen = gc.get_freeze_count()
    gc.disable()
    try:
        yield
    finally:
        if not others_frozen:
            gc.freeze()  # then unfreeze: every tracked object to the oldest generation
            gc.unfreeze()
        if was_on:
            gc.enable()


def one_command() -> None:
    """The collector for a process that runs one command (the console script, and the
    benchmark's processes, which time the stages as a command runs them).

    What start-up made lives until exit, so it goes to the oldest generation at once (freeze,
    then unfreeze, as `collector_paused` does after each paused step: frozen objects would
    keep that from working), and a graph of 50,000 objects is not scanned again and again
    while built: a young collection waits for 50,000 new objects instead of 700.

    >>> import gc
    >>> before = gc.get_threshold()
    >>> one_command()
    >>> gc.get_threshold()
    (50000, 10, 10)
    >>> gc.set_threshold(*before)
    """
    gc.freeze()
    gc.unfreeze()
    gc.set_threshold(50_000, 10, 10)
