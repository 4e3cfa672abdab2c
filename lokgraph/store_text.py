"""The store's text: one JSON document, written by json's C encoder in one call with sorted
keys and a line break after every item, so the same graph always gives the same bytes and a
change to the graph is a change of the lines it touches.

Version 2 of the store (issue 15) is the graph's own dicts as JSON: ``nodes`` maps each node's
id to its attributes, ``edges`` maps a source to its targets and each target to the edges
between them by type (an edge's key in the graph is its type), each edge with its attributes.
Every level is sorted, so nodes come by id and edges by source, target and type, as in version
1. Writing the graph's dicts as they are is all the store's save does: `json.dumps` of the same
document is its floor (`bench/run.py`). An item per line keeps the text line-based: a changed
value is one changed line, a new evidence record a few new lines, and a JSON error's line number
points at the value.

Version 1 (one node or edge record a line, a node with its ``id``, an edge with its ``source``
and ``target``; before that the same document indented) is read as it always was:
`lokgraph.store.graph_from_json` reads both, and the next save writes version 2.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("kommun:orsa", label="Principal", name="Orsa", kind="kommun")
>>> g.add_node("area:lan:20", label="Area", name="Dalarnas län", kind="lan")
>>> g.add_edge("kommun:orsa", "area:lan:20", key="IN_AREA", type="IN_AREA", evidence=[])
'IN_AREA'
>>> print(store_text(g), end="")
{"format": "lokgraph-store", "version": 2,
"nodes": {"area:lan:20": {"kind": "lan",
"label": "Area",
"name": "Dalarnas län"},
"kommun:orsa": {"kind": "kommun",
"label": "Principal",
"name": "Orsa"}},
"edges": {"kommun:orsa": {"area:lan:20": {"IN_AREA": {"evidence": [],
"type": "IN_AREA"}}}}}
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["FORMAT", "READS", "SEPARATORS", "VERSION", "store_text"]

FORMAT = "lokgraph-store"
VERSION = 2
#: the versions lokgraph reads
READS = (1, 2)
#: json's item and key separators in the store: a line break after every item
SEPARATORS = (",\n", ": ")

# `json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=SEPARATORS)` without its
# per-call set-up; with no indent, json encodes with its C encoder. Cycles cannot occur in a
# graph's attributes read from JSON or models, so the encoder keeps no markers.
_encode = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=SEPARATORS, check_circular=False
).encode

#: the document's opening, from FORMAT and VERSION
_HEAD = f'{{"format": {json.dumps(FORMAT)}, "version": {VERSION},\n"nodes": '


def store_text(graph: nx.MultiDiGraph) -> str:
    """The store text of a graph: equal graphs give equal text."""
    held = vars(graph)  # networkx's own dicts: node → attributes, source → target → key → attrs
    edges = {u: out for u, out in held["_succ"].items() if out}
    return _HEAD + _encode(held["_node"]) + ',\n"edges": ' + _encode(edges) + "}\n"
