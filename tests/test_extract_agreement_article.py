"""Agreement status and a sentence that opens with "Den"/"Det" as an article (issue #11):
"Den tredje delen är planerad till …" speaks of another noun, not of the agreement named
before, so its date is no validity and it gives no status. "Den gäller till …" still refers
back. Every text is written for these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import agreements as agreement_facts


def agreements(text: str) -> set[tuple]:
    """(status, valid_to) of every agreement in a text."""
    return {(status, valid_to) for _, status, _, valid_to in agreement_facts(text)}


def test_den_before_an_ordinal_is_an_article_of_another_noun():
    text = (
        "I överenskommelsen ingår en utbildning i tre delar.\n\n"
        "Den andra delen är planerad till den 3 maj 2021."
    )
    assert all(valid_to != "2021-05-03" for _, valid_to in agreements(text))


def test_den_alone_still_refers_back_to_the_agreement():
    text = (
        "Regionen och kommunerna i länet har tecknat en överenskommelse.\n\n"
        "Den gäller till 2021-05-03."
    )
    assert ("in_force", "2021-05-03") in agreements(text)
