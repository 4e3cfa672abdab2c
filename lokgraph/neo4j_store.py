"""The graph on a Neo4j server (or FalkorDB, in the tests) behind the store interface.

Representation: one Neo4j label per node label (Area, Principal, Unit, Group, Agreement,
Activity, Source) and the `id` property; the node's other properties as they are in networkx
(strings, booleans, integers, lists of strings; dates are ISO strings already); `evidence` as
a JSON string, because a property cannot hold a list of maps. A relationship's type is the
edge type; its properties are `partial`, `reason` and `evidence` (JSON). `load` turns all of
it back into the very attributes the file store holds (`label` from the Neo4j label, `type`
from the relationship type, evidence parsed).

Writes: the dialect's schema statements first, then nodes per label and relationships per
(type, source label, target label) in `UNWIND $rows AS row MERGE ... SET n = row.props`
batches, each batch one write transaction, so a failure leaves no half-written batch. `SET =`
rather than `SET +=`, so a property dropped from the graph is dropped on the server too. Every
value is a parameter: only labels and relationship types, checked against the schema's fixed
sets, and property names that are plain identifiers are ever written into Cypher text.
Whatever differs between Neo4j and FalkorDB (schema statements, batch sizes, string encoding)
comes from `lokgraph.dialect`.
"""

from __future__ import annotations

import copy
import json
import os
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import neo4j
import networkx as nx
from neo4j import exceptions as neo4j_errors

from .dialect import Dialect, detect_dialect, dialect_for
from .errors import ServerError, StoreError
from .graph import MergeStats, merge, new_graph
from .models import ALLOWED_ENDPOINTS, NODE_LABELS, RELATIONSHIP_TYPES, Structure

__all__ = ["Neo4jStore", "split_credentials"]

_PLAIN_SCHEMES = ("bolt", "neo4j")
_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_DEFAULT_PORT = 7687
_CONNECT_TIMEOUT = 10.0
_CLEAR_BATCH = 5000  # nodes deleted per transaction by clear()
_EDGE_ORDER = {t: i for i, t in enumerate(RELATIONSHIP_TYPES)}


def split_credentials(uri: str) -> tuple[str, str | None, str | None]:
    """The URI without `user:password@`, and the user and password it held.

    >>> split_credentials("bolt://neo4j:s3cret@localhost:7687")
    ('bolt://localhost:7687', 'neo4j', 's3cret')
    >>> split_credentials("bolt://localhost")
    ('bolt://localhost', None, None)
    """
    parts = urlsplit(uri)
    if "@" not in parts.netloc:
        return uri, None, None
    userinfo, _, hostport = parts.netloc.rpartition("@")
    user, sep, password = userinfo.partition(":")
    clean = urlunsplit(parts._replace(netloc=hostport))
    return clean, unquote(user) or None, unquote(password) if sep else None


