"""Joint work with a partner that has no party code (loaders/extract/joint_work.py): "Polisen
gör insatser tillsammans med socialtjänsten", "Socialtjänsten inleder ett samarbete med BUP";
the police or the region is a partner that makes the work joint, though only the services
become members (level null: a concrete collaboration without a group). A duty, and a person
as the partner, still give none. Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def members(text: str) -> set[tuple[str | None, str | None]]:
    facts = extract_text(text, source="test", kommun="Mora")
    return {(f.party, f.level) for f in facts if f.kind == "member"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Polisen håller trygghetsvandringar tillsammans med socialtjänsten varje fredag.",
            {("SOCIALTJANST", None)},
        ),
        (
            "Elevhälsan och polisen driver ett gemensamt projekt om droger i årskurs åtta.",
            {("ELEVHALSA", None)},
        ),
        (
            "I år inleder socialtjänsten ett samarbete med BUP kring familjer med spädbarn.",
            {("SOCIALTJANST", None), ("BUP", None)},
        ),
    ],
)
def test_a_partner_without_a_code_makes_the_work_joint(text, expected):
    assert members(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Socialtjänsten ska arbeta tillsammans med polisen.",
        "Socialtjänsten bestämmer tillsammans med dig vilket stöd som behövs.",
        "Polisen ansvarar för förhören och socialtjänsten för barnets skydd.",
    ],
)
def test_a_duty_a_person_or_a_division_of_work_gives_none(text):
    assert members(text) == set()
