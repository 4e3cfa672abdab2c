"""Interactive network maps of a collaboration graph: one self-contained, offline HTML page.

A map shows principals (kommuner, regions), units, groups, agreements and activities; Sources,
Areas and STATED_IN edges are left out (their quotes are in the tooltips). Shape says what a node
is, colour whose it is (kommun, region or both), size how connected it is. Absences and missing
specialist links are red dashed edges. For one kommun the groups are laid out in rows by level
(politisk → strategisk → operativ → individ); for a map that spans several län, each län starts
as one cluster that opens on click.

>>> from lokgraph.models import Principal, Structure
>>> from lokgraph.graph import build_graph
>>> g = build_graph(Structure(nodes=(Principal(id="kommun:orsa", name="Orsa", kind="kommun"),)))
>>> html = map_html(g)
>>> "Orsa" in html and "<html" in html
True
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from lokgraph.codes import LEVELS, PARTIES
from lokgraph.entities import region_id, unit_id
from lokgraph.errors import InputError, LokgraphError
from lokgraph.reference import find_kommun, find_region, normalise

from .context import RenderContext, missing_specialist_gaps
from .names import redact_names
from .page import build_legend, json_for_script, render_network_page

__all__ = [
    "CLUSTER_MIN_NODES",
    "COLOURS",
    "LEVEL_NAMES",
    "REASON_NAMES",
    "RELATIONSHIP_NAMES",
    "SHOWN_LABELS",
    "MapData",
    "RenderContext",
    "area_kommuner",
    "evidence_text",
    "kommuner_of",
    "map_data",
    "map_html",
    "missing_specialist_gaps",
    "shown",
    "source_title",
]

#: The node labels a map shows (Source and Area nodes are left out).
SHOWN_LABELS: tuple[str, ...] = ("Principal", "Unit", "Group", "Agreement", "Activity")
#: Above this many nodes, a map that spans more than one län starts clustered per län.
CLUSTER_MIN_NODES = 120
_SPREAD = {"gravitationalConstant": -120, "springLength": 150, "avoidOverlap": 0.6}
#: At most this many nodes side by side in a row of the layered (one kommun) layout.
ROW_WIDTH = 8
#: Area maps: the distance between neighbours on a ring of the layout, the extra distance
#: of every other group on a crowded ring, and the room kept around each kommun's flower.
FLOWER_SPACING = 115.0
FLOWER_STAGGER = 40.0
FLOWER_MARGIN = 30.0
#: A kommun with this many nodes or fewer (besides itself) has them all on one ring.
FLOWER_ONE_RING = 6

SHAPES = {
    "Principal": "box",
    "Unit": "dot",
    "Group": "diamond",
    "Agreement": "triangle",
    "Activity": "square",
}
LABEL_NAMES = {
    "Principal": "Huvudman",
    "Unit": "Verksamhet",
    "Group": "Grupp",
    "Agreement": "Överenskommelse",
    "Activity": "Aktivitet",
}
#: Fill and border colour per huvudman: kommun, region, both (joint), and unknown.
COLOURS = {
    "kommun": ("#8db8e8", "#2b6cb0"),
    "region": ("#f5b46a", "#b8600f"),
    "joint": ("#b9a3dc", "#5e4391"),
    "none": ("#c5c9cf", "#6b7079"),
}
OWNER_NAMES = {
    "kommun": "kommunens",
    "region": "regionens",
    "joint": "gemensam (kommun och region)",
    "none": "okänd huvudman",
}
RED = "#d62728"
PALE_RED = "#e77f80"
#: Parties that GLOSSARY.md calls joint (kommun and region together).
JOINT_PARTIES = frozenset({"FAMILJECENTRAL"})

RELATIONSHIP_NAMES = {
    "IN_AREA": "ligger i",
    "PART_OF": "hör till",
    "SERVES": "grupp för",
    "MEMBER_OF": "medverkar i",
    "ABSENT_FROM": "saknas i",
    "REPORTS_TO": "rapporterar till",
    "PARTY_TO": "part i",
    "IMPLEMENTS": "genomför",
    "RESPONSIBLE_FOR": "ansvarar för",
    "FOLLOWED_UP_BY": "följs upp av",
    "STATED_IN": "står i",
}
REASON_NAMES = {
    "not_participating": "deltar inte",
    "not_asked": "har inte tillfrågats",
    "hard_to_engage": "svår att få med",
    "needed": "behövs men saknas",
    "missing": "saknas",
}
LEVEL_NAMES = {level: level for level in LEVELS}
STATUS_NAMES = {
    "in_force": "gällande",
    "in_progress": "under framtagande",
    "under_revision": "under revidering",
    "none": "saknas",
    "unknown": "okänd",
}
AGREEMENT_KINDS = {"ROK": "RÖK", "LOK": "LÖK"}
CARE_LEVEL_NAMES = {"bas": "bas", "forsta_linjen": "första linjen", "specialist": "specialist"}
MAX_QUOTES = 3

_EDGE_STYLE = {
    "MEMBER_OF": {"color": "#7d8796", "width": 1.5},
    "REPORTS_TO": {"color": "#3b4a5f", "width": 2.5},
    "PARTY_TO": {"color": "#b7bec9", "width": 1},
    "PART_OF": {"color": "#c9ced6", "width": 1},
    "SERVES": {"color": "#9aa4b2", "width": 1},
    "IMPLEMENTS": {"color": "#9aa4b2", "width": 1.5},
    "RESPONSIBLE_FOR": {"color": "#7d8796", "width": 1.5},
    "FOLLOWED_UP_BY": {"color": "#7d8796", "width": 1.5},
}

# Rough centres of the län (longitude, latitude), for the start layout of a national map.
_LAN_CENTRES = {
    "01": (18.1, 59.4),
    "03": (17.6, 60.1),
    "04": (16.6, 59.0),
    "05": (15.6, 58.4),
    "06": (14.2, 57.6),
    "07": (14.6, 56.8),
    "08": (16.2, 57.2),
    "09": (18.6, 57.5),
    "10": (15.2, 56.2),
    "12": (13.5, 55.8),
    "13": (12.8, 56.8),
    "14": (12.6, 58.2),
    "17": (13.2, 59.8),
    "18": (15.0, 59.3),
    "19": (16.3, 59.7),
    "20": (14.6, 60.8),
    "21": (16.5, 61.5),
    "22": (17.5, 63.0),
    "23": (14.5, 63.2),
    "24": (18.0, 64.8),
    "25": (20.5, 66.8),
}


@dataclass
class MapData:
    """What a map page is made of: the node and edge dicts of the page template, the legend,
    the vis-network options and the per-län clusters (empty when the map is not clustered)."""

    title: str
    nodes: list[dict]
    edges: list[dict]
    options: dict
    legend: list[dict]
    clusters: list[dict] = field(default_factory=list)


def map_html(
    graph: nx.MultiDiGraph,
    *,
    kommun: str | None = None,
    area: str | None = None,
    kommuner: Iterable[str] | None = None,
    with_names: bool = False,
    title: str | None = None,
    cluster: bool | None = None,
    controls: bool = True,
    context: RenderContext | None = None,
) -> str:
    """The map of a graph as one HTML page (UTF-8 text, every asset inline).

    ``kommun`` limits the map to one kommun's structure and the regional units it links to;
    ``area`` to a län or delregion (by name, e.g. "Dalarnas län" or "Södra området");
    ``kommuner`` to these kommuner (names or ids) and what links to them.
    Personal names in the data are replaced by "[namn]" unless ``with_names``. ``cluster``
    forces per-län clustering on or off (by default: on when the map spans several län and has
    more than :data:`CLUSTER_MIN_NODES` nodes). ``controls=False`` leaves out search and filters.
    ``context`` shares what several maps of the same, unchanged graph need (see
    :class:`~visualizations.context.RenderContext`); without it the map works it out itself.
    """
    data = map_data(
        graph,
        kommun=kommun,
        area=area,
        kommuner=kommuner,
        with_names=with_names,
        title=title,
        cluster=cluster,
        context=context,
    )
    page = render_network_page(
        data.title,
        data.nodes,
        data.edges,
        data.options,
        legend_html=build_legend(data.legend),
        controls=controls,
    )
    if data.clusters:
        page = _add_clusters(page, data.clusters)
    return page


def map_data(
    graph: nx.MultiDiGraph,
    *,
    kommun: str | None = None,
    area: str | None = None,
    kommuner: Iterable[str] | None = None,
    with_names: bool = False,
    title: str | None = None,
    cluster: bool | None = None,
    context: RenderContext | None = None,
) -> MapData:
    """The nodes, edges, options and legend of a map, before they become a page."""
    if context is None or context.graph is not graph:
        context = RenderContext(graph)
    if kommun is not None:
        k = find_kommun(kommun)
        chosen = _kommun_nodes(graph, _kommun_node(graph, k.name), context)
        default_title = f"Samverkansstruktur i {k.name}"
    elif area is not None:
        area_id, area_name = _find_area(graph, area)
        chosen = _area_nodes(graph, context.area_kommuner(area_id), context)
        default_title = f"Samverkansstruktur i {shown(area_name, with_names)}"
    elif kommuner is not None:
        ids = {k if k in graph else _kommun_node(graph, k) for k in kommuner}
        chosen = _area_nodes(graph, ids, context)
        default_title = "Samverkansstruktur"
    else:
        chosen = {n for n, d in graph.nodes(data=True) if d.get("label") in SHOWN_LABELS}
        default_title = "Samverkansstruktur för barn och unga"
    title = title or default_title
    gaps = _drawn_gaps(graph, chosen, context.specialist_gaps or [])
    if kommun is not None:
        gaps = [gap for gap in gaps if graph.nodes[gap[2]].get("name") == find_kommun(kommun).name]
    for _gap, unit, _k in gaps:
        if unit in graph and unit not in chosen:
            chosen.add(unit)
            chosen |= {o for _, o, key in graph.out_edges(unit, keys=True) if key == "PART_OF"}
    homes = kommuner_of(graph, chosen, context=context)
    owners = _owners(graph, chosen, context.owner_kinds)
    nodes: dict[str, dict] = {}
    for node in sorted(chosen):
        nodes[node] = _node_dict(graph, node, homes, owners, with_names)
    edges = [
        _edge_dict(graph, u, v, key, with_names)
        for u, v, key in sorted(_edges_within(graph, chosen))
        if key in _EDGE_STYLE or key == "ABSENT_FROM"
    ]
    gap_nodes, gap_edges = _gap_links(gaps, nodes, with_names)
    nodes.update(gap_nodes)
    edges += gap_edges
    _size_by_degree(nodes, edges)
    node_list = list(nodes.values())
    options: dict = {}
    clusters: list[dict] = []
    layered = kommun is not None and len(node_list) > 1
    # the län of each node, only for a map that may be clustered
    wanted = not layered and (cluster or cluster is None)
    lans = _lans(graph, nodes, edges, context.lan_codes) if wanted else {}
    if layered:
        _layered_layout(graph, node_list, edges)
        options = {"physics": {"enabled": False}, "edges": {"smooth": {"type": "cubicBezier"}}}
    elif cluster or (
        cluster is None
        and len({v for v in lans.values() if v}) > 1
        and len(node_list) > CLUSTER_MIN_NODES
    ):
        clusters = _clusters(graph, lans, node_list)
        options = {
            "physics": {"stabilization": {"iterations": 400}, "forceAtlas2Based": _SPREAD},
            "layout": {"improvedLayout": False},
        }
    if not options:
        # An area map is laid out here, one flower per kommun around the shared units, so the
        # browser only draws it: no physics to run, straight edges that are quick to redraw.
        _area_layout(graph, node_list, edges)
        options = {"physics": {"enabled": False}, "edges": {"smooth": False}}
    options.setdefault("nodes", {})["widthConstraint"] = {"maximum": 170}
    options.setdefault("layout", {})["randomSeed"] = 7  # the same graph, the same picture
    labels = {graph.nodes[n]["label"] for n in chosen} | ({"Unit"} if gap_nodes else set())
    return MapData(title, node_list, edges, options, _legend(labels, edges), clusters)


def shown(text: str | None, with_names: bool) -> str:
    """Text from the data as it may be shown: names redacted unless ``with_names``."""
    if not text:
        return ""
    return text if with_names else redact_names(text)


def source_title(graph: nx.MultiDiGraph, source: str) -> str:
    """The title of a Source node, or its id when the graph does not hold it."""
    attrs = graph.nodes.get(source) if source in graph else None
    return str(attrs.get("name") or source) if attrs else source


def evidence_text(
    graph: nx.MultiDiGraph, evidence: Iterable[dict], with_names: bool, limit: int = MAX_QUOTES
) -> list[str]:
    """Each quote with where it comes from, one plain-text line each (names redacted).

    >>> g = nx.MultiDiGraph()
    >>> evidence_text(g, [{"source": "s1", "quote": "Vi har med rektor Åsa Timonen.",
    ...                    "respondent": "Orsa", "question": "2"}], False)
    ['”Vi har med rektor [namn].” (s1, fråga 2, svar från Orsa)']
    """
    lines = []
    items = list(evidence)
    for e in items[:limit]:
        where = [source_title(graph, e.get("source", ""))]
        if e.get("question"):
            where.append(f"fråga {e['question']}")
        if e.get("page"):
            where.append(f"sida {e['page']}")
        if e.get("respondent"):
            where.append(f"svar från {e['respondent']}")
        where_text = shown(", ".join(w for w in where if w), with_names)
        quote = shown(e.get("quote", ""), with_names)
        lines.append(f"”{quote}” ({where_text})" if quote else f"({where_text})")
    if len(items) > limit:
        lines.append(f"… och {len(items) - limit} citat till")
    return lines


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


def _kommuner_of(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> dict[str, list[str]]:
    result: dict[str, set[str]] = defaultdict(set)
    g = graph
    wanted = set(nodes)

    def kommun_name(n: str) -> str | None:
        d = g.nodes[n]
        if d.get("label") == "Principal" and d.get("kind") == "kommun":
            return d.get("name")
        return None

    for n in wanted:
        d = g.nodes[n]
        label = d.get("label")
        if label == "Principal":
            name = kommun_name(n)
            if name:
                result[n].add(name)
        elif label == "Unit":
            for _, owner, key in g.out_edges(n, keys=True):
                if key == "PART_OF" and kommun_name(owner):
                    result[n].add(kommun_name(owner))
        elif label == "Group":
            for _, target, key in g.out_edges(n, keys=True):
                if key == "SERVES" and kommun_name(target):
                    result[n].add(kommun_name(target))
        elif label == "Agreement":
            for party, _, key in g.in_edges(n, keys=True):
                if key == "PARTY_TO" and kommun_name(party):
                    result[n].add(kommun_name(party))
    # regional units and activities: the kommuner of what they link to
    for n in wanted:
        d = g.nodes[n]
        if d.get("label") == "Unit" and not result[n]:
            for _, target, key in g.out_edges(n, keys=True):
                if key in ("MEMBER_OF", "ABSENT_FROM", "PARTY_TO"):
                    result[n].update(_group_kommuner(g, target))
        elif d.get("label") == "Activity":
            for who, _, key in g.in_edges(n, keys=True):
                if key == "RESPONSIBLE_FOR":
                    result[n].update(_group_kommuner(g, who) | _own_kommun(g, who))
            for _, grp, key in g.out_edges(n, keys=True):
                if key == "FOLLOWED_UP_BY":
                    result[n].update(_group_kommuner(g, grp))
    return {n: sorted(result.get(n, ())) for n in wanted}


def area_kommuner(graph: nx.MultiDiGraph, area_id: str) -> set[str]:
    """The ids of the kommuner in an Area node, directly or through areas within it."""
    return RenderContext(graph).area_kommuner(area_id)


# ---- private helpers -------------------------------------------------------------------------


def _kommun_node(graph: nx.MultiDiGraph, name: str) -> str:
    key = normalise(name)
    for n, d in graph.nodes(data=True):
        is_kommun = d.get("label") == "Principal" and d.get("kind") == "kommun"
        if is_kommun and normalise(d.get("name", "")) == key:
            return n
    raise InputError(
        f"the graph holds nothing about the kommun {name!r}",
        fix="Import data about that kommun first, or leave out --kommun",
    )


def _find_area(graph: nx.MultiDiGraph, name: str) -> tuple[str, str]:
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


def _shown_neighbours(graph: nx.MultiDiGraph, node: str) -> set[str]:
    found = set(graph.successors(node)) | set(graph.predecessors(node))
    return {n for n in found if graph.nodes[n].get("label") in SHOWN_LABELS}


def _kommun_nodes(graph: nx.MultiDiGraph, k: str, context: RenderContext | None = None) -> set[str]:
    """A kommun, what is its (units, groups, LÖKs, activities) and what those link to."""
    return _area_nodes(graph, {k}, context)


def _area_nodes(
    graph: nx.MultiDiGraph, kommun_ids: set[str], context: RenderContext | None = None
) -> set[str]:
    """The kommuner, what is theirs, and what that links to, less what is other kommuners'.

    Another kommun is shown only when it takes part in one of their groups or LÖKs (not when a
    county-wide group serves it too); groups and units of other kommuner are left out.
    """
    core = set(kommun_ids)
    for k in kommun_ids:
        for u, _, key in graph.in_edges(k, keys=True):
            if key in ("PART_OF", "SERVES"):
                core.add(u)
        for _, v, key in graph.out_edges(k, keys=True):
            if key == "RESPONSIBLE_FOR" or (
                key == "PARTY_TO" and graph.nodes[v].get("kind") == "LOK"
            ):
                core.add(v)
    candidates: set[str] = set()
    for n in core:
        candidates |= _shown_neighbours(graph, n)
    candidates -= core
    names = {graph.nodes[k].get("name") for k in kommun_ids}
    homes = kommuner_of(graph, candidates, context=context)
    chosen = set(core)
    for m in candidates:
        d = graph.nodes[m]
        if d.get("label") == "Principal" and d.get("kind") == "kommun":
            if any(
                key in ("MEMBER_OF", "PARTY_TO") and v in core
                for _, v, key in graph.out_edges(m, keys=True)
            ):
                chosen.add(m)
            continue
        if homes.get(m) and not set(homes[m]) & names:
            continue
        chosen.add(m)
    for n in list(chosen):
        if graph.nodes[n].get("label") == "Unit":
            for _, owner, key in graph.out_edges(n, keys=True):
                if key == "PART_OF":
                    chosen.add(owner)
    return chosen


def _group_kommuner(graph: nx.MultiDiGraph, node: str) -> set[str]:
    names = set()
    d = graph.nodes[node]
    for _, target, key in graph.out_edges(node, keys=True):
        t = graph.nodes[target]
        is_kommun = t.get("label") == "Principal" and t.get("kind") == "kommun"
        if is_kommun and (key == "SERVES" or (key == "PARTY_TO" and d.get("label") != "Unit")):
            names.add(t.get("name"))
    if d.get("label") == "Agreement":
        for party, _, key in graph.in_edges(node, keys=True):
            p = graph.nodes[party]
            if key == "PARTY_TO" and p.get("label") == "Principal" and p.get("kind") == "kommun":
                names.add(p.get("name"))
    return names


def _own_kommun(graph: nx.MultiDiGraph, node: str) -> set[str]:
    d = graph.nodes[node]
    if d.get("label") == "Principal" and d.get("kind") == "kommun":
        return {d.get("name")}
    names = set()
    for _, owner, key in graph.out_edges(node, keys=True):
        o = graph.nodes[owner]
        if key == "PART_OF" and o.get("kind") == "kommun":
            names.add(o.get("name"))
    return names


def _owner_kind(graph: nx.MultiDiGraph, node: str) -> str:
    """kommun, region or none: the kind of a principal or of a unit's owner."""
    d = graph.nodes[node]
    if d.get("label") == "Principal":
        return d.get("kind", "none")
    if d.get("label") == "Unit":
        if d.get("party") in JOINT_PARTIES:
            return "joint"
        for _, owner, key in graph.out_edges(node, keys=True):
            if key == "PART_OF":
                return graph.nodes[owner].get("kind", "none")
        party = PARTIES.get(d.get("party", ""))
        return party.huvudman if party else "none"
    return "none"


