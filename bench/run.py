"""The benchmark: every stage of lokgraph at 15, 49 and 290 kommuner, in one run on this machine.

Each size runs in its own Python process, so peak memory is that size's alone. Prints a table
and writes it as JSON. Quick mode (for CI) uses small sizes and asserts nothing: it only keeps
the script from rotting.

    python bench/run.py                 # 15, 49, 290 kommuner
    python bench/run.py --quick         # 5 and 15 kommuner, fewer repeats
    python bench/run.py --json out.json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timing import best_of  # noqa: E402

SIZES = (15, 49, 290)
QUICK_SIZES = (5, 15)


def measure(n: int, *, seed: int, repeats: int, bolt: bool) -> dict:
    """All stages for one size, in this process."""
    from loaders.extract import extract_answers
    from loaders.survey_dump import load_survey_dump
    from lokgraph.from_facts import facts_to_structure, survey_source
    from lokgraph.graph import build_graph, merge
    from lokgraph.store import FileStore
    from lokgraph.synth import synth_structure, synth_survey_dump, synth_truth
    from queries.registry import all_queries, run_query
    from visualizations.matrix import matrix_html
    from visualizations.network_map import map_html
    from visualizations.report import report_html

    row: dict = {"kommuner": n}
    work = Path(tempfile.mkdtemp(prefix="lokgraph-bench-"))
    truth = synth_truth(n, seed)
    survey_path = work / "enkat.txt"
    survey_path.write_text(synth_survey_dump(truth, seed), encoding="utf-8")

    from loaders.extract import load_vocabulary

    load_vocabulary()  # compile the vocabulary once, as a long-running import would
    # the whole pipeline, as a planner runs it: survey file → facts → graph → store → report
    start = time.perf_counter()
    survey = load_survey_dump(survey_path)
    t_extract, facts = best_of(lambda: extract_answers(survey.answers), 1)
    source, base = survey_source(
        path=str(survey_path),
        title=survey.title,
        surveyed=survey.surveyed,
        answered=sorted({a.kommun for a in survey.answers if a.kommun}),
    )
    graph = build_graph(synth_structure(truth))
    merge(graph, base + facts_to_structure(facts, source=source))
    store = FileStore(work / "store.json")
    store.save(graph)
    gaps = {q.name: run_query(q.name, graph) for q in all_queries()}
    report = report_html(graph)
    (work / "rapport.html").write_text(report, encoding="utf-8")
    row["pipeline_s"] = time.perf_counter() - start

    row["answers"] = len(survey.answers)
    row["facts"] = len(facts)
    row["extract_answers_per_s"] = len(survey.answers) / t_extract if t_extract else None
    row["nodes"] = graph.number_of_nodes()
    row["edges"] = graph.number_of_edges()
    row["build_s"], _ = best_of(lambda: build_graph(synth_structure(truth)), repeats)
    row["save_s"], _ = best_of(lambda: store.save(graph), repeats)
    row["load_s"], _ = best_of(store.load, repeats)
    row["store_mb"] = store.path.stat().st_size / 1e6
    per_query = {}
    for q in all_queries():
        per_query[q.name], _ = best_of(lambda q=q: run_query(q.name, graph), repeats)
    row["queries_s"] = per_query
    row["all_queries_s"] = sum(per_query.values())
    row["gaps"] = sum(len(v) for v in gaps.values())
    row["map_s"], html = best_of(lambda: map_html(graph), 1)
    row["map_mb"] = len(html.encode("utf-8")) / 1e6
    row["matrix_s"], html = best_of(lambda: matrix_html(graph), 1)
    row["matrix_mb"] = len(html.encode("utf-8")) / 1e6
    row["report_mb"] = len(report.encode("utf-8")) / 1e6
    lan = _one_lan_graph(graph)
    row["lan_map_s"], html = best_of(lambda: map_html(lan), 1)
    row["lan_map_mb"] = len(html.encode("utf-8")) / 1e6
    (work / "lan.html").write_text(html, encoding="utf-8")
    row["lan_map_settle_s"] = _settle_seconds(work / "lan.html")
    if bolt:
        row.update(_bolt(graph))
    row["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return row


def _one_lan_graph(graph):
    """The largest län's part of the graph: what a county planner maps."""
    from collections import Counter

    lans = Counter(d.get("lan_kod") for _, d in graph.nodes(data=True) if d.get("kind") == "kommun")
    lan = lans.most_common(1)[0][0]
    keep = set()
    for node, data in graph.nodes(data=True):
        if data.get("kind") == "kommun" and data.get("lan_kod") == lan:
            keep.add(node)
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


