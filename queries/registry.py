"""Every gap query by name: its Swedish title and description, its function and its Cypher twin."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import networkx as nx

from lokgraph.collector import collector_paused
from lokgraph.errors import LokgraphError

from ._graph import shared_index
from .catalog import CATALOG
from .gap import KINDS, Gap, evidence_from_json, filter_kommun, sort_gaps
from .hard_to_engage import hard_to_engage
from .lok_status import lok_status
from .missing_level import missing_level
from .missing_specialist import missing_specialist
from .no_answer import no_answer
from .single_bridge import bridges_from_rows, single_bridge
from .ungoverned_group import ungoverned_group

__all__ = [
    "CYPHER_DIR",
    "CypherRunner",
    "Query",
    "UnknownQueryError",
    "all_queries",
    "compact_cypher",
    "get_query",
    "rows_to_gaps",
    "run_all",
    "run_all_cypher",
    "run_cypher",
    "run_query",
]

CYPHER_DIR = Path(__file__).resolve().parent


class CypherRunner(Protocol):
    """What `run_cypher` needs of a store: Neo4jStore has it."""

    def run(self, cypher: str, **params: Any) -> list[dict]: ...


class UnknownQueryError(LokgraphError):
    """A query name that the registry does not hold."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            f"okänd fråga {name!r}",
            fix=f"Välj en av {', '.join(KINDS)} (lokgraph query --list visar vad var och en gör)",
        )


def compact_cypher(text: str) -> str:
    r"""The query without its comment lines, blank lines and indentation.

    The twins are commented for people reading them in Neo4j Browser; the server needs none
    of that. Only whole-line `//` comments are dropped, so a `//` inside a string literal is
    safe.

    >>> compact_cypher("// who\nMATCH (n)\n\n  RETURN n  // all")
    'MATCH (n)\nRETURN n  // all'
    """
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


def rows_to_gaps(rows: Iterable[dict]) -> list[Gap]:
    """Gaps from Cypher rows with columns kind, kommun, party, status, subject, detail,
    evidence (a list of evidence JSON strings) and, optionally, count and kommuner.

    Rows that agree on every column but evidence and kommuner are one gap, with the evidence
    and kommuner of all of them: a twin may return one row per quote to keep rows small.
    """
    merged: dict[tuple, dict] = {}
    for row in rows:
        key = tuple(row.get(column) for column in _KEY_COLUMNS)
        gap = merged.setdefault(
            key, {**dict(zip(_KEY_COLUMNS, key, strict=True)), "kommuner": [], "evidence": []}
        )
        gap["kommuner"] += row.get("kommuner") or ()
        gap["evidence"] += evidence_from_json(row.get("evidence"))
    return sort_gaps(Gap(**gap) for gap in merged.values())


_KEY_COLUMNS = ("kind", "kommun", "party", "status", "subject", "detail", "count")


@dataclass(frozen=True)
class Query:
    """One gap query: `function(graph, kommun=None)` over networkx, and its Cypher twin.

    `from_rows` turns the twin's rows into gaps; for most queries the rows are the gaps
    already, for single_bridge they are candidate graphs that Python finishes.
    """

    name: str
    title_sv: str
    description_sv: str
    function: Callable[..., list[Gap]]
    cypher_path: Path
    from_rows: Callable[[Iterable[dict]], list[Gap]] = rows_to_gaps

    @property
    def cypher(self) -> str:
        """The text of the Cypher twin, as a planner pastes it into Neo4j Browser."""
        return self.cypher_path.read_text(encoding="utf-8")


#: each query's function, and how its Cypher rows become gaps where they are not gaps already
_FUNCTIONS: dict[str, tuple[Callable[..., list[Gap]], dict[str, Any]]] = {
    "missing_specialist": (missing_specialist, {}),
    "lok_status": (lok_status, {}),
    "ungoverned_group": (ungoverned_group, {}),
    "missing_level": (missing_level, {}),
    "no_answer": (no_answer, {}),
    "single_bridge": (single_bridge, {"from_rows": bridges_from_rows}),
    "hard_to_engage": (hard_to_engage, {}),
}

