"""Collaboration as a basis, a support or a need is no report of who takes part
(`basis.collaboration_basis`, ``members.basis_words``): "bygger på", "ligger i", "stöder",
"kräver" before "samverkan mellan" / "samarbete mellan" in the same clause give no member,
nor does such a sentence list a family centre's services; where the sentence names a group,
its members stay. Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text
from lokgraph.facts import Fact


def run(text: str) -> list[Fact]:
    return extract_text(text, source="test", kommun="Orsa")


def parties(facts: list[Fact]) -> set[str | None]:
    return {f.party for f in facts if f.kind == "member"}


@pytest.mark.parametrize(
    "text",
    [
        "Metoden bygger på ett nära samarbete mellan skolan och socialtjänsten.",
        "Styrkan i arbetssättet ligger i samverkan mellan BUP och elevhälsan.",
        "Flera lagar innehåller regler som stöder samverkan mellan vården och skolan.",
        "Barnens behov kräver ofta samverkan mellan socialtjänsten, skolan och BUP.",
    ],
)
def test_a_basis_or_a_need_names_no_member(text):
    assert not parties(run(text))


def test_a_family_centre_described_by_its_basis_lists_no_service():
    facts = run(
        "Familjecentralen i Orsa\n\n"
        "Familjecentralen har funnits sedan 2015. Styrkan ligger i samverkan mellan "
        "verksamheter som mödrahälsovård, barnhälsovård och öppen förskola."
    )
    assert not parties(facts)


def test_a_group_built_on_collaboration_keeps_its_members():
    facts = run("HLT-teamen bygger på ett nära samarbete mellan skolan och socialtjänsten.")
    assert {"SKOLA", "SOCIALTJANST"} <= parties(facts)


def test_a_collaboration_that_takes_place_stays():
    facts = run("Arbetet sker i nära samarbete mellan skolan och socialtjänsten.")
    assert {"SKOLA", "SOCIALTJANST"} <= parties(facts)
