"""A joint team named where a person comes from ("en person från skolans elevhälsoteam",
"kontaktpersoner från familjecentralerna") is the service the person belongs to, not the team
the sentence is about; named on its own it is still the team. Texts written for these tests in
our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text
from lokgraph.facts import Fact


def run(text: str) -> list[Fact]:
    return extract_text(text, source="test", kommun="Orsa")


def test_a_person_from_the_pupil_health_team_makes_no_pupil_health_team():
    facts = run(
        "Närvaroteamen\n\n"
        "Kärnan i teamet är en person från skolans elevhälsoteam och en från socialtjänsten."
    )
    assert "beh" not in {f.group_type for f in facts if f.kind == "group"}


def test_contact_people_from_family_centres_make_no_family_centre():
    facts = run(
        "Länsnätverket\n\nNätverket består av kontaktpersoner från familjecentralerna i länet."
    )
    assert "familjecentral" not in {f.group_type for f in facts if f.kind == "group"}


def test_the_team_named_on_its_own_is_still_the_team():
    facts = run("Elevhälsoteamet\n\nElevhälsoteamet leds av rektor och träffas varje vecka.")
    assert "beh" in {f.group_type for f in facts if f.kind == "group"}
