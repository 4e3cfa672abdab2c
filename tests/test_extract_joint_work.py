"""Services that do something together without a member word (loaders/extract/joint_work.py;
tests/realtext/README.md, "A concrete collaboration without a group" gives members at level
null): a word of jointness ("tillsammans", "gemensamt", "gemensamma hembesök") or a verb of
collaboration with two services or more in its clause; not a duty, need, wish, task or plan,
not a topic, not a question a document describes, not a list of duties with no service doing
it. Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str) -> set[tuple[str | None, str | None]]:
    found = extract_text(text, source="test")
    return {(f.party, f.level) for f in found if f.kind == "member"}


def free(*parties: str) -> set[tuple[str, None]]:
    return {(p, None) for p in parties}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Läxhjälpen ägs gemensamt av socialförvaltningen och utbildningsförvaltningen.",
            ("SOCIALTJANST", "SKOLA"),
        ),
        (
            "Sommarskolan är en satsning som elevhälsan, grundskolan och socialtjänsten "
            "driver tillsammans.",
            ("ELEVHALSA", "SKOLA", "SOCIALTJANST"),
        ),
        (
            "Socialtjänsten har tillsammans med skolan tagit fram ett stödmaterial.",
            ("SOCIALTJANST", "SKOLA"),
        ),
        (
            "BVC och förskolan gör gemensamma hembesök hos nyblivna föräldrar.",
            ("BVC", "FORSKOLA"),
        ),
        (
            "I kommunen samarbetar socialtjänsten nära med skola och BUP.",
            ("SOCIALTJANST", "SKOLA", "BUP"),
        ),
        # a need said of someone else after the word is no duty of theirs
        (
            "BVC samarbetar med förskolan kring barn som behöver extra stöd.",
            ("BVC", "FORSKOLA"),
        ),
        # a collaboration a service has, or a compound on a head of joint work
        (
            "Elevhälsan har sedan länge ett nära samarbete med BUP och habiliteringen.",
            ("ELEVHALSA", "BUP", "HAB"),
        ),
        (
            "Socialtjänsten och BVC har regelbundna samverkansmöten om familjerna.",
            ("SOCIALTJANST", "BVC"),
        ),
        (
            "Skolan och socialtjänsten driver i år ett samarbetsprojekt om skolnärvaro.",
            ("SKOLA", "SOCIALTJANST"),
        ),
        # a list the clause splitter cuts at its first comma stays one list
        (
            "Under året började socialförvaltningen, skolförvaltningen och BVC samverka "
            "kring tidiga insatser.",
            ("SOCIALTJANST", "SKOLA", "BVC"),
        ),
    ],
)
def test_joint_work_names_members_of_no_group(text, parties):
    assert members(text) == free(*parties)


def test_joint_work_after_a_group_is_still_its_own_collaboration():
    text = (
        "Styrgruppen för barn och unga träffas fyra gånger om året.\n\n"
        "Socialtjänsten och BUP driver dessutom ett gemensamt projekt om skolfrånvaro."
    )
    found = extract_text(text, source="test")
    later = {(f.party, f.group_type) for f in found if f.kind == "member"}
    assert later == {("SOCIALTJANST", None), ("BUP", None)}


@pytest.mark.parametrize(
    "text",
    [
        # duty, need, wish, plan, task
        "Alla verksamheter ska samverka kring barnen, även skolan och BUP.",
        "Skolan och socialtjänsten behöver samarbeta mer.",
        "Socialnämnden fick i uppdrag att tillsammans med skolnämnden utreda frågan.",
        # a topic and a question a document describes or audits
        "Rapporten beskriver hur skola, socialtjänst och BUP samverkar kring placerade barn.",
        "Kursen handlar om gemensamma hembesök för BVC och förskolan.",
        # a list of duties: no service does the collaborating
        "- samverkar med socialtjänst, ungdomsmottagning och BUP",
        # persons alongside the services' people, not the services together
        "Bandet klipptes av kommunalrådet tillsammans med cheferna för skolan och socialtjänsten.",
        # the partner is a person, not a service
        "Skolan och socialtjänsten planerar tillsammans med dig vilket stöd som ges.",
        # a collaboration nobody is said to have, or one that is a duty
        "Övergången från BUP till vuxenpsykiatrin och samverkan tas upp i kapitel två.",
        "Samarbetet med elevhälsan och BUP är viktigt för mottagningen.",
        "Skolan och socialtjänsten är skyldiga att samverka kring barn som far illa.",
        # "gemensamt" after an article is an adjective: only before a noun of work
        "Skolan och socialtjänsten tog fram ett gemensamt underlag för barnen.",
    ],
)
def test_duties_topics_and_plans_name_no_joint_members(text):
    assert members(text) == set()
