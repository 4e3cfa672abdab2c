"""`lokgraph diff`: the changes between two rounds, checked against the generator's truth and on
the bundled two-round Skaraborg example, in the terminal, as JSON and as a page in Chromium."""

import json
from pathlib import Path

import pytest

from lokgraph.diff import diff_graphs
from lokgraph.graph import merge, new_graph
from lokgraph.rounds import at_round
from lokgraph.store import FileStore
from lokgraph.synth import synth_truth
from lokgraph.synth_rounds import two_rounds
from queries.registry import run_all
from tests.cli_run import assert_clean_failure, lokgraph
from tests.graph_helpers import EXAMPLES
from visualizations.change_report import change_report_html
from visualizations.styles import CHANGE_STYLES

ROUNDS = sorted((EXAMPLES / "rounds").glob("skaraborg-*.yaml"))
STRUCTURAL = {"group_added", "group_removed", "member_joined", "member_left"}
STRUCTURAL |= {"absence_new", "absence_gone", "lok_status"}


def _found(diff) -> set[tuple]:
    """The diff's structural changes in the generator's words: (kind, kommun, subject, party)."""
    return {
        (
            c.kind,
            c.kommun,
            c.subject,
            c.party if c.kind not in ("group_added", "lok_status") else None,
        )
        for c in diff.changes
        if c.kind in STRUCTURAL
    }


@pytest.mark.parametrize("n", [15, 290])
def test_diff_finds_exactly_the_changes_the_generator_made(n):
    first, second, _, made = two_rounds(synth_truth(n, seed=4), seed=4)
    graph = new_graph()
    merge(graph, first)
    merge(graph, second)
    before, after = at_round(graph, "2024"), at_round(graph, "2025")
    found = diff_graphs(before, after, gaps_before=run_all(before), gaps_after=run_all(after))
    assert len(made) > n  # teams, parties, absences and LÖKs all changed
    assert {kind for kind, *_ in made} == STRUCTURAL - {"group_removed", "absence_new"}
    assert _found(found) == set(made)
    joined = next(c for c in found.changes if c.kind == "member_joined")
    assert joined.quote_after and not joined.quote_before and joined.link
    signed = next(c for c in found.changes if c.kind == "lok_status")
    assert signed.after == "in_force" and signed.before != "in_force"
    assert signed.quote_before != signed.quote_after  # each side's own quote


