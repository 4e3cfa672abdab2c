"""Network maps that stay readable, in real headless Chromium: labels that do not overlap at the
default zoom, filters and search that move the view to what they found, structure behind a
toggle and gap edges on top."""

from __future__ import annotations

from itertools import combinations

import pytest

from tests.test_overview import dalarna_graph
from tests.test_visualizations import build_national_graph
from visualizations.network_map import map_html
from visualizations.write import save

pytestmark = pytest.mark.browser

READY = "window.lokgraphReady === true"
SETTLED = "window.lokgraphReady === true && !window.lokgraphNetwork.physics.physicsEnabled"
BUP = "Barn- och ungdomspsykiatri"

# The drawn label of every node whose label is visible now, as a box in page pixels.
LABEL_BOXES = """() => {
    const net = window.lokgraphNetwork;
    const canvas = document.querySelector("#lg-network canvas").getBoundingClientRect();
    const scale = net.getScale();
    const boxes = [];
    for (const id of net.body.nodeIndices) {
        const node = net.body.nodes[id];
        const font = node.options.font;
        if (!node.options.label || font.color === "rgba(0,0,0,0)" || font.size * scale < 8) {
            continue;
        }
        const s = node.labelModule.size;
        const a = net.canvasToDOM({x: s.left, y: s.top});
        const b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
        boxes.push([id, canvas.left + a.x, canvas.top + a.y, canvas.left + b.x, canvas.top + b.y]);
    }
    return boxes;
}"""

# Where each of these nodes is drawn, as a box in page pixels, and the canvas box.
NODE_BOXES = """(ids) => {
    const net = window.lokgraphNetwork;
    const canvas = document.querySelector("#lg-network canvas").getBoundingClientRect();
    const out = {};
    for (const id of ids) {
        const box = net.getBoundingBox(id);
        const a = net.canvasToDOM({x: box.left, y: box.top});
        const b = net.canvasToDOM({x: box.right, y: box.bottom});
        out[id] = [canvas.left + a.x, canvas.top + a.y, canvas.left + b.x, canvas.top + b.y];
    }
    return [out, [canvas.left, canvas.top, canvas.right, canvas.bottom]];
}"""

VISIBLE_IDS = """() => window.lokgraphData.nodes.get({filter: (n) => !n.hidden}).map((n) => n.id)"""


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(page, ids: list[str]) -> list[str]:
    """The ids whose drawn box is not wholly inside the map's canvas."""
    boxes, (left, top, right, bottom) = page.evaluate(NODE_BOXES, ids)
    return [
        i
        for i, (x0, y0, x1, y1) in boxes.items()
        if x0 < left - 1 or y0 < top - 1 or x1 > right + 1 or y1 > bottom + 1
    ]


@pytest.fixture(scope="module")
def dalarna_map(tmp_path_factory):
    folder = tmp_path_factory.mktemp("natverk")
    return save(map_html(dalarna_graph(), area="Dalarnas län"), folder / "dalarna.html")


def test_no_two_labels_overlap_on_the_dalarna_map_at_the_default_zoom(page_opener, dalarna_map):
    page, report = page_opener(dalarna_map)
    page.wait_for_function(READY, timeout=20_000)
    boxes = page.evaluate(LABEL_BOXES)
    ids = {b[0] for b in boxes}
    kommuner = {f"kommun:{k}" for k in ("leksand", "malung-salen", "borlange", "orsa", "falun")}
    assert kommuner <= ids  # the kommun names are readable without zooming
    clashes = [(a[0], b[0]) for a, b in combinations(boxes, 2) if _overlap(a[1:], b[1:])]
    assert clashes == []
    heights = [b[4] - b[2] for b in boxes if b[0] in kommuner]
    assert min(heights) >= 12  # at least 12 px of text
    # zooming in shows more labels, still without overlaps
    page.evaluate("window.lokgraphNetwork.moveTo({scale: 1.0}); window.lokgraphPlaceLabels()")
    closer = page.evaluate(LABEL_BOXES)
    assert len(closer) > len(boxes)
    assert not [1 for a, b in combinations(closer, 2) if _overlap(a[1:], b[1:])]
    report.assert_clean()


def test_the_bup_filter_moves_the_view_to_its_matches(page_opener, dalarna_map):
    page, report = page_opener(dalarna_map)
    page.wait_for_function(READY, timeout=20_000)
    page.evaluate("window.lokgraphNetwork.moveTo({position: {x: 5000, y: 5000}, scale: 2})")
    page.select_option("#lg-filter-party", BUP)
    visible = page.evaluate(VISIBLE_IDS)
    assert "unit:region-dalarna:bup" in visible and len(visible) > 3
    assert _inside(page, visible) == []
    report.assert_clean()


