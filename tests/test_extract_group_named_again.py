"""A group named with its name and then again by its bare word in the definite form
("Länsgrupp Barnhälsa …", then "Länsgruppen består av …") is one group: its members get the
level the document gives that group. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text
from lokgraph.facts import Fact


def run(text: str) -> list[Fact]:
    return extract_text(text, source="test")


def test_the_definite_form_is_the_named_group_before():
    text = (
        "Länsgrupp Barnhälsa bildades för att hålla ihop de strategiska frågorna i länet, "
        "och den har vuxit ur Tidigt-gruppen.\n\n"
        "Organisation\n"
        "Länsgruppen består av chefer från elevhälsan och socialtjänsten. Länsgruppen "
        "bereder ärenden till länets politiska ledning."
    )
    facts = run(text)
    got = {(f.party, f.group_type, f.group_name, f.level) for f in facts if f.kind == "member"}
    assert got == {
        ("ELEVHALSA", "samverkansgrupp", "Barnhälsa", "strategisk"),
        ("SOCIALTJANST", "samverkansgrupp", "Barnhälsa", "strategisk"),
    }


def test_an_indefinite_group_word_is_a_new_group():
    text = (
        "Nätverk Norrbarn samlar kommunerna i länet.\n\n"
        "Under nätverket finns ett samverkansnätverk på operativ nivå med skolan och BUP."
    )
    facts = run(text)
    named = {(f.group_name, f.level) for f in facts if f.kind == "member"}
    assert named == {(None, "operativ")}


def test_ledamoter_fran_lists_members_of_the_group_before():
    text = (
        "Styrgruppen för barns hälsa leder arbetet i länet. "
        "Regionen har utsett fyra ledamöter från primärvården och habiliteringen."
    )
    got = {(f.party, f.level) for f in run(text) if f.kind == "member"}
    assert got == {("VARDCENTRAL", "strategisk"), ("HAB", "strategisk")}


def test_a_surname_in_a_roster_is_no_kommun():
    text = (
        "Arbetsgrupp barn och unga\n\n"
        "Ledamöter\n"
        "Karin Lund, enhetschef, socialtjänsten\n"
        "Per Berg, Orsa kommun, rektor\n"
    )
    facts = run(text)
    assert {f.member_kommun for f in facts if f.kind == "member" and f.member_kommun} == {"Orsa"}
    assert {f.party for f in facts if f.kind == "member" and f.party} == {"SOCIALTJANST", "SKOLA"}


def test_a_compound_group_in_the_genitive_is_the_same_group():
    # "Dalarådets arbetsordning": the genitive names the Dalaråd of the line before
    text = (
        "Samverkan i länet\n\n"
        "Dalarådet är den politiska samverkansarenan för regionen och kommunerna.\n\n"
        "Styrdokument\n- Dalarådets arbetsordning\n- Samverkansavtalet"
    )
    groups = {(f.group_type, f.group_name) for f in run(text) if f.kind == "group"}
    assert len({name for _, name in groups}) == 1
