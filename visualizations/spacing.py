"""Room between nodes: after a fixed layout, push apart any two nodes whose shapes touch.

A node is taken as the rectangle its shape fills: a dot, diamond, triangle or square as wide
and high as twice its ``size``, a box as wide as its label. Overlapping pairs are pushed apart
along the axis where they overlap least, a few rounds, with a grid so that only neighbours are
compared. Deterministic: the same map, the same picture.

>>> nodes = [{"id": "a", "x": 0.0, "y": 0.0, "size": 20}, {"id": "b", "x": 5.0, "y": 0, "size": 20}]
>>> separate(nodes)
>>> nodes[1]["x"] - nodes[0]["x"] >= 2 * 20 + GAP
True
"""

from __future__ import annotations

import math
from collections import defaultdict

__all__ = ["GAP", "half_size", "separate"]

#: The least room between two nodes' shapes, in map units.
GAP = 8.0
ROUNDS = 40
#: A box's width per character of its label at the default font, in map units.
CHAR_WIDTH = 7.5


def half_size(node: dict) -> tuple[float, float]:
    """Half the width and half the height of the rectangle a node's shape fills."""
    if node.get("shape") == "box":
        text = str(node.get("label") or node.get("id"))
        longest = max((len(line) for line in text.split("\n")), default=1)
        return min(longest * CHAR_WIDTH, 170) / 2 + 6, 14.0
    size = float(node.get("size") or 16)
    return size, size


def separate(node_list: list[dict], gap: float = GAP, rounds: int = ROUNDS) -> None:
    """Move the nodes (their ``x``, ``y``) so that no two shapes overlap, as far as ``rounds``
    of pushing allow."""
    placed = [n for n in node_list if "x" in n and "y" in n]
    if len(placed) < 2:
        return
    halves = [half_size(n) for n in placed]
    xs = [float(n["x"]) for n in placed]
    ys = [float(n["y"]) for n in placed]
    cell = 2 * max(max(w, h) for w, h in halves) + gap
    for _ in range(rounds):
        grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in range(len(placed)):
            grid[(math.floor(xs[i] / cell), math.floor(ys[i] / cell))].append(i)
        moved = False
        for (cx, cy), members in sorted(grid.items()):
            near = [
                j
                for dx in (-1, 0, 1)
                for dy in (-1, 0, 1)
                for j in grid.get((cx + dx, cy + dy), ())
            ]
            for i in members:
                for j in near:
                    if j <= i:
                        continue
                    dx, dy = xs[j] - xs[i], ys[j] - ys[i]
                    over_x = halves[i][0] + halves[j][0] + gap - abs(dx)
                    over_y = halves[i][1] + halves[j][1] + gap - abs(dy)
                    if over_x <= 0 or over_y <= 0:
                        continue
                    # apart along the axis that needs the smaller move (the same spot: by x)
                    if over_x <= over_y:
                        step = (over_x / 2 + 0.5) * (1 if dx >= 0 else -1)
                        xs[i] -= step
                        xs[j] += step
                    else:
                        step = (over_y / 2 + 0.5) * (1 if dy >= 0 else -1)
                        ys[i] -= step
                        ys[j] += step
                    moved = True
        if not moved:
            break
    for n, x, y in zip(placed, xs, ys, strict=True):
        n["x"] = round(x, 1)
        n["y"] = round(y, 1)
