"""What the views of one graph share, worked out once per rendering.

A gap report draws a map and a matrix for each of its areas; each of them used to walk the
whole graph for the same facts (the kommuner of an area, the missing_specialist gaps, whose a
unit is, which groups and LÖKs serve a kommun). A :class:`RenderContext` works each of those
out once, when first asked, and the maps and matrices of the report share it.

A context is a snapshot: build it for one rendering and drop it afterwards; it does not see
changes made to the graph after it answered. Every view function that takes ``context=`` builds
its own when given none, so a lone map or matrix is computed exactly as before.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("kommun:orsa", label="Principal", kind="kommun", name="Orsa")
>>> g.add_node("area:lan:20", label="Area", kind="lan", name="Dalarnas län")
>>> g.add_edge("kommun:orsa", "area:lan:20", key="IN_AREA")
'IN_AREA'
>>> sorted(RenderContext(g).area_kommuner("area:lan:20"))
['kommun:orsa']
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import Any, TypeVar

import networkx as nx

from lokgraph.adjacency import adjacency, node_dicts

__all__ = ["RenderContext", "missing_specialist_gaps"]

T = TypeVar("T")


def missing_specialist_gaps(graph: nx.MultiDiGraph) -> list | None:
    """The missing_specialist query's gaps, or None when the queries are not installed."""
    try:
        from queries.missing_specialist import missing_specialist
    except ImportError:
        return None
    return list(missing_specialist(graph))


class RenderContext:
    """Facts about one graph that several maps and matrices need, each computed on first use."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph
        self._area_kommuner: dict[str, frozenset[str]] = {}
        #: node id → kommun, region, joint or none (filled by the maps as they go).
        self.owner_kinds: dict[str, str] = {}
        #: node id → the names of its kommuner (filled by ``kommuner_of`` as it goes).
        self.homes: dict[str, list[str]] = {}
        # one entry per key, each of the type its own `make` gives (hence Any)
        self._once: dict[tuple, Any] = {}

    def once(self, key: tuple, make: Callable[[], T]) -> T:
        """What ``make`` gives, made once per graph: a region's tooltip is the same on each of
        its kommuner's maps."""
        if key not in self._once:
            self._once[key] = make()
        return self._once[key]

    @cached_property
    def kommun_ids(self) -> dict[str, str]:
        """A kommun's normalised name → the id of its Principal node."""
        from lokgraph.reference import normalise

        ids: dict[str, str] = {}
        for n, d in self.kommun_nodes:
            ids.setdefault(normalise(d.get("name", "")), n)  # the first, as a scan finds it
        return ids

    @cached_property
    def specialist_gaps(self) -> list | None:
        """The missing_specialist gaps (None without the queries package)."""
        return missing_specialist_gaps(self.graph)

    @cached_property
    def _in_area(self) -> dict[str, list[str]]:
        """Area or node id → the nodes with an IN_AREA edge to it."""
        inside: dict[str, list[str]] = defaultdict(list)
        for u, v in _keyed(self.graph, "IN_AREA"):
            inside[v].append(u)
        return dict(inside)

    def area_kommuner(self, area_id: str) -> set[str]:
        """The ids of the kommuner in an Area node, directly or through areas within it."""
        found = self._area_kommuner.get(area_id)
        if found is None:
            nodes = self.graph.nodes
            inside = {area_id}
            todo = [area_id]
            while todo:
                for u in self._in_area.get(todo.pop(), ()):
                    if u not in inside:
                        inside.add(u)
                        todo.append(u)
            found = frozenset(
                n
                for n in inside
                if nodes[n].get("label") == "Principal" and nodes[n].get("kind") == "kommun"
            )
            self._area_kommuner[area_id] = found
        return set(found)

    @cached_property
    def lan_codes(self) -> dict[str, str]:
        """Principal id → its län code, for the principals that have one."""
        return {
            n: d["lan_kod"]
            for n, d in self.graph.nodes(data=True)
            if d.get("label") == "Principal" and d.get("lan_kod")
        }

    @cached_property
    def kommun_nodes(self) -> list[tuple[str, dict]]:
        """(id, attributes) of every kommun Principal, in the graph's node order."""
        return [
            (n, d)
            for n, d in self.graph.nodes(data=True)
            if d.get("label") == "Principal" and d.get("kind") == "kommun"
        ]

    @cached_property
    def coverage_targets(self) -> dict[str, list[str]]:
        """Kommun id → the groups that SERVE it and the LÖKs it is PARTY_TO, in edge order."""
        nodes = node_dicts(self.graph)
        kommuner = {n for n, _ in self.kommun_nodes}
        targets: dict[str, list[str]] = defaultdict(list)
        for u, v, key in _edges(self.graph, ("SERVES", "PARTY_TO")):
            if key == "SERVES" and v in kommuner:
                targets[v].append(u)
            elif key == "PARTY_TO" and u in kommuner and nodes[v].get("kind") == "LOK":
                targets[u].append(v)
        return dict(targets)

    @cached_property
    def informed(self) -> frozenset[str]:
        """The ids of the nodes the data says something about: a group serves them, they are
        party to a LÖK, or a survey asked them."""
        graph = self.graph
        nodes = node_dicts(graph)
        found = set()
        for u, v, key in _edges(graph, ("SERVES", "PARTY_TO")):
            if key == "SERVES":
                found.add(v)
            elif nodes[v].get("kind") == "LOK":
                found.add(u)
        for _, d in graph.nodes(data=True):
            if d.get("label") == "Source":
                found.update(d.get("surveyed") or ())
        return frozenset(found)

    @cached_property
    def answered(self) -> frozenset[str]:
        """The ids of the kommuner that answered a survey (any Source's ``answered``)."""
        found: set[str] = set()
        for _, d in self.graph.nodes(data=True):
            if d.get("label") == "Source":
                found.update(d.get("answered") or ())
        return frozenset(found)

    @contextlib.contextmanager
    def shared_queries(self) -> Iterator[None]:
        """Within the block, the gap queries about this graph share one index of it."""
        try:
            from queries._graph import shared_index
        except ImportError:
            yield
            return
        with shared_index(self.graph):
            yield


def _edges(graph: nx.MultiDiGraph, keys: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    """(u, v, key) of the edges with one of these keys, in ``graph.edges`` order (read from
    networkx's own dicts: the edge view wraps every edge it yields)."""
    for u, nbrs in adjacency(graph)[0].items():
        for v, keyed in nbrs.items():
            for key in keyed:
                if key in keys:
                    yield u, v, key


def _keyed(graph: nx.MultiDiGraph, key: str) -> Iterator[tuple[str, str]]:
    """(u, v) of the edges with this key, in ``graph.edges`` order."""
    for u, nbrs in adjacency(graph)[0].items():
        for v, keyed in nbrs.items():
            if key in keyed:
                yield u, v
