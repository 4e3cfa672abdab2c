"""Agreement kind by the settled convention of tests/realtext/README.md (issue #11): the sides
an agreement names, its brand and its subject. Every text is written for these tests in our
own words.
"""

from __future__ import annotations

from tests.extract_asserts import statuses


def test_a_brand_named_county_agreement_is_another_kind():
    text = (
        "Västbus är en överenskommelse om samverkan kring barn och unga som alla kommuner i "
        "länet och regionen har antagit."
    )
    assert statuses(text) == {("other", "in_force")}


def test_one_named_kommun_and_the_region_as_sides_make_a_lok():
    text = "Regionstyrelsen godkände samverkansavtalet mellan Orsa kommun och regionen 2021."
    assert statuses(text) == {("LOK", "in_force")}


def test_the_kommun_and_the_county_council_as_sides_make_a_lok_even_when_overarching():
    text = (
        "Revisorernas iakttagelser\n\n"
        "Kommunen och landstinget har tecknat en övergripande överenskommelse om barn och unga."
    )
    assert statuses(text, "Mora") == {("LOK", "in_force")}


def test_an_agreement_between_two_kommuner_is_another_kind():
    text = (
        "Överenskommelsen mellan Leksands kommun och Rättviks kommun om en gemensam "
        "mottagning tecknades 2019."
    )
    assert statuses(text) == {("other", "in_force")}


def test_an_agreement_with_another_kommun_in_a_kommun_document_is_another_kind():
    text = (
        "Nämnden godkänner samverkansavtalet med Gagnefs kommun. "
        "Samverkansavtalet gäller från 2024-01-01."
    )
    assert statuses(text, "Leksand") == {("other", "in_force")}


def test_a_county_wide_agreement_on_one_service_is_another_kind():
    text = (
        "Länets kommuner och regionen har antagit en gemensam överenskommelse om "
        "ungdomsmottagningarna. Den gäller från den 1 april 2023."
    )
    assert statuses(text) == {("other", "in_force")}


def test_a_one_kommun_agreement_on_one_service_is_another_kind():
    # the subject decides before the sides (settled in the fifth session; it was a LÖK before)
    text = (
        "Samverkansavtal om familjecentral mellan Malung-Sälens kommun och regionen tecknades 2020."
    )
    assert statuses(text) == {("other", "in_force")}


def test_guidelines_replaced_by_a_new_agreement_take_the_new_ones_kind():
    text = (
        "Norrbus riktlinjer har ersatts\n\n"
        "De tidigare Norrbus-riktlinjerna ersätts av en ny överenskommelse för barns hälsa, som "
        "började gälla den 1 mars 2022.\n\n"
        "Riktlinjerna antogs första gången 2008 och reviderades 2015."
    )
    assert statuses(text) == {("ROK", "in_force")}


def test_this_version_replacing_the_former_is_the_one_in_force():
    text = (
        "Överenskommelse mellan regionen och kommunerna i länet om barn och unga\n\n"
        "Den här versionen reviderades i maj 2020 och ersätter den tidigare versionen."
    )
    assert statuses(text) == {("ROK", "in_force")}


def test_a_steering_group_for_the_revision_of_an_agreement_tells_it_is_under_revision():
    text = (
        "Styrgruppen för revideringen av JämtBus har ställt sig bakom arbetsgruppens "
        "tidsplan för hösten."
    )
    assert statuses(text) == {("other", "under_revision")}
