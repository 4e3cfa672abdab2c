"""Issue 16 for the extractor: a run of text without sentence ends is read in bounded pieces,
all of it, with a note; the benchmark's text is built the same way."""

from __future__ import annotations

from pathlib import Path

from bench.text_growth import run_without_stops
from loaders.extract import extract_answers, split_sentences
from loaders.extract.sentences import MAX_SENTENCE
from loaders.importer import extract_path
from loaders.records import Answer


def test_a_long_run_is_cut_into_bounded_pieces_and_all_of_it_is_read():
    text = run_without_stops(20_000) + ", till sist saknas habiliteringen i styrgruppen"
    sentences = split_sentences(text)
    assert len(sentences) >= 20_000 // MAX_SENTENCE
    assert all(len(s.text) <= MAX_SENTENCE for s in sentences)
    assert [s.piece for s in sentences[:3]] == [1, 2, 3]
    facts = extract_answers([Answer(source="s", kommun="Orsa", question=None, text=text)])
    # the last piece is read too: its absence is found
    assert any(f.kind == "absent" and f.party == "HAB" and "till sist" in f.quote for f in facts)


def test_the_note_says_how_many_runs_were_cut(tmp_path: Path):
    path = tmp_path / "lang.txt"
    path.write_text(
        "Orsa\n\n" + run_without_stops(5_000) + "\n\n" + run_without_stops(4_000) + "\n\n"
        "BUP deltar i styrgruppen.\n",
        encoding="utf-8",
    )
    _facts, _survey, notes = extract_path(path)
    assert notes == [
        "2 textstycken utan meningsslut var för långa och lästes i delar om högst "
        f"{MAX_SENTENCE} tecken"
    ]
    one: list[str] = []
    extract_answers(
        [Answer(source="s", kommun=None, question=None, text=run_without_stops(3_000))],
        notes=one,
    )
    assert one == [
        f"ett textstycke utan meningsslut var för långt och lästes i delar om högst {MAX_SENTENCE} "
        "tecken"
    ]


def test_ordinary_sentences_are_not_cut():
    sentences = split_sentences("BUP deltar i styrgruppen. Skolan deltar också.")
    assert [s.piece for s in sentences] == [0, 0]
