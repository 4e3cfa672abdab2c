"""The graph: a networkx MultiDiGraph built from models, merged without duplicates.

Nodes are keyed by their deterministic id and carry `label` (the node label: DESIGN.md calls it
`kind`, but Area, Principal, Agreement and Source already have a `kind` property) and their
properties. Edges are keyed by their type, so one (source, target, type) exists once; evidence
from every source that states it is collected on it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import networkx as nx
from pydantic import TypeAdapter

from .errors import InputError
from .models import ALLOWED_ENDPOINTS, Evidence, Node, Relationship, RoundValues, Structure
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


def _plain(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _evidence_dicts(evidence: Iterable[Evidence]) -> list[dict]:
    unique = {e.sort_key(): e for e in evidence}
    return [
        {k: v for k, v in unique[key].model_dump().items() if v is not None}
        for key in sorted(unique)
    ]


def _evidence_key(record: dict) -> tuple[str, ...]:
    """`Evidence.sort_key` of a stored evidence record (None values are left out there)."""
    return (
        record["source"],
        record.get("question") or "",
        record.get("page") or "",
        record.get("respondent") or "",
        record.get("quote", ""),
    )


def evidence_of(attrs: dict) -> list[Evidence]:
    """The evidence records of a node's or edge's attributes."""
    return [Evidence(**e) for e in attrs.get("evidence", ())]


def _round_dicts(entries: tuple[RoundValues, ...]) -> list[dict]:
    return [{"round": e.round, "values": {k: _plain(v) for k, v in e.values}} for e in entries]


def _round_records(attrs: dict) -> tuple[RoundValues, ...]:
    return tuple(
        RoundValues(round=e["round"], values=tuple(sorted(e["values"].items())))
        for e in attrs.get(BY_ROUND, ())
    )


def _node_attrs(node: Node) -> dict:
    data = node.model_dump(exclude={"id", "evidence", BY_ROUND})
    attrs = {k: _plain(v) for k, v in data.items() if v is not None and v != ()}
    attrs["evidence"] = _evidence_dicts(node.evidence)
    if node.by_round:
        attrs[BY_ROUND] = _round_dicts(node.by_round)
    return attrs


def _edge_attrs(rel: Relationship) -> dict:
    attrs: dict = {"type": rel.type}
    if rel.partial is not None:
        attrs["partial"] = rel.partial
    if rel.reason is not None:
        attrs["reason"] = rel.reason
    attrs["evidence"] = _evidence_dicts(rel.evidence)
    if rel.by_round:
        attrs[BY_ROUND] = _round_dicts(rel.by_round)
    return attrs


def _round_lookup(graph: nx.MultiDiGraph, structure: Structure) -> dict[str, str]:
    """Source id → its survey round ("" for none), from the graph and the structure."""
    rounds = {n: d.get("round") or "" for n, d in graph.nodes(data=True) if d["label"] == "Source"}
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
    labels = {n: d["label"] for n, d in graph.nodes(data=True)}
    for node in structure.nodes:
        known = labels.setdefault(node.id, node.label)
        if known != node.label:
            raise InputError(
                f"node {node.id!r} is a {node.label} here but a {known} elsewhere",
                where=where,
                fix="Give the two things different names",
            )
    for rel in structure.relationships:
        allowed_from, allowed_to = ALLOWED_ENDPOINTS[rel.type]
        for end, allowed in ((rel.source, allowed_from), (rel.target, allowed_to)):
            if end not in labels:
                raise InputError(
                    f"{rel.type} from {rel.source!r} to {rel.target!r} names no known node {end!r}",
                    where=where,
                    fix="Add that node, or correct the name",
                )
            if labels[end] not in allowed:
                side = "from" if end == rel.source else "to"
                raise InputError(
                    f"{rel.type} cannot go {side} a {labels[end]} ({end!r}); it goes from "
                    f"{' or '.join(sorted(allowed_from))} to {' or '.join(sorted(allowed_to))}",
                    where=where,
                    fix="Use the relationship that DESIGN.md gives for these labels",
                )


def merge(graph: nx.MultiDiGraph, structure: Structure, *, where: str | None = None) -> MergeStats:
    """Merge a structure into a graph in place; nothing changes if it does not validate.

    Merging the same structure twice changes nothing the second time. A group the graph holds
    already from another kind of source (a survey, a structure file) keeps its one node
    (:func:`lokgraph.same_group.same_groups`).
    """
    structure = same_groups(graph, structure)
    _check(graph, structure, where)
    stats = MergeStats()
    round_of = _round_lookup(graph, structure).get
    # a record without evidence only fills missing values, so the same object (a kommun that
    # every fact names) needs adding once
    references: set[int] = set()
    nodes: dict[str, _Pending] = {}
    for node in structure.nodes:
        if not node.evidence:
            if id(node) in references:
                continue
            references.add(id(node))
        pending = nodes.get(node.id)
        if pending is None:
            old = graph.nodes[node.id] if node.id in graph else None
            pending = nodes[node.id] = _Pending(old, round_of)
        pending.add(_node_attrs(node))
    for node_id, pending in nodes.items():
        merged = pending.result()
        if pending.old is None:
            graph.add_node(node_id, **merged)
            stats.nodes_added += 1
        elif merged != pending.old:
            pending.old.clear()
            pending.old.update(merged)
            stats.nodes_updated += 1
    edges: dict[tuple[str, str, str], _Pending] = {}
    for rel in structure.relationships:
        if not rel.evidence:
            if id(rel) in references:
                continue
            references.add(id(rel))
        key = (rel.source, rel.target, rel.type)
        pending = edges.get(key)
        if pending is None:
            old = graph.edges[key] if graph.has_edge(*key) else None
            pending = edges[key] = _Pending(old, round_of)
        pending.add(_edge_attrs(rel))
    for (u, v, rel_type), pending in edges.items():
        merged = pending.result()
        if pending.old is None:
            graph.add_edge(u, v, key=rel_type, **merged)
            stats.edges_added += 1
        elif merged != pending.old:
            pending.old.clear()
            pending.old.update(merged)
            stats.edges_updated += 1
    _link_sources(graph, structure, stats)
    return stats


def _link_sources(graph: nx.MultiDiGraph, structure: Structure, stats: MergeStats) -> None:
    """STATED_IN from every node with evidence to the Source nodes its evidence names."""
    for node in structure.nodes:
        if node.label == "Source":
            continue
        for source in {e.source for e in node.evidence}:
            linked = graph.has_edge(node.id, source, key="STATED_IN")
            if not linked and graph.nodes.get(source, {}).get("label") == "Source":
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
            data[BY_ROUND] = _round_records(attrs)
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
                by_round=_round_records(attrs),
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
