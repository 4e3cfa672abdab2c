"""lokgraph: collaboration structures as a graph, and where the links are missing.

The public API of the model and the stores, declared here (the ways in, the questions and the
ways out are the packages `loaders`, `queries` and `visualizations`, each with its own public
names). Every name in ``__all__`` is listed in the README; anything else is private.

>>> import lokgraph
>>> fact = lokgraph.Fact(kind="member", kommun="Orsa", party="BUP", group_type="styrgrupp",
...                      quote="BUP sitter med i styrgruppen.", source="orsa.xlsx")
>>> graph = lokgraph.new_graph()
>>> structure, sources = lokgraph.structure_of_facts([fact])
>>> lokgraph.merge_into(graph, structure, replaces=sources, round="2025").changed
True
>>> lokgraph.latest_round(graph)
'2025'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import InputError, LokgraphError, ServerError, StoreError, UnknownNameError
from .facts import Fact
from .from_facts import facts_source, facts_to_structure, source_id
from .graph import MergeStats, build_graph, merge, new_graph, retract_source
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
from .rounds import at_round, latest_round, with_round
from .session import Store, merge_into, open_store, structure_of_facts
from .store import FileStore, GraphStore

if TYPE_CHECKING:
    from .neo4j_store import Neo4jStore

__all__ = [
    "Activity",
    "Agreement",
    "Area",
    "Evidence",
    "Fact",
    "FileStore",
    "GraphStore",
    "Group",
    "InputError",
    "LokgraphError",
    "MergeStats",
    "Neo4jStore",
    "Principal",
    "Relationship",
    "ServerError",
    "Source",
    "Store",
    "StoreError",
    "Structure",
    "Unit",
    "UnknownNameError",
    "at_round",
    "build_graph",
    "facts_source",
    "facts_to_structure",
    "latest_round",
    "merge",
    "merge_into",
    "new_graph",
    "open_store",
    "retract_source",
    "source_id",
    "structure_of_facts",
    "with_round",
]


def __getattr__(name: str) -> object:
    """`Neo4jStore` is imported when first used, so scripts without a server skip the driver."""
    if name == "Neo4jStore":
        from .neo4j_store import Neo4jStore

        return Neo4jStore
    raise AttributeError(f"module 'lokgraph' has no attribute {name!r}")
