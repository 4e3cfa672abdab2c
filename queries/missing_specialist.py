"""missing_specialist: kommuner where BUP, HAB or the specialist level has no link at all.

Semantics (the Cypher twin `missing_specialist.cypher` gives the same rows):

- The kommuner checked are those that appear in the data: a group SERVES them, they are
  PARTY_TO a LÖK, or a survey Source lists them as surveyed (answered or not).
- The parties checked are BUP, HAB and SPECIALIST, "the specialist level as a whole": any
  unit with `care_level` specialist (BUP, HAB, öppenpsykiatri, slutenvård, …) counts for it.
- A party is present in a kommun when a unit of that party is MEMBER_OF a group that SERVES
  the kommun (a `partial` membership counts) or is PARTY_TO one of the kommun's LÖKs for
  barn och unga. Membership of groups of other kommuner, or of groups higher up the
  governance chain, does not count.
- Otherwise the gap has status ``reported_absent`` when a unit of that party has an
  ABSENT_FROM edge to a group serving the kommun or to its LÖK for barn och unga (the evidence
  is the quotes of those edges), and ``not_recorded`` when nothing is said either way.
- A party that takes part only partly (``partial`` memberships, no full membership of a named
  kind of group, no LÖK party) *and* is reported absent or hard to engage there is a gap too,
  status ``partial_hard_to_engage``, with the quotes of both (`lokgraph.presence`, the reading
  the coverage matrix shares).
"""

from __future__ import annotations

import networkx as nx

from lokgraph.adjacency import adjacency, node_dicts
from lokgraph.codes import SPECIALIST_PARTIES
from lokgraph.models import Evidence
from lokgraph.presence import is_partial_gap, presence

from ._graph import SPECIALIST, edge_evidence, graph_index, party_label, party_matches
from .gap import Gap, filter_kommun, sort_gaps

__all__ = ["PARTIES_CHECKED", "missing_specialist"]

PARTIES_CHECKED: tuple[str, ...] = (*SPECIALIST_PARTIES, SPECIALIST)
_WHAT = "inte medlem i någon grupp för kommunen och inte part i LÖK för barn och unga"


def missing_specialist(graph: nx.MultiDiGraph, *, kommun: str | None = None) -> list[Gap]:
    """Per kommun and specialist party with no membership and no LÖK party: one gap.

    >>> from lokgraph.graph import build_graph
    >>> from lokgraph.models import Principal, Group, Relationship, Structure
    >>> orsa = Principal(id="kommun:orsa", name="Orsa", kind="kommun")
    >>> team = Group(id="group:orsa:kt", name="KT", group_type="konsultationsteam")
    >>> g = build_graph(Structure(nodes=(orsa, team), relationships=(
    ...     Relationship(type="SERVES", source=team.id, target=orsa.id),)))
    >>> [(gap.party, gap.status) for gap in missing_specialist(g)]
    [('BUP', 'not_recorded'), ('HAB', 'not_recorded'), ('SPECIALIST', 'not_recorded')]
    """
    index = graph_index(graph)
    nodes = node_dicts(graph)
    gaps = []
    for k in index.data_kommuner():
        targets = index.groups_of.get(k, []) + index.loks(k, "barn_unga")
        edges = [
            (u, t, key)
            for t in targets
            for key in ("MEMBER_OF", "PARTY_TO", "ABSENT_FROM")
            for u in index.units_into(t, key)
        ]
        for party in PARTIES_CHECKED:
            mine = [(u, t, key) for u, t, key in edges if party_matches(nodes[u], party)]
            links = [_link(graph, u, t, key) for u, t, key in mine]
            present = presence(links)
            if present == "member" or (present == "partial" and not is_partial_gap(links)):
                continue
            evidence: list[Evidence] = []
            for (u, t, key), (relation, _) in zip(mine, links, strict=True):
                if relation in ("absent", "partial"):
                    evidence += edge_evidence(graph, u, t, key)
            status = {"partial": "partial_hard_to_engage", "absent": "reported_absent"}
            gaps.append(
                _gap(index.kommuner[k], party, status.get(present, "not_recorded"), evidence)
            )
    return sort_gaps(filter_kommun(gaps, kommun))


def _link(graph: nx.MultiDiGraph, unit: str, target: str, key: str) -> tuple[str, str | None]:
    """(relation, group_type) of one edge, for `lokgraph.presence`."""
    data = adjacency(graph)[0][unit][target][key]
    relation = {"ABSENT_FROM": "absent", "PARTY_TO": "member"}.get(key)
    if relation is None:
        relation = "partial" if data.get("partial") else "member"
    return relation, node_dicts(graph)[target].get("group_type")


def _gap(kommun: str, party: str, status: str, evidence: list[Evidence]) -> Gap:
    label = party_label(party)
    if status == "partial_hard_to_engage":
        detail = (
            f"{label} deltar bara delvis i {kommun} och rapporteras svår att få med: "
            "ingen full medverkan i någon grupp för kommunen och inte part i LÖK för barn och unga"
        )
    elif status == "reported_absent":
        detail = f"{label} rapporteras saknas i {kommun}: {_WHAT}"
    else:
        detail = f"{label} finns inte i underlaget för {kommun}: {_WHAT}"
    return Gap(
        kind="missing_specialist",
        kommun=kommun,
        party=party,
        status=status,
        detail=detail,
        evidence=tuple(evidence),
    )
