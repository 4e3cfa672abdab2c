"""Suspended compounds in a list with commas (loaders/extract/suspended.py): "skol-, social-
och omsorgschefer" names each service whose first part shares the last word's head, the
comma after a hyphen joining like "och". A hyphen that ends a word before a comma with no
shared head after it names nothing more. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def members(text: str) -> set[str | None]:
    facts = extract_text(text, source="test")
    return {f.party for f in facts if f.kind == "member" and f.party}


def test_a_comma_after_a_hyphen_joins_the_list():
    text = "Ledningsgruppen består av kommunernas skol-, social- och omsorgschefer."
    assert members(text) == {"SKOLA", "SOCIALTJANST", "VARD_OCH_OMSORG"}


def test_two_parts_with_commas_before_the_whole_word():
    text = "I styrgruppen sitter social-, vård- och omsorgschefer från länets kommuner."
    assert members(text) == {"SOCIALTJANST", "VARD_OCH_OMSORG"}


def test_no_shared_head_names_nothing_more():
    assert members("I styrgruppen sitter BUP, skolan och socialtjänsten.") == {
        "BUP",
        "SKOLA",
        "SOCIALTJANST",
    }
