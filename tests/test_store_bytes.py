"""The store's bytes: the same data always gives the same bytes, an item a line
(lokgraph.store_text, version 2), and stores of version 1 load to the same graph.

Before issue 15 the store was `json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1)`,
the pure-Python encoder; then (version 1, still) one record a line. `_written_before` and
`_written_v1` below are those writers, kept verbatim: the old stores these tests load are made
with them, and `tests/fixtures` holds one of each written by the code of its time. The
examples' store is pinned three times: the hashes of the files both old writers made (commit
8eae4d3, and e61a545 for version 1) must still come out of them on the graph loaded from
today's store, so the data is what it was; and today's file has a hash of its own.
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
from json.encoder import encode_basestring
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lokgraph.store import FileStore, graph_from_json, graph_to_json
from lokgraph.store_text import SEPARATORS
from lokgraph.synth import synth_graph
from tests.cli_run import lokgraph
from tests.graph_helpers import DALARNA_SURVEY, EXAMPLES, as_v1

FIXTURES = Path(__file__).parent / "fixtures"
#: a small store that lokgraph wrote indented, before survey rounds
OLD_STORE = FIXTURES / "store-before-rounds.json"
#: the two-round Skaraborg example as lokgraph wrote it in version 1 (commit e61a545)
V1_STORE = FIXTURES / "store-v1-two-rounds.json"
ROUNDS = sorted((EXAMPLES / "rounds").glob("skaraborg-*.yaml"))
#: sha256 of lokgraph-store.json as `lokgraph demo` wrote it in the old layout (commit 8eae4d3)
EXAMPLES_OLD_LAYOUT_SHA256 = "0147a6b15191348b45f0152edbeada3e634ecb6c459172c03d6da56676f94ec2"
#: sha256 of the same store in version 1, one record a line (issue 15, commit e61a545)
EXAMPLES_V1_SHA256 = "4815c928c7d759956216489ec1d11d9cf78466f109b79229a6b7be8f48a80cbb"
#: sha256 of the same store in version 2, the graph's dicts an item a line: renewed with the
#: format (issue 15: the save is one C-encoder call), the data unchanged (the two hashes above)
EXAMPLES_STORE_SHA256 = "c6110499871de2c03b8304bf9b9a3f4df893f5dc2d286d5173be093b480a7fdf"


def _written_before(graph) -> str:
    """The store text as lokgraph wrote it before (lokgraph/store.py at commit 8eae4d3)."""
    nodes = [{"id": n, **graph.nodes[n]} for n in sorted(graph.nodes)]
    edges = sorted(
        ({"source": u, "target": v, **d} for u, v, d in graph.edges(data=True)),
        key=lambda e: (e["source"], e["target"], e["type"]),
    )
    doc = {"format": "lokgraph-store", "version": 1, "nodes": nodes, "edges": edges}
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def _written_v1(graph) -> str:
    """The store text of version 1 (lokgraph/store_text.py at commit e61a545, with
    `json.dumps` for its per-record encoder, which it proved equal)."""

    def encode(record):
        return json.dumps(record, ensure_ascii=False, sort_keys=True)

    def rest(encoded: str) -> str:
        return "}" if encoded == "{}" else ", " + encoded[1:]

    def drop_last_comma(lines: list[str], first: int) -> None:
        if len(lines) > first:
            lines[-1] = lines[-1][:-1]

    nodes, succ = vars(graph)["_node"], vars(graph)["_succ"]
    ids = sorted(nodes)
    quoted = {n: encode_basestring(n) for n in ids}
    lines = ['{"format": "lokgraph-store", "version": 1, "nodes": [']
    for n in ids:
        lines.append('{"id": ' + quoted[n] + rest(encode(nodes[n])) + ",")
    drop_last_comma(lines, 1)
    lines.append('], "edges": [')
    first_edge = len(lines)
    for u in ids:
        out = succ[u]
        source = '{"source": ' + quoted[u] + ', "target": '
        for v in sorted(out) if len(out) > 1 else out:
            ends, keyed = source + quoted[v], out[v]
            for key in sorted(keyed) if len(keyed) > 1 else keyed:
                lines.append(ends + rest(encode(keyed[key])) + ",")
    drop_last_comma(lines, first_edge)
    lines.append("]}\n")
    return "\n".join(lines)


def _same_graph(a, b) -> bool:
    """Equal nodes and edges with equal attributes, evidence included, in the same orders
    (nodes, each node's successors and predecessors, each pair's edges)."""
    return (
        list(a.nodes(data=True)) == list(b.nodes(data=True))
        and list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
        and all(list(a.pred[n]) == list(b.pred[n]) for n in a)
    )


def _assert_an_item_a_line(text: str) -> None:
    """Version 2's layout: the head, then a line break after every item and nowhere else."""
    assert text.startswith('{"format": "lokgraph-store", "version": 2,\n"nodes": {')
    assert text.endswith("}\n") and "\n\n" not in text
    assert all(line.endswith(",") for line in text.split("\n")[:-2])
    one_line = text[:-1].replace(",\n", ", ")  # a line break in a text is written \\n
    assert "\n" not in one_line and json.loads(one_line) == json.loads(text)


