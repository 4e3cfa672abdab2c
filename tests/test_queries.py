"""The gap queries over small networkx graphs: every branch of each query's semantics."""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import json
from pathlib import Path

import pytest

from lokgraph.graph import build_graph
from lokgraph.models import (
    Agreement,
    Evidence,
    Group,
    Principal,
    Relationship,
    Source,
    Structure,
    Unit,
)
from queries.gap import KINDS, Gap, evidence_from_json, filter_kommun, sort_gaps
from queries.registry import (
    UnknownQueryError,
    all_queries,
    compact_cypher,
    get_query,
    rows_to_gaps,
    run_all,
    run_query,
)
from queries.single_bridge import bridges_from_rows, collaboration_graphs
from tests.graph_helpers import DALARNA_SURVEY

QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"
SOURCE = "source:test"


@functools.cache
def dalarna_survey_graph():
    """The Dalarna survey as `lokgraph import` makes it (read from ../shared/seeds)."""
    from loaders.importer import read_path

    return build_graph(read_path(DALARNA_SURVEY).structure)


def ev(quote: str, **kw: str) -> tuple[Evidence, ...]:
    return (Evidence(source=SOURCE, quote=quote, **kw),)


class Builder:
    """A tiny graph in the shape from_facts gives: kommuner, a region, units, groups, LÖKs."""

    def __init__(self) -> None:
        self.nodes: list = [
            Principal(id="region:region-test", name="Region Test", kind="region"),
        ]
        self.rels: list[Relationship] = []

    def kommun(self, name: str) -> str:
        kid = "kommun:" + name.lower()
        self.nodes.append(Principal(id=kid, name=name, kind="kommun"))
        return kid

    def unit(self, party: str, owner: str = "region:region-test", care: str | None = None) -> str:
        from lokgraph.codes import PARTIES

        uid = f"unit:{owner.split(':', 1)[1]}:{party.lower()}"
        care = care or PARTIES[party].care_level
        self.nodes.append(Unit(id=uid, name=f"{party} ({owner})", party=party, care_level=care))
        self.rel("PART_OF", uid, owner)
        return uid

    def group(
        self,
        gid: str,
        level: str | None,
        serves: tuple[str, ...] = (),
        *,
        name: str | None = None,
        quote: str | None = None,
    ) -> str:
        self.nodes.append(
            Group(
                id=gid,
                name=name or gid.rsplit(":", 1)[-1].capitalize(),
                group_type="arbetsgrupp",
                level=level,
                evidence=ev(quote) if quote else (),
            )
        )
        for kid in serves:
            self.rel("SERVES", gid, kid)
        return gid

    def lok(self, kid: str, area: str = "barn_unga", status: str | None = None, **kw) -> str:
        aid = f"agreement:lok:{kid.split(':')[1]}:{area}"
        self.nodes.append(
            Agreement(id=aid, name=f"LÖK {kid} {area}", kind="LOK", area=area, status=status, **kw)
        )
        self.rel("PARTY_TO", kid, aid)
        return aid

    def rok(self, area: str = "barn_unga", **kw) -> str:
        aid = f"agreement:rok:test:{area}"
        self.nodes.append(Agreement(id=aid, name=f"RÖK Test {area}", kind="ROK", area=area, **kw))
        return aid

    def survey(self, sid: str, surveyed: tuple[str, ...], answered: tuple[str, ...]) -> str:
        self.nodes.append(
            Source(id=sid, name=f"Enkät {sid}", kind="survey", surveyed=surveyed, answered=answered)
        )
        return sid

    def rel(self, type_: str, a: str, b: str, quote: str | None = None, **kw) -> None:
        evidence = ev(quote) if quote else ()
        self.rels.append(Relationship(type=type_, source=a, target=b, evidence=evidence, **kw))

    def graph(self):
        return build_graph(Structure(nodes=tuple(self.nodes), relationships=tuple(self.rels)))


def _by(gaps: list[Gap]) -> dict[tuple, Gap]:
    return {(g.kommun, g.party, g.status): g for g in gaps}


