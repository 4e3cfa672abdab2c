"""The console script's entry point: Ctrl-C is handled before the command line is imported.

Importing `lokgraph.cli` (typer, click, rich's pieces) takes a few hundred milliseconds. A
Ctrl-C in that time used to end in a KeyboardInterrupt traceback, since the handler was only
installed in `lokgraph.cli.main`. Here the SIGINT handler (`lokgraph.interrupt`, a module of
a few lines) comes first; a Ctrl-C while the rest is imported is the usual one Swedish line
and exit code 130.
"""

from __future__ import annotations

import sys

__all__ = ["main"]


def main() -> None:
    """`lokgraph` on the command line (the `[project.scripts]` entry and `python -m lokgraph`)."""
    from . import interrupt

    try:
        interrupt.install()
        from .cli import main as cli_main

        interrupt.check()  # a Ctrl-C that an import had to swallow
    except KeyboardInterrupt:
        sys.stderr.write(f"lokgraph: {interrupt.INTERRUPTED}\n")
        sys.exit(interrupt.EXIT_CODE)
    cli_main()
