"""single_bridge: units or groups whose removal would cut a kommun off from every specialist unit.

Semantics (the Cypher twin `single_bridge.cypher` returns the same candidate graphs; the
articulation step runs in Python on either, in `bridges_from_rows`):

- The collaboration graph of a kommun k is undirected and holds:
  its own groups (those that SERVE k, those k is MEMBER_OF, and those that a unit PART_OF k is
  MEMBER_OF), every group these reach by REPORTS_TO (any length, upwards), the units that are
  MEMBER_OF any of those groups, and k itself. Its edges: SERVES and MEMBER_OF between k and
  its groups, MEMBER_OF between units and the groups, REPORTS_TO between the groups, and
  PART_OF between k and its own units. Memberships elsewhere (a region unit's seat in another
  kommun's group) are not followed: they are not k's structure.
- The specialist units are the units of that graph with `care_level` specialist.
- A node v (a group, or a unit that is not itself specialist) is a single bridge when k
  reaches a specialist unit in the graph, but reaches none once v is removed: v lies on every
  path from k to the specialist level (an articulation point separating k from it).
- One gap per kommun and bridge: `subject` the node id, `status` "group" or "unit", `party`
  the unit's party, evidence the node's own quotes and those of its edges in the kommun's
  collaboration graph.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from lokgraph.models import Evidence

from ._graph import GraphIndex, party_label
from .gap import Gap, evidence_from_json, filter_kommun, sort_gaps

__all__ = ["Collaboration", "bridges", "bridges_from_rows", "collaboration_graphs", "single_bridge"]


@dataclass
class Collaboration:
    """The collaboration graph of one kommun: node facts and undirected edges with evidence."""

    kommun_id: str
    kommun: str
    nodes: dict[str, dict] = field(default_factory=dict)
    edges: dict[tuple[frozenset[str], str], list[Evidence]] = field(default_factory=dict)

    def add_node(self, node_id: str, label: str, attrs: dict, evidence: Iterable[Evidence]) -> None:
        self.nodes[node_id] = {
            "label": label,
            "name": attrs.get("name") or node_id,
            "party": attrs.get("party"),
            "care_level": attrs.get("care_level"),
            "evidence": list(evidence),
        }

    def add_edge(self, a: str, b: str, type_: str, evidence: Iterable[Evidence]) -> None:
        self.edges.setdefault((frozenset((a, b)), type_), []).extend(evidence)


def single_bridge(graph: nx.MultiDiGraph, *, kommun: str | None = None) -> list[Gap]:
    """Per kommun: the groups and units that are its only way to the specialist level."""
    gaps: list[Gap] = []
    for collab in collaboration_graphs(graph):
        gaps += bridges(collab)
    return sort_gaps(filter_kommun(gaps, kommun))


def collaboration_graphs(graph: nx.MultiDiGraph) -> list[Collaboration]:
    """The collaboration graph of every kommun that has any group, as the module defines it."""
    index = GraphIndex(graph)
    nodes = graph.nodes
    result = []
    for k, name in index.kommuner.items():
        own = list(index.groups_of.get(k, ()))
        for _, g, key in graph.out_edges(k, keys=True):
            if key == "MEMBER_OF" and nodes[g].get("label") == "Group":
                own.append(g)
        for u in index.in_edges.get((k, "PART_OF"), ()):
            if nodes[u].get("label") != "Unit":
                continue
            for _, g, key in graph.out_edges(u, keys=True):
                if key == "MEMBER_OF" and nodes[g].get("label") == "Group":
                    own.append(g)
        if not own:
            continue
        groups = _upwards(graph, own)
        collab = Collaboration(kommun_id=k, kommun=name)
        units: set[str] = set()
        for g in groups:
            collab.add_node(g, "Group", nodes[g], _evidence(nodes[g]))
            for _, x, key, attrs in graph.out_edges(g, keys=True, data=True):
                if (key == "SERVES" and x == k) or (key == "REPORTS_TO" and x in groups):
                    collab.add_edge(g, x, key, _evidence(attrs))
            for x, _, key, attrs in graph.in_edges(g, keys=True, data=True):
                is_unit = nodes[x].get("label") == "Unit"
                if (key == "MEMBER_OF" and (x == k or is_unit)) or (
                    key == "REPORTS_TO" and x in groups
                ):
                    collab.add_edge(g, x, key, _evidence(attrs))
                    if key == "MEMBER_OF" and is_unit:
                        units.add(x)
        for u in units:
            collab.add_node(u, "Unit", nodes[u], _evidence(nodes[u]))
            if graph.has_edge(u, k, key="PART_OF"):
                collab.add_edge(u, k, "PART_OF", _evidence(graph.edges[u, k, "PART_OF"]))
        result.append(collab)
    return result


def bridges_from_rows(rows: Iterable[dict]) -> list[Gap]:
    """The gaps of the candidate graphs `single_bridge.cypher` returns (one row per edge)."""
    graphs: dict[str, Collaboration] = {}
    for row in rows:
        k = row["kommun_id"]
        collab = graphs.setdefault(k, Collaboration(kommun_id=k, kommun=row["kommun"]))
        ends = []
        for end in (row["a"], row["b"]):
            ends.append(end["id"])
            if end["id"] != k and end["id"] not in collab.nodes:
                collab.add_node(end["id"], end["label"], end, evidence_from_json(end["evidence"]))
        collab.add_edge(*ends, row["type"], evidence_from_json(row["evidence"]))
        if row.get("b_part_of_kommun"):
            evidence = evidence_from_json(row.get("part_of_evidence"))
            collab.add_edge(ends[1], k, "PART_OF", evidence)
    gaps: list[Gap] = []
    for collab in graphs.values():
        gaps += bridges(collab)
    return sort_gaps(gaps)


def bridges(collab: Collaboration) -> list[Gap]:
    """The single bridges of one kommun's collaboration graph."""
    k = collab.kommun_id
    adjacency: dict[str, set[str]] = {k: set()}
    for (ends, _), _ in collab.edges.items():
        a, b = tuple(ends) if len(ends) == 2 else (next(iter(ends)),) * 2
        adjacency.setdefault(a, set()).add(b)
        adjacency.setdefault(b, set()).add(a)
    specialists = {
        n
        for n, attrs in collab.nodes.items()
        if attrs["label"] == "Unit" and attrs["care_level"] == "specialist"
    }
    path = _path(adjacency, k, specialists, avoid=None)
    if path is None:
        return []
    gaps = []
    for v in path[1:-1]:
        if _path(adjacency, k, specialists, avoid=v) is None:
            gaps.append(_gap(collab, v, specialists))
    return gaps


