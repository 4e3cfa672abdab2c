"""Survey rounds: which round each import belongs to, and the graph as of one round.

A round is a plain string property on the Source node (`round`: a year such as "2024", or an
ISO date); every fact reaches its round through its evidence, which names its source. A store
may hold several rounds. :func:`at_round` is the one view that queries, maps and reports get:
for every kommun and kind of source (survey, structure, report …) it keeps the newest round up
to the one asked for, so a 2024 survey replaces the 2023 survey of the same kommuner while a
2015 agreement of another län stays. A store written before rounds existed has no `round` on
any source and reads as one unnamed round: its view is the whole graph.

>>> from lokgraph.graph import new_graph
>>> g = new_graph()
>>> g.add_node("source:a", label="Source", kind="survey", name="A", round="2023")
>>> g.add_node("source:b", label="Source", kind="survey", name="B", round="2024")
>>> rounds(g), latest_round(g)
(['2023', '2024'], '2024')
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from .adjacency import adjacency, node_dicts
from .collector import collector_paused
from .errors import InputError
from .models import Evidence, Source, Structure
from .round_values import BY_ROUND, values_at

__all__ = [
    "PLACING",
    "at_round",
    "at_rounds",
    "default_round",
    "file_heading",
    "kommun_index",
    "kommun_index_of",
    "latest_round",
    "round_label",
    "rounds",
    "with_round",
]

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_KEPT_ALWAYS = frozenset({"Area", "Principal"})


def round_label(round_: str | None) -> str:
    """How a planner reads a round.

    >>> round_label("2024"), round_label("")
    ('2024', 'utan omgång')
    """
    return round_ or "utan omgång"


def rounds(graph: nx.MultiDiGraph) -> list[str]:
    """The rounds of a graph's sources, oldest first ("" is the unnamed round)."""
    return sorted({d.get("round") or "" for _, d in graph.nodes(data=True) if _is_source(d)})


def latest_round(graph: nx.MultiDiGraph) -> str | None:
    """The newest round, or None when the graph has no sources.

    >>> from lokgraph.graph import new_graph
    >>> g = new_graph()
    >>> latest_round(g)
    >>> g.add_node("source:a", label="Source", kind="survey", name="Enkät", round="2024")
    >>> latest_round(g)
    '2024'
    """
    found = rounds(graph)
    return found[-1] if found else None


def default_round(source: Source, heading: str = "") -> str | None:
    """The round a source belongs to when the import names none: its date's year, else a year
    in its title or heading, else none.

    >>> default_round(Source(id="source:x", name="Enkät", kind="survey", date="2024-03-01"))
    '2024'
    >>> default_round(Source(id="source:y", name="Uppföljning LÖK 2023", kind="survey"))
    '2023'
    >>> default_round(Source(id="source:z", name="Enkät", kind="survey")) is None
    True
    """
    if source.date and _YEAR.match(source.date[:4]):
        return source.date[:4]
    for text in (source.name, heading):
        found = _YEAR.search(text or "")
        if found:
            return found.group(1)
    return None


def file_heading(path: Path) -> str:
    """The first non-empty line of a text file (where a survey names its year), else "".

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "e.txt"
    >>> _ = p.write_text("\\n  Uppföljning 2023 \\nKommun\\n", encoding="utf-8")
    >>> file_heading(p)
    'Uppföljning 2023'
    """
    if Path(path).suffix.lower() not in (".txt", ".md"):
        return ""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for _, line in zip(range(20), f, strict=False):
                if line.strip():
                    return line.strip()
    except OSError:
        return ""
    return ""


