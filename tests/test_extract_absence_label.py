"""Absence and a party written as the label of a line (issue #11): "BUP: <statement>" names
the party the line is about, and a statement with a subject of its own that is missing
("insatser saknas") is a gap in a service, not the party missing from a collaboration. A
missing person of the party still is. Every text is written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def absent(text: str) -> set[str | None]:
    facts = extract_text(text, source="test", kommun="Gävle")
    return {f.party for f in facts if f.kind == "absent"}


def test_a_missing_service_under_a_party_label_is_no_absent_party():
    assert absent("BUP: Behandling för de minsta barnen saknas.") == set()


def test_missing_representatives_under_a_party_label_are_an_absence():
    assert absent("BUP: Representanter saknas i samverkansgruppen.") == {"BUP"}


def test_a_party_missing_without_a_label_is_still_absent():
    assert absent("I samverkansgruppen saknas BUP.") == {"BUP"}


def test_a_party_after_what_is_lacked_and_a_place_word_is_not_absent():
    # the pupils lack grades; the school is only where
    assert absent("Många elever saknar godkända betyg efter gymnasieskolan.") == set()


def test_a_person_of_the_party_lacked_still_makes_it_absent():
    assert absent("Gruppen saknar en företrädare på BUP.") == {"BUP"}
