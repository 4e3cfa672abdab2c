"""Services that take part in a trial or a pilot take part in a concrete collaboration with no
group (level null), not in the team the text named before (tests/realtext/README.md: "services
taking part in a pilot or project gives members at level null"). Texts written for these tests
in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str) -> set[tuple[str | None, str | None]]:
    facts = extract_text(text, source="test", kommun="Orsa")
    return {(f.party, f.level) for f in facts if f.kind == "member"}


@pytest.mark.parametrize(
    "second",
    [
        "I det första försöket ingår två grundskolor och en förskola.",
        "I försöket ingår två grundskolor och en förskola.",
        "I det nya pilotprojektet ingår två grundskolor och en förskola.",
    ],
)
def test_services_in_a_trial_are_members_of_no_group(second):
    text = "Ett resursteam för barn med oro i skolan startar i höst. " + second
    found = members(text)
    assert ("SKOLA", None) in found and ("FORSKOLA", None) in found
    assert ("SKOLA", "individ") not in found
