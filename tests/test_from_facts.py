"""How facts become nodes and edges: one group per kommun and type, evidence on every edge."""

from lokgraph.facts import Fact
from lokgraph.from_facts import facts_source, facts_to_structure, survey_source
from lokgraph.graph import build_graph, merge, retract_source


def _fact(kind, quote="Ett citat.", source="enkat.txt", **fields):
    return Fact(kind=kind, quote=quote, source=source, **fields)


def _graph(facts, path="enkat.txt"):
    return build_graph(facts_to_structure(facts, source=facts_source(path, kind="survey")))


def test_members_and_absences_meet_on_one_group_per_kommun_and_type():
    graph = _graph(
        [
            _fact("group", kommun="Orsa", group_type="konsultationsteam", group_name="KT Orsa"),
            _fact("member", kommun="Orsa", party="ELEVHALSA", group_type="konsultationsteam"),
            _fact("member", kommun="Orsa", party="BUP", group_type="konsultationsteam",
                  partial=True),
            _fact("absent", kommun="Orsa", party="HAB", group_type="konsultationsteam",
                  reason="hard_to_engage", quote="Svårt att få med HAB."),
        ]
    )  # fmt: skip
    group = "group:orsa:konsultationsteam"
    assert graph.nodes[group]["name"] == "KT Orsa"  # a member fact's reference keeps the name
    assert graph.nodes[group]["level"] == "individ"
    assert graph.has_edge(group, "kommun:orsa", "SERVES")
    assert graph.has_edge("unit:orsa:elevhalsa", group, "MEMBER_OF")
    assert graph.edges["unit:region-dalarna:bup", group, "MEMBER_OF"]["partial"] is True
    absent = graph.edges["unit:region-dalarna:hab", group, "ABSENT_FROM"]
    assert absent["reason"] == "hard_to_engage"
    assert absent["evidence"][0]["quote"] == "Svårt att få med HAB."


def test_agreement_facts_land_on_the_lok_that_implements_the_rok():
    graph = _graph(
        [
            _fact("agreement_status", kommun="Mora", status="under_revision"),
            _fact("deviation_reporting", kommun="Mora", status="few"),
            _fact("member", kommun="Mora", party="HAB", agreement_area="barn_unga"),
        ]
    )
    lok = graph.nodes["agreement:lok:mora:barn-unga"]
    assert (lok["status"], lok["deviation_reporting"]) == ("under_revision", "few")
    assert graph.has_edge(
        "agreement:lok:mora:barn-unga", "agreement:rok:region-dalarna:barn-unga", "IMPLEMENTS"
    )
    assert graph.has_edge("unit:region-dalarna:hab", "agreement:lok:mora:barn-unga", "PARTY_TO")


def test_groups_without_a_kommun_stay_with_their_document():
    graph = _graph(
        [_fact("group", group_type="styrgrupp", source="rapport-a.txt")], "rapport-a.txt"
    )
    merge(
        graph,
        facts_to_structure(
            [_fact("group", group_type="styrgrupp", source="rapport-b.txt")],
            source=facts_source("rapport-b.txt"),
        ),
    )
    groups = sorted(n for n, d in graph.nodes(data=True) if d["label"] == "Group")
    assert groups == ["group:rapport-a-txt:styrgrupp", "group:rapport-b-txt:styrgrupp"]


def test_unplaced_sentences_are_kept_on_their_kommun():
    graph = _graph([_fact("unplaced", kommun="Gagnef", quote="Gemensamma hembesök.")])
    assert graph.nodes["kommun:gagnef"]["evidence"][0]["quote"] == "Gemensamma hembesök."


def test_survey_source_lists_who_was_asked_and_who_answered():
    source, structure = survey_source(
        path="x/enkat.txt", title="Enkät", surveyed=["Falun", "Orsa"], answered=["Orsa"]
    )
    assert source.surveyed == ("kommun:falun", "kommun:orsa") and source.answered == (
        "kommun:orsa",
    )
    graph = build_graph(structure)
    assert graph.has_edge("kommun:orsa", source.id, "STATED_IN")
    assert not graph.has_edge("kommun:falun", source.id, "STATED_IN")


def test_retracting_a_source_removes_what_only_it_stated():
    graph = _graph([_fact("member", kommun="Orsa", party="BUP", group_type="styrgrupp")])
    assert graph.has_edge("unit:region-dalarna:bup", "group:orsa:styrgrupp", "MEMBER_OF")
    removed = retract_source(graph, "source:enkat-txt")
    assert removed == 1
    assert not graph.has_edge("unit:region-dalarna:bup", "group:orsa:styrgrupp", "MEMBER_OF")
    assert graph.has_edge("group:orsa:styrgrupp", "kommun:orsa", "SERVES")  # structure stays
