"""A brand name that titles a page ("Samba i Örebro län", a heading with a place or a short
subtitle and no verb) is the page's subject, not a group; an unnamed team ("ett team") is a
group about a child only where the text says who takes part in it, not a team inside one
service ("vi satsar på ett team som gör utredningar"). Texts written for these tests in our
own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def groups(text: str) -> set[str | None]:
    return {f.group_type for f in extract_text(text, source="test") if f.kind == "group"}


@pytest.mark.parametrize(
    "text",
    [
        "Samba i Örebro län",
        "Samba – länets modell för barn",
        "BUSSAM i norra länet",
    ],
)
def test_a_brand_name_titling_a_page_is_no_group(text):
    assert groups(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Samba i Örebro län har möten varje månad.",
        "Samba i Örebro län\n\nI Samba ingår skola, socialtjänst och BUP.",
    ],
)
def test_a_brand_name_in_a_statement_is_still_a_group(text):
    assert "samverkansgrupp" in groups(text)


@pytest.mark.parametrize(
    "text",
    [
        "Regionen satsar nu på ett team som gör utredningar av barn med adhd.",
        "Förslaget är att ett team för hela länet ska följa upp arbetet.",
    ],
)
def test_an_unnamed_team_without_members_is_no_group(text):
    assert groups(text) == set()


def test_an_unnamed_team_with_its_members_is_a_group_about_the_child():
    text = (
        "Ibland behöver barnet stöd från till exempel BVC, förskolan och socialtjänsten. "
        "Då kallar samordnaren till ett möte så att ett team kan bildas runt barnet."
    )
    facts = extract_text(text, source="test")
    assert {(f.group_type, f.level) for f in facts if f.kind == "group"} == {
        ("samverkansgrupp", "individ")
    }
    assert {f.party for f in facts if f.kind == "member"} == {"BVC", "FORSKOLA", "SOCIALTJANST"}
