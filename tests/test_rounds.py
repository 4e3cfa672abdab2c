"""Survey rounds: per-round properties, the view of one round, and stores written before rounds."""

import json
from pathlib import Path

import pytest

from lokgraph.graph import graph_to_structure, merge, new_graph, retract_source
from lokgraph.models import Agreement, Evidence, Group, Principal, Relationship, Source, Structure
from lokgraph.rounds import at_round, latest_round, rounds, with_round
from lokgraph.store import FileStore, graph_from_json, graph_to_json
from tests.cli_run import assert_clean_failure, lokgraph
from tests.graph_helpers import DALARNA_SURVEY, EXAMPLES, as_v1

OLD_STORE = Path(__file__).parent / "fixtures" / "store-before-rounds.json"


def _round(year: str, *, lok: str, team: bool, kind: str = "survey") -> Structure:
    """One kommun's answer in one round, in our own words."""
    source = Source(id=f"source:enkat-{year}", name=f"Uppföljning {year}", kind=kind)
    said = (Evidence(source=source.id, quote=f"Svar {year}.", respondent="kommun:orsa"),)
    orsa = Principal(id="kommun:orsa", name="Orsa", kind="kommun")
    lok_node = Agreement(
        id="agreement:lok:orsa:barn-unga", name="LÖK Orsa", kind="LOK", status=lok, evidence=said
    )
    styr = Group(id="group:orsa:styrgrupp", name="Styrgrupp", group_type="styrgrupp", evidence=said)
    nodes: list = [source, orsa, lok_node, styr]
    rels = [
        Relationship(type="PARTY_TO", source=orsa.id, target=lok_node.id, evidence=said),
        Relationship(type="SERVES", source=styr.id, target=orsa.id, evidence=said),
    ]
    if team:
        kt = Group(
            id="group:orsa:sambu-team", name="SAMBU-team", group_type="sambu_team", evidence=said
        )
        nodes.append(kt)
        rels.append(Relationship(type="SERVES", source=kt.id, target=orsa.id, evidence=said))
    return with_round(Structure(nodes=tuple(nodes), relationships=tuple(rels)), year)


def _two_rounds(order=("2023", "2024")):
    parts = {
        "2023": _round("2023", lok="none", team=False),
        "2024": _round("2024", lok="in_force", team=True),
    }
    graph = new_graph()
    for year in order:
        merge(graph, parts[year])
    return graph


def test_each_round_shows_its_own_status_and_groups():
    graph = _two_rounds()
    assert rounds(graph) == ["2023", "2024"] and latest_round(graph) == "2024"
    old, new = at_round(graph, "2023"), at_round(graph)
    assert old.nodes["agreement:lok:orsa:barn-unga"]["status"] == "none"
    assert new.nodes["agreement:lok:orsa:barn-unga"]["status"] == "in_force"
    assert "group:orsa:sambu-team" not in old and "group:orsa:sambu-team" in new
    assert [e["quote"] for e in old.nodes["group:orsa:styrgrupp"]["evidence"]] == ["Svar 2023."]
    assert "source:enkat-2024@2024" not in old and "source:enkat-2023@2023" not in new
    # the store's own properties are the latest round's
    assert graph.nodes["agreement:lok:orsa:barn-unga"]["status"] == "in_force"


def test_import_order_does_not_matter_and_models_keep_the_rounds():
    forward, backward = _two_rounds(), _two_rounds(("2024", "2023"))
    assert graph_to_json(forward) == graph_to_json(backward)
    structure = graph_to_structure(forward)
    again = new_graph()
    merge(again, structure)
    assert graph_to_json(again) == graph_to_json(forward)


def test_importing_a_round_again_changes_nothing():
    graph = _two_rounds()
    before = graph_to_json(graph)
    for year, lok, team in (("2023", "none", False), ("2024", "in_force", True)):
        retract_source(graph, f"source:enkat-{year}@{year}")
        merge(graph, _round(year, lok=lok, team=team))
        assert graph_to_json(graph) == before


