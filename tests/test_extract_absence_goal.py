"""Absence told as a goal (issue #11): a goal or a wish ("arbeta för att", "se till att",
"förhoppningen är att") before a way of being included ("få med", "finnas där", "hitta en
plats", "delta") says a party is needed. Every text is written for these tests in our own
words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def absent(text: str) -> dict[str | None, str | None]:
    facts = extract_text(text, source="test", kommun="Luleå")
    return {f.party: f.reason for f in facts if f.kind == "absent"}


def test_working_to_bring_a_party_in_says_it_is_needed():
    assert absent("Utvecklingsområden:\n- Arbeta för att få med BUP i gruppen") == {"BUP": "needed"}


def test_a_hope_that_a_party_can_be_there_says_it_is_needed():
    text = "Förhoppningen är att barnhälsovården ska kunna finnas där varje dag."
    assert absent(text) == {"BVC": "needed"}


def test_making_sure_a_party_finds_its_place_says_it_is_needed():
    assert absent("Se till att socialtjänsten hittar en självklar plats i arbetet.") == {
        "SOCIALTJANST": "needed"
    }


def test_a_goal_with_no_way_of_being_included_is_no_absence():
    assert absent("Arbeta för att skolan får bättre lokaler.") == {}