class Neo4jStore:
    """A graph store on a Bolt server: Neo4j 5 in production, FalkorDB in the tests.

    Credentials come from the arguments, else from `user:password@` in the URI, else from
    `NEO4J_USER` and `NEO4J_PASSWORD`. They are given to the driver only: the store's `uri`,
    its repr and its error messages never hold them. A server that cannot be reached or that
    refuses the credentials raises ServerError when the store is opened.

    `save` replaces what the server holds; `merge` reads the graph, merges in Python with
    the same rules as every store (`lokgraph.graph.merge`) and writes back only the nodes and
    relationships that changed. That costs one read of the whole graph per merge, which is
    cheap at lokgraph's scale (tens of thousands of nodes) and keeps one set of merge rules.
    """

    def __init__(
        self,
        uri: str,
        *,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        batch_size: int | None = None,
        dialect: Dialect | str | None = None,
    ) -> None:
        clean, uri_user, uri_password = split_credentials(uri)
        self.uri = clean
        self.database = database
        scheme = urlsplit(clean).scheme
        if scheme not in _SCHEMES:
            raise ServerError(
                f"{clean!r} is not a Bolt URI",
                fix="Use bolt://host:7687 (or neo4j://, bolt+s://, neo4j+s://)",
            )
        user = user or uri_user or os.environ.get("NEO4J_USER") or None
        if password is None:
            password = uri_password
        if password is None:
            password = os.environ.get("NEO4J_PASSWORD")
        auth = None if user is None and password is None else (user or "neo4j", password or "")
        if batch_size is not None and batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        if scheme in _PLAIN_SCHEMES:
            _drain_stale_accepts(clean)
        try:
            self._driver = neo4j.GraphDatabase.driver(
                clean,
                auth=auth,
                connection_timeout=_CONNECT_TIMEOUT,
                connection_acquisition_timeout=3 * _CONNECT_TIMEOUT,
            )
        except (neo4j_errors.ConfigurationError, ValueError) as err:
            raise ServerError(f"cannot use {clean!r}: {_one_line(err)}") from None
        try:
            with self._errors():
                self._driver.verify_connectivity()
            if isinstance(dialect, str):
                dialect = dialect_for(dialect)
            self.dialect = dialect or detect_dialect(self._driver, database=database)
        except BaseException:
            self._driver.close()
            raise
        self.batch_size = batch_size or self.dialect.default_batch_size
        self._schema_done = False

    def __repr__(self) -> str:
        dialect = getattr(self, "dialect", None)
        return f"Neo4jStore({self.uri!r}, dialect={getattr(dialect, 'name', None)!r})"

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections; the store cannot be used after."""
        if self.dialect.name == "falkordb":  # see _drop_connections
            _drop_connections(self._driver)
        self._driver.close()

    # -- the store interface -----------------------------------------------------------

    def load(self) -> nx.MultiDiGraph:
        """Pull: the whole graph, with the same attributes the networkx store holds."""
        graph = new_graph()
        for label in NODE_LABELS:
            rows = self._read(f"MATCH (n:{_label(label)}) RETURN properties(n) AS props")
            for row in rows:
                props = self._from_server(row["props"])
                node_id = props.pop("id")
                graph.add_node(node_id, label=label, **props)
        for rel_type in RELATIONSHIP_TYPES:
            rows = self._read(
                f"MATCH (a)-[r:{_rel_type(rel_type)}]->(b) "
                "RETURN a.id AS source, b.id AS target, properties(r) AS props"
            )
            for row in rows:
                source, target = (self.dialect.decode(row[k]) for k in ("source", "target"))
                if source in graph and target in graph:  # not to another application's nodes
                    props = self._from_server(row["props"])
                    graph.add_edge(source, target, key=rel_type, type=rel_type, **props)
        return graph

    def save(self, graph: nx.MultiDiGraph) -> None:
        """Push: make the server hold exactly this graph.

        Reads what the server holds, deletes the nodes and relationships the graph does not
        have (and a node whose label changed), then writes the nodes and relationships that
        are new or differ. Pushing the same graph twice writes nothing the second time. Each
        batch is one transaction; the push as a whole is not (a failure keeps earlier
        batches, and pushing again finishes the job).
        """
        _rows(graph)  # refuse a graph the server cannot hold before anything is written
        self._ensure_schema()
        current = self.load()
        labels = {n: d.get("label") for n, d in graph.nodes(data=True)}
        gone = {n for n, d in current.nodes(data=True) if labels.get(n) != d.get("label")}
        stale_edges: dict[tuple[str, str, str], list[dict]] = {}
        for u, v, key in current.edges(keys=True):
            if u not in gone and v not in gone and not graph.has_edge(u, v, key):
                group = (key, current.nodes[u]["label"], current.nodes[v]["label"])
                stale_edges.setdefault(group, []).append({"source": u, "target": v})
        for (rel_type, label_a, label_b), rows in stale_edges.items():
            self._write_batches(
                f"UNWIND $rows AS row MATCH (a:{_label(label_a)} {{id: row.source}})"
                f"-[r:{_rel_type(rel_type)}]->(b:{_label(label_b)} {{id: row.target}}) DELETE r",
                [self._encode_row(row) for row in rows],
            )
        stale_nodes: dict[str, list[dict]] = {}
        for node_id in sorted(gone):
            stale_nodes.setdefault(current.nodes[node_id]["label"], []).append({"id": node_id})
        for label, rows in stale_nodes.items():
            self._write_batches(
                f"UNWIND $rows AS row MATCH (n:{_label(label)} {{id: row.id}}) DETACH DELETE n",
                [self._encode_row(row) for row in rows],
            )
        node_ids = {
            n
            for n, d in graph.nodes(data=True)
            if n in gone or n not in current or current.nodes[n] != d
        }
        edge_keys = {
            (u, v, k)
            for u, v, k, d in graph.edges(keys=True, data=True)
            if u in gone
            or v in gone
            or not current.has_edge(u, v, k)
            or current.edges[u, v, k] != d
        }
        self._write(*_rows(graph, node_ids=node_ids, edge_keys=edge_keys))

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
            self._write(*_rows(graph, node_ids=node_ids, edge_keys=edge_keys))
        return stats

    # -- more than the interface ----------------------------------------------------------

    def run(self, cypher: str, **params: Any) -> list[dict]:
        """A read query with parameters; rows as plain dicts, strings as they were stored.

        This is how the `.cypher` twins of the gap queries run. String parameters are encoded
        the way stored strings are, so `WHERE n.name = $name` matches on every server.
        """
        rows = self._read(cypher, **self.dialect.encode_props(params))
        return [self.dialect.decode(row) for row in rows]

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
                with self._errors(), self._session() as session:
                    deleted = session.execute_write(
                        lambda tx, q=cypher: tx.run(q, limit=_CLEAR_BATCH).single()["n"]
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

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Driver errors as ServerError: one line, naming the server, never a credential."""
        try:
            yield
        except neo4j_errors.AuthError:
            raise ServerError(
                f"the server at {self.uri} refused the user name or password",
                fix="Set NEO4J_USER and NEO4J_PASSWORD to an account of that server",
            ) from None
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError) as err:
            raise ServerError(
                f"cannot reach a Bolt server at {self.uri} ({_one_line(err, 120)})",
                fix="Start it (docker compose up -d) or correct the URI",
            ) from None
        except neo4j_errors.Neo4jError as err:
            code = _server_code(err)
            if code.endswith((".Unauthorized", ".AuthenticationRateLimit")):
                raise ServerError(
                    f"the server at {self.uri} refused the user name or password",
                    fix="Set NEO4J_USER and NEO4J_PASSWORD to an account of that server",
                ) from None
            raise ServerError(
                f"the server at {self.uri} failed a query: {code}: "
                f"{_one_line(err.message or err, 200)}"
            ) from None
        except neo4j_errors.DriverError as err:
            raise ServerError(
                f"the Bolt driver failed on {self.uri}: {_one_line(err, 200)}"
            ) from None

    def _session(self) -> neo4j.Session:
        return self._driver.session(database=self.database)

    def _read(self, cypher: str, **params: Any) -> list[dict]:
        def work(tx: neo4j.ManagedTransaction) -> list[dict]:
            return [record.data() for record in tx.run(cypher, params)]

        with self._errors(), self._session() as session:
            return session.execute_read(work)

    def _write_batches(self, cypher: str, rows: list[dict], *, expect: str | None = None) -> int:
        """Each batch in its own write transaction; returns how many rows it wrote.

        With `expect` (what the rows are), the query returns `count(*) AS n` and a batch that
        wrote fewer rows than it was given is an error: a relationship whose end is missing.
        """
        written = 0

        def work(tx: neo4j.ManagedTransaction | neo4j.Session, batch: list[dict]) -> int:
            result = tx.run(cypher, {"rows": batch})
            if expect:
                return result.single(strict=True)["n"]
            result.consume()
            return len(batch)

        with self._errors(), self._session() as session:
            for batch in self._batches(rows):
                if self.dialect.transactional:
                    n = session.execute_write(work, batch)
                else:
                    # a server that ignores rollback gains nothing from BEGIN and COMMIT but
                    # two round trips a batch: send each batch as one auto-commit query
                    n = work(session, batch)
                if expect and n != len(batch):
                    raise StoreError(
                        f"wrote {n} of {len(batch)} {expect}: an end node is not on the server",
                        where=self.uri,
                        fix="Push the whole graph again (lokgraph push)",
                    )
                written += n
        return written

    def _batches(self, rows: list[dict]) -> Iterator[list[dict]]:
        """Rows in batches of at most batch_size rows and the dialect's request size."""
        limit = self.dialect.max_batch_bytes
        batch: list[dict] = []
        size = 0
        for row in rows:
            row_size = _size(row) if limit else 0
            if batch and (len(batch) >= self.batch_size or (limit and size + row_size > limit)):
                yield batch
                batch, size = [], 0
            batch.append(row)
            size += row_size
        if batch:
            yield batch

    def _ensure_schema(self) -> None:
        """The dialect's schema statements, once per store: uniqueness constraints on Neo4j,
        indexes on FalkorDB (only those missing: it cannot re-run CREATE INDEX)."""
        if self._schema_done:
            return
        existing = None
        if self.dialect.index_query:
            existing = [row["label"] for row in self._read(self.dialect.index_query)]
        statements = self.dialect.schema_statements(NODE_LABELS, existing)
        with self._errors(), self._session() as session:
            for statement in statements:
                session.execute_write(lambda tx, s=statement: tx.run(s).consume())
        self._schema_done = True

    def _write(
        self,
        node_rows: dict[str, list[dict]],
        edge_rows: dict[tuple[str, str, str], list[dict]],
    ) -> None:
        for label, rows in node_rows.items():
            node = f"(n:{_label(label)} {{id: row.id}})"
            self._write_rows(
                f"UNWIND $rows AS row MERGE {node} SET n = row.props",
                f"UNWIND $rows AS row MATCH {node} SET n.{{key}} = n.{{key}} + row.part",
                rows,
            )
        for (rel_type, label_a, label_b), rows in edge_rows.items():
            ends = (
                f"MATCH (a:{_label(label_a)} {{id: row.source}}) "
                f"MATCH (b:{_label(label_b)} {{id: row.target}})"
            )
            rel = f"(a)-[r:{_rel_type(rel_type)}]->(b)"
            self._write_rows(
                f"UNWIND $rows AS row {ends} MERGE {rel} SET r = row.props RETURN count(*) AS n",
                f"UNWIND $rows AS row {ends} MATCH {rel} SET r.{{key}} = r.{{key}} + row.part",
                rows,
                expect=f"{rel_type} relationships from {label_a} to {label_b}",
            )

    def _write_rows(
        self, cypher: str, append: str, rows: list[dict], *, expect: str | None = None
    ) -> None:
        """Write rows in batches. A row too large for the dialect's requests (FalkorDB's are
        about 4 KB) is written with its long values cut short, and the rest of each value is
        appended after, one piece per transaction."""
        heads, tails = [], []
        for row in rows:
            head, parts = self._split(self._plain_row(row))
            heads.append(self._encode_row(head))
            tails += [(key, self._encode_row(_tail(head, part))) for key, part in parts]
        self._write_batches(cypher, heads, expect=expect)
        for key, tail in tails:
            self._write_batches(append.replace("{key}", _property_key(key)), [tail])

    def _plain_row(self, row: dict) -> dict:
        """The row with evidence as its JSON string, not yet encoded for the dialect.

        Empty evidence is not sent (pull gives it back as []): most relationships have none,
        and on a server that takes only small requests every byte saved is a row more a batch.
        """
        props = dict(row["props"])
        if "evidence" in props:
            if props["evidence"]:
                props["evidence"] = json.dumps(
                    props["evidence"], ensure_ascii=False, sort_keys=True
                )
            else:
                del props["evidence"]
        return {**row, "props": props}

    def _encode_row(self, row: dict) -> dict:
        return {
            key: {k: self.dialect.encode(v) for k, v in value.items()}
            if key == "props"
            else self.dialect.encode(value)
            for key, value in row.items()
        }

    def _split(self, row: dict) -> tuple[dict, list[tuple[str, Any]]]:
        """The row with its long strings and lists cut to a first piece, and the other pieces
        (property, piece) in order, so that every request fits the dialect's limit."""
        limit = self.dialect.max_batch_bytes
        if not limit or _size(self._encode_row(row)) <= limit:
            return row, []
        piece = limit // 2
        while piece >= 16:
            props, parts = {}, []
            for key, value in row["props"].items():
                pieces = [value] if key == "id" else _pieces(value, piece)
                props[key] = pieces[0]
                parts += [(key, p) for p in pieces[1:]]
            head = {**row, "props": props}
            sizes = [_size(self._encode_row(head))]
            sizes += [_size(self._encode_row(_tail(head, part))) for _, part in parts]
            if max(sizes) <= limit:
                return head, parts
            piece //= 2
        raise StoreError(
            f"{row.get('id') or (row.get('source'), row.get('target'))!r} cannot be cut into "
            f"requests of {limit} bytes, the most {self.dialect.name} accepts",
            where=self.uri,
            fix="Use Neo4j for this graph",
        )

    def _from_server(self, props: dict) -> dict:
        attrs: dict = {"evidence": []}
        for key, value in props.items():
            value = self.dialect.decode(value)
            if key == "evidence" and isinstance(value, str):
                value = json.loads(value)
            attrs[key] = value
        return attrs


