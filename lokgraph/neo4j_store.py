"""The graph on a Neo4j 5 server behind the store interface.

How nodes and relationships become Neo4j records, and how records are checked when read back,
is `lokgraph.neo4j_rows`. Writes: one uniqueness constraint on `id` per label first, then nodes
per label and relationships per (type, source label, target label) in
`UNWIND $rows AS row MERGE … SET n = row.props` batches of 1,000 rows, each batch one managed
write transaction, so a failure leaves no half-written batch. `SET =` rather than `SET +=`, so
a property dropped from the graph is dropped on the server too. Every value is a parameter:
only labels and relationship types, checked against the schema's fixed sets, are ever written
into Cypher text.

A push reads only ids and content digests from the server (`lokgraph_hash` on every node and
relationship), deletes what the graph no longer has, and writes what is new or differs. An
unchanged re-push writes nothing, and a push killed at any point and run again ends with the
server equal to the graph: every batch is atomic and carries its own digests.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import neo4j
import networkx as nx

from .errors import InputError, StoreError
from .graph import MergeStats, merge, new_graph
from .models import NODE_LABELS, RELATIONSHIP_TYPES, Structure
from .neo4j_connection import CONNECT_TIMEOUT, Connection, check_uri, split_credentials
from .neo4j_digests import TWICE, server_digests
from .neo4j_rows import (
    HASH_KEY,
    edge_attrs,
    edge_rows,
    node_attrs,
    node_rows,
)
from .neo4j_rows import (
    cypher_label as _label,
)
from .neo4j_rows import (
    cypher_rel_type as _rel_type,
)
from .neo4j_wait import timeout_from_env
from .sv import antal

__all__ = ["CONNECT_TIMEOUT", "DEFAULT_BATCH_SIZE", "Neo4jStore", "check_uri", "split_credentials"]

DEFAULT_BATCH_SIZE = 1000
_CLEAR_BATCH = 5000  # nodes deleted per transaction by clear()


class Neo4jStore:
    """A graph store on a Neo4j 5 server.

    Credentials come from the arguments, else from `user:password@` in the URI, else from
    `NEO4J_USER` and `NEO4J_PASSWORD`. They are given to the driver only: the store's `uri`,
    its repr and its error messages never hold them. A server that cannot be reached within a
    few seconds or that refuses the credentials raises ServerError when the store is opened.
    One that stops answering later is given up on within `timeout` seconds (default 5, or
    ``$LOKGRAPH_NEO4J_TIMEOUT``) unless it still answers a new connection (see
    `lokgraph.neo4j_wait`).

    `save` makes the server hold exactly the graph; `merge` reads the graph, merges in Python
    with the same rules as every store (`lokgraph.graph.merge`) and writes back only the nodes
    and relationships that changed.
    """

    def __init__(
        self,
        uri: str,
        *,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        batch_size: int | None = None,
        timeout: float | None = None,
    ) -> None:
        clean, uri_user, uri_password = split_credentials(uri)
        self.uri = check_uri(clean)
        self.database = database
        if batch_size is not None and batch_size < 1:
            raise InputError(
                f"batchstorleken {batch_size} går inte: en batch har minst en rad",
                fix=f"Ange 1 eller fler rader (utan --batch-size blir det {DEFAULT_BATCH_SIZE})",
            )
        self.batch_size = batch_size or DEFAULT_BATCH_SIZE
        self._connection = Connection(
            self.uri,
            user=user or uri_user,
            password=uri_password if password is None else password,
            database=database,
            timeout=timeout_from_env() if timeout is None else timeout,
        )
        self._schema_done = False

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r})"

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections; the store cannot be used after."""
        self._connection.close()

    # -- the store interface -----------------------------------------------------------

    def load(self) -> nx.MultiDiGraph:
        """Pull: the whole graph, with the same attributes the file store holds.

        A record lokgraph cannot read is a StoreError naming it (see `lokgraph.neo4j_rows`).
        """
        graph = new_graph()
        for label in NODE_LABELS:
            for props, eid in self._collect(
                f"{label}-noderna", f"MATCH (n:{_label(label)})", "[properties(n), elementId(n)]"
            ):
                node_id, attrs = node_attrs(label, props, eid)
                graph.add_node(node_id, **attrs)
        for rel_type in RELATIONSHIP_TYPES:
            for source, target, props in self._collect(
                f"{rel_type}-relationerna",
                f"MATCH (a)-[r:{_rel_type(rel_type)}]->(b)",
                "[a.id, b.id, properties(r)]",
            ):
                if source in graph and target in graph:  # not to another application's nodes
                    attrs = edge_attrs(rel_type, source, target, props)
                    graph.add_edge(source, target, key=rel_type, **attrs)
        return graph

    def check(self) -> None:
        """Raise StoreError naming the first record on the server that lokgraph cannot read.

        Run before the Cypher gap queries, so that they never answer over a damaged graph.
        """
        self.load()

    def save(
        self, graph: nx.MultiDiGraph, *, progress: Callable[[int, int], None] | None = None
    ) -> None:
        """Push: make the server hold exactly this graph, writing only what differs.

        `progress(done, total)` is called as the rows of the graph (nodes and relationships)
        are compared or written, batch by batch, from ``(0, total)`` to ``(total, total)``.

        Reads the ids and digests on the server, deletes the relationships and nodes the
        graph does not have (and a node whose label changed), then writes the nodes and
        relationships that are new or differ. Each batch is one transaction; a push that is
        stopped half way leaves whole batches only, and pushing again finishes the job.
        """
        nodes, edges = node_rows(graph), edge_rows(graph)  # refuse a bad graph first
        self._ensure_schema()
        have_nodes, have_edges = server_digests(self._collect)
        labels = {n: d["label"] for n, d in graph.nodes(data=True)}
        gone = {(n, label) for n, label in have_nodes if labels.get(n) != label}
        gone_ids = {n for n, _ in gone}
        stale: dict[tuple[str, str, str], list[dict]] = {}
        for (u, v, rel_type, label_u, label_v), digest in have_edges.items():
            if (u, label_u) in gone or (v, label_v) in gone:
                continue  # DETACH DELETE takes it
            if digest is not TWICE and graph.has_edge(u, v, rel_type):
                continue
            stale.setdefault((rel_type, label_u, label_v), []).append({"source": u, "target": v})
        for (rel_type, label_a, label_b), rows in stale.items():
            self._write_batches(
                f"UNWIND $rows AS row MATCH (a:{_label(label_a)} {{id: row.source}})"
                f"-[r:{_rel_type(rel_type)}]->(b:{_label(label_b)} {{id: row.target}}) DELETE r",
                rows,
                what=(f"{rel_type}-relation", f"{rel_type}-relationer", "raderades"),
            )
        for label in NODE_LABELS:
            rows = [{"id": n} for n, node_label in sorted(gone) if node_label == label]
            self._write_batches(
                f"UNWIND $rows AS row MATCH (n:{_label(label)} {{id: row.id}}) DETACH DELETE n",
                rows,
                what=(f"{label}-nod", f"{label}-noder", "raderades"),
            )
        total = sum(map(len, nodes.values())) + sum(map(len, edges.values()))
        done = [0]

        def tick(n: int) -> None:
            done[0] += n
            if progress is not None:
                progress(done[0], total)

        tick(0)
        for label, rows in nodes.items():
            changed = [
                r
                for r in rows
                if r["id"] in gone_ids or have_nodes.get((r["id"], label)) != r["props"][HASH_KEY]
            ]
            tick(len(rows) - len(changed))
            self._write_nodes(label, changed, tick)
        for (rel_type, label_a, label_b), rows in edges.items():
            changed = [
                r
                for r in rows
                if r["source"] in gone_ids
                or r["target"] in gone_ids
                or have_edges.get((r["source"], r["target"], rel_type, label_a, label_b))
                != r["props"][HASH_KEY]
            ]
            tick(len(rows) - len(changed))
            self._write_edges((rel_type, label_a, label_b), changed, tick)

    def merge(self, structure: Structure, *, where: str | None = None) -> MergeStats:
        """Add a structure with the merge rules of every store; nothing is written if it does
        not validate, and merging the same structure twice writes nothing the second time."""
        graph = self.load()
        before_nodes = {n: copy.deepcopy(d) for n, d in graph.nodes(data=True)}
        before_edges = {
            (u, v, k): copy.deepcopy(d) for u, v, k, d in graph.edges(keys=True, data=True)
        }
        stats = merge(graph, structure, where=where)
        if stats.changed:
            node_ids = {n for n, d in graph.nodes(data=True) if before_nodes.get(n) != d}
            edge_keys = {
                (u, v, k)
                for u, v, k, d in graph.edges(keys=True, data=True)
                if before_edges.get((u, v, k)) != d
            }
            self._ensure_schema()
            for label, rows in node_rows(graph, node_ids).items():
                self._write_nodes(label, rows)
            for group, rows in edge_rows(graph, edge_keys).items():
                self._write_edges(group, rows)
        return stats

    # -- more than the interface ----------------------------------------------------------

    def run(self, cypher: str, **params: Any) -> list[dict]:
        """A read query with parameters; rows as plain dicts. The `.cypher` twins run here."""
        return self._read(cypher, **params)

    def clear(self) -> None:
        """Delete every node of lokgraph's labels, with its relationships, in batches.

        Nodes of other labels (another application's, on a shared server) are left alone.
        """
        for label in NODE_LABELS:
            cypher = (
                f"MATCH (n:{_label(label)}) WITH n LIMIT $limit "
                "DETACH DELETE n RETURN count(*) AS n"
            )
            while True:
                deleted = self._transaction(
                    f"att {label}-noder raderades",
                    True,
                    _delete_batch,
                    cypher,
                )
                if not deleted:
                    break

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per label and relationships per type, in the shape of `graph.summary`."""
        nodes: dict[str, int] = {}
        for label in NODE_LABELS:
            (row,) = self._read(f"MATCH (n:{_label(label)}) RETURN count(n) AS n")
            if row["n"]:
                nodes[label] = row["n"]
        edges: dict[str, int] = {}
        for rel_type in RELATIONSHIP_TYPES:
            (row,) = self._read(f"MATCH ()-[r:{_rel_type(rel_type)}]->() RETURN count(r) AS n")
            if row["n"]:
                edges[rel_type] = row["n"]
        return {"nodes": dict(sorted(nodes.items())), "edges": dict(sorted(edges.items()))}

    # -- private -------------------------------------------------------------------------

    def _transaction(self, what: str, write: bool, work: Callable[..., Any], *args: Any) -> Any:
        return self._connection.transaction(what, write, work, *args)

    def _read(self, cypher: str, **params: Any) -> list[dict]:
        def work(tx: neo4j.ManagedTransaction) -> list[dict]:
            return [record.data() for record in tx.run(cypher, params)]

        return self._transaction("svaret på en fråga", False, work)

    def _collect(self, what: str, match: str, item: str, **params: Any) -> list:
        """`match … RETURN collect(item)`: one record with every row, not a record per row
        (the driver's cost is per record). `what` names the rows, for a server that stalls."""
        cypher = f"{match} RETURN collect({item}) AS rows"

        def work(tx: neo4j.ManagedTransaction) -> list:
            return tx.run(cypher, params).single(strict=True)[0]  # no per-value transform

        return self._transaction(what, False, work)

    def _write_nodes(
        self, label: str, rows: list[dict], on_batch: Callable[[int], None] | None = None
    ) -> None:
        self._write_batches(
            f"UNWIND $rows AS row MERGE (n:{_label(label)} {{id: row.id}}) SET n = row.props",
            rows,
            what=(f"{label}-nod", f"{label}-noder", "skrevs"),
            on_batch=on_batch,
        )

    def _write_edges(
        self,
        group: tuple[str, str, str],
        rows: list[dict],
        on_batch: Callable[[int], None] | None = None,
    ) -> None:
        rel_type, label_a, label_b = group
        self._write_batches(
            f"UNWIND $rows AS row MATCH (a:{_label(label_a)} {{id: row.source}}) "
            f"MATCH (b:{_label(label_b)} {{id: row.target}}) "
            f"MERGE (a)-[r:{_rel_type(rel_type)}]->(b) SET r = row.props RETURN count(*) AS n",
            rows,
            what=(f"{rel_type}-relation", f"{rel_type}-relationer", "skrevs"),
            expect=f"{rel_type}-relationer från {label_a} till {label_b}",
            on_batch=on_batch,
        )

    def _write_batches(
        self,
        cypher: str,
        rows: list[dict],
        *,
        what: tuple[str, str, str] = ("rad", "rader", "skrevs"),
        expect: str | None = None,
        on_batch: Callable[[int], None] | None = None,
    ) -> int:
        """Each batch in its own managed write transaction; returns how many rows it wrote.

        `what` is the rows' noun, singular and plural, and the verb ("skrevs"), to say what a
        server that stopped answering was doing.

        With `expect` (what the rows are), the query returns `count(*) AS n` and a batch that
        wrote fewer rows than it was given is an error: a relationship whose end is missing.
        """
        written = 0

        def work(tx: neo4j.ManagedTransaction, batch: list[dict]) -> int:
            result = tx.run(cypher, {"rows": batch})
            if expect:
                return result.single(strict=True)["n"]
            result.consume()
            return len(batch)

        for start in range(0, len(rows), self.batch_size):
            batch = rows[start : start + self.batch_size]
            noun = antal(len(batch), what[0], what[1])
            n = self._transaction(f"att {noun} {what[2]}", True, work, batch)
            if expect and n != len(batch):
                raise StoreError(
                    f"skrev {n} av {len(batch)} {expect}: en ändnod saknas på servern",
                    where=self.uri,
                    fix="Skicka hela lagret igen (lokgraph push)",
                )
            written += n
            if on_batch is not None:
                on_batch(len(batch))
        return written

    def _ensure_schema(self) -> None:
        """One uniqueness constraint on `id` per label, once per store (IF NOT EXISTS)."""
        if self._schema_done:
            return
        for label in NODE_LABELS:
            statement = (
                f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
                f"FOR (n:{_label(label)}) REQUIRE n.id IS UNIQUE"
            )
            self._transaction(
                "att villkoren skapades",
                True,
                _run_statement,
                statement,
            )
        self._schema_done = True


def _delete_batch(tx: neo4j.ManagedTransaction, cypher: str) -> int:
    """Run one `… DETACH DELETE n RETURN count(*) AS n` batch; how many nodes it deleted."""
    record = tx.run(cypher, limit=_CLEAR_BATCH).single(strict=True)
    return int(record["n"])


def _run_statement(tx: neo4j.ManagedTransaction, statement: str) -> None:
    """Run one schema statement and wait for its summary."""
    tx.run(statement).consume()