def _gap(collab: Collaboration, v: str, specialists: set[str]) -> Gap:
    attrs = collab.nodes.get(v, {"label": "Group", "name": v, "party": None, "evidence": []})
    evidence = list(attrs["evidence"])
    for (ends, _), found in collab.edges.items():
        if v in ends:
            evidence += found
    parties = sorted({party_label(collab.nodes[s]["party"] or "SPECIALIST") for s in specialists})
    is_unit = attrs["label"] == "Unit"
    return Gap(
        kind="single_bridge",
        kommun=collab.kommun,
        party=attrs["party"] if is_unit else None,
        status="unit" if is_unit else "group",
        subject=v,
        detail=(
            f"{attrs['name']} är den enda länken mellan {collab.kommun} och specialistnivån "
            f"({', '.join(parties)})"
        ),
        evidence=evidence,
    )


def _path(
    adjacency: dict[str, set[str]], start: str, goals: set[str], avoid: str | None
) -> list[str] | None:
    """A shortest path from start to any goal that does not pass `avoid`, or None."""
    parent: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node in goals:
            path = [node]
            while parent[path[-1]] is not None:
                path.append(parent[path[-1]])  # type: ignore[arg-type]
            return path[::-1]
        for nxt in sorted(adjacency.get(node, ())):
            if nxt != avoid and nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return None


def _upwards(graph: nx.MultiDiGraph, start: list[str]) -> set[str]:
    """The groups, and every group they reach by REPORTS_TO."""
    seen = set(start)
    stack = list(start)
    while stack:
        g = stack.pop()
        for _, up, key in graph.out_edges(g, keys=True):
            if key == "REPORTS_TO" and up not in seen and graph.nodes[up].get("label") == "Group":
                seen.add(up)
                stack.append(up)
    return seen


def _evidence(attrs: dict) -> list[Evidence]:
    return [Evidence(**e) for e in attrs.get("evidence", ())]
