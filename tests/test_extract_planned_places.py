"""A document that speaks of its family centre (or barnahus) only as a plan (a declaration of
intent, a decision to start one, a centre "på väg") gives no group for it and no members;
a document that also says a centre exists here keeps it (tests/realtext/README.md, "Family
centres and barnahus"). Texts written for these tests in our own words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.extract import extract_text
from loaders.extract.planned_places import place_tense
from loaders.extract.vocabulary import load_vocabulary
from lokgraph.errors import InputError
from lokgraph.facts import Fact


def run(text: str) -> list[Fact]:
    return extract_text(text, source="test", kommun="Orsa")


def centre_groups(facts: list[Fact]) -> list[Fact]:
    return [f for f in facts if f.kind == "group" and f.group_type == "familjecentral"]


def members(facts: list[Fact]) -> set[tuple[str | None, str | None]]:
    return {(f.party, f.level) for f in facts if f.kind == "member"}


def test_a_declaration_of_intent_gives_no_centre():
    facts = run(
        "Orsa närmar sig en familjecentral\n\n"
        "Kommunen och regionen har skrivit under en avsiktsförklaring om att tillsammans "
        "öppna en familjecentral vid hälsocentralen. I en familjecentral finns mödrahälsovård, "
        "barnhälsovård, öppen förskola och socialtjänst under samma tak."
    )
    assert centre_groups(facts) == []
    assert members(facts) == set()


def test_a_title_alone_is_read_with_the_rest():
    facts = run(
        "Familjecentral planeras i Orsa\n\n"
        "Regionen och kommunen vill samla barnhälsovården och den öppna förskolan i nya lokaler."
    )
    assert centre_groups(facts) == []


def test_a_planned_centre_said_to_be_a_collaboration_gives_members_of_no_group():
    facts = run(
        "Vår kommande familjecentral\n\n"
        "Lokalerna blir klara i höst. Familjecentralen är ett samarbete mellan "
        "socialförvaltningen, barnavårdscentralen och mödrahälsovården."
    )
    assert centre_groups(facts) == []
    assert members(facts) == {("SOCIALTJANST", None), ("BVC", None), ("MVC", None)}


def test_a_centre_that_exists_here_is_kept_beside_a_plan_for_another():
    facts = run(
        "Kommunen vill öppna en andra familjecentral\n\n"
        "Familjecentralen i centrum invigdes för tio år sedan. Där arbetar barnavårdscentralen "
        "och den öppna förskolan under samma tak."
    )
    assert len(centre_groups(facts)) == 1
    assert ("BVC", "individ") in members(facts)


def test_centres_in_other_kommuner_do_not_make_this_one_exist():
    facts = run(
        "Familjecentral på gång i Orsa\n\n"
        "Familjecentraler finns redan i fem av länets kommuner. Nu ska kommunen och regionen "
        "starta en familjecentral även här."
    )
    assert centre_groups(facts) == []


def test_an_opening_planned_for_a_meeting_is_no_plan_for_a_centre():
    facts = run(
        "Familjecentralen Linden\n\n"
        "Familjecentralen ställer in alla planerade föräldragrupper i vår. "
        "På familjecentralen arbetar barnavårdscentralen och barnmorskemottagningen."
    )
    assert len(centre_groups(facts)) == 1


def test_a_dropped_centre_sentence_is_kept_as_unplaced():
    facts = run("Kommunen planerar en familjecentral i centrum.\n\nMer om det i höst.")
    assert centre_groups(facts) == []
    assert any(f.kind == "unplaced" and "planerar" in f.quote for f in facts)


def test_the_signs_are_words_of_a_plan_and_of_a_centre_that_exists():
    v = load_vocabulary()
    assert place_tense("Regionen investerar i en familjecentral.", v) == (True, False)
    assert place_tense("Kommunen ska i höst starta en familjecentral.", v) == (True, False)
    assert place_tense("Familjecentralen har funnits i tjugo år.", v) == (False, True)
    assert place_tense("I dag finns två familjecentraler i kommunen.", v) == (False, True)
    assert place_tense("Där ska öppna förskolan finnas.", v) == (False, False)
    assert place_tense("Kommunen planerar en ny skola.", v) == (False, False)


def test_a_sentence_planning_a_second_centre_names_no_members_of_the_first():
    facts = run(
        "Familjecentralen vid torget\n\n"
        "Familjecentralen vid torget har funnits i tio år, och där arbetar barnavårdscentralen. "
        "Nu är det dags att öppna ytterligare en familjecentral med öppen förskola i norr."
    )
    assert len(centre_groups(facts)) == 1
    assert members(facts) == {("BVC", "individ")}


def test_centres_in_general_in_a_planning_document_name_no_members():
    facts = run(
        "Familjecentral planeras i Orsa\n\n"
        "I en familjecentral finns barnmorskemottagning, barnavårdscentral och socialtjänst, "
        "så att samverkan kring familjen blir enkel."
    )
    assert members(facts) == set()


def barnahus_groups(facts: list[Fact]) -> list[Fact]:
    return [f for f in facts if f.kind == "group" and "barnahus" in f.quote.lower()]


def test_a_barnahus_only_decided_gives_no_group():
    facts = run(
        "Barnahus på väg i länet\n\n"
        "Kommunerna och regionen har beslutat att ett barnahus ska öppnas nästa år. "
        "Liknande barnahus finns redan i flera större städer."
    )
    assert barnahus_groups(facts) == []


def test_a_barnahus_that_investigates_is_one_that_exists():
    facts = run(
        "Barnahus i länet\n\n"
        "På barnahuset utreds misstanke om brott mot barn. Socialtjänsten och polisen "
        "samverkar där kring varje barn."
    )
    assert barnahus_groups(facts)


def test_an_unknown_group_type_for_a_centre_stem_is_an_error_at_load(tmp_path):
    source = Path(__file__).resolve().parents[1] / "loaders" / "vocabulary.yaml"
    text = source.read_text(encoding="utf-8").replace(
        "    barnahus: samverkansgrupp\n", "    barnahus: barnahusgrupp\n"
    )
    bad = tmp_path / "vocabulary.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="place_group_types"):
        load_vocabulary(bad)
