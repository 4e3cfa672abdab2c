"""What changed between two survey rounds: groups, members, absences, LÖK status and gaps.

Both sides are graphs (two rounds of one store through :func:`lokgraph.rounds.at_round`, or
two stores). Ids are deterministic, so the same group or LÖK has the same id on both sides.
Gaps come from the caller (the command line runs the gap queries on both sides), so this
module needs only the graph. Every change carries the quote from each side that shows it.
The records and their Swedish words are :mod:`lokgraph.diff_records` (exported here too).

>>> from lokgraph.graph import new_graph
>>> a, b = new_graph(), new_graph()
>>> for g in (a, b):
...     g.add_node("kommun:hjo", label="Principal", kind="kommun", name="Hjo", lan_kod="14")
>>> b.add_node("group:hjo:sambu", label="Group", name="SAMBU-team Hjo", group_type="sambu",
...            evidence=[{"source": "s", "quote": "Hjo har ett SAMBU-team."}])
>>> b.add_edge("group:hjo:sambu", "kommun:hjo", key="SERVES", type="SERVES", evidence=[])
'SERVES'
>>> found = diff_graphs(a, b)
>>> [(c.kind, c.kommun, c.quote_after) for c in found.changes]
[('group_added', 'Hjo', 'Hjo har ett SAMBU-team.')]
>>> [(c.measure, c.before, c.after) for c in found.counts if c.before != c.after]
[('SAMBU-team', 0, 1)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property
from typing import Any

import networkx as nx

from .adjacency import adjacency, node_dicts
from .codes import AREA_NAMES
from .diff_records import (
    CHANGE_KINDS,
    Change,
    ChangeKind,
    Count,
    Diff,
    GapLike,
    change_words,
    count_text,
    status_word,
)
from .reference import lan_names
from .rounds import PLACING, kommun_index_of
from .sv import sv_key

__all__ = [
    "CHANGE_KINDS",
    "Change",
    "Count",
    "Diff",
    "change_words",
    "count_text",
    "diff_graphs",
    "status_word",
]


def diff_graphs(
    before: nx.MultiDiGraph,
    after: nx.MultiDiGraph,
    *,
    gaps_before: Iterable[GapLike] = (),
    gaps_after: Iterable[GapLike] = (),
    from_round: str | None = None,
    to_round: str | None = None,
) -> Diff:
    """Every change from `before` to `after`, per kommun, and the counts per län."""
    sides = (_Side(before), _Side(after))
    changes = [
        *_groups(*sides),
        *_links(*sides, "MEMBER_OF", ("member_joined", "member_left")),
        *_links(*sides, "ABSENT_FROM", ("absence_new", "absence_gone")),
        *_lok_status(*sides),
        *_gaps(sides, list(gaps_before), list(gaps_after)),
    ]
    changes.sort(
        key=lambda c: (c.lan or "", sv_key(c.kommun), CHANGE_KINDS.index(c.kind), c.subject)
    )
    return Diff(
        from_round=from_round,
        to_round=to_round,
        changes=tuple(changes),
        counts=tuple(_counts(*sides)),
    )


class _Side:
    """One side of a diff with the indexes the passes share."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph
        # networkx's own dicts: its views check and wrap every lookup (lokgraph.adjacency)
        self.nodes = nodes = node_dicts(graph)
        self.succ = adjacency(graph)[0]
        self.edges, placing = _edges_by_type(self.succ)
        self.home = kommun_index_of(nodes, placing)
        self.kommun_name = {k: nodes[v].get("name", v) for k, v in self.home.items()}
        self.lan = {k: _lan_name(nodes[v].get("lan_kod")) for k, v in self.home.items()}

    def name(self, node: str) -> str:
        attrs = self.nodes.get(node)
        return node if attrs is None else attrs.get("name", node)

    def where(self, *nodes: str) -> tuple[str | None, str | None]:
        for node in nodes:
            if node in self.home:
                return self.kommun_name[node], self.lan[node]
        return None, None

    @cached_property
    def by_kommun_name(self) -> dict[str, tuple[str | None, str | None]]:
        """A kommun's name → (its län, its node), for the gaps, which name their kommun: the
        first node of that kommun, in the graph's order, gives the län."""
        found: dict[str, tuple[str | None, str | None]] = {}
        for n, name in self.kommun_name.items():
            lan, kommun = found.setdefault(name, (self.lan[n], None))
            if kommun is None and self.home[n] == n:
                found[name] = (lan, n)
        return found


