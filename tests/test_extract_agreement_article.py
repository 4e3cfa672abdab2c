"""Agreement status and a sentence that opens with "Den"/"Det" as an article (issue #11):
"Den tredje delen är planerad till …" speaks of another noun, not of the agreement named
before, so its date is no validity and it gives no status. "Den gäller till …" still refers
back. Every text is written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text


def agreements(text: str) -> set[tuple[str | None, str | None]]:
    facts = extract_text(text, source="test", kommun=None)
    return {(f.status, f.valid_to) for f in facts if f.kind == "agreement_status"}


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