def _bolt(graph) -> dict:
    """Push to Neo4j (NEO4J_URI, set by main), batched and one row per query, in the same run."""
    from lokgraph.neo4j_store import Neo4jStore

    result: dict = {}
    uri = os.environ["NEO4J_URI"]
    with Neo4jStore(uri) as store:
        store.clear()
        rows = graph.number_of_nodes() + graph.number_of_edges()
        start = time.perf_counter()
        store.save(graph)
        elapsed = time.perf_counter() - start
        result["push_rows"] = rows
        result["push_batched_rows_per_s"] = rows / elapsed
        store.clear()
    sample = graph.subgraph(list(graph.nodes)[:1500]).copy()
    sample_rows = sample.number_of_nodes() + sample.number_of_edges()
    with Neo4jStore(uri, batch_size=1) as single:
        start = time.perf_counter()
        single.save(sample)
        result["push_per_row_rows_per_s"] = sample_rows / (time.perf_counter() - start)
        single.clear()
    result["push_ratio"] = result["push_batched_rows_per_s"] / result["push_per_row_rows_per_s"]
    return result


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


COLUMNS = (
    ("kommuner", "kommuner", "{:d}"),
    ("nodes", "nodes", "{:d}"),
    ("edges", "edges", "{:d}"),
    ("answers", "answers", "{:d}"),
    ("extract_answers_per_s", "extract answers/s", "{:,.0f}"),
    ("build_s", "build s", "{:.3f}"),
    ("save_s", "save s", "{:.3f}"),
    ("load_s", "load s", "{:.3f}"),
    ("store_mb", "store MB", "{:.2f}"),
    ("all_queries_s", "all queries s", "{:.3f}"),
    ("map_s", "map s", "{:.2f}"),
    ("map_mb", "map MB", "{:.2f}"),
    ("lan_map_mb", "län map MB", "{:.2f}"),
    ("lan_map_settle_s", "län map settles s", "{:.2f}"),
    ("matrix_s", "matrix s", "{:.3f}"),
    ("matrix_mb", "matrix MB", "{:.2f}"),
    ("report_mb", "report MB", "{:.2f}"),
    ("pipeline_s", "pipeline s", "{:.2f}"),
    ("push_batched_rows_per_s", "push batched rows/s", "{:,.0f}"),
    ("push_per_row_rows_per_s", "push per-row rows/s", "{:,.0f}"),
    ("push_ratio", "batched/per-row", "{:.1f}×"),
    ("peak_mb", "peak MB", "{:.0f}"),
)


def table(rows: list[dict]) -> str:
    """A Markdown table: one column per size, one row per measure."""
    lines = ["| measure | " + " | ".join(str(r["kommuner"]) for r in rows) + " |"]
    lines.append("|---|" + "---:|" * len(rows))
    for key, title, fmt in COLUMNS[1:]:
        if not any(r.get(key) is not None for r in rows):
            continue
        cells = [fmt.format(r[key]) if r.get(key) is not None else "–" for r in rows]
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    names = sorted({q for r in rows for q in r.get("queries_s", {})})
    for name in names:
        cells = [f"{r['queries_s'][name] * 1000:.1f} ms" for r in rows]
        lines.append(f"| query {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--sizes", type=int, nargs="*", help="kommun counts to run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-bolt", action="store_true", help="skip the push to Neo4j")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size
    args = parser.parse_args(argv)
    repeats = 1 if args.quick else 3
    if args.one:
        row = measure(args.one, seed=args.seed, repeats=repeats, bolt=not args.no_bolt)
        print(json.dumps(row))
        return 0
    sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    rows = []
    with _neo4j_env(not args.no_bolt) as env:
        for n in sizes:
            cmd = [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)]
            cmd += ["--quick"] if args.quick else []
            cmd += ["--no-bolt"] if args.no_bolt else []
            print(f"running {n} kommuner …", file=sys.stderr, flush=True)
            done = subprocess.run(cmd, capture_output=True, text=True, env=env)
            if done.returncode != 0:
                sys.stderr.write(done.stderr)
                return done.returncode
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
