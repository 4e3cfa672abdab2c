"""Collaboration as the topic of an audit or an aim is no membership: "Granskning av samverkan
mellan skolan och BUP", "har granskat hur BUP samarbetar med skolan", "samarbetet mellan
vårdcentralen och skolan måste förbättras". Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str) -> set[str | None]:
    return {f.party for f in extract_text(text, source="test") if f.kind == "member"}


@pytest.mark.parametrize(
    "text",
    [
        "Granskning av samverkan mellan skolan och barn- och ungdomspsykiatrin",
        "Revisorerna har granskat hur BUP samarbetar med skolorna och socialtjänsten i länet.",
        "Rapporten beskriver hur elevhälsan, vårdcentralen och socialtjänsten samverkar.",
        "Revisorerna skriver att samarbetet mellan vårdcentralen och skolan måste förbättras.",
        "Utvärderingen av samverkan mellan IFO och BUP visar brister.",
        "Projektet ska hitta former för samverkan mellan skola, socialtjänst och BUP.",
        "Myndigheterna driver ett arbete för bättre samverkan mellan elevhälsan och IFO.",
    ],
)
def test_collaboration_as_a_topic_names_no_members(text):
    assert members(text) == set()


def test_samverkan_mellan_that_is_reported_is_still_membership():
    text = "Sedan 2019 finns en samverkan mellan elevhälsan, IFO och BUP i kommunen."
    assert members(text) == {"ELEVHALSA", "SOCIALTJANST", "BUP"}


def test_a_question_word_in_another_clause_does_not_hide_the_members():
    text = "Styrgruppen, som beslutar hur arbetet ska gå till, består av BUP och IFO."
    assert members(text) == {"BUP", "SOCIALTJANST"}
