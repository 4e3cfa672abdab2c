"""A sentence about family centres in general (the bare plural as its subject) or about what a
centre shall, could or is meant to hold names no members of a centre; a sentence that says
who works in one named centre still does. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text
from loaders.extract.generic_places import general_place_sentence
from loaders.extract.vocabulary import load_vocabulary
from lokgraph.facts import Fact


def run(text: str) -> list[Fact]:
    return extract_text(text, source="test", kommun="Orsa")


def centre_members(facts: list[Fact]) -> set[str | None]:
    return {f.party for f in facts if f.kind == "member" and f.group_type == "familjecentral"}


def test_a_plan_for_a_centre_names_no_members():
    facts = run(
        "Orsa får en familjecentral\n\n"
        "Tanken är att barnmorskemottagningen, BVC och socialtjänsten ska arbeta under samma tak."
    )
    assert centre_members(facts) == set()


def test_centres_in_general_name_no_members():
    facts = run(
        "Fler familjecentraler i länet\n\n"
        "Familjecentraler bygger på att BVC, MVC och öppen förskola arbetar under samma tak."
    )
    assert centre_members(facts) == set()


def test_a_wish_about_one_more_service_adds_no_member():
    facts = run(
        "Familjecentralen Linden\n\n"
        "På familjecentralen arbetar BVC och MVC under samma tak. "
        "Längre fram vill vi flytta in öppen förskola i samma lokaler."
    )
    assert centre_members(facts) == {"BVC", "MVC"}


def test_the_signs_are_words_not_phrases():
    v = load_vocabulary()
    assert general_place_sentence("I familjecentraler finns BVC och MVC.", v)
    assert general_place_sentence("Där skulle BVC och socialtjänsten kunna sitta.", v)
    assert not general_place_sentence("I familjecentralen finns BVC och MVC.", v)
    assert not general_place_sentence("Där finns BVC och MVC sedan i våras.", v)
