"""Merging a structure whose records name the same node or edge many times (issue 16).

A survey of many lines about one kommun gives thousands of records for the same few nodes. The
merge collects each node's evidence in one set and sorts it once; these tests pin that the
result is exactly what merging the records one at a time gives.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lokgraph.graph import build_graph, merge, new_graph
from lokgraph.models import Evidence, Group, Principal, Relationship, Structure, Unit
from lokgraph.store import graph_to_json

ORSA = Principal(id="kommun:orsa", name="Orsa", kind="kommun")
BUP = Unit(id="unit:region-dalarna:bup", name="BUP", party="BUP")


def _group(level: str | None, quotes: tuple[str, ...]) -> Group:
    return Group(
        id="group:orsa:styrgrupp",
        name="Styrgrupp",
        group_type="styrgrupp",
        level=level,
        evidence=tuple(Evidence(source="source:s", quote=q) for q in quotes),
    )


def _absent(quotes: tuple[str, ...]) -> Relationship:
    return Relationship(
        type="ABSENT_FROM",
        source=BUP.id,
        target="group:orsa:styrgrupp",
        reason="missing",
        evidence=tuple(Evidence(source="source:s", quote=q) for q in quotes),
    )


def test_many_records_of_one_node_give_sorted_unique_evidence():
    quotes = [f"Rad {i}: BUP deltar inte i styrgruppen." for i in range(3000, 0, -1)]
    records = [_group("strategisk", (q,)) for q in quotes + quotes[:50]]
    structure = Structure(
        nodes=(ORSA, BUP, *records),
        relationships=tuple(_absent((q,)) for q in quotes),
    )
    graph = build_graph(structure)
    node_quotes = [e["quote"] for e in graph.nodes["group:orsa:styrgrupp"]["evidence"]]
    assert node_quotes == sorted(set(quotes))
    edge = graph.edges[BUP.id, "group:orsa:styrgrupp", "ABSENT_FROM"]
    assert [e["quote"] for e in edge["evidence"]] == sorted(set(quotes))


def test_stats_count_each_node_and_edge_once():
    graph = build_graph(Structure(nodes=(ORSA, BUP, _group("strategisk", ("a",)))))
    stats = merge(
        graph,
        Structure(
            nodes=tuple(_group(None, (f"q{i}",)) for i in range(10)),
            relationships=tuple(_absent((f"q{i}",)) for i in range(10)),
        ),
    )
    assert (stats.nodes_added, stats.nodes_updated) == (0, 1)
    assert (stats.edges_added, stats.edges_updated) == (1, 0)
    again = merge(graph, Structure(nodes=(_group(None, ("q3",)),)))
    assert not again.changed


levels = st.sampled_from([None, "strategisk", "operativ", "individ"])
quote_sets = st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=3).map(tuple)
records = st.lists(st.tuples(levels, quote_sets), min_size=1, max_size=12)


@settings(max_examples=150, deadline=None)
@given(first=records, second=records)
def test_merging_all_records_at_once_equals_merging_them_one_by_one(first, second):
    """Values: a stated record (one with evidence) wins, a reference only fills what is
    missing; evidence is the union. The batch must end exactly where the sequence ends."""
    at_once = new_graph()
    one_by_one = new_graph()
    for batch in (first, second):
        groups = [_group(level, quotes) for level, quotes in batch]
        edges = [_absent(quotes) for _, quotes in batch]
        merge(at_once, Structure(nodes=(ORSA, BUP, *groups), relationships=tuple(edges)))
        for group, edge in zip(groups, edges, strict=True):
            merge(one_by_one, Structure(nodes=(ORSA, BUP, group), relationships=(edge,)))
    assert graph_to_json(at_once) == graph_to_json(one_by_one)
