"""Routines, strategies and documents the region and the kommuner made together are agreements
in all but name (issue #11); a routine of one principal, or one only planned, is not. Every
text is written for these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import statuses


def test_a_routine_both_principals_made_is_a_county_agreement_in_force():
    text = (
        "Länets kommuner och regionen har gemensamt tagit fram en rutin för hur skola och "
        "vårdcentral ska samarbeta kring elever med oro och nedstämdhet."
    )
    assert statuses(text) == {("ROK", "in_force")}


def test_a_strategy_the_principals_stand_behind_is_an_agreement():
    text = "Regionen och kommunerna i länet står bakom en strategi för barns psykiska hälsa."
    assert statuses(text) == {("ROK", "in_force")}


def test_a_routine_adopted_by_both_on_a_single_subject_is_another_kind():
    text = (
        "Rutin vid misstanke om övergrepp mot barn\n\n"
        "Rutinen har antagits av nämnderna i kommunerna och av regionen."
    )
    assert statuses(text) == {("other", "in_force")}


def test_a_routine_of_the_region_alone_is_no_agreement():
    text = "Regionen har tagit fram en rutin för remisser till barnpsykiatrin."
    assert statuses(text) == set()


def test_a_strategy_still_to_be_written_is_no_agreement_in_force():
    text = "Kommunerna och regionen ska under året ta fram en strategi för unga vuxna."
    assert ("ROK", "in_force") not in statuses(text)
