"""The geographic overview in real headless Chromium: shapes, colours, hover, click, zoom."""

from __future__ import annotations

import pytest

from tests.test_overview import BORLANGE, LEKSAND, MALUNG, ORSA, dalarna_graph
from tests.test_visualizations import XSS_IMG, build_test_graph
from visualizations.map_set import write_maps
from visualizations.styles import SPECIALIST_STATUS

pytestmark = pytest.mark.browser

READY = "window.lokgraphReady === true"


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def _fill(page, code: str) -> str:
    return page.evaluate(
        "(code) => getComputedStyle(document.querySelector(`path[data-kod='${code}']`)).fill",
        code,
    )


def _assert_dalarna_colours(page) -> None:
    assert _fill(page, LEKSAND) == _rgb(SPECIALIST_STATUS["missing"].fill)
    assert _fill(page, MALUNG) == _rgb(SPECIALIST_STATUS["missing"].fill)
    assert _fill(page, BORLANGE) == _rgb(SPECIALIST_STATUS["no_answer"].fill)
    assert _fill(page, ORSA) == _rgb(SPECIALIST_STATUS["member"].fill)


def _hover(page, code: str) -> str:
    page.hover(f"path[data-kod='{code}']")
    tip = page.locator("#lg-tip")
    tip.wait_for(state="visible", timeout=5_000)
    return tip.text_content()


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sverige")
    return write_maps(dalarna_graph(), folder / "karta.html")[0]


@pytest.fixture(scope="module")
def dalarna(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dalarna")
    return write_maps(dalarna_graph(), folder / "dalarna.html", area="Dalarnas län")[0]


def test_sweden_has_290_shapes_coloured_by_status(page_opener, national):
    page, report = page_opener(national)
    page.wait_for_function(READY, timeout=10_000)
    assert page.locator("svg path.lg-kommun").count() == 290
    _assert_dalarna_colours(page)
    assert _fill(page, "0180") == _rgb(SPECIALIST_STATUS["not_recorded"].fill)  # Stockholm
    # every shape is drawn inside the map, none of zero size
    sizes = page.eval_on_selector_all(
        "path.lg-kommun", "ps => ps.map(p => p.getBBox()).map(b => b.width * b.height)"
    )
    assert min(sizes) > 0
    report.assert_clean()


def test_a_lan_view_zooms_to_its_kommuner(page_opener, national):
    page, report = page_opener(national)
    page.wait_for_function(READY, timeout=10_000)
    before = page.locator(f"path[data-kod='{LEKSAND}']").bounding_box()
    page.select_option("#lg-lan", "20")
    after = page.locator(f"path[data-kod='{LEKSAND}']").bounding_box()
    assert after["width"] > 3 * before["width"]
    svg = page.locator("#lg-overview-svg").bounding_box()
    for code in (LEKSAND, MALUNG, BORLANGE):
        box = page.locator(f"path[data-kod='{code}']").bounding_box()
        assert svg["x"] <= box["x"] and box["x"] + box["width"] <= svg["x"] + svg["width"] + 1
        assert svg["y"] <= box["y"] and box["y"] + box["height"] <= svg["y"] + svg["height"] + 1
    report.assert_clean()


def test_hover_shows_the_gaps_with_a_quote(page_opener, national):
    page, report = page_opener(national)
    page.wait_for_function(READY, timeout=10_000)
    page.select_option("#lg-lan", "20")
    text = _hover(page, LEKSAND)
    assert text.startswith("Leksand") and SPECIALIST_STATUS["missing"].name in text
    assert "BUP" in text and "”" in text
    assert page.locator("#lg-tip .lg-quote").count() >= 1
    assert "Har inte svarat" in _hover(page, BORLANGE)
    report.assert_clean()


def test_a_click_opens_the_kommun_map_beside_it(page_opener, national):
    page, report = page_opener(national)
    page.wait_for_function(READY, timeout=10_000)
    page.select_option("#lg-lan", "20")
    page.click(f"path[data-kod='{LEKSAND}']")
    page.wait_for_url("**/karta-kommuner/leksand.html", timeout=10_000)
    page.wait_for_function(READY, timeout=20_000)
    assert "Leksand" in page.text_content("h1")
    assert page.evaluate("window.lokgraphData.nodes.length") > 5
    report.assert_clean()


def test_dalarna_has_15_shapes_and_a_click_opens_the_map_in_the_same_file(page_opener, dalarna):
    page, report = page_opener(dalarna)
    page.wait_for_function(READY, timeout=10_000)
    assert page.locator("svg path.lg-kommun").count() == 15
    _assert_dalarna_colours(page)
    page.click(f"path[data-kod='{MALUNG}']")
    assert page.locator("#lg-kommun-dialog").is_visible()
    frame = page.frame_locator("#lg-kommun-frame")
    inner = page.frames[1]
    inner.wait_for_function(READY, timeout=20_000)
    assert "Malung-Sälen" in frame.locator("h1").text_content()
    assert inner.evaluate("window.lokgraphData.nodes.length") > 3
    page.click("#lg-kommun-dialog button.lg-close")
    assert not page.locator("#lg-kommun-dialog").is_visible()
    report.assert_clean()


def test_script_in_the_data_runs_nowhere_on_the_overview(page_opener, tmp_path):
    path = write_maps(build_test_graph(evil=True), tmp_path / "k.html", area="Dalarnas län")[0]
    page, report = page_opener(path)
    page.wait_for_function(READY, timeout=10_000)
    assert XSS_IMG in _hover(page, LEKSAND)
    page.click(f"path[data-kod='{LEKSAND}']")
    page.frames[1].wait_for_function(READY, timeout=20_000)
    assert page.locator("img").count() == 0
    assert page.frames[1].locator("img").count() == 0
    page.wait_for_timeout(200)
    assert report.dialogs == []
    report.assert_clean()


def test_a_click_in_the_report_goes_to_the_kommun(page_opener, tmp_path):
    from visualizations.report import report_html
    from visualizations.write import save

    page, report = page_opener(save(report_html(dalarna_graph()), tmp_path / "rapport.html"))
    page.wait_for_function(READY, timeout=10_000)
    assert page.locator("svg path.lg-kommun").count() == 15
    _assert_dalarna_colours(page)
    assert "BUP" in _hover(page, MALUNG)
    page.click(f"path[data-kod='{LEKSAND}']")
    page.wait_for_function("location.hash === '#kommun-leksand'")
    box = page.locator("#kommun-leksand").bounding_box()
    assert -2 <= box["y"] < 800  # scrolled into view
    report.assert_clean()
