"""The compact form in which a map page carries its nodes and edges, and the way back.

Repeated text (tooltip lines, kommun and party names, shapes) is written once, node keys are
one letter, edge ends are node places and shared colours and edge looks are written once. The
page's script (``assets/lokgraph-map.js``) and :func:`expand_payload` restore the node and edge
dicts of the page contract (see :mod:`visualizations.page`).

>>> data = compact([{"id": "a", "tooltip": "x\\ny"}], [{"from": "a", "to": "a", "tooltip": "y"}])
>>> expand_payload(data)
([{'id': 'a', 'tooltip': 'x\\ny'}], [{'from': 'a', 'to': 'a', 'tooltip': 'y'}])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

__all__ = ["compact", "expand_payload"]

# Inside the page: one-letter node keys, and the node fields whose text is often the same.
_NODE_SHORT = {
    "id": "i",
    "label": "l",
    "group": "g",
    "shape": "s",
    "color": "c",
    "size": "z",
    "level": "v",
    "kommun": "k",
    "party": "p",
    "tooltip": "t",
    "x": "x",
    "y": "y",
}


# a tuple, not a set: the order of the shared text (and so the page's bytes) must not vary
_NODE_TEXT = ("group", "shape", "level", "kommun", "party")


_EDGE_OWN = frozenset({"from", "to", "tooltip"})


def compact(nodes: list[dict], edges: list[dict]) -> dict:
    """The nodes and edges as the page's script reads them, in fewer bytes.

    :func:`expand_payload` (and the page's script) turns the result back into the very node
    and edge dicts of the contract. The page holds:

    ``text``
        the strings that are written more than once (tooltip lines, kommun and party names,
        shapes, levels), most used first; a number where text is expected is a place here.
    ``colors``, ``styles``
        the colour dicts that nodes share and the looks (``label``, ``dashes``, ``color``,
        ``width``) that edges share, each written once and named by its place.
    ``nodes``
        one dict per node with one-letter keys (:data:`_NODE_SHORT`); ``shape``, ``level``,
        ``group``, ``kommun`` and ``party`` as text places (a value that is not text, or a
        list holding some, is kept as ``{"v": value}``), ``color`` as a place in ``colors``
        when it is a dict, the tooltip as a list of its lines, each a text place or a string.
    ``edges``
        ``[from, to, style]`` or ``[from, to, style, tooltip lines]``: the ends by the
        node's place in ``nodes`` (``edgeEnds`` says so), the style by its place in
        ``styles``.
    """
    place = {node["id"]: index for index, node in enumerate(nodes)}
    # Tooltips as lists of lines (a tooltip that is not text as {"v": value}).
    node_tips = [_lines(node.get("tooltip")) for node in nodes]
    edge_tips = [_lines(edge.get("tooltip")) for edge in edges]
    # every text in the order it first occurs (which orders the ties of most_common), counted
    # in one pass instead of a Counter.update per node and edge
    counts: Counter[str] = Counter(_texts(nodes, node_tips, edge_tips))
    text = [value for value, count in counts.most_common() if count > 1]
    text_place = {value: index for index, value in enumerate(text)}
    get = text_place.get

    def refs(tip: Any) -> Any:
        return [get(line, line) for line in tip] if isinstance(tip, list) else tip

    # Colours and looks are JSON values; equal reprs are equal values (1, 1.0 and True differ).
    colors: list[dict] = []
    color_place: dict[str, int] = {}
    compact_nodes = []
    for node, tip in zip(nodes, node_tips, strict=True):
        item: dict[str, Any] = {}
        for key, value in node.items():
            if key == "color" and isinstance(value, Mapping):
                seen = repr(value)
                if seen not in color_place:
                    color_place[seen] = len(colors)
                    colors.append(dict(value))
                value = color_place[seen]
            elif key == "tooltip":
                value = refs(tip)
            elif key in _NODE_TEXT:
                if isinstance(value, str):
                    value = get(value, value)
                elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                    value = [get(v, v) for v in value]
                else:
                    value = {"v": value}
            item[_NODE_SHORT[key]] = value
        compact_nodes.append(item)
    styles: list[dict] = []
    style_place: dict[str, int] = {}
    compact_edges = []
    for edge, tip in zip(edges, edge_tips, strict=True):
        style = {k: v for k, v in edge.items() if k not in _EDGE_OWN}
        seen = repr(style)
        if seen not in style_place:
            style_place[seen] = len(styles)
            styles.append(style)
        row: list = [place[edge["from"]], place[edge["to"]], style_place[seen]]
        if "tooltip" in edge:
            row.append(refs(tip))
        compact_edges.append(row)
    return {
        "format": 2,
        "text": text,
        "colors": colors,
        "styles": styles,
        "nodes": compact_nodes,
        "edges": compact_edges,
        "edgeEnds": "index",
    }


def _texts(nodes: list[dict], node_tips: list, edge_tips: list) -> Iterator[str]:
    """The shared-text candidates of a page in order: each node's text fields and tooltip
    lines, then every edge's tooltip lines."""
    for node, tip in zip(nodes, node_tips, strict=True):
        for key in _NODE_TEXT:
            value = node.get(key)
            if isinstance(value, str):
                yield value
            elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                yield from value
        if isinstance(tip, list):
            yield from tip
    for tip in edge_tips:
        if isinstance(tip, list):
            yield from tip


def _lines(tooltip: Any) -> list[str] | dict:
    """A text tooltip as its lines; anything else as ``{"v": value}``, as the page keeps it."""
    return tooltip.split("\n") if isinstance(tooltip, str) else {"v": tooltip}


def expand_payload(data: Mapping[str, Any]) -> tuple[list[dict], list[dict]]:
    """The node and edge dicts of the contract from a page's ``graph-data`` JSON, as the
    page's script reads it (a test's and a reader's view of what the page holds).

    >>> import json
    >>> from visualizations.page import render_network_page
    >>> page = render_network_page("t", [{"id": "a", "tooltip": "x\\ny"}],
    ...                            [{"from": "a", "to": "a", "tooltip": "y"}], {})
    >>> start = page.index('id="graph-data">') + len('id="graph-data">')
    >>> expand_payload(json.loads(page[start:page.index("</script>", start)]))
    ([{'id': 'a', 'tooltip': 'x\\ny'}], [{'from': 'a', 'to': 'a', 'tooltip': 'y'}])
    """
    text = data.get("text", [])
    long_key = {short: key for key, short in _NODE_SHORT.items()}

    def value_of(ref: Any) -> Any:
        return text[ref] if isinstance(ref, int) else ref

    def tooltip_of(value: Any) -> Any:
        if isinstance(value, Mapping):
            return value["v"]
        return "\n".join(value_of(line) for line in value)

    nodes = []
    for item in data["nodes"]:
        node: dict[str, Any] = {}
        for short, value in item.items():
            key = long_key[short]
            if key == "color" and isinstance(value, int):
                value = data["colors"][value]
            elif key == "tooltip":
                value = tooltip_of(value)
            elif key in _NODE_TEXT:
                if isinstance(value, Mapping):
                    value = value["v"]
                elif isinstance(value, list):
                    value = [value_of(v) for v in value]
                else:
                    value = value_of(value)
            node[key] = value
        nodes.append(node)
    edges = []
    for row in data["edges"]:
        edge = {"from": nodes[row[0]]["id"], "to": nodes[row[1]]["id"]}
        edge |= data["styles"][row[2]]
        if len(row) > 3:
            edge["tooltip"] = tooltip_of(row[3])
        edges.append(edge)
    return nodes, edges
