"""queries: the gap queries, each a Python function over the graph with a Cypher twin.

The public names are those in ``__all__`` (listed in the README); the modules behind them are
private. Run every query with `run_all`, one with `run_query`, or their Cypher twins on a
Neo4j server with `run_all_cypher` and `run_cypher`.

>>> from lokgraph import Fact, LokgraphError, new_graph, merge_into, structure_of_facts
>>> from queries import KINDS, get_query, run_all, run_query
>>> fact = Fact(kind="absent", kommun="Orsa", party="BUP", group_type="styrgrupp",
...             reason="not_participating", quote="BUP deltar inte i styrgruppen.",
...             source="orsa.xlsx")
>>> graph = new_graph()
>>> _ = merge_into(graph, structure_of_facts([fact])[0])
>>> [(gap.party, gap.status) for gap in run_query("missing_specialist", graph)][:2]
[('BUP', 'reported_absent'), ('HAB', 'not_recorded')]
>>> sorted({gap.kind for gap in run_all(graph)} - set(KINDS))
[]
>>> query = get_query("missing_specialist")
>>> isinstance(query, Query), query.title_sv, query.cypher.startswith("//")
(True, 'Specialistnivån saknas', True)
>>> [q.name for q in all_queries()] == list(KINDS)
True
>>> get_query("saknas")  # doctest: +ELLIPSIS
Traceback (most recent call last):
queries.registry.UnknownQueryError: okänd fråga 'saknas'. Välj en av missing_specialist, ...
>>> issubclass(UnknownQueryError, LokgraphError)
True

The Cypher twins run on anything with ``run(cypher, **params) -> list[dict]``, such as
`lokgraph.Neo4jStore` (or ``Store.backend`` of a store opened on a Bolt URI); a server that
holds nothing gives no gaps:

>>> class EmptyServer:
...     def run(self, cypher, **params):
...         return []
>>> run_all_cypher(EmptyServer()), run_cypher("no_answer", EmptyServer(), kommun="Orsa")
([], [])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lokgraph._lazy import lazy_exports, public_names

if TYPE_CHECKING:
    from .gap import KINDS, Gap
    from .registry import (
        Query,
        UnknownQueryError,
        all_queries,
        get_query,
        run_all,
        run_all_cypher,
        run_cypher,
        run_query,
    )

# loaded on first use, so `lokgraph query --list` (queries.catalog) loads no graph library
# (the one list of the public names: ``__all__`` is made from it, and
# tests/test_public_api.py checks that the TYPE_CHECKING imports above name the same)
_WHERE = {
    ".gap": ("KINDS", "Gap"),
    ".registry": (
        "Query",
        "UnknownQueryError",
        "all_queries",
        "get_query",
        "run_all",
        "run_all_cypher",
        "run_cypher",
        "run_query",
    ),
}
__all__ = public_names(_WHERE)
__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
