"""Casework documents (loaders/extract/casework.py): a page about collaboration around one
child (the guardian's consent to share information, a network meeting around the child) makes
the services it names as working together the members of a group at `individ`; a page with a
group on another level keeps its members where they are. Texts written for these tests in our
own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def run(text: str):
    return extract_text(text, source="test", kommun="Orsa")


def groups(text: str) -> set[tuple[str | None, str | None]]:
    return {(f.group_type, f.level) for f in run(text) if f.kind == "group"}


def members(text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {(f.party, f.group_type, f.level) for f in run(text) if f.kind == "member"}


CONSENT = (
    "Tidiga insatser för unga\n\n"
    "I kommunen arbetar skola och socialtjänst tillsammans kring elever som riskerar att "
    "hamna snett.\n\n"
    "Samtycke\n"
    "Föräldrarna ger först ett skriftligt samtycke innan uppgifter om eleven lämnas vidare."
)


def test_consent_makes_the_collaboration_a_group_about_one_child():
    assert groups(CONSENT) == {("samverkansgrupp", "individ")}
    assert members(CONSENT) == {
        ("SKOLA", "samverkansgrupp", "individ"),
        ("SOCIALTJANST", "samverkansgrupp", "individ"),
    }


def test_without_a_casework_word_the_collaboration_stays_without_a_group():
    text = CONSENT.split("\n\nSamtycke")[0]
    assert groups(text) == set()
    assert members(text) == {("SKOLA", None, None), ("SOCIALTJANST", None, None)}


def test_the_members_join_the_one_individ_group_the_page_names():
    text = (
        "Ett nytt arbetssätt\n\n"
        "Kommunen har startat ett gemensamt arbete där skola och socialtjänst möts oftare.\n\n"
        "En gång i månaden träffas trygghetsteamet med skolan och socialtjänsten och samtalar "
        "om elever som behöver stöd. Familjen lämnar först sitt samtycke."
    )
    found = members(text)
    assert {(p, lv) for p, _, lv in found if p} == {
        ("SKOLA", "individ"),
        ("SOCIALTJANST", "individ"),
    }
    assert groups(text) == {("samverkansgrupp", "individ")}


def test_a_page_that_speaks_of_a_sip_gives_a_sip_group():
    text = (
        "Samordnad individuell plan – SIP\n\n"
        "En SIP görs när du behöver stöd från flera håll. Förutom kommunen kan till exempel "
        "skolan vara med på mötet.\n\n"
        "Du lämnar samtycke till att de som deltar får dela information med varandra."
    )
    assert groups(text) == {("sip_samverkan", "individ")}
    assert ("SKOLA", "sip_samverkan", "individ") in members(text)


def test_a_group_on_another_level_keeps_the_members_where_they_are():
    text = (
        "Styrgruppen för barn och unga beslutar om inriktningen.\n\n"
        "Skola och socialtjänst arbetar också tillsammans kring enskilda elever. Föräldrarna "
        "ger sitt samtycke."
    )
    assert "strategisk" in {lv for _, lv in groups(text)}
    assert ("SKOLA", "samverkansgrupp", "individ") not in members(text)


def test_an_hlt_team_is_casework():
    text = (
        "Tidigt stöd i länet\n\n"
        "För elever som behöver samordnat stöd tidigt finns HLT, där skolan och socialtjänsten "
        "arbetar tillsammans."
    )
    assert groups(text) == {("samverkansgrupp", "individ")}
    assert ("SOCIALTJANST", "samverkansgrupp", "individ") in members(text)


def test_a_sip_named_in_the_body_as_a_next_step_leaves_a_samverkansgrupp():
    text = (
        "Stöd kring elever\n\n"
        "Skolan och socialtjänsten arbetar tillsammans kring eleven. Familjen ger sitt samtycke."
        "\n\nBehövs mer kan arbetet fortsätta med en SIP."
    )
    assert groups(text) == {("samverkansgrupp", "individ")}