def _owners(graph: nx.MultiDiGraph, chosen: set[str], kinds: dict[str, str]) -> dict[str, str]:
    """Whose each node is: kommun, region or joint; groups, agreements and activities by the
    owners of their members, parties or responsible units. ``kinds`` remembers
    :func:`_owner_kind` per node (for maps of the same graph)."""

    def owner_kind(n: str) -> str:
        kind = kinds.get(n)
        if kind is None:
            kind = kinds[n] = _owner_kind(graph, n)
        return kind

    owners: dict[str, str] = {}
    links = {"Group": ("MEMBER_OF",), "Agreement": ("PARTY_TO",), "Activity": ("RESPONSIBLE_FOR",)}
    for n in chosen:
        label = graph.nodes[n].get("label")
        if label in ("Principal", "Unit"):
            owners[n] = owner_kind(n)
            continue
        found = set()
        for member, _, key in graph.in_edges(n, keys=True):
            if key in links.get(label, ()):
                found.add(owner_kind(member))
        found.discard("none")
        if "joint" in found or {"kommun", "region"} <= found:
            owners[n] = "joint"
        elif found:
            owners[n] = found.pop()
        else:
            owners[n] = "none"
    return owners


def _colour(owner: str) -> dict:
    fill, border = COLOURS[owner]
    return {
        "background": fill,
        "border": border,
        "highlight": {"background": fill, "border": "#111111"},
        "hover": {"background": fill, "border": "#111111"},
    }


