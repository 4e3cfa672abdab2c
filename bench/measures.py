"""The benchmark's measures: one registry, each measure a small function of a `Context`.

A measure is either per size (run once for each kommun count, in that size's own process) or
once per run (start-up, the real Dalarna survey). A floor is a measure too: the least work the
same job could take, measured in the same run, so that a target can be a ratio that holds when
the machine's speed drifts. To add a measure, write a function in bench/stages.py (timed inside
one process) or bench/commands.py (a whole `lokgraph` process) and decorate it:

    @measure("gaps_json_s", "gaps --json (process) s", stage=True)
    def _gaps_json(ctx: Context) -> float:
        return ctx.whole("gaps", "--json", "--store", str(ctx.store_path))[0]

and, if it has one, add its target to `TARGETS` in bench/run.py.
"""

from __future__ import annotations

# importing registers the measures; the stages come first in the table
from bench import stages  # noqa: F401

# isort: split
from bench import diff_stages  # noqa: F401

# isort: split
from bench import commands  # noqa: F401

# isort: split
from bench import text_growth  # noqa: F401
from bench.registry import MEASURES, Context, Measure, measure, whole_process

__all__ = ["MEASURES", "Context", "Measure", "measure", "whole_process"]
