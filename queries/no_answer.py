"""no_answer: kommuner that a survey asked and that gave no answer in it.

Semantics (the Cypher twin `no_answer.cypher` gives the same rows):

- For every Source with a `surveyed` list, each kommun id on it that is not on its `answered`
  list is a gap: `kommun` the kommun's name (its id if the graph has no such node),
  `subject` the survey's id, no evidence (the survey holds no quote from the kommun).
- A kommun asked by two surveys and silent in both gives two gaps.
"""

from __future__ import annotations

import networkx as nx

from .gap import Gap, filter_kommun, sort_gaps

__all__ = ["no_answer"]


def no_answer(graph: nx.MultiDiGraph, *, kommun: str | None = None) -> list[Gap]:
    """Per survey and kommun asked but silent: one gap.

    >>> from lokgraph.graph import build_graph
    >>> from lokgraph.models import Source, Structure
    >>> survey = Source(id="source:enkat", name="Enkät", kind="survey",
    ...                 surveyed=("kommun:falun", "kommun:orsa"), answered=("kommun:orsa",))
    >>> [gap.detail for gap in no_answer(build_graph(Structure(nodes=(survey,))))]
    ['kommun:falun har inte svarat på Enkät']
    """
    nodes = graph.nodes
    gaps = []
    for source, attrs in nodes(data=True):
        if attrs.get("label") != "Source" or not attrs.get("surveyed"):
            continue
        answered = set(attrs.get("answered") or ())
        for k in attrs["surveyed"]:
            if k in answered:
                continue
            known = k in graph and nodes[k].get("label") == "Principal"
            name = nodes[k].get("name", k) if known else k
            gaps.append(
                Gap(
                    kind="no_answer",
                    kommun=name,
                    subject=source,
                    detail=f"{name} har inte svarat på {attrs.get('name', source)}",
                )
            )
    return sort_gaps(filter_kommun(gaps, kommun))
