"""ungoverned_group: operative and individual-level groups that answer to no strategic group.

Semantics (the Cypher twin `ungoverned_group.cypher` gives the same rows):

- Every Group with `level` operativ or individ that has no REPORTS_TO path (of any length,
  through groups of any level) to a Group with `level` strategisk is a gap. A path that only
  reaches a political group does not count: the strategic level is what gives assignments.
- Groups without a level are not judged.
- One gap per kommun the group SERVES (kommun None when it serves none); `subject` is the
  group's id, `status` its level, evidence the group's own quotes.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

from ._graph import GraphIndex, graph_index, node_evidence
from .gap import Gap, filter_kommun, sort_gaps

__all__ = ["LEVEL_WORDS", "ungoverned_group"]

LEVEL_WORDS: dict[str, str] = {
    "politisk": "politisk nivå",
    "strategisk": "strategisk nivå",
    "operativ": "operativ nivå",
    "individ": "individnivå",
}
_JUDGED = ("operativ", "individ")


def ungoverned_group(graph: nx.MultiDiGraph, *, kommun: str | None = None) -> list[Gap]:
    """Groups below the strategic level with no governance path up to it.

    >>> from lokgraph.graph import build_graph
    >>> from lokgraph.models import Group, Relationship, Structure
    >>> team = Group(id="group:x:kt", name="KT", group_type="konsultationsteam", level="individ")
    >>> work = Group(id="group:x:ag", name="AG", group_type="arbetsgrupp", level="operativ")
    >>> g = build_graph(Structure(nodes=(team, work), relationships=(
    ...     Relationship(type="REPORTS_TO", source=team.id, target=work.id),)))
    >>> [gap.subject for gap in ungoverned_group(g)]
    ['group:x:kt', 'group:x:ag']
    """
    index = graph_index(graph)
    nodes = graph.nodes
    groups = [n for n, a in nodes(data=True) if a.get("label") == "Group"]
    governed = _governed(groups, index, nodes)
    gaps = []
    for group in groups:
        attrs = nodes[group]
        level = attrs.get("level")
        if level not in _JUDGED or group in governed:
            continue
        detail = (
            f"{attrs.get('name', group)} ({LEVEL_WORDS[level]}) rapporterar inte, direkt eller "
            "via andra grupper, till någon grupp på strategisk nivå"
        )
        evidence = node_evidence(graph, group)
        served: list[str | None] = [index.kommuner[k] for k in index.kommuner_of.get(group, ())]
        for served_kommun in served or [None]:
            gaps.append(
                Gap(
                    kind="ungoverned_group",
                    kommun=served_kommun,
                    status=level,
                    subject=group,
                    detail=detail,
                    evidence=tuple(evidence),
                )
            )
    return sort_gaps(filter_kommun(gaps, kommun))


def _governed(groups: list[str], index: GraphIndex, nodes: Mapping[str, dict]) -> set[str]:
    """Groups with a REPORTS_TO path of length ≥ 1 to a strategic group: one reverse search."""
    queue = [g for g in groups if nodes[g].get("level") == "strategisk"]
    governed: set[str] = set()
    while queue:
        upper = queue.pop()
        for lower in index.in_edges.get((upper, "REPORTS_TO"), ()):
            if lower not in governed:
                governed.add(lower)
                queue.append(lower)
    return governed
