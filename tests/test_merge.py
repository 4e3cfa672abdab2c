"""Merging a structure whose records name the same node or edge many times (issue 16).

A survey of many lines about one kommun gives thousands of records for the same few nodes. The
merge collects each node's evidence in one set and sorts it once; these tests pin that the
result is exactly what merging the records one at a time gives.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lokgraph.graph import _edge_attrs, _node_attrs, _round_lookup, build_graph, merge
from lokgraph.models import Evidence, Group, Principal, Relationship, Source, Structure, Unit
from lokgraph.round_values import combine_rounds
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
reasons = st.sampled_from(["missing", "not_asked", "hard_to_engage"])
evidence_sets = st.lists(
    st.tuples(st.sampled_from(["source:r1", "source:r2", "source:r3"]), st.sampled_from("abcd")),
    max_size=3,
).map(lambda pairs: tuple(Evidence(source=s, quote=q) for s, q in pairs))
records = st.lists(st.tuples(levels, reasons, evidence_sets), min_size=1, max_size=10)
SOURCES = tuple(
    Source(id=f"source:r{i}", name=f"Enkät {year}", kind="survey", round=year)
    for i, year in ((1, "2023"), (2, "2024"), (3, None))
)


@settings(max_examples=200, deadline=None)
@given(first=records, second=records)
def test_merging_all_records_at_once_equals_merging_them_one_by_one(first, second):
    """Values: a stated record (one with evidence) wins, a reference only fills what is
    missing, and two survey rounds that disagree keep both rounds' values; evidence is the
    union. The batch must end exactly where merging the records one at a time ends."""
    at_once = build_graph(Structure(nodes=(ORSA, BUP, *SOURCES)))
    one_by_one = build_graph(Structure(nodes=(ORSA, BUP, *SOURCES)))
    for batch in (first, second):
        groups = [_group(level, ()).model_copy(update={"evidence": ev}) for level, _, ev in batch]
        edges = [
            _absent(()).model_copy(update={"reason": reason, "evidence": ev})
            for _, reason, ev in batch
        ]
        merge(at_once, Structure(nodes=tuple(groups), relationships=tuple(edges)))
        for group, edge in zip(groups, edges, strict=True):
            merge(one_by_one, Structure(nodes=(group,), relationships=(edge,)))
    assert graph_to_json(at_once) == graph_to_json(one_by_one)
    reference = build_graph(Structure(nodes=(ORSA, BUP, *SOURCES)))
    for batch in (first, second):
        _reference_merge(
            reference,
            [_group(level, ()).model_copy(update={"evidence": ev}) for level, _, ev in batch],
            [
                _absent(()).model_copy(update={"reason": reason, "evidence": ev})
                for _, reason, ev in batch
            ],
        )
    assert graph_to_json(at_once) == graph_to_json(reference)


def _reference_merge(graph, nodes, rels) -> None:
    """The merge as it was before issue 16: one record at a time, all evidence re-sorted."""
    round_of = _round_lookup(graph, Structure(nodes=tuple(nodes))).get

    def combine(old: dict, new: dict) -> dict:
        if new.get("evidence"):
            merged = combine_rounds(old, new, round_of)
        else:
            merged = dict(old)
            merged.update({k: v for k, v in new.items() if k not in merged})
        unique = {}
        for e in [*old.get("evidence", ()), *new.get("evidence", ())]:
            unique[Evidence(**e).sort_key()] = Evidence(**e)
        merged["evidence"] = [
            {k: v for k, v in unique[key].model_dump().items() if v is not None}
            for key in sorted(unique)
        ]
        return merged

    for node in nodes:
        attrs = _node_attrs(node)
        if node.id in graph:
            merged = combine(graph.nodes[node.id], attrs)
            graph.nodes[node.id].clear()
            graph.nodes[node.id].update(merged)
        else:
            graph.add_node(node.id, **attrs)
    for rel in rels:
        attrs = _edge_attrs(rel)
        key = (rel.source, rel.target, rel.type)
        if graph.has_edge(*key):
            merged = combine(graph.edges[key], attrs)
            graph.edges[key].clear()
            graph.edges[key].update(merged)
        else:
            graph.add_edge(*key[:2], key=key[2], **attrs)
    for node in nodes:
        for source in {e.source for e in node.evidence}:
            if not graph.has_edge(node.id, source, key="STATED_IN"):
                graph.add_edge(node.id, source, key="STATED_IN", type="STATED_IN", evidence=[])


def test_the_growth_bench_prints_an_exponent(capsys):
    """bench/growth.py, which the benchmark runs for the exponent (timings are not asserted)."""
    import doctest

    import bench.growth

    assert doctest.testmod(bench.growth).failed == 0
    assert bench.growth.main(["--sizes", "30", "60"]) == 0
    out = capsys.readouterr().out
    assert "| lines about one kommun | 30 | 60 |" in out
    assert "growth exponent for input size:" in out
