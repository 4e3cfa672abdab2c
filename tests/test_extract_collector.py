"""Extraction runs with the cycle collector paused (`lokgraph.collector.collector_paused`):
that is safe only while it makes no reference cycles, which reference counting alone would
never free. Every real-text set and a synthetic survey are read here with the collector off,
and a full collection afterwards must find nothing to free."""

from __future__ import annotations

import gc
from pathlib import Path

import yaml

from loaders.extract import extract_answers, extract_text
from loaders.records import Answer

ROOT = Path(__file__).resolve().parents[1]


def _cycles(run) -> int:
    run()  # the first run compiles patterns and fills caches that live on
    gc.collect()
    was_on = gc.isenabled()
    gc.disable()
    try:
        run()
        return gc.collect()
    finally:
        if was_on:
            gc.enable()


def test_extraction_of_a_synthetic_survey_makes_no_cycles(tmp_path: Path):
    from loaders.survey_dump import load_survey_dump
    from lokgraph.synth import synth_truth
    from lokgraph.synth_survey import synth_survey_dump

    path = tmp_path / "enkat.txt"
    path.write_text(synth_survey_dump(synth_truth(15, 2), 2), encoding="utf-8")
    answers = load_survey_dump(path).answers
    assert len(answers) > 30
    assert _cycles(lambda: extract_answers(answers)) == 0


def test_extraction_of_the_real_text_sets_makes_no_cycles():
    entries = [
        e
        for path in sorted((ROOT / "tests" / "realtext").glob("*.yaml"))
        for e in yaml.safe_load(path.read_text(encoding="utf-8")) or []
        if e.get("text")
    ]
    assert len(entries) > 100

    def run() -> None:
        for e in entries:
            extract_text(e["text"], source=e["id"], kommun=e.get("kommun"))

    assert _cycles(run) == 0


def test_the_collector_is_on_again_after_extraction():
    assert gc.isenabled()
    extract_answers([Answer(source="t", kommun="Orsa", question="Q4", text="BUP deltar.")])
    assert gc.isenabled()
