"""Compounds on a group word (-grupp, -team, -nätverk, -forum, -råd) that a party word would
swallow ("skolchefsnätverket" is a network, not the party skolchef), the level a first part
gives ("chefs-": chiefs decide, so strategic), a network being a ``natverk`` whatever word it
ends (settled convention), whole compounds that are no group
("barngruppen" is the children of a preschool class, "barnnätverket" is a network; "området"
is no council), and a definite group word in the middle of a sentence that names the group
before ("… kom nätverket att omfatta …"). Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def run(text: str):
    return extract_text(text, source="test")


def groups(text: str) -> list[tuple[str | None, str | None]]:
    return [(f.group_type, f.level) for f in run(text) if f.kind == "group"]


def members(text: str) -> set[tuple[str | None, str | None]]:
    return {(f.party, f.level) for f in run(text) if f.kind == "member"}


def test_a_chiefs_network_is_a_strategic_group_not_a_party():
    text = "Socialchefsnätverket består av socialcheferna i länets kommuner."
    # settled convention (tests/realtext/README.md): a network is natverk
    assert groups(text) == [("natverk", "strategisk")]
    assert members(text) == {("SOCIALTJANST", "strategisk")}


def test_a_network_for_children_is_a_group_and_a_preschool_class_is_not():
    assert groups("Barnnätverket träffas varje månad.") == [("natverk", "operativ")]
    assert groups("Barngruppen på förskolan är stor.") == []


def test_a_team_of_one_service_for_children_is_no_collaboration_group():
    assert groups("Barnskyddsteamet på sjukhuset ger råd till vården.") == []


def test_the_network_named_again_in_the_middle_of_a_sentence_takes_the_members():
    text = (
        "Kommunen har ett barnnätverk för barn med särskilda behov.\n\n"
        "Med åren kom nätverket att omfatta socialtjänsten, barnhälsovården och elevhälsan."
    )
    assert members(text) == {
        ("SOCIALTJANST", "operativ"),
        ("BVC", "operativ"),
        ("ELEVHALSA", "operativ"),
    }


def test_a_council_is_a_group_and_an_area_or_a_politician_is_not():
    text = "Ett samordningsråd med verksamhetscheferna för BUP har inrättats."
    assert groups(text) == [("samverkansgrupp", "operativ")]
    assert members(text) == {("BUP", "operativ")}
    assert groups("Utvecklingsområden och ansvarsområdet beskrivs i planen.") == []
    assert groups("Kommunalrådet och borgarrådet besökte skolan.") == []


def test_a_brand_network_and_a_collaboration_network_are_networks():
    assert groups("Det regionala Norrbus-nätverket möts två gånger per termin.") == [
        ("natverk", "operativ")
    ]
    assert groups("Länet har ett samverkansnätverk för elevhälsa och socialtjänst.") == [
        ("natverk", "operativ")
    ]
    # a group word that does not end in a network word keeps its type
    assert groups("Nätverksgruppen och samverkansgruppen träffas i maj.") == [
        ("natverk", "operativ"),
        ("samverkansgrupp", "operativ"),
    ]


def test_a_brand_name_alone_as_a_title_names_no_group():
    assert groups("Norrbus\n\nSidan beskriver länets arbete för barn och unga.") == []
