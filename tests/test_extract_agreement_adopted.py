"""The day an agreement was decided or adopted is its start when the text gives no other
(issue #11; the seventh-session date convention of tests/realtext/README.md). Every text is
written for these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import agreements


def test_the_year_it_was_decided_is_its_start():
    text = "Den regionala överenskommelsen om barn i behov av stöd beslutades 2019."
    assert agreements(text) == {("ROK", "in_force", "2019-01-01", None)}


def test_the_day_a_board_adopted_it_is_its_start():
    text = "Nämnden antog den 3 mars 2021 en länsgemensam överenskommelse om barns hälsa."
    assert agreements(text) == {("ROK", "in_force", "2021-03-03", None)}


def test_a_stated_start_goes_before_the_day_it_was_adopted():
    text = "Den länsgemensamma överenskommelsen antogs i maj 2020 och gäller från 2020-09-01."
    assert agreements(text) == {("ROK", "in_force", "2020-09-01", None)}


def test_a_decision_dated_before_its_verb_about_something_else_gives_no_start():
    text = (
        "Länet har en länsgemensam överenskommelse om barns hälsa. "
        "I juni 2021 beslutades att styrgruppen ska läggas ner."
    )
    assert agreements(text) == {("ROK", "in_force", None, None)}
