"""Political bodies on real text: a generic group on the political level is a
``politisk_samverkan``, and so is a board's beredning ("Socialberedningen"). Every text is
written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text
from lokgraph.facts import Fact


def groups(text: str) -> set[tuple[str | None, str | None]]:
    facts: list[Fact] = extract_text(text, source="test")
    return {(f.group_type, f.level) for f in facts if f.kind == "group"}


def test_a_political_network_is_political_samverkan():
    text = "Länet har ett politiskt samverkansnätverk för barnfrågor, Barntinget."
    assert groups(text) == {("politisk_samverkan", "politisk")}


def test_politisk_samverkan_written_out_is_political_samverkan():
    assert groups("Frågan lyfts till politisk samverkan i december.") == {
        ("politisk_samverkan", "politisk")
    }


def test_polsam_keeps_its_own_type():
    assert groups("Frågan lyfts till Polsam i december.") == {("polsam", "politisk")}


def test_a_beredning_compound_is_a_political_body():
    text = "Utbildningsberedningen och Socialberedningen håller ett gemensamt sammanträde."
    assert groups(text) == {("politisk_samverkan", "politisk")}


def test_a_beredningsgrupp_stays_operative():
    assert groups("Beredningsgruppen förbereder frågorna.") == {("beredningsgrupp", "operativ")}


def test_a_samverkansgrupp_at_the_political_level_is_a_political_body():
    text = "I kommunen finns en samverkansgrupp på politisk nivå med nämndernas ordförande."
    assert groups(text) == {("politisk_samverkan", "politisk")}


def test_a_generic_group_with_an_operative_level_is_unchanged():
    text = "I kommunen finns en samverkansgrupp på operativ nivå."
    assert groups(text) == {("samverkansgrupp", "operativ")}
