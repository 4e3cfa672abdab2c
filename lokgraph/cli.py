"""The `lokgraph` command: a thin layer that wires loaders, store, queries and maps together.

Each command is a few lines over the library; every failure becomes one Swedish paragraph on
stderr (see `lokgraph.cli_errors`), so a planner sees what to fix and never a traceback.
Everything a planner reads here is Swedish; progress goes to stderr, and only on a terminal.
"""

from __future__ import annotations

import gc
import sys

from . import interrupt
from .cli_app import app
from .cli_errors import run
from .collector import one_command

# The commands register on `app` in their own modules, in the order --help lists them.
# isort: off
from . import cli_import  # noqa: F401  import, extract, demo, export
from . import cli_queries  # noqa: F401  gaps, query
from . import cli_views  # noqa: F401  map, matrix, report
from . import cli_store  # noqa: F401  push, pull, synth, summary
from . import cli_rounds  # noqa: F401  diff, inventory
# isort: on

__all__ = ["app", "main"]


def main() -> None:
    """The console entry point: every failure becomes one Swedish paragraph and exit 1 or 2.

    Usage errors exit 2, everything else 1, Ctrl-C 130; see `lokgraph.cli_errors`.
    """
    # One command per process: what start-up made goes to the oldest generation, and young
    # collections wait for 50,000 new objects (see lokgraph.collector.one_command).
    one_command()
    interrupt.install()
    code = run(app)
    # A networkx graph is a reference cycle (it and its cached views), so what the command
    # made waits for the interpreter's last collection, which walks all of it only to free
    # what the OS frees at exit anyway (a fifth of `gaps` at 290 kommuner): frozen, it is not.
    # Files are closed and locks released by their with-blocks before this point.
    gc.freeze()
    sys.exit(code)
