"""Exports open in other tools: GraphML/GEXF in Gephi (via networkx here), CSV in Kumu."""

import csv
import json

import networkx as nx
import pytest

from loaders.curated import load_structure_file
from lokgraph.export import export
from lokgraph.graph import build_graph
from tests.graph_helpers import EXAMPLES


@pytest.fixture(scope="module")
def graph():
    return build_graph(load_structure_file(EXAMPLES / "dalarna.yaml"))


def test_graphml_loads_back_with_same_counts(graph, tmp_path):
    (path,) = export(graph, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["kommun:malung-salen"]["name"] == "Malung-Sälen"
    quotes = json.loads(back.nodes["agreement:lok:orsa:barn-unga"]["evidence"])
    assert quotes[0]["quote"].startswith("Orsas lokala överenskommelse")


def test_gexf_loads_back_with_same_counts(graph, tmp_path):
    (path,) = export(graph, "gexf", tmp_path / "g.gexf")
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()


def test_json_is_node_link(graph, tmp_path):
    (path,) = export(graph, "json", tmp_path / "g.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    back = nx.node_link_graph(data, edges="edges")
    assert back.number_of_edges() == graph.number_of_edges()


def test_csv_sheets_for_kumu(graph, tmp_path):
    elements, connections = export(graph, "csv", tmp_path / "kumu")
    with elements.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {"ID", "Label", "Type"} <= set(rows[0])
    assert len(rows) == graph.number_of_nodes()
    ids = {r["ID"] for r in rows}
    with connections.open(encoding="utf-8") as f:
        links = list(csv.DictReader(f))
    assert len(links) == graph.number_of_edges()
    assert all(link["From"] in ids and link["To"] in ids for link in links)


def test_export_does_not_change_the_graph(graph, tmp_path):
    before = nx.to_dict_of_dicts(graph)
    export(graph, "graphml", tmp_path / "g.graphml")
    assert nx.to_dict_of_dicts(graph) == before
    assert isinstance(graph.nodes["kommun:orsa"]["evidence"], list)
