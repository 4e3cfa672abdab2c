"""Agreement kind told by its subject (issue #11, tests/realtext/README.md "Agreement kind"):
a county-wide agreement on one kind of difficulty or one service is another kind, not a RÖK.
Every text is written for these tests in our own words.
"""

from __future__ import annotations

from tests.extract_asserts import statuses


def test_a_county_agreement_on_one_kind_of_difficulty_is_another_kind():
    text = (
        "Alla kommuner i länet och regionen har antagit en överenskommelse om stöd till "
        "elever med skrivsvårigheter."
    )
    assert statuses(text) == {("other", "in_force")}


def test_a_county_agreement_on_dental_care_is_another_kind():
    text = "Regionen och kommunerna i länet har tecknat en överenskommelse om tandvård för barn."
    assert statuses(text) == {("other", "in_force")}


def test_a_county_agreement_on_children_in_general_stays_a_rok():
    text = "Regionen och kommunerna i länet har tecknat en överenskommelse om barn och unga."
    assert statuses(text) == {("ROK", "in_force")}
