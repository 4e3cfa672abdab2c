"""Pytest fixtures for the Bolt server: a real Neo4j 5.26 the tests start, or NEO4J_URI's.

`bolt_uri` (session) starts one Neo4j for the whole run (`tests/neo4j_server.py`), or, when
`NEO4J_URI` is set, points at that server instead (credentials from `NEO4J_USER` /
`NEO4J_PASSWORD`). Without Java, Maven or the jars the Bolt tests skip with one line saying
what to install, except in CI (`CI` set), where that is a failure. `bolt_driver` (session)
is one `neo4j` driver for it; `bolt_clean` (function) empties the graph before a test.

Wired in by `from tests.fixtures_bolt import *` in tests/conftest.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from tests.neo4j_server import Neo4jServer, Neo4jUnavailable, neo4j_server

__all__ = ["BoltTarget", "bolt_uri", "bolt_driver", "bolt_clean"]


@dataclass(frozen=True)
class BoltTarget:
    """Where the tests' Neo4j is, and the account to use."""

    uri: str
    user: str
    password: str = field(repr=False)  # never shown in test output
    server: Neo4jServer | None = field(default=None, repr=False)  # when the tests started it

    @property
    def auth(self) -> tuple[str, str]:
        return (self.user, self.password)


@pytest.fixture(scope="session")
def bolt_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoltTarget]:
    """The Neo4j server for this test run (started here unless NEO4J_URI names one)."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        yield BoltTarget(
            uri=uri,
            user=os.environ.get("NEO4J_USER", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", ""),
        )
        return
    try:
        server_cm = neo4j_server(tmp_path_factory.mktemp("neo4j"))
        server = server_cm.__enter__()
    except Neo4jUnavailable as err:
        if os.environ.get("CI"):
            pytest.fail(f"{err} (CI must run the Neo4j tests)", pytrace=False)
        pytest.skip(str(err))
    try:
        yield BoltTarget(uri=server.uri, user=server.user, password=server.password, server=server)
    finally:
        server_cm.__exit__(None, None, None)


@pytest.fixture(scope="session")
def bolt_driver(bolt_uri: BoltTarget):
    """One driver for the session."""
    import neo4j

    driver = neo4j.GraphDatabase.driver(bolt_uri.uri, auth=bolt_uri.auth, connection_timeout=10)
    try:
        yield driver
    finally:
        driver.close()


@pytest.fixture
def bolt_clean(bolt_uri: BoltTarget, bolt_driver) -> BoltTarget:
    """The server with every node and relationship deleted before the test."""
    bolt_driver.execute_query("MATCH (n) DETACH DELETE n")
    return bolt_uri
