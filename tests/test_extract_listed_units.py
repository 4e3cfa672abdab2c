"""A compound on a group word that is one short item of a list of parties or activities, or the
workplace of a person, names a unit of a service or an activity, not a group that exists
(`listed_units.unit_compound`, `members.unit_prepositions`). A compound that names the group a
sentence speaks of is read as before. Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text
from lokgraph.facts import Fact


def run(text: str) -> list[Fact]:
    return extract_text(text, source="test", kommun="Orsa")


def group_names(facts: list[Fact]) -> set[str | None]:
    return {f.group_name for f in facts if f.kind == "group"}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a service unit among services, in a sentence or a table cell
        ("På onsdagar kommer BVC, familjeteamet och MVC till mötesplatsen.", "familjeteam"),
        ("Ort | Tid | Besök\nVåmhus | fredag 9–11 | MVC, resursteamet, BVC", "resursteam"),
        (
            "Projektet drivs av socialtjänsten, kommunens fältteam, elevhälsan och BUP.",
            "fältteam",
        ),
        # an activity among activities
        ("Här finns babysång, lekgrupp, sagostund och utflykter för de små.", "lekgrupp"),
        ("Vi ordnar pysselkvällar, matlagning och en skogsgrupp.", "skogsgrupp"),
        # the workplace of a person
        (
            "En familjebehandlare från kommunens familjeteam berättade om sitt arbete.",
            "familjeteam",
        ),
        ("Kuratorn på resursteamet svarar på frågor om barns mående.", "resursteam"),
    ],
)
def test_a_unit_or_an_activity_is_no_group(text, word):
    assert not any(name and word in name.lower() for name in group_names(run(text)))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the group the sentence speaks of: its list is its members
        ("I kommunen finns ett resursteam med elevhälsa, socialtjänst och BUP.", "resursteam"),
        ("Familjeteamet består av socialtjänsten, BVC och förskolan.", "familjeteam"),
        # a list with another group word in it is a list of groups
        ("Kommunen har en styrgrupp, ett resursteam och ett nätverk för rektorer.", "resursteam"),
        # two items are no list
        ("Socialtjänsten och resursteamet träffas varje månad.", "resursteam"),
        # a person in the group, not from it
        ("I resursteamet arbetar en kurator från elevhälsan och en socionom.", "resursteam"),
    ],
)
def test_a_compound_that_names_the_group_stays(text, word):
    assert any(name and word in name.lower() for name in group_names(run(text)))


def test_presence_on_a_weekday_is_partial():
    facts = run("Familjecentralen\nBVC och socialtjänsten finns på familjecentralen på tisdagar.")
    members = {f.party: f.partial for f in facts if f.kind == "member" and f.party}
    assert members.get("BVC") is True and members.get("SOCIALTJANST") is True
