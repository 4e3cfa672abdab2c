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


def test_an_unnamed_team_of_professions_only_is_no_group():
    # "ett team" is a group only where a service takes part: people of a profession with no
    # party code (psychologists, counsellors) make a team inside one service (own sentences)
    facts = extract_text(
        "Nytt stöd i länet\n\nRegionen samlar kompetensen i ett team som arbetar i hela "
        "länet. Vi blir ett team som arbetar tillsammans, säger samordnaren.",
        source="test",
    )
    assert not [f for f in facts if f.kind == "group"]


def test_an_unnamed_team_with_services_stays_a_group():
    facts = extract_text(
        "Stöd kring barnet\n\nVid behov bildas ett team kring barnet där BVC, förskolan och "
        "socialtjänsten ingår.",
        source="test",
    )
    assert [f.group_type for f in facts if f.kind == "group"] == ["samverkansgrupp"]


def test_a_team_whose_only_partner_has_no_party_code_is_no_group():
    # "Vi samarbetar med regionen och blir ett team": the region (no party code) is the only
    # one who takes part, so the team of the sentence is no group of services
    from loaders.extract.context import _Context
    from loaders.extract.meetings import without_empty_meetings
    from lokgraph.facts import Fact

    ctx = _Context("test", None, None, None)
    ctx.meetings.add(("samverkansgrupp", None))
    quote = "Vi samarbetar med regionen och blir ett team som arbetar tillsammans."
    said = {"quote": quote, "source": "test", "group_type": "samverkansgrupp", "level": "individ"}
    facts = [Fact(kind="group", **said), Fact(kind="member", party=None, **said)]
    assert not [f for f in without_empty_meetings(facts, ctx) if f.kind == "group"]
    facts.append(Fact(kind="member", party="BUP", **said))
    assert [f.kind for f in without_empty_meetings(facts, ctx)].count("group") == 1
