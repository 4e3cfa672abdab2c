"""Which dates of a text are an agreement's validity (issue #11): a deadline for answers, a date
of another thing, the end of a year, the current version. Every text is written for these
tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import agreements


def test_the_end_of_a_year_is_its_last_day():
    text = "Den länsgemensamma överenskommelsen gäller till utgången av 2027."
    assert agreements(text) == {("ROK", "in_force", None, "2027-12-31")}


def test_a_deadline_for_comments_is_no_end_of_validity():
    text = "Förslaget till länsgemensam överenskommelse är ute på remiss till den 3 maj 2024."
    assert agreements(text) == {("ROK", "in_progress", None, None)}


def test_a_short_cue_needs_its_date_right_after_it():
    text = (
        "Den länsgemensamma överenskommelsen tecknades 2019. "
        "Den hänvisar till en handlingsplan för 2021."
    )
    assert agreements(text) == {("ROK", "in_force", "2019-01-01", None)}


def test_a_date_in_a_clause_about_another_thing_is_not_the_agreements():
    text = (
        "Den länsgemensamma överenskommelsen om barns hälsa gäller sedan 2016. "
        "Regionen och kommunerna har också ett gemensamt ledningssystem, som började gälla "
        "den 1 mars 2019."
    )
    assert agreements(text) == {("ROK", "in_force", "2016-01-01", None)}


def test_the_year_an_agreement_was_adopted_is_its_start():
    # seventh-session convention (dev rd-041): with no other start, "antogs 2011" is valid_from
    text = "Den länsgemensamma överenskommelsen om barns hälsa antogs av fullmäktige 2011."
    assert agreements(text) == {("ROK", "in_force", "2011-01-01", None)}


def test_the_current_versions_date_goes_before_an_older_one():
    text = (
        "Kommunerna och regionen har sedan 2003 en länsgemensam överenskommelse om barn i "
        "behov av särskilt stöd. Den nu gällande överenskommelsen tecknades 2020."
    )
    assert agreements(text) == {("ROK", "in_force", "2020-01-01", None)}


def test_the_end_told_beside_none_belongs_to_the_one_that_was_in_force():
    text = (
        "Den länsgemensamma överenskommelsen gäller från mars 2019.\n\n"
        "I diariet finns bara den version som gäller till och med 2021. Det finns i dag ingen "
        "gällande överenskommelse."
    )
    assert agreements(text) == {
        ("ROK", "in_force", "2019-03-01", "2021-12-31"),
        ("ROK", "none", None, None),
    }


def test_a_year_alone_ends_on_its_last_day_and_starts_on_its_first():
    # sixth-session convention: a year or month alone as an END date is its last day
    text = "Överenskommelsen mellan kommunen och regionen gäller 2022–2025."
    assert agreements(text, "Mora") == {("LOK", "in_force", "2022-01-01", "2025-12-31")}


def test_a_month_alone_ends_on_its_last_day():
    text = (
        "Den länsgemensamma överenskommelsen gäller från september 2023 till och med februari 2028."
    )
    assert agreements(text) == {("ROK", "in_force", "2023-09-01", "2028-02-29")}


def test_a_full_end_date_is_kept_as_written():
    text = "Den länsgemensamma överenskommelsen gäller från 2023-09-15 till 2026-06-15."
    assert agreements(text) == {("ROK", "in_force", "2023-09-15", "2026-06-15")}
