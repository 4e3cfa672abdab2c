"""One group, one node: survey groups and structure-file groups merge; names a planner reads."""

from __future__ import annotations

import functools

from loaders.curated import load_structure_file
from lokgraph.graph import merge, new_graph
from tests.graph_helpers import DALARNA_SURVEY, EXAMPLES
from visualizations.network_map import map_data

LEKSAND_AG = "group:leksand:arbetsgrupp:arbetsgrupp-barn-och-unga-leksand"


@functools.cache
def _survey():
    from loaders.importer import read_path

    return read_path(DALARNA_SURVEY).structure


def _structure():
    return load_structure_file(EXAMPLES / "dalarna.yaml")


def _graph(*parts):
    graph = new_graph()
    for part in parts:
        merge(graph, part)
    return graph


def _groups(graph, kommun: str, group_type: str) -> dict[str, dict]:
    return {
        n: d
        for n, d in graph.nodes(data=True)
        if d.get("label") == "Group"
        and d.get("group_type") == group_type
        and graph.has_edge(n, f"kommun:{kommun}", key="SERVES")
    }


def test_a_survey_group_and_the_same_named_group_become_one_node_in_either_order():
    for graph in (_graph(_structure(), _survey()), _graph(_survey(), _structure())):
        groups = _groups(graph, "leksand", "arbetsgrupp")
        assert len(groups) == 1
        ((gid, attrs),) = groups.items()
        assert attrs["name"] == "Arbetsgrupp barn och unga, Leksand"
        sources = {v for _, v, k in graph.out_edges(gid, keys=True) if k == "STATED_IN"}
        assert sources == {"source:dalarna-yaml", "source:000-06d682ea16d55562-txt"}
        # the survey's absences land on the one node
        absent = {u for u, _, k in graph.in_edges(gid, keys=True) if k == "ABSENT_FROM"}
        assert "unit:region-dalarna:hab" in absent or "unit:region-dalarna:bup" in absent


def test_merging_again_changes_nothing():
    graph = _graph(_structure(), _survey())
    before = (graph.number_of_nodes(), graph.number_of_edges())
    stats = merge(graph, _survey())
    assert not stats.changed and (graph.number_of_nodes(), graph.number_of_edges()) == before
    assert LEKSAND_AG in graph and "group:leksand:arbetsgrupp" not in graph


def test_groups_whose_names_differ_stay_apart():
    from lokgraph.same_group import names_match

    assert not names_match("Styrgrupp GNV, Mora", "Styrgrupp för skolan, Mora", "Mora")
    graph = _graph(_structure(), _survey())
    # Leksand's styrgrupp is only in the survey: it keeps its own node
    assert "group:leksand:styrgrupp" in graph


def test_the_map_tooltip_shows_both_sources():
    graph = _graph(_structure(), _survey())
    nodes = {n["id"]: n for n in map_data(graph, kommun="Leksand").nodes}
    tip = nodes[LEKSAND_AG]["tooltip"]
    (line,) = [line for line in tip.splitlines() if line.startswith("Källor: ")]
    for source in ("source:dalarna-yaml", "source:000-06d682ea16d55562-txt"):
        assert graph.nodes[source]["name"] in line


def test_survey_group_names_keep_the_swedish_letters_and_the_kommun():
    graph = _graph(_survey())
    names = {d["name"] for _, d in graph.nodes(data=True) if d.get("label") == "Group"}
    assert "Barnhälsoteam, Avesta" in names
    assert "Styrgrupp god och nära vård, Avesta" in names
    assert not any("Barnhalsoteam" in n or "(" in n for n in names)
    topics = {"god och nära vård", "barn och ungas hälsa", "barn och unga", "GNV"}
    assert not names & topics  # a topic is not a name
