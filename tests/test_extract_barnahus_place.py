"""Services at a barnahus (loaders/extract/colocation.py): a barnahus is a joint place like a
family centre, so "På barnahuset arbetar socialsekreterare, poliser och psykologer från BUP"
makes the services there members of the barnahus group (samverkansgrupp at individ,
tests/realtext/README.md); a sentence that puts the barnahus after the services, or a
barnahus with no word of being there, gives none. Texts written for these tests in our own
words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def members(text: str) -> set[tuple[str | None, str | None]]:
    facts = extract_text(text, source="test")
    return {(f.party, f.level) for f in facts if f.kind == "member" and f.party}


def test_services_at_the_barnahus_are_its_members():
    text = (
        "Barnahus Norr\n\nPå barnahuset arbetar socialsekreterare, poliser och en kurator från BUP."
    )
    assert members(text) == {("SOCIALTJANST", "individ"), ("BUP", "individ")}


def test_a_list_after_a_colon_at_the_barnahus():
    text = (
        "Om barnahuset\n\nI barnahuset finns flera yrken: åklagare, socialtjänsten och barnläkare."
    )
    assert members(text) == {("SOCIALTJANST", "individ")}


def test_no_word_of_being_there_gives_none():
    text = "Barnahus Norr\n\nBarnahuset får remisser från socialtjänsten och BUP."
    assert members(text) == set()
