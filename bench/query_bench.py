"""Times every gap query over networkx on a national-size synthetic graph (best of 3).

    python bench/query_bench.py                  # 290 kommuner, seed 1
    python bench/query_bench.py --kommuner 49 --seed 2 --repeats 5
    python bench/query_bench.py --check          # exit 1 if a query takes a second or more

Prints one row per query: the best time, the number of gaps and whether it is under the
budget of one second that issue 5 sets.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.timing import best_of  # noqa: E402
from lokgraph.graph import summary  # noqa: E402
from lokgraph.synth import synth_graph  # noqa: E402
from queries.registry import all_queries  # noqa: E402

__all__ = ["BUDGET_S", "bench_queries", "main"]

BUDGET_S = 1.0


def bench_queries(n_kommuner: int = 290, seed: int = 1, repeats: int = 3) -> dict:
    """Build the synthetic graph and time each query; returns the figures as a dict."""
    build_s, graph = best_of(lambda: synth_graph(n_kommuner, seed), 1)
    rows = []
    for query in all_queries():
        seconds, gaps = best_of(lambda q=query: q.function(graph), repeats)
        rows.append({"query": query.name, "seconds": seconds, "gaps": len(gaps)})
    return {
        "kommuner": n_kommuner,
        "seed": seed,
        "repeats": repeats,
        "build_s": build_s,
        "graph": summary(graph),
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "queries": rows,
    }


def _table(result: dict) -> str:
    lines = [
        f"Synthetic graph: {result['kommuner']} kommuner, seed {result['seed']}: "
        f"{result['nodes']} nodes, {result['edges']} edges, built in {result['build_s']:.2f} s",
        f"Each query over networkx, best of {result['repeats']}:",
        "",
        f"{'query':<20} {'time':>10} {'gaps':>6}  under {BUDGET_S:g} s",
        f"{'-' * 20} {'-' * 10} {'-' * 6}  {'-' * 10}",
    ]
    for row in result["queries"]:
        ok = "yes" if row["seconds"] < BUDGET_S else "NO"
        lines.append(f"{row['query']:<20} {row['seconds'] * 1000:>7.1f} ms {row['gaps']:>6}  {ok}")
    total = sum(row["seconds"] for row in result["queries"])
    lines.append(f"{'all queries':<20} {total * 1000:>7.1f} ms")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kommuner", type=int, default=290, help="how many kommuner (1-290)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3, help="runs per query; the best counts")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--check", action="store_true", help="exit 1 if a query is over budget")
    args = parser.parse_args(argv)
    result = bench_queries(args.kommuner, args.seed, args.repeats)
    print(_table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    slow = [row["query"] for row in result["queries"] if row["seconds"] >= BUDGET_S]
    if args.check and slow:
        print(f"over {BUDGET_S:g} s: {', '.join(slow)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
