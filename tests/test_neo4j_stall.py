"""A Neo4j that stops answering half way: lokgraph gives up within seconds, in one line.

The real Neo4j the tests start sits behind `tests/bolt_proxy.py`, which forwards every byte
until the client sends a chosen piece of Cypher and then holds back everything the server
sends (on every connection, new ones too): a hung server or a dead link, as the client sees
it. `gaps --backend neo4j`, `pull` and `push` through the installed console script each end
within the timeout (LOKGRAPH_NEO4J_TIMEOUT, 2 s here) plus the probe on a new connection and
a little, with exit 1 and one Swedish line naming the server and what was awaited, and leave
the file store as it was; a push stopped that way and run again ends equal to the source. A
server that is busy (a slow query) but answers a new connection is waited for.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest

from lokgraph.errors import ServerError
from lokgraph.graph import build_graph
from lokgraph.neo4j_store import Neo4jStore
from lokgraph.neo4j_wait import TIMEOUT_ENV
from lokgraph.store import FileStore
from tests.bolt_proxy import BoltProxy
from tests.cli_run import Result, assert_clean_failure, lokgraph, snapshot, start
from tests.graph_asserts import assert_same_graph
from tests.test_neo4j_store import rich_structure

pytestmark = pytest.mark.bolt

TIMEOUT = 2.0
# the wait itself, the probe on a new connection, then the process's own exit on a busy machine
ENDS_WITHIN = 2 * TIMEOUT + 5.0


def _env(bolt_uri, **extra: str) -> dict[str, str]:
    return {"NEO4J_USER": bolt_uri.user, "NEO4J_PASSWORD": bolt_uri.password, **extra}


@pytest.fixture
def proxy(bolt_uri):
    parts = urlsplit(bolt_uri.uri)
    with BoltProxy(parts.hostname or "127.0.0.1", parts.port or 7687) as running:
        yield running


@pytest.fixture
def source(tmp_path_factory):
    """The rich graph (every label, nasty quotes) in a file store, and its bytes."""
    path = tmp_path_factory.mktemp("source") / "lokgraph-store.json"
    FileStore(path).save(build_graph(rich_structure()))
    return path


def _stalled_run(proxy: BoltProxy, bolt_uri, args: list, cwd) -> tuple:
    """Run the console script against the proxy; (result, seconds from the stall to the end)."""
    proc = start(*args, "--neo4j", proxy.uri, cwd=cwd, env=_env(bolt_uri, **{TIMEOUT_ENV: "2"}))
    try:
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        proc.kill()
    ended = time.monotonic()
    result = Result(tuple(map(str, args)), proc.returncode, stdout, stderr)
    assert proxy.stalled_at is not None, f"the stall was never reached:\n{result}"
    return result, ended - proxy.stalled_at


def _assert_gave_up(result, after: float, proxy: BoltProxy, waited_for: str) -> None:
    assert_clean_failure(result, codes=(1,), mentions=[proxy.uri, "slutade svara", waited_for])
    assert len(result.stderr.strip().splitlines()) == 1 or len(result.stderr) < 300, result
    assert TIMEOUT <= after <= ENDS_WITHIN, f"ended {after:.1f} s after the stall\n{result}"


@pytest.mark.parametrize(
    ("stall_on", "waited_for"),
    [
        (b"RETURN collect(", "Area-noderna"),  # the check that runs before the queries
        (b"g.level IN ['operativ'", "svaret på en fråga"),  # ungoverned_group, the third query
    ],
)
def test_gaps_on_a_server_that_stops_answering_ends_in_seconds(
    stall_on, waited_for, proxy, source, bolt_uri, bolt_clean, tmp_path
):
    with Neo4jStore(bolt_uri.uri, user=bolt_uri.user, password=bolt_uri.password) as store:
        store.save(FileStore(source).load())
    before = snapshot(source)
    proxy.stall_on(stall_on)
    result, after = _stalled_run(
        proxy, bolt_uri, ["gaps", "--backend", "neo4j", "--store", source], tmp_path
    )
    _assert_gave_up(result, after, proxy, waited_for)
    assert result.stdout == ""
    assert snapshot(source) == before


def test_pull_from_a_server_that_stops_answering_leaves_the_store_alone(
    proxy, source, bolt_uri, bolt_clean, tmp_path
):
    with Neo4jStore(bolt_uri.uri, user=bolt_uri.user, password=bolt_uri.password) as store:
        store.save(FileStore(source).load())
    target = tmp_path / "kopia.json"
    FileStore(target).save(build_graph(rich_structure()))
    before = snapshot(target)
    proxy.stall_on(b"[r:MEMBER_OF]")  # half way: the nodes are read, the relationships not
    result, after = _stalled_run(proxy, bolt_uri, ["pull", "--store", target], tmp_path)
    _assert_gave_up(result, after, proxy, "MEMBER_OF-relationerna")
    assert snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kopia.json"]  # no temp, no lock


@pytest.mark.parametrize(
    ("stall_on", "occurrence", "waited_for"),
    [
        (b"ELSE n.lokgraph_hash", 1, "Area-noderna"),  # reading what the server has
        (b"MERGE (n:", 3, "-nod"),  # the third batch of nodes
        (b"MERGE (a)-[r:", 2, "-relation"),  # the second batch of relationships
    ],
)
def test_a_push_to_a_server_that_stops_answering_ends_and_a_new_push_finishes_it(
    stall_on, occurrence, waited_for, proxy, source, bolt_uri, bolt_clean, tmp_path
):
    before = snapshot(source)
    proxy.stall_on(stall_on, occurrence)
    result, after = _stalled_run(
        proxy, bolt_uri, ["push", "--store", source, "--batch-size", "2"], tmp_path
    )
    _assert_gave_up(result, after, proxy, waited_for)
    assert snapshot(source) == before
    again = lokgraph(
        "push", "--store", source, "--batch-size", "2", "--neo4j", bolt_uri.uri, env=_env(bolt_uri)
    )
    assert again.returncode == 0, str(again)
    with Neo4jStore(bolt_uri.uri, user=bolt_uri.user, password=bolt_uri.password) as store:
        assert_same_graph(store.load(), FileStore(source).load())


def test_a_store_that_gave_up_says_so_and_closes_at_once(proxy, bolt_uri, bolt_clean):
    store = Neo4jStore(proxy.uri, user=bolt_uri.user, password=bolt_uri.password, timeout=1)
    proxy.stall()
    with pytest.raises(ServerError, match="slutade svara: lokgraph väntade"):
        store.counts()
    with pytest.raises(ServerError, match="har slutat svara"):
        store.load()
    started = time.monotonic()
    store.close()
    assert time.monotonic() - started < 1


def test_a_busy_server_that_still_answers_is_waited_for(bolt_uri):
    """A query that takes several timeouts on a server that answers a new connection."""
    with Neo4jStore(
        bolt_uri.uri, user=bolt_uri.user, password=bolt_uri.password, timeout=0.3
    ) as store:
        started = time.monotonic()
        rows = store.run("UNWIND range(1, 40000000) AS x RETURN count(x) AS n")
        took = time.monotonic() - started
    assert rows == [{"n": 40_000_000}]
    assert took > 0.3, "the query was too quick to need a second look"


@pytest.mark.parametrize("value", ["abc", "0", "-3", "nan", "inf"])
def test_a_bad_timeout_is_one_swedish_paragraph(value, source):
    result = lokgraph(
        "push", "--neo4j", "bolt://127.0.0.1:1", "--store", source, env={TIMEOUT_ENV: value}
    )
    assert_clean_failure(result, codes=(1,), mentions=[f"{TIMEOUT_ENV}={value!r}"])
