"""A barnahus and its samråd are groups about single children (tests/realtext/README.md:
samverkansgrupp at individ, whatever the level of a samverkansgrupp is otherwise, through
``group_levels``); services in the same rooms as a group, and services in a list with actors
that have no code (polis, åklagare, läkare), are members. "I samråd med" (in consultation
with) is no group. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def run(text: str):
    return extract_text(text, source="test")


def groups(text: str) -> list[tuple[str | None, str | None]]:
    return [(f.group_type, f.level) for f in run(text) if f.kind == "group"]


def members(text: str) -> set[tuple[str | None, str | None, bool]]:
    return {(f.party, f.level, f.partial) for f in run(text) if f.kind == "member"}


def test_a_barnahus_is_a_group_about_single_children():
    assert groups("Barnahuset i länet öppnade för tre år sedan.") == [
        ("samverkansgrupp", "individ")
    ]


def test_a_samrad_is_a_group_about_single_children():
    text = "Planeringssamrådet hålls när en förundersökning pågår."
    assert groups(text) == [("samverkansgrupp", "individ")]


def test_in_consultation_with_is_no_group():
    assert groups("Beslutet fattas i samråd med vårdnadshavarna.") == []


def test_services_in_the_same_rooms_as_the_group_are_its_members():
    text = (
        "Barnahuset är en verksamhet där socialtjänsten, polisen och barnpsykiatrin i samma "
        "lokaler möter barn som utsatts för våld."
    )
    assert members(text) == {("SOCIALTJANST", "individ", False), ("BUP", "individ", False)}


def test_actors_without_a_code_make_a_list_with_the_parties():
    text = (
        "Barnahuset invigdes i våras. Vid behov samlas polis, åklagare, socialtjänst och "
        "personal från BUP kring barnet."
    )
    # "vid behov" tells when the whole meeting is held: no one is a partial member
    assert members(text) == {("SOCIALTJANST", "individ", False), ("BUP", "individ", False)}


def test_one_party_beside_actors_without_a_code_is_no_list():
    assert members("Polisen samarbetar ofta med socialtjänsten.") == set()
