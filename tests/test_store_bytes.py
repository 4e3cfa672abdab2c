"""The store's bytes: the same data always gives the same bytes, one record a line
(lokgraph.store_text), and a store written in the old layout loads to the same graph.

Before issue 15 the store was `json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1)`,
the pure-Python encoder. `_written_before` below is that writer, kept verbatim: the old-format
stores these tests load are made with it. The examples' store is pinned twice: the hash of the
file the old writer made (at commit 8eae4d3) must still come out of the old writer on the
graph loaded from today's store, and today's file has a hash of its own.
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lokgraph.store import FileStore, graph_from_json, graph_to_json
from lokgraph.store_text import _encode
from tests.cli_run import lokgraph
from tests.graph_helpers import DALARNA_SURVEY

#: a small store that lokgraph wrote in the old layout (before survey rounds, in tests/fixtures)
OLD_STORE = Path(__file__).parent / "fixtures" / "store-before-rounds.json"
#: sha256 of lokgraph-store.json as `lokgraph demo` wrote it in the old layout (commit 8eae4d3)
EXAMPLES_OLD_LAYOUT_SHA256 = "0147a6b15191348b45f0152edbeada3e634ecb6c459172c03d6da56676f94ec2"
#: sha256 of the same store, one record a line (issue 15)
EXAMPLES_STORE_SHA256 = "4815c928c7d759956216489ec1d11d9cf78466f109b79229a6b7be8f48a80cbb"


def _written_before(graph) -> str:
    """The store text as lokgraph wrote it before (lokgraph/store.py at commit 8eae4d3)."""
    nodes = [{"id": n, **graph.nodes[n]} for n in sorted(graph.nodes)]
    edges = sorted(
        ({"source": u, "target": v, **d} for u, v, d in graph.edges(data=True)),
        key=lambda e: (e["source"], e["target"], e["type"]),
    )
    doc = {"format": "lokgraph-store", "version": 1, "nodes": nodes, "edges": edges}
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def _records(graph) -> tuple[list, list]:
    """Everything a graph holds, in a form that compares equal only for the same data."""
    nodes = sorted((n, json.dumps(d, sort_keys=True)) for n, d in graph.nodes(data=True))
    edges = sorted(
        (u, v, k, json.dumps(d, sort_keys=True)) for u, v, k, d in graph.edges(keys=True, data=True)
    )
    return nodes, edges


def _assert_one_record_a_line(text: str) -> None:
    lines = text.split("\n")
    assert lines[0] == '{"format": "lokgraph-store", "version": 1, "nodes": ['
    assert lines[-2:] == ["]}", ""]
    records = [line for line in lines[1:-2] if line != '], "edges": [']
    for line in records:
        record = json.loads(line.removesuffix(","))
        assert isinstance(record, dict)
        assert line.startswith('{"id": ') or line.startswith('{"source": ')


def test_the_examples_store_has_the_same_data_as_before_and_its_own_fixed_bytes(tmp_path):
    result = lokgraph("demo", "--out", tmp_path)
    assert result.returncode == 0, result
    data = (tmp_path / "lokgraph-store.json").read_bytes()
    graph = FileStore(tmp_path / "lokgraph-store.json").load()
    old = _written_before(graph).encode("utf-8")
    assert hashlib.sha256(old).hexdigest() == EXAMPLES_OLD_LAYOUT_SHA256
    assert json.loads(data) == json.loads(old)
    assert hashlib.sha256(data).hexdigest() == EXAMPLES_STORE_SHA256
    _assert_one_record_a_line(data.decode("utf-8"))


def test_a_committed_store_in_the_old_layout_loads_to_the_graph_it_was_written_from(tmp_path):
    old = tmp_path / "old.json"
    shutil.copy(OLD_STORE, old)
    text = old.read_text(encoding="utf-8")
    assert text.startswith('{\n "edges": [\n  {\n')  # indented, keys sorted: the old layout
    graph = FileStore(old).load()
    assert _written_before(graph) == text  # the old writer gives back the very bytes
    new = tmp_path / "new.json"
    FileStore(new).save(graph)
    assert new.read_text(encoding="utf-8") == graph_to_json(graph) != text
    assert _records(FileStore(new).load()) == _records(graph)


@pytest.mark.skipif(not DALARNA_SURVEY.exists(), reason="needs ../shared/seeds")
def test_the_dalarna_store_is_the_same_bytes_every_time_and_reads_in_the_old_layout(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for store in (first, second):
        result = lokgraph("import", DALARNA_SURVEY, "--store", store)
        assert result.returncode == 0, result
    data = first.read_bytes()
    assert second.read_bytes() == data
    graph = FileStore(first).load()
    assert graph.number_of_nodes() > 100
    assert graph_to_json(graph).encode("utf-8") == data
    _assert_one_record_a_line(data.decode("utf-8"))

    old = tmp_path / "old-layout.json"  # the same store as the old writer wrote it
    old.write_text(_written_before(graph), encoding="utf-8")
    assert json.loads(old.read_bytes()) == json.loads(data)
    from_old = FileStore(old).load()
    assert _records(from_old) == _records(graph)
    assert graph_to_json(from_old).encode("utf-8") == data


@pytest.mark.skipif(not DALARNA_SURVEY.exists(), reason="needs ../shared/seeds")
def test_commands_read_a_store_in_the_old_layout_and_write_the_new_one(tmp_path):
    store = tmp_path / "lager.json"
    assert lokgraph("import", DALARNA_SURVEY, "--store", store).returncode == 0
    new_bytes = store.read_bytes()
    gaps_new = lokgraph("gaps", "--json", "--store", store)
    store.write_text(_written_before(FileStore(store).load()), encoding="utf-8")
    gaps_old = lokgraph("gaps", "--json", "--store", store)
    assert gaps_old.returncode == 0, gaps_old
    assert gaps_old.stdout == gaps_new.stdout
    again = lokgraph("import", DALARNA_SURVEY, "--store", store)  # changes nothing, writes new
    assert again.returncode == 0, again
    assert FileStore(store).load().number_of_nodes() > 100
    store.write_text(_written_before(FileStore(store).load()), encoding="utf-8")
    graph = FileStore(store).load()
    FileStore(store).save(graph)
    assert store.read_bytes() == new_bytes


def test_an_empty_graph_and_records_without_properties_are_valid_json():
    empty = graph_to_json(nx.MultiDiGraph())
    assert json.loads(empty) == {"format": "lokgraph-store", "version": 1, "nodes": [], "edges": []}
    bare = nx.MultiDiGraph()
    bare.add_node("x")
    bare.add_edge("x", "x", key="SERVES")
    assert json.loads(graph_to_json(bare)) == json.loads(_written_before_untyped(bare))


def _written_before_untyped(graph) -> str:
    nodes = [{"id": n, **graph.nodes[n]} for n in sorted(graph.nodes)]
    edges = [{"source": u, "target": v, **d} for u, v, d in graph.edges(data=True)]
    return json.dumps({"format": "lokgraph-store", "version": 1, "nodes": nodes, "edges": edges})


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=25,
)
_IDS = st.text(min_size=1, max_size=8)
_ATTRS = st.dictionaries(st.text(max_size=6).filter(lambda k: k not in {"id"}), _VALUES, max_size=4)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=6), _VALUES, max_size=5))
def test_a_record_is_written_as_json_dumps_writes_it(record):
    assert _encode(record) == json.dumps(record, ensure_ascii=False, sort_keys=True)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(_IDS, _ATTRS, min_size=1, max_size=6),
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.sampled_from(["A", "B"]))),
    st.data(),
)
def test_any_graph_reads_back_as_the_old_layout_would_and_gives_the_same_text(nodes, ends, data):
    graph = nx.MultiDiGraph()
    for n, attrs in reversed(list(nodes.items())):  # insertion order must not matter
        graph.add_node(n, **attrs)
    ids = list(nodes)
    for a, b, rel in ends:
        u, v = ids[a % len(ids)], ids[b % len(ids)]
        extra = data.draw(st.dictionaries(st.sampled_from(["evidence", "partial"]), _VALUES))
        graph.add_edge(u, v, key=rel, type=rel, **extra)
    text = graph_to_json(graph)
    assert json.loads(text) == json.loads(_written_before(graph))
    same = nx.MultiDiGraph()
    same.add_nodes_from(sorted(graph.nodes(data=True)))
    same.add_edges_from(sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]))
    assert graph_to_json(same) == text


def test_special_floats_are_written_as_json_dumps_writes_them():
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="X", weight=math.inf, low=-math.inf)
    assert '"low": -Infinity, "weight": Infinity' in graph_to_json(graph)
    with pytest.raises(TypeError):
        graph_to_json(nx.MultiDiGraph([("a", "b", {"type": "T", "bad": object()})]))


def test_a_json_error_names_the_line_of_the_record():
    graph = nx.MultiDiGraph()
    for n in ("a", "b", "c"):
        graph.add_node(n, label="Principal", name=n, kind="kommun")
    lines = graph_to_json(graph).split("\n")
    lines[2] = lines[2].replace('"name": "b"', '"name": b')
    with pytest.raises(Exception, match="rad 3"):
        graph_from_json("\n".join(lines), where="lagret.json")
