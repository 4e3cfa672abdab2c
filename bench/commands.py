"""Measures of lokgraph commands as a planner runs them: whole processes, per size and once per
run (start-up against a bare Python start, every command on the real Dalarna survey)."""

from __future__ import annotations

import sys
from pathlib import Path

from bench.registry import DALARNA, Context, measure, whole_process

# -- commands as a planner runs them (whole processes) ----------------------------------------


@measure("cli_import_s", "lokgraph import (process) s", "{:.2f}", stage=True)
def _cli_import(ctx: Context) -> float:
    store = ctx.work / "imported.json"
    wall, peak = ctx.whole(
        "import", str(ctx.survey_path), "--store", str(store), before=lambda: _remove(store)
    )
    ctx.values["cli_import_peak_mb"] = peak
    return wall


@measure("cli_import_peak_mb", "lokgraph import peak MB", "{:.0f}")
def _cli_import_peak(ctx: Context) -> float:
    return ctx.values["cli_import_peak_mb"]


@measure("cli_gaps_s", "lokgraph gaps (process) s", "{:.2f}", stage=True)
def _cli_gaps(ctx: Context) -> float:
    return ctx.whole("gaps", "--store", str(ctx.store_path))[0]


@measure("cli_gaps_json_s", "lokgraph gaps --json (process) s", "{:.2f}", stage=True)
def _cli_gaps_json(ctx: Context) -> float:
    return ctx.whole("gaps", "--json", "--store", str(ctx.store_path))[0]


@measure("cli_report_s", "lokgraph report (process) s", "{:.2f}", stage=True)
def _cli_report(ctx: Context) -> float:
    out = ctx.work / "cli-rapport.html"
    return ctx.whole("report", "--store", str(ctx.store_path), "-o", str(out))[0]


@measure("cli_map_s", "lokgraph map (process) s", "{:.2f}", stage=True)
def _cli_map(ctx: Context) -> float:
    out = ctx.work / "cli-karta" / "karta.html"
    return ctx.whole("map", "--store", str(ctx.store_path), "-o", str(out))[0]


# -- once per run: start-up and the real Dalarna survey ---------------------------------------


@measure("python_start_s", "floor: python -c pass s", once=True)
def _python_start(ctx: Context) -> float:
    return whole_process([sys.executable, "-c", "pass"], repeats=ctx.repeats, warmup=ctx.warmup)[0]


@measure("cli_help_s", "lokgraph --help s", once=True)
def _cli_help(ctx: Context) -> float:
    return ctx.whole("--help")[0]


@measure("cli_query_list_s", "lokgraph query --list s", once=True)
def _cli_query_list(ctx: Context) -> float:
    return ctx.whole("query", "--list")[0]


#: every command a planner runs on one county's survey, by name (the first makes the store)
DALARNA_COMMANDS: dict[str, tuple[str, ...]] = {
    "import": ("import", "{survey}", "--store", "{store}"),
    "extract --json": ("extract", "{survey}", "--json"),
    "summary": ("summary", "--store", "{store}"),
    "gaps": ("gaps", "--store", "{store}"),
    "gaps --json": ("gaps", "--json", "--store", "{store}"),
    "query missing_specialist": ("query", "missing_specialist", "--store", "{store}"),
    "map": ("map", "--store", "{store}", "-o", "{work}/karta.html"),
    "map --kommun": ("map", "--kommun", "Leksand", "--store", "{store}", "-o", "{work}/l.html"),
    "matrix": ("matrix", "--store", "{store}", "-o", "{work}/matris.html"),
    "report": ("report", "--store", "{store}", "-o", "{work}/rapport.html"),
    "export --format json": ("export", "--format", "json", "--store", "{store}", "-o", "{work}/e"),
}


@measure("dalarna_slowest_s", "slowest command on the Dalarna survey s", once=True)
def _dalarna(ctx: Context) -> float | None:
    if not DALARNA.exists():
        return None
    fill = {"survey": str(DALARNA), "store": str(ctx.work / "dalarna.json"), "work": str(ctx.work)}
    times = {
        name: ctx.whole(*(a.format(**fill) for a in args))[0]
        for name, args in DALARNA_COMMANDS.items()
    }
    ctx.values["dalarna_s"] = times
    ctx.values["dalarna_slowest"] = max(times, key=times.__getitem__)
    return max(times.values())


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)
