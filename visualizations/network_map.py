"""Interactive network maps of a collaboration graph: one self-contained, offline HTML page.

A map shows principals (kommuner, regions), units, groups, agreements and activities; Sources,
Areas and STATED_IN edges are left out (their quotes are in the tooltips). Shape says what a node
is, colour whose it is (kommun, region or both), size how connected it is. Absences and missing
specialist links are red dashed edges. For one kommun the groups are laid out in rows by level
(politisk → strategisk → operativ → individ); for a map that spans several län, each län starts
as one cluster that opens on click.

The concerns live apart: :mod:`.selection` picks the nodes, :mod:`.styles` holds the looks,
:mod:`.layout` places the nodes, :mod:`.tooltips` writes the text, :mod:`.page` the page. This
module puts them together.

>>> from lokgraph.models import Principal, Structure
>>> from lokgraph.graph import build_graph
>>> g = build_graph(Structure(nodes=(Principal(id="kommun:orsa", name="Orsa", kind="kommun"),)))
>>> html = map_html(g)
>>> "Orsa" in html and "<html" in html
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from lokgraph.adjacency import adjacency, node_dicts
from lokgraph.codes import PARTIES
from lokgraph.collector import collector_paused
from lokgraph.reference import find_kommun, find_region

from .context import RenderContext, missing_specialist_gaps
from .layout import area_layout, cluster_specs, layered_layout, size_by_degree
from .page import build_legend, render_network_page
from .selection import (
    SHOWN_LABELS,
    area_kommuner,
    area_nodes,
    drawn_gaps,
    edges_within,
    find_area,
    kommun_node,
    kommun_nodes,
    kommuner_of,
    lans_of,
    owners_of,
)
from .spacing import separate
from .styles import (
    COLOURS,
    EDGE_STYLES,
    GAP_EDGE,
    NODE_SHAPES,
    STRUCTURAL_EDGES,
    legend_entries,
    node_colour,
)
from .tooltips import (
    LEVEL_NAMES,
    REASON_NAMES,
    RELATIONSHIP_NAMES,
    edge_tooltip,
    evidence_text,
    node_tooltip,
    shown,
    source_title,
)

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

#: Above this many nodes, a map that spans more than one län starts clustered per län.
CLUSTER_MIN_NODES = 120
_SPREAD = {"gravitationalConstant": -120, "springLength": 150, "avoidOverlap": 0.6}


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
    vis_assets: str | None = None,
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
    ``vis_assets`` stands in for vis-network (see :func:`~visualizations.page.render_network_page`).
    """
    with collector_paused():  # many small dicts and strings, no cycles
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
        return render_network_page(
            data.title,
            data.nodes,
            data.edges,
            data.options,
            legend_html=build_legend(data.legend),
            controls=controls,
            clusters=data.clusters,
            vis_assets=vis_assets,
        )


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
        chosen = kommun_nodes(graph, kommun_node(graph, k.name, context), context)
        default_title = f"Samverkansstruktur i {k.name}"
    elif area is not None:
        area_id, area_name = find_area(graph, area)
        chosen = area_nodes(graph, context.area_kommuner(area_id), context)
        default_title = f"Samverkansstruktur i {shown(area_name, with_names)}"
    elif kommuner is not None:
        ids = {k if k in graph else kommun_node(graph, k, context) for k in kommuner}
        chosen = area_nodes(graph, ids, context)
        default_title = "Samverkansstruktur"
    else:
        chosen = {n for n, d in graph.nodes(data=True) if d.get("label") in SHOWN_LABELS}
        default_title = "Samverkansstruktur för barn och unga"
    title = title or default_title
    gaps = drawn_gaps(graph, chosen, context.specialist_gaps or [])
    if kommun is not None:
        gaps = [gap for gap in gaps if graph.nodes[gap[2]].get("name") == find_kommun(kommun).name]
    for _gap, unit, _k in gaps:
        if unit in graph and unit not in chosen:
            chosen.add(unit)
            chosen |= {o for _, o, key in graph.out_edges(unit, keys=True) if key == "PART_OF"}
    homes = kommuner_of(graph, chosen, context=context)
    owners = owners_of(graph, chosen, context.owner_kinds)
    nodes: dict[str, dict] = {}
    for node in sorted(chosen):
        nodes[node] = _node_dict(graph, node, homes, owners, with_names, context)
    edges = [
        _edge_dict(graph, u, v, key, with_names, context)
        for u, v, key in sorted(edges_within(graph, chosen))
        if key in EDGE_STYLES
    ]
    gap_nodes, gap_edges = _gap_links(gaps, nodes, with_names)
    nodes.update(gap_nodes)
    edges += gap_edges
    size_by_degree(nodes, edges)
    node_list = list(nodes.values())
    options: dict = {}
    clusters: list[dict] = []
    layered = kommun is not None and len(node_list) > 1
    # the län of each node, only for a map that may be clustered
    wanted = not layered and (cluster or cluster is None)
    lans = lans_of(graph, nodes, edges, context.lan_codes) if wanted else {}
    if layered:
        layered_layout(graph, node_list, edges)
        options = {"physics": {"enabled": False}, "edges": {"smooth": {"type": "cubicBezier"}}}
    elif cluster or (
        cluster is None
        and len({v for v in lans.values() if v}) > 1
        and len(node_list) > CLUSTER_MIN_NODES
    ):
        clusters = cluster_specs(graph, lans, node_list)
        options = {
            "physics": {"stabilization": {"iterations": 400}, "forceAtlas2Based": _SPREAD},
            "layout": {"improvedLayout": False},
        }
    if not options:
        # An area map is laid out here, one flower per kommun around the shared units, so the
        # browser only draws it: no physics to run, straight edges that are quick to redraw.
        area_layout(graph, node_list, edges)
        separate(node_list)  # no node on another, whatever the flowers' rings gave
        options = {"physics": {"enabled": False}, "edges": {"smooth": False}}
    options.setdefault("nodes", {})["widthConstraint"] = {"maximum": 170}
    options.setdefault("layout", {})["randomSeed"] = 7  # the same graph, the same picture
    labels = {graph.nodes[n]["label"] for n in chosen} | ({"Unit"} if gap_nodes else set())
    return MapData(title, node_list, edges, options, legend_entries(labels, edges), clusters)


