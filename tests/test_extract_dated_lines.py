"""Dates of an agreement told in a sentence or a line of their own, outside the order "cue word,
then date" (issue #11, `loaders/extract/dated_lines.py`): a date that opens the sentence, with
the verb and the subject after it, and a subjectless line on validity. Every text is written
for these tests in our own words.
"""

from __future__ import annotations

import pytest

from tests.extract_asserts import agreements

LEAD = (
    "Samverkan kring barn i Hylte\n\n"
    "Hylte kommun och Region Halland har en lokal överenskommelse om barn och unga.\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "I januari 2021 trädde den i kraft.",
        "Den 1 januari 2021 började den gälla.",
        "2021 undertecknades den av båda nämnderna.",
        "Från och med 1 januari 2021 gäller den.",
        "Under 2021 tecknades den nya överenskommelsen av båda parter.",
    ],
)
def test_a_date_that_opens_the_next_sentence_starts_the_agreement(sentence):
    assert agreements(LEAD + sentence, kommun="Hylte") == {("LOK", "in_force", "2021-01-01", None)}


def test_a_date_that_opens_a_sentence_on_something_else_is_not_the_agreements():
    text = LEAD + "I januari 2021 samlades skolorna för en gemensam temadag."
    assert agreements(text, kommun="Hylte") == {("LOK", "in_force", None, None)}


def test_an_expletive_det_after_the_date_is_not_the_agreement():
    text = LEAD + "Från 2023 gäller det att varje skola har en kontaktperson mot vården."
    assert agreements(text, kommun="Hylte") == {("LOK", "in_force", None, None)}


def test_a_fronted_date_with_its_own_agreement_word_in_one_sentence():
    text = "2019 tecknades en avsiktsförklaring mellan Region Halland och kommunen om unga."
    assert agreements(text, kommun="Hylte") == {("other", "in_force", "2019-01-01", None)}


def test_a_subjectless_line_on_validity_dates_the_document():
    text = (
        "Överenskommelse mellan Region Halland och länets kommuner om barn i familjehem\n\n"
        "Gäller 2021-03-01 – 2023-02-28\n"
        "Parter: Region Halland och kommunerna i Halland\n"
    )
    assert agreements(text) == {("ROK", "in_force", "2021-03-01", "2023-02-28")}


def test_a_line_on_validity_without_a_date_dates_nothing():
    text = (
        "Överenskommelse mellan Region Halland och länets kommuner om barn i familjehem\n\n"
        "Gäller alla verksamheter som arbetar med placerade barn.\n"
    )
    assert {(k, s, a, b) for k, s, a, b in agreements(text) if a or b} == set()


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_dates_under_a_validity_heading_date_the_agreement(gap):
    text = LEAD + "Giltighetstid" + gap + "2022-01-01 – 2025-12-31\n"
    assert agreements(text, kommun="Hylte") == {("LOK", "in_force", "2022-01-01", "2025-12-31")}


def test_dates_under_another_heading_date_nothing():
    text = LEAD + "Bakgrund\n\n2022-01-01 – 2025-12-31\n"
    assert agreements(text, kommun="Hylte") == {("LOK", "in_force", None, None)}


def test_a_line_on_the_term_of_the_contract_dates_it():
    text = LEAD + "Avtalstiden är tre år från och med 1 januari 2023."
    assert agreements(text, kommun="Hylte") == {("LOK", "in_force", "2023-01-01", None)}
