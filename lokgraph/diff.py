"""What changed between two survey rounds: groups, members, absences, LÖK status and gaps.

Both sides are graphs (two rounds of one store through :func:`lokgraph.rounds.at_round`, or
two stores). Ids are deterministic, so the same group or LÖK has the same id on both sides.
Gaps come from the caller (the command line runs the gap queries on both sides), so this
module needs only the graph. Every change carries the quote from each side that shows it.

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
from functools import cache
from importlib import resources
from typing import Any, Literal, Protocol, get_args

import networkx as nx
import yaml
from pydantic import BaseModel, ConfigDict

from .codes import AREA_NAMES
from .reference import lan_names
from .rounds import kommun_index
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

ChangeKind = Literal[
    "group_added",
    "group_removed",
    "member_joined",
    "member_left",
    "absence_new",
    "absence_gone",
    "lok_status",
    "gap_opened",
    "gap_closed",
]
CHANGE_KINDS: tuple[str, ...] = get_args(ChangeKind)


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Change(_Record):
    """One change in one kommun (or county-wide when `kommun` is None)."""

    kind: ChangeKind
    kommun: str | None = None
    lan: str | None = None
    subject: str
    party: str | None = None
    before: str | None = None
    after: str | None = None
    quote_before: str = ""
    quote_after: str = ""
    source_before: str | None = None
    source_after: str | None = None
    #: for gap changes, the gap query that found it (queries/registry names)
    gap_kind: str | None = None
    #: the link the change is about, as node ids (for the maps): (from, to)
    link: tuple[str, str] | None = None


class Count(_Record):
    """How many kommuner of an area had something in each round ("SAMBU-team: 3 → 11")."""

    lan: str
    measure: str
    before: int
    after: int


class Diff(_Record):
    from_round: str | None = None
    to_round: str | None = None
    changes: tuple[Change, ...] = ()
    counts: tuple[Count, ...] = ()


class GapLike(Protocol):
    kind: str
    kommun: str | None
    party: str | None
    status: str | None
    subject: str | None
    detail: str
    evidence: Any


@cache
def change_words() -> dict[str, Any]:
    """The Swedish words of changes, statuses, group types and counts (data/changes.yaml)."""
    text = (resources.files("lokgraph") / "data" / "changes.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def status_word(status: str | None) -> str:
    """A LÖK status in Swedish.

    >>> status_word("in_force"), status_word(None)
    ('gällande', 'ingen uppgift')
    """
    return change_words()["statuses"].get(status, status or "")


def count_text(count: Count) -> str:
    """A count as a planner reads it.

    >>> count_text(Count(lan="x", measure="SAMBU-team", before=3, after=11))
    'SAMBU-team: 3 → 11 kommuner'
    >>> count_text(Count(lan="x", measure="BUP rapporteras saknas", before=1, after=1))
    'BUP rapporteras saknas: 1 → 1 kommun'
    """
    words = change_words()["counts"]
    unit = words["unit_one"] if count.after == 1 else words["unit"]
    return f"{count.measure}: {count.before} → {count.after} {unit}"


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
        self.home = kommun_index(graph)
        nodes = graph.nodes
        self.kommun_name = {k: nodes[v].get("name", v) for k, v in self.home.items()}
        self.lan = {k: _lan_name(nodes[v].get("lan_kod")) for k, v in self.home.items()}

    def name(self, node: str) -> str:
        return self.graph.nodes[node].get("name", node) if node in self.graph else node

    def where(self, *nodes: str) -> tuple[str | None, str | None]:
        for node in nodes:
            if node in self.home:
                return self.kommun_name[node], self.lan[node]
        return None, None


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
        for n, d in side.graph.nodes(data=True):
            if d["label"] == "Group" and n not in other.graph:
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
        for u, v, key, d in side.graph.edges(keys=True, data=True):
            if key != rel or other.graph.has_edge(u, v, key=key):
                continue
            if rel == "MEMBER_OF" and v not in other.graph:
                continue
            party = side.graph.nodes[u].get("party")
            subject = side.name(v)
            # the other side's word on the same pair: a member now absent, or the reverse
            opposite = other.graph.get_edge_data(u, v, key=_OPPOSITE[rel])
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
        for n, d in side.graph.nodes(data=True)
        if d["label"] == "Agreement" and d.get("kind") == "LOK"
    }
    for n in sorted(loks):
        old = a.graph.nodes[n] if n in a.graph else None
        new = b.graph.nodes[n] if n in b.graph else None
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
            lan = next(
                (side.lan[n] for n, name in side.kommun_name.items() if name == gap.kommun), None
            )
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
    kommun = next(
        (n for n, name in side.kommun_name.items() if name == gap.kommun and side.home[n] == n),
        None,
    )
    if kommun and gap.subject and gap.subject != kommun:
        return (gap.subject, kommun)
    return None


def _counts(a: _Side, b: _Side) -> list[Count]:
    words = change_words()
    tallies: list[dict[tuple[str, str], set[str]]] = []
    for side in (a, b):
        found: dict[tuple[str, str], set[str]] = defaultdict(set)
        graph = side.graph
        for u, v, key in graph.edges(keys=True):
            kommun = side.home.get(v) if key in ("SERVES", "ABSENT_FROM") else None
            if key == "ABSENT_FROM" and kommun is None:
                kommun = side.home.get(u)
            lan = side.lan.get(kommun) if kommun is not None else None
            if kommun is None or lan is None:
                continue
            if key == "SERVES" and graph.nodes[u]["label"] == "Group":
                kind = graph.nodes[u].get("group_type", "")
                name = words["group_types"].get(kind, kind)
                found[(lan, words["counts"]["group"].format(name=name))].add(kommun)
            elif key == "ABSENT_FROM":
                party = graph.nodes[u].get("party") or side.name(u)
                found[(lan, words["counts"]["absent"].format(party=party))].add(kommun)
        for n, d in graph.nodes(data=True):
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
