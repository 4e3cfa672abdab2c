"""A store is checked when it is read: every node and edge against the graph schema.

A store file is the planner's working data; it can be damaged by a hand edit, a sync tool or
an editor that saves it in another encoding. Rather than fail deep inside a query, or worse
draw a damaged graph as if it were whole, `check_document` (`check_document_v2` for a store of
version 2) goes over the parsed file once and raises a `StoreError` that names the first bad
record and says how to recover.

What is checked, from the models in `lokgraph.models`: the ``nodes`` and ``edges`` (lists of
records in version 1, the graph's dicts in version 2: an edge's type is its key there); each
node's id (unique), label, the keys its label requires and the allowed values of its `kind`;
each edge's type, that both ends are nodes of the store and of the labels the type allows,
`partial` and `reason`; and the shape of every evidence record. Other properties are not
checked (the models take them as they come). In version 2 an id or an edge is a key of a JSON
object, which cannot be written twice without the JSON reader keeping only the last.

>>> check_document({"nodes": [{"id": "kommun:orsa", "label": "Principal", "name": "Orsa",
...                  "kind": "kommun"}], "edges": []}, where="lagret.json")
>>> check_document({"nodes": [{"id": "kommun:orsa", "name": "Orsa"}], "edges": []},
...                where="lagret.json")
Traceback (most recent call last):
lokgraph.errors.StoreError: lagret.json: lagret är skadat: nod nr 1 (id 'kommun:orsa') saknar ...
"""

from __future__ import annotations

import typing
from typing import Any

from .errors import StoreError
from .models import (
    ALLOWED_ENDPOINTS,
    Activity,
    Agreement,
    Area,
    Evidence,
    Group,
    Principal,
    Source,
    Unit,
)

__all__ = ["RECOVER", "check_document", "check_document_v2", "decode_store"]

#: How to get a working store back, for every message here.
RECOVER = (
    "Rätta posten i filen, återställ lagret från en säkerhetskopia, eller bygg ett nytt lager "
    "genom att importera källorna igen (lokgraph import FIL … --store NYTT.json)"
)

_MODELS = (Area, Principal, Unit, Group, Agreement, Activity, Source)
_EVIDENCE_KEYS = frozenset(Evidence.model_fields)


def _schema() -> dict[str, tuple[tuple[str, ...], dict[str, frozenset[str]]]]:
    """Per label: the required keys (besides id and label) and the allowed values of Literals."""
    found = {}
    for model in _MODELS:
        label = model.model_fields["label"].default
        required = tuple(
            name for name, f in model.model_fields.items() if f.is_required() and name != "id"
        )
        choices = {}
        for name, f in model.model_fields.items():
            if name != "label" and typing.get_origin(f.annotation) is typing.Literal:
                choices[name] = frozenset(typing.get_args(f.annotation))
        found[label] = (required, choices)
    return found


_SCHEMA = _schema()


