"""A collaboration compound on "avtal" is an agreement word as "samarbetsavtal" is
("samverkansavtalet mellan kommunerna och regionen"), and an agreement named again by the bare
head of its name keeps the kind the document gave it (issue #11,
`loaders/extract/agreement_again.py`). Every text is written for these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import statuses


def test_a_collaboration_agreement_named_in_the_definite_form_exists():
    text = (
        "Folkhälsa i Halland\n\n"
        "Arbetet bygger på samverkansavtalet mellan kommunerna och Region Halland om "
        "barns och ungas hälsa."
    )
    assert statuses(text) == {("ROK", "in_force")}


def test_a_county_agreement_named_again_by_its_head_is_the_same_one():
    text = (
        "Länsövergripande samverkansavtal 2024–2026\n\n"
        "Avtalet är tecknat mellan regionen och länets kommuner.\n\n"
        "Samverkansavtalet ersätter de tidigare länsavtalen för barn och för vuxna."
    )
    assert statuses(text) == {("ROK", "in_force")}


def test_a_collaboration_agreement_on_a_family_centre_is_still_another_kind():
    text = (
        "Familjecentralen i Hylte\n\n"
        "Hylte kommun och Region Halland har tecknat ett samverkansavtal om familjecentralen."
    )
    assert statuses(text, kommun="Hylte") == {("other", "in_force")}
