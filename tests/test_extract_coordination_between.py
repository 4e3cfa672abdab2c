"""Coordination between services in a group, and the social services' child welfare as a
party (loaders/vocabulary.yaml: members.weak_cues "samordning ... mellan", SOCIALTJANST
"social* barn- och ungdomsvård*"): "I arbetsgruppen sker samordning och gemensam planering
mellan den sociala barn- och ungdomsvården och skolan" names both as members of the group; a
task ("ansvarar för samordning mellan …") and a sentence with no group and one service give
none. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def members(text: str) -> set[tuple[str | None, str | None]]:
    facts = extract_text(text, source="test")
    return {(f.party, f.group_type) for f in facts if f.kind == "member" and f.party}


def test_coordination_between_services_in_a_group_names_its_members():
    text = (
        "I arbetsgruppen sker samordning och gemensam planering mellan den sociala barn- och "
        "ungdomsvården och skolan."
    )
    assert members(text) == {("SOCIALTJANST", "arbetsgrupp"), ("SKOLA", "arbetsgrupp")}


def test_the_social_child_welfare_is_the_social_services():
    text = "Styrgruppen består av chefer för den sociala barn- och ungdomsvården och BUP."
    assert ("SOCIALTJANST", "styrgrupp") in members(text)


def test_a_task_of_coordination_and_a_lone_service_give_none():
    assert members("Styrgruppen ansvarar för samordning mellan skolan och BUP.") == set()
    assert members("Samordningen mellan kontoren sköts av socialtjänsten.") == set()
