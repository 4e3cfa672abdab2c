"""The graph: a networkx MultiDiGraph built from models, merged without duplicates.

Nodes are keyed by their deterministic id and carry `label` (the node label: DESIGN.md calls it
`kind`, but Area, Principal, Agreement and Source already have a `kind` property) and their
properties. Edges are keyed by their type, so one (source, target, type) exists once; evidence
from every source that states it is collected on it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container
from dataclasses import dataclass

import networkx as nx
from pydantic import TypeAdapter

from .adjacency import adjacency, node_dicts
from .collector import collector_paused
from .graph_records import edge_attrs as _edge_attrs
from .graph_records import evidence_of, round_records
from .graph_records import node_attrs as _node_attrs
from .merge_records import group_edges, group_nodes, merged_records, renamed_node_attrs
from .models import Node, Relationship, Structure
from .round_values import BY_ROUND, drop_rounds
from .same_group import group_renames

__all__ = [
    "MergeStats",
    "build_graph",
    "evidence_of",
    "graph_to_structure",
    "merge",
    "new_graph",
    "retract_source",
    "summary",
]

_NODE_ADAPTER: TypeAdapter[Node] = TypeAdapter(Node)


@dataclass
class MergeStats:
    """What a merge changed: new nodes and edges, and those that gained evidence or values."""

    nodes_added: int = 0
    nodes_updated: int = 0
    edges_added: int = 0
    edges_updated: int = 0

    @property
    def changed(self) -> bool:
        return any((self.nodes_added, self.nodes_updated, self.edges_added, self.edges_updated))


def new_graph() -> nx.MultiDiGraph:
    """An empty graph of the schema: a networkx MultiDiGraph, each edge keyed by its type.

    >>> graph = new_graph()
    >>> graph.number_of_nodes(), graph.is_directed(), graph.is_multigraph()
    (0, True, True)
    """
    return nx.MultiDiGraph()


def build_graph(structure: Structure) -> nx.MultiDiGraph:
    """A graph of one structure.

    >>> from lokgraph.models import Principal, Group, Relationship, Structure
    >>> team = Group(id="group:orsa:kt", name="Konsultationsteam",
    ...              group_type="konsultationsteam", level="individ")
    >>> orsa = Principal(id="kommun:orsa", name="Orsa", kind="kommun")
    >>> serves = Relationship(type="SERVES", source=team.id, target=orsa.id)
    >>> g = build_graph(Structure(nodes=(orsa, team), relationships=(serves,)))
    >>> g.nodes["kommun:orsa"]["label"], list(g.edges(keys=True))
    ('Principal', [('group:orsa:kt', 'kommun:orsa', 'SERVES')])
    """
    graph = new_graph()
    merge(graph, structure)
    return graph


def _round_lookup(graph: nx.MultiDiGraph, structure: Structure) -> dict[str, str]:
    """Source id → its survey round ("" for none), from the graph and the structure."""
    held = node_dicts(graph)
    rounds = {n: d.get("round") or "" for n, d in held.items() if d["label"] == "Source"}
    for node in structure.nodes:
        if node.label == "Source":
            rounds[node.id] = node.round or ""
    return rounds


def merge(graph: nx.MultiDiGraph, structure: Structure, *, where: str | None = None) -> MergeStats:
    """Merge a structure into a graph in place; nothing changes if it does not validate.

    Merging the same structure twice changes nothing the second time. A group the graph holds
    already from another kind of source (a survey, a structure file) keeps its one node
    (:func:`lokgraph.same_group.group_renames`).
    """
    with collector_paused():
        return _merge(graph, structure, where)


def _merge(graph: nx.MultiDiGraph, structure: Structure, where: str | None) -> MergeStats:
    renames = group_renames(graph, structure)
    # a new node or edge is put into networkx's own dicts as `add_node` and `add_edge` would
    # put it, without their checks and copies (every end is known: the grouping checked it
    # before anything changed)
    held, (succ, pred) = vars(graph)["_node"], adjacency(graph)
    references: set[int] = set()
    first_nodes, more_nodes = group_nodes(structure.nodes, held, renames, references, where)
    edge_groups = group_edges(
        structure.relationships, held, first_nodes, renames, references, where
    )
    stats = MergeStats()
    rounds = _round_lookup(graph, structure)  # every Source node, after the merge too
    round_of = rounds.get
    attrs_of = renamed_node_attrs(renames) if renames else _node_attrs
    for node_id, old, merged in merged_records(
        first_nodes, more_nodes, attrs_of, held.get, round_of
    ):
        if old is None:
            held[node_id], succ[node_id], pred[node_id] = merged, {}, {}
            stats.nodes_added += 1
        elif merged != old:
            old.clear()
            old.update(merged)
            stats.nodes_updated += 1

    def old_edge(key: tuple[str, str, str]) -> dict | None:
        keyed = succ[key[0]].get(key[1])
        return None if keyed is None else keyed.get(key[2])

    for (u, v, rel_type), old, merged in merged_records(
        *edge_groups, _edge_attrs, old_edge, round_of
    ):
        if old is None:
            keyed = succ[u].get(v)
            if keyed is None:
                keyed = succ[u][v] = pred[v][u] = {}
            keyed[rel_type] = merged
            stats.edges_added += 1
        elif merged != old:
            old.clear()
            old.update(merged)
            stats.edges_updated += 1
    _link_sources(graph, structure, stats, rounds, renames)
    cache = getattr(graph, "__networkx_cache__", None)
    if cache:  # what networkx's own add_edge clears (results cached for its backends)
        cache.clear()
    return stats


def _link_sources(
    graph: nx.MultiDiGraph,
    structure: Structure,
    stats: MergeStats,
    sources: Container[str],
    renames: dict[str, tuple[str, str]],
) -> None:
    """STATED_IN from every node with evidence to the Source nodes (`sources`) its evidence
    names, put into networkx's dicts as `add_edge` would put it."""
    succ, pred = adjacency(graph)
    for node in structure.nodes:
        if not node.evidence or node.label == "Source":
            continue
        node_id = renames[node.id][0] if node.id in renames else node.id
        out = succ[node_id]
        for evidence in node.evidence:
            source = evidence.source
            if source not in sources:
                continue
            keyed = out.get(source)
            if keyed is None:
                keyed = out[source] = pred[source][node_id] = {}
            if "STATED_IN" not in keyed:
                keyed["STATED_IN"] = {"type": "STATED_IN", "evidence": []}
                stats.edges_added += 1


