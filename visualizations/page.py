"""lokgraph's page template for network maps: one self-contained, offline UTF-8 HTML file.

The page carries vis-network 9.1.2 (copied from the pyvis wheel into ``assets/``, Apache-2.0 or
MIT, see ``assets/LICENSE-vis-network.txt``) and lokgraph's own script and style inline, so it
opens with no request to any other host. pyvis itself is not used: its template links Bootstrap
and tom-select from CDNs even in ``in_line`` mode and its menus render data as HTML.

Data contract (what a mapper from the lokgraph graph hands to :func:`render_network_page`):

node dict
    ``id`` (str or int, required, unique), ``label`` (plain text; defaults to the id),
    ``group``, ``shape`` (a vis-network shape: dot, box, ellipse, diamond, triangle, …),
    ``color`` (CSS colour string or a vis colour dict), ``size`` (number),
    ``level`` (optional: politisk, strategisk, operativ, individ), ``kommun``, ``party``
    (plain text, or a list of them when a node belongs to several), ``tooltip`` (plain text;
    newlines are kept). Optional ``x`` and ``y`` fix a start position.
edge dict
    ``from``, ``to`` (node ids, required), ``label``, ``dashes`` (bool or a dash pattern list),
    ``color``, ``tooltip`` (plain text), ``width`` (number), ``kind`` (``structural``: hidden
    until the reader shows structure; ``absent``, ``gap``: drawn on top of the others).

All text is data, never markup: labels are drawn on the canvas, tooltips and filter entries are
built with ``textContent``/``Option``, and the JSON is escaped so ``</script>`` inside it cannot
end the script block. Only ``legend_html`` is trusted HTML; build it with :func:`build_legend`.
Inside the page the JSON is compacted (repeated text such as tooltip lines written once, short
keys, edge ends by place, shared colours and edge looks once); the script restores the nodes
and edges above before vis-network sees them, and :func:`expand_payload` does the same in
Python.

The page sets ``window.lokgraphReady = true`` once physics has stabilised (and then switched
physics off), and exposes ``window.lokgraphNetwork`` (the ``vis.Network``),
``window.lokgraphData`` (its node and edge ``DataSet``s) and ``window.lokgraphSearch(text)``.

>>> html = render_network_page("Karta", [{"id": "a", "label": "Malung-Sälen"}], [], {})
>>> '<html lang="sv">' in html and "Malung-Sälen" in html
True
"""

from __future__ import annotations

import copy
import functools
import html
import json
import math
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from lokgraph.store import write_atomic

from .bundled import asset_text, inline_assets
from .payload import compact, expand_payload

__all__ = [
    "EDGE_KEYS",
    "NODE_KEYS",
    "build_legend",
    "esc",
    "expand_payload",
    "html_head",
    "json_for_script",
    "render_network_page",
    "write_html",
]

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
MAP_JS = "lokgraph-map.js"
MAP_CSS = "lokgraph-map.css"
CLUSTER_JS = "lokgraph-clusters.js"
#: Stands in for vis-network in a map page carried inside another page, which puts it back.

NODE_KEYS = frozenset(
    {"id", "label", "group", "shape", "color", "size", "level", "kommun", "party", "tooltip"}
    | {"x", "y"}
)
EDGE_KEYS = frozenset({"from", "to", "label", "dashes", "color", "tooltip", "width", "kind"})

# A map with more nodes than this skips vis-network's slow "improved layout" start and caps
# the stabilisation steps (600 nodes: about 8 s with 1000 steps, 2.5 s with 400, headless).
LARGE_MAP = 150
LARGE_MAP_ITERATIONS = 400

DEFAULT_OPTIONS: dict[str, Any] = {
    "autoResize": True,
    "height": "100%",
    "width": "100%",
    "interaction": {"hover": True, "tooltipDelay": 150, "keyboard": False},
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -80,
            "springLength": 140,
            "avoidOverlap": 0.4,
        },
        "stabilization": {"enabled": True, "iterations": 1000, "updateInterval": 25, "fit": True},
    },
    "nodes": {
        "shape": "dot",
        "size": 16,
        "font": {"face": "system-ui, Segoe UI, Roboto, Arial, sans-serif", "size": 14},
        "borderWidth": 1,
        # labels smaller than this many pixels on screen are not drawn (lokgraph-map.js)
        "scaling": {"label": {"drawThreshold": 9}},
    },
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "smooth": {"type": "continuous"},
        "color": {"color": "#8a93a3", "highlight": "#0b5cad", "hover": "#0b5cad"},
        "font": {"size": 11, "align": "middle", "strokeWidth": 3},
    },
    "layout": {"improvedLayout": True},
}

