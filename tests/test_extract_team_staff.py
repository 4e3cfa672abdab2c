"""The staff of an elevhälsoteam (loaders/extract/reading.py, colocation.CENTRE): in a
document about a pupil-health team, "Elevhälsoteamet består av rektor, skolsköterska och
kurator" makes the school and pupil health its members; only a family centre's own word is
the centre rather than a party. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def members(text: str) -> set[tuple[str | None, str | None]]:
    facts = extract_text(text, source="test")
    return {(f.party, f.group_type) for f in facts if f.kind == "member" and f.party}


def test_the_staff_of_a_pupil_health_team_are_its_members():
    text = (
        "Elevhälsa på Norrskolan\n\n"
        "Elevhälsoteamet består av rektor, skolsköterska, skolpsykolog och kurator."
    )
    assert members(text) == {("SKOLA", "beh"), ("ELEVHALSA", "beh")}


def test_a_family_centre_named_again_is_still_the_centre():
    text = (
        "Familjecentralen i Björkby\n\n"
        "På familjecentralen arbetar BVC, MVC och öppna förskolan. Familjecentralen har öppet "
        "varje dag."
    )
    found = members(text)
    assert ("FAMILJECENTRAL", "familjecentral") not in found
    assert {p for p, _ in found} == {"BVC", "MVC", "FORSKOLA"}
