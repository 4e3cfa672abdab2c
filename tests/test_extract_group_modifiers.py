"""A member list after a group's "för …" modifier (loaders/extract/groups.py
`_after_group_positions`, members.list_words "bland andra"): "en arbetsgrupp för utvecklingen
av länets familjecentraler, med bland andra socialchefer och skolchefer" names its members
after a modifier of up to eight words and a comma, and past "bland andra"; a relative clause
in the modifier ("för de barn som har kontakt med BUP") stops it. Texts written for these
tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def members(text: str) -> set[tuple[str | None, str | None]]:
    facts = extract_text(text, source="test")
    return {(f.party, f.group_type) for f in facts if f.kind == "member" and f.party}


def test_a_long_modifier_and_a_comma_before_the_member_list():
    text = (
        "Sedan i våras finns en styrgrupp för utvecklingen av länets elevhälsoplaner, med bland "
        "andra rektorer och socialchefer."
    )
    assert members(text) == {("SKOLA", "styrgrupp"), ("SOCIALTJANST", "styrgrupp")}


def test_a_relative_clause_in_the_modifier_names_no_member():
    text = "Det finns en styrgrupp för de elever som har kontakt med BUP."
    assert members(text) == set()