def _node_dict(
    graph: nx.MultiDiGraph,
    node: str,
    homes: dict[str, list[str]],
    owners: dict[str, str],
    with_names: bool,
) -> dict:
    d = graph.nodes[node]
    label = d.get("label")
    name = shown(d.get("name") or node, with_names)
    # no vis "group": vis-network gives each group a palette colour that wins over the node's
    # own colour once clustering refreshes the nodes
    item: dict = {
        "id": node,
        "label": name,
        "shape": SHAPES[label],
        "color": _colour(owners.get(node, "none")),
        "kommun": homes.get(node) or None,
        "tooltip": _node_tooltip(graph, node, name, homes.get(node, []), owners, with_names),
    }
    if label == "Unit" and d.get("party") in PARTIES:
        item["party"] = PARTIES[d["party"]].name
    elif label == "Group":
        item["level"] = d.get("level") or "okänd nivå"
        parties = sorted(
            {
                PARTIES[graph.nodes[u].get("party")].name
                for u, _, key in graph.in_edges(node, keys=True)
                if key == "MEMBER_OF" and graph.nodes[u].get("party") in PARTIES
            }
        )
        item["party"] = parties or None
    return item


def _node_tooltip(
    graph: nx.MultiDiGraph,
    node: str,
    name: str,
    homes: list[str],
    owners: dict[str, str],
    with_names: bool,
) -> str:
    d = graph.nodes[node]
    label = d.get("label")
    lines = [f"{LABEL_NAMES[label]}: {name}"]
    if label == "Principal":
        lines.append("Kommun" if d.get("kind") == "kommun" else "Region")
    elif label == "Unit":
        party = PARTIES.get(d.get("party", ""))
        facts = [f"Part: {party.name} ({party.code})"] if party else []
        if d.get("care_level"):
            facts.append(f"nivå: {CARE_LEVEL_NAMES.get(d['care_level'], d['care_level'])}")
        lines.append(", ".join(facts))
    elif label == "Group":
        kind = str(d.get("group_type", "")).replace("_", " ")
        lines.append(f"Typ: {kind}, nivå: {d.get('level') or 'okänd'}")
    elif label == "Agreement":
        kind = AGREEMENT_KINDS.get(d.get("kind", ""), d.get("kind", ""))
        status = STATUS_NAMES.get(d.get("status") or "", "ingen uppgift")
        lines.append(f"{kind}, status: {status}")
        if d.get("valid_from") or d.get("valid_to"):
            lines.append(f"Giltig: {d.get('valid_from', '')} – {d.get('valid_to', '')}")
    elif label == "Activity":
        if d.get("focus_area"):
            lines.append(f"Fokusområde: {shown(d['focus_area'], with_names)}")
        if d.get("timeline"):
            lines.append(f"Tidsplan: {shown(d['timeline'], with_names)}")
    lines.append(f"Huvudman: {OWNER_NAMES[owners.get(node, 'none')]}")
    if homes and label != "Principal":
        lines.append("Kommun: " + ", ".join(homes[:8]) + (" …" if len(homes) > 8 else ""))
    quotes = evidence_text(graph, d.get("evidence", ()), with_names)
    if quotes:
        lines.append("")
        lines.extend(quotes)
    return "\n".join(line for line in lines if line is not None)


