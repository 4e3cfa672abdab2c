"""The benchmark: every stage of lokgraph at 15, 49 and 290 kommuner, each target of issue 15
beside its measure and the floor measured in the same run.

Each size runs in its own Python process, so peak memory is that size's alone; start-up and
the real Dalarna survey run once, in a process of their own. The measures are the registry in
bench/measures.py; the targets are the table `TARGETS` below. Prints a table of measures (with
the growth exponent of every stage from the smallest size to the largest), then the targets,
and writes both as JSON. Quick mode (for CI) uses small sizes and asserts nothing: it only
keeps the script from rotting.

    python bench/run.py                 # 15, 49, 290 kommuner
    python bench/run.py --quick         # 5 and 15 kommuner, fewer repeats
    python bench/run.py --json out.json

Last, it measures how import time grows with the size of one input (bench/growth.py: many
lines about one kommun) and prints that growth exponent.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import platform
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.measures import MEASURES, Context  # noqa: E402
from lokgraph.collector import one_command  # noqa: E402

SIZES = (15, 49, 290)
QUICK_SIZES = (5, 15)
#: "no worse than linear": the graph itself grows a little faster than the kommun count
#: (21× the nodes for 19× the kommuner, exponent 1.03), and single timings are noisy
LINEAR = 1.1


@dataclass(frozen=True)
class Target:
    """A target of issue 15: a measure's bound, absolute or as a ratio to its floor."""

    text: str
    key: str
    at_most: float | None = None  # the measure itself (seconds, MB)
    at_least: float | None = None
    floor: str | None = None  # the floor's key: printed, and the ratio's denominator
    ratio_at_most: float | None = None  # measure / floor
    largest: bool = True  # at the largest size (else the once-per-run value)
    which: str | None = None  # the key of a value that names what was measured (a command)


TARGETS: tuple[Target, ...] = (
    Target("national round (survey → report) under 3 s", "pipeline_s", at_most=3.0),
    Target(
        "import of the national survey under 2 s",
        "cli_import_s",
        at_most=2.0,
        floor="python_start_s",
    ),
    Target("import peak memory under 200 MB", "cli_import_peak_mb", at_most=200),
    Target(
        "build within 3× networkx from tuples",
        "build_s",
        floor="build_floor_s",
        ratio_at_most=3.0,
    ),
    Target(
        "store load within 1.5× json.loads + networkx",
        "load_s",
        floor="load_floor_s",
        ratio_at_most=1.5,
    ),
    Target(
        "store save within 1.5× json.dumps (C encoder)",
        "save_s",
        floor="save_floor_s",
        ratio_at_most=1.5,
    ),
    Target(
        "lokgraph --help under 0.15 s",
        "cli_help_s",
        at_most=0.15,
        floor="python_start_s",
        largest=False,
    ),
    Target(
        "lokgraph query --list under 0.15 s",
        "cli_query_list_s",
        at_most=0.15,
        floor="python_start_s",
        largest=False,
    ),
    Target(
        "every command on the Dalarna survey under 0.5 s",
        "dalarna_slowest_s",
        at_most=0.5,
        floor="python_start_s",
        largest=False,
        which="dalarna_slowest",
    ),
    Target(
        "gaps (terminal view) under 0.5 s",
        "cli_gaps_s",
        at_most=0.5,
        floor="python_start_s",
    ),
    Target("extraction at least 2,000 answers/s", "extract_answers_per_s", at_least=2000),
    Target("national overview under 3 MB (issue 13)", "overview_mb", at_most=3.0),
    Target("national overview ready in under 2 s (issue 13)", "overview_ready_s", at_most=2.0),
    Target("demo's first page under 3 MB", "demo_overview_mb", at_most=3.0, largest=False),
    Target(
        "demo's first page ready in under 2 s", "demo_overview_ready_s", at_most=2.0, largest=False
    ),
    Target(
        "extraction linear in text size (growth exponent at most 1.2)",
        "extract_text_exponent",
        at_most=1.2,
        largest=False,
    ),
    Target(
        "diff of two national rounds under 1 s (issue 14)",
        "diff_s",
        at_most=1.0,
        floor="load_floor_s",
    ),
)


