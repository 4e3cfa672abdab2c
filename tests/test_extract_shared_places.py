"""A preposition that makes a party word a place ("stöd i skolan", "remisser till BUP") makes
the party words joined to it places too ("i skola och förskola", "till BUP, HAB och
vårdcentralen"): they name where, not who takes part. Texts written for these tests in our
own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def parties(text: str) -> set[tuple[str, str | None]]:
    facts = extract_text(text, source="test", kommun="Orsa")
    return {(f.kind, f.party) for f in facts if f.kind in ("member", "absent")}


def test_services_joined_to_a_place_are_places():
    text = "Elevhälsoteamet arbetar med\n- stöd till elever och lärare i skola och förskola"
    assert ("member", "FORSKOLA") not in parties(text)
    assert ("member", "SKOLA") not in parties(text)


def test_a_list_of_places_after_a_comma():
    text = "Elevhälsoteamet arbetar med\n- råd till föräldrar på skolan, förskolan och fritids"
    assert not {p for k, p in parties(text) if k == "member"} & {"SKOLA", "FORSKOLA"}


def test_a_party_after_the_places_that_takes_part_is_still_a_member():
    text = "I gruppen, som möts i skolan, deltar även socialtjänsten och BUP."
    assert {("member", "SOCIALTJANST"), ("member", "BUP")} <= parties(text)