def _label(label: str) -> str:
    """A node label for Cypher text: only the schema's own labels ever get there."""
    if label not in NODE_LABELS:
        raise StoreError(
            f"unknown node label {label!r}",
            fix=f"Use one of {', '.join(NODE_LABELS)}",
        )
    return label


def _rel_type(rel_type: str) -> str:
    """A relationship type for Cypher text: only the schema's own types ever get there."""
    if rel_type not in RELATIONSHIP_TYPES:
        raise StoreError(
            f"unknown relationship type {rel_type!r}",
            fix=f"Use one of {', '.join(RELATIONSHIP_TYPES)}",
        )
    return rel_type


_SCALARS = (str, bool, int, float)


def _check_value(value: object, what: str) -> None:
    if value is None or isinstance(value, _SCALARS):
        return
    if isinstance(value, list | tuple) and all(isinstance(v, _SCALARS) for v in value):
        return
    raise StoreError(
        f"{what} is a {type(value).__name__}; a Bolt server holds only strings, numbers, "
        "booleans and lists of them",
        fix="Store it as a string",
    )


def _rows(
    graph: nx.MultiDiGraph,
    *,
    node_ids: set[str] | None = None,
    edge_keys: set[tuple[str, str, str]] | None = None,
) -> tuple[dict[str, list[dict]], dict[tuple[str, str, str], list[dict]]]:
    """Node rows per label and relationship rows per (type, source label, target label),
    of the whole graph or of the given nodes and edges only."""
    node_rows: dict[str, list[dict]] = {label: [] for label in NODE_LABELS}
    labels: dict[str, str] = {}
    for node_id, attrs in graph.nodes(data=True):
        label = attrs.get("label")
        if label not in NODE_LABELS:
            raise StoreError(
                f"node {node_id!r} has label {label!r}",
                fix=f"Give every node a label of {', '.join(NODE_LABELS)}",
            )
        labels[node_id] = label
        if node_ids is not None and node_id not in node_ids:
            continue
        props: dict[str, Any] = {"id": node_id}
        for key, value in attrs.items():
            if key in ("label", "id"):
                continue
            if key != "evidence":
                _check_value(value, f"property {key!r} of node {node_id!r}")
            props[key] = list(value) if isinstance(value, tuple) else value
        node_rows[label].append({"id": node_id, "props": props})
    edge_rows: dict[tuple[str, str, str], list[dict]] = {}
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        if edge_keys is not None and (source, target, key) not in edge_keys:
            continue
        if key not in ALLOWED_ENDPOINTS or attrs.get("type", key) != key:
            raise StoreError(
                f"edge {source!r} -> {target!r} has type {key!r}",
                fix=f"Use one of {', '.join(RELATIONSHIP_TYPES)}",
            )
        props = {}
        for name, value in attrs.items():
            if name == "type":
                continue
            if name != "evidence":
                _check_value(value, f"property {name!r} of {key} {source!r} -> {target!r}")
            props[name] = list(value) if isinstance(value, tuple) else value
        group = (key, labels[source], labels[target])
        edge_rows.setdefault(group, []).append({"source": source, "target": target, "props": props})
    nodes = {
        label: sorted(rows, key=lambda r: r["id"]) for label, rows in node_rows.items() if rows
    }
    edges = {
        group: sorted(rows, key=lambda r: (r["source"], r["target"]))
        for group, rows in sorted(edge_rows.items(), key=lambda g: (_EDGE_ORDER[g[0][0]], g[0]))
    }
    return nodes, edges