def run_measures(ctx: Context, *, once: bool, bolt: bool) -> dict:
    """Every registered measure of one kind, in registry order."""
    row: dict = {"kommuner": ctx.n}
    try:
        for m in MEASURES:
            if m.once == once and (bolt or not m.bolt):
                print(f"  {m.key}", file=sys.stderr, flush=True)
                row[m.key] = m.fn(ctx)
    finally:
        shutil.rmtree(ctx.work, ignore_errors=True)  # a national run leaves some 100 MB
    row.update({k: v for k, v in ctx.values.items() if k.startswith("dalarna")})  # names
    return row


def exponents(rows: list[dict]) -> dict[str, float]:
    """How each stage grows from the smallest size to the largest: t ∝ kommuner^exponent."""
    if len(rows) < 2:
        return {}
    a, b = rows[0], rows[-1]
    scale = math.log(b["kommuner"] / a["kommuner"])
    found = {}
    for m in MEASURES:
        if m.stage and a.get(m.key) and b.get(m.key):
            found[m.key] = math.log(b[m.key] / a[m.key]) / scale
    return found


def _value(m_key: str, rows: list[dict], once: dict, largest: bool):
    return rows[-1].get(m_key) if largest else once.get(m_key)


def judge(rows: list[dict], once: dict) -> list[dict]:
    """Each target with its measure, floor, ratio and whether it is met (None: not measured)."""
    results = []
    for t in TARGETS:
        value = _value(t.key, rows, once, t.largest)
        floor = None
        if t.floor:
            floor = rows[-1].get(t.floor, once.get(t.floor)) if t.largest else once.get(t.floor)
        ratio = value / floor if value is not None and floor else None
        met = None
        if value is not None:
            checks = []
            if t.at_most is not None:
                checks.append(value <= t.at_most)
            if t.at_least is not None:
                checks.append(value >= t.at_least)
            if t.ratio_at_most is not None and ratio is not None:
                checks.append(ratio <= t.ratio_at_most)
            met = all(checks)
        results.append(
            {
                "target": t.text,
                "measure": f"{t.key} ({once[t.which]})" if t.which in once else t.key,
                "key": t.key,
                "kommuner": rows[-1]["kommuner"] if t.largest else None,
                "value": value,
                "floor": floor,
                "ratio": ratio,
                "met": met,
            }
        )
    floors = {m.key for m in MEASURES if m.floor}
    growth = {key: e for key, e in exponents(rows).items() if key not in floors}
    if growth:
        worst = max(growth, key=growth.__getitem__)
        results.append(
            {
                "target": f"growth {rows[0]['kommuner']}→{rows[-1]['kommuner']} kommuner no "
                f"worse than linear (exponent ≤ {LINEAR}) for every stage",
                "measure": worst,
                "key": "growth",
                "kommuner": rows[-1]["kommuner"],
                "value": growth[worst],
                "floor": None,
                "ratio": None,
                "met": growth[worst] <= LINEAR,
            }
        )
    return results


def _cell(fmt: str, value) -> str:
    return "–" if value is None else fmt.format(value)


def measures_table(rows: list[dict], once: dict) -> str:
    """A Markdown table: one column per size and the growth exponent, one row per measure."""
    growth = exponents(rows)
    lines = ["| measure | " + " | ".join(str(r["kommuner"]) for r in rows) + " | exponent |"]
    lines.append("|---|" + "---:|" * (len(rows) + 1))
    for m in MEASURES:
        if m.once or not any(r.get(m.key) is not None for r in rows):
            continue
        cells = [_cell(m.fmt, r.get(m.key)) for r in rows]
        exp = f"{growth[m.key]:.2f}" if m.key in growth else ""
        lines.append(f"| {m.title} | " + " | ".join(cells) + f" | {exp} |")
    lines.append("")
    lines.append("| once per run | s |")
    lines.append("|---|---:|")
    for m in MEASURES:
        if m.once and once.get(m.key) is not None:
            lines.append(f"| {m.title} | {_cell(m.fmt, once[m.key])} |")
    for command, seconds in (once.get("dalarna_s") or {}).items():
        lines.append(f"| Dalarna: lokgraph {command} | {seconds:.3f} |")
    return "\n".join(lines)


