"""One group, one node: a survey group and the same group in a structure file are merged.

A survey knows its groups by kommun and type (``group:leksand:arbetsgrupp``); a structure file
names them (``group:leksand:arbetsgrupp:arbetsgrupp-barn-och-unga-leksand``). When a structure
brings a group of one kind that the graph already holds in the other kind, for the same kommun,
of the same type and with a name that matches, the incoming group takes the id the graph has,
so both sources' facts land on one node. Only one candidate may match; two named groups of the
same type in one kommun stay apart.

>>> from lokgraph.models import Group, Principal, Relationship, Structure
>>> from lokgraph.graph import build_graph
>>> leksand = Principal(id="kommun:leksand", name="Leksand", kind="kommun")
>>> def group(gid, name):
...     return Structure(nodes=(leksand, Group(id=gid, name=name, group_type="arbetsgrupp")),
...                      relationships=(Relationship(type="SERVES", source=gid,
...                                                  target=leksand.id),))
>>> g = build_graph(group("group:leksand:arbetsgrupp:bou", "Arbetsgrupp barn och unga, Leksand"))
>>> s = same_groups(g, group("group:leksand:arbetsgrupp", "Arbetsgrupp, Leksand"))
>>> s.nodes[1].id, s.relationships[0].source
('group:leksand:arbetsgrupp:bou', 'group:leksand:arbetsgrupp:bou')
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Any

import networkx as nx

from .adjacency import adjacency
from .models import Group, Structure
from .reference import normalise

__all__ = ["names_match", "same_groups"]

_WORD = re.compile(r"[\wåäöÅÄÖ]+")


def same_groups(graph: nx.MultiDiGraph, structure: Structure) -> Structure:
    """``structure`` with each of its groups that the graph holds under the other kind of id
    renamed to that id (see the module docstring); the structure itself when none is."""
    serves = {r.source: r.target for r in structure.relationships if r.type == "SERVES"}
    # one check per group as named (a survey names the same group in many facts); the last
    # naming of an id that finds its match decides, as when every naming was checked in turn
    wanted: dict[tuple[str, str, str], Group] = {}
    for n in structure.nodes:
        if isinstance(n, Group) and n.id not in graph and n.id in serves:
            key = (n.id, n.name, n.group_type)
            wanted.pop(key, None)
            wanted[key] = n
    if not wanted:
        return structure
    held = _groups_by_place(graph)
    rename: dict[str, str] = {}
    names: dict[str, str] = {}
    for node in wanted.values():
        kommun = serves[node.id]
        owner = graph.nodes[kommun].get("name", "") if kommun in graph else ""
        candidates = [
            (gid, name)
            for gid, name in held.get((kommun, node.group_type), ())
            if _named(gid) != _named(node.id) and names_match(node.name, name, owner)
        ]
        if len(candidates) == 1:
            gid, name = candidates[0]
            rename[node.id] = gid
            # the fuller name wins: "Arbetsgrupp barn och unga, Leksand" over "Arbetsgrupp, …"
            fuller = len(_words(node.name, owner)) > len(_words(name, owner))
            names[node.id] = node.name if fuller else name
    if not rename:
        return structure
    # a record that many facts share is copied once, so the copies stay shared (a merge adds
    # a shared record without evidence once)
    copies: dict[int, Any] = {}

    def renamed(record: Any, update: dict) -> Any:
        copy = copies.get(id(record))
        if copy is None:
            copy = copies[id(record)] = record.model_copy(update=update)
        return copy

    nodes = [
        renamed(n, {"id": rename[n.id], "name": names[n.id]}) if n.id in rename else n
        for n in structure.nodes
    ]
    rels = [
        renamed(
            r,
            {"source": rename.get(r.source, r.source), "target": rename.get(r.target, r.target)},
        )
        if r.source in rename or r.target in rename
        else r
        for r in structure.relationships
    ]
    return structure.model_copy(update={"nodes": tuple(nodes), "relationships": tuple(rels)})


def names_match(a: str, b: str, owner: str = "") -> bool:
    """Whether two names of groups of one type and kommun can be the same group: the words of
    one (less the kommun's name and the type's own word) are all in the other.

    >>> names_match("Styrgrupp god och nära vård, Avesta", "Styrgrupp God och nära vård", "Avesta")
    True
    >>> names_match("Arbetsgrupp, Leksand", "Arbetsgrupp barn och unga, Leksand", "Leksand")
    True
    >>> names_match("Styrgrupp GNV, Mora", "Styrgrupp för skolan, Mora", "Mora")
    False
    """
    first, second = _words(a, owner), _words(b, owner)
    return first <= second or second <= first


@lru_cache(maxsize=8192)
def _words(name: str, owner: str) -> frozenset[str]:
    words = [normalise(w) for w in _WORD.findall(name)]
    drop = {normalise(w) for w in _WORD.findall(owner)}
    return frozenset(words[1:]) - drop  # the first word is the group's own word (Styrgrupp …)


def _named(group_id: str) -> bool:
    """A structure file's group (its id carries its name) rather than a survey's."""
    return group_id.count(":") >= 3


def _groups_by_place(
    graph: nx.MultiDiGraph,
) -> dict[tuple[str, str | None], list[tuple[str, str]]]:
    """(kommun, group type) → the (id, name) of each group that serves it."""
    found: dict[tuple[str, str | None], list[tuple[str, str]]] = defaultdict(list)
    nodes, (succ, _) = vars(graph)["_node"], adjacency(graph)
    for u, targets in succ.items():  # in the order of graph.edges
        attrs = nodes[u]
        if attrs.get("label") != "Group":
            continue
        for v, keys in targets.items():
            if "SERVES" in keys:
                found[(v, attrs.get("group_type"))].append((u, attrs.get("name", "")))
    return found
