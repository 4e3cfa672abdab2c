"""The models refuse what the schema does not allow, and say which field and why."""

import pytest
from pydantic import ValidationError

from lokgraph.errors import InputError
from lokgraph.graph import build_graph
from lokgraph.models import Agreement, Area, Group, Principal, Relationship, Structure, Unit


def test_unknown_party_code_names_the_valid_codes():
    with pytest.raises(ValidationError, match="okänd partkod 'BUPP'.*BUP"):
        Unit(id="unit:x:bupp", name="x", party="BUPP")


def test_invalid_date():
    with pytest.raises(ValidationError, match="valid_to"):
        Agreement(id="a", name="a", kind="LOK", valid_to="2026-13-40")


def test_lok_ending_before_it_starts():
    with pytest.raises(ValidationError, match="valid_to 2020-01-01 är före valid_from 2021-01-01"):
        Agreement(id="a", name="a", kind="LOK", valid_from="2021-01-01", valid_to="2020-01-01")


def test_records_are_frozen_and_strict():
    area = Area(id="area:x", name="X", kind="lan")
    with pytest.raises(ValidationError):
        area.name = "Y"
    with pytest.raises(ValidationError, match="Extra inputs"):
        Area(id="area:x", name="X", kind="lan", colour="red")


def test_relationship_between_wrong_labels():
    kommun = Principal(id="kommun:orsa", name="Orsa", kind="kommun")
    area = Area(id="area:dalarna", name="Dalarnas län", kind="lan")
    wrong = Relationship(type="MEMBER_OF", source=kommun.id, target=area.id)
    with pytest.raises(InputError) as info:
        build_graph(Structure(nodes=(kommun, area), relationships=(wrong,)))
    assert "MEMBER_OF cannot go to a Area ('area:dalarna')" in str(info.value)
    assert "goes from Principal or Unit to Group" in str(info.value)


def test_relationship_to_unknown_node():
    group = Group(id="group:orsa:kt", name="KT", group_type="konsultationsteam")
    rel = Relationship(type="SERVES", source=group.id, target="kommun:nowhere")
    with pytest.raises(InputError, match="names no known node 'kommun:nowhere'"):
        build_graph(Structure(nodes=(group,), relationships=(rel,)))


def test_a_sum_of_structures_is_not_validated_again_but_its_parts_were():
    """`Structure.__add__` skips validation (its parts are valid, frozen records); what comes
    in from outside is still refused where the structure is made."""
    with pytest.raises(ValidationError, match="okänd partkod"):
        Structure(nodes=({"label": "Unit", "id": "unit:x:y", "name": "Y", "party": "NOPE"},))
    with pytest.raises(ValidationError):
        Structure(relationships=({"type": "KNOWS", "source": "a", "target": "b"},))
    kommun = Principal(id="kommun:orsa", name="Orsa", kind="kommun")
    team = Group(id="group:orsa:kt", name="KT Orsa", group_type="konsultationsteam")
    serves = Relationship(type="SERVES", source=team.id, target=kommun.id)
    total = Structure(nodes=(kommun,)) + Structure(nodes=(team,), relationships=(serves,))
    assert total == Structure(nodes=(kommun, team), relationships=(serves,))
    assert build_graph(total).number_of_edges() == 1
    with pytest.raises(TypeError):
        total + (kommun,)  # type: ignore[operator]
