"""lokgraph: collaboration structures as a graph, and where the links are missing.

The public API of the model and the stores, declared here (the ways in, the questions and the
ways out are the packages `loaders`, `queries` and `visualizations`, each with its own public
names). Every name in ``__all__`` is listed in the README; anything else is private.

Facts, as the extractor gives them and a loader script builds them, each with its quote and
source, become a structure; `merge_into` merges it into a graph as ``lokgraph import`` does:

>>> import lokgraph
>>> fact = lokgraph.Fact(kind="member", kommun="Orsa", party="BUP", group_type="styrgrupp",
...                      quote="BUP sitter med i styrgruppen.", source="orsa.xlsx")
>>> graph = lokgraph.new_graph()
>>> structure, sources = lokgraph.structure_of_facts([fact])
>>> sources == [lokgraph.source_id("orsa.xlsx")]
True
>>> stats = lokgraph.merge_into(graph, structure, replaces=sources, round="2025")
>>> isinstance(stats, lokgraph.MergeStats), stats.changed, lokgraph.latest_round(graph)
(True, True, '2025')
>>> lokgraph.at_round(graph, "2025") is graph  # one round: the view is the graph itself
True

A structure can also be built from the records of the graph schema directly:

>>> from lokgraph import (Activity, Agreement, Area, Evidence, Group, Principal, Relationship,
...                       Source, Structure, Unit, build_graph)
>>> plan = Source(id="source:plan", name="Handlingsplan 2025", kind="plan")
>>> said = (Evidence(source=plan.id, quote="BUP och elevhälsan ansvarar för utbildningen."),)
>>> structure = Structure(
...     nodes=(plan, Area(id="area:dalarna", name="Dalarnas län", kind="lan"),
...            Principal(id="kommun:orsa", name="Orsa", kind="kommun"),
...            Unit(id="unit:orsa:elevhalsa", name="Elevhälsan", party="ELEVHALSA"),
...            Group(id="group:orsa:styrgrupp", name="Styrgrupp", group_type="styrgrupp"),
...            Agreement(id="agreement:lok:orsa", name="LÖK Orsa", kind="LOK",
...                      area="barn_unga", status="in_force"),
...            Activity(id="activity:orsa:utbildning", name="Utbildning i SIP")),
...     relationships=(
...         Relationship(type="IN_AREA", source="kommun:orsa", target="area:dalarna"),
...         Relationship(type="PART_OF", source="unit:orsa:elevhalsa", target="kommun:orsa"),
...         Relationship(type="RESPONSIBLE_FOR", source="unit:orsa:elevhalsa",
...                      target="activity:orsa:utbildning", evidence=said)))
>>> sorted(build_graph(structure).nodes)[:3]
['activity:orsa:utbildning', 'agreement:lok:orsa', 'area:dalarna']

Every error a user can cause and fix is a `LokgraphError`, with where and what to do:

>>> from lokgraph import InputError, LokgraphError, ServerError, StoreError, UnknownNameError
>>> try:
...     lokgraph.structure_of_facts([lokgraph.Fact(kind="group", kommun="Osra", quote="x",
...                                                source="y")])
... except UnknownNameError as err:
...     isinstance(err, InputError) and isinstance(err, LokgraphError), err.suggestions[0]
(True, 'Orsa')
>>> issubclass(StoreError, LokgraphError) and issubclass(ServerError, LokgraphError)
True
>>> try:  # a store on a Neo4j server needs a Bolt URI
...     lokgraph.Neo4jStore("http://localhost:7474")
... except ServerError as err:
...     "'http://localhost:7474'" in str(err) and "bolt://" in str(err)
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports, public_names

if TYPE_CHECKING:
    from .errors import InputError, LokgraphError, ServerError, StoreError, UnknownNameError
    from .facts import Fact
    from .from_facts import source_id
    from .graph import MergeStats, build_graph, new_graph
    from .models import (
        Activity,
        Agreement,
        Area,
        Evidence,
        Group,
        Principal,
        Relationship,
        Source,
        Structure,
        Unit,
    )
    from .neo4j_store import Neo4jStore
    from .rounds import at_round, latest_round
    from .session import Store, merge_into, open_store, structure_of_facts
    from .store import FileStore, GraphStore

# where each public name lives: loaded on first use, so `lokgraph --help` starts without
# networkx, pydantic or the Neo4j driver
# (the one list of the public names: ``__all__`` is made from it, and
# tests/test_public_api.py checks that the TYPE_CHECKING imports above name the same)
_WHERE = {
    ".errors": ("InputError", "LokgraphError", "ServerError", "StoreError", "UnknownNameError"),
    ".facts": ("Fact",),
    ".from_facts": ("source_id",),
    ".graph": ("MergeStats", "build_graph", "new_graph"),
    ".models": (
        "Activity",
        "Agreement",
        "Area",
        "Evidence",
        "Group",
        "Principal",
        "Relationship",
        "Source",
        "Structure",
        "Unit",
    ),
    ".neo4j_store": ("Neo4jStore",),
    ".rounds": ("at_round", "latest_round"),
    ".session": ("Store", "merge_into", "open_store", "structure_of_facts"),
    ".store": ("FileStore", "GraphStore"),
}
__all__ = public_names(_WHERE)
__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
