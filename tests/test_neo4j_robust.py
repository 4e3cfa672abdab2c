"""The Neo4j path under mistakes and accidents, on the real Neo4j the tests start.

A port that accepts and never answers fails within seconds; every URI and option mistake is
one Swedish paragraph through the console script; a push killed with SIGKILL at any point and
run again ends with the server equal to the source; a server holding a record lokgraph cannot
read is an error naming it for pull and gaps, and push repairs what it can identify.
"""

from __future__ import annotations

import signal
import socket
import time

import pytest

from lokgraph.errors import ServerError
from lokgraph.graph import build_graph
from lokgraph.neo4j_store import CONNECT_TIMEOUT, Neo4jStore
from lokgraph.store import FileStore
from lokgraph.synth import synth_graph
from tests.cli_run import assert_clean_failure, lokgraph, start
from tests.graph_asserts import assert_same_graph, graph_diff
from tests.test_neo4j_store import rich_structure

pytestmark = pytest.mark.bolt


def _env(bolt_uri) -> dict[str, str]:
    return {"NEO4J_USER": bolt_uri.user, "NEO4J_PASSWORD": bolt_uri.password}


def _open(bolt_uri, **kw) -> Neo4jStore:
    return Neo4jStore(bolt_uri.uri, user=bolt_uri.user, password=bolt_uri.password, **kw)


@pytest.fixture(scope="module")
def rich_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("rich") / "lokgraph-store.json"
    FileStore(path).save(build_graph(rich_structure()))
    return path


# -- time-outs and mistakes -------------------------------------------------------------------


def test_a_port_that_accepts_and_never_answers_fails_within_seconds():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # the kernel completes the TCP handshake; nothing ever answers Bolt
        port = silent.getsockname()[1]
        started = time.monotonic()
        with pytest.raises(ServerError) as caught:
            Neo4jStore(f"bolt://127.0.0.1:{port}", password="tyst-server-1")
        elapsed = time.monotonic() - started
    assert elapsed < 3 * CONNECT_TIMEOUT  # was 34 s; a few seconds now
    assert str(caught.value) == (
        f"ingen Neo4j-server svarar på bolt://127.0.0.1:{port} (inget Bolt-svar inom 4 s). "
        "Starta den (docker compose up -d) eller rätta adressen."
    )
    assert "tyst-server-1" not in str(caught.value)


@pytest.mark.parametrize(
    ("uri", "mentions"),
    [
        ("bolt://localhost:notaport", ["'notaport' är inget tal mellan 1 och 65535"]),
        ("bolt://localhost:99999", ["porten 99999 ligger inte mellan 1 och 65535"]),
        ("bolt://[::1", ["IPv6-adress behöver sin avslutande ]"]),
        ("bolt://neo4j:hemligt-ord-7@localhost:0", ["port 0"]),
        ("http://localhost:7474", ["'http://localhost:7474' är ingen Bolt-adress"]),
        ("bolt://", ["värden saknas"]),
    ],
)
@pytest.mark.parametrize("command", ["push", "pull", "gaps"])
def test_every_uri_mistake_is_one_swedish_paragraph(command, uri, mentions, rich_store):
    args = [command, "--neo4j", uri, "--store", rich_store]
    if command == "gaps":
        args += ["--backend", "neo4j"]
    result = lokgraph(*args, env={"NEO4J_PASSWORD": "hemligt-ord-8"})
    assert_clean_failure(result, codes=(1,), mentions=[*mentions, "bolt://värd:7687"])
    assert "hemligt-ord" not in result.stdout + result.stderr


@pytest.mark.parametrize("size", ["0", "-5"])
def test_a_batch_size_below_one_is_one_swedish_paragraph(size, bolt_uri, rich_store):
    result = lokgraph(
        "push", "--neo4j", bolt_uri.uri, "--store", rich_store, "--batch-size", size,
        env=_env(bolt_uri),
    )  # fmt: skip
    assert_clean_failure(result, codes=(1,), mentions=[f"batchstorleken {size}", "1000"])


