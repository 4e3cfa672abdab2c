"""A store is checked when it is read (issue 16): a damaged store is one paragraph naming the
first bad record and how to recover, never a traceback and never a graph drawn as if whole;
a save killed at any moment leaves the old store or the new one, and no temporary file."""

from __future__ import annotations

import copy
import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from lokgraph import store_check
from lokgraph.errors import StoreError
from lokgraph.graph import build_graph
from lokgraph.lock import lock_path, store_lock
from lokgraph.models import Evidence, Group, Principal, Relationship, Source, Structure, Unit
from lokgraph.store import FileStore, graph_to_json
from tests.cli_run import assert_clean_failure, lokgraph, snapshot
from tests.graph_helpers import as_v1

ORSA = Principal(id="kommun:orsa", name="Orsa", kind="kommun")
GROUP = Group(id="group:orsa:styrgrupp", name="Styrgrupp", group_type="styrgrupp")
BUP = Unit(id="unit:region-dalarna:bup", name="BUP", party="BUP")
SOURCE = Source(id="source:enkat", name="Enkät", kind="survey")
QUOTE = Evidence(source="source:enkat", quote="BUP deltar inte i styrgruppen.")


def good_document(version: int = 1) -> dict:
    """A small good store document of version 1 (records in lists) or 2 (the graph's dicts)."""
    graph = build_graph(
        Structure(
            nodes=(ORSA, BUP, SOURCE, GROUP.model_copy(update={"evidence": (QUOTE,)})),
            relationships=(
                Relationship(type="SERVES", source=GROUP.id, target=ORSA.id),
                Relationship(
                    type="ABSENT_FROM",
                    source=BUP.id,
                    target=GROUP.id,
                    reason="missing",
                    evidence=(QUOTE,),
                ),
            ),
        )
    )
    doc = json.loads(graph_to_json(graph))
    return doc if version == 2 else as_v1(doc)


def _node(doc: dict, node_id: str) -> dict:
    return next(n for n in doc["nodes"] if n["id"] == node_id)


def _edge(doc: dict, rel_type: str) -> dict:
    return next(e for e in doc["edges"] if e["type"] == rel_type)


def _damage(change):
    def make() -> dict:
        doc = copy.deepcopy(good_document())
        change(doc)
        return doc

    return make


