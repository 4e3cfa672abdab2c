"""missing_level: kommuner with no group at the strategic, the operative or the individual level.

Semantics (the Cypher twin `missing_level.cypher` gives the same rows):

- The kommuner checked are those that appear in the data: a group SERVES them, they are
  PARTY_TO a LÖK, or a survey Source lists them as surveyed (as for missing_specialist).
- For each of the levels strategisk, operativ and individ with no Group of that `level`
  SERVING the kommun: one gap, `status` the missing level, no evidence (it is an absence of
  statements). The political level is not required.
"""

from __future__ import annotations

import networkx as nx

from ._graph import graph_index
from .gap import Gap, filter_kommun, sort_gaps
from .ungoverned_group import LEVEL_WORDS

__all__ = ["LEVELS_REQUIRED", "missing_level"]

LEVELS_REQUIRED: tuple[str, ...] = ("strategisk", "operativ", "individ")


def missing_level(graph: nx.MultiDiGraph, *, kommun: str | None = None) -> list[Gap]:
    """Per kommun in the data and required level without a group: one gap.

    >>> from lokgraph.graph import build_graph
    >>> from lokgraph.models import Group, Principal, Relationship, Structure
    >>> orsa = Principal(id="kommun:orsa", name="Orsa", kind="kommun")
    >>> team = Group(id="group:orsa:kt", name="KT", group_type="konsultationsteam",
    ...              level="individ")
    >>> g = build_graph(Structure(nodes=(orsa, team), relationships=(
    ...     Relationship(type="SERVES", source=team.id, target=orsa.id),)))
    >>> [gap.detail for gap in missing_level(g)]
    ['Orsa har ingen grupp på operativ nivå', 'Orsa har ingen grupp på strategisk nivå']
    """
    index = graph_index(graph)
    nodes = graph.nodes
    gaps = []
    for k in index.data_kommuner():
        levels = {nodes[g].get("level") for g in index.groups_of.get(k, ())}
        name = index.kommuner[k]
        for level in LEVELS_REQUIRED:
            if level not in levels:
                gaps.append(
                    Gap(
                        kind="missing_level",
                        kommun=name,
                        status=level,
                        detail=f"{name} har ingen grupp på {LEVEL_WORDS[level]}",
                    )
                )
    return sort_gaps(filter_kommun(gaps, kommun))
