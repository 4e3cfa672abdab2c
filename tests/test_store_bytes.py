"""The store's bytes do not change when the store is written faster (lokgraph.store_text).

Before, the store was `json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1)`, the
pure-Python encoder. `_written_before` below is that writer, kept verbatim as the reference.
The examples' store is also pinned by the hash of the file that writer made (at commit
8eae4d3); the Dalarna survey's store is compared with the reference writer on the same graph,
so that an improvement of the extractor does not count as a change of the store's format.
"""

from __future__ import annotations

import hashlib
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lokgraph.store import FileStore, graph_to_json
from lokgraph.store_text import dumps_indented
from tests.cli_run import lokgraph
from tests.graph_helpers import DALARNA_SURVEY

#: sha256 of lokgraph-store.json as `lokgraph demo` wrote it before the change (commit 8eae4d3)
EXAMPLES_STORE_SHA256 = "0147a6b15191348b45f0152edbeada3e634ecb6c459172c03d6da56676f94ec2"


def _written_before(graph) -> str:
    """The store text as lokgraph wrote it before (lokgraph/store.py at commit 8eae4d3)."""
    nodes = [{"id": n, **graph.nodes[n]} for n in sorted(graph.nodes)]
    edges = sorted(
        ({"source": u, "target": v, **d} for u, v, d in graph.edges(data=True)),
        key=lambda e: (e["source"], e["target"], e["type"]),
    )
    doc = {"format": "lokgraph-store", "version": 1, "nodes": nodes, "edges": edges}
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def test_the_examples_store_is_byte_identical_to_the_one_written_before(tmp_path):
    result = lokgraph("demo", "--out", tmp_path)
    assert result.returncode == 0, result
    data = (tmp_path / "lokgraph-store.json").read_bytes()
    assert hashlib.sha256(data).hexdigest() == EXAMPLES_STORE_SHA256
    graph = FileStore(tmp_path / "lokgraph-store.json").load()
    assert data == _written_before(graph).encode("utf-8")


@pytest.mark.skipif(not DALARNA_SURVEY.exists(), reason="needs ../shared/seeds")
def test_the_dalarna_store_is_byte_identical_to_what_the_old_writer_writes(tmp_path):
    store = tmp_path / "dalarna.json"
    result = lokgraph("import", DALARNA_SURVEY, "--store", store)
    assert result.returncode == 0, result
    data = store.read_bytes()
    graph = FileStore(store).load()
    assert graph.number_of_nodes() > 100
    assert data == _written_before(graph).encode("utf-8")
    assert graph_to_json(graph).encode("utf-8") == data


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


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_dumps_indented_is_json_dumps_with_indent_one(value):
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)


def test_dumps_indented_writes_the_special_floats_and_refuses_other_keys():
    assert dumps_indented([math.inf, -math.inf]) == "[\n Infinity,\n -Infinity\n]"
    with pytest.raises(TypeError):
        dumps_indented({1: {"a": 1}})