# (name, how the document is damaged, words the message must name)
DAMAGED = [
    ("no nodes key", _damage(lambda d: d.pop("nodes")), ["'nodes' saknas"]),
    ("edges not a list", _damage(lambda d: d.update(edges={})), ["'edges' är en post"]),
    ("node not a record", _damage(lambda d: d["nodes"].insert(0, "kommun:orsa")), ["nod nr 1"]),
    (
        "node without id",
        _damage(lambda d: _node(d, "kommun:orsa").pop("id")),
        ["saknar 'id'", "'Orsa'"],
    ),
    (
        "node without label",
        _damage(lambda d: _node(d, "kommun:orsa").pop("label")),
        ["'kommun:orsa'", "saknar 'label'"],
    ),
    (
        "unknown label",
        _damage(lambda d: _node(d, "kommun:orsa").update(label="Kommun")),
        ["okända etiketten 'Kommun'", "Principal"],
    ),
    (
        "group without group_type",
        _damage(lambda d: _node(d, GROUP.id).pop("group_type")),
        [GROUP.id, "saknar 'group_type'"],
    ),
    (
        "name is a number",
        _damage(lambda d: _node(d, "kommun:orsa").update(name=17)),
        ["'name' är talet 17"],
    ),
    (
        "unknown kind",
        _damage(lambda d: _node(d, "kommun:orsa").update(kind="stad")),
        ["kind 'stad'", "kommun eller region"],
    ),
    (
        "duplicate node id",
        _damage(lambda d: d["nodes"].append(dict(_node(d, "kommun:orsa")))),
        ["'kommun:orsa' finns redan"],
    ),
    (
        "edge to a missing node",
        _damage(lambda d: _edge(d, "SERVES").update(target="kommun:mora")),
        ["SERVES", "'kommun:mora', som inte finns"],
    ),
    (
        "edge between the wrong labels",
        _damage(lambda d: _edge(d, "SERVES").update(target=BUP.id)),
        ["SERVES", "kan inte gå till en Unit"],
    ),
    (
        "unknown edge type",
        _damage(lambda d: _edge(d, "SERVES").update(type="OWNS")),
        ["okända typen 'OWNS'"],
    ),
    ("edge without type", _damage(lambda d: _edge(d, "SERVES").pop("type")), ["saknar 'type'"]),
    (
        "evidence of the wrong type",
        _damage(lambda d: _node(d, GROUP.id).update(evidence="BUP saknas")),
        [GROUP.id, "'evidence' är texten"],
    ),
    (
        "evidence without source",
        _damage(lambda d: _edge(d, "ABSENT_FROM")["evidence"][0].pop("source")),
        ["ABSENT_FROM", "belägg nr 1 saknar 'source'"],
    ),
    (
        "evidence quote is a number",
        _damage(lambda d: _node(d, GROUP.id)["evidence"][0].update(quote=3)),
        ["'quote' är talet 3"],
    ),
    (
        "evidence with an unknown key",
        _damage(lambda d: _node(d, GROUP.id)["evidence"][0].update(sida=3)),
        ["okända nyckeln 'sida'"],
    ),
    (
        "partial is text",
        _damage(lambda d: _edge(d, "ABSENT_FROM").update(partial="ja")),
        ["'partial' är texten 'ja'"],
    ),
    (
        "duplicate edge",
        _damage(lambda d: d["edges"].append(dict(_edge(d, "SERVES")))),
        ["SERVES", "finns redan"],
    ),
]


@pytest.mark.parametrize(("name", "make", "mentions"), DAMAGED, ids=[c[0] for c in DAMAGED])
def test_a_damaged_store_names_the_first_bad_record(tmp_path, name, make, mentions):
    path = tmp_path / "lagret.json"
    path.write_text(json.dumps(make(), ensure_ascii=False, indent=1), encoding="utf-8")
    assert_named_as_damaged(path, mentions)


def assert_named_as_damaged(path, mentions: list[str]) -> None:
    """Loading the store fails with one paragraph: damaged, these words, how to recover."""
    with pytest.raises(StoreError) as caught:
        FileStore(path).load()
    message = str(caught.value)
    assert message.startswith(f"{path}: lagret är skadat: ")
    assert "\n" not in message
    assert "importera källorna igen" in message
    for word in mentions:
        assert word in message


def test_the_good_documents_of_these_tests_load(tmp_path):
    doc = good_document()
    store_check.check_document(doc, where="lagret.json")
    assert len(doc["nodes"]) == 4 and len(doc["edges"]) >= 3
    doc = good_document(version=2)
    store_check.check_document_v2(doc, where="lagret.json")
    assert (
        len(doc["nodes"]) == 4
        and sum(len(k) for o in doc["edges"].values() for k in o.values()) >= 3
    )
    for version in (1, 2):
        path = tmp_path / f"v{version}.json"
        path.write_text(json.dumps(good_document(version)), encoding="utf-8")
        assert FileStore(path).load().number_of_edges() >= 3


def test_a_store_saved_again_as_latin1_is_named_with_its_line(tmp_path):
    path = tmp_path / "lagret.json"
    FileStore(path).save(build_graph(Structure(nodes=(ORSA, BUP))))
    text = path.read_text(encoding="utf-8").replace(
        "BUP", "Barn- och ungdomspsykiatri (BUP) på länet"
    )
    text = text.replace('"Orsa"', '"Orsa kommun, Dalarnas län"').replace("Dalarnas", "Dalarnäs")
    path.write_bytes(text.encode("latin-1"))
    line = text[: text.index("ä")].count("\n") + 1
    with pytest.raises(StoreError, match=rf"lagret.json, rad {line}: lagret är inte UTF-8"):
        FileStore(path).load()


