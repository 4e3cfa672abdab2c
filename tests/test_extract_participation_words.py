"""Participation written without the usual member words: "X arbetar ihop med Y och Z" (only
next to a list of parties), "har länge samverkat inom". ("har samverkansavtal med" names the
sides of an agreement, no members: tests/test_extract_agreement_sides.py.) Texts written for
these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str) -> set[str | None]:
    return {f.party for f in extract_text(text, source="test") if f.kind == "member"}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "I projektet arbetar regionens primärvård ihop med socialtjänsten och skolan.",
            {"VARDCENTRAL", "SOCIALTJANST", "SKOLA"},
        ),
        (
            "Skolförvaltningen och socialförvaltningen har länge samverkat inom SAMBU.",
            {"SKOLA", "SOCIALTJANST"},
        ),
    ],
)
def test_participation_words(text, expected):
    assert members(text) == expected


def test_arbetar_ihop_med_one_party_is_no_list():
    assert members("Kuratorn arbetar ofta ihop med socialtjänsten.") == set()


def test_actors_named_in_one_sentence_and_listed_in_the_next():
    text = (
        "Flera aktörer deltar i arbetet. I kommunen finns förskola, skola och socialtjänst, "
        "i regionen primärvård och BUP."
    )
    assert members(text) == {"FORSKOLA", "SKOLA", "SOCIALTJANST", "VARDCENTRAL", "BUP"}


def test_actors_then_one_party_is_no_list():
    assert members("Flera verksamheter ingår. Skolan har ett ansvar för lärandet.") == set()
