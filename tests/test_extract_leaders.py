"""Who leads or convenes is a member only of a group (`leaders.without_leaders`): "leds av"
and "sammankallande" in a sentence that names no group tell how a service is run, not who
takes part. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text
from lokgraph.facts import Fact


def run(text: str) -> list[Fact]:
    return extract_text(text, source="test", kommun="Orsa")


def members(facts: list[Fact]) -> set[tuple[str | None, str | None]]:
    return {(f.party, f.group_type) for f in facts if f.kind == "member"}


def test_a_service_led_by_its_own_chiefs_names_no_member():
    facts = run("Socialtjänsten leds av en socialchef och tre enhetschefer.")
    assert not members(facts)


def test_a_unit_led_by_the_head_of_another_service_names_no_member():
    facts = run(
        "Skolnärvaroteam\n\nUtbildningsförvaltningen är huvudman, och arbetet leds av "
        "chefen för enheten för elevhälsa."
    )
    assert not members(facts)


def test_a_convenor_with_no_group_is_no_member():
    facts = run("Sammankallande är en strateg på avdelningen för skola och socialtjänst.")
    assert not members(facts)


def test_a_group_led_by_a_chief_has_the_chief_as_member():
    facts = run("Ledningsgruppen för barn och unga leds av socialchefen.")
    assert ("SOCIALTJANST", "ledningsgrupp") in members(facts)


def test_a_group_named_before_and_referred_back_to():
    facts = run(
        "Styrgrupp\n\nI kommunen finns en styrgrupp för barn och unga. Den leds av "
        "skolchefen, och sammankallande är socialchefen."
    )
    assert {("SKOLA", "styrgrupp"), ("SOCIALTJANST", "styrgrupp")} <= members(facts)


def test_a_team_named_by_a_party_word_keeps_its_leader():
    facts = run("Elevhälsoteam\n\nElevhälsoteamet leds av rektor och träffas varje vecka.")
    assert ("SKOLA", "beh") in members(facts)
