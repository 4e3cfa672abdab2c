"""Synthetic national data: deterministic, realistic in shape, and readable by the loaders."""

from collections import Counter

from typer.testing import CliRunner

from loaders.survey_dump import load_survey_dump
from lokgraph.cli import app
from lokgraph.graph import build_graph, summary
from lokgraph.synth import synth_structure, synth_truth
from lokgraph.synth_survey import expected_facts, synth_survey_dump


def test_same_seed_same_data_other_seed_other_data():
    assert synth_survey_dump(synth_truth(15, 3), 3) == synth_survey_dump(synth_truth(15, 3), 3)
    assert synth_survey_dump(synth_truth(15, 3), 3) != synth_survey_dump(synth_truth(15, 4), 4)


def test_national_shape():
    truth = synth_truth(290, 1)
    assert len({t.kommun.kommunkod for t in truth}) == 290
    assert all(8 <= len(t.groups) <= 25 for t in truth)
    levels = Counter(g.level for t in truth for g in t.groups)
    assert {"politisk", "strategisk", "operativ", "individ"} <= set(levels)
    absent = sum(any(g.absent for g in t.groups) for t in truth)
    assert 0.15 * 290 < absent < 0.6 * 290  # BUP or HAB reported absent in a share
    graph = build_graph(synth_structure(truth))
    counts = summary(graph)
    assert counts["nodes"]["Principal"] == 290 + 21
    assert counts["edges"]["ABSENT_FROM"] > 0 and counts["edges"]["REPORTS_TO"] > 0


def test_fifteen_is_a_whole_lan():
    assert {t.kommun.lan for t in synth_truth(15, 1)} == {"Dalarnas län"}


def test_survey_dump_reads_back(tmp_path):
    truth = synth_truth(15, 2)
    path = tmp_path / "enkat.txt"
    path.write_text(synth_survey_dump(truth, 2), encoding="utf-8")
    survey = load_survey_dump(path)
    assert set(survey.surveyed) == {t.kommun.name for t in truth}
    assert set(survey.non_respondents) == {t.kommun.name for t in truth if not t.answered}
    assert {a.question for a in survey.answers} >= {"Q1", "Q2", "Q5"}
    expected = expected_facts(truth)
    assert {k for k, _ in expected["agreement_status"]} == {
        t.kommun.name for t in truth if t.answered
    }


def test_cli_synth(tmp_path):
    result = CliRunner().invoke(app, ["synth", "--kommuner", "5", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "lokgraph-store.json").exists() and (tmp_path / "enkat.txt").exists()
    bad = CliRunner().invoke(app, ["synth", "--kommuner", "0", "-o", str(tmp_path)])
    assert bad.exit_code != 0
