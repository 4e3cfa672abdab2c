"""Examples of who meets named the sentence before the meeting forms (tests/realtext/README.md,
"Examples of who meets"): "… till exempel från BVC, elevhälsan och socialtjänsten. … så att
ett team kan bildas kring barnet" makes the three members of the new team, at individ. A
sentence that names a group without forming it takes no examples, and a longer name with no
code ("barn- och ungdomsmottagningen") is no party. Texts written for these tests in our own
words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def run(text: str):
    return extract_text(text, source="test")


def members(text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {(f.party, f.group_type, f.level) for f in run(text) if f.kind == "member"}


def test_examples_become_members_of_the_team_the_next_sentence_forms():
    text = (
        "Ibland behöver en familj hjälp från flera håll, till exempel från BVC, elevhälsan, "
        "barn- och ungdomsmottagningen och socialtjänsten. Kommunen kallar då till ett möte "
        "så att ett team kan bildas kring barnet."
    )
    team = ("samverkansgrupp", "individ")
    assert members(text) == {("BVC", *team), ("ELEVHALSA", *team), ("SOCIALTJANST", *team)}
    assert not [f for f in run(text) if f.kind == "unplaced"]


def test_a_group_named_without_being_formed_takes_no_examples():
    text = (
        "Eleverna kan få stöd från till exempel elevhälsan och BUP. Styrgruppen följer upp "
        "arbetet varje termin."
    )
    assert members(text) == set()


def test_a_new_team_is_a_group_about_single_children():
    found = run("Efter mötet bildades ett nytt team för familjen.")
    assert [(f.group_type, f.level) for f in found if f.kind == "group"] == [
        ("samverkansgrupp", "individ")
    ]
