"""A document that makes a party a member of one of its groups and, elsewhere, says it works
with others in no group tells of one participation (`party_facts._grouped_beats_ungrouped`):
the member of no group goes; a party only in the collaboration stays, and so does a partial
one. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text
from lokgraph.facts import Fact


def run(text: str) -> list[Fact]:
    return extract_text(text, source="test", kommun="Orsa")


def members(facts: list[Fact]) -> set[tuple[str | None, str | None]]:
    return {(f.party, f.level) for f in facts if f.kind == "member"}


TEXT = (
    "Tidiga insatser\n\n"
    "Nämnden satsar på tidiga insatser i samverkan mellan skola och socialtjänst.\n\n"
    "I styrgruppen sitter skolchefen och socialchefen."
)


def test_a_party_of_a_group_is_not_again_a_member_of_no_group():
    found = members(run(TEXT))
    assert ("SKOLA", None) not in found and ("SOCIALTJANST", None) not in found
    assert {("SKOLA", "strategisk"), ("SOCIALTJANST", "strategisk")} <= found


def test_a_party_only_in_the_collaboration_stays():
    found = members(run(TEXT.replace("skola och socialtjänst", "skola, BUP och socialtjänst")))
    assert ("BUP", None) in found


def test_a_collaboration_with_no_group_in_the_document_stays():
    found = members(
        run("Nämnden satsar på tidiga insatser i samverkan mellan skola och socialtjänst.")
    )
    assert {("SKOLA", None), ("SOCIALTJANST", None)} <= found
