"""The speaker of a quote ("…, säger rektorn på skolan", "…, berättar en chef inom
socialtjänsten") names where the speaker works, not a member of what the quote is about; a
service that is the subject of its own statement still counts. Texts written for these tests
in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def members(text: str) -> set[str | None]:
    return {f.party for f in extract_text(text, source="test") if f.kind == "member"}


def test_the_speakers_service_is_no_member():
    text = "I samverkansgruppen deltar BVC och MVC, säger en enhetschef inom socialtjänsten."
    assert members(text) == {"BVC", "MVC"}


def test_a_quote_about_a_plan_names_no_member_through_its_speaker():
    text = "Familjecentralen i Orsa\n\nVi hoppas öppna till hösten, berättar chefen på BVC."
    assert members(text) == set()


def test_a_service_speaking_for_itself_still_takes_part():
    assert members("Socialtjänsten och BUP deltar i samverkansgruppen.") == {"SOCIALTJANST", "BUP"}