def with_round(structure: Structure, round_: str | None = None, heading: str = "") -> Structure:
    """The structure with its sources in a round: `round_` if given, else each one's default.

    A round given explicitly also goes into the source id (``source:enkat-txt@2024``), so the
    same file imported for two rounds keeps both, and importing it again for one round replaces
    only that round.
    """
    renamed: dict[str, str] = {}
    nodes = []
    for node in structure.nodes:
        if isinstance(node, Source):
            if round_:
                renamed[node.id] = f"{node.id}@{round_}"
                node = node.model_copy(update={"id": renamed[node.id], "round": round_})
            elif node.round is None:
                node = node.model_copy(update={"round": default_round(node, heading)})
        nodes.append(node)
    if not renamed:
        return Structure(nodes=tuple(nodes), relationships=structure.relationships)

    def moved(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        return tuple(
            e.model_copy(update={"source": renamed[e.source]}) if e.source in renamed else e
            for e in evidence
        )

    nodes = [n.model_copy(update={"evidence": moved(n.evidence)}) for n in nodes]
    rels = tuple(
        r.model_copy(
            update={
                "evidence": moved(r.evidence),
                "target": renamed.get(r.target, r.target),
            }
        )
        for r in structure.relationships
    )
    return Structure(nodes=tuple(nodes), relationships=rels)


def kommun_index(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Node id → the kommun it belongs to: a group's SERVES, a unit's PART_OF, a LÖK's kommun."""
    succ = adjacency(graph)[0]
    edges = [  # graph.edges(keys=True), in its order: the kinds of edge that place a node
        (u, v, key)
        for u, targets in succ.items()
        for v, keyed in targets.items()
        for key in keyed
        if key in PLACING
    ]
    return kommun_index_of(node_dicts(graph), edges)


#: the kinds of edge that place a node in a kommun
PLACING = frozenset({"SERVES", "PART_OF", "PARTY_TO"})


def kommun_index_of(
    nodes: dict[str, dict], edges: Iterable[tuple[str, str, str]]
) -> dict[str, str]:
    """`kommun_index` of a graph's node dicts and its PLACING edges (source, target, type) in
    the graph's order: the first edge that places a node wins.

    >>> nodes = {"kommun:hjo": {"label": "Principal", "kind": "kommun"},
    ...          "group:hjo:sambu": {"label": "Group"}}
    >>> kommun_index_of(nodes, [("group:hjo:sambu", "kommun:hjo", "SERVES")])
    {'kommun:hjo': 'kommun:hjo', 'group:hjo:sambu': 'kommun:hjo'}
    """
    found: dict[str, str] = {}
    lok_kommuner: dict[str, set[str]] = defaultdict(set)
    for n, d in nodes.items():
        if d["label"] == "Principal" and d.get("kind") == "kommun":
            found[n] = n
    for u, v, key in edges:
        if key in ("SERVES", "PART_OF") and v in found:
            found.setdefault(u, v)
        elif key == "PARTY_TO" and nodes[u].get("kind") == "kommun":
            lok_kommuner[v].add(u)
    for agreement, kommuner in lok_kommuner.items():
        if len(kommuner) == 1 and nodes[agreement].get("kind") == "LOK":
            found.setdefault(agreement, next(iter(kommuner)))
    return found


def at_round(graph: nx.MultiDiGraph, round_: str | None = None) -> nx.MultiDiGraph:
    """The graph as of a round (default: the latest); the graph itself when it has one round.

    For every kommun and kind of source, the newest round up to `round_` is the one that
    counts: evidence from an older round of that kind about that kommun is left out, and a
    node or edge left without evidence is left out too (kommuner and areas always stay).
    Properties are those of the round that stated them (see :mod:`lokgraph.round_values`).

    >>> from lokgraph import Fact, merge_into, new_graph, structure_of_facts
    >>> g = new_graph()
    >>> for year, party in (("2023", "BUP"), ("2024", "HAB")):
    ...     fact = Fact(kind="member", kommun="Orsa", party=party, group_type="styrgrupp",
    ...                 quote=f"{party} sitter med.", source=f"enkat-{year}.xlsx")
    ...     structure, sources = structure_of_facts([fact])
    ...     _ = merge_into(g, structure, replaces=sources, round=year)
    >>> [[u for u, _, key in at_round(g, year).edges(keys=True) if key == "MEMBER_OF"]
    ...  for year in ("2023", "2024")]
    [['unit:region-dalarna:bup'], ['unit:region-dalarna:hab']]
    """
    return at_rounds(graph, round_)[0]


def at_rounds(graph: nx.MultiDiGraph, *rounds_: str | None) -> tuple[nx.MultiDiGraph, ...]:
    """`at_round` for each of several rounds of one graph (the two sides of a diff): what the
    views share (each source's round and kind, each node's kommun, the kommuner each source
    speaks about) is found once, in two passes over the graph, not once per view.

    >>> from lokgraph.graph import new_graph
    >>> g = new_graph()
    >>> at_rounds(g, None, None) == (g, g)
    True
    """
    known = rounds(graph)
    for round_ in rounds_:
        if round_ is not None and round_ not in known:
            raise InputError(
                f"omgången {round_!r} finns inte i lagret",
                fix="Välj en av " + ", ".join(repr(r) for r in known)
                if known
                else "Importera först",
            )
    if len(known) <= 1:
        return tuple(graph for _ in rounds_)
    with collector_paused():
        said = _Said(graph)
        return tuple(_view(graph, _Current(said, round_)) for round_ in rounds_)


def _view(graph: nx.MultiDiGraph, current: _Current) -> nx.MultiDiGraph:
    home = current.home
    held, (succ, _) = node_dicts(graph), adjacency(graph)
    nodes = {
        n: _own(attrs, d)
        for n, d in held.items()
        if (attrs := _as_of(d, current, home.get(n), n)) is not None
    }
    edges = []
    for u, targets in succ.items():  # graph.edges(keys=True, data=True), in its order
        if u not in nodes:
            continue
        for v, keyed in targets.items():
            if v not in nodes:
                continue
            for key, d in keyed.items():
                if key == "STATED_IN":
                    if any(e["source"] == v for e in nodes[u].get("evidence", ())):
                        edges.append((u, v, key, dict(d)))
                    continue
                attrs = _as_of(d, current, home.get(u) or home.get(v), None)
                if attrs is not None:
                    edges.append((u, v, key, _own(attrs, d)))
    return _graph_of(nodes, edges)


def _own(attrs: dict, held: dict) -> dict:
    """The view's own dict of an item: `_as_of` made a new one, or a copy of the graph's, so
    the store's graph is never changed through the view."""
    return dict(held) if attrs is held else attrs


def _graph_of(nodes: dict[str, dict], edges: list[tuple[str, str, str, dict]]) -> nx.MultiDiGraph:
    """A MultiDiGraph of these nodes and edges (the view's own dicts), put in place as
    ``add_node`` and ``add_edge`` would put them, without their checks and copies (most of a
    view's time at 290 kommuner otherwise)."""
    view: nx.MultiDiGraph = nx.MultiDiGraph()
    attrs, (succ, pred) = node_dicts(view), adjacency(view)
    for n, d in nodes.items():
        attrs[n], succ[n], pred[n] = d, {}, {}
    for u, v, key, d in edges:
        keys = succ[u].get(v)
        if keys is None:
            keys = succ[u][v] = pred[v][u] = {}
        keys[key] = d
    return view


def _is_source(attrs: dict) -> bool:
    return attrs.get("label") == "Source"


class _Said:
    """What every round's view of a graph reads: each source's round and kind, each node's
    kommun, and the kommuner each source speaks about."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        nodes, (succ, _) = node_dicts(graph), adjacency(graph)
        sources = {n: d for n, d in nodes.items() if _is_source(d)}
        self.round_of = {s: d.get("round") or "" for s, d in sources.items()}
        self.kind_of = {s: d.get("kind", "") for s, d in sources.items()}
        self.home = home = kommun_index(graph)
        self.covers: dict[str, set[str]] = defaultdict(set)
        covers = self.covers
        for s, d in sources.items():
            covers[s].update(d.get("answered", ()))
        for n, kommun in home.items():
            for e in nodes[n].get("evidence", ()):
                covers[e["source"]].add(kommun)
        for u, targets in succ.items():
            for v, keyed in targets.items():
                k = home.get(u) or home.get(v)
                if k:
                    for d in keyed.values():
                        for e in d.get("evidence", ()):
                            covers[e["source"]].add(k)


class _Current:
    """Which evidence counts as of a round: newest per kommun and kind of source."""

    def __init__(self, said: _Said, round_: str | None) -> None:
        self.round_of, self.kind_of, self.home = said.round_of, said.kind_of, said.home
        covers = said.covers
        eligible = {s for s, r in self.round_of.items() if round_ is None or r <= round_}
        self.newest: dict[tuple[str, str], str] = {}
        for s in eligible:
            for k in covers[s]:
                slot = (k, self.kind_of[s])
                if self.newest.get(slot, "") <= self.round_of[s]:
                    self.newest[slot] = self.round_of[s]
        self.eligible = eligible
        #: sources that still count for something: newest for one of their kommuner, or for none
        self.sources = {
            s
            for s in eligible
            if not covers[s]
            or any(self.newest[(k, self.kind_of[s])] == self.round_of[s] for k in covers[s])
        }

        self._memo: dict[tuple[str, str | None], bool] = {}

    def __call__(self, source: str, kommun: str | None) -> bool:
        """Whether evidence from `source` about `kommun` (None: no kommun) counts."""
        key = (source, kommun)
        found = self._memo.get(key)
        if found is None:
            if source not in self.round_of:
                found = True  # evidence naming no Source node counts in every round
            elif source not in self.eligible:
                found = False
            elif kommun is None:
                found = source in self.sources
            else:
                found = self.newest.get((kommun, self.kind_of[source])) == self.round_of[source]
            self._memo[key] = found
        return found


def _as_of(attrs: dict, current: _Current, kommun: str | None, node: str | None) -> dict | None:
    """An item's attributes as of the round, or None when the round does not state it."""
    if node is not None and _is_source(attrs):
        return attrs if node in current.sources else None
    evidence = attrs.get("evidence")
    if not evidence:
        return attrs
    kept = [e for e in evidence if current(e["source"], kommun)]
    if not kept and attrs.get("label") not in _KEPT_ALWAYS:
        return None
    if BY_ROUND not in attrs:
        if len(kept) == len(evidence):
            return attrs
        return {**attrs, "evidence": kept}
    stated = [current.round_of.get(e["source"], "") for e in kept]
    values = values_at(attrs, max(stated)) if stated else values_at(attrs, None)
    values["evidence"] = kept
    return values
