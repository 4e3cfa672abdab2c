"""A store of version 2 (the graph's dicts, lokgraph.store_text) is checked when it is read
as version 1 is (tests/test_store_damage.py): one paragraph naming the first bad node or edge
and how to recover."""

from __future__ import annotations

import json

import pytest

from lokgraph.store import FileStore
from tests.test_store_damage import BUP, GROUP, ORSA, assert_named_as_damaged, good_document


def _keyed(doc: dict, rel_type: str) -> dict:
    """In a document of version 2: the dict of edges by type that holds an edge of this type."""
    return next(k for out in doc["edges"].values() for k in out.values() if rel_type in k)


def _damage_v2(change):
    def make() -> dict:
        doc = good_document(version=2)
        change(doc)
        return doc

    return make


def _move_target(doc: dict, target: str) -> None:
    out = doc["edges"][GROUP.id]
    out[target] = out.pop(ORSA.id)


def _retype(doc: dict, rel_type: str) -> None:
    keyed = _keyed(doc, "SERVES")
    keyed[rel_type] = {**keyed.pop("SERVES"), "type": rel_type}


# the same for version 2, where a node is its id's value and an edge its type's
DAMAGED_V2 = [
    ("no nodes key", _damage_v2(lambda d: d.pop("nodes")), ["'nodes' saknas"]),
    ("edges a list", _damage_v2(lambda d: d.update(edges=[])), ["'edges' är en lista"]),
    (
        "node not a record",
        _damage_v2(lambda d: d["nodes"].update({ORSA.id: "Orsa"})),
        ["nod nr", "'kommun:orsa'", "inte en post"],
    ),
    (
        "node without label",
        _damage_v2(lambda d: d["nodes"][ORSA.id].pop("label")),
        ["'kommun:orsa'", "saknar 'label'"],
    ),
    (
        "unknown kind",
        _damage_v2(lambda d: d["nodes"][ORSA.id].update(kind="stad")),
        ["kind 'stad'", "kommun eller region"],
    ),
    (
        "edge to a missing node",
        _damage_v2(lambda d: _move_target(d, "kommun:mora")),
        ["SERVES", "'kommun:mora', som inte finns"],
    ),
    (
        "edge from a missing node",
        _damage_v2(lambda d: d["edges"].update({"group:mora": d["edges"].pop(GROUP.id)})),
        ["'group:mora', som inte finns"],
    ),
    (
        "edge between the wrong labels",
        _damage_v2(lambda d: _move_target(d, BUP.id)),
        ["SERVES", "kan inte gå till en Unit"],
    ),
    ("unknown edge type", _damage_v2(lambda d: _retype(d, "OWNS")), ["okända typen 'OWNS'"]),
    (
        "type other than its key",
        _damage_v2(lambda d: _keyed(d, "SERVES")["SERVES"].update(type="IN_AREA")),
        ["'type' 'IN_AREA'", "nyckel 'SERVES'"],
    ),
    (
        "edge without type",
        _damage_v2(lambda d: _keyed(d, "SERVES")["SERVES"].pop("type")),
        ["saknar 'type'"],
    ),
    (
        "edge not a record",
        _damage_v2(lambda d: _keyed(d, "SERVES").update(SERVES=[])),
        ["kant nr", "inte en post"],
    ),
    (
        "targets not a record",
        _damage_v2(lambda d: d["edges"].update({GROUP.id: "kommun:orsa"})),
        [f"kanterna från {GROUP.id!r}", "inte en post"],
    ),
    (
        "evidence without source",
        _damage_v2(lambda d: _keyed(d, "ABSENT_FROM")["ABSENT_FROM"]["evidence"][0].pop("source")),
        ["ABSENT_FROM", "belägg nr 1 saknar 'source'"],
    ),
    (
        "partial is text",
        _damage_v2(lambda d: _keyed(d, "ABSENT_FROM")["ABSENT_FROM"].update(partial="ja")),
        ["'partial' är texten 'ja'"],
    ),
]


@pytest.mark.parametrize(("name", "make", "mentions"), DAMAGED_V2, ids=[c[0] for c in DAMAGED_V2])
def test_a_damaged_store_of_version_2_names_the_first_bad_record(tmp_path, name, make, mentions):
    path = tmp_path / "lagret.json"
    path.write_text(json.dumps(make(), ensure_ascii=False), encoding="utf-8")
    assert_named_as_damaged(path, mentions)


def test_an_empty_target_or_source_is_no_edge(tmp_path):
    doc = good_document(version=2)
    doc["edges"][ORSA.id] = {}
    doc["edges"][GROUP.id]["kommun:mora"] = {}
    path = tmp_path / "lagret.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    graph = FileStore(path).load()
    assert "kommun:mora" not in graph
    assert sorted(graph.edges(keys=True)) == sorted(
        (u, v, k)
        for u, out in good_document(version=2)["edges"].items()
        for v in out
        for k in out[v]
    )
