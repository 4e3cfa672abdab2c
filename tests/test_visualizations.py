"""Maps, matrix and report as HTML strings: escaped, offline, Swedish, names left out."""

from __future__ import annotations

import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from lokgraph.entities import kommun_structure, unit_structure
from lokgraph.graph import build_graph
from lokgraph.models import Evidence, Group, Relationship, Source, Structure
from lokgraph.reference import find_kommun, kommuner_in_lan
from visualizations.matrix import coverage, matrix_csv, matrix_html
from visualizations.names import NAME_MARK, redact_names
from visualizations.network_map import SHOWN_LABELS, map_data, map_html
from visualizations.page import expand_payload
from visualizations.report import report_html
from visualizations.write import save

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(2)>"
PERSON = "Cristin Bergdahl"
MEMBER_PERSON = "Anita Larsson"


def _ev(quote: str, respondent: str = "Leksand") -> tuple[Evidence, ...]:
    return (Evidence(source="source:enkat", quote=quote, question="2", respondent=respondent),)


def build_test_graph(evil: bool = False):
    """Leksand and Orsa in Dalarna: groups, members, absences, a survey; with ``evil``, an
    answer and a group name that carry script and HTML."""
    leksand, orsa = find_kommun("Leksand"), find_kommun("Orsa")
    s = kommun_structure(leksand) + kommun_structure(orsa)
    s += Structure(
        nodes=(
            Source(
                id="source:enkat",
                name="Enkät LÖK barn och unga 2024",
                kind="survey",
                surveyed=("kommun:leksand", "kommun:orsa"),
                answered=("kommun:leksand", "kommun:orsa"),
            ),
        )
    )
    styr_name = f"Styrgrupp {XSS_SCRIPT} {XSS_IMG}" if evil else "Styrgrupp Leksand"
    styr_quote = (
        f"{PERSON} leder styrgruppen. {XSS_SCRIPT} {XSS_IMG}"
        if evil
        else f"{PERSON} leder styrgruppen med rektor Åsa Timonen."
    )
    styr = Group(
        id="group:leksand:styrgrupp",
        name=styr_name,
        group_type="styrgrupp",
        level="strategisk",
        evidence=_ev(styr_quote),
    )
    arb = Group(
        id="group:leksand:arbetsgrupp",
        name="Arbetsgrupp barn och unga",
        group_type="arbetsgrupp",
        level="operativ",
        evidence=_ev("Arbetsgruppen träffas varje månad."),
    )
    kt = Group(
        id="group:orsa:konsultationsteam",
        name="Konsultationsteam Orsa",
        group_type="konsultationsteam",
        level="individ",
        evidence=_ev("Konsultationsteamet har deltagare från BUP.", "Orsa"),
    )
    s += Structure(nodes=(styr, arb, kt))
    units = {}
    for party, kommun in (
        ("ELEVHALSA", leksand),
        ("SOCIALTJANST", leksand),
        ("ELEVHALSA", orsa),
        ("BUP", leksand),
        ("HAB", leksand),
    ):
        uid, us = unit_structure(party, kommun=kommun)
        units[(party, kommun.name)] = uid
        s += us
    bup, hab = units["BUP", "Leksand"], units["HAB", "Leksand"]
    rels = (
        Relationship(type="SERVES", source=styr.id, target="kommun:leksand"),
        Relationship(type="SERVES", source=arb.id, target="kommun:leksand"),
        Relationship(type="SERVES", source=kt.id, target="kommun:orsa"),
        Relationship(type="REPORTS_TO", source=arb.id, target=styr.id),
        Relationship(
            type="MEMBER_OF",
            source=units["ELEVHALSA", "Leksand"],
            target=styr.id,
            evidence=_ev(f"Elevhälsan sitter med i styrgruppen genom {MEMBER_PERSON}."),
        ),
        Relationship(
            type="MEMBER_OF",
            source=units["SOCIALTJANST", "Leksand"],
            target=arb.id,
            partial=True,
            evidence=_ev("Socialtjänsten deltar ibland."),
        ),
        Relationship(
            type="MEMBER_OF",
            source=units["ELEVHALSA", "Orsa"],
            target=kt.id,
            evidence=_ev("Elevhälsan deltar.", "Orsa"),
        ),
        Relationship(type="MEMBER_OF", source=bup, target=kt.id, evidence=_ev("BUP är med.")),
        Relationship(
            type="MEMBER_OF",
            source=hab,
            target=kt.id,
            partial=True,
            evidence=_ev("HAB är med en gång i månaden.", "Orsa"),
        ),
        Relationship(
            type="ABSENT_FROM",
            source=bup,
            target=styr.id,
            reason="not_asked",
            evidence=_ev(
                f"BUP har inte tillfrågats. {XSS_IMG}" if evil else "BUP har inte tillfrågats."
            ),
        ),
        Relationship(
            type="ABSENT_FROM",
            source=hab,
            target=arb.id,
            reason="hard_to_engage",
            evidence=_ev("Det är svårt att få med HAB."),
        ),
    )
    return build_graph(s + Structure(relationships=rels))


