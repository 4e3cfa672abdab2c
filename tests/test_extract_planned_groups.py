"""A group only planned is no group the text says exists, and gives no members
(`planned_groups.planned_group`): a plan word or a modal anywhere before a verb that forms a
group. A group formed around one child as a practice, one formed in the past and the
composition an agreement prescribes are read as before. Texts written for these tests in our
own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text
from lokgraph.facts import Fact


def run(text: str) -> list[Fact]:
    return extract_text(text, source="test", kommun="Orsa")


def kinds(facts: list[Fact]) -> set[str]:
    return {f.kind for f in facts if f.kind in ("group", "member")}


@pytest.mark.parametrize(
    "text",
    [
        "Under hösten ska en styrgrupp med skolchefen och socialchefen bildas.",
        "Förvaltningen planerar att starta ett nätverk där elevhälsan och BUP ingår.",
        "Planen är att tillsätta en arbetsgrupp med företrädare för skolan och socialtjänsten.",
        "Nämnden vill bygga upp ett team med personal från förskolan och BVC.",
    ],
)
def test_a_group_to_come_gives_no_group_and_no_member(text):
    assert not kinds(run(text))


def test_a_group_formed_in_the_past_stays():
    facts = run("Styrgruppen bildades 2019 och består av skolchefen och socialchefen.")
    assert kinds(facts) == {"group", "member"}


def test_a_team_around_one_child_is_a_practice_not_a_plan():
    facts = run("Vid behov ska ett team med skolan och BUP bildas kring barnet.")
    assert "group" in kinds(facts)


def test_a_prescribed_composition_stays():
    facts = run("I BUS-gruppen ska skolan, socialtjänsten och BUP ingå.")
    assert kinds(facts) == {"group", "member"}


def test_a_group_named_again_later_as_existing_is_read_there():
    facts = run(
        "Ny styrgrupp\n\nKommunen planerar att bilda en styrgrupp för elevhälsan och BUP."
        "\n\nI mars bildades styrgruppen. I styrgruppen ingår elevhälsan och BUP."
    )
    assert "group" in kinds(facts)
