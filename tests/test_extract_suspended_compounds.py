"""Suspended compounds: a first part with a hyphen shares the head of the word after the
joiner ("skol- och socialchefer" are skolchefer and socialchefer), so each part that makes a
known party word with that head is a party. Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str) -> set[str | None]:
    return {f.party for f in extract_text(text, source="test") if f.kind == "member"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I styrgruppen sitter skol- och socialchefer.", {"SKOLA", "SOCIALTJANST"}),
        (
            "På familjecentralen arbetar mödra- och barnhälsovården och socialtjänsten.",
            {"MVC", "BVC", "SOCIALTJANST"},
        ),
        (
            "Familjecentralen där barn- och mödrahälsovård och öppen förskola finns under ett tak.",
            {"BVC", "MVC", "FORSKOLA"},
        ),
        (
            "I ledningsgruppen sitter social- och vård- och omsorgscheferna.",
            {"SOCIALTJANST", "VARD_OCH_OMSORG"},
        ),
    ],
)
def test_each_part_of_a_suspended_compound_is_a_party(text, expected):
    assert members(text) == expected


def test_a_term_that_spans_the_compound_stays_one_party():
    text = "I styrgruppen sitter barn- och ungdomspsykiatrin och skolan."
    assert members(text) == {"BUP", "SKOLA"}


def test_a_first_part_that_makes_no_party_word_adds_nothing():
    assert members("I styrgruppen sitter hälso- och sjukvården och skolan.") == {"SKOLA"}


def test_barnavard_beside_modravard_is_child_health_care():
    text = "På familjecentralen finns mödravård, barnavård och öppen förskola under samma tak."
    assert members(text) == {"MVC", "BVC", "FORSKOLA"}
