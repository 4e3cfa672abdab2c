"""The graph as rows for Neo4j, and the records read back from Neo4j as the graph's attributes.

A node is one Neo4j label (its `label`) and the property `id`; its other attributes are
properties as they are in networkx (strings, booleans, numbers, lists of those). `evidence`
and `by_round` are lists of maps, which a Neo4j property cannot hold, so they travel as JSON
strings (empty evidence is not sent; reading gives it back as []). A relationship's type is
the edge type. Every row also carries `lokgraph_hash`, a digest of its other properties, so a
push can tell what changed by reading ids and digests only.

Reading back checks every record: a node of lokgraph's labels without a text `id`, a value
Neo4j holds but lokgraph does not write (a date, a point, a duration), or `evidence` that is
not lokgraph's JSON is a StoreError naming the record, never a traceback or a quiet misread.

>>> rows = node_rows(_example())["Principal"]
>>> rows[0]["props"]["name"], len(rows[0]["props"][HASH_KEY])
('Orsa', 32)
>>> node_attrs("Principal", rows[0]["props"], "4:x:1")
('kommun:orsa', {'label': 'Principal', 'evidence': [], 'name': 'Orsa', 'kind': 'kommun'})
"""

from __future__ import annotations

import hashlib
import json
from json import JSONDecodeError
from typing import Any

import networkx as nx
from pydantic import ValidationError

from .errors import StoreError
from .models import ALLOWED_ENDPOINTS, NODE_LABELS, RELATIONSHIP_TYPES, Evidence
from .round_values import BY_ROUND

__all__ = [
    "HASH_KEY",
    "cypher_label",
    "cypher_rel_type",
    "JSON_KEYS",
    "VALUE_TYPES",
    "damaged",
    "node_rows",
    "edge_rows",
    "node_attrs",
    "edge_attrs",
]

HASH_KEY = "lokgraph_hash"
JSON_KEYS = ("evidence", BY_ROUND)
_SCALARS = (str, bool, int, float)
_EDGE_ORDER = {t: i for i, t in enumerate(RELATIONSHIP_TYPES)}
# what Cypher's valueType() says of the values lokgraph writes
_BASE_TYPES = ("STRING", "INTEGER", "FLOAT", "BOOLEAN")
VALUE_TYPES = (
    *(f"{t} NOT NULL" for t in _BASE_TYPES),
    *(f"LIST<{t} NOT NULL> NOT NULL" for t in _BASE_TYPES),
    "LIST<NOTHING> NOT NULL",
)


def node_rows(graph: nx.MultiDiGraph, only: set[str] | None = None) -> dict[str, list[dict]]:
    """Rows `{"id", "props"}` per label, sorted by id: every node, or those in `only`.

    Every node's label is checked, also of nodes not in `only`: a graph with one bad node is
    refused whole, before anything is written.
    """
    rows: dict[str, list[dict]] = {}
    for node_id, attrs in graph.nodes(data=True):
        label = attrs.get("label")
        if label not in NODE_LABELS:
            raise StoreError(
                f"noden {node_id!r} har etiketten {label!r}",
                fix=f"Ge varje nod en av etiketterna {', '.join(NODE_LABELS)}",
            )
        if only is not None and node_id not in only:
            continue
        props = _props(attrs, ("label", "id"), f"noden {node_id!r}")
        rows.setdefault(label, []).append({"id": node_id, "props": {"id": node_id, **props}})
    return {label: sorted(r, key=lambda row: row["id"]) for label, r in sorted(rows.items())}


def edge_rows(
    graph: nx.MultiDiGraph, only: set[tuple[str, str, str]] | None = None
) -> dict[tuple[str, str, str], list[dict]]:
    """Rows `{"source", "target", "props"}` per (type, source label, target label)."""
    rows: dict[tuple[str, str, str], list[dict]] = {}
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        if key not in ALLOWED_ENDPOINTS or attrs.get("type", key) != key:
            raise StoreError(
                f"relationen {source!r} -> {target!r} har typen {key!r}",
                fix=f"Använd någon av {', '.join(RELATIONSHIP_TYPES)}",
            )
        if only is not None and (source, target, key) not in only:
            continue
        props = _props(attrs, ("type",), f"relationen {key} {source!r} -> {target!r}")
        group = (key, graph.nodes[source]["label"], graph.nodes[target]["label"])
        rows.setdefault(group, []).append({"source": source, "target": target, "props": props})
    return {
        group: sorted(r, key=lambda row: (row["source"], row["target"]))
        for group, r in sorted(rows.items(), key=lambda g: (_EDGE_ORDER[g[0][0]], g[0]))
    }


def node_attrs(label: str, props: dict, element_id: str) -> tuple[str, dict]:
    """(id, attributes) of a node read from Neo4j, as the file store holds them."""
    node_id = props.get("id")
    if not isinstance(node_id, str) or not node_id:
        raise StoreError(
            f"en {label}-nod på servern (elementId {element_id}) har inget id i textform "
            f"({node_id!r}), så lokgraph kan inte läsa den",
            fix="Ta bort eller rätta noden i Neo4j Browser och skicka sedan lagret igen "
            "(lokgraph push)",
        )
    attrs = _attrs(props, ("id",), f"{label}-noden {node_id!r}")
    return node_id, {"label": label, **attrs}


