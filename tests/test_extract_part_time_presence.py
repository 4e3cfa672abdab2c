"""A service that is at a family centre only some of the time ("två dagar i veckan", "under
vissa tider", "besöker mötesplatsen") is a partial member of it, also when the sentence names
it once and points back to the place with a pronoun ("bemannas den av …"), and also with its
short form in brackets after it. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text

PAGE = "Familjecentralen i Orsa\n\nFamiljecentralen har öppet varje vardag.\n"


def members(text: str) -> set[tuple[str | None, bool]]:
    facts = extract_text(PAGE + text, source="test", kommun="Orsa")
    return {(f.party, f.partial) for f in facts if f.kind == "member"}


def test_staff_two_days_a_week_are_a_partial_member():
    text = "Numera bemannas den av personal från barnavårdscentralen (BVC) två dagar i veckan."
    assert members(text) == {("BVC", True)}


def test_a_service_there_at_some_times_is_partial():
    assert members("Där finns barnmorskemottagningen under vissa tider.") == {("MVC", True)}


def test_a_service_there_every_day_is_a_full_member():
    assert members("Där finns barnmorskemottagningen varje dag.") == {("MVC", False)}
