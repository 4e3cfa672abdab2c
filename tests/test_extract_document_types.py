"""Kinds of document named in general are no agreement (issue #11): "riktlinjer och rutiner"
in an audit's question, a heading over links, a board's minutes. Every text is written for
these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import statuses


def test_a_heading_over_links_to_documents_is_no_agreement():
    text = (
        "Stöd för samverkan kring unga\n\n"
        "Överenskommelser och praktiska vägledningar\n\n"
        "Här hittar du blanketter för samordnad individuell plan."
    )
    assert statuses(text) == set()


def test_an_audit_question_on_guidelines_and_routines_is_no_agreement():
    text = (
        "Revisionsrapport 2024\n\n"
        "Granskningen besvarar frågan om nämnden har fastställda riktlinjer och rutiner för "
        "elevhälsan."
    )
    assert statuses(text, "Ludvika") == set()


def test_minutes_that_revise_delegations_and_guidelines_give_no_agreement():
    text = "Vid mötet i maj reviderades delegationer och riktlinjer för nämndens arbete."
    assert statuses(text, "Falun") == set()


def test_agreements_and_routines_between_the_principals_are_an_agreement():
    text = "Det finns överenskommelser och rutiner för SIP mellan regionen och kommunerna i länet."
    assert statuses(text) == {("ROK", "in_force")}


def test_named_guidelines_and_routines_in_the_definite_form_are_kept():
    text = "Riktlinjerna och rutinerna för elevhälsan antogs av nämnden 2019."
    assert statuses(text, "Falun") != set()
