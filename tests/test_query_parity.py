"""Every gap query gives the same gaps over networkx and, as its Cypher twin, on Neo4j 5.26.

`assert_parity(graph, store)` is the check: it pushes the graph with `store.save` and compares
every query's networkx answer with its twin's (`run_cypher`). The graphs: a hand-built one
that gives every kind of gap, the bundled examples, and the imported Dalarna survey.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import networkx as nx
import pytest

from lokgraph.graph import build_graph, merge, new_graph
from lokgraph.models import Evidence
from queries.gap import Gap
from queries.registry import all_queries, run_cypher, run_query
from tests.graph_helpers import EXAMPLES
from tests.test_queries import Builder, dalarna_survey_graph

__all__ = ["assert_parity", "rich_graph"]


def assert_parity(
    graph: nx.MultiDiGraph, store, *, queries: Iterable[str] | None = None, push: bool = True
) -> None:
    """Push `graph` to `store` (a Neo4jStore) and assert every query gives equal gap lists.

    Pass `push=False` when the store already holds exactly this graph.
    """
    if push:
        store.save(graph)
    names = list(queries) if queries is not None else [q.name for q in all_queries()]
    failures = []
    for name in names:
        expected = run_query(name, graph)
        got = run_cypher(name, store)
        if got != expected:
            failures.append(_diff(name, expected, got))
    assert not failures, "\n\n".join(failures)


def _diff(name: str, expected: list[Gap], got: list[Gap]) -> str:
    want = {g.model_dump_json(): g for g in expected}
    have = {g.model_dump_json(): g for g in got}
    lines = [f"{name}: networkx gives {len(expected)} gaps, Cypher {len(got)}"]
    lines += [f"  only networkx: {want[k].model_dump()}" for k in sorted(set(want) - set(have))]
    lines += [f"  only Cypher:   {have[k].model_dump()}" for k in sorted(set(have) - set(want))]
    if set(want) == set(have):
        lines.append("  same gaps, different order or repeats")
    return "\n".join(lines[:40])


def rich_graph() -> nx.MultiDiGraph:
    """A small graph that gives every kind of gap and every status, with Swedish names."""
    b = Builder()
    names = ("Leksand", "Malung-Sälen", "Älvdalen", "Orsa", "Ludvika", "Säter", "Falun")
    k = {n: b.kommun(n) for n in names}
    bup, hab, opp = b.unit("BUP"), b.unit("HAB"), b.unit("OPPENPSYKIATRI")
    social = b.unit("SOCIALTJANST", k["Ludvika"])
    school = b.unit("SKOLA", k["Orsa"])
    vc = b.unit("VARDCENTRAL")

    def quote(text: str, **kw: str) -> tuple[Evidence, ...]:
        return (Evidence(source="source:enkat", quote=text, **kw),)

    # Leksand: BUP and HAB reported absent, from a group and from the LÖK.
    sg = b.group("group:leksand:sg", "strategisk", (k["Leksand"],), quote="Styrgruppen")
    ag = b.group("group:leksand:ag", "operativ", (k["Leksand"],), name="Arbetsgrupp Leksand")
    b.rel("REPORTS_TO", ag, sg)
    lok = b.lok(k["Leksand"], status="in_progress")
    b.rel("ABSENT_FROM", bup, ag, "Regionens BUP och HAB har inte deltagit", reason="not_asked")
    b.rel("ABSENT_FROM", hab, lok, "HAB är inte part i LÖK:en", reason="missing")
    b.rel("MEMBER_OF", vc, ag, "Vårdcentralen är med", partial=True)
    # Malung-Sälen: BUP hard to engage; HAB a partial member; a chain of two to the top.
    top = b.group("group:malung-salen:sg", "strategisk", (k["Malung-Sälen"],))
    mid = b.group("group:malung-salen:ag", "operativ", (k["Malung-Sälen"],))
    team = b.group("group:malung-salen:kt", "individ", (k["Malung-Sälen"],))
    b.rel("REPORTS_TO", team, mid)
    b.rel("REPORTS_TO", mid, top)
    b.rel("MEMBER_OF", hab, team, "HAB är med ibland", partial=True)
    hard = "Det är en ständig utmaning att få med BUP"
    b.rel("ABSENT_FROM", bup, mid, hard, reason="hard_to_engage")
    # Älvdalen: specialist level met by öppenpsykiatri; BUP and öppenpsykiatri reported absent.
    alv = b.group("group:alvdalen:kt", "individ", (k["Älvdalen"],), quote="Konsultationsteam")
    b.rel("MEMBER_OF", opp, alv)
    b.rel("ABSENT_FROM", bup, alv, "Avsaknad av specialistvården, framförallt BuP")
    orsa_ag = b.group("group:orsa:ag", "operativ", (k["Orsa"],))
    b.rel("ABSENT_FROM", opp, orsa_ag, "Öppenpsykiatrin kommer inte")
    # Orsa: the kommun's school in a delregional group that has BUP: unit and group bridges.
    upper = b.group("group:ovre-dalarna:sg", "strategisk", name="Styrgrupp Övre Dalarna")
    b.rel("MEMBER_OF", school, upper, "Skolan sitter i styrgruppen")
    b.rel("MEMBER_OF", bup, upper, "BUP sitter i styrgruppen")
    b.rel("MEMBER_OF", k["Orsa"], orsa_ag)
    b.rel("PARTY_TO", bup, b.lok(k["Orsa"], status="in_force", valid_to=dt.date(2027, 12, 31)))
    b.rel("IMPLEMENTS", "agreement:lok:orsa:barn_unga", b.rok(valid_to=dt.date(2026, 6, 30)))
    # Ludvika: one konsultationsteam is the only link to BUP; a LÖK for missbruk under revision.
    ludvika_kt = b.group(
        "group:ludvika:kt",
        "individ",
        (k["Ludvika"],),
        name="Konsultationsteam 'KT' \\ Ludvika",  # a quote and a backslash
        quote="Det är BUP:s ansvar, sa 'hon' – \"inte vårt\" \\ 100 % }) //",
    )
    b.group("group:ludvika:sg", "strategisk", (k["Ludvika"],))
    b.rel("MEMBER_OF", social, ludvika_kt, "Socialtjänsten deltar")
    b.rel("MEMBER_OF", bup, ludvika_kt, "BUP deltar i konsultationsteamet")
    b.lok(k["Ludvika"], "missbruk", status="under_revision")
    b.lok(k["Ludvika"], status="none")
    # A survey: Säter and Falun silent; another survey with a kommun id without a node.
    b.survey(
        "source:enkat",
        tuple(k.values()),
        tuple(k[n] for n in names if n not in ("Säter", "Falun")),
    )
    b.survey("source:uppfoljning", (k["Falun"], "kommun:okand"), ())
    graph = b.graph()
    # Evidence with every field, on a node and an edge.
    full = Evidence(
        source="source:enkat",
        quote='BUP och HAB saknas – "helt" ',
        question="Q2",
        page="3",
        respondent="Region Dalarna",
    )
    graph.nodes[sg]["evidence"].append(full.model_dump(exclude_none=True))
    graph.edges[bup, ag, "ABSENT_FROM"]["evidence"].append(full.model_dump(exclude_none=True))
    return graph


def test_rich_graph_gives_every_kind_of_gap():
    graph = rich_graph()
    kinds = {g.kind for q in all_queries() for g in run_query(q.name, graph)}
    assert kinds == {q.name for q in all_queries()}


def _examples_graph() -> nx.MultiDiGraph:
    from loaders.curated import load_structure_file

    graph = new_graph()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        merge(graph, load_structure_file(path))
    return graph


@pytest.fixture
def store(bolt_uri, bolt_clean):
    """A Neo4jStore on the tests' Neo4j, emptied first."""
    from lokgraph.neo4j_store import Neo4jStore

    with Neo4jStore(bolt_uri.uri, user=bolt_uri.user, password=bolt_uri.password) as opened:
        yield opened


@pytest.mark.bolt
def test_parity_on_the_rich_graph(store):
    assert_parity(rich_graph(), store)


@pytest.mark.bolt
def test_parity_on_an_empty_graph(store):
    assert_parity(new_graph(), store)


@pytest.mark.bolt
def test_parity_on_the_bundled_examples(store):
    assert_parity(_examples_graph(), store)


@pytest.mark.bolt
def test_parity_on_the_dalarna_survey(store):
    assert_parity(dalarna_survey_graph(), store)


@pytest.mark.bolt
def test_parity_on_one_example_at_a_time(store):
    from loaders.curated import load_structure_file

    for path in sorted(EXAMPLES.glob("*.yaml")):
        assert_parity(build_graph(load_structure_file(path)), store)


@pytest.mark.bolt
def test_parity_on_a_national_synthetic_graph(store):
    """All 290 kommuner (`lokgraph synth`): about 7,000 nodes and 35,000 relationships."""
    from lokgraph.synth import synth_graph

    graph = synth_graph(290, seed=1)
    assert graph.number_of_nodes() > 6000
    assert_parity(graph, store)