def test_a_wrong_password_through_the_console_script_never_shows_it(bolt_uri, rich_store):
    result = lokgraph(
        "push", "--neo4j", bolt_uri.uri, "--store", rich_store,
        env={"NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "fel-lösen-9x"},
    )  # fmt: skip
    assert_clean_failure(result, codes=(1,), mentions=["godtog inte", bolt_uri.uri])
    assert "fel-lösen-9x" not in result.stdout + result.stderr


# -- a push killed half way ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    """290 synthetic kommuner (about 7,000 nodes and 35,000 relationships) in a file store."""
    graph = synth_graph(290, seed=3)
    path = tmp_path_factory.mktemp("national") / "lokgraph-store.json"
    FileStore(path).save(graph)
    return path, graph


def _changed(graph):
    """The graph a later survey might give: nodes gone, a label changed, properties changed."""
    changed = graph.copy()
    groups = sorted(n for n, d in changed.nodes(data=True) if d["label"] == "Group")
    changed.remove_nodes_from(groups[::3])
    for node in groups[1::3]:
        changed.nodes[node]["name"] = changed.nodes[node]["name"] + " (ny)"
        changed.nodes[node]["evidence"] = []
    return changed


def _count(driver, what: str) -> int:
    query = (
        "MATCH (n) RETURN count(n) AS c"
        if what == "nodes"
        else "MATCH ()-[r]->() RETURN count(r) AS c"
    )
    return driver.execute_query(query).records[0]["c"]


@pytest.mark.parametrize("kill_when", ["nodes", "relationships", "second push"])
def test_a_push_killed_half_way_and_run_again_ends_equal_to_the_source(
    kill_when, national, bolt_uri, bolt_clean, bolt_driver, tmp_path
):
    path, graph = national
    source = graph
    if kill_when == "second push":  # killed while replacing an older graph with this one
        with _open(bolt_uri) as store:
            store.save(graph)
        source = _changed(graph)
        path = tmp_path / "changed.json"
        FileStore(path).save(source)
    args = ("push", "--neo4j", bolt_uri.uri, "--store", path)
    proc = start(*args, cwd=tmp_path, env=_env(bolt_uri))
    before = (_count(bolt_driver, "nodes"), _count(bolt_driver, "relationships"))
    try:
        while proc.poll() is None:
            nodes, rels = _count(bolt_driver, "nodes"), _count(bolt_driver, "relationships")
            moved = (nodes, rels) != before if kill_when == "second push" else False
            if (kill_when == "nodes" and nodes) or (kill_when == "relationships" and rels) or moved:
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.02)
        proc.wait(timeout=60)
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL, "the push ended before it could be killed"
    with _open(bolt_uri) as store:
        assert graph_diff(store.load(), source), "the kill came after the push was done"
    again = lokgraph(*args, env=_env(bolt_uri))
    assert again.returncode == 0, str(again)
    with _open(bolt_uri) as store:
        assert_same_graph(store.load(), source)


# -- records lokgraph cannot read -----------------------------------------------------------------

DAMAGE = {
    "evidence cut short": (
        "MATCH (n:Unit {id: 'unit:region-dalarna:bup'}) "
        'SET n.evidence = \'[{"source": "source:enkat-2024", "quote": "Det är\'',
        ["Unit-noden 'unit:region-dalarna:bup'", "'evidence'"],
    ),
    "a date": (
        "MATCH (n:Agreement {id: 'agreement:orsa:lok'}) SET n.valid_from = date('2024-05-01')",
        ["Agreement-noden 'agreement:orsa:lok'", "'valid_from' av typen Date"],
    ),
    "evidence of numbers": (
        "MATCH (:Unit {id: 'unit:orsa:skola'})-[r:MEMBER_OF]->() SET r.evidence = '[1, 2]'",
        ["relationen MEMBER_OF 'unit:orsa:skola' -> 'group:orsa:kt'", "'evidence'"],
    ),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_record_is_an_error_for_pull_and_gaps_and_push_repairs_it(
    damage, rich_store, bolt_uri, bolt_clean, bolt_driver, tmp_path
):
    cypher, mentions = DAMAGE[damage]
    source = FileStore(rich_store).load()
    with _open(bolt_uri) as store:
        store.save(source)
    bolt_driver.execute_query(cypher)
    copy = tmp_path / "kopia.json"
    pulled = lokgraph("pull", "--neo4j", bolt_uri.uri, "--store", copy, env=_env(bolt_uri))
    assert_clean_failure(pulled, codes=(1,), mentions=mentions)
    assert not copy.exists()
    gaps = lokgraph("gaps", "--backend", "neo4j", "--neo4j", bolt_uri.uri, env=_env(bolt_uri))
    assert_clean_failure(gaps, codes=(1,), mentions=mentions)
    pushed = lokgraph("push", "--neo4j", bolt_uri.uri, "--store", rich_store, env=_env(bolt_uri))
    assert pushed.returncode == 0, str(pushed)
    with _open(bolt_uri) as store:
        assert_same_graph(store.load(), source)


def test_a_node_without_an_id_is_an_error_for_push_pull_and_gaps(
    rich_store, bolt_uri, bolt_clean, bolt_driver
):
    with _open(bolt_uri) as store:
        store.save(FileStore(rich_store).load())
    bolt_driver.execute_query("CREATE (:Group {name: 'Gruppen utan id'})")
    env = _env(bolt_uri)
    for args in (
        ("push", "--store", rich_store),
        ("pull", "--store", "kopia.json"),
        ("gaps", "--backend", "neo4j"),
    ):
        result = lokgraph(*args, "--neo4j", bolt_uri.uri, env=env)
        assert_clean_failure(result, codes=(1,), mentions=["en Group-nod på servern", "elementId"])
