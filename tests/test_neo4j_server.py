"""The Neo4j test server helper: what a machine without Java or Maven is told, and the pin."""

from __future__ import annotations

import os
import re

import pytest

from tests import neo4j_server
from tests.neo4j_server import Neo4jUnavailable, ensure_jars, find_java, neo4j_version


def test_without_java_the_message_is_one_line_saying_what_to_install(monkeypatch, tmp_path):
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(Neo4jUnavailable) as caught:
        find_java()
    message = str(caught.value)
    assert "\n" not in message
    assert "java is not installed" in message
    assert "install Java 17 or newer and Maven 3" in message


def test_without_jars_or_maven_the_message_names_both(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(neo4j_server, "JARS", tmp_path / "no-jars")
    with pytest.raises(Neo4jUnavailable) as caught:
        ensure_jars()
    message = str(caught.value)
    assert "\n" not in message
    assert f"the Neo4j {neo4j_version()} jars are not in" in message
    assert "Maven is not installed" in message


def test_the_pinned_neo4j_is_the_one_in_docker_compose():
    compose = (neo4j_server.NEO4J_DIR.parents[1] / "docker-compose.yml").read_text("utf-8")
    image = re.search(r"image: neo4j:(\S+)-community", compose)
    assert image and image.group(1) == neo4j_version()
    assert neo4j_version().startswith("5.26.")


@pytest.mark.bolt
def test_the_server_is_neo4j_526_with_authentication_on_a_loopback_port(bolt_uri, bolt_driver):
    records, _, _ = bolt_driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN *"
    )
    (record,) = records
    assert record["name"] == "Neo4j Kernel"
    if bolt_uri.server is not None:  # started by the tests, not NEO4J_URI
        assert record["versions"] == [neo4j_version()]
        assert bolt_uri.uri.startswith("bolt://127.0.0.1:")
        import neo4j

        wrong = neo4j.GraphDatabase.driver(bolt_uri.uri, auth=("neo4j", "not-it-123"))
        with wrong, pytest.raises(neo4j.exceptions.AuthError):
            wrong.verify_connectivity()


@pytest.mark.bolt
def test_sigterm_stops_the_server_and_frees_its_port(bolt_uri, tmp_path):
    """A second server of its own (the session's keeps running): SIGTERM to its PID ends it."""
    import signal
    import socket

    from tests.neo4j_server import start, stop

    if bolt_uri.server is None:
        pytest.skip("NEO4J_URI names the server: the launcher is not used")
    server = start(tmp_path / "second")
    try:
        port = int(server.uri.rsplit(":", 1)[1])
        os.kill(server.pid, signal.SIGTERM)
        assert server._process is not None
        assert server._process.wait(timeout=60) is not None
        with pytest.raises(ConnectionRefusedError), socket.create_connection(("127.0.0.1", port)):
            pass
    finally:
        stop(server)