def _lan_name(lan_kod: str | None) -> str | None:
    return lan_names().get(lan_kod or "")


def _quote(attrs: dict | None) -> tuple[str, str | None]:
    evidence = (attrs or {}).get("evidence") or []
    quoted = [e for e in evidence if e.get("quote")] or evidence
    if not quoted:
        return "", None
    return quoted[0].get("quote", ""), quoted[0].get("source")


def _change(
    kind: ChangeKind, side: _Side, ends: tuple[str, ...], subject: str, **kw: Any
) -> Change:
    kommun, lan = side.where(*ends)
    return Change(kind=kind, kommun=kommun, lan=lan, subject=subject, **kw)


def _groups(a: _Side, b: _Side) -> list[Change]:
    found = []
    passes: tuple[tuple[_Side, _Side, ChangeKind], ...] = (
        (b, a, "group_added"),
        (a, b, "group_removed"),
    )
    for side, other, kind in passes:
        for n, d in side.nodes.items():
            if d["label"] == "Group" and n not in other.nodes:
                quote, source = _quote(d)
                keys = (
                    ("quote_after", "source_after")
                    if kind == "group_added"
                    else (
                        "quote_before",
                        "source_before",
                    )
                )
                found.append(
                    _change(
                        kind,
                        side,
                        (n,),
                        d.get("name", n),
                        **dict(zip(keys, (quote, source), strict=True)),
                    )
                )
    return found


_OPPOSITE = {"MEMBER_OF": "ABSENT_FROM", "ABSENT_FROM": "MEMBER_OF"}


def _links(a: _Side, b: _Side, rel: str, kinds: tuple[ChangeKind, ChangeKind]) -> list[Change]:
    """Edges of one type that appeared or went, where both ends exist on both sides.

    A member of a group that is itself new or gone is part of that group's change, not a
    change of its own; an absence is always its own change.
    """
    found = []
    passes: tuple[tuple[_Side, _Side, ChangeKind], ...] = ((b, a, kinds[0]), (a, b, kinds[1]))
    for side, other, kind in passes:
        for u, v, d in side.edges[rel]:
            there_keyed = other.succ.get(u, {}).get(v, {})
            if rel in there_keyed:
                continue
            if rel == "MEMBER_OF" and v not in other.nodes:
                continue
            party = side.nodes[u].get("party")
            subject = side.name(v)
            # the other side's word on the same pair: a member now absent, or the reverse
            opposite = there_keyed.get(_OPPOSITE[rel])
            here, there = _quote(d), _quote(opposite)
            added = kind in ("member_joined", "absence_new")
            (qb, sb), (qa, sa) = (there, here) if added else (here, there)
            kw = {"quote_before": qb, "source_before": sb, "quote_after": qa, "source_after": sa}
            found.append(
                _change(kind, side, (v, u), subject, party=party or side.name(u), link=(u, v), **kw)
            )
    return found


def _lok_status(a: _Side, b: _Side) -> list[Change]:
    found = []
    loks = {
        n
        for side in (a, b)
        for n, d in side.nodes.items()
        if d["label"] == "Agreement" and d.get("kind") == "LOK"
    }
    for n in sorted(loks):
        old, new = a.nodes.get(n), b.nodes.get(n)
        before = old.get("status") if old else None
        after = new.get("status") if new else None
        if before == after:
            continue
        side = b if new else a
        quote_before, source_before = _quote(old)
        quote_after, source_after = _quote(new)
        found.append(
            _change(
                "lok_status",
                side,
                (n,),
                side.name(n),
                before=before,
                after=after,
                quote_before=quote_before,
                quote_after=quote_after,
                source_before=source_before,
                source_after=source_after,
            )
        )
    return found


def _gap_key(gap: GapLike) -> tuple:
    return (gap.kind, gap.kommun, gap.party, gap.status, gap.subject)


