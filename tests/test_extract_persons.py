"""People from a service in a group (loaders/extract/persons.py): a sentence about a group
that names a person by role and the service they come from ("I gruppen finns en kurator från
elevhälsan") makes the service a member, whatever the verb; a person who is the subject that
acts or speaks, a sentence with no group, and a service after "för" that is a purpose give
none. Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str) -> set[tuple[str | None, str | None]]:
    facts = extract_text(text, source="test", kommun="Borlänge")
    return {(f.party, f.group_type) for f in facts if f.kind == "member" and f.party}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Arbetsgruppen\n\nI gruppen finns en specialpedagog från skolan och en "
            "familjebehandlare från socialtjänsten.",
            {("SKOLA", "arbetsgrupp"), ("SOCIALTJANST", "arbetsgrupp")},
        ),
        (
            "Det finns en styrgrupp för barn och unga. Stommen i gruppen är en person från "
            "elevhälsan och en chef inom BUP.",
            {("ELEVHALSA", "styrgrupp"), ("BUP", "styrgrupp")},
        ),
        (
            "Länsnätverket\n\nNätverkets medlemmar är enhetschefer inom barn och familj från "
            "socialtjänsten.",
            {("SOCIALTJANST", "samverkansgrupp")},
        ),
    ],
)
def test_people_from_a_service_in_a_group_make_it_a_member(text, expected):
    found = members(text)
    assert {p for p, _ in found} == {p for p, _ in expected}
    assert {t for _, t in found} <= {t for _, t in expected} | {"natverk"}


@pytest.mark.parametrize(
    "text",
    [
        "Styrgruppen\n\nVerksamhetschefen på vårdcentralen ser arbetet som viktigt.",
        "En kurator från elevhälsan kommer på besök i klassen.",
        "Styrgruppen\n\nGruppen lyder under ledningen i samverkan för socialtjänst.",
    ],
)
def test_a_subject_a_sentence_without_a_group_and_a_purpose_give_none(text):
    assert members(text) == set()
