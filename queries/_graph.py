"""Indexes over the graph that several queries share, built once per query call in O(V + E).

Within :func:`shared_index`, every query asked about the same graph uses one index: a caller
that runs several queries (``run_all``, the gap report) builds it once instead of once per query.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import networkx as nx

from lokgraph.adjacency import adjacency, node_dicts
from lokgraph.codes import AREA_NAMES, PARTIES
from lokgraph.models import Evidence

__all__ = [
    "GraphIndex",
    "SPECIALIST",
    "area_words",
    "edge_evidence",
    "graph_index",
    "node_evidence",
    "party_label",
    "party_matches",
    "shared_index",
]

SPECIALIST = "SPECIALIST"
_ABBREVIATIONS = ("BUP", "HAB", "UM", "BVC", "MVC", "LSS")


def party_label(party: str) -> str:
    """How a detail sentence names a party: its abbreviation where Swedish uses one.

    >>> party_label("BUP"), party_label("OPPENPSYKIATRI"), party_label("SPECIALIST")
    ('BUP', 'Öppenpsykiatri', 'Specialistnivån')
    """
    if party == SPECIALIST:
        return "Specialistnivån"
    if party in _ABBREVIATIONS or party not in PARTIES:
        return party
    return PARTIES[party].name


def area_words(area: str | None) -> str:
    """The Swedish words for an agreement area, as the Cypher twins spell them."""
    return AREA_NAMES.get(area or "", area or "okänt område")


def party_matches(attrs: dict, party: str) -> bool:
    """Whether a unit counts as `party`: its code, or for SPECIALIST any specialist-level unit."""
    if party == SPECIALIST:
        return attrs.get("care_level") == "specialist"
    return attrs.get("party") == party


def node_evidence(graph: nx.MultiDiGraph, node: str) -> list[Evidence]:
    return [Evidence(**e) for e in graph.nodes[node].get("evidence", ())]


def edge_evidence(graph: nx.MultiDiGraph, u: str, v: str, key: str) -> list[Evidence]:
    return [Evidence(**e) for e in graph.edges[u, v, key].get("evidence", ())]


class GraphIndex:
    """Who serves, joins, signs and answers what, from one pass over nodes and edges.

    - `kommuner`: id → name of every Principal of kind kommun.
    - `groups_of`: kommun id → ids of the groups that SERVE it.
    - `kommuner_of`: group id → ids of the kommuner it SERVES.
    - `loks_of`: kommun id → ids of the LÖKs (Agreement kind LOK) it is PARTY_TO.
    - `surveyed`, `answered`: kommun ids named on any Source's `surveyed` / `answered`.
    - `in_edges`: (node, type) → list of source nodes of the node's incoming edges of that type.
    """

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph
        # networkx's own dicts: its views check and wrap every lookup (lokgraph.adjacency)
        nodes, (succ, _) = node_dicts(graph), adjacency(graph)
        self._nodes = nodes
        self.kommuner: dict[str, str] = {}
        self.surveyed: set[str] = set()
        self.answered: set[str] = set()
        for node, attrs in nodes.items():
            label = attrs.get("label")
            if label == "Principal" and attrs.get("kind") == "kommun":
                self.kommuner[node] = attrs.get("name", node)
            elif label == "Source":
                self.surveyed.update(attrs.get("surveyed") or ())
                self.answered.update(attrs.get("answered") or ())
        self.groups_of: dict[str, list[str]] = defaultdict(list)
        self.kommuner_of: dict[str, list[str]] = defaultdict(list)
        self.loks_of: dict[str, list[str]] = defaultdict(list)
        self.in_edges: dict[tuple[str, str], list[str]] = defaultdict(list)
        for u, targets in succ.items():  # graph.edges(keys=True), in its order
            for v, keyed in targets.items():
                for key in keyed:
                    self.in_edges[v, key].append(u)
                    if key == "SERVES" and v in self.kommuner:
                        self.groups_of[v].append(u)
                        self.kommuner_of[u].append(v)
                    elif key == "PARTY_TO" and u in self.kommuner:
                        target = nodes[v]
                        if target.get("label") == "Agreement" and target.get("kind") == "LOK":
                            self.loks_of[u].append(v)

    def data_kommuner(self) -> list[str]:
        """Kommuner that appear in the data: served by a group, party to a LÖK, or surveyed."""
        return [
            k
            for k in self.kommuner
            if self.groups_of.get(k) or self.loks_of.get(k) or k in self.surveyed
        ]

    def informed_kommuner(self) -> list[str]:
        """Kommuner the data says something about: served by a group, party to a LÖK, or
        answered a survey (a surveyed kommun that did not answer is not counted)."""
        return [
            k
            for k in self.kommuner
            if self.groups_of.get(k) or self.loks_of.get(k) or k in self.answered
        ]

    def loks(self, kommun: str, area: str | None = None) -> list[str]:
        """The kommun's LÖKs, all or of one area."""
        loks = self.loks_of.get(kommun, [])
        if area is None:
            return list(loks)
        return [a for a in loks if self._nodes[a].get("area") == area]

    def units_into(self, target: str, key: str) -> list[str]:
        """The units with an edge of type `key` into `target`."""
        nodes = self._nodes
        return [u for u in self.in_edges.get((target, key), ()) if nodes[u].get("label") == "Unit"]


# The graph a `shared_index` block is about and its index (None until a query asks for it).
_SHARED: ContextVar[tuple[nx.MultiDiGraph, list[GraphIndex]] | None] = ContextVar(
    "lokgraph_shared_index", default=None
)


def graph_index(graph: nx.MultiDiGraph) -> GraphIndex:
    """The index of `graph`: the shared one inside a :func:`shared_index` block for this very
    graph object, else a new one."""
    shared = _SHARED.get()
    if shared is None or shared[0] is not graph:
        return GraphIndex(graph)
    graph_of, built = shared
    if not built:
        built.append(GraphIndex(graph_of))
    return built[0]


@contextmanager
def shared_index(graph: nx.MultiDiGraph) -> Iterator[None]:
    """Within the block, the queries about `graph` share one index, built when first needed.

    The graph must not change inside the block (the index would not see the change); other
    graphs get an index of their own as usual. Blocks nest; the innermost one counts.

    >>> g = nx.MultiDiGraph()
    >>> with shared_index(g):
    ...     graph_index(g) is graph_index(g)
    True
    >>> graph_index(g) is graph_index(g)
    False
    """
    token = _SHARED.set((graph, []))
    try:
        yield
    finally:
        _SHARED.reset(token)
