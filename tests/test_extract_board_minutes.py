"""The roster of a board's protocol (members and officials present at a nämnd's meeting) lists
the board's people, not members of a collaboration; the attendance list of a group's meeting
still gives the group's members. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def members(text: str) -> set[tuple[str | None, str | None]]:
    facts = extract_text(text, source="test", kommun="Orsa")
    return {(f.party, f.group_type) for f in facts if f.kind == "member" and f.party}


def test_officials_present_at_a_board_meeting_are_no_members():
    text = (
        "Socialnämnden\nProtokoll 2021-03-02\n\n"
        "Närvarande tjänstepersoner\n"
        "Per Holm, enhetschef socialtjänsten\n"
        "Lina Ek, rektor skolan\n"
    )
    assert members(text) == set()


def test_those_present_at_a_group_meeting_are_its_members():
    text = (
        "Samverkansgruppen barn och unga\nMinnesanteckningar 2021-03-02\n\n"
        "Närvarande:\n"
        "Per Holm, socialtjänsten\n"
        "Lina Ek, BUP\n"
    )
    assert members(text) == {("SOCIALTJANST", "samverkansgrupp"), ("BUP", "samverkansgrupp")}
