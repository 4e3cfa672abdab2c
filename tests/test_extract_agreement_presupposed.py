"""An agreement named in the definite singular exists (issue #11: "överenskommelsen by
reference"), and status told in the words of reports and news: a perfect tense with the sides
between, a commission to sign, "enligt länsavtalet". Every text is written for these tests in
our own words.
"""

from __future__ import annotations

from tests.extract_asserts import statuses


def test_an_agreement_named_in_the_definite_form_exists():
    text = (
        "Barn och ungas hälsa i Avesta\n\n"
        "Den lokala överenskommelsen beskriver hur kommunen och regionen leder samverkan."
    )
    assert statuses(text, "Avesta") == {("LOK", "in_force")}


def test_a_former_agreement_in_the_definite_form_is_not_the_one_in_force():
    text = "Handlingsplanen tar över efter den tidigare överenskommelsen om länssamverkan."
    assert statuses(text) == set()


def test_agreements_in_the_definite_plural_are_not_one_that_exists():
    text = "Revisorerna noterar att tolkningen av avtalen mellan kommunerna och regionen skiftar."
    assert statuses(text) == set()


def test_a_perfect_tense_with_the_sides_between_is_in_force():
    text = (
        "Sedan 2019 har kommunerna, Region Halland och Landstinget Halland tecknat ett "
        "länsövergripande avtal om ansvar för barn med sammansatta behov."
    )
    assert statuses(text) == {("ROK", "in_force")}


def test_a_commission_to_conclude_an_agreement_is_in_progress():
    text = (
        "En familjecentral ska öppna 2026, och socialnämnden får i uppdrag att sluta ett avtal "
        "med regionen."
    )
    assert statuses(text, "Flen") == {("other", "in_progress")}


def test_according_to_the_county_agreement_it_applies():
    text = "Enligt länsavtalet ska varje kommun ha en samordningsgrupp för barn och unga."
    assert statuses(text) == {("ROK", "in_force")}
