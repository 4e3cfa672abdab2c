"""queries: the gap queries, each a Python function over the graph with a Cypher twin.

The public names are those in ``__all__`` (listed in the README); the modules behind them are
private. Run every query with `run_all`, one with `run_query`, or their Cypher twins on a
Neo4j server with `run_all_cypher` and `run_cypher`.

>>> from lokgraph import Fact, new_graph, merge_into, structure_of_facts
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
>>> get_query("missing_specialist").title_sv
'Specialistnivån saknas'
"""

from __future__ import annotations

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

__all__ = [
    "KINDS",
    "Gap",
    "Query",
    "UnknownQueryError",
    "all_queries",
    "get_query",
    "run_all",
    "run_all_cypher",
    "run_cypher",
    "run_query",
]
