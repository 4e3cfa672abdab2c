""" "Avtal" as an agreement only in the sense of a collaboration (issue #11: the sentences that
speak of an agreement without "överenskommelse"), agenda items as agreements up for decision
(tests/realtext/README.md, "Agreement status"), and a collaboration between the kommun and
the region that names no agreement. Every text is written for these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import statuses


def test_a_county_wide_avtal_is_an_agreement():
    text = "Kommunerna och regionen i länet har tecknat ett länsövergripande avtal om barn."
    assert statuses(text) == {("ROK", "in_force")}


def test_an_avtal_with_the_region_is_a_local_agreement():
    text = "Vi har sedan 2017 ett avtal med regionen om samverkan kring barn och unga."
    assert statuses(text, "Falun") == {("LOK", "in_force")}


def test_an_avtal_on_a_barnahus_is_another_kind():
    text = (
        "Polisen, åklagarna, regionen och länets kommuner har skrivit under ett avtal om hur "
        "arbetet i barnahuset ska gå till."
    )
    assert statuses(text) == {("other", "in_force")}


def test_a_collaboration_agreement_compound_is_an_agreement():
    text = "Samarbetsavtalet mellan landstinget och kommunerna i länet antogs 2016."
    assert statuses(text) == {("ROK", "in_force")}


def test_an_avtal_for_a_purchase_or_a_lease_is_no_agreement():
    text = "Kommunen har tecknat ett avtal om leasing av bilar till hemtjänsten."
    assert statuses(text, "Falun") == set()


def test_a_collaboration_of_the_kommun_and_the_region_names_no_agreement():
    text = "Sedan 2015 finns familjecentralen Solrosen, ett samarbete mellan kommunen och regionen."
    assert statuses(text, "Leksand") == set()


def test_a_proposal_to_sign_is_in_progress():
    text = (
        "Nämnden godkände ett förslag om att teckna ett samverkansavtal med regionen om "
        "familjecentralen."
    )
    assert statuses(text, "Leksand") == {("other", "in_progress")}


def test_an_agreement_on_an_agenda_is_up_for_decision():
    text = (
        "Dagordning\n"
        "Barn- och utbildningsnämnden\n\n"
        "1. Val av justerare\n"
        "2. Samverkansavtal om ungdomsmottagning mellan Gagnefs kommun och regionen\n"
        "3. Budget för 2026"
    )
    assert statuses(text) == {("other", "in_progress")}


def test_an_agenda_row_naming_an_agreement_is_up_for_decision():
    text = (
        "Kallelse\n\n"
        "Ärende | Beskrivning | Föredragande\n"
        "4 A | Överenskommelse om samverkan kring barn och unga mellan regionen och länets "
        "kommuner | Strateg"
    )
    assert statuses(text) == {("ROK", "in_progress")}


def test_a_brand_named_as_a_topic_on_an_agenda_is_no_agreement():
    text = "Dagordning\n\n1. Upprop\n2. Norrbus – en lägesrapport\n3. Övriga frågor"
    assert statuses(text) == set()


def test_a_date_phrase_after_an_age_is_no_member_word():
    text = (
        "Nämnden beslutar att förlänga avtalet om samverkan för barn 0–18 år till och med "
        "2027-12-31."
    )
    from loaders.extract import extract_text

    facts = extract_text(text, source="test", kommun="Falun")
    assert not [f for f in facts if f.kind == "member"]
