"""Agreements still to be made (issue #11, `loaders/extract/planned_agreements.py`): a verb of
making an agreement after a word of plan, or in the present, is an agreement in progress, not
one in force and not nothing. Every text is written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from tests.extract_asserts import statuses


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen ska teckna en lokal överenskommelse med Region Halland.",
        "En lokal överenskommelse med Region Halland kommer att tecknas under våren.",
        "Kommunen och regionen avser att teckna en lokal överenskommelse under 2027.",
        "Kommunen planerar att ta fram en lokal överenskommelse med regionen.",
        "När lokalerna är klara tecknar kommunen en lokal överenskommelse med regionen.",
    ],
)
def test_an_agreement_still_to_be_made_is_in_progress(text):
    assert statuses(text, kommun="Hylte") == {("LOK", "in_progress")}


def test_a_plan_after_an_agreement_in_force_is_a_second_agreement():
    text = (
        "Samverkan i Hylte\n\n"
        "Hylte kommun har tecknat en lokal överenskommelse med Region Halland. "
        "Kommunen ska i sin tur teckna avtal med grannkommunerna om en gemensam mottagning."
    )
    assert ("LOK", "in_force") in statuses(text, kommun="Hylte")
    assert any(s == "in_progress" for _, s in statuses(text, kommun="Hylte"))


def test_an_agreement_in_force_beside_a_plan_for_another_stays():
    text = (
        "De flesta kommuner har redan en lokal överenskommelse med regionen "
        "eller planerar att ta fram en."
    )
    assert statuses(text) >= {("LOK", "in_force"), ("LOK", "in_progress")}


@pytest.mark.parametrize(
    "text",
    [
        "Kommunen ska inte teckna någon lokal överenskommelse med regionen.",
        "Eleverna ska ta fram en plan för sitt eget arbete.",
    ],
)
def test_no_plan_to_make_an_agreement_is_none_in_progress(text):
    assert ("LOK", "in_progress") not in statuses(text, kommun="Hylte")