def decode_store(data: bytes, *, where: str) -> str:
    """The text of a store file, which lokgraph always writes as UTF-8.

    >>> decode_store("Malung-Sälen".encode("latin-1"), where="lagret.json")
    Traceback (most recent call last):
    lokgraph.errors.StoreError: lagret.json, rad 1: lagret är inte UTF-8 (byte 0xe4)...
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise StoreError(
            f"lagret är inte UTF-8 (byte 0x{data[err.start]:02x}); filen har troligen sparats om "
            "i en annan teckenkodning, till exempel latin-1 eller ANSI",
            where=f"{where}, rad {line}",
            fix="Spara filen som UTF-8 igen (lokgraph skriver alltid UTF-8). " + RECOVER,
        ) from err


def check_document(doc: dict[str, Any], *, where: str) -> None:
    """Raise `StoreError` for the first node or edge that does not fit the schema (version 1:
    ``nodes`` and ``edges`` are lists of records).

    Each record is checked with a few fast tests; only a record that fails one is looked at
    again to say exactly what is wrong, so checking costs little next to parsing the JSON.
    """
    nodes, edges = _lists(doc, where, list, "en lista")
    labels: dict[str, str] = {}
    for number, node in enumerate(nodes, start=1):
        if type(node) is not dict:
            _fail(where, f"nod nr {number} är {_kind(node)}, inte en post")
        node_id = node.get("id")
        if not _node_ok(node_id, node, labels):
            _explain_node(node, number, labels, where)
        labels[typing.cast(str, node_id)] = node["label"]
    seen: set[tuple[str, str, str]] = set()
    for number, edge in enumerate(edges, start=1):
        if type(edge) is not dict:
            _fail(where, f"kant nr {number} är {_kind(edge)}, inte en post")
        # "" for a missing field: no node or type has it, so the edge is explained below
        triple = (edge.get("source", ""), edge.get("target", ""), edge.get("type", ""))
        if triple in seen or not _edge_ok(triple, edge, labels):
            _explain_edge(edge, number, labels, seen, where)
        seen.add(triple)


def check_document_v2(doc: dict[str, Any], *, where: str) -> None:
    """`check_document` for version 2: ``nodes`` maps an id to its attributes, ``edges`` a
    source to its targets and each target to its edges by type.

    >>> check_document_v2({"nodes": {"kommun:orsa": {"label": "Principal", "name": "Orsa",
    ...                    "kind": "kommun"}}, "edges": {}}, where="lagret.json")
    >>> check_document_v2({"nodes": {}, "edges": {"kommun:orsa": {"area:lan:20": {"IN_AREA": {
    ...                    "type": "IN_AREA"}}}}}, where="lagret.json")
    Traceback (most recent call last):
    lokgraph.errors.StoreError: lagret.json: lagret är skadat: kant nr 1 (IN_AREA från ...
    """
    nodes, edges = _lists(doc, where, dict, "en post")
    labels: dict[str, str] = {}
    for number, (node_id, node) in enumerate(nodes.items(), start=1):
        if type(node) is not dict:
            _fail(where, f"nod nr {number} (id {node_id!r}) är {_kind(node)}, inte en post")
        if not _node_ok(node_id, node, labels):
            _explain_node({"id": node_id, **node}, number, labels, where)
        labels[node_id] = node["label"]
    number = 0
    for source, out in edges.items():
        if type(out) is not dict:
            _fail(where, f"kanterna från {source!r} är {_kind(out)}, inte en post")
        for target, keyed in out.items():
            if type(keyed) is not dict:
                what = _kind(keyed)
                _fail(where, f"kanterna från {source!r} till {target!r} är {what}, inte en post")
            for rel_type, edge in keyed.items():
                number += 1
                if type(edge) is not dict:
                    _fail(where, f"kant nr {number} är {_kind(edge)}, inte en post")
                if edge.get("type") != rel_type or not _edge_ok(
                    (source, target, rel_type), edge, labels
                ):
                    _explain_edge_v2(source, target, rel_type, edge, number, labels, where)


def _lists(doc: dict[str, Any], where: str, kind: type, named: str) -> tuple[Any, Any]:
    """The document's nodes and edges, each a `kind` (a list in version 1, a dict in 2)."""
    found = doc.get("nodes"), doc.get("edges")
    for key, value in zip(("nodes", "edges"), found, strict=True):
        if not isinstance(value, kind):
            problem = "saknas" if value is None else f"är {_kind(value)}, inte {named}"
            _fail(where, f"nyckeln {key!r} {problem}")
    return found


def _node_ok(node_id: object, node: dict, labels: dict[str, str]) -> bool:
    """A node's few fast tests: id, label, the label's required keys and Literal values,
    evidence."""
    label = node.get("label")
    entry = _SCHEMA.get(label) if type(label) is str else None
    return not (
        entry is None
        or type(node_id) is not str
        or not node_id
        or node_id in labels
        or not all(type(node.get(k)) is str and node[k] for k in entry[0])
        or not all(node.get(k) in allowed for k, allowed in entry[1].items() if k in node)
        or not _evidence_ok(node.get("evidence", _NO_EVIDENCE))
    )


def _edge_ok(triple: tuple[Any, Any, Any], edge: dict, labels: dict[str, str]) -> bool:
    """An edge's few fast tests: its type, the labels of its ends, `partial`, `reason`,
    evidence."""
    ends = ALLOWED_ENDPOINTS.get(triple[2]) if type(triple[2]) is str else None
    partial, reason = edge.get("partial"), edge.get("reason")
    return not (
        ends is None
        or labels.get(triple[0], "") not in ends[0]
        or labels.get(triple[1], "") not in ends[1]
        or (partial is not None and type(partial) is not bool)
        or (reason is not None and type(reason) is not str)
        or not _evidence_ok(edge.get("evidence", _NO_EVIDENCE))
    )


def _explain_edge_v2(
    source: str, target: str, rel_type: str, edge: dict, number: int, labels: dict, where: str
) -> None:
    stated = edge.get("type")
    if stated is not None and stated != rel_type:
        name = _edge_name(number, {"type": rel_type, "source": source, "target": target})
        _fail(where, f"{name} har 'type' {stated!r}, som inte är dess nyckel {rel_type!r}")
    _explain_edge({**edge, "source": source, "target": target}, number, labels, set(), where)


_NO_EVIDENCE: list = []


_ONLY_TEXT = frozenset({str})


def _evidence_ok(evidence: object) -> bool:
    """A list of records with a `source`, known keys and text values (tested in C per record)."""
    if type(evidence) is not list:
        return False
    keys, text = _EVIDENCE_KEYS, _ONLY_TEXT
    for record in evidence:
        if (
            type(record) is not dict
            or "source" not in record
            or not keys.issuperset(record)
            or not text.issuperset(map(type, record.values()))
        ):
            return False
    return True


def _explain_node(node: dict, number: int, labels: dict[str, str], where: str) -> None:
    node_id = node.get("id")
    if not isinstance(node_id, str) or not node_id:
        _fail(where, f"nod nr {number} saknar 'id'" + _named(node))
    if node_id in labels:
        _fail(where, f"nod nr {number}: id {node_id!r} finns redan tidigare i lagret")
    name = f"nod nr {number} (id {node_id!r})"
    label = node.get("label")
    if label is None:
        _fail(where, f"{name} saknar 'label'")
    if label not in _SCHEMA:
        _fail(where, f"{name} har den okända etiketten {label!r}; en nod är {_either(_SCHEMA)}")
    required, choices = _SCHEMA[label]
    for key in required:
        value = node.get(key)
        if value is None:
            _fail(where, f"{name}, en {label}, saknar {key!r}")
        if not isinstance(value, str) or not value:
            _fail(where, f"{name}: {key!r} är {_kind(value)}, inte en text")
    for key, allowed in choices.items():
        value = node.get(key)
        if key in node and value not in allowed:
            _fail(where, f"{name}: {key} {value!r} är inget av {_either(allowed)}")
    _explain_evidence(node.get("evidence", []), name, where)
    _fail(where, f"{name} stämmer inte med lagrets schema")


def _explain_edge(edge: dict, number: int, labels: dict[str, str], seen: set, where: str) -> None:
    name = _edge_name(number, edge)
    for key in ("source", "target", "type"):
        if not isinstance(edge.get(key), str):
            _fail(where, f"{name} saknar {key!r}")
    source, target, rel_type = edge["source"], edge["target"], edge["type"]
    if rel_type not in ALLOWED_ENDPOINTS:
        kinds = _either(ALLOWED_ENDPOINTS)
        _fail(where, f"{name} har den okända typen {rel_type!r}; en kant är {kinds}")
    allowed_from, allowed_to = ALLOWED_ENDPOINTS[rel_type]
    for end, allowed, side in ((source, allowed_from, "från"), (target, allowed_to, "till")):
        if end not in labels:
            _fail(where, f"{name} pekar på noden {end!r}, som inte finns i lagret")
        if labels[end] not in allowed:
            _fail(
                where,
                f"{name} kan inte gå {side} en {labels[end]} ({end!r}); {rel_type} går från "
                f"{_either(allowed_from)} till {_either(allowed_to)}",
            )
    if (source, target, rel_type) in seen:
        _fail(where, f"{name} finns redan tidigare i lagret")
    if edge.get("partial") is not None and not isinstance(edge["partial"], bool):
        _fail(where, f"{name}: 'partial' är {_kind(edge['partial'])}, inte true eller false")
    if edge.get("reason") is not None and not isinstance(edge["reason"], str):
        _fail(where, f"{name}: 'reason' är {_kind(edge['reason'])}, inte en text")
    _explain_evidence(edge.get("evidence", []), name, where)
    _fail(where, f"{name} stämmer inte med lagrets schema")


def _explain_evidence(evidence: object, name: str, where: str) -> None:
    if not isinstance(evidence, list):
        _fail(where, f"{name}: 'evidence' är {_kind(evidence)}, inte en lista av belägg")
    for i, record in enumerate(evidence, start=1):
        if not isinstance(record, dict):
            _fail(where, f"{name}: belägg nr {i} är {_kind(record)}, inte en post")
        if not isinstance(record.get("source"), str):
            _fail(where, f"{name}: belägg nr {i} saknar 'source' (källans id)")
        for key, value in record.items():
            if key not in _EVIDENCE_KEYS:
                _fail(where, f"{name}: belägg nr {i} har den okända nyckeln {key!r}")
            if not isinstance(value, str):
                _fail(where, f"{name}: belägg nr {i}: {key!r} är {_kind(value)}, inte en text")


def _edge_name(number: int, edge: dict) -> str:
    parts = [f"kant nr {number}"]
    if isinstance(edge.get("type"), str):
        parts.append(str(edge["type"]))
    if isinstance(edge.get("source"), str) and isinstance(edge.get("target"), str):
        parts.append(f"från {edge['source']!r} till {edge['target']!r}")
    return parts[0] + (f" ({' '.join(parts[1:])})" if len(parts) > 1 else "")


def _named(node: dict) -> str:
    name = node.get("name")
    return f" (namn {name!r})" if isinstance(name, str) else ""


def _either(values: typing.Iterable[str]) -> str:
    items = sorted(values)
    return ", ".join(items[:-1]) + " eller " + items[-1] if len(items) > 1 else items[0]


def _kind(value: object) -> str:
    """The JSON kind of a value, in Swedish."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "ett sanningsvärde"
    if isinstance(value, (int, float)):
        return f"talet {value}"
    if isinstance(value, str):
        return f"texten {value[:40]!r}"
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "en post"
    return type(value).__name__


def _fail(where: str, problem: str) -> typing.NoReturn:
    raise StoreError(f"lagret är skadat: {problem}", where=where, fix=RECOVER)
