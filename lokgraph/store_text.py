"""The store's text: one JSON document with one record a line, each record written by json's C
encoder with sorted keys, so the same graph always gives the same bytes.

The document is the one lokgraph has always written (``format``, ``version`` 1, ``nodes``
and ``edges``, a node a record with its ``id``, an edge a record with its ``source`` and
``target``); only the layout is new. Stores written before, indented by one space with
`json.dumps(indent=1)`, are the same document and load the same way, and any JSON reader
(older lokgraph too) reads this one. `json.dumps` falls back to its pure-Python encoder
whenever `indent` is given (four times the C encoder's time at 290 kommuner); one record a
line is written by the C encoder, stays readable line by line, and a JSON error's line
number names the record.

A line starts with the node's id, or the edge's source and target; its other keys follow
sorted. Nodes are sorted by id, edges by source, target and type (an edge's key in the
graph is its type).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("kommun:orsa", label="Principal", name="Orsa", kind="kommun")
>>> g.add_node("area:lan:20", label="Area", name="Dalarnas län", kind="lan")
>>> g.add_edge("kommun:orsa", "area:lan:20", key="IN_AREA", type="IN_AREA", evidence=[])
'IN_AREA'
>>> print(store_text(g), end="")
{"format": "lokgraph-store", "version": 1, "nodes": [
{"id": "area:lan:20", "kind": "lan", "label": "Area", "name": "Dalarnas län"},
{"id": "kommun:orsa", "kind": "kommun", "label": "Principal", "name": "Orsa"}
], "edges": [
{"source": "kommun:orsa", "target": "area:lan:20", "evidence": [], "type": "IN_AREA"}
]}
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["FORMAT", "VERSION", "store_text"]

FORMAT = "lokgraph-store"
VERSION = 1


def _record_encoder() -> Callable[[dict], str]:
    """`json.dumps(record, ensure_ascii=False, sort_keys=True)`, without its per-call set-up.

    ``c_make_encoder`` is what `json.dumps` itself calls when it can use C; where Python has
    no C accelerator, the pure-Python encoder writes the same text.
    """
    c_make_encoder = getattr(json.encoder, "c_make_encoder", None)  # not in typeshed
    default = json.JSONEncoder().default  # raises TypeError for what JSON cannot hold
    if c_make_encoder is None:  # pragma: no cover (CPython always has it)
        return json.JSONEncoder(ensure_ascii=False, sort_keys=True, check_circular=False).encode
    encoder = c_make_encoder(None, default, encode_basestring, None, ": ", ", ", True, False, True)
    join = "".join
    return lambda record: join(encoder(record, 0))


_encode = _record_encoder()


def store_text(graph: nx.MultiDiGraph) -> str:
    """The store text of a graph: equal graphs give equal text."""
    encode = _encode
    nodes, succ = vars(graph)["_node"], vars(graph)["_succ"]  # networkx's own dicts
    ids = sorted(nodes)
    quoted = {n: encode_basestring(n) for n in ids}  # each id is an end many times
    lines = ['{"format": "lokgraph-store", "version": 1, "nodes": [']
    add = lines.append
    for n in ids:
        add('{"id": ' + quoted[n] + _rest(encode(nodes[n])) + ",")
    _drop_last_comma(lines, 1)
    add('], "edges": [')
    first_edge = len(lines)
    for u in ids:
        out = succ[u]
        source = '{"source": ' + quoted[u] + ', "target": '
        for v in sorted(out) if len(out) > 1 else out:
            ends, keyed = source + quoted[v], out[v]
            for key in sorted(keyed) if len(keyed) > 1 else keyed:
                add(ends + _rest(encode(keyed[key])) + ",")
    _drop_last_comma(lines, first_edge)
    add("]}\n")
    return "\n".join(lines)


def _rest(encoded: str) -> str:
    """The record's other keys, after its id (or ends): ``{"a": 1}`` gives ``, "a": 1}``."""
    return "}" if encoded == "{}" else ", " + encoded[1:]


def _drop_last_comma(lines: list[str], first: int) -> None:
    if len(lines) > first:
        lines[-1] = lines[-1][:-1]
