"""The kind of an agreement from sides that are neither one kommun with the region nor all of
them (tests/realtext/README.md, "Settled conventions", agreement kind): an agreement between
a kommun and the police or an association is another kind, not a LÖK; one between the state
and SKR (also by their full names) is a national agreement and no item, nor is the sentence
right after it that refers back to it; an agreement on one condition (dyslexia) is another
kind. Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from tests.extract_asserts import statuses


def agreements(text: str, kommun: str | None = "Tibro") -> set[tuple]:
    """(kind, status) of every agreement in a text about Tibro."""
    return statuses(text, kommun)


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen och polisen har tecknat en ny samverkansöverenskommelse om tryggheten.",
        "Kommunstyrelsen och lokalpolisområdet skrev i fredags under en överenskommelse.",
        "Överenskommelse om IOP mellan kommunen och föreningen antogs i våras.",
    ],
)
def test_an_agreement_with_a_third_side_and_no_region_is_another_kind(text):
    assert agreements(text) == {("other", "in_force")}


def test_an_agreement_between_the_kommun_and_the_region_stays_a_lok():
    text = "Kommunen och regionen har tecknat en ny överenskommelse om samverkan."
    assert agreements(text) == {("LOK", "in_force")}


@pytest.mark.parametrize(
    "text",
    [
        "Satsningen för 2019 är en överenskommelse mellan staten och Sveriges Kommuner och "
        "Landsting.",
        "Satsningen är en överenskommelse mellan regeringen och Sveriges Kommuner och Regioner."
        " Överenskommelsen ska ge ett långsiktigt stöd till arbetet med psykisk hälsa.",
    ],
)
def test_a_national_agreement_by_the_full_names_is_no_item(text):
    assert agreements(text, kommun=None) == set()


def test_a_local_agreement_named_after_a_national_one_still_counts():
    text = (
        "Satsningen är en överenskommelse mellan staten och Sveriges Kommuner och Regioner.\n\n"
        "Kommunen och regionen har dessutom tecknat en lokal överenskommelse om barn och unga."
    )
    assert agreements(text) == {("LOK", "in_force")}


def test_an_agreement_on_dyslexia_is_another_kind():
    text = (
        "Regionen och kommunförbundet har en överenskommelse om hur barn utreds vid "
        "misstanke om dyslexi."
    )
    assert agreements(text, kommun=None) == {("other", "in_force")}


def test_a_county_agreement_named_by_its_compound_is_a_rok():
    text = "Arbetet beskrivs i den nya länsöverenskommelsen om samverkan kring barn och unga."
    assert agreements(text) == {("ROK", "in_force")}


def test_guidelines_as_the_last_part_of_a_compound_name_a_guideline():
    text = "Samverkansriktlinjer vid misstänkt adhd\n\nSkolan skickar en remiss till BUP."
    assert agreements(text, kommun=None) == {("other", "in_force")}


def test_a_county_agreement_on_one_subject_named_again_by_its_word_stays_that_one():
    text = (
        "Regionen har tagit fram en länsöverenskommelse om hälsoundersökningar för placerade "
        "barn.\n\nLänsöverenskommelsen finns på regionens webbplats."
    )
    assert agreements(text, kommun=None) == {("other", "in_force")}


def test_a_heading_that_names_a_national_agreement_by_a_bare_word_is_no_item():
    text = (
        "Överenskommelsen för 2031–2032\n\n"
        "Regeringen och SKR har enats om en ny överenskommelse om psykisk hälsa."
    )
    assert agreements(text, kommun=None) == set()


def test_a_heading_before_a_sentence_on_our_own_agreement_stays():
    text = "Överenskommelsen för 2031\n\nKommunen och regionen tecknade överenskommelsen i maj."
    assert agreements(text) == {("LOK", "in_force")}


def test_an_iop_on_an_agenda_is_another_kind_in_progress():
    text = (
        "Föredragningslista\n1. Val av justerare\n"
        "2. Idéburet offentligt partnerskap med en förening"
    )
    assert agreements(text) == {("other", "in_progress")}