def _edge_dict(graph: nx.MultiDiGraph, u: str, v: str, key: str, with_names: bool) -> dict:
    d = graph.edges[u, v, key]
    start = shown(graph.nodes[u].get("name", u), with_names)
    end = shown(graph.nodes[v].get("name", v), with_names)
    item: dict = {"from": u, "to": v}
    if key == "ABSENT_FROM":
        reason = REASON_NAMES.get(d.get("reason") or "missing", d.get("reason") or "saknas")
        item.update(color=RED, dashes=True, width=2.5, label="saknas")
        head = f"Saknas: {start} i {end} ({reason})"
    else:
        item.update(_EDGE_STYLE[key])
        head = f"{start} {RELATIONSHIP_NAMES[key]} {end}"
        if d.get("partial"):
            item.update(dashes=[2, 5], label="delvis")
            head += " (delvis)"
    lines = [head, *evidence_text(graph, d.get("evidence", ()), with_names)]
    item["tooltip"] = "\n".join(lines)
    return item


def _edges_within(graph: nx.MultiDiGraph, chosen: set[str]) -> Iterable[tuple[str, str, str]]:
    """(u, v, key) of every edge between two chosen nodes (a subgraph view's edges, faster)."""
    adj = graph.adj
    for u in chosen:
        for v, keys in adj[u].items():
            if v in chosen:
                for key in keys:
                    yield u, v, key