# -- missing_specialist ----------------------------------------------------------------


def test_missing_specialist_not_recorded_when_nothing_is_said():
    b = Builder()
    orsa = b.kommun("Orsa")
    b.group("group:orsa:ag", "operativ", (orsa,))
    gaps = run_query("missing_specialist", b.graph())
    assert [(g.kommun, g.party, g.status) for g in gaps] == [
        ("Orsa", "BUP", "not_recorded"),
        ("Orsa", "HAB", "not_recorded"),
        ("Orsa", "SPECIALIST", "not_recorded"),
    ]
    assert all(g.evidence == () for g in gaps)
    assert gaps[0].detail.startswith("BUP finns inte i underlaget för Orsa")


def test_missing_specialist_reported_absent_with_quotes_from_group_and_lok():
    b = Builder()
    leksand = b.kommun("Leksand")
    group = b.group("group:leksand:ag", "operativ", (leksand,))
    lok = b.lok(leksand)
    bup, hab = b.unit("BUP"), b.unit("HAB")
    b.rel("ABSENT_FROM", bup, group, "BUP har inte deltagit", reason="not_participating")
    b.rel("ABSENT_FROM", hab, lok, "HAB saknas i LÖK:en", reason="missing")
    gaps = _by(run_query("missing_specialist", b.graph()))
    assert gaps["Leksand", "BUP", "reported_absent"].evidence == ev("BUP har inte deltagit")
    assert gaps["Leksand", "HAB", "reported_absent"].evidence == ev("HAB saknas i LÖK:en")
    specialist = gaps["Leksand", "SPECIALIST", "reported_absent"]
    quotes = [e.quote for e in specialist.evidence]
    assert quotes == ["BUP har inte deltagit", "HAB saknas i LÖK:en"]
    assert specialist.detail.startswith("Specialistnivån rapporteras saknas i Leksand")


def test_partial_member_counts_as_member():
    b = Builder()
    mora = b.kommun("Mora")
    group = b.group("group:mora:kt", "individ", (mora,))
    b.rel("MEMBER_OF", b.unit("BUP"), group, "BUP är med ibland", partial=True)
    gaps = _by(run_query("missing_specialist", b.graph()))
    assert set(gaps) == {("Mora", "HAB", "not_recorded")}


def test_party_to_lok_barn_unga_counts_but_other_areas_do_not():
    b = Builder()
    gagnef, vansbro = b.kommun("Gagnef"), b.kommun("Vansbro")
    b.rel("PARTY_TO", b.unit("BUP"), b.lok(gagnef))
    b.rel("PARTY_TO", b.unit("HAB"), b.lok(gagnef, "missbruk"))
    b.rel("PARTY_TO", "unit:region-test:bup", b.lok(vansbro, "missbruk"))
    gaps = _by(run_query("missing_specialist", b.graph()))
    assert ("Gagnef", "BUP", "not_recorded") not in gaps
    assert ("Gagnef", "SPECIALIST", "not_recorded") not in gaps
    assert ("Gagnef", "HAB", "not_recorded") in gaps
    assert ("Vansbro", "BUP", "not_recorded") in gaps


def test_specialist_level_is_met_by_any_specialist_unit():
    b = Builder()
    falun = b.kommun("Falun")
    group = b.group("group:falun:sg", "strategisk", (falun,))
    b.rel("MEMBER_OF", b.unit("OPPENPSYKIATRI"), group)
    b.rel("ABSENT_FROM", b.unit("BUP"), group, "BUP saknas")
    gaps = _by(run_query("missing_specialist", b.graph()))
    assert set(gaps) == {("Falun", "BUP", "reported_absent"), ("Falun", "HAB", "not_recorded")}


