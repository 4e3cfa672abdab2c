"""The file store: byte-identical repeats, merges without duplicates, crash-safe writes."""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.curated import load_structure_file
from lokgraph.errors import StoreError
from lokgraph.graph import build_graph, merge, summary
from lokgraph.models import Evidence, Group, Principal, Relationship, Structure, Unit
from lokgraph.store import FileStore
from tests.graph_helpers import EXAMPLES


def test_importing_the_same_structure_twice_is_byte_identical(tmp_path):
    store = FileStore(tmp_path / "g.json")
    structure = load_structure_file(EXAMPLES / "dalarna.yaml")
    store.merge(structure)
    first = store.path.read_bytes()
    stats = store.merge(structure)
    assert not stats.changed
    assert store.path.read_bytes() == first


def test_new_data_merges_without_duplicates(tmp_path):
    store = FileStore(tmp_path / "g.json")
    store.merge(load_structure_file(EXAMPLES / "dalarna.yaml"))
    before = summary(store.load())
    orsa = Principal(id="kommun:orsa", name="Orsa", kind="kommun", kommunkod="2034")
    team = Group(id="group:orsa:ny", name="Ny grupp", group_type="arbetsgrupp", level="operativ")
    quote = Evidence(source="source:x", quote="Ny arbetsgrupp i Orsa.")
    new = Structure(
        nodes=(orsa, team.model_copy(update={"evidence": (quote,)})),
        relationships=(Relationship(type="SERVES", source=team.id, target=orsa.id),),
    )
    store.merge(new)
    after = summary(store.load())
    assert after["nodes"]["Group"] == before["nodes"]["Group"] + 1
    assert after["nodes"]["Principal"] == before["nodes"]["Principal"]
    assert after["edges"]["SERVES"] == before["edges"]["SERVES"] + 1


def test_evidence_from_two_sources_collects_on_one_edge():
    unit = Unit(id="unit:region-dalarna:bup", name="BUP", party="BUP")
    group = Group(id="group:orsa:kt", name="KT", group_type="konsultationsteam")
    graph = build_graph(Structure(nodes=(unit, group)))
    for source in ("source:a", "source:b"):
        ev = (Evidence(source=source, quote="BUP deltar."),)
        rel = Relationship(type="MEMBER_OF", source=unit.id, target=group.id, evidence=ev)
        merge(graph, Structure(relationships=(rel,)))
    data = graph.edges[unit.id, group.id, "MEMBER_OF"]
    assert graph.number_of_edges() == 1
    assert [e["source"] for e in data["evidence"]] == ["source:a", "source:b"]


def test_crash_mid_write_leaves_the_old_store(tmp_path, monkeypatch):
    store = FileStore(tmp_path / "g.json")
    store.merge(load_structure_file(EXAMPLES / "dalarna.yaml"))
    before = store.path.read_bytes()

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    graph = store.load()
    graph.add_node("kommun:extra", label="Principal", name="Extra", kind="kommun", evidence=[])
    with pytest.raises(OSError, match="disk full"):
        store.save(graph)
    assert store.path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]


def test_damaged_store_gives_a_clear_error(tmp_path):
    path = tmp_path / "g.json"
    path.write_text('{"format": "lokgraph-store", "nodes": [', encoding="utf-8")
    with pytest.raises(
        StoreError, match=r"g.json: filen är inget läsbart lager \(JSON-fel på rad 1"
    ):
        FileStore(path).load()
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(StoreError, match="inget lokgraph-lager"):
        FileStore(path).load()


_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(_text.filter(str.strip), min_size=1, max_size=6, unique=True),
    quotes=st.lists(_text, min_size=0, max_size=4),
    partial=st.booleans(),
)
def test_save_load_round_trip(tmp_path_factory, names, quotes, partial):
    groups = tuple(
        Group(
            id=f"group:g{i}",
            name=name,
            group_type="arbetsgrupp",
            level="operativ",
            evidence=tuple(Evidence(source="source:s", quote=q) for q in quotes),
        )
        for i, name in enumerate(names)
    )
    unit = Unit(id="unit:region-x:hab", name="HAB", party="HAB", care_level="specialist")
    rels = tuple(
        Relationship(type="MEMBER_OF", source=unit.id, target=g.id, partial=partial or None)
        for g in groups
    )
    graph = build_graph(Structure(nodes=(unit, *groups), relationships=rels))
    store = FileStore(tmp_path_factory.mktemp("rt") / "g.json")
    store.save(graph)
    loaded = store.load()
    assert dict(loaded.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(loaded.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))


def test_store_file_gets_ordinary_permissions(tmp_path):
    store = FileStore(tmp_path / "g.json")
    store.save(build_graph(load_structure_file(EXAMPLES / "dalarna.yaml")))
    umask = os.umask(0)
    os.umask(umask)
    assert store.path.stat().st_mode & 0o777 == 0o666 & ~umask
