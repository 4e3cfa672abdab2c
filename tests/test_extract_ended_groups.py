"""A group the text says is dissolved or closed down gives no group and no member
(tests/realtext/README.md, "A dissolved group gives no group and no member"); a party that no
longer takes part is an absence, not the end of the group, and a group formed in place of
the old one stays. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text
from loaders.extract.ended_groups import ends_group
from loaders.extract.vocabulary import load_vocabulary
from lokgraph.facts import Fact


def run(text: str) -> list[Fact]:
    return extract_text(text, source="test", kommun="Orsa")


def groups(facts: list[Fact]) -> set[str | None]:
    return {f.group_type for f in facts if f.kind == "group"}


def test_a_title_that_says_the_group_is_dissolved():
    facts = run(
        "Styrgruppen för barn och unga upplöst\n\n"
        "Styrgruppen har i flera år samlat cheferna från skolan och socialtjänsten. Efter "
        "omorganisationen tar förvaltningarna över frågorna var för sig."
    )
    assert "styrgrupp" not in groups(facts)
    assert not [f for f in facts if f.kind == "member" and f.group_type == "styrgrupp"]


def test_a_group_that_no_longer_exists_in_the_body():
    facts = run(
        "Samverkan i länet\n\n"
        "Tidigare fanns en arbetsgrupp med BUP och elevhälsan. Arbetsgruppen lades ned 2019."
    )
    assert "arbetsgrupp" not in groups(facts)


def test_a_party_that_left_is_an_absence_and_the_group_stays():
    facts = run("I styrgruppen sitter skolan och socialtjänsten. BUP finns inte längre kvar där.")
    assert "styrgrupp" in groups(facts)


def test_a_group_formed_in_place_of_the_old_one_stays():
    facts = run(
        "Ny styrgrupp\n\nDen gamla styrgruppen upplöstes och ersattes av en ny styrgrupp med "
        "skolchefen och socialchefen."
    )
    assert "styrgrupp" in groups(facts)


def test_the_end_words_are_words_of_dissolving():
    v = load_vocabulary()
    assert ends_group("Nätverket avvecklades vid årsskiftet.", v)
    assert ends_group("Efter beslutet finns gruppen inte längre.", v)
    assert not ends_group("Gruppen träffas inte längre än en timme.", v)
    assert not ends_group("Styrgruppen träffas fyra gånger om året.", v)