def _tail(head: dict, part: Any) -> dict:
    """The row that appends one more piece of a value to what `head` wrote."""
    return {**{k: v for k, v in head.items() if k != "props"}, "part": part}


def _size(row: object) -> int:
    return len(json.dumps(row, ensure_ascii=False).encode())


def _pieces(value: Any, size: int) -> list[Any]:
    """A string or list cut into pieces of about `size` bytes (as JSON), in order."""
    if isinstance(value, str):
        if _size(value) <= size:
            return [value]
        step = max(1, size // 6)  # a character is at most 6 bytes of JSON
        return [value[i : i + step] for i in range(0, len(value), step)]
    if isinstance(value, list) and _size(value) > size:
        pieces: list[list] = [[]]
        for item in value:
            if pieces[-1] and _size([*pieces[-1], item]) > size:
                pieces.append([])
            pieces[-1].append(item)
        return pieces
    return [value]


def _property_key(key: str) -> str:
    """A property name for Cypher text: a plain identifier, in backticks, or an error."""
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
        raise StoreError(
            f"property name {key!r} is not a plain identifier",
            fix="Use letters, digits and _ in property names",
        )
    return f"`{key}`"


def _server_code(err: neo4j_errors.Neo4jError) -> str:
    """The server's own error code. The driver files codes it does not know (FalkorDB's, such
    as FalkorDB.ClientError.Security.Unauthorized) under UnknownError and keeps the original
    only in the failure's metadata."""
    raw = getattr(err, "_metadata", None)
    original = raw.get("code") if isinstance(raw, dict) else None
    if original and (not err.code or err.code.endswith("UnknownError")):
        return str(original)
    return err.code or "error"


def _one_line(err: object, limit: int = 300) -> str:
    text = " ".join(str(err).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _drop_connections(driver: neo4j.Driver) -> None:
    """Close the driver's sockets without a Bolt GOODBYE.

    FalkorDB's Bolt listener, after a GOODBYE, leaves the next new connection (anyone's)
    hanging without a handshake answer. Dropping the sockets does not. This reaches into the
    driver's pool, so it is best effort: without it the driver closes as usual.
    """
    try:
        pool = driver._pool
        with pool.lock:
            for connections in pool.connections.values():
                for connection in list(connections):
                    connection.kill()
    except Exception:  # noqa: BLE001 - any driver change leaves the ordinary close
        return


def _drain_stale_accepts(uri: str, *, tries: int = 8, timeout: float = 0.3) -> None:
    """Answer FalkorDB's Bolt quirk before the driver connects.

    After a client closes a session (Bolt GOODBYE), FalkorDB's Bolt listener leaves the next
    new connection hanging without a handshake answer; the driver would wait a whole
    acquisition timeout. A bare handshake (which a real Neo4j answers at once) takes that
    hanging slot instead. Best effort: any failure here is left for the driver to report.
    """
    parts = urlsplit(uri)
    host, port = parts.hostname or "localhost", parts.port or _DEFAULT_PORT
    hello = bytes.fromhex("6060B017") + bytes.fromhex("00000705") + bytes(12)
    for _ in range(tries):
        try:
            with socket.create_connection((host, port), timeout=timeout) as sock:
                sock.sendall(hello)
                if len(sock.recv(4)) == 4:
                    return
        except TimeoutError:
            continue
        except OSError:
            return
