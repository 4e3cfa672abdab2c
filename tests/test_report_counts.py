"""The report's figures on the Dalarna survey agree with the matrix beside them.

One rule decides "reported absent" (`lokgraph.presence`), so the hard_to_engage sentence, the
report's per-area count and the matrix cells count the same kommuner; each area's share is
out of its own kommuner; quotes cite the source by its title and date, never a file stem.
"""

from __future__ import annotations

import html
import re

import pytest

from lokgraph.store import FileStore
from queries.hard_to_engage import hard_to_engage
from tests.cli_run import lokgraph
from tests.graph_helpers import DALARNA_SURVEY
from visualizations.matrix import coverage
from visualizations.report import report_html

pytestmark = pytest.mark.skipif(not DALARNA_SURVEY.exists(), reason="needs ../shared/seeds")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("dalarna") / "store.json"
    result = lokgraph(
        "import", DALARNA_SURVEY, "--store", path, "--title", "Uppföljning RÖK barn och unga",
        "--date", "2024-03-01",
    )  # fmt: skip
    assert result.returncode == 0, str(result)
    return path


def _absent_in_matrix(graph, party: str) -> set[str]:
    return {row.kommun for row in coverage(graph) if row.cells[party].status == "absent"}


def _text(page: str) -> str:
    page = re.sub(r"<script.*?</script>", "", page, flags=re.S)
    page = re.sub(r'srcdoc="[^"]*"', "", page)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


def test_hard_to_engage_counts_the_kommuner_the_matrix_shows_absent(store):
    graph = FileStore(store).load()
    gaps = hard_to_engage(graph)
    assert gaps, "the Dalarna survey reports BUP missing in several kommuner"
    for gap in gaps:
        assert set(gap.kommuner) == _absent_in_matrix(graph, gap.party), gap.party
        assert f"i {len(gap.kommuner)} av " in gap.detail


def test_the_report_counts_per_area_and_agrees_with_the_matrix(store):
    graph = FileStore(store).load()
    text = _text(report_html(graph))
    counted = re.findall(r"(\S+) rapporteras saknas i (\d+) av (\d+) kommuner", text)
    assert counted, text[:2000]
    names = {"BUP": "BUP", "HAB": "HAB", "Specialistnivån": None}
    for label, n, of in counted:
        # Dalarna is one area of 15 kommuner; 11 answered the survey or have a group or LÖK
        assert int(of) == 11, (label, of)
        party = names.get(label, label)
        if party:
            assert int(n) == len(_absent_in_matrix(graph, party)), label
    assert "69 kommuner" not in text
    assert re.search(r"\b1 kommuner\b|\b1 luckor\b", text) is None


def test_quotes_cite_the_title_and_date_not_the_file(store):
    page = report_html(FileStore(store).load())
    assert DALARNA_SURVEY.stem not in page
    assert "(Uppföljning RÖK barn och unga, 2024-03-01, fråga" in _text(page)


def test_without_a_title_the_survey_gets_a_readable_one(tmp_path):
    path = tmp_path / "store.json"
    result = lokgraph("import", DALARNA_SURVEY, "--store", path)
    assert result.returncode == 0, str(result)
    sources = [
        d["name"] for _, d in FileStore(path).load().nodes(data=True) if d["label"] == "Source"
    ]
    assert sources == ["Enkät till 15 kommuner i Dalarnas län"]


def test_the_report_of_gaps_already_found_is_the_same_page(store):
    from queries.registry import run_all

    graph = FileStore(store).load()
    gaps = run_all(graph)
    assert gaps  # the Dalarna survey has gaps of several kinds
    assert report_html(graph, gaps=gaps) == report_html(graph)
    # the gaps given are the ones shown: without them, the page says none were found
    assert report_html(graph, gaps=[]) != report_html(graph)
