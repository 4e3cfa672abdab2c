"""A party after a place preposition is a place also when a quantifier of
`members.place_determiners` stands between ("ingår i elevhälsoteamen på alla grundskolor"),
as it is right after the preposition ("på skolan"). Texts written for these tests in our own
words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str) -> set[str | None]:
    facts = extract_text(text, source="test", kommun="Orsa")
    return {f.party for f in facts if f.kind == "member"}


@pytest.mark.parametrize(
    "text",
    [
        "Skolpsykologerna ingår i elevhälsoteamen på alla grundskolor.",
        "Skolpsykologen ingår i elevhälsoteamen på samtliga skolor.",
        "Skolsköterskorna ingår i elevhälsoteamen på flera skolor.",
    ],
)
def test_a_place_after_a_quantifier_is_no_member(text):
    found = members(text)
    assert "SKOLA" not in found and "ELEVHALSA" in found


def test_a_party_after_a_quantifier_without_a_place_word_stays():
    assert "SKOLA" in members("I nätverket ingår alla skolor och BUP.")
