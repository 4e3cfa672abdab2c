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

from lokgraph.adjacency import Adjacency, adjacency, node_dicts

from ._graph import graph_index, party_label
from .gap import Gap, evidence_from_json, filter_kommun, sort_gaps

__all__ = ["Collaboration", "bridges", "bridges_from_rows", "collaboration_graphs", "single_bridge"]


@dataclass
class Collaboration:
    """The collaboration graph of one kommun: node facts and undirected edges with evidence.

    Evidence is kept as it comes (lists of dicts from networkx, JSON strings from a server)
    and read only for the nodes that turn out to be bridges.
    """

    kommun_id: str
    kommun: str
    nodes: dict[str, dict] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], list] = field(default_factory=dict)

    def add_node(self, node_id: str, label: str, attrs: dict, evidence: object) -> None:
        self.nodes[node_id] = {
            "label": label,
            "name": attrs.get("name") or node_id,
            "party": attrs.get("party"),
            "care_level": attrs.get("care_level"),
            "evidence": evidence,
        }

    def add_edge(self, a: str, b: str, type_: str, evidence: object) -> None:
        """An undirected edge, keyed by its ends in sorted order and its type."""
        key = (a, b, type_) if a <= b else (b, a, type_)
        found = self.edges.get(key)
        if found is None:
            self.edges[key] = [evidence]
        else:
            found.append(evidence)


def single_bridge(graph: nx.MultiDiGraph, *, kommun: str | None = None) -> list[Gap]:
    """Per kommun: the groups and units that are its only way to the specialist level."""
    gaps: list[Gap] = []
    for collab in collaboration_graphs(graph):
        gaps += bridges(collab)
    return sort_gaps(filter_kommun(gaps, kommun))


def collaboration_graphs(graph: nx.MultiDiGraph) -> list[Collaboration]:
    """The collaboration graph of every kommun that has any group, as the module defines it."""
    index = graph_index(graph)
    # the adjacency dicts themselves: networkx's views cost more than the work done here
    nodes, (succ, pred) = node_dicts(graph), adjacency(graph)
    is_group = {n for n, a in nodes.items() if a.get("label") == "Group"}
    is_unit = {n for n, a in nodes.items() if a.get("label") == "Unit"}
    upwards: dict[str, frozenset[str]] = {}
    result = []
    for k, name in index.kommuner.items():
        own = set(index.groups_of.get(k, ()))
        own.update(g for g, keys in succ[k].items() if "MEMBER_OF" in keys and g in is_group)
        for u in index.in_edges.get((k, "PART_OF"), ()):
            if u in is_unit:
                joined = succ[u].items()
                own.update(g for g, keys in joined if "MEMBER_OF" in keys and g in is_group)
        if not own:
            continue
        groups: set[str] = set()
        for g in own:
            groups |= _upwards(succ, g, is_group, upwards)
        collab = Collaboration(kommun_id=k, kommun=name)
        units: set[str] = set()
        for g in groups:
            collab.add_node(g, "Group", nodes[g], nodes[g].get("evidence", ()))
            for x, keys in succ[g].items():
                if x == k and "SERVES" in keys:
                    collab.add_edge(g, x, "SERVES", keys["SERVES"].get("evidence", ()))
                if x in groups and "REPORTS_TO" in keys:
                    collab.add_edge(g, x, "REPORTS_TO", keys["REPORTS_TO"].get("evidence", ()))
            for x, keys in pred[g].items():
                if "MEMBER_OF" in keys and (x == k or x in is_unit):
                    collab.add_edge(g, x, "MEMBER_OF", keys["MEMBER_OF"].get("evidence", ()))
                    if x != k:
                        units.add(x)
                if x in groups and "REPORTS_TO" in keys:
                    collab.add_edge(g, x, "REPORTS_TO", keys["REPORTS_TO"].get("evidence", ()))
        for u in units:
            collab.add_node(u, "Unit", nodes[u], nodes[u].get("evidence", ()))
            owned = succ[u].get(k, {}).get("PART_OF")
            if owned is not None:
                collab.add_edge(u, k, "PART_OF", owned.get("evidence", ()))
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
                collab.add_node(end["id"], end["label"], end, end["evidence"])
        collab.add_edge(ends[0], ends[1], row["type"], row["evidence"])
        if row.get("b_part_of_kommun"):
            collab.add_edge(ends[1], k, "PART_OF", row.get("part_of_evidence"))
    gaps: list[Gap] = []
    for collab in graphs.values():
        gaps += bridges(collab)
    return sort_gaps(gaps)


def bridges(collab: Collaboration) -> list[Gap]:
    """The single bridges of one kommun's collaboration graph."""
    k = collab.kommun_id
    adjacency: dict[str, set[str]] = {k: set()}
    for a, b, _ in collab.edges:
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
    raw = [attrs["evidence"]]
    for (a, b, _), found in collab.edges.items():
        if v in (a, b):
            raw += found
    evidence = evidence_from_json(raw)
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
        evidence=tuple(evidence),
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
            step = parent[node]
            while step is not None:
                path.append(step)
                step = parent[step]
            return path[::-1]
        # any order: a bridge lies on every path, so which shortest path is found does not
        # change the gaps (and `sort_gaps` orders them)
        for nxt in adjacency.get(node, ()):
            if nxt != avoid and nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    return None


def _upwards(
    succ: Adjacency, group: str, is_group: set[str], memo: dict[str, frozenset[str]]
) -> frozenset[str]:
    """The group and every group it reaches by REPORTS_TO, remembered across kommuner."""
    if group in memo:
        return memo[group]
    seen = {group}
    stack = [group]
    while stack:
        g = stack.pop()
        if g in memo and g != group:
            seen |= memo[g]
            continue
        for up, keys in succ[g].items():
            if "REPORTS_TO" in keys and up in is_group and up not in seen:
                seen.add(up)
                stack.append(up)
    memo[group] = frozenset(seen)
    return memo[group]