def _gaps(sides: tuple[_Side, _Side], before: list[GapLike], after: list[GapLike]) -> list[Change]:
    found = []
    keys_before = {_gap_key(g): g for g in before}
    keys_after = {_gap_key(g): g for g in after}
    passes: tuple[tuple[ChangeKind, dict[tuple, GapLike], dict[tuple, GapLike], _Side], ...] = (
        ("gap_opened", keys_after, keys_before, sides[1]),
        ("gap_closed", keys_before, keys_after, sides[0]),
    )
    for kind, mine, theirs, side in passes:
        for key, gap in mine.items():
            if key in theirs:
                continue
            evidence = list(gap.evidence or ())
            quote = evidence[0].quote if evidence else ""
            source = evidence[0].source if evidence else None
            lan, _ = side.by_kommun_name.get(gap.kommun or "", (None, None))
            opened = kind == "gap_opened"
            found.append(
                Change(
                    kind=kind,
                    kommun=gap.kommun,
                    lan=lan,
                    subject=gap.detail,
                    party=gap.party,
                    gap_kind=gap.kind,
                    link=_gap_link(side, gap),
                    quote_after=quote if opened else "",
                    source_after=source if opened else None,
                    quote_before="" if opened else quote,
                    source_before=None if opened else source,
                )
            )
    return found


def _gap_link(side: _Side, gap: GapLike) -> tuple[str, str] | None:
    """The kommun a gap is about and its subject, for the map's closed-gap lines."""
    _, kommun = side.by_kommun_name.get(gap.kommun or "", (None, None))
    if kommun and gap.subject and gap.subject != kommun:
        return (gap.subject, kommun)
    return None


def _counts(a: _Side, b: _Side) -> list[Count]:
    words = change_words()
    tallies: list[dict[tuple[str, str], set[str]]] = []
    for side in (a, b):
        found: dict[tuple[str, str], set[str]] = defaultdict(set)
        nodes = side.nodes
        for key in ("SERVES", "ABSENT_FROM"):  # the kinds of edge the counts count
            for u, v, _ in side.edges[key]:
                _count_edge(found, side, u, v, key, words)
        for n, d in nodes.items():
            if (
                d["label"] == "Agreement"
                and d.get("kind") == "LOK"
                and d.get("status") == "in_force"
            ):
                kommun = side.home.get(n)
                lan = side.lan.get(kommun) if kommun else None
                if kommun and lan:
                    area = AREA_NAMES.get(d.get("area", ""), d.get("area", ""))
                    label = words["counts"]["lok_in_force"].format(area=area)
                    found[(lan, label)].add(kommun)
        tallies.append(found)
    keys = sorted(set(tallies[0]) | set(tallies[1]), key=lambda k: (sv_key(k[0]), sv_key(k[1])))
    return [
        Count(
            lan=lan,
            measure=m,
            before=len(tallies[0].get((lan, m), ())),
            after=len(tallies[1].get((lan, m), ())),
        )
        for lan, m in keys
    ]


def _count_edge(
    found: dict[tuple[str, str], set[str]], side: _Side, u: str, v: str, key: str, words: dict
) -> None:
    """Count a SERVES edge of a group for its kommun, an ABSENT_FROM edge for its party."""
    kommun = side.home.get(v)
    if key == "ABSENT_FROM" and kommun is None:
        kommun = side.home.get(u)
    lan = side.lan.get(kommun) if kommun is not None else None
    if kommun is None or lan is None:
        return
    attrs = side.nodes[u]
    if key == "SERVES" and attrs["label"] == "Group":
        kind = attrs.get("group_type", "")
        name = words["group_types"].get(kind, kind)
        found[(lan, words["counts"]["group"].format(name=name))].add(kommun)
    elif key == "ABSENT_FROM":
        party = attrs.get("party") or side.name(u)
        found[(lan, words["counts"]["absent"].format(party=party))].add(kommun)


#: the kinds of edge the diff reads: members and absences for the changes, SERVES for counts
_READ = ("MEMBER_OF", "ABSENT_FROM", "SERVES")


def _edges_by_type(
    succ: dict,
) -> tuple[dict[str, list[tuple[str, str, dict]]], list[tuple[str, str, str]]]:
    """The edges of each type the diff reads, as (source, target, attributes) in the graph's
    order, and the edges that place a node in a kommun (`lokgraph.rounds.kommun_index_of`),
    from one pass over the graph (each pass over the 290-kommun graph's 41,000 edges misses
    the processor's caches anew)."""
    found: dict[str, list[tuple[str, str, dict]]] = {rel: [] for rel in _READ}
    placing: list[tuple[str, str, str]] = []
    for u, targets in succ.items():
        for v, keyed in targets.items():
            for key, d in keyed.items():
                edges = found.get(key)
                if edges is not None:
                    edges.append((u, v, d))
                if key in PLACING:
                    placing.append((u, v, key))
    return found, placing
