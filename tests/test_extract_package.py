"""The extractor as a package of small passes, and its grammar words checked at load."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

from loaders.extract import extract_text, load_vocabulary
from lokgraph.errors import InputError

PACKAGE = Path(__file__).resolve().parents[1] / "loaders" / "extract"
MODULES = sorted(p.stem for p in PACKAGE.glob("*.py"))


@pytest.mark.parametrize("name", MODULES)
def test_every_pass_is_a_small_module_whose_examples_run(name):
    path = PACKAGE / f"{name}.py"
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400
    module = importlib.import_module(
        f"loaders.extract.{name}" if name != "__init__" else "loaders.extract"
    )
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_a_grammar_heading_must_hold_every_list(tmp_path: Path):
    path = tmp_path / "egen.yaml"
    path.write_text("parties:\n  BUP: [BUP]\ngrammar:\n  list_joiners: [och]\n", encoding="utf-8")
    with pytest.raises(InputError, match="'grammar' needs a non-empty list 'abbreviations'"):
        load_vocabulary(path)


def test_an_unknown_grammar_list_is_named(tmp_path: Path):
    path = tmp_path / "egen.yaml"
    path.write_text("extends: default\ngrammar:\n  joiners: [och]\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown heading 'joiners' under 'grammar'"):
        load_vocabulary(path)


def test_a_planner_adds_a_grammar_word_in_yaml_only(tmp_path: Path):
    # "hos den" does not refer back to the group of the sentence before in the bundled grammar
    text = "Vi har en styrgrupp. Hos den sitter även BUP med."
    before = extract_text(text, source="t", kommun="Kil")
    path = tmp_path / "egen.yaml"
    path.write_text("extends: default\ngrammar:\n  refers_back: [hos den]\n", encoding="utf-8")
    after = extract_text(text, source="t", kommun="Kil", vocabulary=load_vocabulary(path))
    members = [(f.party, f.group_type) for f in after if f.kind == "member"]
    assert members == [("BUP", "styrgrupp")]
    assert [(f.party, f.group_type) for f in before if f.kind == "member"] == []


def test_the_bundled_vocabulary_reads_the_same_with_the_c_parser():
    """The bundled vocabulary is parsed with PyYAML's C parser when there is one; it must give
    what the pure-Python safe loader gives, and every term's pattern must compile."""
    import yaml

    from loaders.extract import vocabulary

    text = (Path(vocabulary.__file__).parent.parent / "vocabulary.yaml").read_text("utf-8")
    assert vocabulary._default_raw() == yaml.safe_load(text)
    v = load_vocabulary()
    terms = [t for value in vars(v).values() if isinstance(value, tuple) for t in value]
    terms = [t for t in terms if hasattr(t, "regex")]
    assert len(terms) > 500
    assert all(t.pattern.pattern == t.regex for t in terms)
