"""In a page about a family centre, "finns" or "arbetar" makes the services after it members
of the centre only when they are what is there: services that stand after a preposition
("fördelade mellan socialnämnden och …", "ett bidrag till …") are something else's. Texts
written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def centre_members(text: str) -> set[str | None]:
    facts = extract_text(text, source="test", kommun="Orsa")
    return {f.party for f in facts if f.kind == "member" and f.group_type == "familjecentral"}


PAGE = "Familjecentralen i Orsa\n\nFamiljecentralen har öppet varje vardag.\n"


def test_services_after_a_preposition_are_not_at_the_place():
    text = PAGE + "Nu finns en halv miljon kronor, delade mellan socialnämnden och skolnämnden."
    assert centre_members(text) == set()


def test_services_that_are_there_still_are_members():
    text = PAGE + "Där finns barnmorskemottagningen, barnavårdscentralen och öppna förskolan."
    assert centre_members(text) == {"MVC", "BVC", "FORSKOLA"}
