"""A collaboration named as what a text is about ("Riktlinjen gäller samarbetet mellan …",
"Avtalet omfattar samverkan mellan …") gives no members: the parties are its topic or its
sides; a collaboration that takes place still does. Texts written for these tests in our own
words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def members(text: str) -> set[str | None]:
    return {f.party for f in extract_text(text, source="test") if f.kind == "member"}


def test_the_topic_of_a_routine_names_no_members():
    assert members("Riktlinjen rör samarbetet mellan socialtjänsten, BVC och skolan.") == set()
    assert members("Dokumentet avser samverkan mellan BUP och elevhälsan.") == set()


def test_a_collaboration_that_takes_place_still_does():
    text = "I år startade ett samarbete mellan socialtjänsten, BVC och skolan."
    assert members(text) == {"SOCIALTJANST", "BVC", "SKOLA"}