def edge_attrs(rel_type: str, source: str, target: str, props: dict) -> dict:
    """The attributes of a relationship read from Neo4j, as the file store holds them."""
    what = f"relationen {rel_type} {source!r} -> {target!r}"
    return {"type": rel_type, **_attrs(props, (), what)}


def damaged(var: str) -> str:
    """A Cypher predicate: the record `var` holds something lokgraph would not have written.

    A value of a type lokgraph never writes (a date, a point, a map in a list), or `evidence`
    or `by_round` that does not look like the JSON list of objects lokgraph writes. It runs
    on the server and sends nothing back for a sound record; `node_attrs` and `edge_attrs`
    check the JSON itself on a full read.
    Needs the parameters `$value_types` (VALUE_TYPES) and `$json_keys` (JSON_KEYS).

    >>> "valueType(n[k])" in damaged("n")
    True
    """
    json_ok = " AND ".join(
        f"({var}.{key} IS NULL OR (valueType({var}.{key}) = 'STRING NOT NULL' "
        f"AND {var}.{key} STARTS WITH '[{{\"' AND {var}.{key} ENDS WITH '}}]'))"
        for key in JSON_KEYS
    )
    types_ok = f"all(k IN keys({var}) WHERE k IN $json_keys OR valueType({var}[k]) IN $value_types)"
    return f"NOT ({json_ok} AND {types_ok})"


def content_hash(props: dict) -> str:
    """A digest of a row's properties (without the digest itself): equal rows, equal digests.

    >>> content_hash({"id": "a", "name": "Å"}) == content_hash({"name": "Å", "id": "a"})
    True
    """
    text = json.dumps(props, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


# -- private helpers ------------------------------------------------------------------------


def _props(attrs: dict, skip: tuple[str, ...], what: str) -> dict:
    props: dict[str, Any] = {}
    for key, value in attrs.items():
        if key in skip:
            continue
        if key == HASH_KEY:
            raise StoreError(f"{what} har egenskapen {HASH_KEY!r}: det namnet är lokgraphs eget")
        if key in JSON_KEYS:
            if value:
                props[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
            continue
        _check_value(value, f"egenskapen {key!r} hos {what}")
        props[key] = list(value) if isinstance(value, tuple) else value
    props[HASH_KEY] = content_hash(props)
    return props


def _check_value(value: object, what: str) -> None:
    if value is None or isinstance(value, _SCALARS):
        return
    if isinstance(value, list | tuple) and all(isinstance(v, _SCALARS) for v in value):
        return
    raise StoreError(
        f"{what} är en {type(value).__name__}; Neo4j rymmer bara text, tal, sanningsvärden och "
        "listor av dem",
        fix="Spara värdet som text",
    )


def _attrs(props: dict, skip: tuple[str, ...], what: str) -> dict:
    attrs: dict[str, Any] = {"evidence": []}
    for key, value in props.items():
        if key in skip or key == HASH_KEY:
            continue
        if key in JSON_KEYS:
            attrs[key] = _parse_json(key, value, what)
            continue
        ok = isinstance(value, _SCALARS) or (
            isinstance(value, list) and all(isinstance(v, _SCALARS) for v in value)
        )
        if not ok:
            raise StoreError(
                f"{what} på servern har {key!r} av typen {type(value).__name__}, ett värde "
                "lokgraph aldrig skriver",
                fix="Rätta det i Neo4j Browser, eller skicka lagret igen (lokgraph push)",
            )
        attrs[key] = value
    return attrs


def _parse_json(key: str, value: object, what: str) -> list:
    problem = "inte en JSON-lista av objekt"
    try:
        parsed = json.loads(value) if isinstance(value, str) else None
        if isinstance(parsed, list) and all(isinstance(item, dict) for item in parsed):
            if key == "evidence":
                for item in parsed:
                    Evidence.model_validate(item)
            return parsed
    except JSONDecodeError as err:
        problem = f"ogiltig JSON vid tecken {err.pos}"
    except ValidationError:
        problem = "ett belägg utan lokgraphs fält"
    shown = value[:60] if isinstance(value, str) else value
    raise StoreError(
        f"{what} på servern har en {key!r} som lokgraph inte kan läsa "
        f"({problem}; den börjar {shown!r})",
        fix="Skicka lagret igen så lagas den (lokgraph push)",
    )


def _example() -> nx.MultiDiGraph:
    graph: nx.MultiDiGraph = nx.MultiDiGraph()
    graph.add_node("kommun:orsa", label="Principal", name="Orsa", kind="kommun", evidence=[])
    return graph


def cypher_label(label: str) -> str:
    """A node label for Cypher text: only the schema's own labels ever get there."""
    if label not in NODE_LABELS:
        raise StoreError(
            f"okänd nodetikett {label!r}", fix=f"Använd någon av {', '.join(NODE_LABELS)}"
        )
    return label


def cypher_rel_type(rel_type: str) -> str:
    """A relationship type for Cypher text: only the schema's own types ever get there."""
    if rel_type not in RELATIONSHIP_TYPES:
        raise StoreError(
            f"okänd relationstyp {rel_type!r}",
            fix=f"Använd någon av {', '.join(RELATIONSHIP_TYPES)}",
        )
    return rel_type
