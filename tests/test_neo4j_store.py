"""The Neo4j store against the real Neo4j 5.26 the tests start (or NEO4J_URI's), and the store
contract that the file store and the Neo4j store both keep."""

from __future__ import annotations

import socket

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lokgraph.errors import InputError, ServerError, StoreError
from lokgraph.graph import build_graph, summary
from lokgraph.models import (
    ALLOWED_ENDPOINTS,
    Activity,
    Agreement,
    Area,
    Evidence,
    Group,
    Principal,
    Relationship,
    Source,
    Structure,
    Unit,
)
from lokgraph.neo4j_store import Neo4jStore, split_credentials
from lokgraph.store import FileStore, GraphStore
from tests.graph_asserts import assert_same_graph, graph_diff

pytestmark = pytest.mark.bolt

NASTY = (
    "Det är BUP:s ansvar, sa 'hon' – \"inte vårt\"; åäö ÅÄÖ é ü\n"
    "<script>alert('x')</script> \\ backslash, 100 % klart }) DETACH DELETE n //"
)


def _open(bolt_uri, **kw) -> Neo4jStore:
    return Neo4jStore(bolt_uri.uri, user=bolt_uri.user, password=bolt_uri.password, **kw)


@pytest.fixture
def bolt_store(bolt_uri, bolt_clean):
    with _open(bolt_uri) as store:
        yield store


@pytest.fixture(params=["file", "bolt"])
def store(request, tmp_path) -> GraphStore:
    """Every store: the contract tests below run once per backend."""
    if request.param == "file":
        return FileStore(tmp_path / "g.json")
    return request.getfixturevalue("bolt_store")


def rich_structure() -> Structure:
    """Every label, quotes that break naive quoting, partial and reason on edges, dates."""
    survey = Source(
        id="source:enkat-2024",
        name="Enkät om samverkan 2024",
        kind="survey",
        date="2024-03-01",
        path="seeds/enkät 2024.txt",
        surveyed=("kommun:orsa", "kommun:mora", "kommun:alvdalen"),
        answered=("kommun:orsa", "kommun:mora"),
    )
    ev = Evidence(
        source=survey.id,
        quote=NASTY,
        question="2. Hur ser er samverkansstruktur ut?",
        respondent="kommun:orsa",
    )
    ev2 = Evidence(source=survey.id, quote='Rektorerna "deltar" ibland.', page="3")
    lan = Area(id="lan:dalarna", name="Dalarnas län", kind="lan", evidence=(ev,))
    orsa = Principal(id="kommun:orsa", name="Orsa", kind="kommun", kommunkod="2034", lan_kod="20")
    region = Principal(id="region:dalarna", name="Region Dalarna", kind="region")
    bup = Unit(
        id="unit:region-dalarna:bup",
        name="Barn- och ungdomspsykiatrin",
        party="BUP",
        care_level="specialist",
        evidence=(ev, ev2),
    )
    skola = Unit(id="unit:orsa:skola", name="Skolan i Orsa", party="SKOLA")
    kt = Group(
        id="group:orsa:kt",
        name="Konsultationsteam 'Barnens bästa'",
        group_type="konsultationsteam",
        level="individ",
        evidence=(ev2,),
    )
    styr = Group(id="group:orsa:styr", name="Styrgrupp", group_type="styrgrupp", level="politisk")
    rok = Agreement(
        id="agreement:dalarna:rok",
        name="RÖK barn och unga",
        kind="ROK",
        status="in_force",
        valid_from="2023-01-01",
        valid_to="2026-12-31",
    )
    lok = Agreement(
        id="agreement:orsa:lok",
        name="LÖK Orsa",
        kind="LOK",
        status="under_revision",
        valid_from="2024-05-01",
        deviation_reporting="sällan",
        evidence=(ev,),
    )
    act = Activity(
        id="activity:orsa:1",
        name="Gemensam utbildning <b>fet</b>",
        focus_area="tidiga insatser",
        timeline="2025 Q1",
    )
    rels = (
        Relationship(type="IN_AREA", source=orsa.id, target=lan.id),
        Relationship(type="IN_AREA", source=region.id, target=lan.id),
        Relationship(type="PART_OF", source=bup.id, target=region.id),
        Relationship(type="PART_OF", source=skola.id, target=orsa.id),
        Relationship(type="SERVES", source=kt.id, target=orsa.id),
        Relationship(type="SERVES", source=styr.id, target=orsa.id),
        Relationship(
            type="MEMBER_OF", source=skola.id, target=kt.id, partial=True, evidence=(ev2,)
        ),
        Relationship(type="MEMBER_OF", source=orsa.id, target=styr.id, partial=False),
        Relationship(type="ABSENT_FROM", source=bup.id, target=kt.id, reason=NASTY, evidence=(ev,)),
        Relationship(type="ABSENT_FROM", source=bup.id, target=lok.id, reason="inte tillfrågad"),
        Relationship(type="REPORTS_TO", source=kt.id, target=styr.id),
        Relationship(type="PARTY_TO", source=orsa.id, target=lok.id),
        Relationship(type="PARTY_TO", source=region.id, target=rok.id),
        Relationship(type="IMPLEMENTS", source=lok.id, target=rok.id),
        Relationship(type="RESPONSIBLE_FOR", source=skola.id, target=act.id),
        Relationship(type="FOLLOWED_UP_BY", source=act.id, target=styr.id),
    )
    nodes = (survey, lan, orsa, region, bup, skola, kt, styr, rok, lok, act)
    return Structure(nodes=nodes, relationships=rels)


