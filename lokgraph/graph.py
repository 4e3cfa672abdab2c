"""The graph: a networkx MultiDiGraph built from models, merged without duplicates.

Nodes are keyed by their deterministic id and carry `label` (the node label: DESIGN.md calls it
`kind`, but Area, Principal, Agreement and Source already have a `kind` property) and their
properties. Edges are keyed by their type, so one (source, target, type) exists once; evidence
from every source that states it is collected on it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx
from pydantic import TypeAdapter

from .adjacency import adjacency, node_dicts
from .collector import collector_paused
from .errors import InputError
from .graph_records import edge_attrs as _edge_attrs
from .graph_records import evidence_key as _evidence_key
from .graph_records import evidence_of, round_records
from .graph_records import node_attrs as _node_attrs
from .models import ALLOWED_ENDPOINTS, Node, Relationship, Structure
from .round_values import BY_ROUND, combine_rounds, drop_rounds
from .same_group import same_groups

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


class _Pending:
    """The merged values and evidence of one node or edge while a structure is merged.

    Evidence is kept as a dict keyed by its sort key, so every record adds its evidence in
    time proportional to its own evidence, and the list is sorted once at the end. The rounds
    that the evidence so far states are kept beside it (one source per round), so a stated
    record's values are combined with `combine_rounds` without going over all the evidence.
    """

    __slots__ = ("old", "values", "evidence", "round_sources", "round_of", "fresh")

    def __init__(self, old: dict | None, round_of: Callable[[str], str | None]) -> None:
        self.old = old
        self.round_of = round_of
        self.values = {k: v for k, v in (old or {}).items() if k != "evidence"}
        self.evidence: dict[tuple[str, ...], dict] = {}
        self.round_sources: dict[str, str] = {}
        self.fresh = old is None  # a new node or edge takes its first record as it is
        self._add_evidence((old or {}).get("evidence", ()))

    def _add_evidence(self, records: Iterable[dict]) -> None:
        for record in records:
            self.evidence.setdefault(_evidence_key(record), record)
            source = record.get("source", "")
            self.round_sources.setdefault(self.round_of(source) or "", source)

    def add(self, new: dict) -> None:
        """New values win where they are stated; evidence is the union of both.

        A record with no evidence is a reference to the thing (a group named by a member fact,
        a kommun named as a place), not a statement about it: it only fills values still
        missing. When another survey round stated the thing before with other values, both
        rounds' values are kept (see :mod:`lokgraph.round_values`) and the latest round's are
        the properties.
        """
        records = new.get("evidence") or ()
        if self.fresh:
            self.values = {k: v for k, v in new.items() if k != "evidence"}
            self.fresh = False
        elif records:
            # combine_rounds reads only the rounds of the old evidence: one source per round
            sources = [{"source": s} for s in self.round_sources.values()]
            self.values = combine_rounds({**self.values, "evidence": sources}, new, self.round_of)
            self.values.pop("evidence", None)
        else:
            for key, value in new.items():
                if key != "evidence" and key not in self.values:
                    self.values[key] = value
        self._add_evidence(records)

    def result(self) -> dict:
        merged = dict(self.values)
        merged["evidence"] = [self.evidence[key] for key in sorted(self.evidence)]
        return merged


def _check(graph: nx.MultiDiGraph, structure: Structure, where: str | None) -> None:
    held = node_dicts(graph)
    new: dict[str, str] = {}  # the structure's nodes that the graph does not hold yet
    for node in structure.nodes:
        old = held.get(node.id)
        known = new.setdefault(node.id, node.label) if old is None else old["label"]
        if known != node.label:
            raise InputError(
                f"node {node.id!r} is a {node.label} here but a {known} elsewhere",
                where=where,
                fix="Give the two things different names",
            )
    checked: set[int] = set()  # a shared record (a kommun's IN_AREA) is checked once
    for rel in structure.relationships:
        if id(rel) in checked:
            continue
        checked.add(id(rel))
        allowed_from, allowed_to = ALLOWED_ENDPOINTS[rel.type]
        old = held.get(rel.source)
        source = new.get(rel.source) if old is None else old["label"]
        old = held.get(rel.target)
        target = new.get(rel.target) if old is None else old["label"]
        if source not in allowed_from or target not in allowed_to:
            raise _endpoint_error(rel, source, target, where)


def _endpoint_error(
    rel: Relationship, source: str | None, target: str | None, where: str | None
) -> InputError:
    """Why a relationship cannot be merged: its first end that names no node or a node of a
    label it cannot go from or to (`source` and `target`: the ends' labels, None for none)."""
    allowed_from, allowed_to = ALLOWED_ENDPOINTS[rel.type]
    ends = (("from", rel.source, source, allowed_from), ("to", rel.target, target, allowed_to))
    for side, end, label, allowed in ends:
        if label is None:
            return InputError(
                f"{rel.type} from {rel.source!r} to {rel.target!r} names no known node {end!r}",
                where=where,
                fix="Add that node, or correct the name",
            )
        if label not in allowed:
            return InputError(
                f"{rel.type} cannot go {side} a {label} ({end!r}); it goes from "
                f"{' or '.join(sorted(allowed_from))} to {' or '.join(sorted(allowed_to))}",
                where=where,
                fix="Use the relationship that DESIGN.md gives for these labels",
            )
    raise ValueError(f"both ends of {rel!r} are allowed")  # called only when one is not


def merge(graph: nx.MultiDiGraph, structure: Structure, *, where: str | None = None) -> MergeStats:
    """Merge a structure into a graph in place; nothing changes if it does not validate.

    Merging the same structure twice changes nothing the second time. A group the graph holds
    already from another kind of source (a survey, a structure file) keeps its one node
    (:func:`lokgraph.same_group.same_groups`).
    """
    with collector_paused():
        return _merge(graph, structure, where)


def _merge(graph: nx.MultiDiGraph, structure: Structure, where: str | None) -> MergeStats:
    structure = same_groups(graph, structure)
    _check(graph, structure, where)
    stats = MergeStats()
    rounds = _round_lookup(graph, structure)  # every Source node, after the merge too
    round_of = rounds.get
    references: set[int] = set()
    # a new node or edge is put into networkx's own dicts as `add_node` and `add_edge` would
    # put it, without their checks and copies (every end is known: `_check` saw to that)
    held, (succ, pred) = vars(graph)["_node"], adjacency(graph)
    nodes = _merged(structure.nodes, _node_key, _node_attrs, held.get, round_of, references)
    for node_id, old, merged in nodes:
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

    edges = _merged(structure.relationships, _edge_key, _edge_attrs, old_edge, round_of, references)
    for (u, v, rel_type), old, merged in edges:
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
    _link_sources(graph, structure, stats, rounds)
    cache = getattr(graph, "__networkx_cache__", None)
    if cache:  # what networkx's own add_edge clears (results cached for its backends)
        cache.clear()
    return stats


def _node_key(node: Node) -> str:
    return node.id


def _edge_key(rel: Relationship) -> tuple[str, str, str]:
    return (rel.source, rel.target, rel.type)


def _merged(
    records: Iterable[Node] | Iterable[Relationship],
    key_of: Callable,
    attrs_of: Callable,
    old_of: Callable,
    round_of: Callable[[str], str | None],
    references: set[int],
) -> Iterator[tuple[Any, dict | None, dict]]:
    """Each key's records merged, in the order the keys first come: (key, the attributes the
    graph holds or None, the merged attributes)."""
    first: dict[Any, Node | Relationship] = {}  # each key's first record
    more: dict[Any, list] = {}  # all records of a key stated more than once
    for record in records:
        # a record without evidence only fills missing values, so the same object (a kommun
        # that every fact names) needs adding once
        if not record.evidence:
            if id(record) in references:
                continue
            references.add(id(record))
        key = key_of(record)
        found = first.get(key)
        if found is None:
            first[key] = record
        else:
            group = more.get(key)
            if group is None:
                more[key] = [found, record]
            else:
                group.append(record)
    for key, record in first.items():
        old = old_of(key)
        group = more.get(key)
        if old is None and group is None:
            yield key, None, attrs_of(record)  # new, and stated once: its record as it is
            continue
        pending = _Pending(old, round_of)
        for each in group or (record,):
            pending.add(attrs_of(each))
        yield key, old, pending.result()


def _link_sources(
    graph: nx.MultiDiGraph, structure: Structure, stats: MergeStats, sources: Container[str]
) -> None:
    """STATED_IN from every node with evidence to the Source nodes (`sources`) its evidence
    names."""
    succ = adjacency(graph)[0]
    for node in structure.nodes:
        if not node.evidence or node.label == "Source":
            continue
        out = succ[node.id]
        for evidence in node.evidence:
            source = evidence.source
            if source in sources and "STATED_IN" not in out.get(source, ()):
                graph.add_edge(node.id, source, key="STATED_IN", type="STATED_IN", evidence=[])
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