def _node_dict(
    graph: nx.MultiDiGraph,
    node: str,
    homes: dict[str, list[str]],
    owners: dict[str, str],
    with_names: bool,
    context: RenderContext,
) -> dict:
    d = node_dicts(graph)[node]
    label = d.get("label", "")
    name = shown(d.get("name") or node, with_names)
    # no vis "group": vis-network gives each group a palette colour that wins over the node's
    # own colour once clustering refreshes the nodes
    item: dict = {
        "id": node,
        "label": name,
        "shape": NODE_SHAPES[label],
        "color": node_colour(owners.get(node, "none")),
        "kommun": homes.get(node) or None,
        "tooltip": context.once(
            ("node tooltip", node, with_names),
            lambda: node_tooltip(graph, node, name, homes.get(node, []), owners, with_names),
        ),
    }
    if label == "Unit" and d.get("party") in PARTIES:
        item["party"] = PARTIES[d["party"]].name
    elif label == "Group":
        item["level"] = d.get("level") or "okänd nivå"
        nodes = node_dicts(graph)
        parties = sorted(
            {
                PARTIES[nodes[u].get("party", "")].name
                for u, keys in adjacency(graph)[1][node].items()
                if "MEMBER_OF" in keys and nodes[u].get("party", "") in PARTIES
            }
        )
        item["party"] = parties or None
    return item


def _edge_dict(
    graph: nx.MultiDiGraph, u: str, v: str, key: str, with_names: bool, context: RenderContext
) -> dict:
    """An edge of the map; its Swedish words are in its tooltip, not drawn along it."""
    item: dict = {"from": u, "to": v, **EDGE_STYLES[key]}
    if key == "ABSENT_FROM":
        item["kind"] = "absent"
    elif key in STRUCTURAL_EDGES:
        item["kind"] = "structural"
    if adjacency(graph)[0][u][v][key].get("partial"):
        item.update(dashes=[2, 5], kind="partial")
    item["tooltip"] = context.once(
        ("edge tooltip", u, v, key, with_names), lambda: edge_tooltip(graph, u, v, key, with_names)
    )
    return item


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
                "color": node_colour("region"),
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
                **GAP_EDGE,
                "kind": "gap",
                "tooltip": shown(gap.detail, with_names),
            }
        )
    return new_nodes, edges
