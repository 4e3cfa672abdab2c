"""The render context gives what the scans it replaces give (visualizations/context.py)."""

from __future__ import annotations

from lokgraph.synth import synth_graph
from visualizations.context import RenderContext
from visualizations.network_map import map_html
from visualizations.selection import kommun_node


def test_kommun_node_from_the_context_is_the_one_the_scan_finds():
    graph = synth_graph(20, seed=3)
    context = RenderContext(graph)
    names = [d["name"] for _, d in context.kommun_nodes]
    assert len(names) == 20
    for name in names:
        assert kommun_node(graph, name, context) == kommun_node(graph, name)
        assert kommun_node(graph, name.upper(), context) == kommun_node(graph, name)


def test_once_makes_a_value_once():
    context = RenderContext(synth_graph(2, seed=1))
    made = []
    assert context.once(("k",), lambda: made.append(1) or "v") == "v"
    assert context.once(("k",), lambda: made.append(2) or "w") == "v"
    assert made == [1]


def test_kommun_maps_sharing_a_context_are_the_maps_drawn_alone():
    graph = synth_graph(6, seed=2)
    context = RenderContext(graph)
    names = [d["name"] for _, d in context.kommun_nodes]
    shared = [map_html(graph, kommun=name, context=context) for name in names]
    alone = [map_html(graph, kommun=name) for name in names]
    assert shared == alone
