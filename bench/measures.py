"""The benchmark's measures: one registry, each measure a small function of a `Context`.

A measure is either per size (run once for each kommun count, in that size's own process) or
once per run (start-up, the real Dalarna survey). A floor is a measure too: the least work the
same job could take, measured in the same run, so that a target can be a ratio that holds when
the machine's speed drifts. To add a measure, write a function and decorate it:

    @measure("gaps_json_s", "gaps --json (process) s", stage=True)
    def _gaps_json(ctx: Context) -> float:
        return ctx.whole("gaps", "--json", "--store", str(ctx.store_path))[0]

and, if it has one, add its target to `TARGETS` in bench/run.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from bench.timing import best_of

__all__ = ["MEASURES", "Context", "Measure", "measure", "whole_process"]

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
DALARNA = SEEDS / "000_06d682ea16d55562.txt"


@dataclass(frozen=True)
class Measure:
    key: str
    title: str
    fn: Callable[[Context], float | None]
    fmt: str = "{:.3f}"
    once: bool = False  # once per run, not per size
    stage: bool = False  # a time that should grow no faster than the data: print its exponent
    bolt: bool = False  # needs the Neo4j server


MEASURES: list[Measure] = []


def measure(key: str, title: str, fmt: str = "{:.3f}", **flags: bool):
    """Register a measure; the registry's order is the table's order."""

    def register(fn: Callable[[Context], float | None]):
        MEASURES.append(Measure(key, title, fn, fmt, **flags))
        return fn

    return register


def _lokgraph() -> str:
    """The installed console script beside this Python (what a planner runs)."""
    here = Path(sys.executable).parent / "lokgraph"
    return str(here) if here.exists() else (shutil.which("lokgraph") or "lokgraph")


def whole_process(
    argv: list[str], *, repeats: int, warmup: int = 0, before: Callable[[], object] | None = None
) -> tuple[float, float]:
    """The fastest wall time (s) of a whole process over `repeats` runs, and its peak memory
    (MB, the largest of the runs), its output thrown away. A failing command raises."""
    best, peak = float("inf"), 0.0
    with tempfile.TemporaryFile() as errors:
        for i in range(warmup + max(1, repeats)):
            if before is not None:
                before()
            errors.seek(0)
            errors.truncate()
            start = time.perf_counter()
            proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors)
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            if proc.returncode != 0:
                errors.seek(0)
                message = errors.read().decode("utf-8", "replace")
                raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}:\n{message}")
            if i >= warmup:
                best = min(best, elapsed)
                peak = max(peak, usage.ru_maxrss / 1024)
    return best, peak


class Context:
    """What the measures of one size share, each made once when first asked for."""

    def __init__(self, n: int, *, seed: int, repeats: int, warmup: int) -> None:
        self.n, self.seed, self.repeats, self.warmup = n, seed, repeats, warmup
        self.work = Path(tempfile.mkdtemp(prefix="lokgraph-bench-"))
        self.values: dict[str, object] = {}  # results a later measure reuses (an HTML page)

    def best(self, fn: Callable[[], object], repeats: int | None = None) -> float:
        return best_of(fn, self.repeats if repeats is None else repeats)[0]

    def whole(self, *args: str, before: Callable[[], object] | None = None) -> tuple[float, float]:
        """A lokgraph command as a planner runs it: (best wall s, peak MB)."""
        return whole_process(
            [_lokgraph(), *args], repeats=self.repeats, warmup=self.warmup, before=before
        )

    @cached_property
    def truth(self):
        from lokgraph.synth import synth_truth

        return synth_truth(self.n, self.seed)

    @cached_property
    def survey_path(self) -> Path:
        from lokgraph.synth import synth_survey_dump

        path = self.work / "enkat.txt"
        path.write_text(synth_survey_dump(self.truth, self.seed), encoding="utf-8")
        return path

    @cached_property
    def survey(self):
        from loaders.extract import load_vocabulary
        from loaders.survey_dump import load_survey_dump

        load_vocabulary()  # compiled once, as in a long-running import
        return load_survey_dump(self.survey_path)

    @cached_property
    def curated(self):
        from lokgraph.synth import synth_structure

        return synth_structure(self.truth)

    @cached_property
    def source_and_base(self):
        from lokgraph.from_facts import survey_source

        survey = self.survey
        return survey_source(
            path=str(self.survey_path),
            title=survey.title,
            surveyed=survey.surveyed,
            answered=sorted({a.kommun for a in survey.answers if a.kommun}),
        )

    @cached_property
    def facts(self) -> list:
        from loaders.extract import extract_answers

        start = time.perf_counter()
        facts = extract_answers(self.survey.answers)
        self.values["extract_s"] = time.perf_counter() - start
        return facts

    def build(self):
        """Facts and the curated structure to a graph: what lokgraph does after extraction."""
        from lokgraph.from_facts import facts_to_structure
        from lokgraph.graph import build_graph, merge

        source, base = self.source_and_base
        graph = build_graph(self.curated)
        merge(graph, base + facts_to_structure(self.facts, source=source))
        return graph

    @cached_property
    def graph(self):
        return self.build()

    @cached_property
    def store_path(self) -> Path:
        from lokgraph.store import FileStore

        path = self.work / "store.json"
        FileStore(path).save(self.graph)
        return path


# -- the whole pipeline, in one process ------------------------------------------------------


@measure("pipeline_s", "pipeline s", "{:.2f}", stage=True)
def _pipeline(ctx: Context) -> float:
    """Survey file → facts → graph → store → every gap query → report, as a planner runs it."""
    from loaders.extract import extract_answers, load_vocabulary
    from loaders.survey_dump import load_survey_dump
    from lokgraph.from_facts import facts_to_structure, survey_source
    from lokgraph.graph import build_graph, merge
    from lokgraph.store import FileStore
    from queries.registry import run_all
    from visualizations.report import report_html

    load_vocabulary()
    path = ctx.survey_path
    start = time.perf_counter()
    survey = load_survey_dump(path)
    facts = extract_answers(survey.answers)
    source, base = survey_source(
        path=str(path),
        title=survey.title,
        surveyed=survey.surveyed,
        answered=sorted({a.kommun for a in survey.answers if a.kommun}),
    )
    graph = build_graph(ctx.curated)
    merge(graph, base + facts_to_structure(facts, source=source))
    FileStore(ctx.work / "pipeline.json").save(graph)
    run_all(graph)
    (ctx.work / "rapport.html").write_text(report_html(graph), encoding="utf-8")
    return time.perf_counter() - start


# -- sizes ------------------------------------------------------------------------------------


@measure("nodes", "nodes", "{:d}")
def _nodes(ctx: Context) -> int:
    return ctx.graph.number_of_nodes()


@measure("edges", "edges", "{:d}")
def _edges(ctx: Context) -> int:
    return ctx.graph.number_of_edges()


@measure("answers", "answers", "{:d}")
def _answers(ctx: Context) -> int:
    return len(ctx.survey.answers)


# -- extraction, build, store -----------------------------------------------------------------


@measure("extract_answers_per_s", "extract answers/s", "{:,.0f}")
def _extract_rate(ctx: Context) -> float:
    ctx.facts  # noqa: B018 (times itself)
    return len(ctx.survey.answers) / ctx.values["extract_s"]


@measure("extract_s", "extract s", stage=True)
def _extract(ctx: Context) -> float:
    ctx.facts  # noqa: B018
    return ctx.values["extract_s"]


@measure("build_s", "build s (facts → graph)", stage=True)
def _build(ctx: Context) -> float:
    return ctx.best(ctx.build)


@measure("build_floor_s", "floor: networkx from tuples s", stage=True)
def _build_floor(ctx: Context) -> float:
    import networkx as nx

    nodes = list(ctx.graph.nodes(data=True))
    edges = list(ctx.graph.edges(keys=True, data=True))

    def from_tuples():
        graph = nx.MultiDiGraph()
        graph.add_nodes_from(nodes)
        graph.add_edges_from(edges)
        return graph

    return ctx.best(from_tuples)


@measure("save_s", "save s", stage=True)
def _save(ctx: Context) -> float:
    from lokgraph.store import FileStore

    store = FileStore(ctx.work / "save.json")
    return ctx.best(lambda: store.save(ctx.graph))


@measure("save_floor_s", "floor: json.dumps (C encoder) s", stage=True)
def _save_floor(ctx: Context) -> float:
    doc = json.loads(ctx.store_path.read_text(encoding="utf-8"))
    return ctx.best(lambda: json.dumps(doc, ensure_ascii=False, sort_keys=True))


@measure("load_s", "load s", stage=True)
def _load(ctx: Context) -> float:
    from lokgraph.store import FileStore

    return ctx.best(FileStore(ctx.store_path).load)


@measure("load_floor_s", "floor: json.loads + networkx s", stage=True)
def _load_floor(ctx: Context) -> float:
    import networkx as nx

    def floor():
        doc = json.loads(ctx.store_path.read_text(encoding="utf-8"))
        graph = nx.MultiDiGraph()
        graph.add_nodes_from((node.pop("id"), node) for node in doc["nodes"])
        graph.add_edges_from((e.pop("source"), e.pop("target"), e["type"], e) for e in doc["edges"])
        return graph

    return ctx.best(floor)


@measure("store_mb", "store MB", "{:.2f}")
def _store_mb(ctx: Context) -> float:
    return ctx.store_path.stat().st_size / 1e6


# -- queries and pages, in one process ---------------------------------------------------------


@measure("all_queries_s", "all queries s (shared index)", stage=True)
def _queries(ctx: Context) -> float:
    from queries.registry import run_all

    return ctx.best(lambda: run_all(ctx.graph))


@measure("map_s", "map s", "{:.2f}", stage=True)
def _map(ctx: Context) -> float:
    from visualizations.network_map import map_html

    start = time.perf_counter()
    ctx.values["map"] = map_html(ctx.graph)
    return time.perf_counter() - start


@measure("map_mb", "map MB", "{:.2f}")
def _map_mb(ctx: Context) -> float:
    return len(ctx.values["map"].encode("utf-8")) / 1e6


@measure("lan_map_mb", "län map MB", "{:.2f}")
def _lan_map_mb(ctx: Context) -> float:
    from visualizations.network_map import map_html

    html = map_html(_one_lan_graph(ctx.graph))
    (ctx.work / "lan.html").write_text(html, encoding="utf-8")
    return len(html.encode("utf-8")) / 1e6


@measure("lan_map_settle_s", "län map settles s", "{:.2f}")
def _lan_map_settle(ctx: Context) -> float | None:
    return _settle_seconds(ctx.work / "lan.html")


@measure("matrix_s", "matrix s", stage=True)
def _matrix(ctx: Context) -> float:
    from visualizations.matrix import matrix_html

    start = time.perf_counter()
    ctx.values["matrix"] = matrix_html(ctx.graph)
    return time.perf_counter() - start


@measure("matrix_mb", "matrix MB", "{:.2f}")
def _matrix_mb(ctx: Context) -> float:
    return len(ctx.values["matrix"].encode("utf-8")) / 1e6


@measure("report_s", "report s", "{:.2f}", stage=True)
def _report(ctx: Context) -> float:
    from visualizations.report import report_html

    start = time.perf_counter()
    ctx.values["report"] = report_html(ctx.graph)
    return time.perf_counter() - start


@measure("report_mb", "report MB", "{:.2f}")
def _report_mb(ctx: Context) -> float:
    return len(ctx.values["report"].encode("utf-8")) / 1e6


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


# -- Bolt (only without --no-bolt) -------------------------------------------------------------


@measure("push_batched_rows_per_s", "push batched rows/s", "{:,.0f}", bolt=True)
def _push(ctx: Context) -> float:
    from lokgraph.neo4j_store import Neo4jStore

    graph = ctx.graph
    uri = os.environ["NEO4J_URI"]
    with Neo4jStore(uri) as store:
        store.clear()
        rows = graph.number_of_nodes() + graph.number_of_edges()
        start = time.perf_counter()
        store.save(graph)
        rate = rows / (time.perf_counter() - start)
        store.clear()
    return rate


@measure("push_per_row_rows_per_s", "push per-row rows/s", "{:,.0f}", bolt=True)
def _push_per_row(ctx: Context) -> float:
    from lokgraph.neo4j_store import Neo4jStore

    sample = ctx.graph.subgraph(list(ctx.graph.nodes)[:1500]).copy()
    rows = sample.number_of_nodes() + sample.number_of_edges()
    with Neo4jStore(os.environ["NEO4J_URI"], batch_size=1) as single:
        start = time.perf_counter()
        single.save(sample)
        rate = rows / (time.perf_counter() - start)
        single.clear()
    return rate


# -- helpers ----------------------------------------------------------------------------------


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)


def _one_lan_graph(graph):
    """The largest län's part of the graph: what a county planner maps."""
    from collections import Counter

    lans = Counter(d.get("lan_kod") for _, d in graph.nodes(data=True) if d.get("kind") == "kommun")
    lan = lans.most_common(1)[0][0]
    keep = {
        node
        for node, data in graph.nodes(data=True)
        if data.get("kind") == "kommun" and data.get("lan_kod") == lan
    }
    for node in list(keep):
        for u, _, key in graph.in_edges(node, keys=True):
            if key == "SERVES":
                keep.add(u)
    for node in list(keep):
        keep.update(u for u, _ in graph.in_edges(node))
        keep.update(v for _, v in graph.out_edges(node))
    return graph.subgraph(keep).copy()


def _settle_seconds(path: Path) -> float | None:
    """Seconds until the map's physics has settled in headless Chromium (None without it)."""
    if not Path("/usr/bin/chromium").exists():
        return None
    from playwright.sync_api import sync_playwright

    from tests.fixtures_browser import CHROMIUM_ARGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=list(CHROMIUM_ARGS))
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.lokgraphReady === true", timeout=60_000)
        elapsed = time.perf_counter() - start
        browser.close()
    return elapsed
