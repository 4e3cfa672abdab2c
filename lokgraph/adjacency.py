"""The adjacency dicts behind a MultiDiGraph, typed, for the few hot loops that use them.

networkx's views (``graph.succ``, ``graph.adj``) check and wrap every lookup; at 290 kommuner
that costs more than the work a gap query or a round view does. These loops read (or fill)
the dicts networkx keeps itself: node → neighbour → edge key → attribute dict. The networkx
stubs do not declare them, so this module is the one typed way to them.

>>> import networkx as nx
>>> graph = nx.MultiDiGraph()
>>> graph.add_edge("unit:bup", "group:styrgrupp", key="MEMBER_OF", type="MEMBER_OF")
'MEMBER_OF'
>>> succ, pred = adjacency(graph)
>>> succ["unit:bup"]["group:styrgrupp"]["MEMBER_OF"]
{'type': 'MEMBER_OF'}
>>> pred["group:styrgrupp"]["unit:bup"] is succ["unit:bup"]["group:styrgrupp"]
True
>>> node_dicts(graph)["unit:bup"] is graph.nodes["unit:bup"]
True
"""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["Adjacency", "adjacency", "node_dicts"]

#: node → neighbour → edge key → the edge's attributes
Adjacency = dict[str, dict[str, dict[str, dict[str, Any]]]]


def adjacency(graph: nx.MultiDiGraph) -> tuple[Adjacency, Adjacency]:
    """The successor and predecessor dicts of `graph` (its own, not copies).

    Writing into them adds edges without networkx's checks: both sides must be filled with
    the same key dict, as :func:`lokgraph.rounds.at_round` does.
    """
    held = vars(graph)
    return held["_succ"], held["_pred"]


def node_dicts(graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """node → its attribute dict, the one `graph.nodes[node]` gives (networkx's own dict,
    without the view's checks on every lookup)."""
    held: dict[str, dict[str, Any]] = vars(graph)["_node"]
    return held
