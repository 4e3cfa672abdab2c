"""Party words of the sixth session (loaders/vocabulary.yaml parties): a school's office,
management and staff ("utbildningskontoret", "skolledningen", "skolpersonal") are SKOLA; a
rural primary-care unit ("sjukstugan") is VARDCENTRAL; "socialen" in everyday speech is
SOCIALTJANST. Services that "have agreed together" are sides of an agreement, not members
(members.side_documents "kommit överens"). Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str) -> set[str | None]:
    facts = extract_text(text, source="test")
    return {f.party for f in facts if f.kind == "member" and f.party}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I gruppen ingår skolledningen och sjukstugan.", {"SKOLA", "VARDCENTRAL"}),
        (
            "Projektet ägs gemensamt av utbildningskontoret och socialkontoret.",
            {"SKOLA", "SOCIALTJANST"},
        ),
        (
            "Arbetsgruppen består av skolpersonal och personal från socialen.",
            {"SKOLA", "SOCIALTJANST"},
        ),
    ],
)
def test_new_party_words(text, expected):
    assert members(text) == expected


def test_services_that_agreed_together_are_sides_not_members():
    text = (
        "Socialkontoret har tillsammans med utbildningskontoret och polisen kommit överens om "
        "rutiner."
    )
    assert members(text) == set()
