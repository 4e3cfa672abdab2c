"""The network map page template: offline, escaped, searchable and filterable in real Chromium."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from visualizations.bundled import ASSET_DIR, inline_assets
from visualizations.page import (
    build_legend,
    expand_payload,
    html_head,
    json_for_script,
    render_network_page,
    write_html,
)

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(2)>"
XSS = f"{XSS_SCRIPT} {XSS_IMG}"

NODES = [
    {
        "id": "k-malung",
        "label": "Malung-Sälen",
        "shape": "box",
        "color": "#1f77b4",
        "kommun": "Malung-Sälen",
        "tooltip": "Kommun: Malung-Sälen\nKälla: enkät 2024",
    },
    {
        "id": "k-vansbro",
        "label": "Vansbro",
        "shape": "box",
        "color": "#1f77b4",
        "kommun": "Vansbro",
        "tooltip": "Kommun: Vansbro",
    },
    {
        "id": "k-alvdalen",
        "label": "Älvdalen",
        "shape": "box",
        "color": "#1f77b4",
        "kommun": "Älvdalen",
        "tooltip": "Kommun: Älvdalen",
    },
    {
        "id": "u-bup",
        "label": "BUP Dalarna",
        "shape": "dot",
        "color": "#d62728",
        "size": 22,
        "party": "BUP",
        "tooltip": "Region Dalarna, specialistnivå",
    },
    {
        "id": "u-elev",
        "label": "Elevhälsan Vansbro",
        "shape": "dot",
        "color": "#2ca02c",
        "kommun": "Vansbro",
        "party": "ELEVHALSA",
        "tooltip": "Elevhälsa",
    },
    {
        "id": "u-soc",
        "label": "Socialtjänsten Malung-Sälen",
        "shape": "dot",
        "color": "#2ca02c",
        "kommun": "Malung-Sälen",
        "party": "SOCIALTJANST",
        "tooltip": "Socialtjänst",
    },
    {
        "id": "g-styr",
        "label": "Styrgrupp Vansbro",
        "shape": "diamond",
        "color": "#9467bd",
        "kommun": "Vansbro",
        "level": "strategisk",
        "tooltip": "Styrgrupp",
    },
    {
        "id": "g-pol",
        "label": "Politiskt samråd",
        "shape": "diamond",
        "color": "#9467bd",
        "kommun": ["Vansbro", "Malung-Sälen"],
        "level": "politisk",
        "tooltip": "Samråd",
    },
    {
        "id": "g-op",
        "label": "Konsultationsteam Malung-Sälen",
        "shape": "diamond",
        "color": "#9467bd",
        "kommun": "Malung-Sälen",
        "level": "operativ",
        "tooltip": "Konsultationsteam",
    },
    {
        "id": "a-lok",
        "label": "LOK Vansbro",
        "shape": "triangle",
        "color": "#ff7f0e",
        "kommun": "Vansbro",
        "tooltip": "Lokal överenskommelse",
    },
    {
        "id": "x-evil",
        "label": XSS,
        "shape": "dot",
        "color": "#7f7f7f",
        "kommun": XSS,
        "party": XSS,
        "level": XSS,
        "tooltip": f"Svar: {XSS}",
    },
]
EDGES = [
    {"from": "u-elev", "to": "g-styr", "label": "medlem", "tooltip": "Elevhälsan deltar"},
    {"from": "u-soc", "to": "g-op", "label": "medlem"},
    {"from": "g-styr", "to": "g-pol", "tooltip": "rapporterar till"},
    {"from": "g-op", "to": "g-pol"},
    {"from": "u-bup", "to": "g-styr", "dashes": True, "color": "#d62728", "width": 2,
     "label": "saknas", "tooltip": f"BUP saknas: {XSS}"},
    {"from": "k-vansbro", "to": "a-lok"},
    {"from": "k-malung", "to": "g-pol"},
    {"from": "k-alvdalen", "to": "u-bup"},
    {"from": "x-evil", "to": "k-vansbro", "tooltip": XSS},
]  # fmt: skip
LEGEND = [
    {"label": "Kommun", "color": "#1f77b4", "shape": "box"},
    {"label": "Regionens enhet", "color": "#d62728", "shape": "dot"},
    {"label": "Kommunens enhet", "color": "#2ca02c", "shape": "dot"},
    {"label": "Grupp", "color": "#9467bd", "shape": "diamond"},
    {"label": "Överenskommelse", "color": "#ff7f0e", "shape": "triangle"},
    {"label": "Saknad länk", "color": "#d62728", "kind": "edge", "dashes": True},
]


def _render(**kwargs) -> str:
    return render_network_page(
        "Samverkan i Malung-Sälen & Vansbro <test>",
        kwargs.pop("nodes", NODES),
        kwargs.pop("edges", EDGES),
        kwargs.pop("options", {}),
        legend_html=build_legend(LEGEND),
        **kwargs,
    )


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    return write_html(_render(), tmp_path / "karta.html")


def _ready(page) -> None:
    page.wait_for_function("window.lokgraphReady === true", timeout=10_000)


# ---- plain tests (no browser) ----------------------------------------------------------------


class _FetchFinder(HTMLParser):
    """Collects every attribute value the browser would fetch or follow."""

    FETCHING = {"src", "href", "srcset", "action", "formaction", "poster", "data", "background"}

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.script_srcs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in self.FETCHING and value is not None:
                self.urls.append(value)
            if tag == "script" and name == "src":
                self.script_srcs.append(value or "")


def test_page_has_no_remote_url_to_fetch():
    page = _render()
    finder = _FetchFinder()
    finder.feed(page)
    remote = [url for url in finder.urls if re.match(r"\s*(https?:)?//", url, re.IGNORECASE)]
    assert remote == []
    assert finder.script_srcs == []
    assert "<link" not in page.lower()
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", page, re.IGNORECASE)
    assert not re.search(r"@import", page, re.IGNORECASE)
    assert "sourceMappingURL" not in page


def test_page_is_swedish_utf8_and_escapes_the_title():
    page = _render()
    assert page.startswith('<!DOCTYPE html>\n<html lang="sv">')
    assert '<meta charset="utf-8">' in page
    assert "<title>Samverkan i Malung-Sälen &amp; Vansbro &lt;test&gt;</title>" in page
    assert 'placeholder="Sök nod…"' in page


def test_graph_data_cannot_break_out_of_its_script_block():
    nasty = "</script><script>alert(3)</script><!-- \u2028\u2029 & ä"
    page = _render(nodes=[{"id": "n", "label": nasty, "tooltip": nasty}], edges=[])
    start = page.index('<script type="application/json" id="graph-data">')
    body = page[start:].split(">", 1)[1].split("</script>", 1)[0]
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in body
    assert expand_payload(json.loads(body))[0] == [{"id": "n", "label": nasty, "tooltip": nasty}]
    assert "<script>alert(3)" not in page


def test_json_for_script_round_trips():
    value = {"a": "</ScRiPt>", "b": ["<!--", "&amp;", "\u2028"], "c": 1.5, "å": None}
    assert json.loads(json_for_script(value)) == value
    with pytest.raises(ValueError):
        json_for_script({"size": float("nan")})


def test_controls_can_be_left_out():
    page = _render(controls=False)
    assert 'id="lg-search"' not in page
    assert "Teckenförklaring" in page


def test_bad_nodes_and_edges_are_refused_with_the_value():
    with pytest.raises(ValueError, match="unknown keys \\['title'\\]"):
        render_network_page("t", [{"id": 1, "title": "<b>"}], [], {})
    with pytest.raises(ValueError, match="repeats the id 'a'"):
        render_network_page("t", [{"id": "a"}, {"id": "a"}], [], {})
    with pytest.raises(ValueError, match="points to 'zz'"):
        render_network_page("t", [{"id": "a"}], [{"from": "a", "to": "zz"}], {})
    with pytest.raises(ValueError, match="legend colour"):
        build_legend([{"label": "x", "color": "red;background:url(http://x)"}])


def test_write_html_is_utf8_and_atomic(tmp_path: Path):
    target = write_html("<p>Malung-Sälen, Örebro</p>", tmp_path / "ut" / "karta.html")
    assert target.read_bytes() == "<p>Malung-Sälen, Örebro</p>".encode()
    write_html("<p>två</p>", target)
    assert target.read_text(encoding="utf-8") == "<p>två</p>"
    assert sorted(p.name for p in target.parent.iterdir()) == ["karta.html"]


def test_write_html_gives_an_ordinary_file_mode(tmp_path: Path):
    umask = os.umask(0o022)
    try:
        target = write_html("<p>Åre</p>", tmp_path / "karta.html")
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644


def test_every_page_starts_with_the_same_head():
    from tests.test_visualizations import build_test_graph
    from visualizations.matrix import matrix_html
    from visualizations.report import report_html

    graph = build_test_graph()
    head = html_head("Karta & <test>")
    assert head.endswith("<title>Karta &amp; &lt;test&gt;</title>\n</head>\n")
    pages = {
        "Samverkan": render_network_page("Samverkan", [], [], {}),
        "Matris": matrix_html(graph, title="Matris"),
        "Rapport": report_html(graph, title="Rapport"),
    }
    for title, page in pages.items():
        start = html_head(title).removesuffix("</head>\n")
        assert page.startswith(start + "<"), title
        assert page.count("</head>") == 1 and "</head>\n<body>" in page, title


def test_inline_style_leaves_out_the_unused_icons():
    css = inline_assets().split("</style>", 1)[0]
    assert "data:image" not in css
    assert "div.vis-tooltip" in css and css.count("{") == css.count("}")
    assert len(css) < 30_000


def _payload(page: str) -> dict:
    start = page.index('<script type="application/json" id="graph-data">')
    return json.loads(page[start:].split(">", 1)[1].split("</script>", 1)[0])


def test_edges_name_their_ends_by_place():
    data = _payload(_render())
    assert data["edgeEnds"] == "index"
    ids = [node["i"] for node in data["nodes"]]
    assert [(ids[e[0]], ids[e[1]]) for e in data["edges"]] == [(e["from"], e["to"]) for e in EDGES]


def test_payload_expands_to_the_very_nodes_and_edges():
    line = "”Vi har med BUP.” (enkät, fråga 2, svar från Orsa)"
    nodes = [
        *NODES,
        {"id": 7, "label": "sju", "kommun": ["Orsa", "Mora"], "party": "BUP", "tooltip": line},
        {"id": "b", "kommun": "Orsa", "party": ["BUP", 3], "level": 4, "tooltip": f"B\n{line}"},
        {"id": "c", "shape": "dot", "group": "g", "color": {"background": "#fff"}, "x": 1.5},
        {"id": "d", "shape": "dot", "color": {"background": "#fff"}, "tooltip": ""},
    ]
    edges = [
        *EDGES,
        {"from": 7, "to": "b", "tooltip": f"{line}\n{line}", "dashes": [2, 5], "width": 1},
        {"from": "b", "to": 7, "tooltip": line, "dashes": [2, 5], "width": 1},
        {"from": "c", "to": "d", "label": "delvis", "tooltip": ""},
        {"from": "d", "to": "c", "width": 1.0, "tooltip": 5},
        {"from": "d", "to": 7, "dashes": True, "tooltip": ["not", "lines"]},
        {"from": "d", "to": "b", "dashes": 1, "width": 1},
    ]
    data = _payload(_render(nodes=nodes, edges=edges))
    assert expand_payload(data) == (nodes, edges)
    # repeated text is written once
    assert data["text"].count(line) == 1 and json.dumps(data).count("Vi har med BUP") == 1
    assert len(data["colors"]) == 1 and len(data["styles"]) < len(edges)


def test_assets_ship_with_their_license():
    names = {path.name for path in ASSET_DIR.iterdir()}
    assert {"vis-network-9.1.2.min.js", "vis-network-9.1.2.css"} <= names
    license_text = (ASSET_DIR / "LICENSE-vis-network.txt").read_text(encoding="utf-8")
    assert "MIT License" in license_text and "Apache License" in license_text
    assert inline_assets() is inline_assets()


# ---- real Chromium -----------------------------------------------------------------------------


@pytest.mark.browser
def test_harness_records_remote_requests_and_dialogs(page_opener, tmp_path: Path):
    probe = write_html(
        '<!DOCTYPE html><html lang="sv"><meta charset="utf-8">'
        '<img src="https://example.invalid/spår.png"><script>alert("hej")</script></html>',
        tmp_path / "probe.html",
    )
    page, report = page_opener(probe)
    page.wait_for_timeout(200)
    assert any(url.startswith("https://example.invalid/") for url in report.requests)
    assert report.dialogs == ["alert: hej"]
    assert not report.clean


@pytest.mark.browser
def test_map_loads_offline_and_stabilises(page_opener, map_file: Path, tmp_path: Path):
    page, report = page_opener(map_file)
    _ready(page)
    assert page.evaluate("window.lokgraphData.nodes.length") == len(NODES)
    assert page.evaluate("window.lokgraphData.edges.length") == len(EDGES)
    ends = page.evaluate("window.lokgraphData.edges.get().map((e) => [e.from, e.to])")
    assert ends == [[e["from"], e["to"]] for e in EDGES]
    tips = page.evaluate(
        "[window.lokgraphData.nodes.get(), window.lokgraphData.edges.get()].map((items) =>"
        " items.map((x) => (x.title ? x.title.textContent : null)))"
    )
    assert tips == [
        [n.get("tooltip") for n in NODES],
        [e.get("tooltip") for e in EDGES],
    ]
    looks = page.evaluate(
        "window.lokgraphData.edges.get().map((e) => [e.label || null, e.dashes || null])"
    )
    assert looks == [[e.get("label"), e.get("dashes")] for e in EDGES]
    assert page.evaluate("window.lokgraphNetwork.physics.physicsEnabled") is False
    assert page.locator("#lg-loading").is_hidden()
    assert "Visar 11 av 11 noder" in page.inner_text("#lg-count")
    shot = tmp_path / "karta.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    report.assert_clean()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "node_id"),
    [("Malung-Sälen", "k-malung"), ("malung-sälen", "k-malung"), ("ÄLVDALEN", "k-alvdalen"),
     ("elevhäl", "u-elev")],
)  # fmt: skip
def test_search_selects_the_node(page_opener, map_file: Path, query: str, node_id: str):
    page, report = page_opener(map_file)
    _ready(page)
    page.fill("#lg-search", query)
    page.press("#lg-search", "Enter")
    assert page.evaluate("window.lokgraphNetwork.getSelectedNodes()") == [node_id]
    assert "Hittade" in page.inner_text("#lg-status")
    report.assert_clean()


@pytest.mark.browser
def test_search_says_when_nothing_matches(page_opener, map_file: Path):
    page, report = page_opener(map_file)
    _ready(page)
    page.fill("#lg-search", "Kiruna")
    page.press("#lg-search", "Enter")
    assert page.evaluate("window.lokgraphNetwork.getSelectedNodes()") == []
    assert "Ingen nod matchar" in page.inner_text("#lg-status")
    report.assert_clean()


def _hover_node(page, node_id: str) -> str:
    point = page.evaluate(
        """(id) => {
            const net = window.lokgraphNetwork;
            const p = net.canvasToDOM(net.getPositions([id])[id]);
            const r = net.body.container.getBoundingClientRect();
            return {x: r.left + p.x, y: r.top + p.y};
        }""",
        node_id,
    )
    page.mouse.move(point["x"] - 30, point["y"] - 30)
    page.mouse.move(point["x"], point["y"], steps=5)
    page.wait_for_function(
        "() => { const t = document.querySelector('div.vis-tooltip');"
        " return t && t.style.visibility === 'visible'; }",
        timeout=5_000,
    )
    return page.inner_text("div.vis-tooltip")


@pytest.mark.browser
def test_script_and_html_in_data_run_nothing(page_opener, map_file: Path):
    page, report = page_opener(map_file)
    _ready(page)
    tooltip = _hover_node(page, "x-evil")
    page.wait_for_timeout(300)
    assert tooltip == f"Svar: {XSS}"
    assert page.locator("div.vis-tooltip script, div.vis-tooltip img").count() == 0
    assert page.locator("body img").count() == 0
    # the text shows as text in every filter list
    for field in ("kommun", "party", "level"):
        options = page.locator(f"#lg-filter-{field} option").all_inner_texts()
        assert XSS in options
    assert page.evaluate("document.scripts.length") == 3  # vis, graph-data, the map: no more
    assert report.dialogs == []
    report.assert_clean()


@pytest.mark.browser
def test_filters_hide_non_matching_nodes(page_opener, map_file: Path):
    page, report = page_opener(map_file)
    _ready(page)
    visible_ids = """() => window.lokgraphData.nodes
        .get({filter: (n) => !n.hidden}).map((n) => n.id).sort()"""
    page.select_option("#lg-filter-kommun", "Vansbro")
    assert page.evaluate(visible_ids) == sorted(["k-vansbro", "u-elev", "g-styr", "g-pol", "a-lok"])
    hidden_edges = page.evaluate("window.lokgraphData.edges.get({filter: (e) => e.hidden}).length")
    assert hidden_edges > 0
    assert "Visar 5 av 11 noder" in page.inner_text("#lg-count")

    page.select_option("#lg-filter-level", "politisk")
    assert page.evaluate(visible_ids) == ["g-pol"]

    page.check("#lg-neighbours")
    assert set(page.evaluate(visible_ids)) == {"g-pol", "g-styr", "g-op", "k-malung"}

    page.uncheck("#lg-neighbours")
    page.click("#lg-reset")
    assert len(page.evaluate(visible_ids)) == len(NODES)

    page.select_option("#lg-filter-party", "BUP")
    assert page.evaluate(visible_ids) == ["u-bup"]
    page.fill("#lg-search", "Vansbro")  # hidden by the filter: the search clears it
    page.press("#lg-search", "Enter")
    assert page.evaluate("window.lokgraphNetwork.getSelectedNodes()") == ["k-vansbro"]
    assert len(page.evaluate(visible_ids)) == len(NODES)
    report.assert_clean()


@pytest.mark.browser
def test_map_without_physics_or_nodes_is_ready(page_opener, tmp_path: Path):
    for name, nodes, options in [
        ("tom.html", [], {}),
        ("stilla.html", NODES[:3], {"physics": False}),
    ]:
        html_path = write_html(
            render_network_page("Tom karta", nodes, [], options), tmp_path / name
        )
        page, report = page_opener(html_path)
        _ready(page)
        report.assert_clean()


@pytest.mark.browser
def test_large_map_stabilises_quickly_and_stops(page_opener, tmp_path: Path):
    count = 400
    nodes = [{"id": i, "label": f"Enhet {i}", "kommun": f"Kommun {i % 40}"} for i in range(count)]
    edges = [{"from": i, "to": (i * 7 + 3) % count} for i in range(count)]
    html_path = write_html(render_network_page("Stor karta", nodes, edges, {}), tmp_path / "s.html")
    page, report = page_opener(html_path)
    page.wait_for_function("window.lokgraphReady === true", timeout=30_000)
    assert page.evaluate("window.lokgraphNetwork.physics.physicsEnabled") is False
    assert page.evaluate("window.lokgraphData.nodes.length") == count
    report.assert_clean()
