"""A table of agreements lists one agreement a row (issue #11: rosters and tables on kommun and
region pages), and the wording of signing and revising: a particle verb with its subject
between ("skrev kommunen och regionen under"), an old agreement that holds while a new one is
drafted, a revision done by routine. Every text is written for these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import agreements, statuses


def test_each_row_of_a_table_of_agreements_is_an_agreement():
    text = (
        "Överenskommelser för barn och unga\n\n"
        "Överenskommelse | Parter | Giltighet\n"
        "Barns och ungas hälsa | Rättviks kommun och Region Dalarna | 2021–2024\n"
        "Ungdomsmottagningen | Rättviks kommun och Region Dalarna | Tills vidare\n"
    )
    assert agreements(text, "Rättvik") == {
        ("LOK", "in_force", "2021-01-01", "2024-12-31"),
        ("other", "in_force", None, None),
    }


def test_a_table_of_something_else_lists_no_agreements():
    text = (
        "Kontakt\n\n"
        "Verksamhet | Telefon | Öppettider\n"
        "Ungdomsmottagningen | 0248-123 45 | Måndag–torsdag\n"
    )
    assert statuses(text, "Rättvik") == set()


def test_signing_with_the_subject_between_verb_and_particle():
    text = (
        "I går skrev Region Skåne och Sjöbo kommun under en avsiktsförklaring om en familjecentral."
    )
    assert statuses(text, "Sjöbo") == {("other", "in_force")}


def test_an_old_guideline_that_holds_during_its_revision_is_two_items():
    text = "Riktlinjerna är under revidering, och de gamla gäller tills nya har antagits."
    assert statuses(text) == {("other", "in_force"), ("other", "in_progress")}


def test_a_revision_done_by_routine_is_no_revision():
    text = "Överenskommelsen ska revideras vart tredje år av styrgruppen."
    assert statuses(text) == {("ROK", "in_force")}


def test_an_outdated_agreement_is_still_the_one_in_force():
    text = "Revisorerna bedömer att den lokala överenskommelsen är inaktuell."
    assert statuses(text, "Sjöbo") == {("LOK", "in_force")}
