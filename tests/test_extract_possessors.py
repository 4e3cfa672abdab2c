"""A party word in the genitive before another party word owns it: "skolans elevhälsa" is
the pupil health service alone, not the school beside it (tests/realtext/README.md, "Skolans
elevhälsa"), in a member list, a coordination of owners and an absence alike; a person or a
unit after the genitive still names the party. Texts written for these tests in our own words.
"""

from __future__ import annotations

import pytest

from loaders.extract import extract_text


def facts_of(text: str) -> set[tuple[str, str | None]]:
    facts = extract_text(text, source="test", kommun="Orsa")
    return {(f.kind, f.party) for f in facts if f.kind in ("member", "absent")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I arbetsgruppen ingår skolans elevhälsa och individ- och familjeomsorgen.",
            {("member", "ELEVHALSA"), ("member", "SOCIALTJANST")},
        ),
        ("Skolans elevhälsa är med i nätverket.", {("member", "ELEVHALSA")}),
        (
            "I teamet deltar förskolans och skolans elevhälsa.",
            {("member", "ELEVHALSA")},
        ),
        ("I teamet saknas skolans elevhälsa fortfarande.", {("absent", "ELEVHALSA")}),
    ],
)
def test_the_owner_is_no_party(text, expected):
    assert facts_of(text) == expected


def test_a_school_named_beside_its_pupil_health_is_a_party():
    assert facts_of("I arbetsgruppen sitter skolan och elevhälsan.") == {
        ("member", "SKOLA"),
        ("member", "ELEVHALSA"),
    }


def test_a_person_or_unit_after_the_genitive_keeps_the_party():
    assert facts_of("I gruppen deltar vårdcentralens chef och socialtjänstens mottagning.") == {
        ("member", "VARDCENTRAL"),
        ("member", "SOCIALTJANST"),
    }
