"""Survey rounds on the real Neo4j: `round` and the per-round values push and pull unchanged."""

import pytest

from lokgraph.neo4j_store import Neo4jStore
from lokgraph.rounds import at_round, rounds
from lokgraph.store import FileStore, graph_to_json
from tests.cli_run import lokgraph
from tests.test_rounds import _two_rounds

pytestmark = pytest.mark.bolt


def test_a_two_round_store_pushes_and_pulls_with_its_rounds(bolt_uri, bolt_clean):
    graph = _two_rounds()
    lok = graph.nodes["agreement:lok:orsa:barn-unga"]
    assert [e["round"] for e in lok["by_round"]] == ["2023", "2024"]
    with Neo4jStore(bolt_uri.uri, user=bolt_uri.user, password=bolt_uri.password) as server:
        server.save(graph)
        pulled = server.load()
    assert rounds(pulled) == ["2023", "2024"]
    assert graph_to_json(pulled) == graph_to_json(graph)
    for year, status in (("2023", "none"), ("2024", "in_force")):
        view = at_round(pulled, year)
        assert view.nodes["agreement:lok:orsa:barn-unga"]["status"] == status
    assert graph_to_json(at_round(pulled, "2023")) == graph_to_json(at_round(graph, "2023"))


def test_push_round_sends_that_rounds_view(bolt_uri, bolt_clean, tmp_path):
    store = tmp_path / "s.json"
    FileStore(store).save(_two_rounds())
    env = {"NEO4J_USER": bolt_uri.user, "NEO4J_PASSWORD": bolt_uri.password}
    pushed = lokgraph("push", "--neo4j", bolt_uri.uri, "--store", store, "--round", "2023", env=env)
    assert pushed.returncode == 0, str(pushed)
    with Neo4jStore(bolt_uri.uri, user=bolt_uri.user, password=bolt_uri.password) as server:
        pulled = server.load()
    assert rounds(pulled) == ["2023"]
    assert pulled.nodes["agreement:lok:orsa:barn-unga"]["status"] == "none"
    assert "group:orsa:sambu-team" not in pulled


def test_a_store_of_either_version_pushes_and_pulls_the_same(bolt_uri, bolt_clean, tmp_path):
    """Version 1 (the committed two-round fixture) and version 2 of the same data: the same
    server after the push, and the same store back from it."""
    from tests.test_store_bytes import V1_STORE

    v2 = tmp_path / "v2.json"
    FileStore(v2).save(FileStore(V1_STORE).load())
    env = {"NEO4J_USER": bolt_uri.user, "NEO4J_PASSWORD": bolt_uri.password}
    pulled = []
    for store in (V1_STORE, v2):
        pushed = lokgraph("push", "--neo4j", bolt_uri.uri, "--store", store, env=env)
        assert pushed.returncode == 0, str(pushed)
        back = tmp_path / f"tillbaka-{len(pulled)}.json"
        result = lokgraph("pull", "--neo4j", bolt_uri.uri, "--store", back, env=env)
        assert result.returncode == 0, str(result)
        pulled.append(back.read_bytes())
    assert pulled[0] == pulled[1] == v2.read_bytes()