def _v2_of(graph) -> str:
    """`json.dumps` of the document of version 2, from the graph's dicts: what the store writes."""
    held = vars(graph)
    edges = {u: out for u, out in held["_succ"].items() if out}
    body = {"nodes": held["_node"], "edges": edges}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=SEPARATORS)
    nodes_at = text.index('"nodes": ')  # sorted: "edges" first; the store puts nodes first
    nodes, edges_text = text[nodes_at:-1], text[1 : nodes_at - 2]
    return '{"format": "lokgraph-store", "version": 2,\n' + nodes + ",\n" + edges_text + "}\n"


def test_the_examples_store_has_the_same_data_as_before_and_its_own_fixed_bytes(tmp_path):
    result = lokgraph("demo", "--out", tmp_path)
    assert result.returncode == 0, result
    data = (tmp_path / "lokgraph-store.json").read_bytes()
    graph = FileStore(tmp_path / "lokgraph-store.json").load()
    old = _written_before(graph).encode("utf-8")
    assert hashlib.sha256(old).hexdigest() == EXAMPLES_OLD_LAYOUT_SHA256
    v1 = _written_v1(graph).encode("utf-8")
    assert hashlib.sha256(v1).hexdigest() == EXAMPLES_V1_SHA256
    assert as_v1(json.loads(data)) == json.loads(old) == json.loads(v1)
    assert hashlib.sha256(data).hexdigest() == EXAMPLES_STORE_SHA256
    _assert_an_item_a_line(data.decode("utf-8"))
    for text in (old, v1):  # both old layouts load to the very graph
        assert _same_graph(graph_from_json(text.decode("utf-8")), graph)


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
    assert _same_graph(FileStore(new).load(), graph)


def test_a_committed_store_of_version_1_loads_to_the_graph_of_its_sources(tmp_path):
    text = V1_STORE.read_text(encoding="utf-8")
    assert text.startswith('{"format": "lokgraph-store", "version": 1, "nodes": [\n{"id": ')
    graph = FileStore(V1_STORE).load()
    assert _written_v1(graph) == text  # version 1's writer gives back the very bytes
    store = tmp_path / "today.json"  # the same sources imported today
    assert lokgraph("import", *ROUNDS, "--store", store, cwd=EXAMPLES.parent.parent).returncode == 0
    today = FileStore(store).load()
    assert _same_graph(graph, today)
    assert graph_to_json(graph) == store.read_text(encoding="utf-8")
    assert as_v1(json.loads(store.read_bytes())) == json.loads(text)


def _same_data(a, b) -> bool:
    """Equal nodes and edges with equal attributes, evidence included, in any order."""
    nodes = dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    edges = {(u, v, k): d for u, v, k, d in a.edges(keys=True, data=True)}
    return nodes and edges == {(u, v, k): d for u, v, k, d in b.edges(keys=True, data=True)}


def _round_trip(graph) -> None:
    """load(save(graph)) is the graph; loaded again, in the same order as version 1 gives it."""
    text = graph_to_json(graph)
    assert text == _v2_of(graph)
    back = graph_from_json(text)
    assert _same_data(back, graph)
    assert graph_to_json(back) == text
    assert _same_graph(graph_from_json(_written_v1(graph)), back)  # version 1 reads the same


def test_examples_round_trip_through_the_store(tmp_path):
    assert lokgraph("demo", "--out", tmp_path).returncode == 0
    graph = FileStore(tmp_path / "lokgraph-store.json").load()
    assert graph.number_of_nodes() > 100
    _round_trip(graph)
    _round_trip(FileStore(V1_STORE).load())


def test_a_synthetic_national_store_round_trips():
    graph = synth_graph(290, seed=1)
    assert graph.number_of_nodes() > 7000
    assert sum(len(d.get("evidence", ())) for _, d in graph.nodes(data=True)) > 1000
    _round_trip(graph)


