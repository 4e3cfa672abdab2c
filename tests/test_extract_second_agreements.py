"""A second agreement of another kind in one sentence (issue #11): a local agreement and the
county one it rests on, each named with a kind word of its own. Every text is written for
these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import statuses


def test_the_county_agreement_a_local_one_rests_on_is_in_force():
    text = (
        "Samverkan kring barnen i Gagnef\n\n"
        "Utgångspunkten för den lokala överenskommelsen är den länsövergripande "
        "överenskommelsen om barns och ungas hälsa."
    )
    assert statuses(text, "Gagnef") == {("LOK", "in_force"), ("ROK", "in_force")}


def test_a_local_agreement_signed_from_the_regional_one():
    text = (
        "Socialnämnden har tecknat en lokal överenskommelse med regionen utifrån den regionala "
        "överenskommelsen."
    )
    assert statuses(text, "Hedemora") == {("LOK", "in_force"), ("ROK", "in_force")}


def test_one_agreement_named_twice_is_one_kind():
    text = (
        "Den lokala överenskommelsen mellan kommunen och regionen gäller sedan 2021. "
        "Överenskommelsen följs upp varje år."
    )
    assert statuses(text, "Orsa") == {("LOK", "in_force")}


def test_a_former_county_agreement_beside_the_local_one_is_not_in_force():
    text = (
        "Den lokala överenskommelsen mellan kommunen och regionen ersätter inte den tidigare "
        "länsövergripande överenskommelsen."
    )
    assert ("ROK", "in_force") not in statuses(text, "Orsa")


def test_a_brand_group_beside_the_regional_agreement_names_one_agreement():
    text = "Den lokala BUS-gruppen arbetar utifrån den regionala överenskommelsen."
    assert len(statuses(text, "Solna")) == 1
