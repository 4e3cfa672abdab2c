"""A meeting as a group (tests/realtext/README.md, "Examples of who meets"): a SIP meeting is
a group sip_samverkan at individ where the text says who takes part, the sentence before
("Skola, vården (till exempel BUP) och socialtjänst bestämmer tillsammans … Det görs vid ett
SIP-möte.") or the same one ("… ska vara en del av SIP-arbetet"); a SIP meeting named with
no one taking part is no group. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def run(text: str):
    return extract_text(text, source="test")


def groups(text: str) -> set[tuple[str | None, str | None]]:
    return {(f.group_type, f.level) for f in run(text) if f.kind == "group"}


def members(text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {(f.party, f.group_type, f.level) for f in run(text) if f.kind == "member"}


def sip(*parties: str) -> set[tuple[str, str, str]]:
    return {(p, "sip_samverkan", "individ") for p in parties}


def test_who_decides_together_before_the_meeting_is_named_takes_part_in_it():
    text = (
        "Skolan, vården (till exempel habiliteringen) och socialtjänsten planerar stödet "
        "tillsammans med familjen. Det görs vid ett SIP-möte."
    )
    assert members(text) == sip("SKOLA", "HAB", "SOCIALTJANST")
    assert groups(text) == {("sip_samverkan", "individ")}


def test_a_meeting_with_no_one_taking_part_is_no_group():
    assert groups("Teamets medarbetare kan leda SIP-möten när det behövs.") == set()


def test_a_part_of_the_meeting_work_takes_part_in_it():
    text = "Nämnden har beslutat att förskolan och elevhälsan ska vara en del av SIP-arbetet."
    assert members(text) == sip("FORSKOLA", "ELEVHALSA")


def test_a_named_forum_ending_in_samverket_is_a_group():
    text = "Barnsamverket har bestämt att arbetet ska följas upp varje år."
    assert groups(text) == {("samverkansgrupp", "strategisk")}