def small_structure() -> Structure:
    orsa = Principal(id="kommun:orsa", name="Orsa", kind="kommun")
    team = Group(
        id="group:orsa:kt",
        name="KT",
        group_type="konsultationsteam",
        evidence=(Evidence(source="source:x", quote="Vi har ett 'KT'."),),
    )
    rel = Relationship(type="SERVES", source=team.id, target=orsa.id)
    return Structure(nodes=(orsa, team), relationships=(rel,))


# -- the store contract: every backend ----------------------------------------------------


def test_save_then_load_gives_the_same_graph(store):
    graph = build_graph(rich_structure())
    store.save(graph)
    assert_same_graph(store.load(), graph)


def test_an_empty_store_loads_an_empty_graph(store):
    assert store.load().number_of_nodes() == 0


def test_save_replaces_what_was_stored(store):
    store.save(build_graph(rich_structure()))
    smaller = build_graph(small_structure())
    store.save(smaller)
    assert_same_graph(store.load(), smaller)


def test_save_replaces_changed_labels_values_and_dropped_properties(store):
    graph = build_graph(rich_structure())
    store.save(graph)
    changed = build_graph(rich_structure())
    attrs = dict(changed.nodes["activity:orsa:1"])
    changed.remove_node("activity:orsa:1")
    changed.add_node("activity:orsa:1", **{**attrs, "label": "Group", "group_type": "arbetsgrupp"})
    changed.add_edge("activity:orsa:1", "kommun:orsa", key="SERVES", type="SERVES", evidence=[])
    del changed.nodes["kommun:orsa"]["kommunkod"]
    changed.nodes["group:orsa:kt"]["name"] = "Nytt namn"
    del changed.edges["unit:orsa:skola", "group:orsa:kt", "MEMBER_OF"]["partial"]
    store.save(changed)
    assert_same_graph(store.load(), changed)


def test_merging_twice_changes_nothing_the_second_time(store):
    structure = rich_structure()
    first = store.merge(structure)
    assert first.changed
    after_first = store.load()
    second = store.merge(structure)
    assert not second.changed
    assert_same_graph(store.load(), after_first)
    assert_same_graph(after_first, build_graph(structure))


def test_merge_adds_evidence_and_new_nodes_to_what_is_stored(store):
    store.merge(rich_structure())
    extra = Structure(
        nodes=(
            Unit(
                id="unit:orsa:skola",
                name="Skolan i Orsa",
                party="SKOLA",
                evidence=(Evidence(source="source:enkat-2024", quote="Skolan är med."),),
            ),
            Group(id="group:orsa:ny", name="Ny grupp", group_type="arbetsgrupp"),
        ),
        relationships=(
            Relationship(type="REPORTS_TO", source="group:orsa:ny", target="group:orsa:styr"),
        ),
    )
    stats = store.merge(extra)
    assert (stats.nodes_added, stats.nodes_updated) == (1, 1)
    expected = build_graph(rich_structure())
    from lokgraph.graph import merge

    merge(expected, extra)
    assert_same_graph(store.load(), expected)


def test_merge_validates_and_writes_nothing_when_it_fails(store):
    store.merge(small_structure())
    before = store.load()
    bad = Structure(
        nodes=(Group(id="group:orsa:ny", name="Ny", group_type="arbetsgrupp"),),
        relationships=(
            Relationship(type="SERVES", source="group:orsa:ny", target="kommun:nowhere"),
        ),
    )
    with pytest.raises(InputError, match="kommun:nowhere"):
        store.merge(bad, where="bad.yaml")
    assert_same_graph(store.load(), before)