def test_search_moves_the_view_to_its_match(page_opener, dalarna_map):
    page, report = page_opener(dalarna_map)
    page.wait_for_function(READY, timeout=20_000)
    page.evaluate("window.lokgraphNetwork.moveTo({position: {x: -5000, y: 0}, scale: 3})")
    page.fill("#lg-search", "Malung-Sälen")
    page.press("#lg-search", "Enter")
    assert page.evaluate("window.lokgraphNetwork.getSelectedNodes()") == ["kommun:malung-salen"]
    assert _inside(page, ["kommun:malung-salen"]) == []
    report.assert_clean()


def test_search_on_the_clustered_national_map_ends_with_the_match_in_view(page_opener, tmp_path):
    path = save(map_html(build_national_graph()), tmp_path / "sverige.html")
    page, report = page_opener(path)
    page.wait_for_function(SETTLED, timeout=30_000)
    page.fill("#lg-search", "Leksand")
    page.press("#lg-search", "Enter")
    page.wait_for_function("window.lokgraphNetwork.getSelectedNodes()[0] === 'kommun:leksand'")
    page.wait_for_function(SETTLED, timeout=30_000)
    page.wait_for_timeout(100)
    assert _inside(page, ["kommun:leksand"]) == []
    page.select_option("#lg-filter-kommun", "Leksand")
    page.wait_for_function(SETTLED, timeout=30_000)
    page.wait_for_timeout(100)
    visible = page.evaluate(VISIBLE_IDS)
    assert "kommun:leksand" in visible and _inside(page, visible) == []
    report.assert_clean()


def test_structure_is_hidden_until_asked_and_gaps_are_drawn_on_top(page_opener, dalarna_map):
    page, report = page_opener(dalarna_map)
    page.wait_for_function(READY, timeout=20_000)
    hidden = """() => window.lokgraphData.edges.get().filter((e) => e.hidden).length"""
    before = page.evaluate(hidden)
    assert before > 20  # PART_OF and PARTY_TO
    page.check("#lg-structure")
    assert page.evaluate(hidden) == 0
    page.uncheck("#lg-structure")
    assert page.evaluate(hidden) == before
    # the red edges come last in drawing order, so nothing is drawn over them
    colours = page.evaluate(
        "() => window.lokgraphNetwork.body.edgeIndices.map("
        "(id) => window.lokgraphNetwork.body.edges[id].options.color.color)"
    )
    red = [i for i, c in enumerate(colours) if c in ("#d62728", "#e77f80")]
    assert red and red == list(range(len(colours) - len(red), len(colours)))
    # no text is drawn along the edges
    assert page.evaluate(
        "() => window.lokgraphData.edges.get().every((e) => e.label === undefined)"
    )
    report.assert_clean()


# Every node's own shape (without its label) at zoom 1, as a box in map units.
NODE_SHAPES = """() => {
    const net = window.lokgraphNetwork;
    net.moveTo({scale: 1.0});
    window.lokgraphPlaceLabels();
    const out = [];
    for (const id of net.body.nodeIndices) {
        const node = net.body.nodes[id];
        const w = node.shape.width || 2 * node.options.size;
        const h = node.shape.height || 2 * node.options.size;
        out.push([id, node.x - w / 2, node.y - h / 2, node.x + w / 2, node.y + h / 2]);
    }
    return out;
}"""


def test_no_node_sits_on_another_on_the_dalarna_map(page_opener, dalarna_map):
    page, report = page_opener(dalarna_map)
    page.wait_for_function(READY, timeout=20_000)
    shapes = page.evaluate(NODE_SHAPES)
    assert len(shapes) > 100
    clashes = [(a[0], b[0]) for a, b in combinations(shapes, 2) if _overlap(a[1:], b[1:])]
    assert clashes == []
    report.assert_clean()


def test_the_maps_in_the_report_have_readable_kommun_names(page_opener, tmp_path):
    from visualizations.report import report_html

    path = save(report_html(dalarna_graph()), tmp_path / "rapport.html")
    page, report = page_opener(path)
    frames = [f for f in page.frames if f != page.main_frame]
    assert frames
    frame = frames[0]
    frame.wait_for_function(READY, timeout=20_000)
    boxes = frame.evaluate(LABEL_BOXES)
    names = {b[0] for b in boxes}
    assert {"kommun:leksand", "kommun:malung-salen", "kommun:orsa"} <= names
    assert not [1 for a, b in combinations(boxes, 2) if _overlap(a[1:], b[1:])]
    report.assert_clean()