def _drawn_gaps(graph: nx.MultiDiGraph, chosen: set[str], gaps: list) -> list[tuple]:
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


def _gap_links(
    gaps: list[tuple], nodes: dict[str, dict], with_names: bool
) -> tuple[dict[str, dict], list[dict]]:
    """Pale red dashed edges for the drawn gaps; a unit the graph does not hold is added as a
    node of its own, marked as not found in the data."""
    new_nodes: dict[str, dict] = {}
    edges: list[dict] = []
    for gap, unit, k in gaps:
        party = PARTIES[gap.party]
        region = find_region(find_kommun(gap.kommun).lan_kod)
        if unit not in nodes and unit not in new_nodes:
            new_nodes[unit] = {
                "id": unit,
                "label": f"{party.name} ({region.name})",
                "shape": "dot",
                "color": _colour("region"),
                "party": party.name,
                "kommun": [],
                "tooltip": (
                    f"Verksamhet: {party.name} ({region.name})\n"
                    "Finns inte i underlaget: ingen grupp eller överenskommelse nämner den."
                ),
            }
        target = new_nodes.get(unit) or nodes[unit]
        if gap.kommun not in (target.get("kommun") or []):
            target["kommun"] = [*(target.get("kommun") or []), gap.kommun]
        edges.append(
            {
                "from": unit,
                "to": k,
                "color": PALE_RED,
                "dashes": [8, 6],
                "width": 2,
                "label": "ingen länk",
                "tooltip": shown(gap.detail, with_names),
            }
        )
    return new_nodes, edges


def _size_by_degree(nodes: dict[str, dict], edges: list[dict]) -> None:
    degree: dict[str, int] = defaultdict(int)
    for e in edges:
        degree[e["from"]] += 1
        degree[e["to"]] += 1
    for node_id, item in nodes.items():
        item["size"] = round(min(12 + 5 * math.sqrt(degree[node_id]), 42), 1)


