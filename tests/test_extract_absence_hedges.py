"""An absence written as a guess ("där saknas kanske mödravården", "BUP saknas eventuellt") is
no reported absence; the same sentence without the hedge is one. Texts written for these tests
in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def absent(text: str) -> set[str | None]:
    facts = extract_text(text, source="test", kommun="Orsa")
    return {f.party for f in facts if f.kind == "absent"}


@pytest.mark.parametrize(
    "text",
    [
        "På en del håll finns samverkan, men där saknas kanske barnmorskemottagningen.",
        "I styrgruppen saknas eventuellt habiliteringen, det vet vi inte än.",
        "Habiliteringen deltar möjligen inte i styrgruppen längre.",
    ],
)
def test_a_guessed_absence_is_no_absence(text):
    assert absent(text) == set()


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("I styrgruppen saknas habiliteringen sedan i våras.", "HAB"),
        ("Habiliteringen deltar inte i styrgruppen längre.", "HAB"),
    ],
)
def test_the_same_absence_without_the_hedge_is_reported(text, party):
    assert absent(text) == {party}