def test_membership_in_another_kommuns_group_does_not_count():
    b = Builder()
    avesta, hedemora = b.kommun("Avesta"), b.kommun("Hedemora")
    b.group("group:avesta:ag", "operativ", (avesta,))
    other = b.group("group:hedemora:ag", "operativ", (hedemora,))
    bup = b.unit("BUP")
    b.rel("MEMBER_OF", bup, other)
    b.rel("ABSENT_FROM", bup, "group:avesta:ag", "BUP är inte med")
    gaps = _by(run_query("missing_specialist", b.graph()))
    assert ("Avesta", "BUP", "reported_absent") in gaps
    assert ("Hedemora", "BUP", "not_recorded") not in gaps


def test_which_kommuner_are_checked():
    b = Builder()
    asked, silent, absent = b.kommun("Orsa"), b.kommun("Säter"), b.kommun("Borlänge")
    b.survey("source:enkat", (asked, silent), (asked,))
    b.lok(b.kommun("Rättvik"))
    gaps = run_query("missing_specialist", b.graph())
    assert {g.kommun for g in gaps} == {"Orsa", "Säter", "Rättvik"}
    assert absent  # a kommun known only as a node is not in the data


def test_kommun_filter():
    b = Builder()
    for name in ("Orsa", "Mora"):
        b.group(f"group:{name.lower()}:ag", "operativ", (b.kommun(name),))
    graph = b.graph()
    assert {g.kommun for g in run_query("missing_specialist", graph, kommun="orsa")} == {"Orsa"}
    assert run_query("missing_specialist", graph, kommun="Ludvika") == []


# -- lok_status --------------------------------------------------------------------------


def test_lok_status_per_status_and_not_recorded():
    b = Builder()
    statuses = {
        "in_force": "Orsa",
        "in_progress": "Mora",
        "under_revision": "Vansbro",
        "none": "Leksand",
        None: "Gagnef",
    }
    kommuner = {status: b.kommun(name) for status, name in statuses.items()}
    for status, kid in kommuner.items():
        b.lok(kid, status=status)
    silent = b.kommun("Säter")
    b.survey("source:enkat", (silent,), ())
    b.kommun("Falun")  # neither surveyed nor with a LÖK: not checked
    gaps = run_query("lok_status", b.graph())
    assert [(g.kommun, g.status) for g in gaps] == [
        ("Gagnef", "unknown"),
        ("Leksand", "none"),
        ("Mora", "in_progress"),
        ("Säter", "not_recorded"),
        ("Vansbro", "under_revision"),
    ]
    by_kommun = {g.kommun: g for g in gaps}
    assert by_kommun["Mora"].detail == "LÖK för barn och unga i Mora: under framtagande"
    assert by_kommun["Mora"].subject == "agreement:lok:mora:barn_unga"
    assert by_kommun["Säter"].subject is None


def test_lok_status_checks_only_areas_present_and_each_area():
    b = Builder()
    orsa = b.kommun("Orsa")
    b.lok(orsa, status="in_force")
    b.rok("missbruk")
    gaps = run_query("lok_status", b.graph())
    assert [(g.kommun, g.status, g.detail) for g in gaps] == [
        ("Orsa", "not_recorded", "LÖK för missbruk och beroende i Orsa: finns inte i underlaget")
    ]


def test_lok_status_lok_outlasting_its_rok():
    b = Builder()
    orsa, mora = b.kommun("Orsa"), b.kommun("Mora")
    rok = b.rok(valid_to=dt.date(2026, 6, 30))
    late = b.lok(orsa, status="in_force", valid_to=dt.date(2027, 12, 31))
    fine = b.lok(mora, status="in_force", valid_to=dt.date(2026, 6, 30))
    b.rel("IMPLEMENTS", late, rok)
    b.rel("IMPLEMENTS", fine, rok)
    gaps = run_query("lok_status", b.graph())
    assert [(g.kommun, g.status, g.subject) for g in gaps] == [("Orsa", "outlasts_rok", late)]
    assert "2027-12-31" in gaps[0].detail and "2026-06-30" in gaps[0].detail


# -- ungoverned_group ---------------------------------------------------------------------