_QUERIES: dict[str, Query] = {
    t.name: Query(
        t.name,
        t.title_sv,
        t.description_sv,
        _FUNCTIONS[t.name][0],
        CYPHER_DIR / f"{t.name}.cypher",
        **_FUNCTIONS[t.name][1],
    )
    for t in CATALOG
}


def all_queries() -> tuple[Query, ...]:
    """Every query, in report order.

    >>> [q.name for q in all_queries()][:3]
    ['missing_specialist', 'lok_status', 'ungoverned_group']
    """
    return tuple(_QUERIES[name] for name in KINDS)


def get_query(name: str) -> Query:
    """The query of a name, or an error that lists the names.

    >>> get_query("no_answer").name
    'no_answer'
    >>> get_query("missing_specalist")
    Traceback (most recent call last):
    queries.registry.UnknownQueryError: okänd fråga 'missing_specalist'. Välj en av ...
    """
    try:
        return _QUERIES[name]
    except KeyError:
        raise UnknownQueryError(name) from None


def run_query(name: str, graph: nx.MultiDiGraph, *, kommun: str | None = None) -> list[Gap]:
    """Run one query over a networkx graph.

    >>> from lokgraph.graph import new_graph
    >>> run_query("no_answer", new_graph())
    []
    """
    return get_query(name).function(graph, kommun=kommun)


def run_cypher(name: str, store: CypherRunner, *, kommun: str | None = None) -> list[Gap]:
    """Run one query's Cypher twin on a graph server (`store.run`), as the same gap list."""
    query = get_query(name)
    rows = store.run(compact_cypher(query.cypher))
    return sort_gaps(filter_kommun(query.from_rows(rows), kommun))


def run_all(
    graph: nx.MultiDiGraph,
    *,
    kommun: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Gap]:
    """Every query over a networkx graph, in report order (sharing one index of the graph).

    `progress(done, total)` is called after each query, for a progress bar.

    >>> from lokgraph.graph import build_graph
    >>> from lokgraph.models import Group, Principal, Relationship, Structure
    >>> orsa = Principal(id="kommun:orsa", name="Orsa", kind="kommun")
    >>> team = Group(id="group:orsa:kt", name="KT", group_type="konsultationsteam",
    ...              level="individ")
    >>> g = build_graph(Structure(nodes=(orsa, team), relationships=(
    ...     Relationship(type="SERVES", source=team.id, target=orsa.id),)))
    >>> done = []
    >>> sorted({gap.kind for gap in run_all(g, progress=lambda n, total: done.append(n))})
    ['missing_level', 'missing_specialist', 'ungoverned_group']
    >>> done == list(range(1, len(all_queries()) + 1))
    True
    """
    queries = all_queries()
    found: list[Gap] = []
    own_kinds = True  # every query's gaps of its own kind only
    # many small dicts and records, no cycles: the collector would walk the whole graph meanwhile
    with shared_index(graph), collector_paused():
        for done, q in enumerate(queries, start=1):
            gaps = q.function(graph, kommun=kommun)
            own_kinds = own_kinds and all(gap.kind == q.name for gap in gaps)
            found.extend(gaps)
            if progress:
                progress(done, len(queries))
    # Each query returns its gaps through `sort_gaps`, and the queries come in `KINDS` order,
    # the first part of the sort key: then the whole list is in report order already, with no
    # repeats (gaps of different kinds differ), and sorting it again is only work.
    return found if own_kinds else sort_gaps(found)


def run_all_cypher(store: CypherRunner, *, kommun: str | None = None) -> list[Gap]:
    """Every Cypher twin on a graph server, in report order."""
    return sort_gaps(g for q in all_queries() for g in run_cypher(q.name, store, kommun=kommun))