def targets_table(results: list[dict]) -> str:
    lines = ["| target | measure | measured | floor | ratio | met |"]
    lines.append("|---|---|---:|---:|---:|---|")
    for r in results:
        met = {True: "yes", False: "**no**", None: "not measured"}[r["met"]]
        where = f" at {r['kommuner']}" if r["kommuner"] else ""
        fmt = next((m.fmt for m in MEASURES if m.key == r["key"]), "{:.3f}")
        value = _cell(fmt if r["key"] != "growth" else "{:.2f}", r["value"])
        floor = "–" if r["floor"] is None else f"{r['floor']:.3f}"
        ratio = "–" if r["ratio"] is None else f"{r['ratio']:.1f}×"
        cells = (r["target"], f"{r['measure']}{where}", value, floor, ratio, met)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


@contextlib.contextmanager
def _neo4j_env(bolt: bool):
    """NEO4J_URI and credentials for the child processes: the user's server when NEO4J_URI is
    set, else one Neo4j 5.26 started for the whole run (tests/neo4j_server.py)."""
    if not bolt or os.environ.get("NEO4J_URI"):
        yield os.environ.copy()
        return
    from tests.neo4j_server import neo4j_server

    with neo4j_server() as server:
        env = {"NEO4J_URI": server.uri, "NEO4J_USER": server.user}
        yield {**os.environ, **env, "NEO4J_PASSWORD": server.password}


def _child(args: argparse.Namespace, which: list[str], env: dict) -> dict | None:
    cmd = [sys.executable, __file__, *which, "--seed", str(args.seed)]
    cmd += ["--quick"] if args.quick else []
    cmd += ["--no-bolt"] if args.no_bolt else []
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, env=env)
    if done.returncode != 0:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--sizes", type=int, nargs="*", help="kommun counts to run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-bolt", action="store_true", help="skip the push to Neo4j")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size
    parser.add_argument("--once", action="store_true", help=argparse.SUPPRESS)  # child: once
    args = parser.parse_args(argv)
    repeats, warmup = (1, 0) if args.quick else (3, 1)
    compile_sources()
    if args.one or args.once:
        # the collector as the console script sets it: a stage in this process then runs as
        # the command runs it (with Python's default thresholds the diff, which does not pause
        # the collector, made 88 collections at 290 kommuner where the command makes one)
        one_command()
        ctx = Context(args.one or 0, seed=args.seed, repeats=repeats, warmup=warmup)
        row = run_measures(ctx, once=args.once, bolt=not args.no_bolt)
        print(json.dumps(row))
        return 0
    sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    rows = []
    with _neo4j_env(not args.no_bolt) as env:
        print("running start-up and the Dalarna survey …", file=sys.stderr, flush=True)
        once = _child(args, ["--once"], env)
        if once is None:
            return 1
        for n in sizes:
            print(f"running {n} kommuner …", file=sys.stderr, flush=True)
            row = _child(args, ["--one", str(n)], env)
            if row is None:
                return 1
            rows.append(row)
    results = judge(rows, once)
    heading = (
        f"Measured on {dt.date.today().isoformat()} (Python {platform.python_version()}, "
        f"{os.cpu_count()} cores):"
    )
    print("\n\n".join([heading, measures_table(rows, once), targets_table(results)]))
    input_growth = _input_growth(quick=args.quick)
    if args.json:
        doc = {"date": dt.date.today().isoformat(), "sizes": rows, "once": once}
        doc["targets"] = results
        doc["input_growth"] = input_growth
        args.json.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    return 0


def compile_sources() -> bool:
    """Compile lokgraph's modules to bytecode, as pip does when it installs the package.

    The commands are measured as a planner runs them: installed, their bytecode compiled
    once. An editable install in an environment with PYTHONDONTWRITEBYTECODE set (as on the
    machine the README's figures come from) never writes bytecode, so every command compiled
    every module it imports at every start (a sixth of the Dalarna import). Python still
    reads bytecode that is there, and compiles again in memory any module changed since.
    """
    import compileall

    return all(
        compileall.compile_dir(ROOT / package, quiet=1)
        for package in ("lokgraph", "loaders", "queries", "visualizations")
    )


def _input_growth(*, quick: bool) -> dict:
    """Import time over the size of one input (bench/growth.py, issue 16) and its exponent,
    in a process of its own."""
    from bench.growth import QUICK_SIZES as LINES_QUICK
    from bench.growth import SIZES as LINES
    from bench.growth import table as growth_table

    print("running input growth …", file=sys.stderr, flush=True)
    sizes = [str(n) for n in (LINES_QUICK if quick else LINES)]
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "growth.py"), "--print-json", "--sizes", *sizes],
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print("\n" + growth_table(result))
    return result


if __name__ == "__main__":
    sys.exit(main())
