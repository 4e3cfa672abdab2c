"""The subject of an agreement decides its kind before its sides (tests/realtext/README.md,
"Agreement kind", settled in the fifth session), and a decided agreement that "börjar gälla" a
date is in force ("Agreement status"). Every text is written for these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import agreements, statuses


def test_one_kommun_and_the_region_on_a_family_centre_make_another_kind():
    text = "Samverkansavtal om familjecentral mellan Vansbro kommun och regionen tecknades 2020."
    assert statuses(text) == {("other", "in_force")}


def test_a_local_agreement_on_a_youth_clinic_is_another_kind():
    text = "Kommunen och regionen har en lokal överenskommelse om ungdomsmottagningen sedan 2016."
    assert statuses(text, "Gagnef") == {("other", "in_force")}


def test_a_heading_with_a_subject_gives_its_kind_to_the_agreements_under_it_only():
    text = (
        "Våra överenskommelser\n\n"
        "Barnahus\n\n"
        "Kommunen och regionen skrev under ett samverkansavtal i mars 2022.\n\n"
        "Skolhälsa\n\n"
        "Kommunen och regionen har en gemensam överenskommelse sedan 2018."
    )
    assert statuses(text, "Ludvika") == {("other", "in_force"), ("LOK", "in_force")}


def test_a_lead_line_with_a_subject_carries_it_to_its_items():
    text = (
        "Nämnden föreslås godkänna samverkan kring ungdomsmottagningarna:\n"
        "1. Mottagningarna har samma öppettider.\n"
        "2. Lokala överenskommelser ska tecknas i varje kommun."
    )
    assert statuses(text) == {("other", "in_progress")}


def test_health_checks_before_placement_are_another_kind_even_county_wide():
    text = (
        "Länets kommuner och regionen har antagit en överenskommelse om hälsoundersökningar "
        "av barn som placeras utanför hemmet."
    )
    assert statuses(text) == {("other", "in_force")}


def test_agreements_named_in_general_are_not_what_a_later_sentence_refers_to():
    text = (
        "Ny länsgemensam överenskommelse om barns hälsa\n\n"
        "Regiondirektören får i uppdrag att teckna lokala överenskommelser med kommunerna. "
        "Överenskommelsen börjar gälla den 1 mars 2025."
    )
    assert agreements(text) == {
        ("ROK", "in_force", "2025-03-01", None),
        ("LOK", "in_progress", None, None),
    }


def test_decided_and_starting_at_a_date_ahead_is_in_force():
    text = (
        "Regionstyrelsen har antagit överenskommelsen mellan regionen och kommunerna i länet. "
        "Den börjar gälla den 1 juli 2026."
    )
    assert agreements(text) == {("ROK", "in_force", "2026-07-01", None)}


def test_starting_at_a_date_under_a_proposal_is_still_in_progress():
    text = (
        "Förslag till beslut\n\n"
        "Överenskommelsen mellan regionen och kommunerna i länet börjar gälla den 1 juli 2026."
    )
    assert statuses(text) == {("ROK", "in_progress")}