@pytest.fixture(scope="module")
def skaraborg(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("skaraborg")
    store = folder / "skaraborg.json"
    result = lokgraph("import", *ROUNDS, "--store", store, cwd=folder)
    assert result.returncode == 0, str(result)
    return store


def test_the_two_round_example_counts_sambu_3_to_11(skaraborg):
    assert [p.name for p in ROUNDS] == ["skaraborg-2022.yaml", "skaraborg-2024.yaml"]
    result = lokgraph("diff", "--json", "--store", skaraborg)
    assert result.returncode == 0, str(result)
    doc = json.loads(result.stdout)
    assert (doc["from_round"], doc["to_round"]) == ("2022", "2024")
    counts = {c["measure"]: (c["before"], c["after"]) for c in doc["counts"]}
    assert counts["SAMBU-team"] == (3, 11)
    assert counts["BUP rapporteras saknas"] == (5, 3)
    added = sorted(c["kommun"] for c in doc["changes"] if c["kind"] == "group_added")
    assert len(added) == 8 and "Skövde" in added
    gone = [c for c in doc["changes"] if c["kind"] == "absence_gone"]
    assert {c["kommun"] for c in gone} == {"Gullspång", "Karlsborg"}
    assert all(c["quote_before"] and c["party"] == "BUP" for c in gone)


def test_the_terminal_table_is_swedish_with_counts_first(skaraborg):
    result = lokgraph("diff", "--store", skaraborg, env={"COLUMNS": "200"})
    assert result.returncode == 0, str(result)
    text = result.stdout
    assert text.index("SAMBU-team: 3 → 11 kommuner") < text.index("Ny grupp")
    assert "BUP rapporteras saknas: 5 → 3 kommuner" in text
    assert "Rapporteras inte längre saknas" in text and "citat före" in text


def test_two_stores_give_the_same_diff_as_two_rounds_of_one(skaraborg, tmp_path):
    stores = []
    for year, path in zip(("2022", "2024"), ROUNDS, strict=True):
        stores.append(tmp_path / f"{year}.json")
        assert lokgraph("import", path, "--store", stores[-1], cwd=tmp_path).returncode == 0
    apart = json.loads(lokgraph("diff", *stores, "--json").stdout)
    together = json.loads(lokgraph("diff", "--json", "--store", skaraborg).stdout)
    assert apart == together


def test_a_store_of_one_round_says_how_to_compare(tmp_path):
    store = tmp_path / "en.json"
    assert lokgraph("import", ROUNDS[0], "--store", store, cwd=tmp_path).returncode == 0
    result = lokgraph("diff", "--store", store, cwd=tmp_path)
    assert_clean_failure(result, mentions=["en omgång", "--round"])


def test_change_report_escapes_and_redacts(skaraborg):
    graph = FileStore(skaraborg).load()
    before, after = at_round(graph, "2022"), at_round(graph, "2024")
    team = next(n for n, d in after.nodes(data=True) if d.get("name") == "SAMBU-team Skövde")
    after.nodes[team]["name"] = "SAMBU <script>alert(1)</script> Anna Lindqvist"
    page = change_report_html(diff_graphs(before, after))
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Lindqvist" not in page and "[namn]" in page
    assert "Lindqvist" in change_report_html(diff_graphs(before, after), with_names=True)


@pytest.mark.browser
def test_change_report_in_chromium_shows_counts_styles_and_legend(skaraborg, page_opener, tmp_path):
    output = tmp_path / "forandringar.html"
    result = lokgraph("diff", "--store", skaraborg, "-o", output)
    assert result.returncode == 0, str(result)
    page, report = page_opener(output)
    text = page.inner_text("body")
    assert "Förändringsrapport 2022 → 2024" in text
    assert "SAMBU-team: 3 → 11 kommuner" in text
    assert "BUP rapporteras saknas: 5 → 3 kommuner" in text
    legend = page.inner_text(".lg-legend")
    for style in CHANGE_STYLES.values():
        assert style["name"] in legend
    # new links, closed gaps and lost or opened ones are drawn, each in its own stroke
    drawn = page.evaluate(
        """() => [...document.querySelectorAll('.lg-cards line[class^="lg-look-"]')].map(
            l => [l.getAttribute('class'), getComputedStyle(l).stroke,
                  l.getAttribute('stroke-dasharray') || ''])"""
    )
    looks = {cls.removeprefix("lg-look-"): (stroke, dash) for cls, stroke, dash in drawn}
    assert {"new", "gap_closed", "gap_opened"} <= set(looks)
    assert len({looks[k] for k in looks}) == len(looks)  # every look is its own style
    assert page.locator(".lg-cards svg").count() == 8  # one card per kommun that changed
    report.assert_clean()


def test_synth_second_round_through_the_cli_is_what_diff_finds(tmp_path):
    made = lokgraph(
        "synth", "--kommuner", "15", "--seed", "2", "--second-round", "-o", "ut", cwd=tmp_path
    )
    assert made.returncode == 0, str(made)
    folder = tmp_path / "ut"
    assert {p.name for p in folder.iterdir()} >= {"enkat.txt", "enkat-2.txt", "forandringar.json"}
    truth = {tuple(r.values()) for r in json.loads((folder / "forandringar.json").read_text())}
    result = lokgraph("diff", "--json", "--store", folder / "lokgraph-store.json", cwd=tmp_path)
    assert result.returncode == 0, str(result)
    doc = json.loads(result.stdout)
    assert (doc["from_round"], doc["to_round"]) == ("2024", "2025")
    found = {
        (c["kind"], c["kommun"], c["subject"], c["party"] if c["kind"] != "group_added" else None)
        for c in doc["changes"]
        if c["kind"] in STRUCTURAL
    }
    assert truth and found == truth
