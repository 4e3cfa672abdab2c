"""The services of one family centre named without a member word (loaders/extract/
centre_services.py; tests/realtext/README.md, "Family centres and barnahus"): in a document
about one centre, a sentence that lists two or more of its services, or the staff who stand
for them, names members of the centre whatever its verb; a sentence at another place, about a
centre still to come or centres in general, or in a document about an agreement, does not.
Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text, load_vocabulary
from loaders.extract.centre_services import staff_hits


def members(text: str) -> set[tuple[str | None, str | None, str | None]]:
    found = extract_text(text, source="test")
    return {(f.party, f.group_type, f.level) for f in found if f.kind == "member"}


def fc(*parties: str) -> set[tuple[str, str, str]]:
    return {(p, "familjecentral", "individ") for p in parties}


HEAD = "Familjecentralen i Björkdalen fyller tio år.\n\n"


@pytest.mark.parametrize(
    ("sentence", "parties"),
    [
        # a part of the house the sentence opens at is the centre itself
        (
            "På entréplanet finns barnmorskemottagning, barnavårdscentral och öppen förskola.",
            ("MVC", "BVC", "FORSKOLA"),
        ),
        # the centre has or holds its services
        (
            "Familjecentralen rymmer dessutom mödrahälsovård, socialtjänst och öppen förskola.",
            ("MVC", "SOCIALTJANST", "FORSKOLA"),
        ),
        # a noun of composition and a colon
        (
            "Verksamheten vilar på tre pelare: mödrahälsovård, barnhälsovård och öppen förskola.",
            ("MVC", "BVC", "FORSKOLA"),
        ),
        # the services as the subject of any verb
        (
            "Barnhälsovården och öppna förskolan håller öppet som vanligt över jul.",
            ("BVC", "FORSKOLA"),
        ),
        # the staff stand for their service
        (
            "Här möter du barnmorskor, en distriktssköterska, förskollärare och en socionom.",
            ("MVC", "BVC", "FORSKOLA", "SOCIALTJANST"),
        ),
    ],
)
def test_a_sentence_listing_the_centres_services_names_its_members(sentence, parties):
    assert members(HEAD + sentence) == fc(*parties)


def test_a_sentence_that_opens_at_the_centre_itself_is_about_it():
    text = HEAD + "På familjecentralen samlas barnmorska, logoped, förskollärare och socionom."
    assert members(text) == fc("MVC", "FORSKOLA", "SOCIALTJANST")


def test_the_centres_family_support_stands_for_social_services_beside_a_member_word():
    text = HEAD + "Här möts barnavårdscentral, öppen förskola och kommunens föräldrastöd."
    assert members(text) == fc("BVC", "FORSKOLA", "SOCIALTJANST")


def test_an_absence_next_to_the_staff_stays_with_its_party():
    text = HEAD + "Här arbetar barnmorskor och förskollärare, men socialtjänsten saknas."
    found = extract_text(text, source="test")
    assert {f.party for f in found if f.kind == "absent"} == {"SOCIALTJANST"}
    assert members(text) == fc("MVC", "FORSKOLA")


def test_a_sentence_that_opens_at_the_centres_name_is_about_it():
    text = (
        "Sedan i fjol finns familjecentralen Ekorren i Åby.\n\n"
        "I Ekorren finns barnhälsovård, mödrahälsovård och ungdomsmottagning."
    )
    assert members(text) == fc("BVC", "MVC", "UM")


def test_a_service_named_apart_from_the_list_is_not_the_centres():
    text = HEAD + "Barnhälsovård och mödravård drivs från vårdcentralen två dagar i veckan."
    assert {p for p, _, _ in members(text)} == {"BVC", "MVC"}


def test_familjecentret_is_the_centre_word_too():
    text = "Familjecentret i Norrby har flyttat.\n\nI huset arbetar nu BVC och MVC sida vid sida."
    assert members(text) == fc("BVC", "MVC")


@pytest.mark.parametrize(
    "sentence",
    [
        # another place
        "På sjukhuset finns redan barnavårdscentral och barnmorskemottagning.",
        # a centre still to come, or a plan
        "Kärnan i den nya delen blir mödrahälsovård, socialtjänst och öppen förskola.",
        "Syftet är att samla mödravård, barnavård och öppen förskola.",
        # centres in general: the centre word without a definite ending
        "För att kallas familjecentral krävs barnhälsovård, mödrahälsovård och öppen förskola.",
        "Alla familjecentraler i länet har barnhälsovård och öppen förskola.",
    ],
)
def test_a_sentence_about_another_place_or_centre_names_no_members(sentence):
    assert members(HEAD + sentence) == set()


def test_staff_outside_a_family_centre_stand_for_no_service():
    text = "Skolan har fått en ny rektor.\n\nHär arbetar barnmorskor och förskollärare."
    assert members(text) == set()


def test_a_document_on_an_agreement_lists_what_it_covers_not_who_works_there():
    text = (
        "Familjecentralen i Åby närmar sig.\n\n"
        "Kommunen och regionen har skrivit under en avsiktsförklaring.\n\n"
        "Familjecentralen innebär samlokalisering av mödravård, barnhälsovård och öppen förskola."
    )
    assert members(text) == set()


def test_a_health_centre_in_the_sentence_is_no_service_of_the_centre():
    text = HEAD + "Vårdcentralen flyttar barnhälsovården och mödravården till familjecentralen."
    assert {p for p, _, _ in members(text)} <= {"BVC", "MVC"}


def test_staff_words_are_read_as_their_service():
    v = load_vocabulary()
    hits = staff_hits("En socionom, två barnmorskor och en förskollärare.", v)
    assert [h.key for h in hits] == ["SOCIALTJANST", "MVC", "FORSKOLA"]


def test_a_service_that_comes_to_the_centre_is_there_but_one_to_come_is_not():
    visits = HEAD + "BVC finns på plats på tisdagar, och barnmorskan kommer på torsdagar."
    assert members(visits) == fc("BVC", "MVC")
    future = HEAD + "Till hösten kommer att finnas både BVC och mödravård i huset."
    assert members(future) == set()
