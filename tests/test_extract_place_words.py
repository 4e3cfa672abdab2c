"""A party word after a preposition of place (``places``) is a place, not a party taking part;
"utanför" is one too ("både i och utanför skolan"). Texts written for these tests in our own
words.
"""

from __future__ import annotations

from loaders.extract import extract_text
from lokgraph.facts import Fact


def run(text: str) -> list[Fact]:
    return extract_text(text, source="test", kommun="Orsa")


def parties(facts: list[Fact]) -> set[str | None]:
    return {f.party for f in facts if f.kind == "member"}


def test_outside_the_school_is_a_place():
    facts = run("Även andra deltar i hälsoarbetet, både i och utanför skolan.")
    assert "SKOLA" not in parties(facts)


def test_the_school_as_a_party_stays():
    facts = run("I arbetsgruppen ingår skolan, socialtjänsten och BUP.")
    assert {"SKOLA", "SOCIALTJANST", "BUP"} <= parties(facts)