_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_CSS_COLOR_RE = re.compile(
    r"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|(rgb|rgba|hsl|hsla)\([0-9.,%\s]+\))$"
)
_LEGEND_SHAPES = frozenset({"dot", "ellipse", "circle", "box", "square", "diamond", "triangle"})


def json_for_script(value: Any) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element.

    ``<``, ``>``, ``&`` and the line separators U+2028/U+2029 are written as ``\\uXXXX``
    escapes, so data holding ``</script>`` or ``<!--`` cannot end or bend the element; the
    result still parses as the same JSON. NaN and infinities are refused.

    >>> json_for_script({"label": "</script><b>å"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003eå"}'
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    # one str.replace per character: a report's map pages hold about 120,000 of them, and a
    # Python call per match (re.sub with a function) cost twice as much; no escape written
    # holds a character escaped after it, so the order does not matter
    for char, escape in _JSON_ESCAPES.items():
        if char in text:
            text = text.replace(char, escape)
    return text


def build_legend(entries: Iterable[Mapping[str, Any]]) -> str:
    """A legend as HTML, every label escaped, for the ``legend_html`` of a page.

    Each entry has ``label`` and ``color`` (a CSS colour), and ``kind``: ``"node"`` (with an
    optional ``shape``: dot, ellipse, circle, box, square, diamond, triangle) or ``"edge"``
    (with an optional ``dashes``: true for a dashed line).

    >>> legend = build_legend([{"label": "Kommun <A>", "color": "#1f77b4", "shape": "box"}])
    >>> legend.endswith('style="background:#1f77b4"></span>Kommun &lt;A&gt;</li></ul>')
    True
    """
    items = []
    for entry in entries:
        color = str(entry.get("color", "#888888")).strip()
        if not _CSS_COLOR_RE.match(color):
            raise ValueError(
                f"legend colour {color!r} is not a plain CSS colour; "
                "use #rgb, #rrggbb, a colour name, or rgb()/rgba()/hsl()"
            )
        kind = entry.get("kind", "node")
        label = html.escape(str(entry.get("label", "")))
        if kind == "edge":
            dashed = " lg-dashed" if entry.get("dashes") else ""
            swatch = f'<span class="lg-swatch lg-swatch-edge{dashed}" style="color:{color}"></span>'
        elif kind == "node":
            shape = entry.get("shape", "dot")
            if shape not in _LEGEND_SHAPES:
                raise ValueError(
                    f"legend shape {shape!r} is not one of {', '.join(sorted(_LEGEND_SHAPES))}"
                )
            swatch = f'<span class="lg-swatch lg-shape-{shape}" style="background:{color}"></span>'
        else:
            raise ValueError(f"legend kind {kind!r} is not 'node' or 'edge'")
        items.append(f"<li>{swatch}{label}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def render_network_page(
    title: str,
    nodes: list[dict],
    edges: list[dict],
    options: dict,
    legend_html: str = "",
    controls: bool = True,
    *,
    clusters: list[dict] | None = None,
    vis_assets: str | None = None,
) -> str:
    """The whole map page as one HTML string (lang sv, UTF-8, every asset inline).

    ``options`` are vis-network options, merged over lokgraph's defaults (physics with
    stabilisation that switches itself off afterwards, hover tooltips, arrows). ``legend_html``
    is trusted HTML (see :func:`build_legend`). ``controls=False`` leaves out the search box
    and the filters, e.g. for a map inside a printed report. ``clusters`` (each with ``id``,
    ``label``, ``tooltip``, ``members`` and ``size``) start those nodes closed as one node that
    opens on click (``assets/lokgraph-clusters.js``). ``vis_assets`` is written where
    vis-network's blocks would go, for a page that gets them from elsewhere (the report's map
    frames); by default they are inline.

    Raises ``ValueError`` for a node or edge that breaks the contract in the module docstring.
    """
    node_list = [_check_item(node, NODE_KEYS, "node", index) for index, node in enumerate(nodes)]
    edge_list = [_check_item(edge, EDGE_KEYS, "edge", index) for index, edge in enumerate(edges)]
    ids = _check_ids(node_list)
    for index, edge in enumerate(edge_list):
        for end in ("from", "to"):
            if end not in edge:
                raise ValueError(f"edge {index} has no {end!r}; an edge needs 'from' and 'to'")
            if edge[end] not in ids:
                raise ValueError(
                    f"edge {index} points {end} {edge[end]!r}, which is not the id of any node"
                )
    merged = _merge(copy.deepcopy(DEFAULT_OPTIONS), options or {})
    if len(node_list) > LARGE_MAP:
        # Large maps: skip the slow clustered start layout and stabilise in fewer steps.
        layout = merged.get("layout")
        if isinstance(layout, dict) and not _given(options, "layout", "improvedLayout"):
            layout["improvedLayout"] = False
        physics = merged.get("physics")
        stabilization = physics.get("stabilization") if isinstance(physics, dict) else None
        if isinstance(stabilization, dict) and not _given(
            options, "physics", "stabilization", "iterations"
        ):
            stabilization["iterations"] = LARGE_MAP_ITERATIONS
    payload = json_for_script(compact(node_list, edge_list) | {"options": merged})
    legend = (
        f'<section class="lg-legend" aria-labelledby="lg-legend-title">'
        f'<h2 id="lg-legend-title">Teckenförklaring</h2>{legend_html}</section>'
        if legend_html
        else ""
    )
    vis = inline_assets() if vis_assets is None else vis_assets
    head = html_head(title, f"{vis}\n<style>\n{asset_text(MAP_CSS)}\n</style>")
    extra = ""
    if clusters:
        extra = (
            f'<script type="application/json" id="lg-clusters">{json_for_script(clusters)}'
            f"</script>\n<script>\n{asset_text(CLUSTER_JS)}\n</script>\n"
        )
    return head + _template("map-body.html").format(
        title=html.escape(title),
        map_js=asset_text(MAP_JS),
        controls=_template("map-controls.html") if controls else "",
        legend=legend,
        payload=payload,
        extra=extra,
    )


def write_html(html: str, path: str | os.PathLike[str]) -> Path:
    """Write ``html`` to ``path`` as UTF-8, atomically (:func:`lokgraph.store.write_atomic`).

    Returns the path written. A reader never sees half a file, and an old file stays whole
    when writing fails.
    """
    target = Path(path)
    write_atomic(target, html)
    return target


def esc(text: object) -> str:
    """Any value as text that is safe inside an HTML element or a quoted attribute.

    >>> esc('<a href="x">Älvdalen & Orsa</a>')
    '&lt;a href=&quot;x&quot;&gt;Älvdalen &amp; Orsa&lt;/a&gt;'
    >>> esc(None), esc(3)
    ('None', '3')
    """
    return html.escape(str(text), quote=True)


def html_head(title: str, extra: str = "") -> str:
    """The start of a lokgraph page, up to and including ``</head>``: Swedish, UTF-8, the
    title escaped; ``extra`` (trusted HTML, e.g. a ``<style>`` block) goes at the end of the
    head.

    >>> print(html_head("Kartor & matriser", "<style></style>"))  # doctest: +NORMALIZE_WHITESPACE
    <!DOCTYPE html>
    <html lang="sv">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="lokgraph">
    <title>Kartor &amp; matriser</title>
    <style></style>
    </head>
    """
    head = _template("head.html").format(title=html.escape(title, quote=True))
    return f"{head}{extra}\n</head>\n" if extra else f"{head}</head>\n"


# ---- private helpers -------------------------------------------------------------------------


@functools.cache
def _template(name: str) -> str:
    """One of the page templates in ``templates/`` (trusted HTML with ``{name}`` fields)."""
    return (TEMPLATE_DIR / name).read_text(encoding="utf-8")


_NUMBER_KEYS = ("size", "width", "x", "y")  # checked in this order


def _check_item(item: Mapping[str, Any], keys: frozenset[str], what: str, index: int) -> dict:
    if type(item) is not dict and not isinstance(item, Mapping):  # the ABC test is slow
        raise ValueError(f"{what} {index} is a {type(item).__name__}, not a dict")
    if not keys.issuperset(item):
        unknown = sorted(set(item) - keys)
        raise ValueError(f"{what} {index} has unknown keys {unknown}; the keys are {sorted(keys)}")
    clean = {key: value for key, value in item.items() if value is not None}
    for key in _NUMBER_KEYS:
        if key not in clean:
            continue
        value = clean[key]
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ValueError(f"{what} {index} has {key}={value!r}; it must be a finite number")
    return clean


def _check_ids(nodes: list[dict]) -> set:
    ids: set = set()
    for index, node in enumerate(nodes):
        node_id = node.get("id")
        if isinstance(node_id, bool) or not isinstance(node_id, str | int):
            raise ValueError(f"node {index} has id {node_id!r}; an id is a string or an integer")
        if node_id in ids:
            raise ValueError(f"node {index} repeats the id {node_id!r}; ids must be unique")
        ids.add(node_id)
    return ids


def _given(options: Mapping[str, Any] | None, *keys: str) -> bool:
    value: Any = options or {}
    for key in keys:
        if not isinstance(value, Mapping) or key not in value:
            return False
        value = value[key]
    return True


def _merge(base: dict, extra: Mapping[str, Any]) -> dict:
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = copy.deepcopy(value)
    return base
