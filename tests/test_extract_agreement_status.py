"""Agreement status, kind and validity as formal documents, protocols and reports write them
(issue #11). Every text is written for these tests in our own words; none is copied from a page.
"""

from __future__ import annotations

import pytest

from tests.extract_asserts import agreements, statuses


def test_an_agreement_that_ran_out_is_none_even_where_it_exists():
    text = "Det finns en länsövergripande överenskommelse om barn som har upphört att gälla."
    assert statuses(text) == {("ROK", "none")}


def test_an_extended_agreement_is_in_force_to_its_new_end():
    text = (
        "Nämnden beslutar att förlänga avtalet om samverkan kring barn och unga mellan kommunen "
        "och regionen till och med 2026-12-31.\n\n"
        "Avtalet tecknades 2020 och löpte ut 2025-12-31. Det har förlängts en gång tidigare."
    )
    assert statuses(text, "Orsa") == {("LOK", "in_force")}
    assert ("LOK", "in_force", "2020-01-01", "2026-12-31") in agreements(text, "Orsa")


def test_none_now_and_one_drafted_are_two_agreements():
    text = (
        "Det finns ingen länsgemensam överenskommelse om elevhälsans samverkan med regionen, "
        "men ett förslag tas fram under hösten."
    )
    assert statuses(text) == {("ROK", "none"), ("ROK", "in_progress")}


def test_an_agreement_that_ended_after_it_was_in_force_is_told_as_both():
    text = (
        "Överenskommelsen mellan kommunerna i länet och regionen gällde från 2019-01-01. "
        "I dag finns det ingen gällande överenskommelse."
    )
    assert statuses(text) == {("ROK", "in_force"), ("ROK", "none")}


def test_one_missing_before_it_was_signed_is_only_in_force():
    text = (
        "Länge saknades en överenskommelse mellan kommunerna i länet och regionen. "
        "Den tecknades till slut 2022."
    )
    assert statuses(text) == {("ROK", "in_force")}


def test_a_written_agreement_not_yet_signed_is_in_progress():
    assert statuses("Den lokala överenskommelsen är inte påskriven av regionen.", "Orsa") == {
        ("LOK", "in_progress")
    }
    # but no agreement at all is none
    assert statuses("Någon lokal överenskommelse är inte påskriven.", "Orsa") == {("LOK", "none")}


def test_a_proposed_decision_is_in_progress():
    text = (
        "Vi föreslår kommunfullmäktige att besluta\n"
        "1. att överenskommelsen mellan länets kommuner och regionen om barns hälsa godkänns."
    )
    assert statuses(text, "Orsa") == {("ROK", "in_progress")}


def test_a_question_tells_no_status():
    text = (
        "I diariet finns ingen överenskommelse för 2024.\n\n"
        "Finns det en gällande överenskommelse för 2024?"
    )
    assert statuses(text) == {("ROK", "none")}


def test_dates_of_validity_alone_say_the_agreement_holds():
    text = "Sedan 2010 följer regionen och kommunerna i länet gemensamma riktlinjer för samverkan."
    assert agreements(text) == {("ROK", "in_force", "2010-01-01", None)}


def test_a_county_named_without_an_agreement_gives_no_status():
    text = "Revisorerna har granskat om regionen och länets kommuner har en fungerande samverkan."
    assert statuses(text) == set()


def test_another_document_drafted_is_not_the_agreement_in_progress():
    text = (
        "Överenskommelsen mellan kommunerna i länet och regionen gäller tills vidare, "
        "och en handlingsplan tas fram varje år."
    )
    assert statuses(text) == {("ROK", "in_force")}


def test_missing_instructions_are_not_a_missing_agreement():
    text = (
        "Det finns en struktur av länsgemensamma överenskommelser, men vissa anvisningar som "
        "styrdokumentet kräver saknas."
    )
    assert statuses(text) == {("ROK", "in_force")}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # one kommun and the region: a local agreement, also when it is a BUS agreement
        ("Mellan kommunen och regionen har ett avtal om lokal BUS-samverkan träffats 2019.", "LOK"),
        # the kommuner of the county and the region: county-wide
        ("Överenskommelsen mellan Dalarnas kommuner och regionen antogs 2021.", "ROK"),
    ],
)
def test_the_parties_of_an_agreement_tell_its_kind(text, kind):
    assert {k for k, _, _, _ in agreements(text, "Orsa")} == {kind}


def test_a_date_after_fastställt_or_från_starts_the_validity():
    text = (
        "Riktlinjer för samverkan kring barn\n\n"
        "Nämnden och regionens ledning har godkänt riktlinjerna.\nFastställt: 2019-03-14"
    )
    assert agreements(text) == {("other", "in_force", "2019-03-14", None)}
    text = "BUS-överenskommelsen från 2016 beskriver hur parterna samverkar."
    assert {(k, start) for k, _, start, _ in agreements(text)} == {("other", "2016-01-01")}


def test_a_county_bus_agreement_under_its_brand_name_is_another_kind():
    text = "Sedan 2011 har länets kommuner och regionen en gemensam överenskommelse, JämtBus."
    assert agreements(text) == {("other", "in_force", "2011-01-01", None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the "inte" belongs to the follow-up, not to the signing
        (
            "Revisionen visar att den lokala överenskommelsen inte har följts upp sedan den "
            "tecknades 2017.",
            {("LOK", "in_force")},
        ),
        ("Någon lokal överenskommelse har inte upprättats.", {("LOK", "none")}),
        ("Kommunen saknar en aktuell lokal överenskommelse med regionen.", {("LOK", "none")}),
        ("Det är oklart om den lokala överenskommelsen fortfarande gäller.", {("LOK", "unknown")}),
    ],
)
def test_report_wording_of_a_local_agreement(text, expected):
    assert statuses(text, "Orsa") == expected
