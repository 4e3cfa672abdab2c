"""The prefilter (loaders/extract/triggers.py) never changes a fact.

Extraction runs with the prefilter off (every term tested on its own anchor, every pass run)
and on, over every real-text set, the held-out sets, the Dalarna seed survey (read from
../shared/seeds, never copied) and a synthetic national survey, and the facts must be the same,
in the same order. A pass whose declared triggers miss a list it needs fails here.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
import yaml

import loaders.extract
from loaders.extract import extract_answers, extract_text, load_vocabulary
from loaders.extract.triggers import candidates, fires, prefilter_off, triggers_of
from lokgraph.facts import Fact

ROOT = Path(__file__).resolve().parents[1]
REALTEXT = sorted((ROOT / "tests" / "realtext").glob("*.yaml"))
HELDOUT = sorted(ROOT.glob("tests/heldout*/*.yaml"))


@cache
def _bench(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def _both(run: Callable[[], list[Fact]]) -> tuple[list[dict], list[dict]]:
    with prefilter_off():
        without = [f.model_dump() for f in run()]
    return without, [f.model_dump() for f in run()]


def _entries(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def test_the_sets_are_there():
    assert len(REALTEXT) >= 4 and len(HELDOUT) >= 2


@pytest.mark.parametrize("path", REALTEXT, ids=lambda p: p.stem)
def test_real_text_sets_give_the_same_facts(path: Path):
    entries = _entries(path)
    extract_entry = _bench("score_realtext").extract_entry
    with tempfile.TemporaryDirectory(prefix="lokgraph-prefilter-") as tmp:
        for entry in entries:
            without, with_ = _both(lambda e=entry: extract_entry(e, Path(tmp)))
            assert with_ == without, entry.get("id")


@pytest.mark.parametrize("path", HELDOUT, ids=lambda p: p.parent.name)
def test_held_out_sets_give_the_same_facts(path: Path):
    for e in _entries(path):
        without, with_ = _both(
            lambda e=e: extract_text(
                e["text"],
                source=e["id"],
                kommun=e.get("kommun"),
                question=e.get("question"),
                respondent=e.get("respondent"),
            )
        )
        assert with_ == without, e["id"]


def test_the_dalarna_survey_gives_the_same_facts():
    bench = _bench("score_extraction")
    expectation = bench.load_expectation(ROOT / "tests" / "expectations" / "dalarna.yaml")
    if not (bench.seeds_dir() / expectation["source"]).exists():
        pytest.skip("the Dalarna seed is not beside the project")
    without, with_ = _both(lambda: bench.run_expectation(expectation))
    assert len(without) > 100
    assert with_ == without


def test_a_synthetic_survey_gives_the_same_facts(tmp_path: Path):
    from loaders.survey_dump import load_survey_dump
    from lokgraph.synth import synth_truth
    from lokgraph.synth_survey import synth_survey_dump

    path = tmp_path / "enkat.txt"
    path.write_text(synth_survey_dump(synth_truth(49, 3), 3), encoding="utf-8")
    answers = load_survey_dump(path).answers
    without, with_ = _both(lambda: extract_answers(answers))
    assert len(without) > 1000
    assert with_ == without


def _passes() -> list[tuple[str, Callable]]:
    out = []
    for info in pkgutil.iter_modules(loaders.extract.__path__):
        module = importlib.import_module(f"loaders.extract.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if triggers_of(fn) is not None and fn.__module__ == module.__name__:
                out.append((f"{info.name}.{name}", fn))
    return out


def test_every_declared_trigger_is_a_vocabulary_list():
    v = load_vocabulary()
    passes = _passes()
    assert len(passes) >= 5
    for name, fn in passes:
        for field in triggers_of(fn) or ():
            items = v
            for part in field.split("."):
                assert hasattr(items, part), f"{name}: {field}"
                items = getattr(items, part)
            assert items, f"{name}: {field} is empty"


def test_a_pass_is_skipped_only_without_its_lists():
    v = load_vocabulary()
    assert not fires(v, "Det går bra.", "negators", "absence")
    assert fires(v, "BUP deltar inte.", "negators")
    assert fires(v, "Vi saknar BUP.", "absence")
    with prefilter_off():
        assert fires(v, "Det går bra.", "negators")


def test_candidates_keep_the_list_order_and_need_every_run():
    v = load_vocabulary()
    text = "Representanter från BUP och barn- och ungdomshabiliteringen"
    first = candidates(v.parties, text)  # a list met for the first time: tested term by term
    found = candidates(v.parties, text)  # met again: indexed
    assert set(found) <= set(first)
    assert found == [t for t in v.parties if t in found]  # list order
    assert {t.key for t in found} >= {"BUP", "HAB"}
    low = text.lower()
    assert all(r.lstrip("^") in low for t in found for r in t.runs)
    with prefilter_off():
        assert set(found) <= set(candidates(v.parties, text))


def _term_lists_and_sentences() -> tuple[list[tuple], list[str]]:
    """Every term list of the vocabulary (and the kommun names), and every sentence of the
    real-text sets."""
    from loaders.extract.kommuner import _kommun_patterns
    from loaders.extract.sentences import split_sentences

    v = load_vocabulary()
    lists = [x for x in vars(v).values() if isinstance(x, tuple) and x and hasattr(x[0], "lead")]
    lists.append(_kommun_patterns(v.grammar.kommun_word))
    texts = [
        s.text
        for path in REALTEXT
        for e in _entries(path)
        for s in split_sentences(e["text"] or "", v)
    ]
    return lists, texts


def test_matches_find_what_finditer_finds():
    # every term of every list (and every kommun name) that can match a sentence of a
    # real-text set, searched at its lead only and by the pattern at every position
    from loaders.extract.triggers import matches

    lists, texts = _term_lists_and_sentences()
    texts += ["ſkolan och BUP", "İFO och BUP", "Barn- och ungdomshabiliteringens BUP-team"]
    tried = 0
    for text in texts:
        for items in lists:
            for item in candidates(items, text):
                want = [m.span() for m in item.pattern.finditer(text) if m.end() > m.start()]
                assert [m.span() for m in matches(item, text)] == want, (item, text)
                tried += 1
    assert tried > 10_000


def test_every_term_that_matches_is_a_candidate():
    # candidates() may leave out only terms that cannot match: checked against the old test
    # (the anchor in the lower-cased text) on every sentence of the real-text sets
    lists, texts = _term_lists_and_sentences()
    matched = 0
    for text in texts:
        low = text.lower()
        for items in lists:
            kept = {id(t) for t in candidates(items, text)}
            for item in items:
                if item.anchor and item.anchor not in low:
                    continue
                if any(m.end() > m.start() for m in item.pattern.finditer(text)):
                    assert id(item) in kept, (item, text)
                    matched += 1
    assert matched > 5_000