def build_national_graph():
    """Many kommuner in four län, enough for the national map to start clustered."""
    s = Structure()
    for lan in ("20", "14", "12", "01"):
        for k in kommuner_in_lan(lan):
            s += kommun_structure(k)
    return build_graph(s)


@pytest.fixture
def graph():
    return build_test_graph()


@pytest.fixture
def evil_graph():
    return build_test_graph(evil=True)


class _Collector(HTMLParser):
    """Every start tag with its attributes, and all text, as the browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        (self.script_text if self._in_script else self.text).append(data)


def _parse(page: str) -> _Collector:
    parser = _Collector()
    parser.feed(page)
    parser.close()
    return parser


def _report_map_pages(page: str) -> list[str]:
    """The map pages a report stores as JSON for its frames."""
    found = re.findall(
        r'<script type="application/json" id="omrade-\d+-karta">(.*?)</script>', page
    )
    return [json.loads(item) for item in found]


def _all_pages(graph, **kwargs) -> dict[str, str]:
    report = report_html(graph, **kwargs)
    pages = {
        "map": map_html(graph, **kwargs),
        "map_kommun": map_html(graph, kommun="Leksand", **kwargs),
        "matrix": matrix_html(graph, **kwargs),
        "report": report,
    }
    for i, page in enumerate(_report_map_pages(report)):
        pages[f"report_map_{i}"] = page
    return pages


# ---- escaping and offline --------------------------------------------------------------------


def test_payload_is_escaped_everywhere(evil_graph):
    pages = _all_pages(evil_graph)
    assert len(pages) > 4, "the report holds at least one map"
    for name, page in pages.items():
        assert XSS_SCRIPT not in page, name
        assert XSS_IMG not in page, name
        parsed = _parse(page)
        tags = [tag for tag, _ in parsed.tags]
        assert "img" not in tags, name
        for tag, attrs in parsed.tags:
            assert not any(key.startswith("on") for key in attrs), (name, tag, attrs)
            if tag == "script":
                assert "src" not in attrs, name


def test_payload_is_kept_as_text_in_matrix_and_report(evil_graph):
    matrix = _parse(matrix_html(evil_graph))
    titles = " ".join(attrs.get("title", "") for _, attrs in matrix.tags)
    assert XSS_IMG in titles  # the quote on hover, as plain text of the attribute
    report = _parse(report_html(evil_graph))
    assert XSS_IMG in "".join(report.text)


def test_map_payload_is_json_data_not_markup(evil_graph):
    page = map_html(evil_graph)
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page)
    nodes, edges = expand_payload(json.loads(match.group(1)))
    labels = [node["label"] for node in nodes]
    assert any(XSS_SCRIPT in label for label in labels)
    tips = " ".join(edge.get("tooltip", "") for edge in edges)
    assert XSS_IMG in tips


def test_no_remote_urls(graph):
    for name, page in _all_pages(graph).items():
        parsed = _parse(page)
        for tag, attrs in parsed.tags:
            for key in ("src", "href", "action", "srcset", "poster", "data"):
                value = attrs.get(key) or ""
                assert not re.match(r"\s*(https?:)?//", value, re.I), (name, tag, key, value)
        assert "<link" not in page.lower(), name


def test_pages_are_swedish_utf8(graph):
    for name, page in _all_pages(graph).items():
        assert '<html lang="sv">' in page, name
        assert '<meta charset="utf-8">' in page, name
    assert "medverkar" in matrix_html(graph)
    assert "Teckenförklaring" in map_html(graph)


# ---- names -----------------------------------------------------------------------------------


def test_names_are_left_out_by_default(graph):
    for name, page in _all_pages(graph).items():
        assert PERSON not in page, name
        assert MEMBER_PERSON not in page, name
        assert "Åsa Timonen" not in page, name
    assert NAME_MARK in matrix_html(graph)


def test_names_are_kept_on_request(graph):
    assert MEMBER_PERSON in matrix_html(graph, with_names=True)
    assert PERSON in report_html(graph, with_names=True)
    assert PERSON in map_html(graph, with_names=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Det finns en LÖK som Ursula Furtig håller i att redigera.",
            "Det finns en LÖK som [namn] håller i att redigera.",
        ),
        ("Elisabeth Burman kan informera mer.", "[namn] kan informera mer."),
        ("Vi har med rektor Åsa Timonen (förskola).", "Vi har med rektor [namn] (förskola)."),
        ("Deltagare från oss är Mauro.", "Deltagare från oss är [namn]."),
        ("Sandra Jansson Perälä (IFO) deltar.", "[namn] (IFO) deltar."),
        ("Kontakta enhetschef Pirjo Kallunki.", "Kontakta enhetschef [namn]."),
        (
            "Arbetet leds av Kerstin, som är samordnare.",
            "Arbetet leds av [namn], som är samordnare.",
        ),
        ("Vi pratade med Ulrika Granqvist-Ohlsson igår.", "Vi pratade med [namn] igår."),
        ("Sedan kom Anitas kollega.", "Sedan kom [namn] kollega."),
        ("Kontaktperson: Pirjo.", "Kontaktperson: [namn]."),
    ],
)
def test_redaction_catches(text, expected):
    assert redact_names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Styrgrupp God och nära vård samt Polsam i Ludvika kommun.",
        "Region Dalarna och Vårdsamverkan Skaraborg har en gemensam plan.",
        "Malung-Sälens kommun och Leksands kommun samverkar med BUP och HAB.",
        "Inga avvikelser har skrivits under 2023.",
        "Per termin träffas gruppen fyra gånger.",
        "Hans kollega på socialtjänsten deltar.",
        "Barnhälsoteam och Konsultationsteam finns i Orsa och Mora.",
        "Mötet hölls i Januari på Närhälsan Skövde.",
        "VC Engelbrekt är med i Chefsgruppen.",
    ],
)
def test_redaction_leaves_places_and_organisations(text):
    assert redact_names(text) == text


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Burman har kontakt med BUP.", "a lone surname at a sentence start"),
        ("ANNA LARSSON deltar.", "names in capitals"),
        ("Vi träffade A. Larsson.", "initials"),
        ("Lisbeth-Ann deltar inte.", "a first name not in the list, at a sentence start"),
    ],
)
def test_redaction_knowingly_misses(text, why):
    assert redact_names(text) == text, why


def test_redaction_knowingly_hits_unknown_word_pairs():
    # two capitalised words in a row that are not in the vocabulary read as a name
    assert redact_names("Vi deltar i projektet Trygga Vägar.") == "Vi deltar i projektet [namn]."
    # a place or service named after a person loses the first name
    assert redact_names("Vi remitterar till Maria Ungdom.") == "Vi remitterar till [namn] Ungdom."


def test_report_tells_no_data_from_no_gaps(graph):
    from lokgraph.entities import kommun_structure
    from lokgraph.graph import merge

    merge(graph, kommun_structure(find_kommun("Gagnef")))
    page = report_html(graph)
    assert "Inget underlag (ingen grupp, LÖK eller enkät nämner dem): Gagnef." in page


def test_redaction_of_empty_text():
    assert redact_names("") == ""


# ---- map -------------------------------------------------------------------------------------


def test_map_holds_every_shown_node(graph):
    data = map_data(graph)
    expected = {n for n, d in graph.nodes(data=True) if d["label"] in SHOWN_LABELS}
    assert {node["id"] for node in data.nodes} == expected
    assert not any(d["label"] == "Source" for n, d in graph.nodes(data=True) if n in expected)


def test_absences_are_red_dashed_edges(graph):
    data = map_data(graph)
    absent = [e for e in data.edges if e.get("kind") == "absent"]
    assert {(e["from"], e["to"]) for e in absent} == {
        ("unit:region-dalarna:bup", "group:leksand:styrgrupp"),
        ("unit:region-dalarna:hab", "group:leksand:arbetsgrupp"),
    }
    assert all(e["dashes"] is True and e["color"] == "#d62728" for e in absent)
    assert "har inte tillfrågats" in absent[0]["tooltip"] + absent[1]["tooltip"]


def test_kommun_map_has_its_structure_and_the_regional_units(graph):
    data = map_data(graph, kommun="Leksand")
    ids = {node["id"] for node in data.nodes}
    assert {"kommun:leksand", "group:leksand:styrgrupp", "unit:region-dalarna:bup"} <= ids
    assert "kommun:orsa" not in ids and "group:orsa:konsultationsteam" not in ids
    y = {node["id"]: node["y"] for node in data.nodes}
    assert y["group:leksand:styrgrupp"] < y["group:leksand:arbetsgrupp"] < y["kommun:leksand"]
    assert data.options["physics"] == {"enabled": False}


def test_colour_by_huvudman_and_size_by_degree(graph):
    nodes = {node["id"]: node for node in map_data(graph).nodes}
    assert nodes["kommun:leksand"]["color"]["border"] == "#2b6cb0"
    assert nodes["unit:region-dalarna:bup"]["color"]["border"] == "#b8600f"
    assert nodes["group:orsa:konsultationsteam"]["color"]["border"] == "#5e4391"  # joint
    assert nodes["group:orsa:konsultationsteam"]["shape"] == "diamond"
    assert nodes["group:orsa:konsultationsteam"]["level"] == "individ"
    assert nodes["kommun:leksand"]["shape"] == "box"
    sizes = {node["size"] for node in nodes.values()}
    assert len(sizes) > 2


def test_area_map_is_laid_out_per_kommun_and_needs_no_physics():
    from lokgraph.synth import synth_graph

    graph = synth_graph(5, 1)
    data = map_data(graph)
    assert data.options["physics"] == {"enabled": False}
    assert all("x" in node and "y" in node for node in data.nodes)
    assert data.nodes == map_data(graph).nodes  # the same graph, the same picture
    spots = {node["id"]: (node["x"], node["y"]) for node in data.nodes}
    assert len(set(spots.values())) == len(spots)
    # every group of one kommun is nearer to that kommun than to any other kommun
    kommuner = {
        node["kommun"][0]: spots[node["id"]]
        for node in data.nodes
        if node["shape"] == "box" and node.get("kommun")
    }
    assert len(kommuner) == 5
    for node in data.nodes:
        if node["shape"] == "diamond" and len(node.get("kommun") or []) == 1:
            x, y = spots[node["id"]]
            distance = {k: math.hypot(x - kx, y - ky) for k, (kx, ky) in kommuner.items()}
            assert min(distance, key=distance.get) == node["kommun"][0], node["id"]
    # the regions' units, linked to every kommun, are in the middle
    middle = [n for n in data.nodes if len(n.get("kommun") or []) == 5]
    assert middle and all(math.hypot(*spots[n["id"]]) < 400 for n in middle)


def test_national_map_clusters_per_lan():
    data = map_data(build_national_graph())
    assert [c["id"] for c in data.clusters] == [
        "cluster:lan:01",
        "cluster:lan:12",
        "cluster:lan:14",
        "cluster:lan:20",
    ]
    dalarna = next(c for c in data.clusters if c["id"] == "cluster:lan:20")
    assert "kommun:leksand" in dalarna["members"] and "Dalarnas län" in dalarna["label"]
    page = map_html(build_national_graph())
    assert 'id="lg-clusters"' in page


def test_one_lan_is_not_clustered(graph):
    assert map_data(graph).clusters == []


def test_unknown_kommun_or_area_is_an_error(graph):
    from lokgraph.errors import LokgraphError

    with pytest.raises(LokgraphError, match="Mora"):
        map_html(graph, kommun="Mora")
    with pytest.raises(LokgraphError, match="Dalarnas län"):
        map_html(graph, area="Skaraborg")


# ---- matrix and report -----------------------------------------------------------------------


def test_coverage_cells(graph):
    rows = {row.kommun: row for row in coverage(graph)}
    assert rows["Leksand"].cells["BUP"].status == "absent"
    assert rows["Leksand"].cells["HAB"].status == "absent"
    assert rows["Leksand"].cells["ELEVHALSA"].status == "member"
    assert rows["Leksand"].cells["SOCIALTJANST"].status == "partial"
    assert rows["Orsa"].cells["BUP"].status == "member"
    assert rows["Orsa"].cells["HAB"].status == "partial"
    assert rows["Orsa"].cells["UM"].status == "none"
    quotes = [e["quote"] for link in rows["Leksand"].cells["BUP"].links for e in link.evidence]
    assert quotes == ["BUP har inte tillfrågats."]


def test_matrix_counts_and_headings(graph):
    page = matrix_html(graph)
    for word in ("medverkar", "delvis", "rapporteras saknas", "ej uppgift"):
        assert word in page
    counts = re.search(
        r'<tr class="lg-count"><th scope="row">rapporteras saknas</th>(.*?)</tr>', page
    )
    assert counts.group(1).startswith('<td class="lg-absent">1</td><td class="lg-absent">1</td>')


def test_matrix_csv(graph):
    lines = matrix_csv(graph).splitlines()
    assert lines[0].startswith("\ufeffkommun,län,BUP,HAB,ELEVHALSA")
    assert lines[1].startswith(
        "Leksand,Dalarnas län,rapporteras saknas,rapporteras saknas,medverkar"
    )


def test_report_has_a_printable_section_per_area(graph):
    page = report_html(graph)
    assert page.count('<section class="lg-area" id="omrade-') == 1
    assert "Dalarnas län" in page
    assert "break-before: page" in page and "@media print" in page
    assert len(_report_map_pages(page)) == 1
    assert "BUP har inte tillfrågats." in page


def test_save_writes_utf8_atomically(tmp_path: Path):
    target = save("Älvdalen, Malung-Sälen och Åre\n", tmp_path / "ut" / "matris.csv")
    assert target.read_bytes().decode("utf-8") == "Älvdalen, Malung-Sälen och Åre\n"
    assert [p.name for p in target.parent.iterdir()] == ["matris.csv"]


def test_report_without_the_gap_queries_shows_reported_absences(graph, monkeypatch):
    import visualizations.report_gaps as report_gaps
    from visualizations.report import report_html

    monkeypatch.setattr(report_gaps, "_query_functions", lambda: [])
    page = report_html(graph)
    assert "Luckfrågorna är inte installerade" in page
    assert "Rapporteras saknas" in page
    assert "Barn- och ungdomspsykiatri (Region Dalarna) saknas i Styrgrupp Leksand" in page


# ---- one context per report ------------------------------------------------------------------


def test_views_with_a_shared_context_are_the_views_without():
    from lokgraph.synth import synth_graph
    from visualizations.context import RenderContext
    from visualizations.matrix import matrix_table, parties_of
    from visualizations.network_map import area_kommuner

    graph = synth_graph(30, 3)
    context = RenderContext(graph)
    areas = sorted(n for n, d in graph.nodes(data=True) if d.get("label") == "Area")
    assert len(areas) > 1
    for area in areas:
        kommuner = area_kommuner(graph, area)
        assert context.area_kommuner(area) == kommuner
        name = graph.nodes[area]["name"]
        assert map_html(graph, area=name, context=context) == map_html(graph, area=name)
        shared = coverage(graph, kommuner=kommuner, context=context)
        assert shared == coverage(graph, kommuner=kommuner)
        parties = parties_of(graph)
        assert matrix_table(graph, shared, parties) == matrix_table(
            graph, coverage(graph, kommuner=kommuner), parties
        )
    assert map_html(graph, context=context) == map_html(graph)
    # a context of another graph is not used
    other = RenderContext(build_test_graph())
    assert map_html(graph, context=other) == map_html(graph)
    assert coverage(graph, context=other) == coverage(graph)


def test_report_asks_the_gap_queries_once_with_one_index(monkeypatch):
    import queries._graph as graph_module
    from lokgraph.synth import synth_graph

    graph = synth_graph(30, 3)
    expected = report_html(graph)
    built = []

    class Counted(graph_module.GraphIndex):
        def __init__(self, g):
            built.append(g)
            super().__init__(g)

    monkeypatch.setattr(graph_module, "GraphIndex", Counted)
    page = report_html(graph)
    assert page == expected
    assert built == [graph]  # not once per query and once more per area map
    assert page.count('<section class="lg-area" id="omrade-') > 1
    assert "ingen länk" in page  # the maps still draw the specialist links nobody mentions


def test_redaction_is_the_same_every_time():
    text = "Vi har med rektor Åsa Timonen (förskola) i Region Dalarna."
    first = redact_names(text)
    assert redact_names(text) == first == "Vi har med rektor [namn] (förskola) i Region Dalarna."
    assert redact_names(None) is None
