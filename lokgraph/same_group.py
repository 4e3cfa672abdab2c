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
>>> renames = group_renames(g, group("group:leksand:arbetsgrupp", "Arbetsgrupp, Leksand"))
>>> renames["group:leksand:arbetsgrupp"]
('group:leksand:arbetsgrupp:bou', 'Arbetsgrupp barn och unga, Leksand')
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import networkx as nx

from .adjacency import adjacency
from .models import Group, Structure
from .reference import normalise

__all__ = ["group_renames", "names_match"]

_WORD = re.compile(r"[\wåäöÅÄÖ]+")


def group_renames(graph: nx.MultiDiGraph, structure: Structure) -> dict[str, tuple[str, str]]:
    """Each group id of ``structure`` that the graph holds under the other kind of id (see the
    module docstring) → (that id, the name the one node takes); empty when there is none.

    The merge puts every record of such a group, and every relationship to or from it, on the
    held id (:func:`lokgraph.graph.merge`): the records themselves are not copied."""
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
        return {}
    held = _groups_by_place(graph, {serves[n.id] for n in wanted.values()})
    renames: dict[str, tuple[str, str]] = {}
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
            # the fuller name wins: "Arbetsgrupp barn och unga, Leksand" over "Arbetsgrupp, …"
            fuller = len(_words(node.name, owner)) > len(_words(name, owner))
            renames[node.id] = (gid, node.name if fuller else name)
    return renames


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
    graph: nx.MultiDiGraph, kommuner: set[str]
) -> dict[tuple[str, str | None], list[tuple[str, str]]]:
    """(kommun, group type) → the (id, name) of each group that serves it, for `kommuner`
    (read from each kommun's own edges, not from a pass over the whole graph)."""
    found: dict[tuple[str, str | None], list[tuple[str, str]]] = defaultdict(list)
    nodes, (_, pred) = vars(graph)["_node"], adjacency(graph)
    for kommun in kommuner:
        for u, keys in pred.get(kommun, {}).items():
            attrs = nodes[u]
            if "SERVES" in keys and attrs.get("label") == "Group":
                found[(kommun, attrs.get("group_type"))].append((u, attrs.get("name", "")))
    return found