# -- push and pull --------------------------------------------------------------------------


def test_push_pull_keeps_quotes_dates_lists_and_edge_properties(bolt_store):
    graph = build_graph(rich_structure())
    bolt_store.save(graph)
    pulled = bolt_store.load()
    assert_same_graph(pulled, graph)
    assert pulled.nodes["agreement:orsa:lok"]["valid_from"] == "2024-05-01"
    assert pulled.nodes["source:enkat-2024"]["surveyed"] == [
        "kommun:orsa",
        "kommun:mora",
        "kommun:alvdalen",
    ]
    edge = pulled.edges["unit:region-dalarna:bup", "group:orsa:kt", "ABSENT_FROM"]
    assert edge["reason"] == NASTY
    assert edge["evidence"][0]["quote"] == NASTY
    assert pulled.edges["unit:orsa:skola", "group:orsa:kt", "MEMBER_OF"]["partial"] is True
    assert pulled.edges["kommun:orsa", "group:orsa:styr", "MEMBER_OF"]["partial"] is False


def test_pushing_twice_leaves_the_counts_unchanged(bolt_store):
    graph = build_graph(rich_structure())
    bolt_store.save(graph)
    first = bolt_store.counts()
    assert first == summary(graph)
    bolt_store.save(graph)
    assert bolt_store.counts() == first
    assert_same_graph(bolt_store.load(), graph)


def test_pushing_the_same_graph_again_writes_nothing(bolt_store, monkeypatch):
    graph = build_graph(rich_structure())
    bolt_store.save(graph)
    writes = []
    monkeypatch.setattr(bolt_store, "_write_batches", lambda q, rows, **k: writes.extend(rows))
    monkeypatch.setattr(bolt_store, "load", lambda: pytest.fail("a push must not read it all"))
    bolt_store.save(graph)
    assert writes == []


def test_a_push_reports_progress_over_every_row_of_the_graph(bolt_store):
    graph = build_graph(rich_structure())
    total = graph.number_of_nodes() + graph.number_of_edges()
    for _ in range(2):  # a first push writes every row; an unchanged one compares them all
        calls: list[tuple[int, int]] = []
        bolt_store.save(graph, progress=lambda d, t, calls=calls: calls.append((d, t)))
        assert calls[0] == (0, total) and calls[-1] == (total, total)
        assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_per_round_values_push_and_pull_as_they_are(bolt_store):
    graph = build_graph(rich_structure())
    by_round = [
        {"round": "2023", "values": {"status": "none"}},
        {"round": "2024", "values": {"status": "under_revision"}},
    ]
    graph.nodes["agreement:orsa:lok"]["by_round"] = by_round
    graph.edges["unit:orsa:skola", "group:orsa:kt", "MEMBER_OF"]["by_round"] = by_round[:1]
    bolt_store.save(graph)
    pulled = bolt_store.load()
    assert pulled.nodes["agreement:orsa:lok"]["by_round"] == by_round
    assert_same_graph(pulled, graph)


def test_batches_smaller_than_the_graph_give_the_same_graph(bolt_uri, bolt_clean):
    graph = build_graph(rich_structure())
    with _open(bolt_uri, batch_size=2) as store:
        store.save(graph)
        assert_same_graph(store.load(), graph)


def test_run_returns_plain_rows_and_matches_on_quoted_values(bolt_store):
    bolt_store.save(build_graph(rich_structure()))
    name = "Konsultationsteam 'Barnens bästa'"
    rows = bolt_store.run(
        "MATCH (g:Group {name: $name})-[:SERVES]->(p:Principal) "
        "RETURN g.name AS group, p.name AS kommun",
        name=name,
    )
    assert rows == [{"group": name, "kommun": "Orsa"}]
    rows = bolt_store.run("MATCH (a:Agreement) RETURN a.id AS id ORDER BY id")
    assert rows == [{"id": "agreement:dalarna:rok"}, {"id": "agreement:orsa:lok"}]


def test_a_node_label_outside_the_schema_is_refused_before_anything_is_written(bolt_store):
    graph = build_graph(small_structure())
    graph.add_node("x", label="Area) DETACH DELETE (n", name="x")
    with pytest.raises(StoreError, match="har etiketten"):
        bolt_store.save(graph)
    assert bolt_store.counts() == {"nodes": {}, "edges": {}}


