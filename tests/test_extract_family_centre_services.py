"""The services of a family centre in a document about one (tests/realtext/README.md: the
centre is a group familjecentral at individ, the services that work in it its members): a
later sentence that lists the services with a word for working there, a service named right
before the centre ("mottagningen på familjecentralen"), "Där har det funnits …", and a person
"från socialtjänstens …" stand for their service. A sentence that opens at another place is
not about the centre. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def members(text: str) -> set[tuple[str | None, str | None, str | None]]:
    found = extract_text(text, source="test")
    return {(f.party, f.group_type, f.level) for f in found if f.kind == "member"}


def fc(*parties: str) -> set[tuple[str, str, str]]:
    return {(p, "familjecentral", "individ") for p in parties}


def test_services_listed_with_a_word_for_working_there():
    text = (
        "Familjecentraler i kommunen\n\n"
        "En familjecentral vänder sig till familjer med små barn.\n\n"
        "Barnhälsovård, öppen förskola och socialtjänst med förebyggande uppdrag arbetar "
        "tillsammans för familjerna."
    )
    assert members(text) == fc("BVC", "FORSKOLA", "SOCIALTJANST")


def test_a_sentence_that_opens_at_another_place_is_not_about_the_centre():
    text = (
        "Familjecentralen flyttar i vår.\n\n"
        "På vårdcentralen finns redan barnavårdscentral och barnmorskemottagning."
    )
    assert members(text) == set()


def test_a_service_named_right_before_the_centre_is_its_member():
    text = "Barnmorskemottagningen på familjecentralen blir kvar efter omorganisationen."
    assert members(text) == fc("MVC")


def test_there_has_been_a_service_at_the_centre():
    text = (
        "Familjecentralen har legat i skolans lokaler. Där har det funnits en öppen "
        "förskola och en barnmorskemottagning."
    )
    assert members(text) == fc("FORSKOLA", "MVC")


def test_a_person_from_a_service_of_the_centre_stands_for_the_service():
    text = (
        "Familjecentralen fyller tio år. Här arbetar en BVC-sköterska och en kurator från "
        "socialtjänstens familjeenhet."
    )
    assert members(text) == fc("BVC", "SOCIALTJANST")


def test_a_definition_of_family_centres_in_general_names_no_members():
    text = (
        "En familjecentral samlar barnhälsovård, öppen förskola och socialtjänst under ett tak. "
        "Med familjecentral menas att mödrahälsovård och barnhälsovård finns på samma ställe."
    )
    assert members(text) == set()