def test_retracting_a_round_leaves_the_other_as_it_was():
    graph = _two_rounds()
    retract_source(graph, "source:enkat-2024@2024")
    lok = graph.nodes["agreement:lok:orsa:barn-unga"]
    assert lok["status"] == "none" and "by_round" not in lok


def test_a_source_of_another_kind_or_kommun_is_not_replaced_by_a_newer_round():
    graph = _two_rounds()
    older = _round("2015", lok="in_progress", team=False, kind="structure")
    merge(graph, older)
    latest = at_round(graph)
    assert "source:enkat-2015@2015" in latest
    assert "source:enkat-2023@2023" not in latest
    # the structure file is the newest of its kind: its evidence stays
    quotes = {e["quote"] for e in latest.nodes["group:orsa:styrgrupp"]["evidence"]}
    assert quotes == {"Svar 2015.", "Svar 2024."}


def test_an_unknown_round_is_a_swedish_error_naming_the_rounds():
    with pytest.raises(Exception, match="omgången '2030' finns inte.*'2023', '2024'"):
        at_round(_two_rounds(), "2030")


def test_a_store_written_before_rounds_reads_as_one_round(tmp_path):
    text = OLD_STORE.read_text(encoding="utf-8")
    assert '"round"' not in text
    graph = graph_from_json(text)
    assert rounds(graph) == [""]
    assert at_round(graph) is graph and at_round(graph, "") is graph
    graph_to_structure(graph)  # every record still validates
    # nothing lost, nothing added (written today in version 2: the same data)
    assert as_v1(json.loads(graph_to_json(graph))) == json.loads(text)
    # a new round beside it: the old facts stay, as the unnamed round
    merge(graph, _round("2024", lok="in_force", team=True))
    old = at_round(graph, "")
    assert set(old.nodes) == set(graph_from_json(text).nodes)
    assert "group:orsa:sambu-team" in at_round(graph)


def _cli(*args: object, cwd: Path):
    return lokgraph(*args, cwd=cwd)


def test_cli_keeps_two_rounds_of_one_file_and_reads_either(tmp_path):
    store = tmp_path / "s.json"
    example = EXAMPLES / "dalarna.yaml"
    for year in ("2023", "2024", "2024"):
        done = _cli("import", str(example), "--round", year, "--store", str(store), cwd=tmp_path)
        assert done.returncode == 0, str(done)
    graph = FileStore(store).load()
    assert rounds(graph) == ["2023", "2024"]
    assert {"source:dalarna-yaml@2023", "source:dalarna-yaml@2024"} <= set(graph.nodes)
    rows = {}
    for year in ("2023", "2024"):
        done = _cli("gaps", "--json", "--round", year, "--store", str(store), cwd=tmp_path)
        assert done.returncode == 0, str(done)
        rows[year] = json.loads(done.stdout)
        assert {e["source"] for r in rows[year] for e in r["evidence"]} <= {
            f"source:dalarna-yaml@{year}"
        }
    assert rows["2023"] and len(rows["2023"]) == len(rows["2024"])
    wrong = _cli("gaps", "--round", "1999", "--store", str(store), cwd=tmp_path)
    assert wrong.returncode == 1 and "omgången '1999' finns inte" in wrong.stderr


@pytest.mark.skipif(not DALARNA_SURVEY.exists(), reason="needs ../shared/seeds")
def test_a_survey_imported_without_round_gets_none_or_its_heading_year(tmp_path):
    store = tmp_path / "s.json"
    done = _cli("import", str(DALARNA_SURVEY), "--store", str(store), cwd=tmp_path)
    assert done.returncode == 0, str(done)
    sources = [d for _, d in FileStore(store).load().nodes(data=True) if d["label"] == "Source"]
    assert len(sources) == 1
    assert sources[0].get("round") in (None, *[str(y) for y in range(2015, 2027)])


def test_round_with_the_neo4j_backend_says_why_not(tmp_path):
    result = lokgraph(
        "gaps",
        "--backend",
        "neo4j",
        "--neo4j",
        "bolt://127.0.0.1:9",
        "--round",
        "2024",
        cwd=tmp_path,
    )
    assert_clean_failure(result, mentions=["--round", "--backend neo4j"])
