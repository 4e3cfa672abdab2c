"""A speaker who sits in a group (loaders/extract/speakers.py): "…, säger socialchefen, som
sitter i styrgruppen" is a quote whose speaker says, in a relative clause, that they take
part, so the speaker's service is a member of that group; a speaker with no such clause is
only where the speaker works, as before. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def members(text: str) -> set[tuple[str | None, str | None]]:
    facts = extract_text(text, source="test")
    return {(f.party, f.group_type) for f in facts if f.kind == "member" and f.party}


def test_a_speaker_who_sits_in_the_group_is_a_member():
    text = (
        "Kommunen har en styrgrupp för tidiga insatser.\n\n"
        "– Vi ser redan resultat, säger skolchefen, som också sitter i styrgruppen."
    )
    assert members(text) == {("SKOLA", "styrgrupp")}


def test_a_speaker_without_such_a_clause_is_no_member():
    text = (
        "Kommunen har en styrgrupp för tidiga insatser.\n\n"
        "– Vi ser redan resultat, säger skolchefen i kommunen."
    )
    assert members(text) == set()