@pytest.mark.skipif(not DALARNA_SURVEY.exists(), reason="needs ../shared/seeds")
def test_the_dalarna_store_is_the_same_bytes_every_time_and_reads_in_the_old_layouts(tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for store in (first, second):
        result = lokgraph("import", DALARNA_SURVEY, "--store", store)
        assert result.returncode == 0, result
    data = first.read_bytes()
    assert second.read_bytes() == data
    graph = FileStore(first).load()
    assert graph.number_of_nodes() > 100
    assert graph_to_json(graph).encode("utf-8") == data
    _assert_an_item_a_line(data.decode("utf-8"))
    _round_trip(graph)

    for write in (_written_before, _written_v1):  # the same store as the old writers wrote it
        old = tmp_path / "old-layout.json"
        old.write_text(write(graph), encoding="utf-8")
        assert as_v1(json.loads(data)) == json.loads(old.read_bytes())
        from_old = FileStore(old).load()
        assert _same_graph(from_old, graph)
        assert graph_to_json(from_old).encode("utf-8") == data


@pytest.mark.skipif(not DALARNA_SURVEY.exists(), reason="needs ../shared/seeds")
@pytest.mark.parametrize("write", [_written_before, _written_v1])
def test_commands_read_a_store_in_an_old_layout_and_write_the_new_one(tmp_path, write):
    store = tmp_path / "lager.json"
    assert lokgraph("import", DALARNA_SURVEY, "--store", store).returncode == 0
    new_bytes = store.read_bytes()
    gaps_new = lokgraph("gaps", "--json", "--store", store)
    store.write_text(write(FileStore(store).load()), encoding="utf-8")
    gaps_old = lokgraph("gaps", "--json", "--store", store)
    assert gaps_old.returncode == 0, gaps_old
    assert gaps_old.stdout == gaps_new.stdout
    again = lokgraph("import", DALARNA_SURVEY, "--store", store)  # changes nothing, writes new
    assert again.returncode == 0, again
    assert store.read_bytes() == new_bytes


def test_rounds_and_the_diff_read_both_versions(tmp_path):
    v2 = tmp_path / "v2.json"
    FileStore(v2).save(FileStore(V1_STORE).load())
    assert v2.read_bytes() != V1_STORE.read_bytes()
    outputs = []
    for store in (V1_STORE, v2):
        first = lokgraph("gaps", "--json", "--round", "2022", "--store", store)
        assert first.returncode == 0, first
        result = lokgraph("diff", "--json", "--store", store)
        assert result.returncode == 0, result
        outputs.append((json.loads(first.stdout), json.loads(result.stdout)))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] and outputs[0][1]["changes"]
    assert outputs[0][1]["from_round"] == "2022" and outputs[0][1]["to_round"] == "2024"
    across = lokgraph("diff", V1_STORE, v2, "--json")  # one store of each version: no change
    assert across.returncode == 0, across
    assert json.loads(across.stdout)["changes"] == []


def test_an_empty_graph_and_records_without_properties_are_valid_json():
    empty = graph_to_json(nx.MultiDiGraph())
    assert json.loads(empty) == {"format": "lokgraph-store", "version": 2, "nodes": {}, "edges": {}}
    bare = nx.MultiDiGraph()
    bare.add_node("x")
    bare.add_node("y")
    bare.add_edge("x", "x", key="SERVES")
    assert json.loads(graph_to_json(bare))["edges"] == {"x": {"x": {"SERVES": {}}}}
    assert as_v1(json.loads(graph_to_json(bare))) == json.loads(_written_before_untyped(bare))


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
    graph = nx.MultiDiGraph()
    graph.add_node("n", **record)
    assert graph_to_json(graph) == _v2_of(graph)
    dumped = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=SEPARATORS)
    assert '{"n": ' + dumped + "}" in graph_to_json(graph)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(_IDS, _ATTRS, min_size=1, max_size=6),
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.sampled_from(["A", "B"]))),
    st.data(),
)
def test_any_graph_is_the_old_layouts_data_and_gives_the_same_text(nodes, ends, data):
    graph = nx.MultiDiGraph()
    for n, attrs in reversed(list(nodes.items())):  # insertion order must not matter
        graph.add_node(n, **attrs)
    ids = list(nodes)
    for a, b, rel in ends:
        u, v = ids[a % len(ids)], ids[b % len(ids)]
        extra = data.draw(st.dictionaries(st.sampled_from(["evidence", "partial"]), _VALUES))
        graph.add_edge(u, v, key=rel, type=rel, **extra)
    text = graph_to_json(graph)
    assert text == _v2_of(graph)
    assert as_v1(json.loads(text)) == json.loads(_written_before(graph))
    assert "\n" not in text[:-1].replace(",\n", ", ")
    same = nx.MultiDiGraph()
    same.add_nodes_from(sorted(graph.nodes(data=True)))
    same.add_edges_from(sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]))
    assert graph_to_json(same) == text


def test_special_floats_are_written_as_json_dumps_writes_them():
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="X", weight=math.inf, low=-math.inf)
    assert '"low": -Infinity,\n"weight": Infinity' in graph_to_json(graph)
    with pytest.raises(TypeError):
        graph_to_json(nx.MultiDiGraph([("a", "b", {"type": "T", "bad": object()})]))


def test_a_json_error_names_the_line_of_the_value():
    graph = nx.MultiDiGraph()
    for n in ("a", "b", "c"):
        graph.add_node(n, label="Principal", name=n, kind="kommun")
    lines = graph_to_json(graph).split("\n")
    broken = next(i for i, line in enumerate(lines) if line.startswith('"name": "b"'))
    lines[broken] = lines[broken].replace('"name": "b"', '"name": b')
    with pytest.raises(Exception, match=f"rad {broken + 1}"):
        graph_from_json("\n".join(lines), where="lagret.json")
