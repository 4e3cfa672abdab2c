"""A framework agreement ("ramöverenskommelse") is the county-wide one that the local
agreements follow (issue #11): a RÖK of its own beside the local one, not a second local one,
and a national one (the state and SKR its sides) is still none of ours. Every text is written
for these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import statuses


def test_the_framework_a_local_agreement_follows_is_a_county_agreement():
    text = (
        "Lokal överenskommelse om psykisk hälsa i Hylte\n\n"
        "Den lokala överenskommelsen bygger på Ramöverenskommelsen och beskriver hur "
        "kommunen och regionen ska arbeta tillsammans."
    )
    assert statuses(text, kommun="Hylte") == {("LOK", "in_force"), ("ROK", "in_force")}


def test_a_framework_agreement_on_a_kommun_page_is_still_county_wide():
    text = "Ramöverenskommelsen om barn och ungas psykiska hälsa gäller sedan 2022."
    assert statuses(text, kommun="Hylte") == {("ROK", "in_force")}
