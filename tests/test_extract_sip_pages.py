"""Pages about a SIP (loaders/extract/casework.py, examples.py): a samordnad individuell plan is
made at a meeting about one child, so a page that speaks of one is a casework document. The
services it says work together, or gives as examples of who comes ("kan till exempel delta"),
are members of a `sip_samverkan` at `individ` (tests/realtext/README.md: "Examples of who
meets", "Networks, fora, SIP"); a page with a group on another level, or a page about no
meeting, keeps its members where they are. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def run(text: str):
    return extract_text(text, source="test", kommun="Orsa")


def groups(text: str) -> set[tuple[str | None, str | None]]:
    return {(f.group_type, f.level) for f in run(text) if f.kind == "group"}


def members(text: str) -> set[tuple[str | None, str | None, str | None]]:
    return {(f.party, f.group_type, f.level) for f in run(text) if f.kind == "member"}


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
