"""lok_status: kommuner whose LÖK per area is missing or not in force; LÖKs outlasting a RÖK.

Semantics (the Cypher twin `lok_status.cypher` gives the same rows):

- The kommuner checked are those a survey Source lists as surveyed and those PARTY_TO a LÖK.
- The areas checked are barn och unga, always, and every other area that some Agreement in
  the graph has (a graph holding only LÖKs for barn och unga is not asked about missbruk).
- For each kommun and area: each of the kommun's LÖKs of that area whose status is not
  ``in_force`` is a gap with that status (``none``, ``in_progress``, ``under_revision``, or
  ``unknown``, which a LÖK without a status also gets), evidence the LÖK's own quotes; a kommun
  with no LÖK of that area at all is a gap with status ``not_recorded``.
- Each LÖK whose `valid_to` is after the `valid_to` of a RÖK it IMPLEMENTS is a gap with status
  ``outlasts_rok``, once per kommun party to it (kommun None when none is), evidence the
  quotes of both agreements. Dates are ISO strings, which compare in date order.
"""

from __future__ import annotations

import networkx as nx

from lokgraph.codes import AGREEMENT_AREAS

from ._graph import GraphIndex, area_words, graph_index, node_evidence
from .gap import Gap, filter_kommun, sort_gaps

__all__ = ["STATUS_WORDS", "lok_status"]

STATUS_WORDS: dict[str, str] = {
    "none": "saknas enligt källan",
    "in_progress": "under framtagande",
    "under_revision": "under revidering",
    "unknown": "status okänd",
    "not_recorded": "finns inte i underlaget",
}


def lok_status(graph: nx.MultiDiGraph, *, kommun: str | None = None) -> list[Gap]:
    """LÖKs that are missing, not in force, or valid longer than their RÖK.

    >>> from lokgraph.graph import build_graph
    >>> from lokgraph.models import Agreement, Principal, Relationship, Structure
    >>> orsa = Principal(id="kommun:orsa", name="Orsa", kind="kommun")
    >>> lok = Agreement(id="agreement:lok:orsa:barn-unga", name="LÖK Orsa", kind="LOK",
    ...                 status="in_progress")
    >>> g = build_graph(Structure(nodes=(orsa, lok), relationships=(
    ...     Relationship(type="PARTY_TO", source=orsa.id, target=lok.id),)))
    >>> [gap.detail for gap in lok_status(g)]
    ['LÖK för barn och unga i Orsa: under framtagande']
    """
    index = graph_index(graph)
    nodes = graph.nodes
    agreements = [n for n, a in nodes(data=True) if a.get("label") == "Agreement"]
    present = {nodes[a].get("area") for a in agreements} | {"barn_unga"}
    areas = [a for a in AGREEMENT_AREAS if a in present]
    areas += sorted(a for a in present if a not in AGREEMENT_AREAS and a is not None)
    gaps = []
    checked = [k for k in index.kommuner if k in index.surveyed or index.loks_of.get(k)]
    for k in checked:
        name = index.kommuner[k]
        for area in areas:
            loks = index.loks(k, area)
            if not loks:
                gaps.append(_status_gap(name, area, "not_recorded", None, []))
            for lok in loks:
                status = nodes[lok].get("status") or "unknown"
                if status != "in_force":
                    evidence = node_evidence(graph, lok)
                    gaps.append(_status_gap(name, area, status, lok, evidence))
    for lok in agreements:
        attrs = nodes[lok]
        if attrs.get("kind") != "LOK" or not attrs.get("valid_to"):
            continue
        for _, rok, key in graph.out_edges(lok, keys=True):
            rok_attrs = nodes[rok]
            if key != "IMPLEMENTS" or rok_attrs.get("label") != "Agreement":
                continue
            if not rok_attrs.get("valid_to") or attrs["valid_to"] <= rok_attrs["valid_to"]:
                continue
            detail = (
                f"{attrs['name']} gäller till {attrs['valid_to']}, efter {rok_attrs['name']} "
                f"som den bygger på (gäller till {rok_attrs['valid_to']})"
            )
            evidence = node_evidence(graph, lok) + node_evidence(graph, rok)
            parties: list[str | None] = [
                index.kommuner[p] for p in _principals(graph, lok, index)
            ] or [None]
            for owner in parties:
                gaps.append(
                    Gap(
                        kind="lok_status",
                        kommun=owner,
                        status="outlasts_rok",
                        subject=lok,
                        detail=detail,
                        evidence=tuple(evidence),
                    )
                )
    return sort_gaps(filter_kommun(gaps, kommun))


def _principals(graph: nx.MultiDiGraph, agreement: str, index: GraphIndex) -> list[str]:
    return [k for k in index.in_edges.get((agreement, "PARTY_TO"), ()) if k in index.kommuner]


def _status_gap(kommun: str, area: str, status: str, lok: str | None, evidence: list) -> Gap:
    words = STATUS_WORDS.get(status, status)
    return Gap(
        kind="lok_status",
        kommun=kommun,
        status=status,
        subject=lok,
        detail=f"LÖK för {area_words(area)} i {kommun}: {words}",
        evidence=tuple(evidence),
    )