def test_a_relationship_type_outside_the_schema_is_refused(bolt_store):
    graph = build_graph(small_structure())
    graph.add_edge("group:orsa:kt", "kommun:orsa", key="OWNS", type="OWNS")
    with pytest.raises(StoreError, match="OWNS"):
        bolt_store.save(graph)


def test_a_value_a_server_cannot_hold_is_refused(bolt_store):
    graph = build_graph(small_structure())
    graph.nodes["kommun:orsa"]["extra"] = {"a": 1}
    with pytest.raises(StoreError, match="egenskapen 'extra' hos noden 'kommun:orsa' är en dict"):
        bolt_store.save(graph)


# -- random graphs ----------------------------------------------------------------------------

_TEXT = st.text(
    alphabet=st.sampled_from(list("abcåäöÅ '\"\\%<>/\n;{}:-") + ["é", "—", "😀"]),
    min_size=1,
    max_size=12,
)
_MAKERS = {
    "Area": lambda i, name, ev: Area(id=f"area:{i}", name=name, kind="omrade", evidence=ev),
    "Principal": lambda i, name, ev: Principal(
        id=f"kommun:{i}", name=name, kind="kommun", kommunkod=f"{i:04d}", evidence=ev
    ),
    "Unit": lambda i, name, ev: Unit(
        id=f"unit:{i}", name=name, party="BUP", care_level="specialist", evidence=ev
    ),
    "Group": lambda i, name, ev: Group(
        id=f"group:{i}", name=name, group_type="arbetsgrupp", level="operativ", evidence=ev
    ),
    "Agreement": lambda i, name, ev: Agreement(
        id=f"agreement:{i}", name=name, kind="LOK", valid_from="2024-01-31", evidence=ev
    ),
    "Activity": lambda i, name, ev: Activity(
        id=f"activity:{i}", name=name, timeline=name, evidence=ev
    ),
    "Source": lambda i, name, ev: Source(
        id=f"source:{i}", name=name, kind="survey", surveyed=(name, "kommun:x"), answered=(name,)
    ),
}


@st.composite
def structures(draw) -> Structure:
    labels = draw(st.lists(st.sampled_from(sorted(_MAKERS)), min_size=1, max_size=8))
    nodes = []
    for i, label in enumerate(labels):
        quotes = draw(st.lists(_TEXT, max_size=2))
        ev = tuple(Evidence(source="source:ev", quote=q, respondent="kommun:x") for q in quotes)
        nodes.append(_MAKERS[label](i, draw(_TEXT), ev))
    by_label = {}
    for node in nodes:
        by_label.setdefault(node.label, []).append(node.id)
    possible = [
        (rel_type, a, b)
        for rel_type, (froms, tos) in ALLOWED_ENDPOINTS.items()
        for fl in sorted(froms)
        for tl in sorted(tos)
        for a in by_label.get(fl, ())
        for b in by_label.get(tl, ())
    ]
    rels = []
    if possible:
        for rel_type, a, b in draw(st.lists(st.sampled_from(possible), max_size=8, unique=True)):
            rels.append(
                Relationship(
                    type=rel_type,
                    source=a,
                    target=b,
                    partial=draw(st.none() | st.booleans()),
                    reason=draw(st.none() | _TEXT),
                )
            )
    return Structure(nodes=tuple(nodes), relationships=tuple(rels))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(structure=structures())
def test_random_graphs_push_and_pull_unchanged(bolt_store, structure):
    graph = build_graph(structure)
    bolt_store.save(graph)
    assert_same_graph(bolt_store.load(), graph)
    assert bolt_store.counts() == summary(graph)


# -- connections and credentials --------------------------------------------------------------


def test_wrong_password_is_one_line_without_the_password(bolt_uri):
    secret = "wrong-Pa55word-x7"
    with pytest.raises(ServerError) as caught:
        Neo4jStore(bolt_uri.uri, user=bolt_uri.user or "neo4j", password=secret)
    message = str(caught.value)
    assert "\n" not in message
    assert secret not in message
    assert message == (
        f"servern {bolt_uri.uri} godtog inte användarnamnet eller lösenordet. Sätt NEO4J_USER "
        "och NEO4J_PASSWORD till ett konto på den servern."
    )


