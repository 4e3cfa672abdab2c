"""The sides of an agreement are not members (tests/realtext/README.md, "Settled
conventions"): in a document, the parties an agreement or a guideline covers, lists under
"Parter", applies to or was signed by give no member fact, nor do the scope of an audit and
the parties of a document listed under a lead that names agreements. Work on an agreement,
a group named with it, and survey answers about the LÖK still give members. Texts written
for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def facts(text: str, question: str | None = None):
    return extract_text(text, source="test", kommun="Tibro", question=question)


def members(text: str, question: str | None = None) -> set[str | None]:
    return {f.party for f in facts(text, question) if f.kind == "member"}


@pytest.mark.parametrize(
    "text",
    [
        "Avtalet mellan habiliteringen och elevhälsan började gälla i fjol.",
        "Socialförvaltningen har ett samverkansavtal med förskolan och BUP.",
        "Riktlinjerna gäller för BUP, vårdcentralerna och habiliteringen i hela länet.",
        "Överenskommelsen omfattar socialtjänsten, skolan och barnhälsovården.",
        "I den nya överenskommelsen ingår elevhälsan, IFO och BUP som parter.",
        "Parter i avtalet är utbildningsnämnden och socialnämnden.",
    ],
)
def test_the_sides_named_in_a_sentence_about_an_agreement_are_no_members(text):
    assert members(text) == set()


def test_the_items_under_a_scope_lead_are_no_members():
    text = "Parter\n- Socialförvaltningen\n- Habiliteringen\n- Elevhälsan\n\nAvtalet gäller."
    assert members(text) == set()


def test_the_items_under_a_lead_that_names_agreements_are_no_members():
    text = (
        "Dessa överenskommelser styr arbetet:\n"
        "1. Samverkan mellan BUP och socialtjänsten.\n"
        "2. Samverkan mellan skolan och habiliteringen."
    )
    assert members(text) == set()


def test_an_agreement_that_covers_some_services_carries_to_the_next_sentences():
    text = (
        "Länets riktlinjer omfattar flera verksamheter. Från regionen ingår BUP och "
        "habiliteringen. Från kommunerna ingår skolan och socialtjänsten.\n\n"
        "Mål\nAlla barn ska få stöd i tid."
    )
    assert members(text) == set()


def test_the_carry_ends_at_a_heading():
    text = (
        "Länets riktlinjer omfattar flera verksamheter.\n\nSå arbetar vi\n"
        "Skolan och BUP samverkar i ett gemensamt projekt om närvaro."
    )
    assert members(text) == {"SKOLA", "BUP"}


def test_the_scope_of_an_audit_is_no_membership():
    text = "Granskningen har avgränsats till samverkan mellan elevhälsan, IFO och BUP i kommunen."
    assert members(text) == set()


def test_an_absent_side_is_still_absent():
    found = facts("Enligt avtalet ingår BUP, men BUP är svår att få med.")
    assert [(f.kind, f.party) for f in found if f.party] == [("absent", "BUP")]


def test_work_on_the_agreement_is_membership():
    text = "I arbetet med LÖK:en har förskolan och habiliteringen involverats."
    assert members(text) == {"FORSKOLA", "HAB"}


def test_a_group_named_with_the_agreement_keeps_its_members():
    text = "Styrgruppen för överenskommelsen består av socialchefen, skolchefen och BUP."
    assert members(text) == {"SOCIALTJANST", "SKOLA", "BUP"}


def test_a_document_in_a_subordinate_clause_leaves_the_members():
    text = (
        "Varje kommun har en lokal BUS-grupp. I gruppen sitter chefer för de verksamheter som "
        "riktlinjerna omfattar. De kommer från skolan och BUP."
    )
    assert members(text) == {"SKOLA", "BUP"}


def test_a_survey_answer_about_the_lok_still_names_its_members():
    assert members("I vår LÖK ingår BUP och habiliteringen.", question="Q1") == {"BUP", "HAB"}
