"""Which nodes a network map shows: one kommun's structure, an area's, or the whole graph;
whose each node is (kommun, region or joint) and which kommuner it belongs to.

>>> from lokgraph.models import Principal, Structure
>>> from lokgraph.graph import build_graph
>>> g = build_graph(Structure(nodes=(Principal(id="kommun:orsa", name="Orsa", kind="kommun"),)))
>>> sorted(kommun_nodes(g, kommun_node(g, "Orsa")))
['kommun:orsa']
>>> kommuner_of(g, ["kommun:orsa"])
{'kommun:orsa': ['Orsa']}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from lokgraph.adjacency import adjacency, node_dicts
from lokgraph.codes import PARTIES
from lokgraph.entities import region_id, unit_id
from lokgraph.errors import InputError, LokgraphError
from lokgraph.reference import find_kommun, find_region, normalise

from .context import RenderContext

__all__ = [
    "JOINT_PARTIES",
    "SHOWN_LABELS",
    "area_kommuner",
    "area_nodes",
    "drawn_gaps",
    "edges_within",
    "find_area",
    "kommun_node",
    "kommun_nodes",
    "kommuner_of",
    "lans_of",
    "owner_kind",
    "owners_of",
]

#: The node labels a map shows (Source and Area nodes are left out).
SHOWN_LABELS: tuple[str, ...] = ("Principal", "Unit", "Group", "Agreement", "Activity")


#: Parties that GLOSSARY.md calls joint (kommun and region together).
JOINT_PARTIES = frozenset({"FAMILJECENTRAL"})


def kommuner_of(
    graph: nx.MultiDiGraph, nodes: Iterable[str], *, context: RenderContext | None = None
) -> dict[str, list[str]]:
    """The kommun names each node belongs to: itself, its owner, whom a group serves, the
    parties of an agreement, the kommuner of the groups a regional unit takes part in.

    With a ``context`` of the graph, each node's kommuner are worked out once for all maps.
    """
    if context is None or context.graph is not graph:
        return _kommuner_of(graph, nodes)
    wanted = set(nodes)
    known = context.homes
    missing = [n for n in wanted if n not in known]
    if missing:
        known.update(_kommuner_of(graph, missing))
    return {n: list(known[n]) for n in wanted}


def area_kommuner(graph: nx.MultiDiGraph, area_id: str) -> set[str]:
    """The ids of the kommuner in an Area node, directly or through areas within it."""
    return RenderContext(graph).area_kommuner(area_id)


def kommun_node(graph: nx.MultiDiGraph, name: str, context: RenderContext | None = None) -> str:
    key = normalise(name)
    if context is not None and context.graph is graph and key in context.kommun_ids:
        return context.kommun_ids[key]
    for n, d in graph.nodes(data=True):
        is_kommun = d.get("label") == "Principal" and d.get("kind") == "kommun"
        if is_kommun and normalise(d.get("name", "")) == key:
            return n
    raise InputError(
        f"the graph holds nothing about the kommun {name!r}",
        fix="Import data about that kommun first, or leave out --kommun",
    )


def find_area(graph: nx.MultiDiGraph, name: str) -> tuple[str, str]:
    key = normalise(name)
    areas = {n: d for n, d in graph.nodes(data=True) if d.get("label") == "Area"}
    for n, d in areas.items():
        if normalise(d.get("name", "")) == key or n == name:
            return n, d.get("name", n)
    try:
        region = find_region(name)
    except LokgraphError:
        region = None
    if region is not None:
        for n, d in areas.items():
            if normalise(d.get("name", "")) == normalise(region.lan):
                return n, d.get("name", n)
    known = ", ".join(sorted(d.get("name", n) for n, d in areas.items())) or "none"
    raise InputError(
        f"the graph holds no area {name!r}", fix=f"Use one of the areas it holds: {known}"
    )


def kommun_nodes(graph: nx.MultiDiGraph, k: str, context: RenderContext | None = None) -> set[str]:
    """A kommun, what is its (units, groups, LÖKs, activities) and what those link to."""
    return area_nodes(graph, {k}, context)


def area_nodes(
    graph: nx.MultiDiGraph, kommun_ids: set[str], context: RenderContext | None = None
) -> set[str]:
    """The kommuner, what is theirs, and what that links to, less what is other kommuners'.

    Another kommun is shown only when it takes part in one of their groups or LÖKs (not when a
    county-wide group serves it too); groups and units of other kommuner are left out.
    """
    nodes, (succ, pred) = node_dicts(graph), adjacency(graph)
    core = set(kommun_ids)
    for k in kommun_ids:
        for u, keys in pred[k].items():
            if "PART_OF" in keys or "SERVES" in keys:
                core.add(u)
        for v, keys in succ[k].items():
            if "RESPONSIBLE_FOR" in keys or ("PARTY_TO" in keys and nodes[v].get("kind") == "LOK"):
                core.add(v)
    candidates: set[str] = set()
    for n in core:
        candidates |= _shown_neighbours(graph, n)
    candidates -= core
    names = {nodes[k].get("name") for k in kommun_ids}
    homes = kommuner_of(graph, candidates, context=context)
    chosen = set(core)
    for m in candidates:
        d = nodes[m]
        if d.get("label") == "Principal" and d.get("kind") == "kommun":
            if any(
                v in core and ("MEMBER_OF" in keys or "PARTY_TO" in keys)
                for v, keys in succ[m].items()
            ):
                chosen.add(m)
            continue
        if homes.get(m) and not set(homes[m]) & names:
            continue
        chosen.add(m)
    for n in list(chosen):
        if nodes[n].get("label") == "Unit":
            chosen.update(owner for owner, keys in succ[n].items() if "PART_OF" in keys)
    return chosen


def drawn_gaps(graph: nx.MultiDiGraph, chosen: set[str], gaps: list) -> list[tuple]:
    """Of the missing_specialist gaps, those a map draws, each with the region's unit id and
    the kommun id.

    Reported absences are ABSENT_FROM edges already; drawn here are the links nobody mentions
    (status not_recorded) for BUP and HAB, from the region's unit to a kommun on the map.
    """
    by_name = {
        graph.nodes[n].get("name"): n
        for n in chosen
        if graph.nodes[n].get("label") == "Principal" and graph.nodes[n].get("kind") == "kommun"
    }
    drawn = []
    for gap in gaps:
        if gap.status != "not_recorded" or gap.party not in ("BUP", "HAB"):
            continue
        k = by_name.get(gap.kommun)
        if k is None:
            continue
        try:
            region = find_region(find_kommun(gap.kommun).lan_kod)
        except LokgraphError:
            continue
        drawn.append((gap, unit_id(region_id(region), gap.party), k))
    return drawn


def edges_within(graph: nx.MultiDiGraph, chosen: set[str]) -> Iterable[tuple[str, str, str]]:
    """(u, v, key) of every edge between two chosen nodes (a subgraph view's edges, faster)."""
    adj = graph.adj
    for u in chosen:
        for v, keys in adj[u].items():
            if v in chosen:
                for key in keys:
                    yield u, v, key


def owners_of(graph: nx.MultiDiGraph, chosen: set[str], kinds: dict[str, str]) -> dict[str, str]:
    """Whose each node is: kommun, region or joint; groups, agreements and activities by the
    owners of their members, parties or responsible units. ``kinds`` remembers
    :func:`owner_kind` per node (for maps of the same graph)."""

    def kind_of(n: str) -> str:
        kind = kinds.get(n)
        if kind is None:
            kind = kinds[n] = owner_kind(graph, n)
        return kind

    owners: dict[str, str] = {}
    links = {"Group": "MEMBER_OF", "Agreement": "PARTY_TO", "Activity": "RESPONSIBLE_FOR"}
    nodes, (_, pred) = node_dicts(graph), adjacency(graph)
    for n in chosen:
        label = nodes[n].get("label", "")
        if label in ("Principal", "Unit"):
            owners[n] = kind_of(n)
            continue
        link = links.get(label)
        found = {kind_of(member) for member, keys in pred[n].items() if link in keys}
        found.discard("none")
        if "joint" in found or {"kommun", "region"} <= found:
            owners[n] = "joint"
        elif found:
            owners[n] = found.pop()
        else:
            owners[n] = "none"
    return owners


def owner_kind(graph: nx.MultiDiGraph, node: str) -> str:
    """kommun, region or none: the kind of a principal or of a unit's owner."""
    nodes = node_dicts(graph)
    d = nodes[node]
    if d.get("label") == "Principal":
        return d.get("kind", "none")
    if d.get("label") == "Unit":
        if d.get("party") in JOINT_PARTIES:
            return "joint"
        for owner, keys in adjacency(graph)[0][node].items():
            if "PART_OF" in keys:
                return nodes[owner].get("kind", "none")
        party = PARTIES.get(d.get("party", ""))
        return party.huvudman if party else "none"
    return "none"


def lans_of(
    graph: nx.MultiDiGraph, node_ids: Iterable[str], edges: list[dict], by_kommun: dict[str, str]
) -> dict[str, str | None]:
    """The län code of each node on a map, for clustering: its own, its owner's or its
    kommuner's; a node with none of those goes with what it links to on the map.
    ``by_kommun`` is the län code of each principal that has one."""
    lans: dict[str, str | None] = {}
    for n in node_ids:
        if n in by_kommun or n not in graph:
            lans[n] = by_kommun.get(n)
            continue
        codes = []
        for _, target, key in graph.out_edges(n, keys=True):
            if key in ("PART_OF", "SERVES") and target in by_kommun:
                codes.append(by_kommun[target])
        for source, _, key in graph.in_edges(n, keys=True):
            if key in ("PARTY_TO", "RESPONSIBLE_FOR", "MEMBER_OF") and source in by_kommun:
                codes.append(by_kommun[source])
        lans[n] = max(sorted(set(codes)), key=codes.count) if codes else None
    near: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        near[e["from"]].append(e["to"])
        near[e["to"]].append(e["from"])
    changed = True
    while changed:
        changed = False
        for n in sorted(lans):
            if lans[n] is None:
                codes = [code for m in near[n] if (code := lans.get(m))]
                if codes:
                    lans[n] = max(sorted(set(codes)), key=codes.count)
                    changed = True
    return lans


def _kommuner_of(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> dict[str, list[str]]:
    result: dict[str, set[str]] = defaultdict(set)
    g = graph
    attrs, (succ, pred) = node_dicts(graph), adjacency(graph)
    wanted = set(nodes)

    def add_kommun(n: str, other: str) -> None:
        name = _kommun_name(attrs[other])
        if name:
            result[n].add(name)

    def linked(ends: dict[str, dict], key: str) -> list[str]:
        return [end for end, keys in ends.items() if key in keys]

    for n in wanted:
        label = attrs[n].get("label")
        if label == "Principal":
            add_kommun(n, n)
        elif label == "Unit":
            for owner in linked(succ[n], "PART_OF"):
                add_kommun(n, owner)
        elif label == "Group":
            for target in linked(succ[n], "SERVES"):
                add_kommun(n, target)
        elif label == "Agreement":
            for party in linked(pred[n], "PARTY_TO"):
                add_kommun(n, party)
    # regional units and activities: the kommuner of what they link to
    for n in wanted:
        label = attrs[n].get("label")
        if label == "Unit" and not result[n]:
            for target, keys in succ[n].items():
                if "MEMBER_OF" in keys or "ABSENT_FROM" in keys or "PARTY_TO" in keys:
                    result[n].update(_group_kommuner(g, target))
        elif label == "Activity":
            for who in linked(pred[n], "RESPONSIBLE_FOR"):
                result[n].update(_group_kommuner(g, who) | _own_kommun(g, who))
            for grp in linked(succ[n], "FOLLOWED_UP_BY"):
                result[n].update(_group_kommuner(g, grp))
    return {n: sorted(result.get(n, ())) for n in wanted}


def _shown_neighbours(graph: nx.MultiDiGraph, node: str) -> set[str]:
    succ, pred = adjacency(graph)
    nodes = node_dicts(graph)
    found = succ[node].keys() | pred[node].keys()
    return {n for n in found if nodes[n].get("label") in SHOWN_LABELS}


def _kommun_name(attrs: dict) -> str | None:
    """The name of a kommun's principal node; None for any other node."""
    if attrs.get("label") == "Principal" and attrs.get("kind") == "kommun":
        return attrs.get("name")
    return None


def _group_kommuner(graph: nx.MultiDiGraph, node: str) -> set[str]:
    names = set()
    nodes, (succ, pred) = node_dicts(graph), adjacency(graph)
    d = nodes[node]
    for target, keys in succ[node].items():
        name = _kommun_name(nodes[target])
        if name and ("SERVES" in keys or ("PARTY_TO" in keys and d.get("label") != "Unit")):
            names.add(name)
    if d.get("label") == "Agreement":
        for party, keys in pred[node].items():
            name = _kommun_name(nodes[party])
            if "PARTY_TO" in keys and name:
                names.add(name)
    return names


def _own_kommun(graph: nx.MultiDiGraph, node: str) -> set[str]:
    own = _kommun_name(graph.nodes[node])
    if own:
        return {own}
    names = set()
    for _, owner, key in graph.out_edges(node, keys=True):
        name = _kommun_name(graph.nodes[owner])
        if key == "PART_OF" and name:
            names.add(name)
    return names