def test_credentials_in_the_uri_are_used_and_never_shown(bolt_uri):
    secret = "wrong-Pa55word-x8"
    host = bolt_uri.uri.split("://", 1)[1]
    with pytest.raises(ServerError) as caught:
        Neo4jStore(f"bolt://someone:{secret}@{host}")
    assert secret not in str(caught.value)
    assert "someone" not in str(caught.value)


def test_unreachable_server_is_one_line(monkeypatch):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("NEO4J_PASSWORD", "env-secret-9")
    with pytest.raises(ServerError) as caught:
        Neo4jStore(f"bolt://127.0.0.1:{port}")
    message = str(caught.value)
    assert "\n" not in message
    assert message == (
        f"ingen Neo4j-server svarar på bolt://127.0.0.1:{port} (anslutningen nekades). "
        "Starta den (docker compose up -d) eller rätta adressen."
    )
    assert "env-secret-9" not in message


def test_a_uri_that_is_not_bolt_is_refused():
    with pytest.raises(ServerError, match="är ingen Bolt-adress"):
        Neo4jStore("http://user:pw@localhost:7474")


def test_split_credentials_strips_user_and_password():
    assert split_credentials("bolt://u%40x:p%3Aw@h:7687") == ("bolt://h:7687", "u@x", "p:w")
    assert split_credentials("neo4j+s://h") == ("neo4j+s://h", None, None)


def test_repr_names_the_server_not_the_credentials(bolt_uri):
    with _open(bolt_uri) as store:
        text = repr(store)
    assert bolt_uri.uri in text
    if bolt_uri.password:
        assert bolt_uri.password not in text


def test_graph_diff_names_what_differs():
    a = build_graph(small_structure())
    b = build_graph(small_structure())
    b.nodes["kommun:orsa"]["name"] = "Mora"
    b.remove_edge("group:orsa:kt", "kommun:orsa", key="SERVES")
    lines = graph_diff(a, b)
    assert "node 'kommun:orsa': name: 'Orsa' != 'Mora'" in lines
    assert any(
        line.startswith("edge 'group:orsa:kt' -[SERVES]-> 'kommun:orsa' only in the first")
        for line in lines
    )
    with pytest.raises(AssertionError, match="graphs differ"):
        assert_same_graph(a, b)


# -- only a real Neo4j can show these ----------------------------------------------------------


def test_neo4j_uniqueness_constraints_exist(bolt_store):
    bolt_store.save(build_graph(small_structure()))
    rows = bolt_store.run(
        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties "
        "WHERE type = 'UNIQUENESS' RETURN labelsOrTypes AS labels, properties"
    )
    covered = {(r["labels"][0], tuple(r["properties"])) for r in rows}
    for label in _MAKERS:
        assert (label, ("id",)) in covered


def test_neo4j_a_failing_batch_is_rolled_back_whole(bolt_uri, bolt_clean):
    with _open(bolt_uri, batch_size=10) as store:
        store.save(build_graph(small_structure()))
        before = store.counts()
        rows = [{"id": f"area:{i}", "props": {"id": f"area:{i}", "name": "x"}} for i in range(3)]
        rows.append({"id": "area:bad", "props": {"id": "area:bad", "name": {"not": "a value"}}})
        with pytest.raises(ServerError):
            store._write_batches(
                "UNWIND $rows AS row MERGE (n:Area {id: row.id}) SET n = row.props", rows
            )
        assert store.counts() == before


def test_values_larger_than_one_request_round_trip(bolt_store):
    """Values far larger than a typical row (290 ids, 40 long quotes) in one batch."""
    kommuner = tuple(f"kommun:{i:03d}-{NASTY[:20]}" for i in range(290))
    survey = Source(
        id="source:riks", name="Riksenkät", kind="survey", surveyed=kommuner, answered=kommuner
    )
    quotes = tuple(
        Evidence(source=survey.id, quote=f"{i}: {NASTY} {'å' * 150}", respondent=kommuner[i])
        for i in range(40)
    )
    bup = Unit(id="unit:region:bup", name="BUP " + "ö'\\" * 900, party="BUP", evidence=quotes)
    group = Group(id="group:x", name="KT", group_type="konsultationsteam")
    absent = Relationship(
        type="ABSENT_FROM", source=bup.id, target=group.id, reason=NASTY * 30, evidence=quotes
    )
    graph = build_graph(Structure(nodes=(survey, bup, group), relationships=(absent,)))
    bolt_store.save(graph)
    assert_same_graph(bolt_store.load(), graph)
    bolt_store.save(graph)
    assert bolt_store.counts() == summary(graph)
