"""How import time grows with the size of one input: many short lines about one kommun.

Every line names the same kommun, group and party, so every fact lands on the same few nodes
and edges: the case where merging evidence used to re-sort everything per fact (issue 16).
The exponent is the slope of log(time) over log(lines); 1.0 is linear, 2.0 quadratic.

    python bench/growth.py              # 1,000 to 16,000 lines
    python bench/growth.py --quick      # 250 to 1,000 lines
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timing import best_of  # noqa: E402

__all__ = ["exponent", "growth", "import_lines"]

SIZES = (1_000, 4_000, 16_000)
QUICK_SIZES = (250, 500, 1_000)
LINES = (
    "BUP deltar inte i styrgruppen, rad {i}.",
    "Socialtjänsten och elevhälsan deltar i konsultationsteamet ({i}).",
    "Vi har ingen LÖK än, det noterades vid möte {i}.",
)


def import_lines(n: int, work: Path) -> float:
    """Seconds to import a text of n lines about Leksand, file to store bytes, in this process."""
    from loaders.importer import read_path
    from lokgraph.graph import merge, new_graph
    from lokgraph.store import graph_to_json

    path = work / f"rader-{n}.txt"
    path.write_text(
        "\n".join(LINES[i % len(LINES)].format(i=i) for i in range(n)) + "\n", encoding="utf-8"
    )

    def run() -> str:
        graph = new_graph()
        merge(graph, read_path(path, kommun="Leksand").structure)
        return graph_to_json(graph)

    seconds, _ = best_of(run, 1)
    return seconds


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """The least-squares slope of log(seconds) over log(size).

    >>> round(exponent([1, 2, 4], [1.0, 4.0, 16.0]), 2)
    2.0
    """
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-9)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def growth(sizes: tuple[int, ...]) -> dict:
    """Import seconds per size and their growth exponent."""
    from loaders.extract import load_vocabulary

    load_vocabulary()
    work = Path(tempfile.mkdtemp(prefix="lokgraph-growth-"))
    seconds = [import_lines(n, work) for n in sizes]
    return {
        "lines": list(sizes),
        "seconds": seconds,
        "exponent": exponent(list(sizes), seconds),
    }


def table(result: dict) -> str:
    """A Markdown table: seconds and lines per second for each size, then the exponent."""
    lines = ["| lines about one kommun | " + " | ".join(f"{n:,}" for n in result["lines"]) + " |"]
    lines.append("|---|" + "---:|" * len(result["lines"]))
    lines.append("| import s | " + " | ".join(f"{t:.2f}" for t in result["seconds"]) + " |")
    rates = [n / t for n, t in zip(result["lines"], result["seconds"], strict=True)]
    lines.append("| lines/s | " + " | ".join(f"{r:,.0f}" for r in rates) + " |")
    lines.append(f"\ngrowth exponent for input size: {result['exponent']:.2f} (1.0 = linear)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--sizes", type=int, nargs="*", help="line counts to run")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--print-json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    result = growth(tuple(args.sizes or (QUICK_SIZES if args.quick else SIZES)))
    if args.print_json:  # bench/run.py reads the last line
        print(json.dumps(result))
        return 0
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
