"""Ways out for other tools: GraphML and GEXF for Gephi, node-link JSON, sheets for Kumu.

Those formats take only scalar attributes, so evidence and lists travel as JSON text in one
attribute; the graph itself is never changed. In GraphML and GEXF a node's ``label`` is its
name (what Gephi shows) and its Neo4j label goes in ``type``; in GEXF, where an edge's
``type`` may only be directed, undirected or mutual, the relationship type goes in the
attribute ``relationship``. Kumu gets two sheets, elements and connections (each connection
with an ``ID``, so two links between one pair both survive), as two CSV files beside each
other or as one .xlsx workbook; every cell is neutralised against formula injection.

>>> kumu_paths(Path("karta.csv"))
[PosixPath('karta-elements.csv'), PosixPath('karta-connections.csv')]
>>> kumu_paths(Path("kumu"))
[PosixPath('kumu/elements.csv'), PosixPath('kumu/connections.csv')]
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import networkx as nx

from .errors import InputError
from .sheets import csv_text, write_xlsx
from .store import write_atomic

__all__ = ["FORMATS", "export", "flat_graph", "kumu_paths", "kumu_sheets"]

FORMATS = ("graphml", "gexf", "json", "csv", "xlsx")


def _scalar(value: object) -> object:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all strings, numbers or booleans."""
    flat: nx.MultiDiGraph = nx.MultiDiGraph()
    for node, attrs in sorted(graph.nodes(data=True)):
        flat.add_node(node, **{k: _scalar(v) for k, v in attrs.items() if v is not None})
    for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        flat.add_edge(u, v, key=key, **{k: _scalar(x) for k, x in attrs.items() if x is not None})
    return flat


def _for_gephi(graph: nx.MultiDiGraph, *, gexf: bool) -> nx.MultiDiGraph:
    """The flat graph with label = name and the Neo4j label in `type` (GEXF: edge relationship)."""
    out: nx.MultiDiGraph = nx.MultiDiGraph()
    for node, attrs in flat_graph(graph).nodes(data=True):
        attrs = dict(attrs)
        attrs["type"] = attrs.pop("label", "")
        attrs["label"] = attrs.get("name", node)
        out.add_node(node, **attrs)
    for u, v, key, attrs in flat_graph(graph).edges(keys=True, data=True):
        attrs = dict(attrs)
        if gexf:
            attrs["relationship"] = attrs.pop("type", key)
            attrs["id"] = _connection_id(u, v, key)
        out.add_edge(u, v, key=key, **attrs)
    return out


def _connection_id(u: str, v: str, key: str) -> str:
    return f"{u}|{key}|{v}"


def kumu_sheets(graph: nx.MultiDiGraph) -> dict[str, tuple[list[str], list[list]]]:
    """Kumu's two sheets: elements (ID, Label, Type, …) and connections (ID, From, To, Type, …)."""
    flat = flat_graph(graph)
    extra = sorted({k for _, d in flat.nodes(data=True) for k in d} - {"name", "label"})
    elements = [
        [n, d.get("name", n), d.get("label", ""), *(d.get(k, "") for k in extra)]
        for n, d in flat.nodes(data=True)
    ]
    edge_extra = sorted({k for *_, d in flat.edges(data=True) for k in d} - {"type"})
    connections = [
        [_connection_id(u, v, k), u, v, k, *(d.get(x, "") for x in edge_extra)]
        for u, v, k, d in flat.edges(keys=True, data=True)
    ]
    return {
        "Elements": (["ID", "Label", "Type", *extra], elements),
        "Connections": (["ID", "From", "To", "Type", *edge_extra], connections),
    }


def kumu_paths(out: Path) -> list[Path]:
    """Where the two Kumu CSV sheets go: `<name>-elements.csv` and `<name>-connections.csv`
    beside a file name ending in .csv, else `elements.csv` and `connections.csv` in a folder."""
    if out.suffix.lower() == ".csv":
        stem = out.with_suffix("")
        return [
            stem.with_name(stem.name + "-elements.csv"),
            stem.with_name(stem.name + "-connections.csv"),
        ]
    return [out / "elements.csv", out / "connections.csv"]


def export(graph: nx.MultiDiGraph, fmt: str, out: Path) -> list[Path]:
    """Write the graph in a format; returns the files written (two for csv)."""
    out = Path(out)
    if fmt not in FORMATS:
        raise InputError(f"okänt exportformat {fmt!r}", fix="Välj ett av " + ", ".join(FORMATS))
    if fmt == "xlsx" or (fmt == "csv" and out.suffix.lower() == ".xlsx"):
        return [write_xlsx(out, kumu_sheets(graph))]
    if fmt == "csv":
        paths = kumu_paths(out)
        for path, (header, rows) in zip(paths, kumu_sheets(graph).values(), strict=True):
            write_atomic(path, csv_text(rows, header=header))
        return paths
    if fmt == "json":
        data = nx.node_link_data(flat_graph(graph), edges="edges")
        write_atomic(out, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        return [out]
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(_for_gephi(graph, gexf=False), buffer, encoding="utf-8")
        text = buffer.getvalue().decode("utf-8")
    else:
        nx.write_gexf(_for_gephi(graph, gexf=True), buffer, encoding="utf-8")
        # GEXF's <graph> has no name attribute; networkx always writes an empty one
        text = re.sub(
            r'(<graph\b[^>]*?) name=""', r"\1", buffer.getvalue().decode("utf-8"), count=1
        )
    write_atomic(out, text)
    return [out]