def _lans(
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
                codes = [lans[m] for m in near[n] if lans.get(m)]
                if codes:
                    lans[n] = max(sorted(set(codes)), key=codes.count)
                    changed = True
    return lans


def _clusters(
    graph: nx.MultiDiGraph, lans: dict[str, str | None], node_list: list[dict]
) -> list[dict]:
    members: dict[str, list[str]] = defaultdict(list)
    for item in node_list:
        code = lans.get(item["id"])
        if code:
            members[code].append(item["id"])
    regions = {r.lan_kod: r for r in _regions()}
    clusters = []
    for code in sorted(members):
        lan = regions[code].lan if code in regions else f"Län {code}"
        n_kommuner = sum(
            1
            for m in members[code]
            if graph.nodes.get(m, {}).get("label") == "Principal"
            and graph.nodes[m].get("kind") == "kommun"
        )
        clusters.append(
            {
                "id": f"cluster:lan:{code}",
                "label": f"{lan}\n{n_kommuner} kommuner\n(klicka för att öppna)",
                "tooltip": f"{lan}: {n_kommuner} kommuner, {len(members[code])} noder.\n"
                "Klicka för att öppna.",
                "members": members[code],
                "size": round(min(20 + 3 * math.sqrt(len(members[code])), 60), 1),
            }
        )
    # start each län's nodes around a rough centre of the län
    centre = {code: _lan_xy(code) for code in members}
    by_id = {item["id"]: item for item in node_list}
    for code, ids in members.items():
        cx, cy = centre[code]
        for i, node_id in enumerate(sorted(ids)):
            angle = 2 * math.pi * i / max(len(ids), 1)
            radius = 40 + 6 * math.sqrt(len(ids))
            by_id[node_id]["x"] = round(cx + radius * math.cos(angle), 1)
            by_id[node_id]["y"] = round(cy + radius * math.sin(angle), 1)
    return clusters


def _regions():
    from lokgraph.reference import regioner

    return regioner()


def _lan_xy(code: str) -> tuple[float, float]:
    lon, lat = _LAN_CENTRES.get(code, (15.0, 62.0))
    return (lon - 15.0) * 260, -(lat - 62.0) * 330


def _layered_layout(graph: nx.MultiDiGraph, node_list: list[dict], edges: list[dict]) -> None:
    """Fixed start positions in rows: groups by level, then units, principals, agreements.

    Rows are ordered by a few barycentre sweeps so that edges cross less.
    """
    rows: dict[float, list[str]] = defaultdict(list)
    level_row = {level: i for i, level in enumerate(LEVELS)}
    for item in node_list:
        n = item["id"]
        d = graph.nodes[n] if n in graph else {"label": "Unit"}
        label = d.get("label")
        if label == "Group":
            row = level_row.get(d.get("level") or "", 2.5)
        elif label == "Activity":
            row = 4.5
        elif label == "Unit":
            row = 5
        elif label == "Principal":
            row = 6
        else:
            row = 7
        rows[row].append(n)
    order = sorted(rows)
    neighbours: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        neighbours[e["from"]].add(e["to"])
        neighbours[e["to"]].add(e["from"])
    position: dict[str, float] = {}
    for row in order:
        rows[row].sort(key=lambda n: (_owner_sort(graph, n), n))
        for i, n in enumerate(rows[row]):
            position[n] = i - (len(rows[row]) - 1) / 2
    for _ in range(4):
        for sweep in (order, list(reversed(order))):
            for row in sweep:

                def centre(n: str) -> float:
                    near = [position[m] for m in neighbours[n] if m in position]
                    return sum(near) / len(near) if near else position[n]

                rows[row].sort(key=lambda n: (centre(n), n))
                for i, n in enumerate(rows[row]):
                    position[n] = i - (len(rows[row]) - 1) / 2
    by_id = {item["id"]: item for item in node_list}
    y = 0.0
    for row in order:
        members = rows[row]
        lines = max(1, math.ceil(len(members) / ROW_WIDTH))
        per_line = math.ceil(len(members) / lines)
        for line in range(lines):
            chunk = members[line * per_line : (line + 1) * per_line]
            shift = 95 if line % 2 else 0  # stagger wrapped lines so edges pass between
            for i, n in enumerate(chunk):
                by_id[n]["x"] = round((i - (len(chunk) - 1) / 2) * 190 + shift, 1)
                by_id[n]["y"] = y
            y += 110
        y += 50


def _area_layout(graph: nx.MultiDiGraph, node_list: list[dict], edges: list[dict]) -> None:
    """Fixed positions for an area map: a flower per kommun on rings around the shared nodes.

    Each kommun's own nodes (those that belong to it alone) form a flower: the kommun in the
    middle, its units and agreements on an inner ring, its groups on an outer ring in level
    order (politisk → individ), the flower turned so that the groups the shared nodes link to
    face the centre. The flowers go round the centre in rings, in Swedish name order. Nodes of
    no kommun or of many (the region and its units) sit in the centre; a node of a few
    kommuner sits between their flowers. Deterministic: the same graph, the same picture.
    """
    by_id = {item["id"]: item for item in node_list}
    near: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        near[e["from"]].append(e["to"])
        near[e["to"]].append(e["from"])
    flowers: dict[str, list[str]] = defaultdict(list)
    shared: list[str] = []
    for item in node_list:
        homes = item.get("kommun") or []
        if len(homes) == 1:
            flowers[homes[0]].append(item["id"])
        else:
            shared.append(item["id"])
    names = sorted(flowers, key=_sv_key)
    few = {
        n
        for n in shared
        if 1 < len(by_id[n].get("kommun") or []) <= max(1, len(names) // 3)
        and all(k in flowers for k in by_id[n]["kommun"])
    }
    home_of = {n: k for k, members in flowers.items() for n in members}
    local = {k: _flower(graph, flowers[k], near, home_of) for k in names}

    # the centre: regions (principals of no kommun) in the middle, the other shared nodes round
    centre = [n for n in shared if n not in few]
    hubs = [n for n in centre if _label(graph, n) == "Principal"]
    ring = sorted((n for n in centre if n not in hubs), key=lambda n: (_owner_sort(graph, n), n))
    if len(hubs) > 1:
        ring, hubs = hubs + ring, []
    position: dict[str, tuple[float, float]] = {n: (0.0, 0.0) for n in hubs}
    # the regions' units are the largest nodes on the map: more room between them
    inner = max(1.3 * FLOWER_SPACING * len(ring) / (2 * math.pi), 150.0) if ring else 0.0
    for i, n in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / len(ring)
        position[n] = (inner * math.cos(angle), inner * math.sin(angle))

    # the flowers, ring by ring, each as far round its ring as its size needs
    gap = FLOWER_SPACING
    radius_of = {k: local[k][1] for k in names}
    ring_radius = inner + (1.5 * gap if ring or hubs else 0.0)
    placed: dict[str, tuple[float, float]] = {}
    rest = list(names)
    while rest:
        first = radius_of[rest[0]]
        ring_radius = max(ring_radius + first, first + gap / 2 if len(rest) > 1 else 0.0)
        room = 2 * math.pi * ring_radius
        members: list[str] = []
        used = 0.0
        for k in rest:
            need = 2 * radius_of[k] + gap
            if members and used + need > room:
                break
            members.append(k)
            used += need
        rest = rest[len(members) :]
        spare = (room - used) / len(members) if len(members) > 1 else 0.0
        along = 0.0
        for k in members:
            half = radius_of[k] + (gap + spare) / 2
            angle = -math.pi / 2 + (along + half) / ring_radius if ring_radius else 0.0
            placed[k] = (ring_radius * math.cos(angle), ring_radius * math.sin(angle))
            along += 2 * half
        ring_radius += max(radius_of[k] for k in members) + gap
    for k in names:
        cx, cy = placed[k]
        spots, _radius, pull = local[k]
        # turn the flower so that what links to the centre faces it
        turn = 0.0
        if pull != (0.0, 0.0) and (cx, cy) != (0.0, 0.0):
            turn = math.atan2(-cy, -cx) - math.atan2(pull[1], pull[0])
        cos, sin = math.cos(turn), math.sin(turn)
        for n, (x, y) in spots.items():
            position[n] = (cx + x * cos - y * sin, cy + x * sin + y * cos)

    # a node of a few kommuner: between their flowers, a little towards the centre
    for i, n in enumerate(sorted(few)):
        points = [placed[k] for k in by_id[n]["kommun"]]
        x = 0.8 * sum(p[0] for p in points) / len(points)
        y = 0.8 * sum(p[1] for p in points) / len(points)
        angle = 2.4 * i  # spread nodes that share the same kommuner
        position[n] = (x + 40 * math.cos(angle), y + 40 * math.sin(angle))
    for n, (x, y) in position.items():
        by_id[n]["x"] = round(x, 1)
        by_id[n]["y"] = round(y, 1)


def _flower(
    graph: nx.MultiDiGraph, members: list[str], near: dict[str, list[str]], home_of: dict
) -> tuple[dict[str, tuple[float, float]], float, tuple[float, float]]:
    """One kommun's nodes around it: positions relative to the kommun, the flower's radius and
    the direction (a vector) in which its links to nodes outside it pull."""
    level_index = {level: i for i, level in enumerate(LEVELS)}
    hubs = [n for n in members if _label(graph, n) == "Principal"]
    groups = sorted(
        (n for n in members if _label(graph, n) == "Group"),
        key=lambda n: (level_index.get(graph.nodes[n].get("level") or "", len(LEVELS)), n),
    )
    others = sorted(n for n in members if n not in hubs and n not in groups)
    if len(hubs) > 1:
        others, hubs = sorted(hubs[1:] + others), hubs[:1]
    if len(groups) + len(others) <= FLOWER_ONE_RING:
        # a small flower: one ring, or its units and groups would line up and overlap
        groups, others = groups + others, []
    spots: dict[str, tuple[float, float]] = {n: (0.0, 0.0) for n in hubs}
    least = 150.0 if len(groups) <= FLOWER_ONE_RING and not others else 200.0
    outer = max(FLOWER_SPACING * len(groups) / (2 * math.pi), least) if groups else 0.0
    angles: dict[str, float] = {}
    for i, n in enumerate(groups):
        angle = 2 * math.pi * i / len(groups)
        # every other group a little further out, so that neighbouring labels do not touch
        r = outer + (FLOWER_STAGGER if i % 2 and len(groups) > 8 else 0.0)
        angles[n] = angle
        spots[n] = (r * math.cos(angle), r * math.sin(angle))
    if others:
        radius = max(FLOWER_SPACING * len(others) / (2 * math.pi), outer * 0.5, 110.0)
        if not groups:
            outer = radius

        def wanted(n: str) -> float:
            x = sum(math.cos(angles[m]) for m in near[n] if m in angles)
            y = sum(math.sin(angles[m]) for m in near[n] if m in angles)
            return math.atan2(y, x) if (x, y) != (0.0, 0.0) else 0.0

        order = sorted(others, key=lambda n: (wanted(n), n))
        step = 2 * math.pi / len(order)
        # evenly spaced, turned as a whole to where their groups are
        sx = sum(math.cos(wanted(n) - i * step) for i, n in enumerate(order))
        sy = sum(math.sin(wanted(n) - i * step) for i, n in enumerate(order))
        base = math.atan2(sy, sx)
        for i, n in enumerate(order):
            angle = base + i * step
            spots[n] = (radius * math.cos(angle), radius * math.sin(angle))
    px = py = 0.0
    for n, (x, y) in spots.items():
        outside = sum(1 for m in near[n] if m not in home_of)
        length = math.hypot(x, y)
        if outside and length:
            px += outside * x / length
            py += outside * y / length
    return spots, outer + FLOWER_STAGGER + FLOWER_MARGIN, (px, py)


def _label(graph: nx.MultiDiGraph, n: str) -> str:
    return graph.nodes[n].get("label", "Unit") if n in graph else "Unit"


_SV_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def _sv_key(text: str) -> str:
    return text.lower().translate(_SV_ORDER)


def _owner_sort(graph: nx.MultiDiGraph, n: str) -> int:
    if n not in graph:
        return 1
    kind = _owner_kind(graph, n)
    return {"kommun": 0, "joint": 1, "region": 2}.get(kind, 3)


def _legend(labels: set[str], edges: list[dict]) -> list[dict]:
    entries = [
        {"label": "Kommunens", "color": COLOURS["kommun"][0], "shape": "dot"},
        {"label": "Regionens", "color": COLOURS["region"][0], "shape": "dot"},
        {"label": "Gemensam (kommun och region)", "color": COLOURS["joint"][0], "shape": "dot"},
    ]
    shape_names = {
        "Principal": "Huvudman (kommun, region)",
        "Unit": "Verksamhet (part)",
        "Group": "Grupp",
        "Agreement": "Överenskommelse (RÖK, LÖK)",
        "Activity": "Aktivitet i handlingsplan",
    }
    for label, text in shape_names.items():
        if label in labels:
            entries.append({"label": text, "color": "#9aa4b2", "shape": SHAPES[label]})
    entries.append({"label": "Medverkar, hör till, part i", "color": "#7d8796", "kind": "edge"})
    if any(e.get("label") == "delvis" for e in edges):
        entries.append(
            {"label": "Medverkar delvis", "color": "#7d8796", "kind": "edge", "dashes": True}
        )
    entries.append({"label": "Rapporterar till", "color": "#3b4a5f", "kind": "edge"})
    entries.append({"label": "Rapporteras saknas", "color": RED, "kind": "edge", "dashes": True})
    if any(e.get("label") == "ingen länk" for e in edges):
        entries.append(
            {
                "label": "BUP/HAB: ingen länk i underlaget",
                "color": PALE_RED,
                "kind": "edge",
                "dashes": True,
            }
        )
    entries.append({"label": "Storlek: antal kopplingar", "color": "#c5c9cf", "shape": "circle"})
    return entries


def _add_clusters(page: str, clusters: list[dict]) -> str:
    block = (
        f'<script type="application/json" id="lg-clusters">{json_for_script(clusters)}</script>\n'
        f"<script>\n{_CLUSTER_JS}\n</script>\n"
    )
    head, sep, tail = page.rpartition("</body>")
    if not sep:
        raise ValueError("the page template has no </body> to add the län clusters before")
    return head + block + sep + tail


_CLUSTER_JS = """\
/* lokgraph: one cluster per län that opens on click; search and filters open them first. */
(function () {
  "use strict";
  var network = window.lokgraphNetwork;
  var data = window.lokgraphData;
  var spec = document.getElementById("lg-clusters");
  if (!network || !data || !spec) {
    return;
  }
  var clusters = JSON.parse(spec.textContent);
  var clusterOf = new Map();
  var timer = null;

  function norm(text) {
    return String(text).normalize("NFC").toLocaleLowerCase("sv").trim();
  }
  function tip(text) {
    var element = document.createElement("div");
    element.className = "lg-tooltip";
    element.textContent = text;
    return element;
  }
  function stop() {
    network.setOptions({ physics: { enabled: false } });
  }
  function relax() {
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilized", stop);
    clearTimeout(timer);
    timer = setTimeout(stop, 4000);
  }
  // isCluster() logs an error for an id that is gone, as an opened cluster is.
  function isClosed(id) {
    return network.body.nodes[id] !== undefined && network.isCluster(id);
  }
  function openCluster(id) {
    if (!isClosed(id)) {
      return false;
    }
    network.openCluster(id);
    relax();
    return true;
  }
  function openAll() {
    var opened = false;
    clusters.forEach(function (c) {
      if (isClosed(c.id)) {
        network.openCluster(c.id);
        opened = true;
      }
    });
    if (opened) {
      relax();
    }
  }
  function openFor(query) {
    var key = norm(query);
    if (!key) {
      return;
    }
    var opened = false;
    data.nodes.forEach(function (node) {
      var cid = clusterOf.get(node.id);
      if (cid && norm(node.label).indexOf(key) >= 0 && isClosed(cid)) {
        network.openCluster(cid);
        opened = true;
      }
    });
    if (opened) {
      relax();
    }
  }

  clusters.forEach(function (c) {
    var members = new Set(c.members);
    c.members.forEach(function (id) {
      clusterOf.set(id, c.id);
    });
    network.cluster({
      joinCondition: function (node) {
        return members.has(node.id);
      },
      clusterNodeProperties: {
        id: c.id,
        label: c.label,
        title: tip(c.tooltip),
        shape: "dot",
        size: c.size,
        borderWidth: 2,
        color: { background: "#dfe6ef", border: "#3b4a5f" },
        font: { size: 18, face: "system-ui, Segoe UI, Roboto, Arial, sans-serif" },
      },
    });
  });

  network.on("click", function (params) {
    if (params.nodes.length === 1) {
      openCluster(params.nodes[0]);
    }
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length === 1) {
      openCluster(params.nodes[0]);
    }
  });

  // Capture phase: runs before the page's own search and filter handlers.
  var input = document.getElementById("lg-search");
  document.addEventListener(
    "submit",
    function (event) {
      if (input && event.target && event.target.id === "lg-search-form") {
        openFor(input.value);
      }
    },
    true,
  );
  document.addEventListener(
    "change",
    function (event) {
      var target = event.target;
      if (target === input) {
        openFor(input.value);
      } else if (target && target.id && target.id.indexOf("lg-filter-") === 0 && target.value) {
        openAll();
      }
    },
    true,
  );
  var search = window.lokgraphSearch;
  if (search) {
    window.lokgraphSearch = function (query) {
      openFor(query);
      return search(query);
    };
  }
  window.lokgraphClusters = {
    open: openCluster,
    openAll: openAll,
    openFor: openFor,
    isClosed: isClosed,
  };
})();
"""
