"""Examples of who meets in the sentence that names the meeting (loaders/extract/examples.py,
`examples_here`; tests/realtext/README.md, "Examples of who meets" are members of that
meeting's group at its level): with a group and a word of meeting, the services after an
example marker are members; without a word of meeting, or with one service, they are not.
Texts written for these tests in our own words.
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
            "Allt börjar med ett SIP-möte där familjen träffar de som ger stöd, till exempel "
            "personal från socialtjänsten, skolan eller BUP.",
            {(p, "sip_samverkan", "individ") for p in ("SOCIALTJANST", "SKOLA", "BUP")},
        ),
        (
            "Till nätverksmötet bjuds till exempel skolan, socialtjänsten och BVC in.",
            {(p, "samverkansgrupp", "individ") for p in ("SKOLA", "SOCIALTJANST", "BVC")},
        ),
    ],
)
def test_examples_of_who_meets_are_members_of_the_meeting(text, expected):
    assert members(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no word of meeting: the examples say what the group is about
        "Styrgruppen följer upp insatser från till exempel skolan, socialtjänsten och BUP.",
        # one service only
        "Vid SIP-mötet träffar ni till exempel en kurator från skolan.",
    ],
)
def test_examples_without_a_meeting_are_no_members(text):
    assert not {p for p, _, _ in members(text)} & {"SKOLA", "SOCIALTJANST", "BUP"}