def test_reports_to_chain_of_length_two_reaches_strategic_level():
    b = Builder()
    orsa = b.kommun("Orsa")
    strategic = b.group("group:orsa:sg", "strategisk", (orsa,))
    work = b.group("group:orsa:ag", "operativ", (orsa,))
    team = b.group("group:orsa:kt", "individ", (orsa,))
    b.rel("REPORTS_TO", team, work)
    b.rel("REPORTS_TO", work, strategic)
    assert run_query("ungoverned_group", b.graph()) == []


def test_ungoverned_groups_political_top_cycles_and_unknown_level():
    b = Builder()
    orsa, mora = b.kommun("Orsa"), b.kommun("Mora")
    polsam = b.group("group:orsa:polsam", "politisk", (orsa,))
    work = b.group("group:orsa:ag", "operativ", (orsa, mora), quote="Arbetsgruppen träffas")
    b.rel("REPORTS_TO", work, polsam)
    a = b.group("group:mora:a", "individ", (mora,))
    c = b.group("group:mora:c", "individ", (mora,))
    b.rel("REPORTS_TO", a, c)
    b.rel("REPORTS_TO", c, a)
    b.group("group:mora:x", None, (mora,))
    b.group("group:ingen:y", "operativ")
    gaps = run_query("ungoverned_group", b.graph())
    assert [(g.kommun, g.subject) for g in gaps] == [
        (None, "group:ingen:y"),
        ("Mora", "group:mora:a"),
        ("Mora", "group:mora:c"),
        ("Mora", "group:orsa:ag"),
        ("Orsa", "group:orsa:ag"),
    ]
    assert gaps[-1].evidence == ev("Arbetsgruppen träffas")
    assert gaps[-1].detail == (
        "Ag (operativ nivå) rapporterar inte, direkt eller via andra grupper, till någon grupp "
        "på strategisk nivå"
    )


# -- missing_level ------------------------------------------------------------------------


def test_missing_level():
    b = Builder()
    orsa = b.kommun("Orsa")
    b.group("group:orsa:sg", "strategisk", (orsa,))
    b.group("group:orsa:pol", "politisk", (orsa,))
    silent = b.kommun("Säter")
    b.survey("source:enkat", (silent,), ())
    gaps = run_query("missing_level", b.graph())
    assert [(g.kommun, g.status) for g in gaps] == [
        ("Orsa", "individ"),
        ("Orsa", "operativ"),
        ("Säter", "individ"),
        ("Säter", "operativ"),
        ("Säter", "strategisk"),
    ]
    assert gaps[0].detail == "Orsa har ingen grupp på individnivå"


# -- no_answer ----------------------------------------------------------------------------


def test_no_answer_per_survey():
    b = Builder()
    falun, orsa, mora = b.kommun("Falun"), b.kommun("Orsa"), b.kommun("Mora")
    b.survey("source:a", (falun, orsa, mora), (orsa,))
    b.survey("source:b", (falun, "kommun:okand"), ())
    gaps = run_query("no_answer", b.graph())
    assert [(g.kommun, g.subject) for g in gaps] == [
        ("Falun", "source:a"),
        ("Falun", "source:b"),
        ("kommun:okand", "source:b"),
        ("Mora", "source:a"),
    ]
    assert gaps[0].detail == "Falun har inte svarat på Enkät source:a"


# -- single_bridge ------------------------------------------------------------------------


def test_single_bridge_group_is_the_only_way_to_bup():
    b = Builder()
    ludvika = b.kommun("Ludvika")
    b.group("group:ludvika:ag", "operativ", (ludvika,))
    team = b.group("group:ludvika:kt", "individ", (ludvika,), quote="Konsultationsteamet finns")
    b.rel("MEMBER_OF", b.unit("SOCIALTJANST", ludvika), team)
    b.rel("MEMBER_OF", b.unit("BUP"), team, "BUP deltar i teamet")
    gaps = run_query("single_bridge", b.graph())
    assert [(g.kommun, g.subject, g.status, g.party) for g in gaps] == [
        ("Ludvika", team, "group", None)
    ]
    quotes = {e.quote for e in gaps[0].evidence}
    assert quotes == {"Konsultationsteamet finns", "BUP deltar i teamet"}
    assert gaps[0].detail == "Kt är den enda länken mellan Ludvika och specialistnivån (BUP)"


