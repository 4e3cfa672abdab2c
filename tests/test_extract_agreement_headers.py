"""Agreement status and validity in the formal wording of agreements and protocols (issue #11:
"Agreement status in formal text"): header fields, a label's colon, a duration in years, a
board's decision in the present tense, a proposal in the definite form, a replacement that
did not happen, and "Det" that refers to what the sentence before said. Every text is written
for these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import agreements, statuses


def test_a_validity_period_header_gives_both_dates():
    text = (
        "Överenskommelse om samverkan kring barn och unga i Västernorrlands län\n"
        "Giltighetstid: 2021-01-01 – 2024-12-31\n"
    )
    assert agreements(text) == {("ROK", "in_force", "2021-01-01", "2024-12-31")}


def test_a_label_with_a_colon_before_the_last_day():
    text = (
        "Riktlinje för samordnad individuell plan\nFastställd: 2019-03-01\nGiltig till: 2022-03-01"
    )
    assert agreements(text) == {("other", "in_force", "2019-03-01", "2022-03-01")}


def test_an_agreement_lasting_some_years_ends_the_day_before_the_anniversary():
    text = "Överenskommelsen gäller i tre år och börjar gälla den 1 april 2023."
    assert agreements(text) == {("ROK", "in_force", "2023-04-01", "2026-03-31")}


def test_entering_into_force_gives_the_first_day():
    text = "Den reviderade överenskommelsen träder i kraft den 1 september 2025."
    assert agreements(text) == {("ROK", "in_force", "2025-09-01", None)}


def test_a_board_deciding_in_the_present_tense_adopts_the_agreement():
    text = (
        "Beslut\n\nBarn- och utbildningsnämnden beslutar att godkänna den lokala "
        "överenskommelsen med regionen."
    )
    assert statuses(text, "Härnösand") == {("LOK", "in_force")}


def test_backing_a_proposal_for_an_agreement_is_in_progress():
    text = "Socialnämnden ställer sig bakom förslaget till ny överenskommelse med regionen."
    assert statuses(text, "Härnösand") == {("LOK", "in_progress")}


def test_an_agreement_that_ran_out_and_was_not_replaced_is_none():
    text = "Den lokala överenskommelsen löpte ut 2020 och har inte ersatts."
    assert statuses(text, "Härnösand") == {("LOK", "none")}


def test_det_har_takes_the_subject_of_the_sentence_before():
    text = (
        "Stödet till elever med läs- och skrivsvårigheter flyttar till skolorna. Det har "
        "Kramfors kommun, de andra kommunerna i länet och regionen enats om i en "
        "överenskommelse som antogs i maj 2024."
    )
    assert statuses(text, "Kramfors") == {("other", "in_force")}


def test_a_decision_date_header_alone_names_no_agreement():
    text = "Plan för skolans arbete mot kränkande behandling\nBeslutsdatum: 2022-06-14"
    assert statuses(text, "Kramfors") == set()
