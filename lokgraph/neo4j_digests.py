"""What a Neo4j server holds of lokgraph's graph, as ids and content digests.

A push compares these with the graph's own digests (`lokgraph_hash` on every node and
relationship, `lokgraph.neo4j_rows`) and writes only what is new or differs. The rows come
from a `collect` callable: `collect(what, match, item, **params)` runs
`match … RETURN collect(item)` in one read transaction and returns the rows (what
`Neo4jStore._collect` does); `what` names the rows for a server that stops answering.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .models import NODE_LABELS, RELATIONSHIP_TYPES
from .neo4j_rows import HASH_KEY, JSON_KEYS, VALUE_TYPES, damaged, node_attrs
from .neo4j_rows import cypher_label as _label
from .neo4j_rows import cypher_rel_type as _rel_type

__all__ = ["TWICE", "server_digests"]

#: the digest of a relationship the server holds more than once
TWICE = "twice"

NodeDigests = dict[tuple[str, str], Any]
EdgeDigests = dict[tuple[str, str, str, str, str], Any]


def server_digests(collect: Callable[..., list]) -> tuple[NodeDigests, EdgeDigests]:
    """What the server holds, as {(id, label): digest} and
    {(source, target, type, source label, target label): digest}.

    A record holding what lokgraph never writes gets no digest (None), so the push rewrites
    it; a relationship held twice where lokgraph keeps one gets `TWICE`, so both go and one
    is written again.

    >>> def collect(what, match, item, **params):
    ...     if match.startswith("MATCH (n:Area)"):
    ...         return [["area:falun", "4:x:1", "abc"]]
    ...     return []
    >>> nodes, edges = server_digests(collect)
    >>> nodes[("area:falun", "Area")], edges
    ('abc', {})
    """
    checks = {"value_types": list(VALUE_TYPES), "json_keys": list(JSON_KEYS)}
    nodes: NodeDigests = {}
    for label in NODE_LABELS:
        digest = f"CASE WHEN {damaged('n')} THEN null ELSE n.{HASH_KEY} END"
        for node_id, eid, h in collect(
            f"{label}-noderna",
            f"MATCH (n:{_label(label)})",
            f"[n.id, elementId(n), {digest}]",
            **checks,
        ):
            if not isinstance(node_id, str) or not node_id:
                node_attrs(label, {"id": node_id}, eid)  # raises, naming it
            nodes[(node_id, label)] = h
    edges: EdgeDigests = {}
    for rel_type in RELATIONSHIP_TYPES:
        digest = f"CASE WHEN {damaged('r')} THEN null ELSE r.{HASH_KEY} END"
        rows = collect(
            f"{rel_type}-relationerna",
            f"MATCH (a)-[r:{_rel_type(rel_type)}]->(b) "
            "WITH a, r, b, [l IN labels(a) WHERE l IN $labels] AS la, "
            "[l IN labels(b) WHERE l IN $labels] AS lb WHERE la <> [] AND lb <> []",
            f"[a.id, b.id, la[0], lb[0], {digest}]",
            labels=list(NODE_LABELS),
            **checks,
        )
        for source, target, label_a, label_b, h in rows:
            key = (source, target, rel_type, label_a, label_b)
            edges[key] = TWICE if key in edges else h
    return nodes, edges
