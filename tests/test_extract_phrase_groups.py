"""Groups written as a phrase (loaders/extract/phrase_groups.py): a group word after an
adjective ("ett lokalt nätverk", "Operativ grupp Norr", "en samordnande grupp") or an
indefinite group word opening a line with a name after it ("Grupp Barn och unga") is a group
the way a compound on the same head is, with the type and level of that head; a bare plural
in lower case ("kriminella nätverk", "i gemensamma team"), a phrase after a copula ("är ett
fungerande team"), a word that only looks like an adjective ("olika grupper") and a
service's own team are none. Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def groups(text: str) -> set[tuple[str | None, str | None]]:
    facts = extract_text(text, source="test", kommun="Falun")
    return {(f.group_type, f.level) for f in facts if f.kind == "group"}


def members(text: str) -> set[tuple[str | None, str | None, str | None]]:
    facts = extract_text(text, source="test", kommun="Falun")
    return {(f.party, f.group_type, f.level) for f in facts if f.kind == "member"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I vintras bildades ett lokalt nätverk för skolkuratorer.", {("natverk", "operativ")}),
        ("Operativ grupp Norr träffas varannan vecka.", {("samverkansgrupp", "operativ")}),
        (
            "Kommunen har ett gemensamt team för barn med hög skolfrånvaro.",
            {("samverkansgrupp", "individ")},
        ),
        (
            "Grupp Barn och unga\n\nGruppen möts fyra gånger per år.",
            {("samverkansgrupp", "operativ")},
        ),
    ],
)
def test_a_group_word_after_an_adjective_or_opening_a_named_line_is_a_group(text, expected):
    assert groups(text) == expected


def test_members_of_a_phrase_group_get_its_level():
    text = "Inom Samordnande grupp Västra länsdelen samverkar socialtjänsten och elevhälsan."
    assert members(text) == {
        ("SOCIALTJANST", "samverkansgrupp", "operativ"),
        ("ELEVHALSA", "samverkansgrupp", "operativ"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Polisen kartlägger kriminella nätverk i stadsdelen.",
        "Personalen arbetar ibland i gemensamma team.",
        "Vi har en styrgrupp. Det är ett fungerande team sedan länge.",
        "Eleverna delas in i olika grupper efter ålder.",
        "Insatserna riktar sig till sociala grupper med låg inkomst.",
        "BUP:s neuropsykiatriska team gör utredningarna.",
    ],
)
def test_people_kinds_of_work_descriptions_and_a_services_team_are_no_phrase_group(text):
    assert {t for t, _ in groups(text)} <= {"styrgrupp"}
