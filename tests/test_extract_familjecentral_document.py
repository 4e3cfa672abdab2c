"""A familjecentral in a document (a page, a report) is the joint team, and the services that
work in it, named in the same sentence or in the next one ("Här arbetar …", "Där finns …",
"Basverksamheterna är …"), are its members at the individual level. In a survey answer it
stays a party. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text
from lokgraph.facts import Fact


def run(text: str, question: str | None = None) -> list[Fact]:
    return extract_text(text, source="test", kommun="Orsa", question=question)


def members(facts: list[Fact]) -> set[tuple[str | None, str | None, str | None]]:
    return {(f.party, f.group_type, f.level) for f in facts if f.kind == "member" and f.party}


def groups(facts: list[Fact]) -> set[tuple[str | None, str | None]]:
    return {(f.group_type, f.level) for f in facts if f.kind == "group"}


def test_a_familjecentral_named_in_a_page_is_a_group():
    facts = run("Familjecentraler i länet\n\nI dag har sju kommuner en familjecentral.")
    assert groups(facts) == {("familjecentral", "individ")}
    assert not [f for f in facts if f.party == "FAMILJECENTRAL"]


def test_har_arbetar_after_the_familjecentral_lists_its_members():
    text = (
        "Familjecentralen är en mötesplats för föräldrar med små barn. Här arbetar "
        "barnmorskemottagningen, barnavårdscentralen, öppna förskolan och socialtjänsten "
        "tillsammans."
    )
    assert members(run(text)) == {
        ("MVC", "familjecentral", "individ"),
        ("BVC", "familjecentral", "individ"),
        ("FORSKOLA", "familjecentral", "individ"),
        ("SOCIALTJANST", "familjecentral", "individ"),
    }


def test_dar_finns_samlokaliserade_after_the_familjecentral():
    text = (
        "Familjecentralen tar emot familjer med barn upp till sex år. Där finns "
        "socialsekreterare och mödrahälsovård, samlokaliserade under ett tak."
    )
    assert members(run(text)) == {
        ("SOCIALTJANST", "familjecentral", "individ"),
        ("MVC", "familjecentral", "individ"),
    }


def test_basverksamheterna_are_the_members_of_the_familjecentral():
    text = (
        "En familjecentral är en mötesplats för barnfamiljer. Basverksamheterna är "
        "barnhälsovård, öppen förskola och socialtjänst."
    )
    assert members(run(text)) == {
        ("BVC", "familjecentral", "individ"),
        ("FORSKOLA", "familjecentral", "individ"),
        ("SOCIALTJANST", "familjecentral", "individ"),
    }


def test_a_familjehus_is_a_familjecentral():
    text = "Familjehuset Ekbacken i kommunen, där vårdcentralen och socialtjänsten samverkar."
    assert groups(run(text)) == {("familjecentral", "individ")}


def test_in_a_survey_answer_the_familjecentral_is_still_a_party():
    facts = run("I styrgruppen sitter BVC och familjecentralen.", question="Q2")
    assert {f.party for f in facts if f.kind == "member"} == {"BVC", "FAMILJECENTRAL"}


def test_services_in_the_same_premises_after_the_familjecentral_are_its_members():
    text = (
        "På en familjecentral träffas föräldrar och barn. Mödrahälsovården, "
        "barnhälsovården och socialtjänsten finns där i samma lokaler."
    )
    assert members(run(text)) == {
        ("MVC", "familjecentral", "individ"),
        ("BVC", "familjecentral", "individ"),
        ("SOCIALTJANST", "familjecentral", "individ"),
    }


def test_an_elevhalsoteam_described_in_a_page_is_a_team_with_its_members():
    text = (
        "Elevhälsoteam\n\n"
        "Elevhälsoteamet på varje skola leds av rektor. I teamet ingår skolsköterska och "
        "skolkurator."
    )
    facts = run(text)
    assert groups(facts) == {("beh", "individ")}
    assert members(facts) == {("SKOLA", "beh", "individ"), ("ELEVHALSA", "beh", "individ")}


def test_elevhalsan_without_team_stays_a_party():
    facts = run("Styrgrupp barn och unga\n\nI styrgruppen sitter elevhälsan och BUP.")
    assert ("ELEVHALSA", "styrgrupp", "strategisk") in members(facts)
