"""The planner's workflow through the command line, on the real Dalarna survey and the examples:
import, review, gaps, views, push and pull against the real Bolt server."""

import csv
import json

import pytest
from typer.testing import CliRunner

from lokgraph.cli import app
from lokgraph.neo4j_store import Neo4jStore
from lokgraph.store import FileStore
from tests.graph_asserts import assert_same_graph
from tests.graph_helpers import DALARNA_SURVEY

runner = CliRunner()
pytestmark = pytest.mark.skipif(not DALARNA_SURVEY.exists(), reason="needs ../shared/seeds")


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def survey_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("survey") / "store.json"
    _ok("import", str(DALARNA_SURVEY), "--store", str(store))
    return store


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    _ok("demo", "--out", str(folder))
    return folder / "lokgraph-store.json"


def test_importing_the_survey_twice_leaves_the_store_byte_identical(survey_store):
    before = survey_store.read_bytes()
    output = _ok("import", str(DALARNA_SURVEY), "--store", str(survey_store))
    assert "är oförändrat" in output
    assert survey_store.read_bytes() == before


def test_gaps_json_shows_the_reported_absences_and_non_respondents(survey_store):
    rows = json.loads(_ok("gaps", "--json", "--store", str(survey_store)))
    absent = {
        (r["kommun"], r["party"])
        for r in rows
        if r["kind"] == "missing_specialist" and r["status"] == "reported_absent"
    }
    assert {("Leksand", "BUP"), ("Leksand", "HAB"), ("Malung-Sälen", "BUP")} <= absent
    leksand_bup = next(
        r for r in rows if r["kind"] == "missing_specialist" and r["kommun"] == "Leksand"
        and r["party"] == "BUP"
    )  # fmt: skip
    assert any("har inte deltagit" in e["quote"] for e in leksand_bup["evidence"])
    silent = sorted(r["kommun"] for r in rows if r["kind"] == "no_answer")
    assert silent == ["Borlänge", "Falun", "Rättvik", "Säter"]
    assert {"kind", "kommun", "party", "detail", "evidence"} <= set(rows[0])


def test_gaps_for_one_kommun_and_kind(survey_store):
    rows = json.loads(
        _ok("gaps", "--json", "--kind", "missing_specialist", "--kommun", "malung sälens kommun",
            "--store", str(survey_store))
    )  # fmt: skip
    assert {r["kommun"] for r in rows} == {"Malung-Sälen"}
    table = _ok("gaps", "--kommun", "Leksand", "--store", str(survey_store))
    assert "Leksand" in table and "Specialistnivån" in table


def test_unknown_kommun_and_query_are_clear_errors(survey_store):
    result = runner.invoke(app, ["gaps", "--kommun", "Leksnd", "--store", str(survey_store)])
    assert result.exit_code != 0
    assert "Leksand" in str(result.exception)
    result = runner.invoke(app, ["query", "no_such_query", "--store", str(survey_store)])
    assert result.exit_code != 0 and "missing_specialist" in str(result.exception)


def test_review_sheet_corrects_the_survey(survey_store, tmp_path):
    sheet = tmp_path / "facts.csv"
    _ok("extract", str(DALARNA_SURVEY), "--review", str(sheet))
    with sheet.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["citat (quote)"] for r in rows)
    # the planner decides Malung-Sälen's BUP complaints were not about absence, and that
    # Orsa's LÖK is in force
    kind, kommun = "slag (kind)", "kommun (kommun)"
    kept = [r for r in rows if not (r[kind] == "saknas" and r[kommun] == "Malung-Sälen")]
    assert len(kept) < len(rows)
    for r in kept:
        if r[kind] == "LÖK-status" and r[kommun] == "Orsa":
            r["status (status)"] = "gällande"
    with sheet.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(kept)
    store = tmp_path / "store.json"
    store.write_bytes(survey_store.read_bytes())
    _ok("import", str(sheet), "--store", str(store))
    rows = json.loads(_ok("gaps", "--json", "--store", str(store)))
    absent = {
        (r["kommun"], r["party"], r["status"]) for r in rows if r["kind"] == "missing_specialist"
    }
    assert ("Malung-Sälen", "BUP", "reported_absent") not in absent
    assert ("Leksand", "BUP", "reported_absent") in absent
    lok = FileStore(store).load().nodes["agreement:lok:orsa:barn-unga"]
    assert lok["status"] == "in_force"


def test_views_are_written(survey_store, tmp_path):
    for command, name in (("map", "karta.html"), ("matrix", "matris.html"), ("report", "r.html")):
        _ok(command, "-o", str(tmp_path / name), "--store", str(survey_store))
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>") and "Leksand" in text
    _ok(
        "map",
        "--kommun",
        "Leksand",
        "-o",
        str(tmp_path / "leksand.html"),
        "--store",
        str(survey_store),
    )
    _ok("matrix", "--csv", "-o", str(tmp_path / "m.csv"), "--store", str(survey_store))
    assert "BUP" in (tmp_path / "m.csv").read_text(encoding="utf-8").splitlines()[0]


@pytest.mark.bolt
@pytest.mark.parametrize("which", ["survey", "demo"])
def test_push_then_pull_gives_the_same_graph(
    which, survey_store, demo_store, bolt_uri, bolt_clean, tmp_path, monkeypatch
):
    store = survey_store if which == "survey" else demo_store
    monkeypatch.setenv("NEO4J_USER", bolt_uri.user)
    monkeypatch.setenv("NEO4J_PASSWORD", bolt_uri.password)
    _ok("push", "--neo4j", bolt_uri.uri, "--store", str(store))
    with Neo4jStore(bolt_uri.uri, user=bolt_uri.user, password=bolt_uri.password) as server:
        first = server.counts()
    _ok("push", "--neo4j", bolt_uri.uri, "--store", str(store))
    with Neo4jStore(bolt_uri.uri, user=bolt_uri.user, password=bolt_uri.password) as server:
        assert server.counts() == first
    copy = tmp_path / "copy.json"
    _ok("pull", "--neo4j", bolt_uri.uri, "--store", str(copy))
    assert_same_graph(FileStore(copy).load(), FileStore(store).load())
    rows = json.loads(
        _ok("gaps", "--json", "--backend", "neo4j", "--neo4j", bolt_uri.uri, "--store", str(store))
    )
    assert rows == json.loads(_ok("gaps", "--json", "--store", str(store)))