def test_a_damaged_store_is_one_paragraph_on_the_command_line(tmp_path):
    path = tmp_path / "lagret.json"
    doc = good_document()
    _edge(doc, "SERVES")["target"] = "kommun:mora"
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    before = snapshot(path)
    for command in (("gaps",), ("map", "-o", tmp_path / "karta.html"), ("summary",)):
        result = lokgraph(*command, "--store", path)
        assert_clean_failure(result, mentions=["lagret.json", "kommun:mora", "lokgraph import"])
    assert snapshot(path) == before
    assert not (tmp_path / "karta.html").exists()


def test_the_documented_examples_run():
    import doctest

    result = doctest.testmod(store_check, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted >= 3


# --- killed during a save --------------------------------------------------------------------

SAVER = """
import sys
from lokgraph.store import FileStore
from lokgraph.synth import synth_graph
store = FileStore(sys.argv[1])
graphs = [synth_graph(int(n), seed=1) for n in sys.argv[2:]]
print("ready", flush=True)
i = 0
while True:
    store.save(graphs[i % len(graphs)])
    i += 1
"""


def test_a_save_killed_at_any_moment_leaves_the_old_or_the_new_store(tmp_path):
    """20 kills of a process that saves two graphs in turn: the store is always one of them,
    whole; the temporary file a kill leaves is gone after the next read, and so is the lock."""
    from lokgraph.synth import synth_graph

    path = tmp_path / "lagret.json"
    sizes = ("12", "20")
    texts = {graph_to_json(synth_graph(int(n), seed=1)) for n in sizes}
    rng = random.Random(16)
    left_behind = 0
    for _ in range(20):
        saver = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path), *sizes], stdout=subprocess.PIPE, text=True
        )
        assert saver.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))
        os.kill(saver.pid, signal.SIGKILL)
        saver.wait()
        if not path.exists():
            continue
        left_behind += len(list(tmp_path.glob("lagret.json.*.tmp")))
        assert path.read_text(encoding="utf-8") in texts
        graph = FileStore(path).load()
        assert graph.number_of_nodes() > 0
        assert not list(tmp_path.glob("lagret.json.*.tmp"))
        with store_lock(path, timeout=0):  # a lock the killed saver left is taken over
            pass
        assert not lock_path(path).exists()
    assert path.exists()
    print(f"{left_behind} temporary files left by 20 kills, all removed on the next read")


def test_the_command_line_removes_the_temp_files_of_a_crashed_save_but_not_a_running_one(
    tmp_path,
):
    """Through the console script: a read removes `<store>.<8 chars>.tmp` left by a killed
    save, unless another process holds the lock (then the file may be its save in progress)."""
    from lokgraph.synth import synth_graph
    from tests.test_lock import _hold_lock

    store = tmp_path / "lagret.json"
    FileStore(store).save(synth_graph(3, seed=1))
    before = snapshot(store)
    stale = [tmp_path / "lagret.json.a1B2c3D4.tmp", tmp_path / "lagret.json.zz_9yy88.tmp"]
    unrelated = tmp_path / "lagret.json.anteckning.tmp"  # not a name write_atomic makes
    holder = _hold_lock(store)
    try:
        assert holder.stdout.readline().strip() == "held"
        for path in [*stale, unrelated]:  # as the holder's save in progress would write them
            path.write_text('{"format": "lokgraph-store", "nodes": [', encoding="utf-8")
        while_held = lokgraph("summary", "--store", store, cwd=tmp_path)
        assert while_held.returncode == 0, str(while_held)
        assert all(path.exists() for path in stale), "a running save's file was removed"
    finally:
        holder.kill()
        holder.wait()
    result = lokgraph("summary", "--store", store, cwd=tmp_path)
    assert result.returncode == 0, str(result)
    assert "Traceback" not in result.stderr
    assert not any(path.exists() for path in stale)
    assert unrelated.exists()
    assert snapshot(store) == before
    assert not lock_path(store).exists()
