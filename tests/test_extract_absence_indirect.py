"""Absence written indirectly in reports and news (issue #11): "aldrig med", "utan att … medverkar",
"lämnade samverkan", "i stället för", a collaboration that is hard, and what was missing only
before. Every text is written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def absent(text: str, kommun: str | None = None) -> set[str | None]:
    facts = extract_text(text, source="test", kommun=kommun)
    return {f.party for f in facts if f.kind == "absent"}


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("På samråden kring barnen är BUP aldrig med, säger samordnaren.", "BUP"),
        ("Teamet gör sina bedömningar utan att habiliteringen medverkar.", "HAB"),
        ("Socialtjänsten har inte varit delaktig i arbetet med planerna.", "SOCIALTJANST"),
        ("Elevhälsan lämnade samverkan i länsgruppen förra året.", "ELEVHALSA"),
        ("Skolsköterskan sitter i teamet i stället för BUP.", "BUP"),
        ("Kommunerna skriver att samverkan med barnpsykiatrin är svår.", "BUP"),
        ("Förseningarna förklaras med problem i samverkan med skolan.", "SKOLA"),
        ("I flera kommuner står skolan helt utanför samverkan.", "SKOLA"),
        ("Habiliteringen är sällan med när teamet träffas.", "HAB"),
        ("Sällan deltar någon från socialtjänsten i nätverket.", "SOCIALTJANST"),
        ("Elevhälsan är inte längre med i ledningsgruppen.", "ELEVHALSA"),
        ("Kontakten med barnpsykiatrin är bristfällig enligt rektorerna.", "BUP"),
        ("Någon företrädare för habiliteringen har inte funnits med.", "HAB"),
    ],
)
def test_an_indirect_absence_makes_the_party_absent(text, party):
    assert party in absent(text)


def test_what_was_missing_before_is_no_absence_now():
    text = (
        "Förut fanns ingen representant för socialtjänsten i ledningsgruppen. "
        "Nu är även socialcheferna med."
    )
    assert absent(text) == set()


def test_a_party_named_as_the_topic_of_a_missing_routine_is_not_absent():
    assert absent("Rutinen för samverkan med BUP saknas i diariet.") == set()


def test_an_agreement_with_a_party_missing_from_the_files_is_no_absence():
    assert absent("Samverkansavtalet med BUP saknas i kommunens diarium.") == set()


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Skolan riskerar att lämnas utanför det nya arbetet.", "SKOLA"),
        ("Barnpsykiatrin tenderar att utebli från mötena.", "BUP"),
    ],
)
def test_a_verb_that_lends_its_subject_keeps_the_party_absent(text, party):
    assert absent(text) == {party}


def test_a_party_in_another_clause_before_att_is_still_not_absent():
    assert absent("Skolan är frustrerad över att BUP är svår att nå.") == {"BUP"}
