"""A group named by the role of its people names its members (loaders/extract/role_groups.py):
"socialchefsnätverket", "rektorsgruppen" are groups of one service's chiefs, so the service is a
member at the group's level; a team named after a service ("BUP-teamet") is no group of its
people, and a group that something goes or belongs to ("hör till …") is a receiver. Texts
written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str) -> set[tuple[str | None, str | None, str | None]]:
    found = extract_text(text, source="test")
    return {(f.party, f.group_type, f.level) for f in found if f.kind == "member"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Frågan togs upp i länets socialchefsnätverk i maj.",
            {("SOCIALTJANST", "natverk", "strategisk")},
        ),
        (
            "Skolchefsgruppen träffas fyra gånger per termin.",
            {("SKOLA", "chefsgrupp", "strategisk")},
        ),
        # the group of the role word, not another group the sentence names first
        (
            "Arbetsgruppen för tidiga insatser arbetar på uppdrag av socialchefsnätverket.",
            {("SOCIALTJANST", "natverk", "strategisk")},
        ),
    ],
)
def test_a_group_named_by_its_peoples_role_names_their_service(text, expected):
    assert expected <= members(text)


def test_a_group_that_something_belongs_to_is_a_receiver():
    text = "Utbildningsgruppen hör till ledningsgruppen och till skolchefsnätverket."
    assert not {p for p, _, _ in members(text)} & {"SKOLA"}


def test_a_team_named_after_a_service_names_no_member_by_its_word():
    assert ("BUP", "samverkansgrupp", "individ") not in members("BUP-teamet har öppet i sommar.")
