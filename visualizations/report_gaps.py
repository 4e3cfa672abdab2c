"""The gaps a report shows: the gap queries' results as `ReportGap` records (without the
``queries`` package, the graph's reported absences) and the queries' Swedish titles.

>>> from lokgraph.graph import build_graph
>>> from lokgraph.models import Group, Principal, Relationship, Structure, Unit
>>> orsa = Principal(id="kommun:orsa", name="Orsa", kind="kommun")
>>> team = Group(id="group:orsa:kt", name="Konsultationsteam", group_type="konsultationsteam")
>>> bup = Unit(id="unit:dalarna:bup", name="BUP Dalarna", party="BUP")
>>> g = build_graph(Structure(nodes=(orsa, team, bup), relationships=(
...     Relationship(type="SERVES", source=team.id, target=orsa.id),
...     Relationship(type="ABSENT_FROM", source=bup.id, target=team.id))))
>>> [(gap.kommun, gap.detail) for gap in _absences(g)]
[('Orsa', 'BUP Dalarna saknas i Konsultationsteam (saknas)')]
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

import networkx as nx

from lokgraph.collector import collector_paused

from .context import RenderContext
from .tooltips import REASON_NAMES

__all__ = ["GAP_STATUS_NAMES", "QUERY_NAMES", "ReportGap", "gaps_of", "query_titles"]

#: Swedish headings of the gap queries, in report order.
QUERY_NAMES: dict[str, str] = {
    "missing_specialist": "Specialistnivån saknas (BUP, HAB, specialistvården)",
    "lok_status": "Lokal överenskommelse (LÖK) saknas eller är inte klar",
    "ungoverned_group": "Grupp utan styrning",
    "missing_level": "Samverkansnivå saknas",
    "no_answer": "Har inte svarat på enkäten",
    "single_bridge": "Samverkan hänger på en enda länk",
    "hard_to_engage": "Svår att få med",
    "reported_absent": "Rapporteras saknas",
}
GAP_STATUS_NAMES: dict[str, str] = {
    "reported_absent": "rapporteras saknas",
    "not_recorded": "ej uppgift",
    "partial_hard_to_engage": "deltar delvis, svår att få med",
    "in_force": "gällande",
    "in_progress": "under framtagande",
    "under_revision": "under revidering",
    "none": "saknas",
    "unknown": "okänd",
    "outlasts_rok": "gäller längre än RÖK",
    "unit": "verksamhet",
    "group": "grupp",
    **REASON_NAMES,
}


@dataclass(frozen=True)
class ReportGap:
    """A gap as the report shows it: the query, kommun(er), party, status, detail and quotes."""

    kind: str
    kommun: str | None
    kommuner: tuple[str, ...]
    party: str | None
    status: str | None
    detail: str
    evidence: tuple[dict, ...]


def gaps_of(
    graph: nx.MultiDiGraph,
    *,
    context: RenderContext | None = None,
    found_gaps: Iterable[object] | None = None,
) -> tuple[list[ReportGap], bool]:
    """Every gap the queries find, and whether the queries were there to ask.

    Without the ``queries`` package, the ABSENT_FROM edges of the graph stand in for them
    (kind ``reported_absent``), so a report always shows the reported absences. The queries
    share one index of the graph; a ``context`` of the graph keeps the missing_specialist
    gaps for the maps. ``found_gaps`` are the queries' gaps when they have already been run
    on this graph (``queries.registry.run_all``, in report order): they are not asked again.
    """
    found: list[ReportGap] = []
    ran = False
    if context is None or context.graph is not graph:
        context = RenderContext(graph)
    if found_gaps is not None:
        results = _by_kind(found_gaps)
    else:
        # many small records and no cycles, as in queries.registry.run_all
        with context.shared_queries(), collector_paused():
            results = [(name, list(func(graph))) for name, func in _query_functions()]
    for name, result in results:
        ran = True
        if name == "missing_specialist":
            context.specialist_gaps = result  # the same list the maps would ask the query for
        for gap in result:
            found.append(
                ReportGap(
                    kind=getattr(gap, "kind", name),
                    kommun=getattr(gap, "kommun", None),
                    kommuner=tuple(getattr(gap, "kommuner", ()) or ()),
                    party=getattr(gap, "party", None),
                    status=getattr(gap, "status", None),
                    detail=str(getattr(gap, "detail", "")),
                    evidence=tuple(_evidence_dict(e) for e in getattr(gap, "evidence", ())),
                )
            )
    if not ran:
        found = _absences(graph)
    return found, ran


def _by_kind(gaps: Iterable[object]) -> list[tuple[str, list]]:
    """Gaps in report order as (query name, its gaps), as running each query gives them."""
    results: dict[str, list] = {name: [] for name, _ in _query_functions()}
    for gap in gaps:
        results.setdefault(str(getattr(gap, "kind", "")), []).append(gap)
    return list(results.items())


#: a gap query: the graph in, its gaps out (queries/registry's functions)
_GapQuery = Callable[[nx.MultiDiGraph], Iterable[object]]


def _query_functions() -> list[tuple[str, _GapQuery]]:
    """The gap queries, from the registry when there is one, else one module per kind."""
    registry = _registry()
    if registry is not None:
        return [(q.name, q.function) for q in registry.all_queries()]
    try:
        kinds = importlib.import_module("queries.gap").KINDS
    except ImportError:
        return []
    functions: list[tuple[str, _GapQuery]] = []
    for kind in kinds:
        try:
            module = importlib.import_module(f"queries.{kind}")
        except ImportError:
            continue
        func = getattr(module, kind, None)
        if callable(func):
            functions.append((kind, func))
    return functions


def _registry() -> ModuleType | None:
    try:
        registry = importlib.import_module("queries.registry")
    except ImportError:
        return None
    return registry if hasattr(registry, "all_queries") else None


def query_titles() -> dict[str, tuple[str, str]]:
    """Each gap query's Swedish title and description: the registry's, else lokgraph's own."""
    titles = {name: (title, "") for name, title in QUERY_NAMES.items()}
    registry = _registry()
    if registry is not None:
        for q in registry.all_queries():
            titles[q.name] = (
                getattr(q, "title_sv", None) or titles.get(q.name, (q.name, ""))[0],
                getattr(q, "description_sv", "") or "",
            )
    return titles


def _evidence_dict(e: object) -> dict:
    if isinstance(e, dict):
        return e
    dump = getattr(e, "model_dump", None)
    data = dump() if dump else dict(vars(e))
    return {k: v for k, v in data.items() if v is not None}


def _absences(graph: nx.MultiDiGraph) -> list[ReportGap]:
    found = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        if key != "ABSENT_FROM":
            continue
        target = graph.nodes[v]
        names = sorted(
            graph.nodes[k].get("name", k)
            for _, k, kk in graph.out_edges(v, keys=True)
            if kk == "SERVES"
        ) or sorted(
            graph.nodes[k].get("name", k)
            for k, _, kk in graph.in_edges(v, keys=True)
            if kk == "PARTY_TO" and graph.nodes[k].get("kind") == "kommun"
        )
        unit = graph.nodes[u]
        reason = REASON_NAMES.get(data.get("reason") or "missing", "saknas")
        for name in names or [None]:
            found.append(
                ReportGap(
                    kind="reported_absent",
                    kommun=name,
                    kommuner=(),
                    party=unit.get("party"),
                    status=data.get("reason"),
                    detail=f"{unit.get('name', u)} saknas i {target.get('name', v)} ({reason})",
                    evidence=tuple(data.get("evidence", ())),
                )
            )
    return found
