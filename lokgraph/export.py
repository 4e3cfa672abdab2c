"""Ways out for other tools: GraphML and GEXF for Gephi, node-link JSON, CSV sheets for Kumu.

Those formats take only scalar attributes, so evidence and lists travel as JSON text in one
attribute; the graph itself is never changed.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx

from .errors import InputError
from .store import write_atomic

__all__ = ["FORMATS", "export", "flat_graph"]

FORMATS = ("graphml", "gexf", "json", "csv")


def _scalar(value: object) -> object:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all strings, numbers or booleans."""
    flat = nx.MultiDiGraph()
    for node, attrs in sorted(graph.nodes(data=True)):
        flat.add_node(node, **{k: _scalar(v) for k, v in attrs.items() if v is not None})
    for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        flat.add_edge(u, v, key=key, **{k: _scalar(x) for k, x in attrs.items() if x is not None})
    return flat


def _csv_text(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _kumu_sheets(graph: nx.MultiDiGraph) -> tuple[str, str]:
    """Kumu's two sheets: elements (ID, Label, Type, …) and connections (From, To, Type, …)."""
    flat = flat_graph(graph)
    extra = sorted({k for _, d in flat.nodes(data=True) for k in d} - {"name", "label"})
    elements = [
        {
            "ID": n,
            "Label": d.get("name", n),
            "Type": d.get("label", ""),
            **{k: d.get(k, "") for k in extra},
        }
        for n, d in flat.nodes(data=True)
    ]
    edge_extra = sorted({k for *_, d in flat.edges(data=True) for k in d} - {"type"})
    connections = [
        {"From": u, "To": v, "Type": k, **{x: d.get(x, "") for x in edge_extra}}
        for u, v, k, d in flat.edges(keys=True, data=True)
    ]
    return (
        _csv_text(elements, ["ID", "Label", "Type", *extra]),
        _csv_text(connections, ["From", "To", "Type", *edge_extra]),
    )


def export(graph: nx.MultiDiGraph, fmt: str, out: Path) -> list[Path]:
    """Write the graph in a format; returns the files written (two for csv: a folder's sheets)."""
    out = Path(out)
    if fmt not in FORMATS:
        raise InputError(f"okänt exportformat {fmt!r}", fix="Välj ett av " + ", ".join(FORMATS))
    if fmt == "csv":
        elements, connections = _kumu_sheets(graph)
        out.mkdir(parents=True, exist_ok=True)
        paths = [out / "elements.csv", out / "connections.csv"]
        write_atomic(paths[0], elements)
        write_atomic(paths[1], connections)
        return paths
    if fmt == "json":
        data = nx.node_link_data(flat_graph(graph), edges="edges")
        write_atomic(out, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        return [out]
    writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
    buffer = io.BytesIO()
    writer(flat_graph(graph), buffer, encoding="utf-8")
    write_atomic(out, buffer.getvalue().decode("utf-8"))
    return [out]
