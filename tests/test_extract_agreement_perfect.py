"""Agreement status in the perfect tense with an adverb between the auxiliary and the verb
(issue #11): "har tidigare tecknat", "har nu skrivit under" tell a signed agreement. Every text
is written for these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import statuses as kinds_and_statuses


def statuses(text: str, kommun: str | None = None) -> set[str | None]:
    """The status of every agreement in a text."""
    return {status for _, status in kinds_and_statuses(text, kommun)}


def test_an_adverb_between_har_and_tecknat_still_tells_a_signed_agreement():
    text = "Kommunen och regionen har redan för flera år sedan tecknat en överenskommelse."
    assert statuses(text, "Mora") == {"in_force"}


def test_a_letter_of_intent_written_by_both_sides_is_in_force():
    text = "Regionen och kommunen har skrivit en avsiktsförklaring om samverkan kring unga."
    assert statuses(text, "Orsa") == {"in_force"}


def test_a_plan_to_sign_is_not_a_signed_agreement():
    text = "Kommunen och regionen ska under hösten teckna en ny överenskommelse."
    assert "in_force" not in statuses(text, "Mora")
