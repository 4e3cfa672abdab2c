"""A concrete collaboration without a group gives members at level null (tests/realtext/
README.md): a lead line that ends with a member word opens a list even when it names the
ones who got the support ("Skolan har fått stöd i samverkan med:" over the services), a
family centre in such a list or beside other parties is a party, not a team of its own, and
a service's section ("socialtjänstens familjesektion") is the service. Texts written for these
tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def run(text: str):
    return extract_text(text, source="test")


def members(text: str) -> set[tuple[str | None, str | None]]:
    return {(f.party, f.level) for f in run(text) if f.kind == "member"}


def test_a_lead_that_ends_with_a_member_word_opens_a_list():
    text = (
        "Förskolorna i området har fått handledning i samverkan med:\n"
        "- elevhälsan\n"
        "- familjecentralen\n"
        "- socialtjänstens familjesektion\n"
        "- polisen"
    )
    assert members(text) == {("ELEVHALSA", None), ("FAMILJECENTRAL", None), ("SOCIALTJANST", None)}
    assert not [f for f in run(text) if f.kind == "group"]


def test_a_family_centre_listed_with_other_parties_is_a_party():
    text = "I projektets första del ingår familjecentralen, två skolor och en förskola."
    assert members(text) == {("FAMILJECENTRAL", None), ("SKOLA", None), ("FORSKOLA", None)}


def test_a_family_centre_on_its_own_is_still_the_team():
    found = run("Familjecentralen i stadsdelen har öppet varje vardag.")
    assert [(f.kind, f.group_type) for f in found] == [("group", "familjecentral")]


def test_a_place_in_the_lead_does_not_stop_the_list_of_a_group():
    text = "På varje skola finns ett elevhälsoteam:\n- rektor\n- skolsköterska\n- skolkurator"
    assert members(text) == {("SKOLA", "individ"), ("ELEVHALSA", "individ")}


def test_a_group_in_one_roster_line_is_not_the_group_of_the_lines_after_it():
    text = (
        "Samordningsrådet för barn och unga\n\n"
        "Närvarande\n"
        "Anna Ek, habiliteringen, ordförande\n"
        "Per Berg, regional styrgrupp\n"
        "Lisa Holm, barnhälsovården"
    )
    found = {(f.party, f.group_type) for f in run(text) if f.kind == "member" and f.party}
    assert found == {("HAB", "samverkansgrupp"), ("BVC", "samverkansgrupp")}


def test_parties_in_a_project_are_not_members_of_the_group_named_before():
    text = (
        "Ett nytt team med flera arbetsgrupper ska stödja barnen. I den första etappen ingår "
        "familjecentralen, två skolor och en förskola."
    )
    assert members(text) == {("FAMILJECENTRAL", None), ("SKOLA", None), ("FORSKOLA", None)}
