"""A group word that gives its own level ("samrådet": a barnahus samråd about one child) yields
to the people the text says sit in it when they are politicians: a samråd of elected members
is a political body. Its level stays where nothing says so. Texts written for these tests in
our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def levels(text: str) -> set[tuple[str, str | None, str | None]]:
    facts = extract_text(text, source="test")
    return {(f.kind, f.group_type, f.level) for f in facts if f.kind in ("group", "member")}


def test_a_samrad_of_elected_members_is_political():
    text = (
        "Länets samråd för vård och omsorg\n\n"
        "Regionen och kommunerna har inrättat ett gemensamt samråd.\n"
        "Samrådet består av förtroendevalda från regionen och ordförandena i kommunernas "
        "socialnämnder."
    )
    assert ("member", "politisk_samverkan", "politisk") in levels(text)
    assert not {lv for _, _, lv in levels(text)} - {"politisk"}


def test_a_samrad_about_one_child_stays_at_the_individual_level():
    text = (
        "Barnahus i länet\n\n"
        "I samrådet deltar socialtjänsten och BUP när ett barn har utsatts för våld."
    )
    assert ("member", "samverkansgrupp", "individ") in levels(text)
