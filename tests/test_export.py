"""Exports open in other tools: GraphML/GEXF in Gephi (via networkx here), CSV in Kumu."""

import csv
import json
from collections import Counter
from xml.etree import ElementTree

import networkx as nx
import pytest

from loaders.curated import load_structure_file
from lokgraph.export import export, flat_graph
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
    assert elements.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, so Excel shows å
    with elements.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert {"ID", "Label", "Type"} <= set(rows[0])
    assert len(rows) == graph.number_of_nodes()
    ids = {r["ID"] for r in rows}
    with connections.open(encoding="utf-8-sig") as f:
        links = list(csv.DictReader(f))
    assert len(links) == graph.number_of_edges()
    assert all(link["From"] in ids and link["To"] in ids for link in links)
    # every connection has its own id, so two links between one pair both survive in Kumu
    assert len({link["ID"] for link in links}) == len(links)
    pairs = Counter((link["From"], link["To"]) for link in links)
    assert max(pairs.values()) >= 1


def test_two_links_between_one_pair_keep_their_own_ids(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("unit:a", label="Unit", name="A")
    g.add_node("group:b", label="Group", name="B")
    g.add_edge("unit:a", "group:b", key="MEMBER_OF", type="MEMBER_OF")
    g.add_edge("unit:a", "group:b", key="ABSENT_FROM", type="ABSENT_FROM")
    _, connections = export(g, "csv", tmp_path / "k.csv")
    with connections.open(encoding="utf-8-sig") as f:
        links = list(csv.DictReader(f))
    assert len(links) == 2 and len({link["ID"] for link in links}) == 2


def test_o_naming_a_csv_file_writes_two_sheets_beside_it(graph, tmp_path):
    paths = export(graph, "csv", tmp_path / "karta.csv")
    assert [p.name for p in paths] == ["karta-elements.csv", "karta-connections.csv"]
    assert not (tmp_path / "karta.csv").exists()
    assert all(p.is_file() for p in paths)


def test_kumu_workbook_has_both_sheets(graph, tmp_path):
    from openpyxl import load_workbook

    for fmt, name in (("xlsx", "kumu.xlsx"), ("csv", "kumu2.xlsx")):
        (path,) = export(graph, fmt, tmp_path / name)
        book = load_workbook(path)
        assert book.sheetnames == ["Elements", "Connections"]
        assert book["Elements"].max_row == graph.number_of_nodes() + 1
        assert book["Connections"].max_row == graph.number_of_edges() + 1
        assert [c.value for c in book["Connections"][1][:4]] == ["ID", "From", "To", "Type"]


# The rules of GEXF 1.2 (gephi/gexf, 1.2/gexf.xsd and 1.2/data.xsd: the schema networkx's
# "1.2draft" declares), as tables: which attributes each element may carry, and the values
# its enumerations allow. A test checks every element of the file against them.
_GEXF_ATTRIBUTES = {
    "gexf": {"version", "variant"},
    "meta": {"lastmodifieddate"},
    "graph": {"timeformat", "start", "startopen", "end", "endopen"}
    | {"defaultedgetype", "idtype", "mode"},
    "attributes": {"class", "mode", "start", "startopen", "end", "endopen"},
    "attribute": {"id", "title", "type"},
    "nodes": {"count"},
    "edges": {"count"},
    "node": {"start", "startopen", "end", "endopen", "pid", "id", "label"},
    "edge": {"start", "startopen", "end", "endopen", "id", "type", "label"}
    | {"source", "target", "weight"},
    "attvalues": set(),
    "attvalue": {"for", "value", "start", "startopen", "end", "endopen"},
    "default": set(),
    "options": set(),
    "creator": set(),
    "keywords": set(),
    "description": set(),
}
_GEXF_CHILDREN = {
    "gexf": {"meta", "graph"},
    "meta": {"creator", "keywords", "description"},
    "graph": {"attributes", "nodes", "edges"},
    "attributes": {"attribute"},
    "attribute": {"default", "options"},
    "nodes": {"node"},
    "edges": {"edge"},
    "node": {"attvalues"},
    "edge": {"attvalues"},
    "attvalues": {"attvalue"},
}
_GEXF_ENUMS = {
    ("gexf", "version"): {"1.2"},
    ("graph", "defaultedgetype"): {"directed", "undirected", "mutual"},
    ("graph", "idtype"): {"integer", "string"},
    ("graph", "mode"): {"static", "dynamic"},
    ("edge", "type"): {"directed", "undirected", "mutual"},
    ("attributes", "class"): {"node", "edge"},
    ("attribute", "type"): {"integer", "long", "double", "float", "boolean"}
    | {"liststring", "string", "anyURI"},
}
_GEXF_REQUIRED = {
    "gexf": {"version"},
    "node": {"id"},
    "edge": {"id", "source", "target"},
    "attribute": {"id", "title", "type"},
    "attvalue": {"for", "value"},
    "attributes": {"class"},
}


def _schema_problems(path) -> list[str]:
    root = ElementTree.parse(path).getroot()
    ns = root.tag.split("}")[0] + "}"
    problems = []
    if ns != "{http://www.gexf.net/1.2draft}":
        problems.append(f"namespace {ns}")
    for element in root.iter():
        name = element.tag.removeprefix(ns)
        if name not in _GEXF_ATTRIBUTES:
            problems.append(f"unknown element <{name}>")
            continue
        local = {k for k in element.attrib if not k.startswith("{")}
        for attr in sorted(local - _GEXF_ATTRIBUTES[name]):
            problems.append(f"<{name}> has attribute {attr}")
        for attr in sorted(_GEXF_REQUIRED.get(name, set()) - local):
            problems.append(f"<{name}> lacks {attr}")
        for (el, attr), allowed in _GEXF_ENUMS.items():
            if el == name and attr in element.attrib and element.attrib[attr] not in allowed:
                problems.append(f"<{name} {attr}={element.attrib[attr]!r}>")
        for child in element:
            child_name = child.tag.removeprefix(ns)
            if child_name not in _GEXF_CHILDREN.get(name, set()):
                problems.append(f"<{child_name}> inside <{name}>")
    # each attvalue refers to a declared attribute of its class
    declared = {a.get("class"): {x.get("id") for x in a} for a in root.iter(f"{ns}attributes")}
    for cls in ("node", "edge"):
        for item in root.iter(f"{ns}{cls}"):
            for value in item.iter(f"{ns}attvalue"):
                if value.get("for") not in declared.get(cls, set()):
                    problems.append(f"{cls} attvalue for undeclared {value.get('for')}")
    return problems


def test_gexf_keeps_to_the_schema_it_declares(graph, tmp_path):
    (path,) = export(graph, "gexf", tmp_path / "g.gexf")
    assert _schema_problems(path) == []
    back = nx.read_gexf(path)
    # the node label Gephi shows is the name; the relationship type is an attribute
    assert back.nodes["kommun:malung-salen"]["label"] == "Malung-Sälen"
    assert back.nodes["kommun:malung-salen"]["type"] == "Principal"
    kinds = Counter(d["relationship"] for *_, d in back.edges(data=True))
    assert kinds == Counter(k for *_, k in graph.edges(keys=True))


def test_the_gexf_schema_check_finds_what_networkx_writes_by_default(graph, tmp_path):
    """The check is real: networkx's own GEXF of the graph breaks two of the schema's rules."""
    path = tmp_path / "raw.gexf"
    nx.write_gexf(flat_graph(graph), path)
    problems = _schema_problems(path)
    assert "<graph> has attribute name" in problems
    assert any(p.startswith("<edge type='MEMBER_OF'") for p in problems)


def test_graphml_label_is_the_name_and_kind_is_separate(graph, tmp_path):
    (path,) = export(graph, "graphml", tmp_path / "g.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    node = back.nodes["agreement:lok:orsa:barn-unga"]
    assert node["label"] == graph.nodes["agreement:lok:orsa:barn-unga"]["name"]
    assert node["type"] == "Agreement" and node["kind"] == "LOK"


def test_graphml_loads_in_igraph_with_the_same_counts(graph, tmp_path):
    import igraph

    (path,) = export(graph, "graphml", tmp_path / "g.graphml")
    loaded = igraph.Graph.Read_GraphML(str(path))
    assert loaded.vcount() == graph.number_of_nodes()
    assert loaded.ecount() == graph.number_of_edges()
    names = dict(zip(loaded.vs["id"], loaded.vs["label"], strict=True))
    assert names["kommun:malung-salen"] == "Malung-Sälen"
    assert set(loaded.es["type"]) == {k for *_, k in graph.edges(keys=True)}


def test_export_does_not_change_the_graph(graph, tmp_path):
    before = nx.to_dict_of_dicts(graph)
    export(graph, "graphml", tmp_path / "g.graphml")
    assert nx.to_dict_of_dicts(graph) == before
    assert isinstance(graph.nodes["kommun:orsa"]["evidence"], list)
