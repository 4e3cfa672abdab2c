"""Regional brand names (BUS, JämtBus, Samba) are groups when the text treats them as one,
not when they only shorten the words before them ("… särskilt stöd (BUS)") or name an
agreement ("JämtBus – överenskommelse om samverkan"); a compound with a group word stays a
group ("BUS-gruppen"). Audit groups are no collaboration groups; a projektgrupp is an
arbetsgrupp. Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def groups(text: str) -> set[tuple[str | None, str | None]]:
    facts = extract_text(text, source="test")
    return {(f.group_type, f.group_name) for f in facts if f.kind == "group"}


@pytest.mark.parametrize(
    "text",
    [
        "Samverkan kring barn i behov av särskilt stöd (BUS)",
        "JämtBus – överenskommelse om samverkan kring barn och unga",
        "Länet har sedan 2012 en överenskommelse om barn i behov av särskilt stöd, BUS.",
        "Revisorsgruppen behandlade rapporten i februari.",
    ],
)
def test_a_brand_or_audit_word_that_names_no_group(text):
    assert groups(text) == set()


def test_a_brand_compound_with_a_group_word_is_a_group():
    text = "Enligt BUS-överenskommelsen ska varje kommun ha en BUS-grupp."
    assert groups(text) == {("samverkansgrupp", "BUS")}


def test_a_bare_brand_where_people_sit_is_a_group():
    assert groups("I lokala BUS sitter cheferna för BUP och skolan.") == {
        ("samverkansgrupp", "BUS")
    }


def test_a_projektgrupp_is_an_arbetsgrupp():
    assert {t for t, _ in groups("Projektgruppen träffas varje vecka.")} == {"arbetsgrupp"}


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Frågan tas upp i kommunens ledningsråd för barn.", "ledningsgrupp"),
        ("Det regionala chefsforumet träffas två gånger per termin.", "chefsgrupp"),
    ],
)
def test_compound_group_words(text, kind):
    assert {t for t, _ in groups(text)} == {kind}


def test_a_samverkansforum_is_a_samverkansgrupp():
    assert groups("Kommunen har ett samverkansforum för barnfrågor.") == {("samverkansgrupp", None)}
