"""Members given as examples after a relative clause: "består av chefer för de verksamheter
som riktlinjerna gäller, till exempel skolan och BUP" names skolan and BUP as members; the
"som" clause ends at the comma. Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str) -> set[str | None]:
    return {f.party for f in extract_text(text, source="test") if f.kind == "member"}


@pytest.mark.parametrize("marker", ["till exempel", "t.ex.", "bland annat", "exempelvis"])
def test_examples_after_a_relative_clause_are_members(marker):
    text = (
        "Den lokala samverkansgruppen består av chefer för de verksamheter som avtalet "
        f"gäller, {marker} socialtjänsten, skolan eller barn- och ungdomspsykiatrin."
    )
    assert members(text) == {"SOCIALTJANST", "SKOLA", "BUP"}


def test_a_relative_clause_without_examples_still_breaks_the_list():
    text = "Styrgruppen består av chefer som ibland bjuder in BUP till sina möten om skolan."
    assert "BUP" not in members(text)


def test_a_relative_clause_closed_by_a_comma_lets_the_list_go_on():
    text = (
        "I gruppen sitter chefen för elevhälsan, den rektor som ansvarar för elevstödet, "
        "en rektor från grundskolan samt en chef från habiliteringen."
    )
    facts = extract_text("Styrgrupp barn och unga\n\n" + text, source="test")
    assert {f.party for f in facts if f.kind == "member"} == {"ELEVHALSA", "SKOLA", "HAB"}


def test_mellan_after_a_group_lists_its_members():
    text = "Länet har ett samverkansnätverk på tjänstepersonsnivå mellan IFO och skolan."
    assert members(text) == {"SOCIALTJANST", "SKOLA"}
