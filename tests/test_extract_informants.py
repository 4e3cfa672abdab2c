"""The services an audit or a study interviewed or surveyed give information; they take part in
no collaboration (tests/realtext/README.md: the scope of an audit is no membership). Where
the interviewed are the source of what the sentence says, the parties in it keep what it says
of them. Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def facts_of(text: str) -> set[tuple[str, str | None]]:
    facts = extract_text(text, source="test", kommun="Orsa")
    return {(f.kind, f.party) for f in facts if f.kind in ("member", "absent")}


@pytest.mark.parametrize(
    "text",
    [
        "Revisorerna har intervjuat företrädare för socialtjänsten, elevhälsan och BUP.",
        "Intervjuer har genomförts med representanter för skolan och habiliteringen.",
        "Granskningen bygger på gruppintervjuer med företrädare för BUP och socialtjänsten.",
        "En enkät skickades till representanter för elevhälsan och vårdcentralerna.",
    ],
)
def test_interviewed_services_are_no_members(text):
    assert {k for k, _ in facts_of(text)} <= {"absent"}
    assert not [p for k, p in facts_of(text) if k == "member"]


def test_what_the_interviewed_say_still_counts():
    assert facts_of("Enligt de intervjuade deltar BUP och skolan i samverkansgruppen.") == {
        ("member", "BUP"),
        ("member", "SKOLA"),
    }


def test_an_absence_the_interviews_found_is_still_an_absence():
    assert ("absent", "BUP") in facts_of(
        "I intervjuerna framkom att BUP sällan deltar i samverkansgruppen."
    )
