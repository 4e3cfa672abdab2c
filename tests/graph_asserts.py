"""`assert_same_graph`: two MultiDiGraphs compared node by node and edge by edge.

Use it for every round trip (save/load, push/pull): on failure it says which nodes and edges
are missing on either side and which attributes differ, instead of two unequal graph reprs.
"""

from __future__ import annotations

import networkx as nx

__all__ = ["assert_same_graph", "graph_diff"]

_MAX_LINES = 40


def graph_diff(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> list[str]:
    """The differences between two graphs, one readable line each; empty when they are equal.

    >>> a, b = nx.MultiDiGraph(), nx.MultiDiGraph()
    >>> a.add_node("x", label="Area", name="X")
    >>> b.add_node("x", label="Area", name="Y")
    >>> graph_diff(a, b)
    ["node 'x': name: 'X' != 'Y'"]
    """
    lines: list[str] = []
    for node in sorted(set(a) - set(b)):
        lines.append(f"node {node!r} only in the first graph: {dict(a.nodes[node])!r}")
    for node in sorted(set(b) - set(a)):
        lines.append(f"node {node!r} only in the second graph: {dict(b.nodes[node])!r}")
    for node in sorted(set(a) & set(b)):
        lines += [f"node {node!r}: {d}" for d in _attr_diff(a.nodes[node], b.nodes[node])]
    edges_a = {(u, v, k): d for u, v, k, d in a.edges(keys=True, data=True)}
    edges_b = {(u, v, k): d for u, v, k, d in b.edges(keys=True, data=True)}
    for key in sorted(edges_a.keys() - edges_b.keys()):
        lines.append(f"edge {_edge(key)} only in the first graph: {edges_a[key]!r}")
    for key in sorted(edges_b.keys() - edges_a.keys()):
        lines.append(f"edge {_edge(key)} only in the second graph: {edges_b[key]!r}")
    for key in sorted(edges_a.keys() & edges_b.keys()):
        lines += [f"edge {_edge(key)}: {d}" for d in _attr_diff(edges_a[key], edges_b[key])]
    return lines


def assert_same_graph(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    """Fail with a readable diff unless the graphs have the same nodes, edges and attributes
    (the attribute values compared exactly: types, order of lists, evidence included)."""
    lines = graph_diff(a, b)
    if lines:
        shown = lines[:_MAX_LINES]
        if len(lines) > _MAX_LINES:
            shown.append(f"… and {len(lines) - _MAX_LINES} more differences")
        raise AssertionError(
            f"graphs differ ({a.number_of_nodes()} nodes, {a.number_of_edges()} edges vs "
            f"{b.number_of_nodes()} nodes, {b.number_of_edges()} edges):\n  " + "\n  ".join(shown)
        )


def _edge(key: tuple) -> str:
    u, v, k = key
    return f"{u!r} -[{k}]-> {v!r}"


def _attr_diff(a: dict, b: dict) -> list[str]:
    lines = []
    for name in sorted(a.keys() | b.keys()):
        if name not in b:
            lines.append(f"{name} only in the first: {a[name]!r}")
        elif name not in a:
            lines.append(f"{name} only in the second: {b[name]!r}")
        elif a[name] != b[name] or type(a[name]) is not type(b[name]):
            lines.append(f"{name}: {a[name]!r} != {b[name]!r}")
    return lines