def graph_to_structure(graph: nx.MultiDiGraph) -> Structure:
    """The models of a graph, for validation, export and comparing stores."""
    nodes = []
    for node_id, attrs in sorted(graph.nodes(data=True)):
        data = {k: v for k, v in attrs.items()}
        data["id"] = node_id
        for key in ("surveyed", "answered"):
            if key in data:
                data[key] = tuple(data[key])
        data["evidence"] = tuple(evidence_of(attrs))
        if BY_ROUND in data:
            data[BY_ROUND] = round_records(attrs)
        nodes.append(_NODE_ADAPTER.validate_python(data))
    rels = []
    for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        rels.append(
            Relationship(
                type=key,
                source=u,
                target=v,
                partial=attrs.get("partial"),
                reason=attrs.get("reason"),
                evidence=tuple(evidence_of(attrs)),
                by_round=round_records(attrs),
            )
        )
    return Structure(nodes=tuple(nodes), relationships=tuple(rels))


def summary(graph: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Counts of nodes per label and edges per type, sorted by name."""
    nodes = Counter(d["label"] for _, d in graph.nodes(data=True))
    edges = Counter(k for _, _, k in graph.edges(keys=True))
    return {"nodes": dict(sorted(nodes.items())), "edges": dict(sorted(edges.items()))}


def retract_source(graph: nx.MultiDiGraph, source_id: str) -> int:
    """Take back what one source stated, before it is imported again or replaced by its review.

    Its evidence leaves every node and edge; an edge that only it stated goes. Nodes stay (other
    sources may name them). Returns the number of edges removed.
    """
    removed = []
    rounds = _round_lookup(graph, Structure()).get
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        evidence = attrs.get("evidence") or []
        kept = [e for e in evidence if e.get("source") != source_id]
        if len(kept) != len(evidence):
            attrs["evidence"] = kept
            if not kept:
                removed.append((u, v, key))
            drop_rounds(attrs, rounds)
    graph.remove_edges_from(removed)
    for _, attrs in graph.nodes(data=True):
        evidence = attrs.get("evidence") or []
        kept = [e for e in evidence if e.get("source") != source_id]
        if len(kept) != len(evidence):
            attrs["evidence"] = kept
            drop_rounds(attrs, rounds)
    return len(removed)
