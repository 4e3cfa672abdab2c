"""Words that name a party only as an item of a list of parties (``listed_parties`` in the
vocabulary): "vård och omsorg" and "utbildning" in "mellan IFO, vård och omsorg och skolan"
or "(utbildning och socialtjänst)", but not in "en jämlik vård och omsorg" or "deltar i en
utbildning". Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str) -> set[str | None]:
    return {f.party for f in extract_text(text, source="test") if f.kind == "member"}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Barnrådet är ett politiskt samverkansforum med ledamöter från IFO, vård och "
            "omsorg och skolan.",
            {"SOCIALTJANST", "VARD_OCH_OMSORG", "SKOLA"},
        ),
        (
            "Styrgruppen består av chefer från kommunerna (utbildning och socialtjänst).",
            {"SKOLA", "SOCIALTJANST"},
        ),
        (
            "I styrgruppen sitter cheferna för socialkontoret och för vård- och omsorg.",
            {"SOCIALTJANST", "VARD_OCH_OMSORG"},
        ),
    ],
)
def test_a_listed_word_in_a_list_of_parties_is_a_party(text, expected):
    assert members(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Styrgruppen ska verka för en jämlik vård och omsorg i länet.",
        "Arbetsgruppen deltar i en utbildning om barnkonventionen.",
    ],
)
def test_a_listed_word_in_a_phrase_is_no_party(text):
    assert members(text) == set()