def test_no_bridge_when_two_groups_reach_specialists():
    b = Builder()
    orsa = b.kommun("Orsa")
    bup = b.unit("BUP")
    for gid in ("group:orsa:a", "group:orsa:b"):
        b.rel("MEMBER_OF", bup, b.group(gid, "operativ", (orsa,)))
    assert run_query("single_bridge", b.graph()) == []


def test_unit_and_upper_group_as_bridges():
    """The kommun's own unit sits in a delregional group (not serving it) that has BUP."""
    b = Builder()
    avesta = b.kommun("Avesta")
    b.group("group:avesta:ag", "operativ", (avesta,))
    upper = b.group("group:sodra:sg", "strategisk")
    social = b.unit("SOCIALTJANST", avesta)
    b.rel("MEMBER_OF", social, upper, "Socialtjänsten sitter i styrgruppen")
    b.rel("MEMBER_OF", b.unit("BUP"), upper)
    gaps = run_query("single_bridge", b.graph())
    assert [(g.subject, g.status, g.party) for g in gaps] == [
        (upper, "group", None),
        (social, "unit", "SOCIALTJANST"),
    ]


def test_governance_chain_bridges_and_region_units_do_not_leak_across_kommuner():
    b = Builder()
    mora, orsa = b.kommun("Mora"), b.kommun("Orsa")
    team = b.group("group:mora:kt", "individ", (mora,))
    work = b.group("group:mora:ag", "operativ")  # serves no kommun itself
    top = b.group("group:dal:sg", "strategisk")
    b.rel("REPORTS_TO", team, work)
    b.rel("REPORTS_TO", work, top)
    b.rel("MEMBER_OF", b.unit("HAB"), top)
    vc = b.unit("VARDCENTRAL")
    b.rel("MEMBER_OF", vc, team)
    other = b.group("group:orsa:ag", "operativ", (orsa,))
    b.rel("MEMBER_OF", vc, other)
    b.rel("MEMBER_OF", b.unit("BUP"), other)
    gaps = run_query("single_bridge", b.graph())
    assert [(g.kommun, g.subject) for g in gaps] == [
        ("Mora", top),
        ("Mora", work),
        ("Mora", team),
        ("Orsa", other),
    ]


def test_single_bridge_rows_give_the_same_gaps_as_the_graph():
    """The Python half of the Cypher twin, fed rows built from the networkx candidate graphs."""
    b = Builder()
    ludvika = b.kommun("Ludvika")
    team = b.group("group:ludvika:kt", "individ", (ludvika,), quote="Teamet")
    social = b.unit("SOCIALTJANST", ludvika)
    b.rel("MEMBER_OF", social, team)
    b.rel("MEMBER_OF", b.unit("BUP"), team, "BUP deltar")
    graph = b.graph()
    rows = []
    for collab in collaboration_graphs(graph):
        for (x, y, type_), found in collab.edges.items():
            if type_ == "PART_OF":
                continue
            a, other = (x, y) if collab.nodes.get(x, {}).get("label") == "Group" else (y, x)
            end = collab.nodes.get(other, {"label": "Principal", "name": collab.kommun})
            rows.append(
                {
                    "kommun_id": collab.kommun_id,
                    "kommun": collab.kommun,
                    "a": {"id": a, **_jsonable(collab.nodes[a])},
                    "b": {"id": other, **_jsonable(end)},
                    "type": type_,
                    "evidence": json.dumps([e for raw in found for e in raw]),
                    "b_part_of_kommun": other == social,
                    "part_of_evidence": "[]",
                }
            )
    assert bridges_from_rows(rows) == run_query("single_bridge", graph)
    assert len(rows) == 3


def _jsonable(attrs: dict) -> dict:
    return {**attrs, "evidence": json.dumps(list(attrs.get("evidence", ())))}


