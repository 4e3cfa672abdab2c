"""hard_to_engage: parties reported absent or hard to engage in several kommuner, ranked.

Semantics (the Cypher twin `hard_to_engage.cypher` gives the same rows):

- An ABSENT_FROM edge from a unit counts for every kommun its target belongs to: the kommuner
  a target Group SERVES, or the kommuner PARTY_TO a target LÖK (any area). Any `reason`
  counts (missing, not asked, hard to engage, needed).
- A kommun counts only when the party is reported absent there by the rule the matrix uses
  (`lokgraph.presence.presence`): a unit of the party that is MEMBER_OF a group serving the
  kommun (also partly), or PARTY_TO one of its LÖKs, outweighs the absence.
- A party (the unit's `party`) reported so in two kommuner or more is one county-level gap:
  `kommun` None, `kommuner` the kommuner, `count` how many, `evidence` the quotes of the
  counted edges, `detail` like "BUP rapporteras saknas i 5 av 11 kommuner".
- The "av N" is the number of kommuner the data says something about: a group serves them,
  they are party to a LÖK, or they answered a survey (a silent surveyed kommun is not counted).
- Ranked by `count`, most first (see `sort_gaps`).
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from lokgraph.adjacency import adjacency, node_dicts
from lokgraph.models import Evidence
from lokgraph.presence import presence

from ._graph import edge_evidence, graph_index, party_label
from .gap import Gap, filter_kommun, sort_gaps

__all__ = ["MIN_KOMMUNER", "hard_to_engage"]

MIN_KOMMUNER = 2
_RELATIONS = {"MEMBER_OF": "member", "PARTY_TO": "member", "ABSENT_FROM": "absent"}


def hard_to_engage(graph: nx.MultiDiGraph, *, kommun: str | None = None) -> list[Gap]:
    """Parties reported absent in at least two kommuner, most kommuner first.

    With `kommun`, only the parties reported absent there (still counted over every kommun).
    """
    index = graph_index(graph)
    nodes, (succ, _) = node_dicts(graph), adjacency(graph)
    lok_kommuner: dict[str, list[str]] = defaultdict(list)
    for k, loks in index.loks_of.items():
        for lok in loks:
            lok_kommuner[lok].append(k)
    links: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)
    absences: list[tuple[str, str, str, list[str]]] = []
    kommuner_of: dict[str, list[str]] = {}  # a target's kommuner, once per target
    units = [u for u, a in nodes.items() if a.get("label") == "Unit"]
    # only a party reported absent somewhere can be a gap: the others' links are never read
    reported = {
        str(nodes[u].get("party"))
        for u in units
        if any("ABSENT_FROM" in keyed for keyed in succ[u].values())
    }
    for u, targets in succ.items():  # graph.edges(keys=True, data=True), in its order
        if nodes[u].get("label") != "Unit":
            continue
        party = str(nodes[u].get("party"))
        if party not in reported:
            continue
        for t, keyed in targets.items():
            for key, data in keyed.items():
                relation = _RELATIONS.get(key)
                if relation is None:
                    continue
                if relation == "member" and data.get("partial"):
                    relation = "partial"
                kommuner = kommuner_of.get(t)
                if kommuner is None:
                    kommuner = index.kommuner_of.get(t, []) + lok_kommuner.get(t, [])
                    kommuner_of[t] = kommuner
                for k in kommuner:
                    links[(party, k)].append((relation, nodes[t].get("group_type")))
                if relation == "absent" and kommuner:
                    absences.append((party, u, t, kommuner))
    places: dict[str, set[str]] = defaultdict(set)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for party, u, t, kommuner in absences:
        counted = [k for k in kommuner if presence(links[(party, k)]) == "absent"]
        if counted:
            places[party].update(counted)
            evidence[party] += edge_evidence(graph, u, t, "ABSENT_FROM")
    informed = len(index.informed_kommuner())
    gaps = []
    for party, found in places.items():
        if len(found) < MIN_KOMMUNER:
            continue
        gaps.append(
            Gap(
                kind="hard_to_engage",
                party=party,
                detail=(
                    f"{party_label(party)} rapporteras saknas i {len(found)} av {informed} kommuner"
                ),
                count=len(found),
                kommuner=tuple(index.kommuner[k] for k in found),
                evidence=tuple(evidence[party]),
            )
        )
    return sort_gaps(filter_kommun(gaps, kommun))
