"""Measures of lokgraph's stages in one process: extraction, build, store, queries, pages, push;
and their floors, measured in the same run."""

from __future__ import annotations

import importlib
import json
import os
import time
from pathlib import Path

from bench.registry import Context, measure

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
    gaps = run_all(graph)  # the report shows these gaps: it does not ask the queries again
    (ctx.work / "rapport.html").write_text(report_html(graph, gaps=gaps), encoding="utf-8")
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


@measure("build_floor_s", "floor: networkx from tuples s", stage=True, floor=True)
def _build_floor(ctx: Context) -> float:
    import networkx as nx

    from lokgraph.collector import collector_paused

    nodes = list(ctx.graph.nodes(data=True))
    edges = list(ctx.graph.edges(keys=True, data=True))

    def from_tuples():
        # the collector paused as the build pauses it (lokgraph.graph): with it on, the floor
        # was half collection at 290 kommuner and grew with exponent 1.36, which made the
        # build look 2.4x its floor when it is about 4.7x the same work done the same way
        with collector_paused():
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


@measure("save_floor_s", "floor: json.dumps (C encoder) s", stage=True, floor=True)
def _save_floor(ctx: Context) -> float:
    """`json.dumps` with the C encoder of the document the store writes (version 2: the graph's
    node and edge dicts, keys sorted, an item a line), as parsed from the store file."""
    from lokgraph.collector import collector_paused
    from lokgraph.store_text import SEPARATORS

    doc = json.loads(ctx.store_path.read_text(encoding="utf-8"))
    options = {"ensure_ascii": False, "sort_keys": True, "separators": SEPARATORS}

    def floor():
        with collector_paused():  # as the store's save pauses it (lokgraph.store)
            return json.dumps(doc, **options)

    return ctx.best(floor)


@measure("load_s", "load s", stage=True)
def _load(ctx: Context) -> float:
    from lokgraph.store import FileStore

    return ctx.best(FileStore(ctx.store_path).load)


@measure("load_floor_s", "floor: json.loads + networkx s", stage=True, floor=True)
def _load_floor(ctx: Context) -> float:
    import networkx as nx

    from lokgraph.collector import collector_paused

    def floor():
        # the collector paused as the store's load pauses it: with it on, the floor itself
        # was half collection in a process that holds other graphs (and grew with exponent 1.5)
        with collector_paused():
            doc = json.loads(ctx.store_path.read_text(encoding="utf-8"))
            graph = nx.MultiDiGraph()
            graph.add_nodes_from(doc["nodes"].items())
            graph.add_edges_from(
                (u, v, key, edge)
                for u, out in doc["edges"].items()
                for v, keyed in out.items()
                for key, edge in keyed.items()
            )
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


def _page(key: str, render: str, fmt: str = "{:.2f}", *, file: str | None = None) -> None:
    """Register ``{key}_s``, the seconds `render` (``module:function``, imported when measured)
    takes to draw the whole graph's page, and ``{key}_mb``, the page's size; with `file`, the
    page is also written to that file in the work folder (for the browser measures)."""

    @measure(f"{key}_s", f"{key} s", fmt, stage=True)
    def _seconds(ctx: Context) -> float:
        module, name = render.split(":")
        draw = getattr(importlib.import_module(module), name)
        start = time.perf_counter()
        html = draw(ctx.graph)
        elapsed = time.perf_counter() - start
        ctx.values[key] = html
        if file:
            (ctx.work / file).write_text(html, encoding="utf-8")
        return elapsed

    @measure(f"{key}_mb", f"{key} MB", "{:.2f}")
    def _megabytes(ctx: Context) -> float:
        return len(ctx.values[key].encode("utf-8")) / 1e6


_page("map", "visualizations.network_map:map_html")


@measure("lan_map_mb", "län map MB", "{:.2f}")
def _lan_map_mb(ctx: Context) -> float:
    from visualizations.network_map import map_html

    html = map_html(_one_lan_graph(ctx.graph))
    (ctx.work / "lan.html").write_text(html, encoding="utf-8")
    return len(html.encode("utf-8")) / 1e6


@measure("lan_map_settle_s", "län map settles s", "{:.2f}")
def _lan_map_settle(ctx: Context) -> float | None:
    return _settle_seconds(ctx.work / "lan.html")


# the geographic overview of Sweden: the first page of `lokgraph map` and the demo
_page("overview", "visualizations.overview:overview_html", file="karta.html")


@measure("overview_ready_s", "overview ready s", "{:.2f}")
def _overview_ready(ctx: Context) -> float | None:
    return _settle_seconds(ctx.work / "karta.html")


@measure("demo_overview_mb", "demo first page MB", "{:.2f}", once=True)
def _demo_overview_mb(ctx: Context) -> float:
    from bench.screenshots import example_graph
    from visualizations.map_set import write_maps

    first = write_maps(example_graph(), ctx.work / "demo" / "karta.html")[0]
    return first.stat().st_size / 1e6


@measure("demo_overview_ready_s", "demo first page ready s", "{:.2f}", once=True)
def _demo_overview_ready(ctx: Context) -> float | None:
    return _settle_seconds(ctx.work / "demo" / "karta.html")


_page("matrix", "visualizations.matrix:matrix_html", "{:.3f}")
_page("report", "visualizations.report:report_html")


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
