"""A collaboration that is only named, defined or judged is no membership: a method glossed by
its parties ("ABC – samverkan mellan skola och socialtjänst"), a definition ("Med tidiga
insatser menas samverkan mellan …"), an aim in a participle ("förbättrad samverkan mellan …")
and a judgement of weakness ("samarbetet mellan … har brister"). Texts written for these
tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str) -> set[str | None]:
    return {f.party for f in extract_text(text, source="test") if f.kind == "member"}


@pytest.mark.parametrize(
    "text",
    [
        # a method's name and the parties it stands for
        "TUFF – samverkan mellan skola, socialtjänst och BUP",
        "Modellen KLARA, samarbete mellan elevhälsan och vårdcentralen.",
        "TIDIG: samverkan mellan förskola och socialtjänst",
        # a definition
        "Med samordnat stöd menas här samverkan mellan elevhälsan, IFO och BUP.",
        "Med tidigt stöd avses samarbete mellan förskolan och barnhälsovården.",
        # an aim in a participle, as in a list of priorities
        "- förbättrad samverkan mellan skolan och socialtjänsten",
        "- utvecklad samverkan mellan BUP, elevhälsa och IFO",
        # a judgement of weakness
        "- samarbetet mellan förskolan och socialtjänsten har brister",
        "Studier visar att samarbetet mellan BUP och skolan ofta är svårt.",
    ],
)
def test_a_named_defined_or_judged_collaboration_names_no_members(text):
    assert members(text) == set()


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # a verb: the collaboration is reported, not only named
        (
            "TUFF – samverkan mellan skola och socialtjänst har funnits sedan 2018.",
            {"SKOLA", "SOCIALTJANST"},
        ),
        (
            "I kommunen finns sedan i våras en samverkan mellan elevhälsan och BUP.",
            {"ELEVHALSA", "BUP"},
        ),
        # a long lead before the member word is no name
        (
            "Under hösten startade kommunen, efter flera möten, samverkan mellan skola och IFO.",
            {"SKOLA", "SOCIALTJANST"},
        ),
    ],
)
def test_a_reported_collaboration_still_names_its_members(text, parties):
    assert members(text) == parties


def test_leisure_services_without_a_code_keep_the_list_whole():
    # "fritid" has no party code but stands in the list like "polis": the services still count
    text = "Förskola, socialtjänst, polis och fritid samarbetar med föräldrarna i området."
    assert members(text) == {"FORSKOLA", "SOCIALTJANST"}
