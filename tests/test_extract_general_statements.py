"""A general statement of duty, need or wish names no members (tests/realtext/README.md,
"Settled conventions"): "samverkan mellan skola och BUP är avgörande", a wish for a closer
collaboration, the aim to make it easier. And the parties of "samverkan mellan" are the ones
after it: what is run in collaboration between two principals takes no part itself. Texts
written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str) -> set[str | None]:
    return {f.party for f in extract_text(text, source="test") if f.kind == "member"}


@pytest.mark.parametrize(
    "text",
    [
        "Samverkan mellan exempelvis förskola, socialtjänst och BVC är ofta viktig.",
        "Samarbetet mellan elevhälsan och BUP behövs för att barnen ska få stöd i tid.",
        "Föräldrarna framför önskemål om ett närmare samarbete mellan skolan och IFO.",
        "Rektorerna vill se ett tätare samarbete mellan elevhälsan och socialtjänsten.",
        "Förvaltningen ska underlätta samverkan mellan skolan, BUP och socialtjänsten.",
        "Motionen föreslår ett fördjupat samarbete mellan elevhälsan och barnpsykiatrin.",
    ],
)
def test_a_general_statement_names_no_members(text):
    assert members(text) == set()


def test_what_is_run_in_collaboration_is_not_a_party_of_it():
    text = "Ungdomsmottagningen drivs i samverkan mellan kommunen och regionen."
    assert members(text) == set()


def test_a_reported_collaboration_still_names_its_members():
    text = "Sedan i höstas finns ett samarbete mellan elevhälsan och socialtjänsten."
    assert members(text) == {"ELEVHALSA", "SOCIALTJANST"}


def test_a_title_that_names_a_collaboration_is_its_topic():
    assert members("Samverkan mellan barnpsykiatrin och socialtjänsten") == set()


def test_work_on_an_agreement_in_a_subordinate_clause_leaves_its_sides():
    text = (
        "Lokala avtal mellan BUP och socialnämnden finns, utom i en kommun där arbetet med "
        "ett sådant avtal pågår."
    )
    assert members(text) == set()