# -- hard_to_engage -----------------------------------------------------------------------


def test_hard_to_engage_ranked_with_kommuner_and_quotes():
    b = Builder()
    bup, hab, um = b.unit("BUP"), b.unit("HAB"), b.unit("UM")
    names = ("Leksand", "Mora", "Orsa", "Älvdalen")
    groups = {n: b.group(f"group:{n.lower()}:ag", "operativ", (b.kommun(n),)) for n in names}
    for n in ("Leksand", "Mora", "Älvdalen"):
        b.rel("ABSENT_FROM", bup, groups[n], f"BUP saknas i {n}", reason="missing")
    b.rel("ABSENT_FROM", hab, groups["Leksand"], "HAB saknas", reason="missing")
    b.rel("ABSENT_FROM", hab, b.lok("kommun:orsa"), "HAB har inte skrivit under")
    b.rel("ABSENT_FROM", um, groups["Mora"], "UM saknas")
    b.kommun("Säter")  # no data: not counted in "av N"
    gaps = run_query("hard_to_engage", b.graph())
    assert [(g.party, g.count, g.kommuner, g.kommun) for g in gaps] == [
        ("BUP", 3, ("Leksand", "Mora", "Älvdalen"), None),
        ("HAB", 2, ("Leksand", "Orsa"), None),
    ]
    assert gaps[0].detail == "BUP rapporteras saknas i 3 av 4 kommuner"
    assert [e.quote for e in gaps[1].evidence] == ["HAB har inte skrivit under", "HAB saknas"]
    assert [g.party for g in run_query("hard_to_engage", b.graph(), kommun="Orsa")] == ["HAB"]


def test_hard_to_engage_names_parties_in_swedish():
    b = Builder()
    unit = b.unit("OPPENPSYKIATRI")
    for n in ("Orsa", "Mora"):
        b.rel("ABSENT_FROM", unit, b.group(f"group:{n}:ag", "operativ", (b.kommun(n),)))
    [gap] = run_query("hard_to_engage", b.graph())
    assert gap.detail == "Öppenpsykiatri rapporteras saknas i 2 av 2 kommuner"


# -- Gap, sorting, rows and the registry ---------------------------------------------------


def test_gap_sorts_and_dedupes_evidence_and_kommuner():
    gap = Gap(
        kind="hard_to_engage",
        detail="x",
        kommuner=["Örebro", "Ale", "Åre", "Ale"],
        evidence=[Evidence(source="b", quote="2"), {"source": "a", "quote": "1"}]
        + [Evidence(source="b", quote="2")],
    )
    assert gap.kommuner == ("Ale", "Åre", "Örebro")
    assert [e.source for e in gap.evidence] == ["a", "b"]
    with pytest.raises(ValueError, match="unknown gap kind 'nope'; use one of missing_specialist"):
        Gap(kind="nope", detail="x")


def test_sort_gaps_orders_by_kind_then_county_level_then_kommun_then_rank():
    gaps = [
        Gap(kind="hard_to_engage", party="HAB", count=2, detail="h"),
        Gap(kind="hard_to_engage", party="BUP", count=5, detail="b"),
        Gap(kind="missing_specialist", kommun="Älvdalen", party="BUP", detail="a"),
        Gap(kind="missing_specialist", kommun="Orsa", party="BUP", detail="o"),
        Gap(kind="ungoverned_group", kommun=None, detail="u"),
    ]
    assert [g.detail for g in sort_gaps(gaps)] == ["o", "a", "u", "b", "h"]


def test_filter_kommun_keeps_county_gaps_that_name_it():
    gaps = [
        Gap(kind="hard_to_engage", party="BUP", kommuner=["Orsa"], detail="b"),
        Gap(kind="no_answer", kommun="ORSA", detail="o"),
        Gap(kind="no_answer", kommun="Mora", detail="m"),
    ]
    assert [g.detail for g in filter_kommun(gaps, "orsa")] == ["b", "o"]


