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


# Pages about a SIP: a samordnad individuell plan is made at a meeting about one child, so a
# page that speaks of one is a casework document. The services it says work together, or gives
# as examples of who comes ("kan till exempel delta"), are members of a `sip_samverkan` at
# `individ` (tests/realtext/README.md: "Examples of who meets", "Networks, fora, SIP"); a page
# with a group on another level, or a page about no meeting, keeps its members where they are.

WHO_COMES = (
    "Vem är med på en SIP?\n\n"
    "Du som förälder bestämmer tillsammans med oss vilka som bjuds in.\n\n"
    "Andra verksamheter\n"
    "Även personal från till exempel förskolan, skolan och habiliteringen kan delta på mötet."
)


def test_examples_of_who_comes_to_a_sip_are_its_members():
    assert groups(WHO_COMES) == {("sip_samverkan", "individ")}
    assert members(WHO_COMES) == {
        ("FORSKOLA", "sip_samverkan", "individ"),
        ("SKOLA", "sip_samverkan", "individ"),
        ("HAB", "sip_samverkan", "individ"),
    }


IN_THE_BODY = (
    "Stöd till barn med flera kontakter\n\n"
    "Ibland behöver ett barn hjälp från flera håll samtidigt.\n\n"
    "Då kan vi kalla till en SIP, en samordnad individuell plan.\n\n"
    "Skolan och socialtjänsten arbetar tillsammans med familjen utifrån planen."
)


def test_a_sip_in_the_body_makes_the_services_working_together_its_members():
    assert groups(IN_THE_BODY) == {("sip_samverkan", "individ")}
    assert members(IN_THE_BODY) == {
        ("SKOLA", "sip_samverkan", "individ"),
        ("SOCIALTJANST", "sip_samverkan", "individ"),
    }


def test_examples_of_who_may_come_need_a_meeting_about_one_child():
    text = (
        "Temadag om psykisk hälsa\n\n"
        "Till temadagen kan till exempel förskolan, skolan och habiliteringen delta."
    )
    assert not {m for m in members(text) if m[2] == "individ"}
    assert not groups(text)


def test_a_sip_page_with_a_steering_group_keeps_its_members_there():
    text = (
        "Arbetet med SIP i kommunen\n\n"
        "En styrgrupp med BUP och socialtjänsten följer hur planerna används.\n\n"
        "Skolan och socialtjänsten arbetar tillsammans med familjen."
    )
    assert ("styrgrupp", "strategisk") in groups(text)
    assert ("sip_samverkan", "individ") not in groups(text)
    assert ("BUP", "styrgrupp", "strategisk") in members(text)
