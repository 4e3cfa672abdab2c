"""A missing agreement is no missing party, and an agreement between two services is another
kind (tests/realtext/README.md: a missing document is not an absent party; the sides of an
agreement are no members; "Agreement kind"). Every text is written for these tests in our own
words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def _facts(text: str) -> set[tuple]:
    return {
        (f.kind, f.party, f.status, f.agreement_kind)
        for f in extract_text(text, source="test", kommun="Mora")
    }


def test_the_sides_of_a_missing_agreement_are_not_absent():
    text = "Det saknas en skriftlig överenskommelse om samverkan mellan skolan och BUP."
    assert _facts(text) == {("agreement_status", None, "none", "other")}


def test_the_sides_of_a_missing_agreement_in_a_report_are_no_members_either():
    text = "Revisorerna konstaterar att det saknas en överenskommelse mellan elevhälsan och BUP."
    assert _facts(text) == {("agreement_status", None, "none", "other")}


def test_an_agreement_between_two_services_is_another_kind():
    text = "Överenskommelsen mellan barnpsykiatrin och socialtjänsten gäller sedan 2019."
    assert _facts(text) == {("agreement_status", None, "in_force", "other")}


def test_a_party_missing_beside_an_agreement_is_still_absent():
    text = "Den lokala överenskommelsen gäller, men BUP saknas i samverkansgruppen."
    facts = _facts(text)
    assert ("absent", "BUP", None, None) in facts