def test_evidence_from_json_accepts_what_servers_return():
    one = {"source": "s", "quote": "q", "respondent": "Orsa"}
    assert evidence_from_json(json.dumps([one])) == [Evidence(**one)]
    assert evidence_from_json([json.dumps([one]), None, "", "[]"]) == [Evidence(**one)]
    assert evidence_from_json([{"source": "s", "quote": "q", "page": None}]) == [
        Evidence(source="s", quote="q")
    ]


def test_rows_with_the_same_gap_are_merged():
    row = {
        "kind": "hard_to_engage",
        "kommun": None,
        "party": "BUP",
        "status": None,
        "subject": None,
        "detail": "d",
        "count": 2,
        "kommuner": ["Orsa", "Mora"],
    }
    rows = [{**row, "evidence": [json.dumps([{"source": "s", "quote": quote}])]} for quote in "12"]
    [gap] = rows_to_gaps(rows)
    assert gap.kommuner == ("Mora", "Orsa")
    assert [e.quote for e in gap.evidence] == ["1", "2"]


def test_every_query_has_its_cypher_twin_and_every_twin_its_query():
    names = [q.name for q in all_queries()]
    assert names == list(KINDS)
    twins = sorted(p.stem for p in QUERIES_DIR.glob("*.cypher"))
    assert twins == sorted(names)
    modules = sorted(p.stem for p in QUERIES_DIR.glob("*.py") if not p.stem.startswith("_"))
    assert set(names) <= set(modules)
    for query in all_queries():
        assert query.cypher_path == QUERIES_DIR / f"{query.name}.cypher"
        assert query.function.__name__ == query.name
        assert query.title_sv and query.description_sv


@pytest.mark.parametrize("query", all_queries(), ids=lambda q: q.name)
def test_cypher_twins_are_commented_and_take_no_parameters(query):
    text = query.cypher
    assert text.startswith(f"// {query.name}:")
    assert "$" not in text, "a twin takes no parameters"
    assert "//" not in compact_cypher(text).splitlines()[0]
    assert not text.rstrip().endswith(";")


def test_unknown_query_names_the_valid_ones():
    with pytest.raises(UnknownQueryError, match="okänd fråga 'nope'.*missing_specialist"):
        get_query("nope")


def test_run_all_is_every_query_in_report_order():
    b = Builder()
    orsa = b.kommun("Orsa")
    b.survey("source:enkat", (orsa,), ())
    gaps = run_all(b.graph())
    kinds = [g.kind for g in gaps]
    assert kinds == sorted(kinds, key=KINDS.index)
    assert {"missing_specialist", "lok_status", "missing_level", "no_answer"} <= set(kinds)


def test_run_all_is_sorted_and_without_repeats_as_sort_gaps_makes_it():
    """run_all trusts each query's own sort (sort_gaps) instead of sorting the whole list."""
    from lokgraph.synth import synth_graph

    for graph in (synth_graph(60, seed=1), dalarna_survey_graph()):
        gaps = run_all(graph)
        assert len({g.kind for g in gaps}) >= 5
        assert gaps == sort_gaps(gaps)
        assert gaps == sort_gaps(g for q in all_queries() for g in q.function(graph, kommun=None))
        for kommun in ("Orsa", "Leksand"):
            one = run_all(graph, kommun=kommun)
            assert one == sort_gaps(
                g for q in all_queries() for g in q.function(graph, kommun=kommun)
            )


def test_sort_gaps_is_the_order_of_key_then_json_without_repeats():
    """sort_gaps reads a gap's JSON only among gaps of the same key: the order is as if every
    gap were sorted by (sort key, JSON), repeats dropped, on real gaps shuffled and repeated."""
    import random

    from lokgraph.synth import synth_graph

    gaps = run_all(synth_graph(30, seed=2)) + run_all(dalarna_survey_graph())
    # gaps alike but for their quotes share a key: the JSON must tell them apart
    alike = [g.model_copy(update={"evidence": g.evidence[:1]}) for g in gaps if g.evidence]
    pool = gaps + alike + gaps[::3]
    random.Random(7).shuffle(pool)
    reference = {g.sort_key() + (g.model_dump_json(),): g for g in pool}
    expected = [reference[k].model_dump_json() for k in sorted(reference)]
    assert len({g.sort_key() for g in pool}) < len(expected)  # some keys are shared
    assert [g.model_dump_json() for g in sort_gaps(pool)] == expected


