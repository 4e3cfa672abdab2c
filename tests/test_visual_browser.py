"""Maps, matrix and report in real headless Chromium: clean, offline, searchable, inert data."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_visualizations import (
    XSS_IMG,
    XSS_SCRIPT,
    build_national_graph,
    build_test_graph,
)
from visualizations.matrix import matrix_html
from visualizations.network_map import COLOURS, SHOWN_LABELS, map_data, map_html
from visualizations.report import report_html
from visualizations.write import save

pytestmark = pytest.mark.browser

READY = "window.lokgraphReady === true"


def _wait_ready(frame, timeout: int = 20_000) -> None:
    frame.wait_for_function(READY, timeout=timeout)


def _shown_nodes(graph) -> int:
    return sum(1 for _, d in graph.nodes(data=True) if d["label"] in SHOWN_LABELS)


def _hover_node(page, node_id: str) -> str:
    """Move the mouse onto a node and return the text of the tooltip that opens."""
    x, y = page.evaluate(
        """(id) => {
            const net = window.lokgraphNetwork;
            const at = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.querySelector("#lg-network canvas").getBoundingClientRect();
            return [box.left + at.x, box.top + at.y];
        }""",
        node_id,
    )
    page.mouse.move(x - 30, y - 30)
    page.mouse.move(x, y, steps=5)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    return tooltip.text_content()


def test_map_loads_clean_with_every_node(page_opener, tmp_path: Path):
    graph = build_test_graph()
    path = save(map_html(graph), tmp_path / "karta.html")
    page, report = page_opener(path)
    _wait_ready(page)
    assert page.evaluate("window.lokgraphData.nodes.length") == _shown_nodes(graph)
    assert page.evaluate("window.lokgraphNetwork.body.data.nodes.length") == _shown_nodes(graph)
    page.screenshot(path=str(tmp_path / "karta.png"))
    report.assert_clean()


def test_map_search_finds_a_kommun(page_opener, tmp_path: Path):
    path = save(map_html(build_test_graph()), tmp_path / "karta.html")
    page, report = page_opener(path)
    _wait_ready(page)
    page.fill("#lg-search", "orsa")
    page.press("#lg-search", "Enter")
    page.wait_for_function("window.lokgraphNetwork.getSelectedNodes().length === 1")
    assert page.evaluate("window.lokgraphNetwork.getSelectedNodes()") == ["kommun:orsa"]
    assert "Hittade Orsa" in page.text_content("#lg-status")
    report.assert_clean()


def test_kommun_map_is_laid_out_by_level(page_opener, tmp_path: Path):
    graph = build_test_graph()
    path = save(map_html(graph, kommun="Leksand"), tmp_path / "leksand.html")
    page, report = page_opener(path)
    _wait_ready(page)
    expected = len(map_data(graph, kommun="Leksand").nodes)
    assert page.evaluate("window.lokgraphData.nodes.length") == expected
    y = page.evaluate(
        "() => { const p = window.lokgraphNetwork.getPositions();"
        " return [p['group:leksand:styrgrupp'].y, p['group:leksand:arbetsgrupp'].y,"
        " p['kommun:leksand'].y]; }"
    )
    assert y[0] < y[1] < y[2]
    page.screenshot(path=str(tmp_path / "leksand.png"))
    report.assert_clean()


def test_national_map_opens_a_lan_to_find_a_kommun(page_opener, tmp_path: Path):
    graph = build_national_graph()
    path = save(map_html(graph), tmp_path / "sverige.html")
    page, report = page_opener(path)
    _wait_ready(page)
    assert page.evaluate("window.lokgraphData.nodes.length") == _shown_nodes(graph)
    assert page.evaluate("window.lokgraphClusters.isClosed('cluster:lan:20')")
    colour = "window.lokgraphNetwork.body.nodes['kommun:leksand'].options.color.background"
    assert page.evaluate(colour) == COLOURS["kommun"][0]
    page.screenshot(path=str(tmp_path / "sverige-stangd.png"))
    page.fill("#lg-search", "Leksand")
    page.press("#lg-search", "Enter")
    page.wait_for_function("window.lokgraphNetwork.getSelectedNodes()[0] === 'kommun:leksand'")
    assert not page.evaluate("window.lokgraphClusters.isClosed('cluster:lan:20')")
    assert page.evaluate("window.lokgraphClusters.isClosed('cluster:lan:12')")
    assert page.evaluate(colour) == COLOURS["kommun"][0]
    page.wait_for_timeout(300)
    page.screenshot(path=str(tmp_path / "sverige-dalarna.png"))
    report.assert_clean()


def test_lan_sized_synthetic_map_becomes_ready(page_opener, tmp_path: Path):
    """A whole synthetic län (15 kommuner, about 340 nodes on the map) is drawn and ready.

    No time is asserted: ``bench/run.py`` measures how fast it settles.
    """
    from lokgraph.synth import synth_graph

    graph = synth_graph(15, 1)
    data = map_data(graph)
    path = save(map_html(graph), tmp_path / "lan.html")
    page, report = page_opener(path)
    _wait_ready(page, timeout=120_000)
    assert page.evaluate("window.lokgraphData.nodes.length") == len(data.nodes)
    assert page.evaluate("window.lokgraphData.edges.length") == len(data.edges)
    assert page.evaluate("window.lokgraphNetwork.physics.physicsEnabled") is False
    assert page.locator("#lg-loading").is_hidden()
    page.screenshot(path=str(tmp_path / "lan.png"))
    page.fill("#lg-search", "Leksand")
    page.press("#lg-search", "Enter")
    page.wait_for_function("window.lokgraphNetwork.getSelectedNodes()[0] === 'kommun:leksand'")
    report.assert_clean()


def test_matrix_loads_clean(page_opener, tmp_path: Path):
    path = save(matrix_html(build_test_graph()), tmp_path / "matris.html")
    page, report = page_opener(path)
    assert page.locator("table.lg-matrix tbody tr").count() == 2
    title = page.get_attribute("tbody tr:first-child td.lg-absent", "title")
    assert "BUP har inte tillfrågats." in title
    page.screenshot(path=str(tmp_path / "matris.png"), full_page=True)
    report.assert_clean()


def test_report_loads_clean_with_its_maps(page_opener, tmp_path: Path):
    graph = build_test_graph()
    path = save(report_html(graph), tmp_path / "rapport.html")
    page, report = page_opener(path)
    frames = [f for f in page.frames if f != page.main_frame]
    assert len(frames) == 1
    for frame in frames:
        _wait_ready(frame)
        assert frame.evaluate("window.lokgraphData.nodes.length") == _shown_nodes(graph)
    assert "Dalarnas län" in page.text_content("h2#omrade-1-h")
    page.screenshot(path=str(tmp_path / "rapport.png"), full_page=True)
    page.emulate_media(media="print")
    page.screenshot(path=str(tmp_path / "rapport-utskrift.png"), full_page=True)
    report.assert_clean()


def test_script_in_the_data_runs_nowhere(page_opener, tmp_path: Path):
    graph = build_test_graph(evil=True)
    pages = {
        "karta": map_html(graph),
        "kommun": map_html(graph, kommun="Leksand"),
        "matris": matrix_html(graph),
        "rapport": report_html(graph),
    }
    for name, html in pages.items():
        path = save(html, tmp_path / f"{name}.html")
        page, report = page_opener(path)
        if name in ("karta", "kommun"):
            _wait_ready(page)
            label = page.evaluate("window.lokgraphData.nodes.get('group:leksand:styrgrupp').label")
            assert XSS_SCRIPT in label and XSS_IMG in label
            if name == "kommun":
                tip = _hover_node(page, "group:leksand:styrgrupp")
                assert XSS_SCRIPT in tip and XSS_IMG in tip
        elif name == "rapport":
            for frame in page.frames[1:]:
                _wait_ready(frame)
                assert frame.locator("img").count() == 0
            assert XSS_IMG in page.text_content("body")
        else:
            titles = page.eval_on_selector_all("td[title]", "cells => cells.map(c => c.title)")
            assert any(XSS_IMG in t for t in titles)
        assert page.locator("img").count() == 0
        page.wait_for_timeout(200)
        page.screenshot(path=str(tmp_path / f"{name}.png"))
        assert report.dialogs == [], name
        report.assert_clean()
