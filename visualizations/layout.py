"""Where the nodes of a network map sit: rows by level for one kommun, a flower per kommun
for an area, one start circle per län for a clustered national map; sizes by degree.

Every layout is deterministic: the same graph gives the same picture.

>>> nodes = [{"id": "a"}, {"id": "b"}]
>>> size_by_degree({n["id"]: n for n in nodes}, [{"from": "a", "to": "b"}])
>>> nodes[0]["size"]
17.0
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

from lokgraph.codes import LEVELS
from lokgraph.reference import regioner
from lokgraph.sv import sv_key

from .selection import owner_kind

__all__ = [
    "FLOWER_MARGIN",
    "FLOWER_ONE_RING",
    "FLOWER_SPACING",
    "FLOWER_STAGGER",
    "ROW_WIDTH",
    "area_layout",
    "cluster_specs",
    "layered_layout",
    "size_by_degree",
]

#: At most this many nodes side by side in a row of the layered (one kommun) layout.
ROW_WIDTH = 8
#: Area maps: the distance between neighbours on a ring of the layout, the extra distance
#: of every other group on a crowded ring, and the room kept around each kommun's flower.
FLOWER_SPACING = 115.0
FLOWER_STAGGER = 40.0
FLOWER_MARGIN = 30.0
#: A kommun with this many nodes or fewer (besides itself) has them all on one ring.
FLOWER_ONE_RING = 6

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


def size_by_degree(nodes: dict[str, dict], edges: list[dict]) -> None:
    degree: dict[str, int] = defaultdict(int)
    for e in edges:
        degree[e["from"]] += 1
        degree[e["to"]] += 1
    for node_id, item in nodes.items():
        item["size"] = round(min(12 + 5 * math.sqrt(degree[node_id]), 42), 1)


def cluster_specs(
    graph: nx.MultiDiGraph, lans: dict[str, str | None], node_list: list[dict]
) -> list[dict]:
    members: dict[str, list[str]] = defaultdict(list)
    for item in node_list:
        code = lans.get(item["id"])
        if code:
            members[code].append(item["id"])
    regions = {r.lan_kod: r for r in regioner()}
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


def layered_layout(graph: nx.MultiDiGraph, node_list: list[dict], edges: list[dict]) -> None:
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


def area_layout(graph: nx.MultiDiGraph, node_list: list[dict], edges: list[dict]) -> None:
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
    names = sorted(flowers, key=sv_key)
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


def _lan_xy(code: str) -> tuple[float, float]:
    lon, lat = _LAN_CENTRES.get(code, (15.0, 62.0))
    return (lon - 15.0) * 260, -(lat - 62.0) * 330


def _label(graph: nx.MultiDiGraph, n: str) -> str:
    return graph.nodes[n].get("label", "Unit") if n in graph else "Unit"


def _owner_sort(graph: nx.MultiDiGraph, n: str) -> int:
    if n not in graph:
        return 1
    kind = owner_kind(graph, n)
    return {"kommun": 0, "joint": 1, "region": 2}.get(kind, 3)