# -- the must-show of issue 5 on the imported Dalarna survey ---------------------------------


def test_dalarna_missing_specialist_reported_absent_with_quotes():
    gaps = run_query("missing_specialist", dalarna_survey_graph())
    reported = {(g.kommun, g.party) for g in gaps if g.status == "reported_absent"}
    assert {("Leksand", "BUP"), ("Leksand", "HAB"), ("Malung-Sälen", "BUP")} <= reported
    for kommun, party in (("Leksand", "BUP"), ("Leksand", "HAB"), ("Malung-Sälen", "BUP")):
        [gap] = [g for g in gaps if (g.kommun, g.party) == (kommun, party)]
        assert gap.evidence, f"{party} in {kommun} has no quote"
        assert all(party.lower() in e.quote.lower() for e in gap.evidence), gap.evidence
        assert all(e.source.startswith("source:") for e in gap.evidence)


def test_dalarna_no_answer_is_exactly_the_four_silent_kommuner():
    gaps = run_query("no_answer", dalarna_survey_graph())
    assert [g.kommun for g in gaps] == ["Borlänge", "Falun", "Rättvik", "Säter"]


# -- the synthetic graph and the benchmark ---------------------------------------------------


def test_synthetic_graph_is_deterministic_and_gives_every_kind_of_gap():
    from lokgraph.synth import synth_graph

    graph = synth_graph(60, seed=1)
    again = synth_graph(60, seed=1)
    assert sorted(graph.edges(keys=True)) == sorted(again.edges(keys=True))
    assert dict(graph.nodes(data=True)) == dict(again.nodes(data=True))
    kinds = {gap.kind for gap in run_all(graph)}
    assert kinds == set(KINDS)


def test_query_bench_runs_and_prints_a_table(capsys):
    from bench.query_bench import main

    assert main(["--kommuner", "5", "--repeats", "1", "--check"]) == 0
    out = capsys.readouterr().out
    assert "Synthetic graph: 5 kommuner" in out
    assert all(name in out for name in KINDS)


@pytest.mark.parametrize(
    "module",
    sorted(f"queries.{p.stem}" for p in QUERIES_DIR.glob("*.py") if p.stem != "__init__")
    + ["lokgraph.synth"],
)
def test_documented_examples_run(module):
    import doctest

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_run_all_builds_one_index_and_gives_what_each_query_gives(monkeypatch):
    import queries._graph as graph_module
    from lokgraph.synth import synth_graph

    graph = synth_graph(8, seed=2)
    one_by_one = sort_gaps(g for q in all_queries() for g in run_query(q.name, graph))
    built = []

    class Counted(graph_module.GraphIndex):
        def __init__(self, g):
            built.append(g)
            super().__init__(g)

    monkeypatch.setattr(graph_module, "GraphIndex", Counted)
    assert run_all(graph) == one_by_one
    assert built == [graph]
    # outside run_all, every query builds its own index again
    run_query("missing_level", graph)
    assert len(built) == 2


def test_shared_index_is_for_its_graph_only():
    from queries._graph import graph_index, shared_index

    first, second = Builder(), Builder()
    first.kommun("Orsa")
    second.kommun("Mora")
    g1, g2 = first.graph(), second.graph()
    with shared_index(g1):
        assert graph_index(g1) is graph_index(g1)
        assert graph_index(g2) is not graph_index(g2)
        assert list(graph_index(g2).kommuner) == ["kommun:mora"]
        with shared_index(g2):
            assert graph_index(g2) is graph_index(g2)
        assert graph_index(g1).kommuner == {"kommun:orsa": "Orsa"}
    assert graph_index(g1) is not graph_index(g1)
