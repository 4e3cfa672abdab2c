"""Long renderings report real totals: the map set per kommun map, the report per area."""

from __future__ import annotations

from pathlib import Path

from tests.test_queries import dalarna_survey_graph
from visualizations.map_set import write_maps
from visualizations.report import report_html


def _recorder() -> tuple[list[tuple[int, int]], object]:
    calls: list[tuple[int, int]] = []
    return calls, lambda done, total: calls.append((done, total))


def test_the_map_set_counts_every_page_it_draws(tmp_path: Path):
    calls, progress = _recorder()
    written = write_maps(dalarna_survey_graph(), tmp_path / "karta.html", progress=progress)
    kommun_pages = [p for p in (tmp_path / "karta-kommuner").glob("*.html")]
    total = len(kommun_pages) + 2  # the kommun maps, the overview and the whole network map
    assert written[0] == tmp_path / "karta.html"
    assert calls[0] == (0, total) and calls[-1] == (total, total)
    assert [done for done, _ in calls] == list(range(total + 1))
    assert {t for _, t in calls} == {total}


def test_an_area_map_counts_its_carried_maps(tmp_path: Path):
    calls, progress = _recorder()
    write_maps(dalarna_survey_graph(), tmp_path / "d.html", area="Dalarnas län", progress=progress)
    total = calls[0][1]
    assert total >= 3 and calls[-1] == (total, total)


def test_the_report_counts_its_areas():
    calls, progress = _recorder()
    html = report_html(dalarna_survey_graph(), progress=progress)
    total = calls[0][1]
    assert total >= 1 and calls[-1] == (total, total)
    assert len(calls) == total + 1
    assert html == report_html(dalarna_survey_graph())  # the callback changes nothing
