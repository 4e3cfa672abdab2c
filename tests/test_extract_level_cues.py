"""A group's level from what a document says it does, when no level word names it
(``level_cues``): coordinating work and taking up questions of a general kind is the
operative level, meeting about individual children the individual level; an even split keeps
the group type's own level. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text
from lokgraph.facts import Fact


def run(text: str) -> list[Fact]:
    return extract_text(text, source="test", kommun="Orsa")


def levels(facts: list[Fact]) -> set[tuple[str | None, str | None]]:
    return {(f.group_type, f.level) for f in facts if f.kind in ("group", "member")}


def test_a_team_that_coordinates_is_operative():
    text = (
        "Socialförvaltningen och skolförvaltningen har länge samverkat inom SAMBU.\n\n"
        "SAMBU ska i första hand samordna information och insatser i kommunen."
    )
    facts = run(text)
    assert levels(facts) == {("sambu", "operativ")}
    assert {f.party for f in facts if f.kind == "member"} == {"SOCIALTJANST", "SKOLA"}


def test_individual_cases_and_general_questions_keep_the_type_level():
    text = (
        "I den lokala BUS-gruppen sitter cheferna för BUP och socialtjänsten.\n\n"
        "Där tas både enskilda ärenden och frågor av allmän karaktär upp."
    )
    assert levels(run(text)) == {("samverkansgrupp", "operativ")}


def test_a_group_about_individual_children_is_individual():
    text = (
        "I den lokala BUS-gruppen sitter cheferna för BUP och socialtjänsten.\n\n"
        "Gruppen träffas kring enskilda barn, alltid med vårdnadshavarens samtycke."
    )
    assert levels(run(text)) == {("samverkansgrupp", "individ")}


def test_a_forum_that_takes_the_decisions_is_strategic():
    text = (
        "Länsforum\n\n"
        "Länsforumet är det forum som fattar besluten i länet. Där sitter chefer från "
        "skolan och socialtjänsten."
    )
    assert levels(run(text)) == {("samverkansgrupp", "strategisk")}


def test_a_level_word_about_the_work_is_not_the_level_of_a_group():
    text = (
        "Rektorn sitter i styrgruppen, liksom en medarbetare som arbetar med det operativa "
        "arbetet i skolan."
    )
    found = extract_text(text, source="test")
    assert [(f.group_type, f.level) for f in found if f.kind == "group"] == [
        ("styrgrupp", "strategisk")
    ]


def test_a_group_of_politicians_is_political():
    text = (
        "Regional samverkansgrupp\n\nHär sitter politiker från nämnderna i kommunerna och regionen."
    )
    found = extract_text(text, source="test")
    assert [(f.group_type, f.level) for f in found if f.kind == "group"] == [
        ("politisk_samverkan", "politisk")
    ]


def test_buh_is_the_habilitation():
    text = "Remisserna handläggs i samarbete mellan BUH och BUP."
    found = extract_text(text, source="test")
    assert {f.party for f in found if f.kind == "member"} == {"HAB", "BUP"}
